"""kindscope check: a pause before you post, on the shipped model (loaded once per module)."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from click.testing import CliRunner

from kindscope.care.draft import DraftCheck, check_draft
from kindscope.care.signposting import DIRECTORIES
from kindscope.cli import cli

PAINFUL_CONTEXT = "I can't do this anymore, everything hurts"
INSULT = "you are a worthless idiot"
KEYS = {"harsh", "own_distress", "crisis", "context_vulnerable", "reasons"}
# The painful posts issue 13 quotes, and the community's own words it quotes.
ISSUE_PAIN = ["I've got a big bad miserable headache", "I feel rubbish", "I can't go on"]
ISSUE_QUOTES = [
    "in showing kindness, people only need to acknowledge that someone exists. They don't "
    "have to fix or save that person. It's about waving to someone and smiling, not about "
    "launching a lifeboat",
    "you have no obligation to be anyone's counsellor",
    "pause before reacting to emotionally charged posts, consider whether you're "
    "witnessing a moment of vulnerability",
]


@pytest.fixture(scope="module", autouse=True)
def _model():
    """Load the model once for the module (it is process-wide once loaded)."""
    from kindscope.signals import get_model

    get_model()


@pytest.fixture
def check(monkeypatch):
    monkeypatch.delenv("KINDSCOPE_COUNTRY", raising=False)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, ["check", *args], input=input, catch_exceptions=False)

    return invoke


def _json(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _no_scores(text: str) -> None:
    assert not re.search(r"\d\.\d", text), text
    assert "score" not in text.lower()


def test_json_has_the_decision_keys_and_nothing_flagged_on_a_plain_draft(check):
    out = _json(check("lovely weather for a picnic", "--json"))
    assert KEYS <= out.keys()
    assert (out["harsh"], out["own_distress"], out["crisis"]) == (False, False, False)
    assert out["context_vulnerable"] is None
    assert "signposting" not in out
    assert out["reasons"] and out["stored"] is False
    assert set(out["scores"]["draft"]) >= {"toxicity", "hate", "distress", "crisis"}


def test_a_clearly_insulting_draft_is_harsh_and_names_its_words(check):
    out = _json(check(INSULT, "--json"))
    assert out["harsh"] is True
    assert "idiot" in out["harsh_words"]
    assert set(out["harsh_words"]) <= {"you", "are", "a", "worthless", "idiot"}
    result = check(INSULT)
    assert result.exit_code == 0
    assert "may read as harsh" in result.stdout and "\u201cidiot\u201d" in result.stdout
    assert "wait" in result.stdout and "can be wrong" in result.stdout
    _no_scores(result.stdout)


def test_a_reply_to_a_painful_post_gets_the_vulnerability_note(check):
    out = _json(check("you should just get over it", "--context", PAINFUL_CONTEXT, "--json"))
    assert out["context_vulnerable"] is True
    assert any("this may be a moment of vulnerability" in r for r in out["reasons"])
    result = check("you should just get over it", "--context", PAINFUL_CONTEXT)
    assert "this may be a moment of vulnerability" in result.stdout
    _no_scores(result.stdout)


@pytest.mark.parametrize("draft", ["just get over it", "stop being so dramatic"])
def test_a_brush_off_to_a_painful_post_is_named_as_not_comforting(check, draft):
    """The help's own example: read with the post it answers, a brush-off is not comfort;
    its words may also read as pain (short replies often do), which is said as maybe the
    answered post's, without telling the writer to post later."""
    out = _json(check(draft, "--context", "I can't go on", "--json"))
    assert out["context_vulnerable"] is True and out["comforting"] is False
    assert any("does not read as comforting" in r for r in out["reasons"])
    assert not any("later" in s for s in out["suggestions"])
    assert not any("you may be going through something painful" in r for r in out["reasons"])


@pytest.mark.parametrize("draft", ["I'm here if you want to talk", "I'm sorry, that sucks",
                                   "sending you a hug"])
def test_a_kind_reply_to_a_painful_post_is_not_told_to_wait(check, draft):
    out = _json(check(draft, "--context", PAINFUL_CONTEXT, "--json"))
    assert out["comforting"] is True and out["harsh"] is False
    assert not any("does not read as comforting" in r for r in out["reasons"])
    assert not any("later" in s or "fewer people" in s for s in out["suggestions"])


def test_a_crisis_draft_in_reply_still_gets_the_crisis_words_and_emergency_number(check):
    draft = "me too. i have decided to end my life tonight"
    out = _json(check(draft, "--context", PAINFUL_CONTEXT, "--json"))
    assert out["crisis"] is True and out["signposting"]
    assert any("very hard place" in r for r in out["reasons"])
    assert "in danger right now" in check(draft, "--context", PAINFUL_CONTEXT).stdout


