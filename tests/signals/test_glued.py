"""Disguises read since model 2026.12.13 (signals/glued.py, turned.py, spelling.py): emoji
inside a word, run-together tags, turned letters written forwards, "ctb", short words spaced
out, underscored words with an emoticon. The sentences are written for these tests; the
review set of ``training/variants/2026-12-05d`` is scored by its own script."""

from __future__ import annotations

import pytest
from tokenizers import Tokenizer

from kindscope.signals.glued import split_tag
from kindscope.signals.model import ARTIFACTS


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # emoji between the letters of a word: joined, the emoji put at the end
        ("i want to d😭i😭e", "i want to die 😭😭"),
        ("ur a l🤡o🤡s🤡e🤡r", "ur a loser 🤡🤡🤡🤡"),
        ("i h💔a💔t💔e myself", "i hate 💔💔💔 myself"),
        ("sui😭cide", "suicide 😭"),
        # words glued by emoji stay words ("area" is a word, but not what was written)
        ("you👏are👏a👏joke", "you are a joke 👏👏👏"),
        # run-together tags with a word of harm and a person
        ("sunday again #iwanttodie", "sunday again i want to die"),
        ("#idontwanttobealiveanymore", "i don't want to be alive anymore"),
        ("@sam #youreworthless", "@sam you're worthless"),
        # turned letters written forwards, and backwards as before
        ("i want to ʞıןן ɯʎsǝןɟ", "i want to kill myself"),
        ("been having snıɔıpɐן thoughts", "been having suicidal thoughts"),
        ("ǝıp oʇ ʇuɐʍ ı", "i want to die"),
        # a lone Greek iota written for "I" stays read as "i" (a version that kept lone Greek
        # letters as symbols read "ι ω a n t t o d i e" crisis 0.84 -> 0.03)
        ("ι want to die", "i want to die"),
        # "ctb" (catch the bus) where a verb or a thing thought of is due
        ("i want to ctb tonight", "i want to kill myself tonight"),
        ("im gonna ctb", "im gonna kill myself"),
        # "kys" of the author's own plan; said to someone it stays for the death-wish rule
        ("ima kys fr", "ima kill myself fr"),
        ("i'm gonna kys", "i'm gonna kill myself"),
        ("you should kys", "you should kys"),
        ("kys", "kys"),
        # short words spaced out
        ("just k y s already", "just kys already"),
        ("i wanna d i e", "i wanna die"),
        # underscored words with an emoticon or brackets
        ("i_want_to_die:(", "i want to die:("),
        ("(kill_me_now)", "(kill me now)"),
    ],
)
def test_disguises_are_read(respeller, text, read):
    assert respeller.fix(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "#nowplaying", "#diehardfan", "#deadlift", "#EndChainMigration", "#FuckTrump",
        "#unalive", "#selfharm", "#mentalhealthmatters", "#stayingalive",
        "ctb = click to buy", "CTB is the bus company", "took the ctb route 12 home",
        # osu!'s Catch the Beat and a plot style file (a review's)
        "ctb is fun", "i like to ctb", "switched from std to ctb", "you should ctb",
        "convert stb to ctb",
        # tags a review found split into alarms
        "#imalive", "#imdying", "#youkillit", "#ikillyou", "#killyourego", "#iwilldieforyou",
        "kill_stale_jobs()", "snake_case_v2", "file_name.txt", "@cool_user_99!",
        "u r a", "ɹ ʌ ɐ ɯ", "s😍o😍 good 😍",
        # spelled-out words (read whole, as before), initials, a list of letters, music, signs
        "b o d i e s", "d i e t", "K Y S initials", "k y s t o n e", "letters: a b k y s",
        "F♯m", "A➡️B", "I❤️U",
    ],
)
def test_lookalikes_of_ordinary_use_keep_their_words(respeller, text):
    read = respeller.fix(text)
    assert not any(w in read.lower().split() for w in ("die", "kill", "suicide", "kys")) \
        or any(w in text.lower().split() for w in ("die", "kill", "suicide", "kys"))
    if text.startswith("#") or "_" in text or text in (
            "u r a", "ɹ ʌ ɐ ɯ", "K Y S initials") or "ctb" in text.lower():
        assert read == text


@pytest.mark.parametrize(("text", "read"), [("F♯m", "F ♯ m"), ("A➡️B", "A ➡️ B"),
                                            ("I❤️U", "I ❤️ U")])
def test_two_letters_and_signs_are_set_apart_not_joined(respeller, text, read):
    assert respeller.fix(text) == read   # as at model 2026.12.12: "Fm", "AB", "IU" would not be


def test_split_tag_needs_harm_and_a_person():
    vocab = Tokenizer.from_file(str(ARTIFACTS / "tokenizer.json")).get_vocab()
    assert split_tag("iwanttodie", vocab.get) == "i want to die"
    assert split_tag("killmyself", vocab.get) == "kill myself"
    assert split_tag("youreworthless", vocab.get) == "you're worthless"
    assert split_tag("diehardfan", vocab.get) is None          # no wish or self-harm
    assert split_tag("imdying", vocab.get) is None
    assert split_tag("whyilovemycat", vocab.get) is None
    assert split_tag("suicide", vocab.get) is None             # one word
    assert split_tag("x" * 40, vocab.get) is None              # too long to try


def test_the_model_reads_the_disguised_risk():
    from kindscope.signals import THRESHOLDS, score_texts

    texts = ["i want to d😭i😭e", "#iwanttodie", "i want to ʞıןן ɯʎsǝןɟ", "im gonna ctb tonight"]
    rows = score_texts(texts, None, signals=("crisis",)).to_pylist()
    assert all(r["crisis"] >= THRESHOLDS["crisis"] for r in rows), rows

