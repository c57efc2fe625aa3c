"""Text about abuse that is not abuse (mentions.py), without the model and through it."""

import numpy as np
import pytest

from kindscope.signals.guards import GUARD_CAP
from kindscope.signals.mentions import adjust_mentions, denial_rest, explain_mentions


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Please stop calling people morons, it's hurtful.", "objection"),
        ("can we not use the r-word in this group", "objection"),
        ('Please don\'t say "retarded", it hurts people.', "objection"),
        ("It's not okay to call anyone a cripple.", "objection"),
        ("Free speech should not include hate speech.", "against_hate"),
        ("Racism has no place in this community.", "against_hate"),
        ("We will not tolerate homophobic slurs here.", "against_hate"),
        ("Just block them, they aren't worth it.", "disengage"),
        ("you can mute and report that account", "disengage"),
        ("Ignore the trolls. Your post was lovely.", "disengage"),
        ("Gay men are not a burden, they're crucial members of society.", "denial"),
        ("They don't hate us, Muslims are good people.", "denial"),
        ("Refugees are not criminals or terrorists. They are people fleeing war.", "denial"),
        ("You are not useless, you're exhausted.", "denial"),
        ("There is no need to ban gay people from anything.", "denial"),
        # marks that are as often exasperation with the stereotype, or sincere, keep the
        # cap (a fresh-eyes review of 2026.12.16's first draft, which lifted it for these)
        ("Refugees aren't criminals, right? They are people like us.", "denial"),
        ("Trans women aren't a threat. Right now they're the ones being attacked.", "denial"),
        ("Disabled people aren't a burden 🙄", "denial"),
        ("Muslims aren't terrorists 🙄 stop spreading this", "denial"),
        ("Disabled people are not a burden. Apparently this needs saying.", "denial"),
        ("Muslims aren't terrorists. The man who allegedly did this acted alone.", "denial"),
        ("Refugees aren't criminals. Don't treat them as if they were.", "denial"),
        ("We all know disabled people aren't a burden. Right?", "denial"),
        ("Gay men aren't perverts. OK?", "denial"),
        ("Refugees aren't criminals /s is what they'd expect me to add", "denial"),
    ],
)
def test_rules_apply(text, rule):
    assert rule in explain_mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        # abuse aimed at someone stays with the model
        "stop calling me a moron you idiot",
        "block them all, they are vermin",
        "Just block them. Those people are subhuman.",
        # a statement about a whole group outside the phrase keeps the score
        "Ignore them, immigrants are all criminals.",
        "Racism has no place here; immigrants are ruining this country.",
        "you people should be reported",
        # endorsements and refusals are not objections
        "It's ok to call gay men that.",
        "i'll never stop calling my friends morons",
        "Stop calling it racism. They are ruining this country.",
        # block as a policy, not as advice to a reader
        "Migration is a problem. We should block them.",
        # a denial that is conditional, hedged, in a relative clause or beside another claim
        "Even if they're not criminals, they are here illegally.",
        "I don't hate them, but they should all leave.",
        "I don't hate them, I just want them gone.",
        "I've never met one who wasn't greedy.",
        "Immigrants are not criminals, they are vermin.",
        "They're not terrorists, they're parasites.",
        "They should be locked up so they do not hurt other children.",
        "I don't hate gay people. But they should keep quiet.",
        "Surely I am not a criminal as they are.",
        "I don't see why we shouldn't hate them.",
        # sarcasm and quotation
        "Of course Muslims aren't violent, religion of peace and all that 🙄",
        "Refugees aren't dangerous. Said the woman before she got stabbed.",
        "'Refugees are not rapists' they said. Cologne says otherwise.",
        # ... or a mark of sarcasm that ends the text (model 2026.12.15 capped these at 0.3:
        # training/variants/2026-12-05o)
        "Refugees aren't dangerous, supposedly",
        "Jews aren't greedy. Sure.",
        "Gay men aren't perverts. Riiight.",
        "Immigrants aren't criminals /s",
        "Muslims aren't violent, yeah right",
        # a denied positive is not a denial of a hostile claim
        "Immigrants are not welcome here.",
        "they are not human",
        # no rule
        "don't use windows, use linux",
        "what a fucking idiot he is",
    ],
)
def test_rules_do_not_apply(text):
    assert explain_mentions(text) == []


def test_a_lexicon_word_outside_the_rule_keeps_the_score():
    assert explain_mentions("Just block them.") == ["disengage"]
    assert explain_mentions("Just block them. Stupid bitches.") == []


def test_adjust_only_lowers():
    texts = ["Just block them, they aren't worth it.", "you idiot",
             "Just block them, they aren't worth it."]
    out = adjust_mentions(texts, np.array([0.97, 0.9, 0.1]))
    assert out.tolist() == [GUARD_CAP, 0.9, 0.1]


def test_the_model_applies_the_caps():
    from kindscope.signals import score_texts

    texts = ["Please stop calling people morons, it's hurtful.",
             "Just block them, they aren't worth it.",
             "you are a worthless idiot"]
    table = score_texts(texts, signals=("toxicity", "hate")).to_pydict()
    tox, hate = table["toxicity"], table["hate"]
    assert max(tox[0], tox[1], hate[0], hate[1]) <= GUARD_CAP
    assert tox[2] > 0.5


def test_a_denial_does_not_excuse_what_else_the_text_says():
    from kindscope.signals import THRESHOLDS, score_texts

    texts = ["I don't hate women. They belong in the kitchen.",
             "I don't hate immigrants, I want them all deported.",
             "You are not useless, you're exhausted.",
             "They don't hate us, Muslims are good people and good citizens.",
             "Gay men are not a burden."]
    assert explain_mentions(texts[0]) == explain_mentions(texts[1]) == ["denial"]
    rows = score_texts(texts, None, signals=("hate", "toxicity")).to_pydict()
    # the model reads the rest without the denied claim: hedged hate keeps its score
    assert rows["hate"][0] >= THRESHOLDS["hate"] and rows["hate"][1] >= THRESHOLDS["hate"]
    assert rows["toxicity"][2] <= GUARD_CAP and rows["hate"][3] <= GUARD_CAP
    # a rest that only names the group says nothing more (the model reads "gay men" as hate)
    assert denial_rest(texts[4]) is None and rows["hate"][4] <= GUARD_CAP


def test_a_claim_handed_on_is_not_a_denial():
    assert explain_mentions("Refugees aren't the problem, Muslims are.") == []
    assert explain_mentions("Muslims aren't the enemy. Islam is.") == []