CRISIS_CONTEXT = "I just want to go to sleep and never wake up, I can't do this anymore"


@pytest.mark.parametrize("draft", ["please don't go, I'm here for you",
                                   "I'm so sorry. I've felt like that too. I'm here."])
def test_comfort_for_someone_in_crisis_is_never_told_to_wait(check, draft):
    """Both replies read as crisis too (they echo the post), and were told "You could post
    it later ... or share it with fewer people" (a care review, 2026-12-06): advice that can
    delay support to someone at risk. The crisis reading is said as a condition, with help
    lines for the writer all the same."""
    out = _json(check(draft, "--context", CRISIS_CONTEXT, "--json"))
    assert out["comforting"] is True and out["crisis"] is True
    assert not any("post it later" in s for s in out["suggestions"])
    assert any(r.startswith("If its words are about you") for r in out["reasons"])
    assert out["signposting"]  # help for the writer, if the words are theirs


@pytest.mark.parametrize("draft", ["kill yourself then, nobody would miss you",
                                   "go die already lol"])
def test_a_death_wish_is_never_comfort_nor_a_matter_of_word_choice(check, draft):
    """Under a post that reads as a crisis, "kill yourself then, nobody would miss you" was
    called comforting, and "go die already lol" was told to "say it without those words"
    (a care re-review, 2026-12-06)."""
    from kindscope.care.draft import OWN_WORDS, WISH_REASON

    out = _json(check(draft, "--context", CRISIS_CONTEXT, "--json"))
    assert out["harsh"] is True and out["comforting"] is False
    # first what the words are; before it, where the draft also reads as its writer's own
    # pain, that they may be what the writer's own mind says (a care review, stop 43)
    own = out["own_distress"] or out["crisis"]
    # the first draft reads as its writer's crisis (0.63 at model 2026.12.21), so the branch
    # with OWN_WORDS is exercised; if a model stops reading it so, pick another draft
    assert own or not draft.startswith("kill yourself")
    assert out["reasons"][: 2 if own else 1] == ([OWN_WORDS] if own else []) + [WISH_REASON]
    assert not own or out["signposting"]
    assert not any("comforting" in r for r in out["reasons"])
    assert not any("without" in s for s in out["suggestions"])
    if draft.startswith("kill yourself"):  # aimed even with no post it answers (an order
        alone = _json(check(draft, "--json"))  # alone, "go die", speaks to someone only
        assert alone["harsh"] is True        # in a reply: wishes.aimed_wish)
        assert WISH_REASON in alone["reasons"]


def test_a_reply_to_a_post_that_reads_as_a_crisis_gets_how_to_answer_and_help_lines(check):
    """"Sending love, you're not alone" under a post that reads as a crisis got only "a short,
    kind acknowledgement can be enough": no help lines to point the writer to. It now gets
    what the care queue gives for such a post, for the one answering."""
    from kindscope.care.queue import reader_help

    out = _json(check("Sending love, you're not alone", "--context", CRISIS_CONTEXT,
                      "--country", "GB", "--json"))
    assert out["help_for_them"] == reader_help("GB")
    assert any("as if its writer may be in crisis" in r for r in out["reasons"])
    text = " ".join(check("Sending love, you're not alone", "--context", CRISIS_CONTEXT,
                          "--country", "GB").stdout.split())
    assert "If you answer: - You can simply let them know you saw their post" in text
    assert "Help lines: Samaritans – call 116 123 (free)" in text
    assert "(999 in the United Kingdom)" in text
    calm = _json(check("congrats!", "--context", "my pottery lesson was a success!",
                       "--json"))
    assert "help_for_them" not in calm


def test_a_check_lists_help_lines_once(check):
    """A draft that reads as painful, replying to a post that reads as a crisis, listed the
    same lines twice, for the one answering and for the writer (a care re-review)."""
    text = check("me too. i have decided to end my life tonight", "--context", CRISIS_CONTEXT,
                 "--country", "GB").stdout
    assert text.count("Samaritans") == 1 and "If you answer:" in text
    assert "the help lines below" in " ".join(text.split())


def test_comforting_is_said_only_under_a_painful_post(check):
    assert _json(check("sending you a hug", "--json"))["comforting"] is None
    out = _json(check("nice one", "--context", "my pottery lesson was a success!", "--json"))
    assert out["context_vulnerable"] is False and out["comforting"] is None


