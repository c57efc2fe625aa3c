"""The importer fuzz (tests/fuzzing.py): mutated real fixtures import or fail cleanly.

The default suite runs a few derandomized hypothesis examples per importer (seconds); the
``slow`` run takes 300 per importer. The 10,000-case run per importer is
``benchmarks/fuzz_importers.py`` (resumable, sharded; results in BENCHMARKS.md).
"""

from __future__ import annotations

import logging

import fuzzing
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kindscope.store.db import Store

pytestmark = pytest.mark.skipif(not fuzzing.FIXTURES.exists(),
                                reason="../shared fixtures are not here")

IMPORTERS = ["x-archive", "mastodon-archive", "mastodon-csv", "bluesky-car", "jetstream",
             "generic"]
_STORES: dict[str, Store] = {}
_SETTINGS = dict(deadline=None, database=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow,
                                        HealthCheck.function_scoped_fixture])


def _check(importer: str, data, workdir) -> None:
    logging.getLogger("kindscope").setLevel(logging.ERROR)
    store = _STORES.setdefault(importer, Store(":memory:"))
    ch = fuzzing.DrawChooser(data)
    base = ch.choice(fuzzing.bases()[importer])
    outcome = fuzzing.run_case(base, ch, workdir / "case", store)
    assert outcome.result != "crash", outcome.detail
    assert not outcome.db_changed, f"database changed after: {outcome.detail}"


@pytest.mark.parametrize("importer", IMPORTERS)
@settings(max_examples=5, **_SETTINGS)
@given(data=st.data())
def test_mutated_fixtures_import_or_fail_with_one_line(importer, data, tmp_path):
    _check(importer, data, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("importer", IMPORTERS)
@settings(max_examples=300, **_SETTINGS)
@given(data=st.data())
def test_mutated_fixtures_many(importer, data, tmp_path):
    _check(importer, data, tmp_path)


def test_the_harness_sees_a_crash(monkeypatch, tmp_path):
    """A crash in an importer is reported as a crash, not passed as an input error."""
    import kindscope.ingest.jetstream as jetstream

    def broken(*_args):
        raise KeyError("bug")
        yield

    monkeypatch.setattr(jetstream, "read", broken)
    base = fuzzing.bases()["jetstream"][0]
    with Store(":memory:") as store:
        outcome = fuzzing.run_case(base, fuzzing.RandomChooser(1), tmp_path / "case", store)
    assert outcome.result == "crash" and "KeyError" in outcome.detail
