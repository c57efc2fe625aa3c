"""Hate needs a group to be aimed at: a transparent cap for ``hate`` on text that names none.

``hate`` is about text aimed at a group (issue 11, item 4). The head reads some personal talk
as hateful with no group in sight: model 2026.12.9 read 10.3% of ESConv's painful posts as
hate ("So sometimes you worry that they aren't doing enough to protect themselves", 0.86;
"The virus is bad everywhere", 0.88). When a text is personal talk (the writer or the reader is
in it: "I", "my", "we", "you") and names no group a hateful statement could be about, ``hate``
is capped at ``guards.GUARD_CAP``. A statement with no person in it keeps the head's reading:
the list below cannot hold every slur, and "Kill all fruits." names its group only in one.
``explain_target(text)`` returns what the text names (empty when nothing). A text counts as
naming a group when it has:

- a word for a group of people by origin, religion, race, gender, sexuality, disability,
  age, class or politics ("immigrants", "muslims", "women", "trans", "disabled", ...); inside
  a hashtag, one of about forty stems ("#sendthemback", "#NoDACA");
- people named by a mental-health condition ("depressed people", "people with anxiety",
  "anyone with BPD", "anorexics", "the mentally ill"; since model 2026.12.17: before, hate
  about them in personal talk was capped), unless the writer counts themselves in ("us
  depressives", "addicts like me"); a condition named alone ("my OCD", "PTSD is hell") or as
  one's family's ("my son has autism", "nan has dementia") names no group;
- a slur of ``spelling.LEXICON`` (not its other insults: "idiot" names no group), unless the
  writer calls themselves that, or a dehumanising word ("vermin", "invaders");
- a phrase that points at a group without naming it ("those people", "their kind", "all of
  them", "our country", "send them back");
- a claim about a whole class of people the list may not name: a plural at the start of a
  sentence or after "all", "most", "these", "those", followed by what they are or must be
  ("femboys are disgusting"); words for things and one's own circle are left out;
- a spelling the respeller left disguised ("m*slims", "g a y").

The cap only ever lowers ``hate``. Hate that speaks of a group only as "they", with the group
named earlier in a thread, is missed when no phrase above points at it: the cap reads no
context beyond the post it answers: a reply keeps its score when that post names a group.
A group named only in words the list does not hold (a new slur, a misspelling) has its hate
lowered too; the claim pattern above catches some of those. The list is English, like the
signals (other languages get no scores).
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import cap_where, lowered
from kindscope.signals.spelling import LEXICON

__all__ = ["adjust_targets", "explain_target", "is_personal", "names_group", "target_mask",
           "without_groups"]

_ORIGIN = (
    r"immigra\w*|migra(?:nts?|tions?|tory)\b|migrat\w+|\w*refugees?|\w*migrants?|asylum|illegals|"
    r"illegal aliens?|aliens|"
    r"(?:here|came|come|entered|living) illegally|foreigners?|daca|amnesty|borders?|"
    r"shitholes?|"
    r"expats?|ethnic\w*|(?:the|other|all|different|mixed|inferior|superior|lesser|lower|human) "
    r"races|races (?:are|should|must|mix)|race (?:mixing|wars?|traitors?|real\w*)|(?:the|your|our|"
    r"their|other|"
    r"a|"
    r"white|black|master|superior|inferior|mixed) race|racial\w*|racis\w*|natives?|indigenous|"
    r"aborigin\w*|tribes?|"
    r"blacks|whites|black (?:people|folks?|m[ae]n|wom[ae]n|guys?|girls?|boys?|kids?|dudes?|youths?|"
    r"teens?|persons?|americans|community|lives)|white (?:people|folks?|m[ae]n|wom[ae]n|guys?|"
    r"girls?|boys?|kids?|dudes?|americans|"
    r"supremac\w*|trash)|people of colou?r|poc|bame|colou?red|negro(?:e?s)?|blackies|"
    r"the blacks|a black|(?:black|white) ppl|mudslimes?|muzrats?|moslimes?|imm?igr\w*|"
    r"asians?|arabs?|africans?|mexicans?|latin[oax]s?|hispanics?|chinese|indians?|pakistanis?|"
    r"pakis?|gypsy|gypsies|roma|romani|travell?ers|jap|japs|chinks?|spics?|wetbacks?|kikes?|"
    r"towelheads?|rag ?heads?|he-shes?|muzz\w+|middle eastern|redskins?|jigaboos?|nicca\w*|"
    r"nig(?:g(?!l)\w*|c\w*|ress\w*|s)?|teabaggers?|trailer trash|ghetto|peasants?|reservations?|"
    r"(?:their|your|dirty|backward\w*) culture|sand ?n\w+|beaners?|gooks?|coons?|jungle bunn\w+|"
    r"americans?|brits?|british|english|scottish|scots|irish|welsh|french|germans?|russians?|"
    r"ukrainians?|poles|polish|romanians?|bulgarians?|albanians?|italians?|spanish|"
    r"portuguese|greeks?|turks?|turkish|kurds?|kurdish|iranians?|iraqis?|syrians?|afghans?|"
    r"somalis?|nigerians?|ethiopians?|eritreans?|sudanese|jamaicans?|haitians?|cubans?|"
    r"puerto ricans?|dominicans?|colombians?|venezuelans?|brazilians?|canadians?|australians?|"
    r"koreans?|japanese|filipinos?|vietnamese|thais?|indonesians?|bangladeshis?|"
    r"sri lankans?|israelis?|palestinians?|lebanese|egyptians?|moroccans?|algerians?|"
    r"tunisians?|libyans?|saudis?|yemenis?|europeans?|westerners?|easterners?|"
    r"southerners?|northerners?|rednecks?|hillbill\w+|gringos?|whitey|niglets?|jigg?aboos?|"
    r"(?<!\bate )(?<!\beat )(?<!\beating )(?<!\band )(?<!\bsome )(?<!\bof )crackers?|gingers?|"
    r"wogs?|"
    r"wops?|dagos?|krauts?|yanks|hajis?|camel jockeys?|boat people|anchor bab(?:y|ies)|"
    r"coloni[sz]ers?|chavs?|bogans?|that lot|their lot|the lot of them|such people|"
    r"the \w+ community|"
    r"africa|asia|europe|the eu|middle east|mexico|china|india|pakistan|afghanistan|syria|"
    r"iraq|iran|somalia|nigeria|israel|palestine|gaza|poland|romania|turkey|morocco|eritrea|"
    r"ethiopia|sudan|yemen|libya|tunisia|algeria|egypt|lebanon|bangladesh|vietnam|philippines|"
    r"indonesia|haiti|jamaica|guatemala|honduras|el salvador|venezuela|colombia|ukraine|russia|"
    r"albania|bulgaria|serbia|bosnia|kosovo|chechnya|guatemalans?|hondurans?|salvadorans?|"
    r"nicaraguans?|serbs?|bosnians?|kosovars?|uyghurs?|uighurs?|rohingya|chechens?|tamils?|"
    r"punjabis?|gujaratis?|pajeets?|groids?|injuns?|mohammedans?|turbans?|yarmulkes?|kippahs?|"
    r"hanukkah|diwali|ramadan|passover|two (?:dads|moms|mums)|came out|coming out|drag queens?|"
    r"homophob\w*|transphob\w*|racists?|sexists?|misogyn\w*|antisemit\w*|islamophob\w*|"
    r"xenophob\w*|bigot\w*|ableis\w*"
)
_BELIEF = (
    r"muslims?|moslems?|islam\w*|mosques?|jews?|jewish|judaism|zionis\w*|synagogues?|"
    r"christian\w*|catholics?|protestants?|evangelicals?|mormons?|hindus?|hinduism|sikhs?|"
    r"buddhists?|atheists?|pagans?|scientologists?|jehovah's witnesses|papists?|"
    r"christ killers?|religio\w*|koran|quran|bible|torah|talmud|holocaust|auschwitz|"
    r"shoah|the protocols|sharia|hijabs?|burqas?|niqabs?|infidels?|kafirs?|"
    r"liberals?|libtards?|leftists?|lefties|left wing\w*|democrats?|dems|republicans?|"
    r"conservatives?|tories|tory|socialists?|communists?|commies?|marxists?|fascists?|nazis?|"
    r"antifa|maga|trumpers?|snowflakes?|feminis\w*|feminazis?|sjws?|"
    r"(?:the )?woke (?:left|mob|people|crowd|agenda|brigade)"
)
_BODY = (
    r"wom[ae]ns?|females?|males?|men|girls|boys|a (?:girl|woman|female)|wives|husbands|"
    r"ladies|gals|chicks|hoes?|ho's|slutty|"
    r"thots?|skanks?|slags?|kunts?|"
    r"strippers?|prostitutes?|hookers?|"
    r"single (?:mothers|moms|mums)|"
    r"gays?|lesbians?|homosexual\w*|homos?|queers?|lgbt\w*|bisexual\w*|bi people|trans|"
    r"transgender\w*|transsexual\w*|trann(?:y|ys|ies?)|trans ?wom[ae]n|trans ?m[ae]n|troons?|"
    r"gaylords?|fagg\w+|faggits?|femoids?|foids?|dykes?|non-?binary|enbies|pansexual\w*|"
    r"asexual\w*|straights|heteros?|heterosexual\w*|bi|sexualit\w+|(?:same|opposite) sex|"
    r"poofs?|poofters?|lesbos?|shemales?|ladyboys?|sodomites?|sissies|karens|hags?|"
    r"pride (?:parade|month|flag)s?|"
    r"cripples?|crippled (?:people|kids|folks)|(?:than|the) crippled|retard\w*|tards?|speds?|"
    r"window lickers?|aspies?|"
    r"downies?|mongs?|mongol\w*|"
    r"spastics?|spaz\w*|"
    r"special (?:needs|ed\w*)|mental (?:patients?|cases?|people)|wheelchair\w*|deaf\w*|"
    r"the blind|blind people|dwarf\w*|midgets?|amputees?|paraplegics?|quadriplegics?|"
    r"invalids|lunatics?|nutters?|loonies|crazies|crazy people|the sick|sick people|"
    r"psychos|psychopaths|schizos|"
    r"boomers?|millennials?|zoomers?|old people|old farts|geezers|elderly|teenagers|"
    r"pensioners|oaps|retirees|"
    r"kids these days|scroungers?|"
    r"fat people|fatties|fatsos?|obese people|poor people|"
    r"the poor(?= (?:are|should|must|deserve|will|never|always|get|have|need))|the homeless|"
    r"homeless people|"
    r"incels?|"
    r"minorit(?:y|ies)"
)
_POINTERS = (
    r"(?:those|these) (?:people|ones|types?|kinds?|sorts?|guys)(?! of\b)|you people|you lot|"
    r"their kind|your kind(?! (?:words?|of|message|note|reply|comment|gesture))|"
    r"people like (?:you|them|that|those|him|her)|(?:all|every(?: single)? one|each) of "
    r"(?:them|you|those|these)|them all|"
    r"our (?:country|nation|land|borders?|culture|women|girls|jobs|streets|way of life|"
    r"heritage|race|people|society|values)|this (?:country|nation)|western \w+|"
    r"civili[sz]ation|inferior|superior race|replac\w+ us|(?:they|them|these|"
    r"those)\W+(?:\w+\W+){0,3}"
    r"(?:burden|drain) (?:on|to) (?:us|society|the state|taxpayers)|taxpayers|mens room|"
    r"integrat\w+|same-sex|"
    r"coming (?:over )?here|come over here|let them in|keep them out|turn them back|"
    r"invad\w+|invasion|breed\w*|deport\w*|build (?:the|that) wall|buildthewall|"
    r"send (?!(?:me|us|him|her|it|you)\b)\w+ (?:all )?back|kick (?!(?:me|us|him|her|it|"
    r"you)\b)\w+ out|"
    r"ban (?:them|all)|"
    r"genocide|exterminat\w+|wipe (?!(?:me|us|him|her|it|you)\b)\w+ out|gas (?:them|the)|lynch\w*|"
    r"vermin|animals|subhumans?|sub-humans?|parasites?|scum|savages?|filth|cockroach(?:es)?|"
    r"rats|infestation|plague|monkeys?|apes?|goats?|pigs?|dogs|beasts?|barbarians?|"
    r"terroris\w+|jihad\w*|rapists?|criminals?|thugs?|gangs?|gangsters?|welfare queens?"
)


def _by_first_letter(pattern: str) -> str:
    """The same alternation, its branches grouped by their first letter behind a lookahead,
    so that at each word only one group is tried."""
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    groups: dict[str, list[str]] = {}
    for branch in branches:
        key = branch[0] if branch[0].isalpha() else ""
        groups.setdefault(key, []).append(branch)
    return "|".join(f"(?={key})(?:{'|'.join(b)})" if key else f"(?:{'|'.join(b)})"
                    for key, b in sorted(groups.items()))


_GROUP = re.compile(rf"\b(?:{_by_first_letter('|'.join((_ORIGIN, _BELIEF, _BODY, _POINTERS)))})\b")
#: Hashtags run words together ("#sendthemback", "#womenareshit"): look for the stems inside.
_TAG_STEMS = re.compile(
    r"immigr|migra|refugee|daca|amnesty|illegal|alien|islam|muslim|jew|black|white|women|woman|"
    r"girl|"
    r"fem|gay|trans|lgbt|queer|retard|disab|autis|mexic|arab|african|asian|wall|deport|"
    r"border|invad|invasion|sendthem|goback|nazi|libtard|liberal|leftist|maga|"
    r"bitch|slut|whore|hoe|thot"
)
_TAG = re.compile(r"#(\w+)")
#: A claim about a whole class of people the list may not name ("femboys are disgusting",
#: "pensioners should die"): a plural at the start of a sentence, or after "all", "most",
#: "these", "those", followed by a verb of what they are or must be. Words for things and
#: for one's own circle are left out ("things are bad", "my friends are busy" has "my").
_CLASS_CLAIM = re.compile(
    r"(?:^|[.!?;]\s+|\b(?:all|most|many|these|those|every)\s+)"
    r"(?!(?:things|days|times|years|months|weeks|hours|nights|words|thoughts|feelings|"
    r"emotions|problems|issues|meds|pills|bills|grades|exams|classes|results|symptoms|"
    r"attacks|plans|friends|parents|kids|siblings|others|questions|answers|news|"
    r"jobs|places|memories|dreams|nerves|tears|moods|doctors|teachers|classmates|"
    r"coworkers|colleagues|relationships|interviews|appointments|sessions|boundaries|"
    r"rules|laws|prices|costs|rents|ones)\b)"
    r"([a-z]{3,}s)\s+(?:are|should|must|can't|cannot|don't|do not|deserve|belong|"
    r"need to be|will never|never|always|ruin|destroy|control|steal)\b"
)
_WORD = re.compile(r"[a-z]+")
#: Conditions of the mind and other invisible illness, as words for people have them after.
_CONDITION = (
    r"(?:an? )?(?:\w+ )?(?:depression|anxiety|panic attacks|bpd|borderline\w*|ocd|c?-?ptsd|"
    r"anorexia|bulimia|psychosis|eating disorders?|personality disorders?|[\w-]+ disorders?|"
    r"chronic fatigue|m\.?e\.?/cfs|fibromyalgia|mental \w+|(?:chronic|invisible) \w+|"
    r"addictions?|dementia)"
)
_MIND_PEOPLE = (
    r"people|ppl|persons|folks?|kids|children|adults|teens|men|women|individuals|patients|"
    r"ones|types|lot|crowd"
)
#: People named by a mental-health condition (our users' own community; since model
#: 2026.12.17). Conditions alone ("my OCD", "PTSD is hell", "the depressed months") name no
#: group: people speak of their own that way; a word for people, or "people with", does.
_MIND = re.compile(
    r"\b(?:(?:depressed|anxious|suicidal|mentally (?:unwell|unstable)|neurodivergent|"
    rf"self[- ]?harming|bpd|ocd|ptsd|anorexic|bulimic|psychotic) (?:{_MIND_PEOPLE})|"
    r"(?:people|ppl|persons|folks|anyone|anybody|someone|somebody|everyone|everybody|"
    r"no ?one|nobody|those|kids|children|adults|teens|men|women|individuals|patients|ones) "
    r"(?:(?:with|w/|who (?:have|has|get|suffer from|live with|struggle with)|suffering from|"
    rf"living with) {_CONDITION}|who (?:self[- ]?harm|cut themselves|are (?:depressed|"
    r"suicidal|mentally ill)))|"
    r"(?:depression|anxiety|ocd|ptsd|bpd|bipolar|addiction|mental illness|panic|"
    r"eating disorder|chronic fatigue|m\.?e\.?|cfs|fibromyalgia|psychosis|schizophrenia) "
    r"sufferers|the mentally ill|the (?:depressed|suicidal|insane)(?=\s*(?:[.,!?;]|$)|"
    r"\s+(?:are|is|should|must|need|deserve|will|would|never|always|can't|cannot|don't|get|"
    r"have|who|just|all)\b)|"
    r"anorexics|bulimics|schizophrenics|psychotics|depressives|bipolars|borderlines|addicts|"
    r"junkies|druggies|crackheads|alcoholics|self-?harmers)\b"
)
#: The writer among them: "us depressives", "as an addict", "addicts like me".
_MIND_OWN_BEFORE = re.compile(
    r"(?:\b(?:us|we|we're|we are|(?:my|our) fellow|as an?(?: former| recovering| fellow)?|"
    r"(?:i'm|im|i am|i was) an?(?: former| recovering)?)|(?:^|[.!?,;:]\s*)fellow)\s+$"
)
_MIND_OWN_AFTER = re.compile(r"\s+like (?:me|us|myself|ourselves|i (?:am|was))\b")
#: Conditions a person can disclose about themselves ("my disability", "I have a mental
#: illness") or someone close to them ("my son has autism"): they name a group only when
#: not the writer's own or their family's.
_TRAIT = re.compile(
    r"\b(?:disab\w+|handicap\w*|impair\w+|autis\w*|asperger\w*|down'?s? syndrome|"
    r"mental (?:illness\w*|disorders?|disabilit\w+|health (?:issues|problems|conditions))|"
    r"learning (?:disabilit\w+|difficult\w+)|intellectual\w* disab\w+|cerebral palsy|"
    r"epilep\w+|dyslexi\w+|adhd|bipolar|schizophreni\w+|paralys\w+|paralyz\w+|"
    r"chronically ill|chronic illness\w*|transition\w*|mentally (?:ill|insane|disabled|"
    r"challenged|retarded|handicapped|deficient|impaired))"
)
#: A condition followed by a word for people names a group, whoever writes it.
_TRAIT_PEOPLE = re.compile(
    r"\s+(?:people|persons|folks?|kids|children|adults|men|women|individuals|patients|ones)\b"
)
_OWN = re.compile(
    r"\b(?:(?:my|because of my)(?:\s+\w+)?|(?:i'm|im|i am|i was|i've been|being|as an?)"
    r"(?:\s+(?:a|an|so|very|also|still|severely|mildly|physically|chronically))?|i (?:have|had|"
    r"got|live with|suffer from|struggle with|was diagnosed with)(?: a| an)?(?:\s+\w+)?|"
    r"(?:i|i've|ive|i'd)\s+(?:got|been|was|get) diagnosed with(?: a| an)?(?:\s+\w+)?|"
    r"(?:i'm|im|i am|i've been|ive been)\s+living with|"
    # someone close to the writer: a carer's "my mum has dementia", "my son is autistic"
    r"(?:(?:my|our)\s+(?:\w+\s+){1,2}|(?:my|our)\s+\w+'s\s+|"
    # "nan has dementia" opening a sentence: the writer's own family without "my" (never
    # "your stupid mum")
    r"(?:^|[.!?;:]\s*)(?:mum|mom|mam|dad|nan|nana|gran|granny|grandma|grandpa|grandad)"
    r"(?:'s)?\s+(?:\w+\s+)?)"
    r"(?:(?:has|had|is|was|got|gets|lives with|suffers from|struggles with|was diagnosed "
    r"with|with)(?: a| an)?(?:\s+(?:severe|mild|bad|really|really bad))?)?)\s+$"
)
#: The slurs of ``spelling.LEXICON`` (words for a group used as an insult); its other insults
#: ("idiot", "loser"), swear words and words of risk ("kill", "suicide") name no group.
_SLURS = frozenset({
    "bitch", "bitches", "cripple", "cripples", "cunt", "cunts", "fag", "faggot", "faggots",
    "fags", "nigga", "niggas", "nigger", "niggers", "retard", "retarded", "retards", "slut",
    "sluts", "spastic", "whore", "whores",
}) & LEXICON
#: A slur the writer calls themselves ("I'm such an attention whore") names no group.
_SELF = re.compile(
    r"\b(?:i'm|im|i am|i was|i feel like|i'll (?:always )?be|call(?:ed|s)? me|me)\s+(?:a|an|such a|"
    r"such an|the|like a|like an)?\s*(?:\w+\s+){0,2}$"
)


#: A spelling the respeller left disguised ("m*slims", "1mm1gr4nts", "g a y"): the text may
#: name a group in a form no list holds, so it is not capped.
_DISGUISED = re.compile(r"[a-z][*@$013457]+[a-z]|(?:^|\s)(?:[a-z] ){2,}[a-z](?:\s|$)")


#: Emoji that stand for a faith or an identity ("every 🕌 should be burned").
_EMOJI = re.compile("[\U0001F54C\U0001F54D\u2721\u262A\u271D\U0001F3F3]")


def _finds(low: str):
    """Each thing ``low`` names, lazily (a caller that needs one stops at the first)."""
    for m in _GROUP.finditer(low):
        yield m.group(0)
    for m in _CLASS_CLAIM.finditer(low):
        yield f"claim about {m.group(1)}"
    for m in _WORD.finditer(low):
        if m.group(0) in _SLURS and not _SELF.search(low[max(0, m.start() - 60) : m.start()]):
            yield m.group(0)
    for m in _TRAIT.finditer(low):
        if _TRAIT_PEOPLE.match(low, m.end()) or not _OWN.search(
                low[max(0, m.start() - 40) : m.start()]):
            yield m.group(0)
    for m in _MIND.finditer(low):
        if not (_MIND_OWN_BEFORE.search(low[max(0, m.start() - 30) : m.start()])
                or _MIND_OWN_AFTER.match(low, m.end())):
            yield m.group(0)
    for m in _EMOJI.finditer(low):
        yield m.group(0)
    for tag in _TAG.findall(low):
        if _TAG_STEMS.search(tag):
            yield f"#{tag}"
    for m in _DISGUISED.finditer(low):
        yield f"disguised {m.group(0).strip()}"


def explain_target(text: str) -> list[str]:
    """What ``text`` names that a hateful statement could be aimed at (empty: nothing)."""
    return list(_finds(lowered(text)))


def without_groups(low: str) -> str:
    """Lower-cased ``low`` with the words for groups and conditions taken out."""
    return _MIND.sub(" ", _TRAIT.sub(" ", _GROUP.sub(" ", low)))


def names_group(text: str | None) -> bool:
    """Whether ``text`` names anything a hateful statement could be aimed at."""
    return next(_finds(lowered(text)), None) is not None


#: Personal talk: the writer or the reader is in the text.
_PERSONAL = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself|we|we're|our|ours|us|ourselves|you|"
    r"your|you're|youre|yours|yourself|u|ur)\b"
)


def is_personal(text: str | None) -> bool:
    """Whether the writer or the reader is in ``text`` ("I", "my", "we", "you", ...)."""
    return _PERSONAL.search(lowered(text)) is not None


def target_mask(texts: list[str], contexts: list[str | None] | None = None) -> np.ndarray:
    """True for the texts that are personal talk (``is_personal``) and name no group, and
    whose context (the post they answer, when given) names none either: ``hate`` is capped
    for them. A reply that says "they" of a group its post names keeps its score ("because
    they only bring trouble"); a statement with no person in it keeps the head's reading
    ("Kill all fruits.": the list cannot hold every slur)."""
    mask = np.array([is_personal(t) and not names_group(t) for t in texts], dtype=bool)
    if contexts is not None:
        for i in np.flatnonzero(mask):
            if names_group(contexts[i]):
                mask[i] = False
    return mask


def adjust_targets(texts: list[str], probs: np.ndarray, mask: np.ndarray | None = None
                   ) -> np.ndarray:
    """Cap ``hate`` for texts that name no group (``mask``, when already computed); returns a
    new array."""
    return cap_where(probs, target_mask(texts) if mask is None else mask)