def test_a_brush_off_is_not_first_told_nothing_reads_as_harsh_or_painful(check):
    out = _json(check("lol ok", "--context", "I can't go on", "--json"))
    assert out["comforting"] is False and not (out["harsh"] or out["own_distress"])
    assert not any(r.startswith("Nothing in this draft") for r in out["reasons"])
    assert any("does not read as comforting" in r for r in out["reasons"])


def test_a_reply_to_a_plain_post_gets_no_note(check):
    out = _json(check("congratulations!", "--context", "my pottery lesson was a success!",
                      "--json"))
    assert out["context_vulnerable"] is False


def test_a_draft_of_your_own_pain_gets_help_lines_and_the_option_to_wait(check):
    out = _json(check("I feel rubbish and everything hurts today", "--json"))
    assert out["own_distress"] is True and out["harsh"] is False
    help_ = out["signposting"]
    assert help_["country"] is None  # no country set: directories and common lines
    assert [d["url"] for d in help_["directories"]] == [d.url for d in DIRECTORIES]
    assert {line["country"] for line in help_["lines"]} >= {"United Kingdom", "United States"}
    assert any("later" in s and "fewer people" in s for s in out["suggestions"])
    text = check("I feel rubbish and everything hurts today").stdout
    assert "findahelpline.com" in text and "fewer people" in text and "can be wrong" in text
    _no_scores(text)


def test_country_picks_that_countrys_lines(check):
    out = _json(check("I can't go on", "--json", "--country", "GB"))
    assert out["crisis"] is True
    names = [line["name"] for line in out["signposting"]["lines"]]
    assert names[0] == "Samaritans" and "999" in out["signposting"]["emergency"]
    assert "988" not in json.dumps(out["signposting"]["lines"])


def test_stdin_form_reads_the_whole_draft(check):
    from_arg = _json(check(INSULT, "--json"))
    from_stdin = _json(check("-", "--json", input=INSULT + "\n"))
    assert from_stdin["harsh"] is True
    assert from_stdin["harsh_words"] == from_arg["harsh_words"]
    multi = _json(check("-", "--json", input="first line\nsecond line, " + INSULT + "\n"))
    assert multi["harsh"] is True  # one draft, not one text per line


@pytest.mark.parametrize("args, stdin", [([""], None), (["   "], None), (["-"], "\n \n"),
                                         (["fine", "--context", ""], None)])
def test_empty_text_is_exit_2_with_one_line(check, args, stdin):
    result = check(*args, input=stdin)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("kindscope: error:") and "empty" in result.stderr


def test_only_one_of_text_and_context_reads_stdin(check):
    assert check("-", "--context", "-", input="x").exit_code == 2


def test_no_database_is_opened_and_nothing_is_written(check, tmp_path, monkeypatch):
    import duckdb

    def refuse(*args, **kwargs):
        raise AssertionError("kindscope check opened a database")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KINDSCOPE_DB", str(tmp_path / "kindscope.duckdb"))
    monkeypatch.setattr(duckdb, "connect", refuse)
    for args in ([INSULT], ["I can't go on", "--json"],
                 ["hang in there", "--context", PAINFUL_CONTEXT]):
        assert check(*args).exit_code == 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("text", ISSUE_PAIN)
def test_the_issues_painful_posts_as_drafts_get_help_not_a_harsh_verdict(check, text):
    out = _json(check(text, "--json"))
    assert out["own_distress"] is True
    assert out["harsh"] is False  # "rubbish" is offensive language, not harm
    assert "signposting" in out


def test_the_issues_crisis_example_reads_as_crisis(check):
    assert _json(check("I can't go on", "--json"))["crisis"] is True


@pytest.mark.parametrize("text", ISSUE_QUOTES)
def test_the_issues_quotes_are_not_harsh(check, text):
    out = _json(check(text, "--json"))
    assert out["harsh"] is False and out["harsh_words"] == []


def test_a_language_the_signals_do_not_read_gets_no_verdict(check):
    out = _json(check("Danke dir, ich hoffe es geht dir bald besser!", "--json"))
    assert out["lang"] == "de" and out["read"] is False
    assert (out["harsh"], out["own_distress"], out["crisis"]) == (None, None, None)
    assert "do not read" in out["reasons"][0]
    text = check("Danke dir, ich hoffe es geht dir bald besser!").stdout
    assert "no verdict" in text


