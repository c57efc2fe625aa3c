"""The encoder runs batches on several sessions at once without changing any feature."""

import numpy as np

from kindscope.signals.encoder import Encoder
from kindscope.signals.model import ARTIFACTS


def test_features_do_not_depend_on_how_many_sessions_run():
    texts = [f"post {i}: " + "so tired of all this " * (i % 23) for i in range(300)]
    one = Encoder(ARTIFACTS, threads=1)
    three = Encoder(ARTIFACTS, threads=3)
    assert len(one.sessions) == 1 and len(three.sessions) == 3
    a = one.encode(texts, batch_size=16)
    b = three.encode(texts, batch_size=16)
    assert a.features.shape == (300, one.dim)
    assert np.array_equal(a.features, b.features)
    assert all(np.array_equal(x, y) for x, y in zip(a.token_ids, b.token_ids, strict=True))
    # In input order: a text encoded alone gives its own row of the batched run (up to
    # float rounding, which moves with the padded width of the batch).
    for i in range(0, 300, 13):
        assert np.allclose(one.encode([texts[i]]).features[0], b.features[i], atol=1e-5), i


def test_usable_cpus_follows_affinity_and_the_container_quota(monkeypatch, tmp_path):
    from kindscope.signals import encoder

    monkeypatch.setattr(encoder.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(encoder, "_cgroup_quota", lambda: None)
    assert encoder.usable_cpus() == 4
    monkeypatch.setattr(encoder.os, "sched_getaffinity", lambda pid: {3}, raising=False)
    assert encoder.usable_cpus() == 1
    monkeypatch.setattr(encoder.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    monkeypatch.setattr(encoder, "_cgroup_quota", lambda: 2)
    assert encoder.usable_cpus() == 2


def test_cgroup_quota_is_read_in_both_formats(tmp_path):
    from kindscope.signals.encoder import _cgroup_quota

    assert _cgroup_quota(tmp_path) is None
    (tmp_path / "cpu.max").write_text("max 100000\n")
    assert _cgroup_quota(tmp_path) is None
    (tmp_path / "cpu.max").write_text("150000 100000\n")
    assert _cgroup_quota(tmp_path) == 2
    (tmp_path / "cpu.max").unlink()
    (tmp_path / "cpu").mkdir()
    (tmp_path / "cpu/cpu.cfs_quota_us").write_text("-1\n")
    (tmp_path / "cpu/cpu.cfs_period_us").write_text("100000\n")
    assert _cgroup_quota(tmp_path) is None
    (tmp_path / "cpu/cpu.cfs_quota_us").write_text("300000\n")
    assert _cgroup_quota(tmp_path) == 3


def test_an_error_in_one_batch_stops_the_batches_not_yet_started(monkeypatch):
    import pytest

    enc = Encoder(ARTIFACTS, threads=2)
    calls = []

    def failing(session, batch):
        calls.append(len(batch))
        raise RuntimeError("boom")

    monkeypatch.setattr(enc, "_run", failing)
    with pytest.raises(RuntimeError, match="boom"):
        enc.encode([f"text {i}" for i in range(400)], batch_size=4)
    # 100 batches; only those already running when the first failed ran, however the
    # threads were scheduled (a busy CI machine ran 75 before the batches checked a flag)
    assert len(calls) <= len(enc.sessions)
