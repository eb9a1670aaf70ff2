"""The store contract on a Neo4j 5 server, when ``EMM_TEST_NEO4J_URI`` names one."""

import pytest

from store_contract.contract import run_contract

pytestmark = pytest.mark.db


def test_store_contract_on_neo4j(neo4j_store):
    run_contract(neo4j_store)