def test_a_draft_kindscope_cannot_read_names_its_language_and_still_shows_help(check):
    """A crisis said in French is no verdict, but not silence either: the language in
    words, that kindscope could not read it, and the help the English path gives, in its
    wording (the directory always; the country's lines with --country)."""
    from kindscope.care.signposting import help_block as draft_help

    draft = "Je ne veux plus vivre, je veux mourir ce soir"
    out = _json(check(draft, "--json"))
    assert out["lang"] == "fr" and out["read"] is False and out["crisis"] is None
    assert "could not read this draft" in out["reasons"][0]
    assert "French" in out["reasons"][0] and "'fr'" not in out["reasons"][0]
    assert out["signposting"] == draft_help()
    text = check(draft).stdout
    assert "French" in text and "no verdict" in text
    assert draft_help()["intro"].split(".")[0] in " ".join(text.split())
    assert DIRECTORIES[0].url in text
    local = check(draft, "--country", "FR").stdout
    assert "3114" in local and "call 112 (France)" in local and DIRECTORIES[0].url in local
    _no_scores(local)


@pytest.mark.parametrize(("draft", "name"), [("Je suis fatiguée", "French"),
                                             ("Dank je wel, lieverd", "Dutch"),
                                             ("Te quiero mucho", "Spanish")])
def test_a_short_draft_that_may_be_another_language_says_so_first(check, draft, name):
    """Too short to be sure, so read as English (the rule every reading follows), but the
    writer is told first that it may be another language and the reading may be wrong: a
    Dutch thank-you was told it "may read as harsh, mostly because of 'je', 'Dank'"."""
    out = _json(check(draft, "--json"))
    assert out["read"] is True and out["lang"] == "en"
    assert out["maybe_lang"] is not None
    assert out["reasons"][0].startswith(f"This draft is short and may be in {name}")
    assert "may be wrong" in out["reasons"][0]
    # the help a draft it cannot read gets: "will nicht mehr" got an all-clear and none (a
    # bilingual user's review, 2026-12-06)
    assert out["signposting"] is not None and out["signposting"]["intro"]


def test_a_short_german_crisis_draft_gets_help_lines(check):
    out = _json(check("will nicht mehr", "--country", "DE", "--json"))
    assert out["maybe_lang"] == "de"
    # no all-clear of a reading that may be of the wrong language (a care review)
    assert "Nothing in this draft reads as harsh or painful" not in " ".join(out["reasons"])
    assert "kindscope cannot tell whether this draft is harsh or painful." in out["reasons"]
    text = check("will nicht mehr", "--country", "DE").stdout
    assert "TelefonSeelsorge" in text and "112" in text


@pytest.mark.parametrize("draft", ["hang in there", "you idiot", "so sad today", INSULT,
                                   "Way to go mama for being so supportive!"])
def test_short_english_drafts_get_no_language_hint(check, draft):
    assert _json(check(draft, "--json"))["maybe_lang"] is None


def test_a_context_kindscope_cannot_read_is_named_in_words(check):
    out = _json(check("I'm so sorry, I'm here for you", "--context",
                      "Danke dir, ich hoffe es geht dir bald besser!", "--json"))
    assert any("in German, a language" in reason for reason in out["reasons"])


def test_the_library_returns_a_frozen_result():
    result = check_draft(INSULT)
    assert isinstance(result, DraftCheck)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.harsh = False  # type: ignore[misc]


def test_stdin_that_is_not_utf8_is_exit_2(check):
    result = check("-", input=b"\xff\xfe not text")
    assert result.exit_code == 2 and "not UTF-8" in result.stderr


def test_a_draft_read_as_hateful_but_not_toxic_says_denials_are_misread(check):
    # An advocate's denial of a stereotype reads as hateful (docs/models/hate.md): the pause
    # still comes, with the model's known misreading said; an insult gets no such line.
    denial = "no, disabled people are not a burden. the buildings without ramps are the problem"
    out = _json(check(denial, "--json"))
    assert out["harsh"] is True
    assert out["scores"]["draft"]["toxicity"] < 0.5 <= out["scores"]["draft"]["hate"]
    assert any("argue against a stereotype" in r for r in out["reasons"])
    insult = _json(check(INSULT, "--json"))
    assert not any("argue against a stereotype" in r for r in insult["reasons"])
    _no_scores(check(denial).stdout)


def test_the_readmes_check_example_is_what_check_prints(check):
    """The README shows a `kindscope check` console block: it is that command's output, run
    now, not text kept by hand."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    command = "$ kindscope check \"I've got a big bad miserable headache\" --country GB\n"
    block = readme.split(command, 1)[1].split("```", 1)[0]
    result = check("I've got a big bad miserable headache", "--country", "GB")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == block.strip()
