import json
CR1 = "I can't do this anymore. Everyone would be better off without me."
CR4 = "anyone else up at 3am wanting to disappear"
CR5 = "wrote my note today. just want it to stop"
SUP = "Check-in thread for the suicide survivors group. How are you today?"
ASK = "people who've been suicidal: what did the thoughts actually sound like?"
FR2 = "my manager made me redo the whole deck at 11pm"
C = []
def add(kind, ctx, texts, other=True):
    for t in texts: C.append([kind, ctx, t, other])
add("A_atrisk", CR4, [
 "here. the world would be better without you, over and over, all night",
 "yep. nobody would miss you. that's the soundtrack",
 "up. kill yourself thoughts won't quit",
 "awake. kys kys kys. same as every week",
 "same. everyone would be better off without you and the pills are right there",
 "same. just die already is all that's left in the head",
 "yes. you should just die is the only thought at this hour",
 "here. drop dead thoughts since midnight",
 "yeah. end yourself, it says. can't sleep",
 "same. the world is better without you, that's all it says at night",
 "always. nobody would cry for you, over and over",
 "every night. you deserve to die. on loop.",
 "same. go die, go die. it never stops",
 "yep. just end yourself, end yourself. exhausted",
 "here. you should kill yourself, says the head, and it sounds like sense",
], True)
add("A_atrisk", CR5, [
 "same. nobody would miss you. the note is the easy part",
 "same boat. the world would be better off without you, right? no",
 "kill yourself thoughts all week here too. hold on with me",
 "same. just die already, the whole day long",
 "everyone would be better off without you is the exact thought. same",
 "yeah. you deserve to die, it says, and it's so convincing",
 "nobody would miss you. same thought. same note.",
 "kys on repeat. same. still here though",
 "relate. the world would be better without you. just tired",
 "same. go die is all that's left. hang on",
], True)
add("A_atrisk", SUP, [
 "bad. the voice is back. nobody would miss you, all day",
 "not ok. kill yourself thoughts since the funeral",
 "struggling. the world would be better without you keeps coming up",
 "rough. everyone would be better off without you on repeat",
 "low. kys thoughts, no plan. checking in like we said",
 "honestly bad. just die already is the whole mood",
 "meh. you deserve to die, says the head, but still here",
 "surviving. nobody would miss you is loud today",
 "not great. drop dead vibes at work",
 "same as yesterday. you should just die, over and over",
], True)
add("A_atrisk", ASK, [
 "like a calm voice: you should kill yourself, nobody would miss you",
 "just die already. flat, every morning",
 "the world would be better off without you. like a fact",
 "everyone would be better off without you, everyone would be relieved",
 "kill yourself. kill yourself. like a metronome",
 "you deserve to die, you ruin everything",
 "go die. short and quiet",
 "nobody would even miss you, why are you still here",
 "end yourself, it's the only way out",
 "you should just end yourself tonight",
 "kys, over and over, for years",
 "do everyone a favour and die",
 "the world's better without you",
 "you'd be better off dead",
 "you should die. nobody would care.",
], True)
add("B_support", CR1, [
 "the night brain says everyone would be better off without you. morning brain disagrees. wait for morning.",
 "suicide makes the world would be better without you feel like logic. it isn't. wait.",
 "Everyone would be better off without you is what suicidal thinking sounds like. Tell someone now.",
 "nobody would miss you is what the suicidal part says. the rest of you posted this. listen to that part.",
 "kill yourself is the suicidal part talking. call a crisis team",
 "the 'world would be better without you' thought is the most common suicidal thought there is. stay.",
 "when suicidal, everyone would be better off without you feels true. it's the illness.",
 "suicidal brain: nobody would miss you. reality: you'd be missed forever.",
 "end yourself, your brain says. that's suicidal ideation. get to A&E tonight",
 "you deserve to die is a suicidal thought, not a verdict. stay",
 "suicidal thoughts: you should die. the truth: you should rest.",
 "everyone would be better off without you — every suicide survivor heard it, and every one was wrong",
 "the world would be better without you is the suicide talking. don't act on it tonight.",
 "kill yourself, the suicidal thoughts say. don't. call someone now.",
 "better off without you is grief's lie about itself. stay",
], True)
add("B_support", CR5, [
 "nobody would miss you? everyone would. please go to the ER now",
 "the note says the world would be better without you. the note is wrong. call now.",
 "suicide note thinking: everyone would be better off without you. call 911",
 "you should die is what the suicidal part wrote. call someone",
 "please. the world would be better without you is suicide talking. wait one night",
 "everyone would be better off without you, it says. it lies. go to A&E",
 "kill yourself? no. not tonight. not ever. calling?",
 "the suicidal voice says nobody would miss you. call a friend tonight",
 "end yourself is what the pain says, not what's true. get help now",
 "the world would be better off without you — said every suicidal brain ever, and wrong every time",
], True)
add("C_banter", FR2, [
 "quit and go die in a cabin somewhere honestly",
 "just die already corporate",
 "tell him to go die lol",
 "kill yourself? no. kill him",
 "I'd drop dead. you're a saint",
 "drop dead, manager",
 "please just die, deck",
 "just die already 😭",
 "go die, powerpoint",
 "omg just die",
], True)
# harassment in own thread (author replying to own previous post, after addressing the target)
add("H_ownthread", "@sam you're a pathetic attention seeker", [
 "go die", "just die already.", "drop dead.", "and seriously, go die", "stop breathing.",
], False)
add("H_ownthread", "@sam nobody likes you and nobody ever will", [
 "do us all a favour and die", "just die", "go die then", "please just die already", "shut up and die",
], False)
json.dump(C, open("/tmp/revwork/cases2.json","w"))
print(len(C))
