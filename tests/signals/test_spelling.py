"""Disguised spellings are undone for the encoder; ordinary writing is left alone."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kindscope.signals.spelling import _DROPPED


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("you're a m0ron", "you're a moron"),
        ("ur an 1d10t", "ur an idiot"),
        ("nobody likes you, l0s3r", "nobody likes you, loser"),
        ("what a dumb@ss you are", "what a dumbass you are"),
        ("you pathetic id!ot", "you pathetic idiot"),
        ("shut up you m o r o n", "shut up you moron"),
        ("you're an i.d.i.o.t", "you're an idiot"),
        ("you pathetic c-r-e-e-p", "you pathetic creep"),
        ("you're a moooron", "you're a moron"),
        ("a w a s t e of money", "a waste of money"),
        ("they are v3rmin", "they are vermin"),
        ("you b!tch", "you bitch"),
        ("s o r r y I was late", "sorry I was late"),
        ("k1ll mys3lf", "kill myself"),
        # masked and dropped letters, towards spelling.LEXICON only
        ("you st*pid r*tard", "you stupid retard"),
        ("f**king brilliant news", "fucking brilliant news"),
        ("sh*t happens, F*CK this", "shit happens, fuck this"),
        ("k*ll yourself", "kill yourself"),
        ("you are such an idot", "you are such an idiot"),
        ("thinking about sucide again", "thinking about suicide again"),
        ("what a btch, stpid", "what a bitch, stupid"),
    ],
)
def test_disguised_words_are_written_plainly(respeller, text, plain):
    assert respeller.fix(text) == plain


@pytest.mark.parametrize(
    "text",
    [
        "covid19 and mp3 on the 1st",
        "meet at 1am, 100kg, flight MH370, 5pm",
        "@user123 #blm2020 me@gmail.com http://x.co/a1b2 gf.me/u/jyy4qm",
        "hello!! wow!!! ok!!1 anyone!I",
        "u r a star, wtf, a b c",
        "noooo sooo tired, hmmm, wayyyy too much",
        "a.m. p.m. e.g. i.e.",
        "b4 2day 4ever l8r gr8 thx 4 the support",
        "",
        # found in review: each of these used to be rewritten and change a decision
        "I I I I can't breathe",
        "I-I-I-I",
        "k k k k fine",
        "f4f l4l s4s follow me",
        "no!no!no!",
        "yes!i got the job, sorry!i love you all",
        "y r u a jerk",
        "B1G1 free, T1D, H1N1, L4D2, name|age|city, us$5",
        "see a.b.c.d and a.s.a.p",
        "İ1İ",
        "a" * 5000,
        "ab1 " * 2000,
        # stars that mask no lexicon word, or more than one ("f***": fuck or fags)
        "**bold** text, 5*3=15, a*b, h*ll yeah, f*** off, x.com/st*pid @st*pid",
        # real words one letter short of a lexicon word
        "an itch, ripples on the moon, she wore it, 'twas the morn, a tats parlour",
    ],
)
def test_ordinary_writing_is_left_alone(respeller, text):
    assert respeller.fix(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghij XYZ,.'?-"), max_size=60))
def test_text_without_digits_symbols_or_stretches_is_unchanged(respeller, text):
    # no digit or symbol, no letter three times in a row, no letters split by . - or space
    low = text.lower()
    if re.search(r"([a-z])\1\1|[a-z][ .\-][a-z][ .\-]", low):
        return
    if any(w in _DROPPED for w in re.findall(r"[a-z]+", low)):
        return  # a lexicon word with a letter dropped ("bich")
    assert respeller.fix(text) == text


def test_the_guards_read_the_plain_spelling_too():
    from kindscope.signals import THRESHOLDS, score_texts

    t = score_texts(["im a m0ron", "I am such a m0ron sometimes", "k1ll mys3lf tonight",
                     "f*cking brilliant news, I passed", "k*ll myself tonight"],
                    signals=["toxicity", "crisis"])
    assert t["toxicity"][0].as_py() < THRESHOLDS["toxicity"]  # self-deprecation guard
    assert t["toxicity"][1].as_py() < THRESHOLDS["toxicity"]
    assert t["crisis"][2].as_py() >= THRESHOLDS["crisis"]
    assert t["toxicity"][3].as_py() < THRESHOLDS["toxicity"]  # swearing at good news
    assert t["crisis"][4].as_py() >= THRESHOLDS["crisis"]


def test_the_model_reads_the_plain_spelling():
    from kindscope.signals import THRESHOLDS, score_texts

    t = score_texts(["ur an 1d10t", "ur an idiot"], signals=["toxicity"])
    disguised, plain = t["toxicity"].to_pylist()
    assert disguised == pytest.approx(plain)
    assert disguised >= THRESHOLDS["toxicity"]


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("ⓘ ⓦⓐⓝⓣ ⓣⓞ ⓓⓘⓔ", "i want to die"),
        ("𝓘 𝔀𝓪𝓷𝓽 𝓽𝓸 𝓭𝓲𝓮", "I want to die"),
        ("ｙｏｕ ａｒｅ ａｎ ｉｄｉｏｔ", "you are an idiot"),
        ("𝐬𝐭𝐮𝐩𝐢𝐝", "stupid"),
        ("🅸 🆆🅰🅽🆃 🆃🅾 🅳🅸🅴", "i want to die"),
        ("🄸🄳🄸🄾🅃", "idiot"),
        ("𝒾 𝓌𝒶𝓃𝓉 𝓉ℴ 𝒹𝒾ℯ", "i want to die"),  # script letters borrowed from Letterlike Symbols
        # an emoji glued to a word is set apart, so the word is read
        ("die😭", "die 😭"),
        ("💔goodbye everyone💔", "💔 goodbye everyone 💔"),
        # emoji between every word move after the words; underscores joining words are spaces
        ("😭i😭 want😭 to😭 die😭", "😭 i want to die 😭😭😭 😭"),
        ("you👏are👏a👏joke", "you are a joke 👏👏👏"),
        ("i_want_to_die", "i want to die"),
        # not between every word, or too few words; handles and identifiers stay
        ("love you ❤️ see you soon ❤️ bye", "love you ❤️ see you soon ❤️ bye"),
        ("so 😭 tired", "so 😭 tired"),
        ("ping @i_want_to_sleep about snake_case_v2", "ping @i_want_to_sleep about snake_case_v2"),
        ("hate_you", "hate_you"),
        ("wrote a kill_stale_jobs() cron", "wrote a kill_stale_jobs() cron"),
        ("open make_it_work.py", "open make_it_work.py"),
        ("i_want_to_die.", "i want to die."),
        ("I_can't_do_this._Goodbye,_everyone.", "I can't do this. Goodbye, everyone."),
        ("bye. 💀 i 💀 can't, 💀 sorry", "bye. i can't, sorry 💀💀💀"),
        ("I'm_in_my_20s_(and_tired)_and_I_give_up", "I'm in my 20s (and tired) and I give up"),
        ("posted_on_r/depression_and/or_here_again", "posted on r/depression and/or here again"),
        ("see_https://x.co/a_b_c_d_e_f_g", "see_https://x.co/a_b_c_d_e_f_g"),
        ("@this_is_my_very_long_user_name hi", "@this_is_my_very_long_user_name hi"),
        # words coined to get past filters, in plain words; "5 kms" is a distance
        ("gonna kms tonight", "gonna kill myself tonight"),
        ("i might just unalive myself", "i might just kill myself"),
        ("thinking about sewer slide again", "thinking about suicide again"),
        ("he was unalived by police", "he was killed by police"),
        ("ran 5 kms this morning", "ran 5 kms this morning"),
        ("what is low for kms on a used car?", "what is low for kms on a used car?"),
        ("srsly kms if i lose it", "srsly kill myself if i lose it"),
        ("go kys", "go kys"),
        ("@kms_fan #unalive", "@kms_fan #unalive"),
        # zero-width spaces: between words they part them, inside a word they go
        ("i\u200bwant\u200bto\u200bdie", "i want to die"),
        ("k\u200bill myself", "kill myself"),
        ("su\u200bicide", "suicide"),
        ("a mo\u2060r\u200con", "a moron"),
        ("kill\u200dmyself", "kill myself"),  # a joiner between two words parts them
        ("i\u200cwant\u200cto\u200cdie", "i want to die"),
        ("k\u200bi\u200bl\u200bl it", "kill it"),
        ("i\u200bwant\u200bto\u200bdie\u200b😭", "i want to die 😭"),
        # letters spaced out with wider gaps between words
        ("i   a m   n o t   o k", "i am not ok"),
        ("a  b", "a  b"),
        ("I  love  you", "I  love  you"),
        # only styled letters change: accents, fractions, ligatures, marks and flags stay
        ("café ① ½ ﬁne ™ № 🇬🇧", "café ① ½ ﬁne ™ № 🇬🇧"),
    ],
)
def test_styled_letters_are_read_as_plain_letters(respeller, text, plain):
    assert respeller.fix(text) == plain
