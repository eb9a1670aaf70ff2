"""Shared engines for the de-identification tests, one of each per test session.

``light_engine`` has every recogniser except deduce and starts in about two seconds.
``engine`` is the full analyzer with deduce; its first start in a fresh cache builds deduce's
lookup tables (one to three minutes, cached under ``$EMM_DATA_DIR/cache``), later starts take
about ten seconds. Tests that need it are marked ``slow``; they still run in CI.
"""

from __future__ import annotations

import pytest

from emm.anonymise.engine import Engine, get_engine


@pytest.fixture(scope="session")
def light_engine() -> Engine:
    return get_engine(use_deduce=False)


@pytest.fixture(scope="session")
def engine() -> Engine:
    return get_engine()
