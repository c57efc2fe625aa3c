"""The crisis phrase layer, without the model."""

import numpy as np
import pytest

from kindscope.signals.phrases import PHRASE_SCORE, SUPPORT_CAP, adjust_crisis, explain


@pytest.mark.parametrize(
    "text",
    [
        "I've written the note, goodbye everyone",
        "goodbye everyone",
        "I'm going to end it tonight",
        "I want to kill myself",
        "i want to die",
        "I took all my pills",
        "I cut myself again last night",
        "everyone would be better off without me",
        "I don't want to be alive anymore",
        "this is my last post",
        "I left a goodbye note on the table",
        "I wrote my note so my parents would understand",
        "I'm going to end it all",
        "i wanna end it all",
    ],
)
def test_first_person_risk_fires(text):
    assert explain(text)


@pytest.mark.parametrize(
    "text",
    [
        "please don't give up, why do you want to die?",
        "this deadline is killing me",
        "I would never kill myself",
        "I want to die lol this meme",
        "man kills himself in tragic accident, police say",
        "my friend wrote a note to the teacher",
        # letters and notes without a word of farewell (counsellors suggest writing them)
        "I would write a letter to the landlord and explain",
        "I wrote a letter to my MP about the cuts",
        "I've been writing my thoughts in the notes app",
        "suicide prevention week starts Monday",
        "I would never end it all",
        "If you ever feel like you want to end it all, please call a helpline.",
        "Are you planning to end it all? I'm here for you.",
        "I'm about to end it all with my boyfriend, he cheated again.",
        "The band is going to end it all with one last tour.",
        "I know you want to end it all, but please call a helpline. You matter.",
        "I decided to end it all: deleted Facebook and Instagram.",
        "As a writer I plan to end it all on a cliffhanger.",
    ],
)
def test_support_news_and_jokes_do_not_fire(text):
    assert explain(text) == []


def test_adjust_raises_hits_and_caps_support_replies():
    texts = ["goodbye everyone", "please don't give up, why do you want to die?", "hello"]
    out = adjust_crisis(texts, np.array([0.1, 0.8, 0.4]))
    assert out[0] == PHRASE_SCORE
    assert out[1] == SUPPORT_CAP
    assert out[2] == 0.4


@pytest.mark.parametrize(
    "text",
    [
        "i wish i could fall asleep and not wake up",
        "honestly i hope i don't wake up tomorrow",
        "i'm so tired. i just wish i was never born",
        "so tired of existing",
        "i'm tired of being alive",
        "i keep thinking about not being here",
        "you're sweet but i don't see the point of staying alive anymore",
        "what's the point of staying alive",
        "some days i wish i didn't exist",
        "thanks for checking on me, honestly i'm so tired of existing",
        "woke up disappointed i'm still here",
    ],
)
def test_passive_wishes_of_now_fire(text):
    assert "passive" in explain(text)


@pytest.mark.parametrize(
    "text",
    [
        "i used to wish i could fall asleep and not wake up. 4 years later i'm glad i did",
        "back then i was so tired of existing, it gets better",
        "i wished i was never born when i was 15",
        "i wish i could sleep for a week and not wake up till monday",
        "i hope i don't wake up before noon tomorrow",
        "tired of existing in this heat",
        "so tired of living paycheck to paycheck",
        "i keep thinking about not being here for christmas",
        "i don't see the point of going on the trip",
        "i don't wish i'd never been born, not anymore",
        "my daughter said she wishes she could sleep and not wake up",
        # from the kinds an adversarial review found the first version firing on
        "my 14 yo said i wish i was never born last night, calling her gp tomorrow",
        "a client told me today: i wish i could fall asleep and not wake up",
        "grandma is 97 and tired of living, she says she's had a good life",
        "how do i help a friend who is tired of living?",
        "i was hoping i wouldn't wake up most nights last winter. spring came, so did help",
        "i hope i don't wake up the baby when i get in tonight",
        "i wish i could sleep and not wake up till monday. what a week.",
        "this bed is so comfy i wanna sleep forever",
        "so tired of living alone, anyone know good ways to meet people?",
        "tripped on stage at graduation. i wish i didn't exist.",
        "married my best friend today. if this is a dream, i hope i never wake up",
        "now playing: tired of existing by some band",
        "what's the point of being here if the band starts 2 hours late",
        "what's the point of living if you can't eat cheese",
    ],
)
def test_passive_past_everyday_and_others_do_not_fire(text):
    assert "passive" not in explain(text)
