"""Fixtures for the graph tests."""

from __future__ import annotations

import pytest

from kindscope.store.db import Store


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()
