"""score_file on CSV / TSV / JSONL inputs, and its errors."""

import json

import pytest

from kindscope.errors import InputError
from kindscope.signals import SIGNALS
from kindscope.signals.files import score_file
from kindscope.store.db import Store


def _read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_csv_with_row_numbers(tmp_path):
    src = tmp_path / "posts.csv"
    src.write_text('text,other\n"I feel rubbish, today",x\nhello,y\n"multi\nline",z\n',
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert score_file(src, "text", out_path=out).rows == 3
    rows = _read(out)
    assert [r["id"] for r in rows] == [1, 2, 3]
    assert list(rows[0]) == ["id", "lang", *SIGNALS]
    assert [r["lang"] for r in rows] == ["en", "en", "en"]
    assert all(0 <= r[s] <= 1 for r in rows for s in SIGNALS)


def test_tsv_with_ids_and_context(tmp_path):
    src = tmp_path / "posts.tsv"
    src.write_text("pid\tbody\tparent\na7\twhat happened?\tworst day ever\nb8\tok\t\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    score_file(src, "body", id_column="pid", context_column="parent", out_path=out)
    assert [r["id"] for r in _read(out)] == ["a7", "b8"]


def test_other_languages_get_null_signals(tmp_path):
    src = tmp_path / "replies.csv"
    src.write_text("text\n"
                   '"Das tut mir so leid, ich bin für dich da wenn du reden willst."\n'
                   '"Het spijt me zo, ik ben er voor je als je wilt praten."\n'
                   '"so sorry, I\'m here for you"\n'
                   "@jo 👍\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert score_file(src, "text", out_path=out).rows == 4
    rows = _read(out)
    assert [r["lang"] for r in rows] == ["de", "nl", "en", "en"]
    assert all(r[s] is None for r in rows[:2] for s in SIGNALS)
    assert all(isinstance(r[s], float) for r in rows[2:] for s in SIGNALS)


def test_jsonl_keeps_order_and_id_values(tmp_path):
    src = tmp_path / "posts.jsonl"
    lines = [{"id": 10 - i, "text": f"post {i}"} for i in range(5)] + [{"id": 99, "text": None}]
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert score_file(src, "text", id_column="id", out_path=out).rows == 6
    assert [r["id"] for r in _read(out)] == [10, 9, 8, 7, 6, 99]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.jsonl", '{"text": "ok"}\n{not json\n', "line 2 is not valid JSON"),
        ("list.jsonl", "[1, 2]\n", "not a JSON object"),
        ("nocol.csv", "body\nhello\n", "no column 'text'"),
        ("empty.csv", "", "empty"),
        ("posts.xlsx", "x", "unsupported file type"),
    ],
)
def test_bad_files_raise_input_error(tmp_path, name, content, message):
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError) as err:
        score_file(src, "text", out_path=out)
    assert message in err.value.message
    assert err.value.where == str(src)
    assert not out.exists()


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        score_file(tmp_path / "nope.csv", "text", out_path=tmp_path / "o.jsonl")
    src = tmp_path / "latin.csv"
    src.write_bytes(b"text\ncaf\xe9\n")
    with pytest.raises(InputError, match="UTF-8"):
        score_file(src, "text", out_path=tmp_path / "o.jsonl")


def test_not_read_rows_are_counted_by_language(tmp_path):
    src = tmp_path / "replies.csv"
    src.write_text("text\n"
                   '"Das tut mir so leid, ich bin für dich da wenn du reden willst."\n'
                   '"Je suis vraiment désolée, je suis là pour toi si tu veux parler."\n'
                   '"Het spijt me zo, ik ben er voor je als je wilt praten."\n'
                   '"Es tut mir leid, dass es dir heute so schlecht geht, meine Liebe."\n'
                   '"so sorry, I\'m here for you"\n', encoding="utf-8")
    scored = score_file(src, "text", out_path=tmp_path / "out.jsonl")
    assert scored.rows == 5
    assert scored.languages == {"de": 2, "fr": 1, "nl": 1}  # most first, then by code
    assert scored.empty == 0


def test_a_row_with_no_text_is_not_read_and_not_taken_for_english(tmp_path):
    """An empty cell, a missing cell, only spaces or a JSON null: nothing to read, so
    ``lang`` and every signal null (not "en" with the model's reading of nothing)."""
    src = tmp_path / "posts.csv"
    src.write_text('id,text\n1,\n2,"   "\n3\n4,I feel rubbish today\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    scored = score_file(src, "text", id_column="id", out_path=out)
    rows = _read(out)
    assert [r["lang"] for r in rows] == [None, None, None, "en"]
    assert all(r[s] is None for r in rows[:3] for s in SIGNALS)
    assert rows[3]["distress"] >= 0.5
    assert (scored.rows, scored.empty, scored.languages) == (4, 3, {})
    src = tmp_path / "posts.jsonl"
    src.write_text('{"text": null}\n{"text": ""}\n', encoding="utf-8")
    scored = score_file(src, "text", out_path=out)
    assert [r["lang"] for r in _read(out)] == [None, None] and scored.empty == 2


@pytest.mark.parametrize(("line", "words"), [
    ('{"text": ["I", "am", "sad"]}', "the 'text' of line 2 is a list, not a text"),
    ('{"text": {"body": "sad"}}', "the 'text' of line 2 is an object, not a text"),
    ('{"text": true}', "the 'text' of line 2 is a true/false value"),
    ('{"text": "ok", "parent": ["x"]}', "the 'parent' of line 2 is a list, not a text"),
])
def test_a_jsonl_text_that_is_not_a_string_is_refused_naming_the_line(tmp_path, line, words):
    """Not scored as its Python form (``"['I', 'am', 'sad']"``)."""
    src = tmp_path / "posts.jsonl"
    src.write_text('{"text": "fine", "parent": "hi"}\n' + line + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError) as err:
        score_file(src, "text", context_column="parent", out_path=out)
    assert words in err.value.message
    assert err.value.where == str(src)
    assert not out.exists()


def test_the_output_never_replaces_what_the_user_keeps(tmp_path, run):
    """`score posts.csv -o me.duckdb` replaced an imported database with six lines of scores,
    and `-o posts.csv` its own input (a review, 2026-12-06); scores written before may be
    replaced (a rerun), nothing else. The database stays as it was."""
    posts = tmp_path / "posts.csv"
    posts.write_text("id,text\n1,hello there\n2,what a lovely day\n", encoding="utf-8")
    db = tmp_path / "me.duckdb"
    Store(db).close()  # a kindscope database
    kept = db.read_bytes()
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    for target, says in ((db, "does not hold scores written by kindscope score"),
                         (notes, "does not hold scores written by kindscope score"),
                         (posts, "is the input file"), (tmp_path, "is a folder")):
        result = run("score", posts, "--text-column", "text", "-o", target)
        assert result.exit_code == 2, target
        assert result.stderr.count("\n") == 1 and says in result.stderr, target
    assert db.read_bytes() == kept and notes.read_text(encoding="utf-8") == "my notes\n"
    out = tmp_path / "scores.jsonl"
    for _ in range(2):  # a rerun writes over its own scores
        result = run("score", posts, "--text-column", "text", "-o", out)
        assert result.exit_code == 0 and "scored 2 rows into" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
