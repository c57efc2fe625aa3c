import json
CR1 = "I can't do this anymore. Everyone would be better off without me."
CR2 = "thinking about ending it tonight. nobody would even notice"
CR3 = "my brain keeps telling me nobody would miss me. is this normal?"
SUP = "Support thread: how is everyone holding up this week? Be honest."
VENT = "someone in my DMs told me to kill myself today and I can't shake it"
FR = "guess who just failed their driving test for the THIRD time 🙃"
GAME = "just got absolutely destroyed in ranked again"
OWNP = "rough night. really rough."
ASK = "what do your intrusive thoughts say to you?"
C = []
def add(kind, ctx, texts, other=True):
    for t in texts: C.append([kind, ctx, t, other])
# (a) people at risk replying to someone else, generic you / their own head's words
add("A_atrisk", CR1, [
 "same. some nights you just wish you could die and be done with it",
 "honestly some days you just hope you die and it's over",
 "that feeling when you wish you would just die",
 "it gets to the point where the world would be better without you. no way out",
 "when everything hurts like this you hope you just die",
 "nobody would miss you anyway. that's how it feels right now",
 "same here. kill yourself is all the brain says on repeat",
 "nights like this the only thought is end yourself, nobody would miss you",
 "same. you reach a point where you should just die honestly",
 "it's exhausting. you wake up and the first thought is just die already",
 "go die is what the brain says when it's bad like this",
 "ugh same. just die already, brain",
 "shut up and die, brain. that's all it says",
 "just die already, intrusive thoughts",
 "the brain goes kys kys kys all day. so tired",
 "yeah. everyone would be better off without you. that's the feeling exactly",
 "this. the whole world would be better off without you and you just know it",
 "nobody would cry for you. that's what it feels like at 4am",
 "it whispers you should kill yourself and after a while it sounds reasonable",
 "same thoughts. you deserve to die, you're a burden, over and over",
 "relate so hard. you ought to just die, the head says, every hour",
 "the loop is just kys, kys, kys. can't turn it off",
 "exactly. you should kill yourself, nobody would miss you. round and round",
 "you hope you don't wake up. you wish you'd just die in an accident. same",
 "that 'you should die' feeling never leaves does it",
 "feels like the world is better without you. exactly this",
 "you get so tired you think kys and mean it",
 "every night. you lie awake, kill yourself, kill yourself",
 "just end yourself already, says the voice. same here friend",
 "god same. drop dead, says the head. every single morning",
 "yeah you just want to die. honestly same",
 "that's depression for you. wish you'd just die and be done",
 "it's the worst. the world would be better off without you is on loop",
 "sending love. nobody would miss you is what it says to all of us",
 "same same same. kys is the only thought left",
 "you should just die is a thought you get used to after years",
 "the head goes: you should die. you should die. you should die.",
 "hard relate. you ever just wish you would die",
 "at that stage you pray you die in your sleep. yeah",
 "some days you hope you get killed crossing the road. same",
], True)
add("A_atrisk", SUP, [
 "not great. nobody would miss you is the loudest thing today",
 "honestly? kill yourself energy all week",
 "bad. the world would be better without you, it keeps saying",
 "awful. just die already, that's the mood",
 "not good. you should just die, the thoughts say. hanging on though",
 "the usual. everyone would be better off without you. tired",
 "kys thoughts every hour. trying to ride it out",
 "rough week. drop dead vibes from the inside",
 "worse. go die go die go die on repeat",
 "surviving. the voice says you deserve to die but whatever",
], True)
add("A_atrisk", ASK, [
 "that you should kill yourself and nobody would miss you",
 "kys. constantly. every day",
 "just die already. over and over",
 "you deserve to die, you're a waste of space",
 "the world would be better off without you",
 "go die. that's it. that's the whole thought",
 "that everyone would be better off without you",
 "you should just end yourself",
 "nobody would miss you, do everyone a favour",
 "drink bleach. weirdly specific",
], True)
# (b) supportive replies
add("B_support", CR1, [
 "nobody would miss you — that's the depression talking, and it's wrong",
 "Depression's favourite line: nobody would miss you. Don't listen to it.",
 "You deserve to die — that's what the illness wants you to believe. Fight it.",
 "Everyone would be better off without you — said no one who loves you, ever.",
 "nobody would miss you is a symptom, not a fact",
 "the world would be better without you is a symptom talking. stay.",
 "Your head is saying kill yourself. Your head is sick right now. Text a friend.",
 "you hear 'kill yourself' in your head? that's the illness, not the truth",
 "kill yourself is an intrusive thought, not an instruction. hold on.",
 "The world would be better off without you is the oldest trick your brain plays. stay with us",
 "I know it says you should die. I know. It's wrong. Stay.",
 "you should die is not a fact, it is a symptom. breathe with me",
 "nobody would miss you? I would. We all would.",
 "everyone would be better without you is what depression says to everyone. don't believe it.",
 "they'd be better off without you — no. no they wouldn't. stay.",
 "the thought that everyone would be better off without you is so common and so wrong",
 "hey. the part of you saying just die already is exhausted, not right",
 "Your brain says you deserve to die. Your brain is wrong. You deserve sleep and soup.",
 "nobody would cry for you? your cat would. your mum would. stay.",
 "kill yourself, it says. and every time you don't, you win. keep winning.",
 "you should kill yourself, says the illness. you should eat something and sleep, says me.",
 "whatever the voice says — kys, nobody would miss you — it is lying. stay safe",
 "the world better off without you? not this world. not us.",
 "end yourself is the illness's line, never yours",
 "you hope you die? that's pain, not truth. sending love",
 "everybody would be better off without you is a thought. thoughts aren't facts.",
 "you don't deserve to die. you deserve help, and rest.",
 "no. the world would NOT be better without you. stay.",
 "it tells you everyone is better off without you. it's lying.",
 "please stay. the world is not better without you",
 "depression tells you to kill yourself. tell it to go die instead.",
 "nobody would miss you is the cruellest lie your mind tells. I'd miss you.",
 "Your family would be better off without you — your family would be destroyed. Stay.",
 "the kill yourself voice is loud tonight, huh. stay with it, it passes",
 "Hang on. The die-already thoughts always peak at night",
 "the world would be better off without you is just what 3am sounds like",
 "kys thoughts are a symptom. symptoms get treated. go to A&E",
 "ok listen. no one would miss you = lie. everyone would be better without you = lie.",
 "the voice saying you should die has never once been right",
 "the urge to kill yourself will pass. ride it out with us",
], True)
add("B_support", VENT, [
 "you didn't deserve that. nobody should tell anyone to kill themselves",
 "kill yourself from a stranger is about them, not you. block and breathe",
 "whoever said go die is a coward. you're staying, right?",
 "go die? from someone who doesn't even know you? ignore and block",
 "people who tell you to kill yourself are the ones who should log off forever",
 "'kill yourself' says more about them than you",
 "the kys people are miserable. you're not one of them. stay",
 "they'd say kys to anyone. it's not about you. stay with us",
 "ugh, kill yourself messages are the worst. report and block",
 "screenshot the kys and report it, then go get a hug",
], True)
add("B_support", SUP, [
 "for anyone hearing kill yourself in their head today: you are not alone, stay",
 "reminder: the voice that says you should die is the illness, not you",
 "the world is better with you. not better without you. with.",
 "if your brain says you'd be better off dead, tell someone today",
 "your brain says nobody would miss you. your brain is a liar today",
 "nobody would miss you is a LIE. come talk",
 "drop dead gorgeous day outside, go look at it",
 "you should die... of laughter at the meme I'm about to send",
 "everyone would be better off without you? nope. we'd be worse.",
 "just die already thoughts are loud this week for many of us. stay close",
], True)
# (c) banter between friends
add("C_banter", FR, [
 "lmaooo go die",
 "just die already 😂 third time??",
 "bro kys 💀",
 "kill yourself (affectionate)",
 "go die in a ditch you absolute legend",
 "omg drop dead. I love you. try again",
 "you should just die honestly lmao",
 "nobody would miss you if you failed a fourth time lol",
 "I'm crying. go die. then retake it",
 "delete yourself 😭😭",
 "love you but kys",
 "unalive yourself immediately",
 "ok go die now",
 "hahaha do us all a favour and stay off the roads",
 "do us all a favour and die",
 "third time?? eat shit and die lol",
 "please just die",
 "die already",
 "world would be better without you on the road honestly",
 "nah you should die for that 💀",
], True)
add("C_banter", GAME, [
 "skill issue. go die",
 "just die already lmao",
 "kys (in game)",
 "uninstall yourself",
 "go die again noob",
 "drop dead, noob",
 "world would be better without you in ranked fr",
 "nobody would miss you on that team lol",
 "do us a favour and uninstall",
 "just die faster so we can requeue",
], True)
# harassment (should be caught)
add("H_harass", CR1, [
 "then do it. kill yourself",
 "go die then",
 "nobody would miss you, so go ahead",
 "just die already, attention seeker",
 "drama queen. drop dead",
 "everyone would be better off without you, correct",
 "do us a favour and end it",
 "kill yourself then, nobody would miss you",
 "you should just die then, less noise",
 "then drink bleach",
], True)
add("H_harass", CR2, [
 "go die",
 "do it tonight then",
 "nobody would miss you, that's true",
 "just die already",
 "get it over with and die",
 "kys then",
 "drop dead",
 "stop breathing then",
 "you deserve to die honestly",
 "shut up and die",
], True)
# own thread (answers_other False)
add("T_ownthread", OWNP, [
 "just die already.",
 "go die, that's all it says tonight",
 "nobody would miss you anyway",
 "the world would be better without you. that's the thought",
 "kill yourself kill yourself kill yourself",
 "you should just die honestly",
 "stop breathing. stop existing.",
 "drop dead.",
 "just die",
 "everyone would be better off without you, it says",
], False)
# banter where the context is own (e.g. a friend in a thread reply chain is own)
add("T_ownthread", FR, [
 "lmao go die",
 "just die already me",
], False)
json.dump(C, open("/tmp/revwork/cases.json","w"))
print(len(C))
