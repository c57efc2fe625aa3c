"""What the encoder fine-tune trains on: caps, kept sources, no validation text."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def finetune_encoder():
    if not (ROOT.parent / "shared/data").is_dir():
        pytest.skip("needs ../shared/data")
    sys.path.insert(0, str(ROOT / "training"))
    import finetune_encoder

    return finetune_encoder


def test_caps_and_held_out_texts(finetune_encoder):
    from data import norm
    from splits import SPLITS

    fe = finetune_encoder
    default = fe.training_tasks()
    tasks = fe.training_tasks(caps={"upbeat": 500})
    assert len(tasks["upbeat"]) == 500
    assert len(default["upbeat"]) == fe.CAP
    assert len(default["hate"]) == fe.CAPS["hate"]
    for name in ("distress", "hate", "support_er"):
        assert [e.text for e in tasks[name]] == [e.text for e in default[name]]
    # hand-written cases are kept whatever the cap
    assert any(e.source.startswith("cases") for e in tasks["upbeat"])
    smaller = fe.training_tasks(cap=fe.CAP // 2)
    assert len(smaller["hate"]) == fe.CAPS["hate"] // 2
    held = {norm(e.text) for _, val in (make() for make in SPLITS.values()) for e in val}
    held |= {norm(e.context) for _, val in (make() for make in SPLITS.values()) for e in val}
    seen = {norm(e.text) for examples in tasks.values() for e in examples}
    # the one known exception (finetune_encoder.TASK_SOURCES): a supporter turn that is context
    # in support's newer validation fold, seen by the shipped encoder's fine-tune
    assert seen & held == {"what happened?"}


def test_the_fine_tune_tasks_are_those_of_the_shipped_encoder(finetune_encoder):
    # A split change that reaches the fine-tune (a new source not in TASK_SKIP) would make
    # `train_signals.py` fine-tune an encoder other than the shipped one.
    fe = finetune_encoder
    assert fe.tasks_digest(fe.training_tasks()) == fe.SHIPPED_TASKS_SHA256


def test_let_in_opens_one_signal_to_every_source(finetune_encoder):
    fe = finetune_encoder
    default = fe.training_tasks(cap=None)
    opened = fe.training_tasks(cap=None, let_in=("upbeat",))
    everything = fe.training_tasks(cap=None, all_sources=True)
    assert not any(e.source.startswith("goemotions") for e in default["upbeat"])
    assert any(e.source.startswith("goemotions") for e in opened["upbeat"])
    # every source, as with all_sources (which also holds out the other signals' opened
    # validation texts, so it keeps a few texts fewer)
    assert {e.source for e in opened["upbeat"]} == {e.source for e in everything["upbeat"]}
    assert {e.text for e in everything["upbeat"]} <= {e.text for e in opened["upbeat"]}
    # the other signals' sources are as before (their held-apart texts may grow)
    for name in ("hate", "distress", "support"):
        assert {e.source for e in opened[name]} == {e.source for e in default[name]}
    with pytest.raises(SystemExit) as exit_info:
        fe.main(["/tmp/unused", "--let-in", "upbeat,nonsense"])
    assert exit_info.value.code == 2


def test_written_cases_join_the_fine_tune_task_only(finetune_encoder, tmp_path):
    import json

    from splits import SPLITS

    fe = finetune_encoder
    _, val = SPLITS["support"]()
    held_text = next(e.text for e in val)
    held_context = next(e.context for e in val if e.context and e.context != held_text)
    cases = tmp_path / "cases.jsonl"
    rows = [{"text": "others have it way worse, be grateful", "label": 0},
            {"text": "thinking of you, here whenever you want to talk", "label": 1},
            {"text": held_text, "label": 1}, {"text": held_context, "label": 0}]
    cases.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    tasks = fe.training_tasks()
    added = fe.training_tasks(cases={"support": [cases]})
    n = len(tasks["support"])
    # the capped sample is the same; the cases come after it
    assert [e.text for e in added["support"][:n]] == [e.text for e in tasks["support"]]
    new = added["support"][n:]
    # a validation text or context is left out, as everywhere in the fine-tune
    assert [(e.text, e.label, e.weight) for e in new] == [
        (rows[0]["text"], 0, 3.0), (rows[1]["text"], 1, 3.0)]
    # the other tasks are untouched
    assert all([e.text for e in added[k]] == [e.text for e in tasks[k]]
               for k in tasks if k != "support")


def test_uncap_leaves_only_those_tasks_whole(finetune_encoder):
    fe = finetune_encoder
    default = fe.training_tasks()
    whole = fe.training_tasks(cap=None)
    some = fe.training_tasks(caps=fe.uncapped(("crisis", "support")))
    for name in ("crisis", "support"):
        assert len(whole[name]) > len(default[name])
        assert sorted(e.text for e in some[name]) == sorted(e.text for e in whole[name])
    for name in ("offensive", "toxicity", "upbeat"):
        assert [e.text for e in some[name]] == [e.text for e in default[name]]
    assert fe.uncapped(()) is None
    for argv in (["/tmp/unused", "--uncap", "crisis,nonsense"],
                 ["/tmp/unused", "--uncap", "crisis", "--no-cap"]):
        with pytest.raises(SystemExit) as exit_info:
            fe.main(argv)
        assert exit_info.value.code == 2
