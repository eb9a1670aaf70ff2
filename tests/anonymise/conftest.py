"""Shared engines for the de-identification tests, one of each per test session.

``light_engine`` has every recogniser except deduce and starts in a few seconds: the unit
tests (recognisers, gate, shape check, benchmark scoring) use it. ``engine`` is the full
analyzer with deduce, used by one module (``test_anon_deidentify``) and by the trend export
tests; its first start in a fresh cache builds deduce's lookup tables (one to three minutes),
kept in ``$EMM_CACHE_DIR`` (default ``$EMM_DATA_DIR/cache``): point ``EMM_CACHE_DIR`` at a
folder that outlives the checkout and later runs start in seconds.
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
