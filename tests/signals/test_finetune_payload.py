"""The fine-tune carried to a lent GPU: tokenised tasks and trained layers survive the trip."""

import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))


def test_tasks_round_trip(tmp_path):
    import finetune_payload as fp

    tasks = {
        "toxicity": [([101, 2017, 2024, 102], 1.0, 1.0), ([101, 102], 0.0, 0.5)],
        "support": [([101, 30521, 7, 102], 0.0, 0.3)],
        "upbeat": [],
    }
    used = fp.write_tasks(tmp_path, tasks)
    assert used.tolist() == [7, 101, 102, 2017, 2024, 30521]
    assert fp.read_tasks(tmp_path) == tasks


def test_an_older_payloads_tasks_are_still_read(tmp_path):
    import finetune_payload as fp

    tasks = {"toxicity": [([101, 2017, 102], 1.0, 1.0)], "support": [([101, 7, 8, 102], 0.0, 3.0)]}
    rows = [row for n in tasks for row in tasks[n]]
    np.savez_compressed(  # the format before tasks.xz
        tmp_path / "tasks.npz", names=np.array(list(tasks)),
        counts=np.array([len(v) for v in tasks.values()], dtype=np.int32),
        lengths=np.array([len(ids) for ids, _, _ in rows], dtype=np.int32),
        ids=np.array([i for ids, _, _ in rows for i in ids], dtype=np.uint16),
        labels=np.array([r[1] for r in rows]), weights=np.array([r[2] for r in rows]))
    assert fp.read_tasks(tmp_path) == tasks


def test_base_weights_that_do_not_fit_the_config_are_refused(tmp_path):
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    import finetune_payload as fp

    config = transformers.BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=32)
    state = {k: v.detach().numpy() for k, v in transformers.BertModel(config).state_dict().items()
             if not k.startswith("pooler.")}
    (tmp_path / "base").mkdir()
    config.to_json_file(str(tmp_path / "base/config.json"))
    fp.write_weights(tmp_path / "base/weights.xz", state)
    assert len(fp.load_base(tmp_path / "base").encoder.layer) == 2  # the pooler may be missing
    del state["encoder.layer.1.output.dense.weight"]
    fp.write_weights(tmp_path / "base/weights.xz", state)
    with pytest.raises(SystemExit, match="do not fit"):
        fp.load_base(tmp_path / "base")


def test_base_weights_round_trip_exactly_in_fp16(tmp_path):
    import finetune_payload as fp

    rng = np.random.default_rng(0)
    state = {"a.weight": rng.normal(size=(7, 5)).astype(np.float16),
             "b.bias": np.array([0.0, -1.5, 65504.0], dtype=np.float16),
             "c": rng.normal(size=(3, 2, 4)).astype(np.float16)}
    back = fp.read_weights(fp.write_weights(tmp_path / "w.xz", state))
    assert list(back) == list(state)
    for k, v in state.items():
        assert back[k].dtype == np.float32 and back[k].shape == v.shape
        assert np.array_equal(back[k], v.astype(np.float32)), k


