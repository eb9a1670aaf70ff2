"""The store contract on the local ArcadeDB (always run)."""

import pytest

from store_contract.contract import run_contract

pytestmark = pytest.mark.db


def test_store_contract_on_arcadedb(arcadedb_store):
    run_contract(arcadedb_store)
