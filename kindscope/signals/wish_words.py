"""The words of the death-wish rule (``wishes``): what it finds, and what holds it back.

Each pattern reads a lower-cased text (``guards.lowered``). Patterns that look before a
match end in ``$`` and are searched in the 40 to 60 characters before it. No pattern
rescans a run of whitespace from each of its characters (a run of newlines would cost its
square), and none is tried at every place of a long text unless ``CUE`` is found first.
"""

from __future__ import annotations

import re

YOU = r"(?:you|u|ya|yah|yu|y'all|yall|you all)"
SELF = r"(?:your ?self|ur ?self|yo ?self|your ?selves|urselves)"
END = r"(?:kill|off|unalive|end|neck|delete|uninstall)"
#: The start of a clause: where an imperative speaks to someone. Spaces and tabs only after
#: a newline: ``\s*`` there makes a run of newlines cost its square.
CLAUSE = r"(?:^|[.!?,:;\n][ \t]*|@\w+[ \t]+)"
#: Words before "off / end yourself" that make them a verb said to someone ("go off
#: yourself"), not "took the pressure off yourself".
BEFORE = rf"(?:{CLAUSE}|\b(?:go|just|pls|please|plz|should|shud|could|can|to|and|gonna|" \
    r"better|now|then|fucking|fkn|u|you|ya)[ \t]+)"
#: Words after "kill yourself" that are not about death ("kill yourself laughing", "delete
#: yourself from the group chat", "end yourself in the lava to respawn").
NOT_DEATH = (
    r"(?! (?:laughing|working|with work|over|trying|from|out of|off\b|some slack|"
    r"a break|at the gym|for (?:it|this|that|a|the|work)|in (?:minecraft|the nether|the game|"
    r"game)|with /kill))(?![^.!?\n]{0,40}\b(?:respawn|spawn|unstuck|checkpoint))"
)
#: Words after "die" that make another sense ("die hard fans", "the hope you die with").
DIE_AFTER = (
    r"(?![- ](?:gorgeous|beautiful|sexy|stunning|handsome|cute|funny|hilarious|"
    r"serious|for|of|laughing|in peace|in my arms|hard|with|happy|old|again|trying|inside|"
    r"peacefully|in (?:your|their|his|her|my) sleep|on (?:that|this|the|a) hill|on purpose))"
)
#: "drop dead" and "stop existing / breathing" as orders end a clause or go on to the person
#: ("drop dead, loser"), not "drop dead date", "stop breathing through your mouth".
CLAUSE_END = r"(?=[ \t]*(?:$|[^\w\s]|(?:you|u|ya|already|pls|please|plz|now|bitch|loser|" \
    r"idiot|moron|asshole|cunt|fucker|clown|nerd|noob|lol|lmao)\b))"
#: Words of abuse that "and die" follows as an order ("eat shit and die").
AND_DIE = r"(?:fuck off|eat shit|piss off|get lost|go away|shut up|get cancer|give up|" \
    r"go \w+(?: \w+)?)"
FAVOUR = r"\bdo (?:us|everyone|everybody|the world|society|humanity) (?:all )?a (?:favou?r|solid)"

WISH_RULES: dict[str, re.Pattern] = {
    "tell_to_die": re.compile(
        rf"\b(?:kill|unalive|neck|delete|uninstall) {SELF}\b{NOT_DEATH}|"
        rf"{BEFORE}(?:off|end) {SELF}\b{NOT_DEATH}|\bkys\b|\bdrink bleach\b|"
        r"(?:\b(?:go|just|pls|please|plz|now|fucking|fkn) (?:go |just )?|"
        # "and die" only after the words of abuse it follows ("eat shit and die"), not "in
        # flappy bird you die one pipe away"
        rf"\b{AND_DIE} (?:and|&) (?:go )?)die\b{DIE_AFTER}|"
        rf"\bdrop dead\b{CLAUSE_END}|\bdie already\b|\bstop (?:existing|breathing)\b{CLAUSE_END}"
    ),
    "wish_death": re.compile(
        r"(?:\bi (?:really |truly |honestly |sincerely |genuinely |just )?)?"
        rf"\b(?:hope|wish|pray)(?:s|ed)? (?:that )?{YOU} (?:\w+ ){{0,2}}?"
        rf"(?:die|dies|drop dead|get killed|{END} {SELF})\b{DIE_AFTER}|"
        rf"\b{YOU} (?:should|deserve to|need to|ought to|oughta|better|gotta|have to) "
        rf"(?:just |go |really |fucking |honestly )?(?:die|be dead|drop dead|{END} {SELF})"
        rf"\b{DIE_AFTER}|"
        rf"\b(?:world|everyone|everybody|earth|society|the planet|this site|your family)"
        rf"(?:'d| would| will|'ll)? (?:be|is) better (?:off )?(?:without|if) {YOU}\b|"
        rf"\b(?:nobody|no one|noone|no1)(?:'d| would| will|'ll| is going to| is gonna| gonna)"
        rf" (?:miss|cry (?:for|over)|care if) {YOU}\b|"
        rf"{FAVOUR}(?:,| and|,? &)? (?:just |go )?(?:die|drop dead|disappear|{END} {SELF}|"
        r"end it|unalive|stop (?:existing|breathing))\b|"
        # "unalive" is read as "kill" (``spelling``): "do us a favour and kill" said alone
        rf"{FAVOUR}(?:,| and|,? &)? (?:just |go )?kill[ \t]*(?:[.!?]|$)"
    ),
}