def test_trained_layers_round_trip(tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    import finetune_payload as fp

    torch.manual_seed(0)
    config = transformers.BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=3,
                                     num_attention_heads=2, intermediate_size=32)
    trained = transformers.BertModel(config)
    fp.save_layers(trained, 2, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["layer2.npz", "layer3.npz"]
    other = transformers.BertModel(config)
    for f in tmp_path.iterdir():
        n = int(f.stem.removeprefix("layer"))
        with np.load(f) as data:
            other.encoder.layer[n - 1].load_state_dict(
                {k: torch.from_numpy(data[k]) for k in data.files})
    for n in (1, 2):
        a = trained.encoder.layer[n].state_dict()
        b = other.encoder.layer[n].state_dict()
        assert all(torch.equal(a[k], b[k]) for k in a)
    # layer 1 was not trained, so not carried back
    a, b = trained.encoder.layer[0].state_dict(), other.encoder.layer[0].state_dict()
    assert not all(torch.equal(a[k], b[k]) for k in a)


def test_all_sources_keep_every_validation_text_out():
    if not (ROOT.parent / "shared/data").is_dir():
        pytest.skip("needs ../shared/data")
    import finetune_encoder as fe
    from data import norm
    from splits import SPLITS

    tasks = fe.training_tasks(None, all_sources=True)
    splits = {name: make() for name, make in SPLITS.items()}
    for name, (train, _) in splits.items():
        # uncapped: every training example whose text is not held out
        assert len(tasks[name]) <= len(train)
        assert len(tasks[name]) > 0.9 * len(train), name
    held = {norm(e.text) for _, val in splits.values() for e in val}
    held |= {norm(e.context) for _, val in splits.values() for e in val if e.context}
    seen = {norm(e.text) for examples in tasks.values() for e in examples}
    assert not seen & held
    sources = {e.source for e in tasks["distress"]} | {e.source for e in tasks["support"]}
    assert {"comfort-esconv", "epitome-post"} <= sources


def _tiny_payload(tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    import finetune_payload as fp

    rng = np.random.default_rng(0)
    tasks = {name: [([1, *rng.integers(5, 60, size=rng.integers(2, 9)).tolist(), 2],
                     float(i % 2), 1.0) for i in range(70)]
             for name in ("toxicity", "distress")}
    fp.write_tasks(tmp_path, tasks)
    torch.manual_seed(0)
    # 768 features: two layers' masked means of width 384, as the real encoder
    config = transformers.BertConfig(vocab_size=64, hidden_size=384, num_hidden_layers=4,
                                     num_attention_heads=2, intermediate_size=32)
    bert = transformers.BertModel(config)
    (tmp_path / "base").mkdir()
    config.to_json_file(str(tmp_path / "base/config.json"))
    np.savez(tmp_path / "base/weights.npz",
             **{k: v.detach().numpy() for k, v in bert.state_dict().items()})
    return tmp_path


def test_an_interrupted_fine_tune_resumes_to_the_same_weights(tmp_path, monkeypatch):
    import finetune_encoder as fe

    payload = _tiny_payload(tmp_path / "payload")
    monkeypatch.setattr(fe, "CHECKPOINT_EVERY", 3)
    whole = fe.finetune(tmp_path / "whole", payload=payload, epochs=2, train_from_layer=3)

    real, calls = fe._tensors, []

    def interrupted(batch, device):
        calls.append(1)
        if len(calls) == 8:
            raise KeyboardInterrupt
        return real(batch, device)

    monkeypatch.setattr(fe, "_tensors", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fe.finetune(tmp_path / "resumed", payload=payload, epochs=2, train_from_layer=3)
    import torch

    assert torch.load(tmp_path / "resumed/checkpoint.pt", weights_only=False)["steps_done"] == 6
    monkeypatch.setattr(fe, "_tensors", real)
    resumed = fe.finetune(tmp_path / "resumed", payload=payload, epochs=2, train_from_layer=3)
    for name in ("layer3.npz", "layer4.npz", "task_heads.npz"):
        a, b = np.load(whole / name), np.load(resumed / name)
        assert a.files == b.files
        assert all(np.array_equal(a[k], b[k]) for k in a.files), name
    # the fine-tune's own output per task, in task order (read by
    # training/variants/2026-12-05r/reply_gate.py)
    with np.load(whole / "task_heads.npz") as heads:
        assert heads["names"].tolist() == ["toxicity", "distress"]
        assert heads["weight"].shape == (2, 768) and heads["bias"].shape == (2,)
    # another run's checkpoint is refused, not silently continued: more steps, or as many
    # steps with another seed
    with pytest.raises(SystemExit):
        fe.finetune(tmp_path / "resumed", payload=payload, epochs=3, train_from_layer=3)
    with pytest.raises(SystemExit):
        fe.finetune(tmp_path / "resumed", seed=14, payload=payload, epochs=2,
                    train_from_layer=3)
    # written cases cannot silently miss a payload's tasks
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"text": "hang in there", "label": 1}\n', encoding="utf-8")
    with pytest.raises(SystemExit):
        fe.main([str(tmp_path / "other"), "--payload", str(payload), "--cases",
                 f"distress={cases}"])


def test_keep_case_share_gives_the_cases_their_capped_share():
    import finetune_encoder as fe
    from data import Example

    def task(cases: int, rest: int) -> list:
        return ([Example(f"c{i}", 1, "", "cases", 3.0) for i in range(cases)]
                + [Example(f"r{i}", i % 2, "", "olid", 1.0) for i in range(rest)])

    def share(examples) -> float:
        return (sum(e.weight for e in examples if e.source == "cases")
                / sum(e.weight for e in examples))

    reference = {"offensive": task(10, 70), "hate": task(0, 5)}
    grown = {"offensive": task(10, 700), "hate": task(4, 50), "upbeat": task(2, 9)}
    kept = fe.keep_case_share(grown, reference)
    assert share(grown["offensive"]) < 0.05 < share(kept["offensive"])
    assert abs(share(kept["offensive"]) - share(reference["offensive"])) < 1e-12
    assert kept["hate"] == grown["hate"]  # no cases to match in the reference
    assert kept["upbeat"] == grown["upbeat"]  # no reference task
    assert [e.weight for e in kept["offensive"] if e.source != "cases"] == [1.0] * 700
