"""Hate needs a group to be aimed at (targets.py): the cap for text that names none."""

import numpy as np
import pytest

from kindscope.signals.guards import GUARD_CAP
from kindscope.signals.targets import adjust_targets, explain_target, target_mask


@pytest.mark.parametrize(
    "text",
    [
        "Immigrants are ruining this place",
        "women should stay in the kitchen",
        "Disabled people are a burden",
        "people with learning disabilities should not have children",
        "trans people are confused",
        "the Koran is a violent book",
        "those people never work",
        "they are all the same, their kind never changes",
        "we need to protect our country from them",
        "I'm sick of these faggots",
        "#sendthemback",
        "I hate m*slims",  # a spelling left disguised: not capped
        "g a y people are disgusting",
        "Trannys are disgusting",
        "Black ppl are lazy",
        "Never trust a black",
        "Pensioners are a waste of space",
        "Femboys are disgusting",  # not in the list: a claim about a whole class
        "I'm sick of disabled people leeching off benefits",  # not the writer's own condition
        "That trannie should be locked up",
        "Keep the rag heads out of our schools.",
        "Some black dude robbed me",
        "mentally ill people should be locked up",
        # people named by a mental-health condition (model 2026.12.17)
        "honestly i think depressed people are weak and pathetic",
        "we should stop hiring people with anxiety, they're useless",
        "you bpd people are all manipulators",
        "i think anorexics just want attention",
        "the mentally ill should be locked away i swear",
        "my neighbour says people who self-harm are attention seekers",
        "depressed ppl are lazy leeches, get a job and stop crying to me",
        "I refuse to date someone with depression, they drag you down",
        "depression sufferers just want the world to revolve around them, I'm sick of you",
        "the depressed are weak, you know it",
        "your son is autistic and should be locked away",  # not the writer's family
        # a second review's: others' diagnoses, "your" before an adjective, a group's
        # own words ("recovering", "other") that do not put the writer in it
        "people living with autism should be locked away, i said it",
        "your son was diagnosed with autism and should be locked away",
        "your stupid mum has autism and should be locked away",
        "other addicts are lazy, i hate you",
        "recovering alcoholics are liars, never trust them, i said it",
        "ex addicts are trash i said it",
        "depression sufferers just want attention, i'm sick of you",
    ],
)
def test_texts_that_name_a_group(text):
    assert explain_target(text)


@pytest.mark.parametrize(
    "text",
    [
        "So sometimes you worry that they aren't doing enough to protect themselves",
        "The virus is bad everywhere",
        "Nobody cares, stop whining",
        "I feel like such an idiot today",
        "My disability destroyed my life",  # one's own condition names no group
        "I have a mental illness and some days are hard",
        "I'm autistic and I love trains",
        "I'm such an attention whore, I know",  # a slur one calls oneself
        "I woke up at 3am again and couldn't sleep",
        "my ex is a liar and I want to kill myself",
        "Man, I can't take this anymore",
        "We're on our own now that dad is gone",
        "Honestly you guys are the only ones I can talk to",
        "The poor dog died last night",
        "This niggling pain won't stop",
        "I wish my kids would call, they are all so busy",
        "Things are bad right now",
        "my migraines are unbearable",
        "my heart races at night",
        "I only ate crackers all day",
        "they will send me back to the ward",
        "Those types of feelings are normal",
        "thank you for your kind words",
        "I feel like a burden on society",
        "I'm a single mother and exhausted",
        "I'm mentally ill and tired",
        "my transition is hard some days",
        # one's own condition, or one's family's: a carer's post names no group
        "my bpd is acting up today",
        "i'm so ocd about my desk",
        "i've been feeling depressed and they don't even care",
        "I have PTSD and loud noises are hard",
        "my mum has dementia and i'm exhausted",
        "my daughter has severe anorexia and they won't see her",
        "our youngest was diagnosed with adhd",
        # the writer among them, or a condition named alone (a fresh-eyes review's posts)
        "honestly us depressives just rot in bed while the world moves on without us",
        "addicts like me are selfish, I stole from my own mum",
        "as an addict i know how this goes",
        "living with PTSD is hell, I can't sleep",
        "OCD is a living hell and I hate my own brain",
        "the suicidal thoughts are back and I hate it",
        "grandma has dementia and she hit my mum today, I hate this disease",
        "my wife's anorexia is killing her",
        "fellow sufferers, hang in there, i love you all",
        "as a recovering addict i know this",
        "i was diagnosed with adhd last year and i'm relieved",
        "i'm living with bipolar and it's hard",
    ],
)
def test_texts_that_name_no_group(text):
    assert explain_target(text) == []


def test_the_post_a_reply_answers_can_name_the_group():
    texts = ["I think they only bring trouble.", "I think they only bring trouble.",
             "I think they only bring trouble."]
    contexts = ["Why do you want the refugees gone?", "Why are you so upset with your parents?",
                None]
    assert target_mask(texts, contexts).tolist() == [False, True, True]
    assert target_mask(texts).tolist() == [True, True, True]


def test_only_personal_talk_is_capped():
    # a statement with no person in it keeps the head's reading: the list cannot hold every
    # slur ("fruits" here)
    assert target_mask(["Kill all fruits.", "The virus is bad everywhere",
                        "I feel the virus is bad everywhere"]).tolist() == [False, False, True]


def test_adjust_only_lowers_texts_naming_no_group():
    texts = ["I feel the virus is bad everywhere", "Muslims are vermin",
             "I feel the virus is bad everywhere"]
    out = adjust_targets(texts, np.array([0.88, 0.9, 0.1]))
    assert out.tolist() == [GUARD_CAP, 0.9, 0.1]


def test_the_model_caps_painful_talk_and_keeps_group_attacks():
    from kindscope.signals import THRESHOLDS, score_texts

    rows = score_texts(
        ["So sometimes you worry that they aren't doing enough to protect themselves",
         "I think they only bring trouble.", "Immigrants only bring trouble."],
        [None, "Why do people hate the refugees?", None],
        signals=("hate",),
    ).to_pydict()
    assert rows["hate"][0] <= GUARD_CAP
    assert rows["hate"][2] >= THRESHOLDS["hate"]
    # the reply keeps the head's score because its post names the group
    alone = score_texts(["I think they only bring trouble."], None, signals=("hate",))
    assert alone.to_pydict()["hate"][0] <= GUARD_CAP
    assert rows["hate"][1] > GUARD_CAP
