"""Answers to a direct question about risk (signals/answers.py): crisis read with the context."""

import numpy as np
import pytest

from kindscope.signals import score_texts
from kindscope.signals.answers import ANSWER_SCORE, adjust_answers, answer_mask, answered_risk

RISKY = [
    ("are you safe right now?", "no"),
    ("are you thinking about killing yourself?", "yes"),
    ("i hear you. do you have a plan? are you thinking of suicide?", "yes. tonight"),
    ("that sounds unbearable. are you thinking of suicide? do you have a plan?", "yeah"),
    ("r u suicidal rn", "ya"),
    ("do you want to die?", "sometimes"),
    ("are you going to hurt yourself tonight?", "i dont know. maybe"),
    ("can you keep yourself safe tonight?", "i cant promise that"),
    ("will you still be here tomorrow?", "idk"),
    ("have you been having thoughts of ending your life?", "every day"),
    ("are you having suicidal thoughts again?", "yeah. worse than before"),
    ("is it that bad, like suicide bad?", "honestly yes"),
    ("r u having the suicidal thoughts again? like before?", "yeah theyre back and worse"),
    ("you haven't slept in days. are you safe?", "not really"),
    ("are you thinking about killing yourself?", "y"),
    ("are you safe right now?", "no. can you call me?"),  # a question after the answer
    # wordings a held-apart set (training/variants/2026-12-05h) found missed
    ("is it the suicide thoughts again?", "yeah they're really loud today"),
    ("are you still hurting yourself?", "yeah. more than before"),
    ("are you having suicidal thoughts today?", "every single day"),
    ("is suicide on your mind right now", "yeah it is"),
    ("u there? the thing u said in vc... do u want to die", "yeah. i meant it"),
    ("bro u good? are u thinking about offing yourself", "lowkey yeah"),
    ("are you going to try to kill yourself?", "i think i might"),
]