#: Words every rule needs one of (most texts have none, and are not read further; the rules
#: themselves are slow to try at every place of a long post).
CUE = re.compile(
    r"(?:your|ur|yo) ?sel(?:f|ves)\b|\b(?:kys|bleach|die|drop dead|be dead|favou?r|end it|"
    r"stop (?:existing|breathing))\b|\bbetter (?:off )?(?:without|if) |"
    r"\b(?:miss|cry (?:for|over)|care if) (?:you|u|ya|yah|yu|y'all|yall)\b|"
    r"\b(?:kill|unalive|neck|off|end|delete) (?:them ?selves|him ?self|her ?self|themself)\b"
)
#: Substrings one of which every match of ``CUE`` holds.
CUE_WORDS = ("sel", "kys", "bleach", "die", "dead", "favo", "end it", "stop ", "better",
              "miss", "cry ", "care if")
#: A text with more matches than this is read by its first ones only (bounds the time a
#: post written to be slow can take).
MAX_MATCHES = 20
WORD = re.compile(r"[a-z]+")

#: Before a match: a denial or advice against ("please don't", "never", "stop saying").
AGAINST = re.compile(
    r"\b(?:don't|dont|do not|never|not|no one should|nobody should|shouldn't|shouldnt|"
    r"stop|quit|won't|wont|wouldn't|wouldnt|didn't|didnt|did not|doesn't|doesnt|isn't|"
    r"can't|cant|cannot|wasn't|no need to)\b[^.!?]{0,20}$"
)
_WHY_DONT = r"why (?:don't|dont|do not|not) (?:you|u|ya)"
#: "why don't you": a taunt, not a denial.
WHY_NOT = re.compile(rf"\b{_WHY_DONT}\b[^.!?]{{0,20}}$")
#: Before a match: a condition ("if you were to ...", "what if you just... ") or a way ("the
#: easiest way to ..."), which is how people at risk ask, in the generic "you".
IF_OR_WAY = re.compile(
    r"\b(?:if|unless|when|whether|way|ways|how|method|methods|easiest|quickest|best|"
    r"painless|painlessly|fastest|easy|quick|least painful|cheapest|surest)\b"
    r"(?:[^.!?,;:…]|\.\.\.|…){0,25}$"
)
#: A question that is still abuse ("why don't you just die?").
TAUNT = re.compile(
    rf"\b(?:{_WHY_DONT}|why not|can (?:you|u)|could (?:you|u)|"
    r"would (?:you|u)|will (?:you|u)|how about (?:you|u))\b"
)
#: Before a match: an intention asked about or told ("do you want to", "you just think the
#: world would be ...").
INTENT = re.compile(
    r"\b(?:want|wanted|wanting|wanna|try|tried|trying|going|gonna|plan|planned|planning|"
    r"think|thought|thinking|thoughts|urge|urges|feel like|felt like|feeling like|about|"
    r"considering|consider|tempted|made you|believe|believing)\b"
    r"(?:[ \t]+(?:to|of|about|that|the|a|how|if))*[ \t]*$"
)
#: Before a match: words that report or quote it ("someone told me to", "he said").
REPORT = re.compile(
    r"\b(?:tell|tells|told|telling|said|says|saying|say|wrote|writes|writing|comment|"
    r"comments|commented|commenting|reply|replied|replies|replying|dm|dms|dm'd|dmed|message|"
    r"messaged|messages|sent|send|sends|call|calls|called|yell|yelled|yelling|scream|"
    r"screamed|screaming|type|typed|typing|post|posted|posting|tweet|tweeted|tweeting|"
    r"spam|spammed|spamming|joke|joked|joking|ask|asked|asking|encourage|encouraged|"
    r"encouraging|urge|urged|urging|report|reported|reporting|chant|chants|chanted|"
    r"chanting|shout|shouted|shouting|text|texts|texted|texting|hear|heard|hearing|write|"
    r"mouth|mouths|mouthed|whisper|whispers|whispered|convinced|convince|convinces)\b"
    r"[^.!?]{0,30}$"
)
#: A quoted stretch: in double quotes, guillemets, or single quotes that open after a space
#: or a bracket and close before one ("he said 'go die' to me").
QUOTE_SPAN = re.compile(
    r"\"[^\"]*\"|“[^”“]*”|«[^»«]*»|(?:^|(?<=[\s(\[:]))'[^'\n]{1,120}?'(?=[\s,.;:!?)\]]|$)"
)
#: Right before a match: the author ("i could just die", "i'm gonna kys", "let me die").
SELF_BEFORE = re.compile(
    r"\b(?:i|i'm|im|i'll|ill|i'd|id|me|myself|ima|imma|i'ma)\b[^.!?,;:]{0,15}$")
