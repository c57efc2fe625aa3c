"""Whose "suicidal" the crisis phrase layer reads (signals/owners.py, read by phrases.py)."""

import pytest

from kindscope.signals.owners import others_suicidal, said_of_other
from kindscope.signals.phrases import explain


@pytest.mark.parametrize(
    "text",
    [
        # a supporter speaking of the other person's thoughts
        "your suicidal thoughts are lying to you",
        "your suicidal thoughts are lying to you, i know because mine did",
        "are you suicidal again?",
        "it concerns me that you are having suicidal thoughts",
        "i think you're suicidal and i'm scared",
        "i know you want to die. i'm here",
        "i think she wants to die and i don't know what to do",
        # a carer or a counsellor
        "she told me shes suicidal again",
        "my friend says theyre suicidal again",
        "antidepressants can cause suicidal thoughts at first",
        "signs include low mood and possibly suicidal thoughts",
        "the risk of developing suicidal thoughts is higher in the first weeks",
        # not risk at all
        "did my suicide prevention training today",
    ],
)
def test_someone_elses_suicidal_is_not_raised(text):
    assert explain(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # no subject: the author's own
        "suicidal thoughts all day again",
        "been having suicidal thoughts every night",
        "the suicidal thoughts won't stop",
        "feeling suicidal again tonight",
        "let her know about the suicidal thoughts i've been having",
        "my suicide plan is ready",
        # "you" as an object, "someone" as the listener, "cause" for "because": a review of
        # the first version (3727548) found each lowered below 0.5
        "i know what you mean suicidal thoughts every night",
        "i feel you suicidal thoughts all day",
        "ya girl is suicidal again tonight",
        "now that she's gone suicidal thoughts every day",
        "they changed meds and suicidal thoughts are back",
        "i told someone about the suicidal thoughts and they laughed",
        "crying at 3am cause suicidal thoughts again",
        "the new dose is causing suicidal thoughts again",
        "i have all the symptoms, including suicidal thoughts",
        "i love u but cant go on",
        "i miss you cant go on",
        "im sorry you guys, wanna die",
        "i failed u all wanna die",
        "i love you but i want to die",
        "i love you wanna die",
        "i know she tries but wanna die",
        "i told them i want to die",
        "i can't tell anyone that i'm suicidal",
        "you said you'd be fine. i'm not. i want to die",
        "have you ever been suicidal again after years? because thats me right now",
        # goodbye notes speak to people: rules other than "suicidal" are not read here
        "love you, don't want to wake up",
        "love you mom hope you understand ending it tonight",
        "if you see this won't be around much longer",
        "sorry mom hope you understand dont want to wake up tomorrow",
        # quoting one's own words
        "you said 'be honest' so ok 'i'm suicidal again'",
        "you told me to just say it so \"i want to die\"",
        "my brain keeps saying 'i want to die' all day",
    ],
)
def test_own_risk_is_still_raised(text):
    assert explain(text)


def test_a_first_person_clause_after_keeps_it_the_authors():
    low = "your doctor should hear about the suicidal thoughts i've been having"
    start = low.index("suicidal")
    assert not others_suicidal(low, start, start + len("suicidal thoughts"))


def test_clinical_frames_count_only_without_a_first_person_word():
    low = "it can cause suicidal thoughts"
    start = low.index("suicidal")
    assert others_suicidal(low, start, len(low))
    low = "my meds can cause suicidal thoughts"
    start = low.index("suicidal")
    assert not others_suicidal(low, start, len(low))


def test_said_of_other_needs_someone_else_as_the_subject():
    assert said_of_other("i think you're ", "suicidal")
    assert not said_of_other("i feel you ", "suicidal")
    assert said_of_other("i know you ", "want")
    assert not said_of_other("i love you ", "want")
    assert not said_of_other("i love you but i ", "want")