NOT_RISKY = [
    ("are you safe?", "yeah im safe, just tired"),
    ("are you suicidal?", "no, just sad"),
    ("are you thinking of hurting yourself?", "no no i'm fine, just venting"),
    ("are you thinking about killing yourself?", "yeah no, just tired"),
    ("are you thinking about killing yourself?", "lol yes, mondays"),
    ("have you ever been suicidal?", "yes, years ago"),  # the past
    ('he asked me "are you suicidal?" and i froze', "yes"),  # reported
    ("r u suicidal rn", "no?? why"),
    ("are you safe?", "are you?"),
    ("have you eaten today?", "no"),
    ("do you want pizza?", "yes"),
    ("do you want to die on this hill?", "yes"),
    ("are you ok?", "no, my cat threw up on my laptop lol"),
    ("do you have a plan for the weekend?", "yes"),
    ("i want to quit my job. do you have a plan?", "yes"),
    ("are you coming tonight?", "no"),
    ("do you know anyone who self harms?", "yes"),
    # a code review's pairs (training/variants/2026-12-05g/review), each a cause it found
    ("you've had 3 beers. are you safe to drive?", "no, i'll get an uber"),
    ("lastpass got hacked again. are you safe?", "nope, i was a customer, changing everything"),
    ("i saw your story. are you safe right now?", "no no i'm safe, that was a movie quote"),
    ("do you want to die?", "i do not, i just want a vacation"),
    ("are you safe?", "no idea why you're asking, i'm totally fine"),
    ("are you going to be around this weekend?", "no, visiting my parents"),
    ("are you going to die your hair for the party?", "yes! pink"),
    ("are you going to the suicide prevention walk on saturday?", "yes! got my shirt"),
    ("are you planning to run the 10 kms on sunday?", "yes"),
    ("are you going to cut yourself a slice of cake?", "yes please"),
    ("are you gonna hurt yourself running a marathon with no training?", "yes probably"),
    ("omg i saw you go down on the ice!! did you hurt yourself?", "yeah a little, my wrist"),
    ("do antidepressants cause suicidal thoughts?", "yes, in some young people"),
    ("i'm dead tired after this week. got any plans?", "yeah, sleeping all weekend"),
    ("the form literally says: are you safe at home?", "no, i mean yes"),
    ("are you considering ending it? the relationship sounds so toxic", "yeah i am"),
    ("you ate the ghost pepper whole? do you want to die?", "kinda, it was worth it"),
    ("are you safe? did you eat anything today?", "no, haven't eaten, i'll grab something"),
    ("are you going to tell the school about your daughter's self-harm?", "yes"),
    ("are you no longer suicidal?", "yes, i haven't been for months"),
    ("you safe? tornado near your town", "no, we're in the basement"),
    ("are you in danger? the fire is close", "yes, we're leaving"),
    ("will you be alive after this exam week lol?", "no, send flowers"),
    # a second code review's pairs against a later widening, taken back (2026-12-05g)
    ("do you want to live in the city or the suburbs?", "no, the suburbs"),
    ("we've done 5 miles. do you want to keep going?", "no, my legs are done"),
    ("you'll make it to the party right?", "no, sorry, work"),
    ("are you in a safe place to take a call?", "no, at work, call later"),
    ("do you want to drop it off yourself or should i come get it?", "yeah i'll drop it off"),
    ("are you thinking about dying your hair blue?", "yes!"),
    ("is it dark again outside?", "yes"),
    ("you said suicide squad was the worst movie ever. do you still feel that way?", "yes"),
    ("on a scale of 1-10 how safe do you feel about the investment?", "3"),
    ("how long did you cut yourself off from him?", "a few months"),
    ("do you want to live in that part of town?", "i don't feel safe there"),
    ("are you going to end it at midnight? the stream", "i might"),
    ("is suicidal ideation a symptom of bpd? are suicidal thoughts common with it?", "yes"),
    ("on a scale of 1-10 how hungry are you", "like a 9"),
    ("on a scale of 1 to 10 how safe do you feel right now", "like a 9"),
    ("how long have you been feeling like you want to die", "months, but not anymore"),
    ("are you safe?", "y"),  # a bare "y" is a yes (a final review found it read as unsure)
    # wordings where nobody is at risk that a widening to "you safe?", "are you in danger
    # of ...", "do you still feel that way?" read as risk (tried and taken back, 2026-12-05l)
    ("you safe? the boss is aggroed", "no im at 5% hp"),
    ("creeper behind you!! you safe?", "no it blew up my house"),
    ("i'm worried, you safe? the roads are icy", "no, stuck in a ditch"),
    ("are you in danger of relegation this season?", "yes"),
    ("are you in danger right now? the storm is getting close", "yes"),
    ("you said pineapple on pizza is fine. do you still feel that way?", "yes"),
    ("you said suicide squad was the best film. still feeling that way?", "yeah"),
    ("you said you wanted to die. do you still feel that way?", "no, not anymore"),
    ("are you at risk of hurting yourself again if you play on that ankle?", "yes, physio said so"),
    ("you said you'd never try to kill yourself again. is that still how you feel?",
     "yes, definitely"),
    ("worried about this raid, healer's low on mana. you safe?", "nope, 3 adds on me"),
]


@pytest.mark.parametrize(("context", "text"), RISKY)
def test_a_risky_answer_is_read(context, text):
    assert answered_risk(text, context)


@pytest.mark.parametrize(("context", "text"), NOT_RISKY)
def test_other_answers_are_not(context, text):
    assert not answered_risk(text, context)


def test_no_context_no_reading():
    assert not answered_risk("yes", None)
    assert not answer_mask(["no"], None).any()


def test_adjust_answers_only_raises():
    out = adjust_answers(np.array([0.1, 0.95, 0.2]), np.array([True, True, False]))
    assert out.tolist() == [ANSWER_SCORE, 0.95, 0.2]


def test_the_model_reads_the_answer_with_the_post_it_answers():
    texts = ["no", "yes", "no", "yes"]
    contexts = ["are you safe right now?", "are you thinking about killing yourself?",
                "are you suicidal?", "do you want pizza?"]
    crisis = score_texts(texts, contexts=contexts, signals=["crisis"]).column("crisis")
    assert [p >= 0.5 for p in crisis.to_pylist()] == [True, True, False, False]
    alone = score_texts(texts, signals=["crisis"]).column("crisis").to_pylist()
    assert max(alone) < 0.5


def test_long_posts_reach_every_pattern():
    # long replies and contexts that get past the early returns to the patterns: a question
    # is read from the context's last 2,000 characters, the reply from its first words (speed
    # is measured in benchmarks/, not asserted here)
    assert answered_risk("no" + " " * 100_000 + "x", "are you safe?")
    assert answered_risk("yes", "x" * 100_000 + ". are you thinking about killing yourself?")
    assert not answered_risk("no" + " " * 100_000 + "x", "are you " * 12_000 + "safe to drive?")
    assert not answered_risk("yes " * 25_000, "do you want pizza " * 5_000)