#: Comfort anywhere in the text ("stay safe, kys" is "keep yourself safe").
COMFORT = re.compile(
    r"\b(?:stay safe|keep (?:yourself|urself|u) safe|be safe|here for (?:you|u)|reach out|"
    r"you matter|u matter|you are loved|you're loved|youre loved|hotline|helpline|"
    r"crisis line|988|samaritans|lifeline|please don't|please dont)\b"
)
#: A cue that names the author's own head as the speaker ("my brain keeps saying", "the
#: voice in my head", "I told myself", "me:"): it may quote what it says.
SPEAKER = re.compile(
    r"\b(?:my|own) intrusive thoughts?\b|\bmy inner (?:voice|critic)\b|"
    r"\bvoices? (?:in|inside) my head\b|\b(?:the|a) voice (?:in|inside) (?:my|me)\b|"
    r"\bmy (?:brain|head|mind|thoughts|depression|anxiety|inner voice) (?:just |always |"
    r"still )?(?:says|said|tells|told|keeps|kept|screams|screamed|whispers|whispered|"
    r"repeats|goes|is saying|is screaming)\b|"
    r"\b(?:tell|told|telling|say|said|saying|repeat|repeating|scream|screaming|whisper|"
    r"whispering) (?:to )?myself\b|\btalking to myself\b|"
    r"\bme to me\b|(?:^|\n)[ \t]*(?:also )?me:"
)
#: A cue that marks the post as the author's self-talk (#vent, "note to self"), or a speaker.
TALKS_TO_SELF = re.compile(
    rf"{SPEAKER.pattern}|"
    r"#[ \t]?(?:vent|sui|selfharm|self_harm|suicid|intrusive|edtwt|sh\b)|"
    r"\b(?:tw|cw)\W{0,4}(?:sui|suicide|sh|self[- ]?harm)\b|"
    r"\bnote to self\b|\breminder to self\b|"
    # the mirror only with the author in the same sentence ("I looked in the mirror")
    r"\b(?:i|i'm|im|me|my)\b[^.!?\n]{0,40}\b(?:in|to|at) the mirror\b"
)
#: Abuse aimed at someone beside a cue of self-talk: an @handle ("@sam kys #vent").
HANDLE = re.compile(r"(?<![\w@])@\w")
#: A rebuttal of the words ("it's a lie that nobody would miss you", "don't believe").
REBUTTAL = re.compile(
    r"\b(?:lie|lies|lying to you|not true|untrue|a myth|don't believe|dont believe|"
    r"do not believe|never believe)\b"
)
#: Talking to an illness ("just die, depression", "depression, go die").
_ILLNESS = r"(?:depression|anxiety|ocd|ptsd|bpd|insomnia|illness|cancer|migraine)"
TO_ILLNESS = re.compile(
    rf"\b(?:die|dead|kys)\W{{1,3}}(?:\w+\W{{1,3}})?{_ILLNESS}\b|"
    rf"\b{_ILLNESS}\W{{1,3}}(?:\w+\W{{1,3}})?(?:die|kys)\b"
)
#: Someone spoken to: "you", "your", "yourself", "kys". An imperative alone is not enough
#: ("Winter, drop dead.", "This printer jams. Just die already."): ``_aimed`` also takes an
#: @handle, an insult word of ``spelling.LEXICON`` ("drink bleach idiot") or, in a reply,
#: ``IMPERATIVE``.
ADDRESSED = re.compile(rf"\b{YOU}\b|\byour\b|\bur\b|\b{SELF}\b|\bkys\b")
#: An order at a clause's start ("go die in a ditch", "do us all a favour and die"): said to
#: someone in a reply, which answers a person; not on its own.
IMPERATIVE = re.compile(
    rf"{CLAUSE}(?:just |pls |please |plz |now |fucking )?(?:go |just )?"
    r"(?:die|drop dead|drink bleach|stop (?:existing|breathing))\b|"
    rf"{CLAUSE}{AND_DIE} (?:and|&) (?:go )?die\b|\ba (?:favou?r|solid)\b"
)


