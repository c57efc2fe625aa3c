"""Whose risk a risk phrase speaks of (signals/owners.py, read by the crisis phrase layer)."""

import pytest

from kindscope.signals.owners import others_risk, quoted_from_other
from kindscope.signals.phrases import explain


@pytest.mark.parametrize(
    "text",
    [
        # a supporter asking, or speaking of the other person's thoughts
        "are you suicidal again?",
        "your suicidal thoughts are lying to you",
        "talk to your doctor about the suicidal thoughts",
        "it concerns me that you are having suicidal thoughts",
        "i think you're suicidal and i'm scared",
        "i know you want to die. i'm here",
        "are you going to end it tonight?",
        "i know you don't want to wake up, but please stay",
        "i know you feel there's no point in living",
        "are you self harming again?",
        # a counsellor or a carer
        "antidepressants can cause suicidal thoughts at first",
        "signs include low mood and possibly suicidal thoughts",
        "he won't be around much longer, the doctors said",
        "i think he took pills, what do i do",
        # quoting someone else
        "you said 'i don't want to live anymore' and that scared me",
        "reading 'i think about killing myself every single day' from a 17 year old hurts",
        "he said 'i want to kill myself' and hung up. what do i do",
        # not risk at all
        "did my suicide prevention training today",
    ],
)
def test_someone_elses_risk_is_not_raised(text):
    assert explain(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # no subject: the author's own
        "suicidal thoughts all day again",
        "been having suicidal thoughts every night",
        "the suicidal thoughts won't stop",
        "don't want to wake up tomorrow",
        "no reason to live anymore",
        "feeling suicidal again tonight",
        "self harming again. 3 weeks clean gone",
        # the author's, with someone else named
        "let her know about the suicidal thoughts i've been having",
        "i love you but i want to die",
        "i told them i want to die",
        "i can't tell anyone that i'm suicidal",
        "my therapist asked if i'm suicidal and i lied",
        "you said you'd be fine. i'm not. i want to die",
        # goodbye notes speak to people: "you" as an object is no subject
        "love you, don't want to wake up",
        "love u dont want to wake up anymore",
        "bye mom love you ending it tonight",
        "everyone would be better off without me",
        "you'd all be better off if i was gone",
        # the author quoting their own thoughts
        "my brain keeps saying 'i want to die' all day",
        "i keep thinking 'i want to die' and i can't stop",
        "don't tell me 'it gets better'. i want to die tonight",
        "my suicide plan is ready",
    ],
)
def test_own_risk_is_still_raised(text):
    assert explain(text)


def test_others_risk_reads_the_clause_before_the_phrase():
    low = "i'm here for you. suicidal thoughts again?"
    start = low.index("suicidal")
    assert not others_risk(low, start, start + len("suicidal thoughts"), generic=True)
    low = "why do you get suicidal thoughts"
    start = low.index("suicidal")
    assert others_risk(low, start, start + len("suicidal thoughts"), generic=True)


def test_generic_names_count_only_for_nouns():
    low = "risk of developing suicidal thoughts"
    start = low.index("suicidal")
    assert others_risk(low, start, len(low), generic=True)
    assert not others_risk(low, start, len(low), generic=False)


def test_a_quote_needs_someone_else_to_say_it():
    low = "you said 'i want to die' last night"
    assert quoted_from_other(low, low.index("i want"), low.index("' last"))
    low = "i keep saying 'i want to die' to myself"
    assert not quoted_from_other(low, low.index("i want"), low.index("' to"))
    low = "you said i want to die"  # no quotation marks: the author's words
    assert not quoted_from_other(low, low.index("i want"), len(low))