#: First person that a death wish aimed at someone may carry ("I hope you die", "do me a
#: favour and die").
FRAME = re.compile(
    r"\bi(?:'d| would| really| truly| honestly| sincerely| genuinely| just)? "
    r"(?:hope|wish|pray|think|bet|swear|want (?:you|u) to|need (?:you|u) to)\b|"
    r"\bi'm (?:begging|telling|asking) (?:you|u)\b|\bdo me a (?:favou?r|solid)\b"
)
#: Words of the author's own story: a first-person singular word (outside ``FRAME``), or
#: the time or farewell of an act ("tonight", "goodbye", "it's time", "make it stop").
OWN_STORY = re.compile(
    r"\b(?:i|i'm|im|me|my|myself|mine|i've|ive|i'll|i'd|ima|imma|i'ma)\b|"
    r"\b(?:tonight|tonight's|goodbye|farewell|the plan|it's time|its time|the day|"
    r"make it stop|last night on earth|one last time|every (?:night|morning|day))\b"
)


#: Right before a wish: someone telling someone else to, or saying it ("told my brother to",
#: "replied:"); not "telling you to" (that is the wish said), "as I said", or a report verb
#: further back ("whoever wrote these notes needs to ...").
TOLD = re.compile(
    r"(?<!go )(?<!pls )(?<!please )(?<!let's )(?<!lets )(?<!should )"
    r"\b(?:tell|tells|told|telling|encourag\w*|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?)\s+"
    r"(?!(?:you|u|ya|y'all|yall)\b)(?:[\w']+\s+){0,3}?to\s+['\"“]?(?:go\s+|just\s+)?$|"
    r"(?<!as i )(?<!like i )\b(?:said|says|saying|replied|replies|commented|wrote|writes|"
    r"posted|tweeted|typed|dm'?d|dmed|messaged|texted|chanted|chant|chants|yelled|screamed|"
    r"shouted)\s*(?:to me\s*)?[:,]?\s*$"
)
#: Right before a wish: an objection to saying it ("do not tell people to", "stop saying").
OBJECTION = re.compile(
    r"\b(?:don't|dont|do not|never|stop|quit|no one should|nobody should|"
    r"(?:it's |it is )?not (?:ok|okay|cool|funny|acceptable) to)\s+(?:[\w']+\s+){0,2}?"
    r"(?:tell|telling|say|saying|post|posting|comment|commenting|send|sending|type|typing|"
    r"write|writing|use|using)\b[^.!?]{0,40}$"
)
#: Telling a third person to die, which a text can report ("telling people to kill
#: themselves"); never raised, only read for ``reported_wish``.
OTHERS = re.compile(
    r"\b(?:kill|unalive|neck|off|end|delete) (?:them ?selves|him ?self|her ?self|themself)\b")
#: Self-harm said to oneself ("go hurt yourself"), read only with a cue of self-talk.
HURT = re.compile(
    rf"\b(?:hurt|cut|harm|starve) {SELF}\b"
    r"(?! (?:a|an|the|some|of|less|more|off|up|slack|short|loose|free)\b)|"
    r"\b(?:just |go |pls |please )end it all\b"
)
#: Death wishes said only to a person (not "die already" or "drop dead", which are also said
#: to cats, printers and raid bosses).
TO_A_PERSON = re.compile(
    rf"{SELF}|\bkys\b|\b{YOU} (?:should|deserve|need|ought|oughta|better|gotta|have)\b|"
    r"\bmiss\b|\bcry\b|\bcare if\b|\bbetter (?:off )?(?:without|if)\b|\bend it all\b"
)
JOKE = re.compile(r"\b(?:lol|lmao|lmfao|haha\w*|jk|rofl|just kidding|kidding)\b|/j\b|/hj\b|😂|🤣")
#: How far (in characters) a cue of self-talk may be from the words it marks.
NEAR = 160
