"""Attack: database files 0644 in 0755 folders, readable by every local user.

A demo-sized run through the CLI (demo data generated, ingested, analysed, an OIB made, a
user logged in, the audit trail checkpointed) must leave nothing under the data directory
that another user can read or write.
"""

from __future__ import annotations

import pytest

from emm import settings as emm_settings
from emm.files import secure_mkdir, walk_problems

pytestmark = pytest.mark.db


def test_after_a_demo_run_nothing_in_the_data_dir_is_open_to_others(cli_as, db_settings):
    shared_cache = secure_mkdir((emm_settings.load().data_dir / "cache").resolve())
    cli_as.env["EMM_CACHE_DIR"] = str(shared_cache)  # the de-identification tables: built once
    cli_as.user("admin", "administrator")
    cli_as.user("sen", "senior_analyst")
    r = cli_as("admin", "demo", "--size", "tiny", "--seed", "3")
    assert r.exit_code == 0, r.output
    r = cli_as("sen", "oib", "create", "--seed", "Person", "--hops", "1")
    assert r.exit_code in (0, 1), r.output  # an OIB when the seed matches one entity
    r = cli_as("sen", "analyse")
    assert r.exit_code == 0, r.output
    for folder in ("db", "audit", "sessions", "quarantine", "reports", "analysis", "generated"):
        if (db_settings.data_dir / folder).exists():
            assert (db_settings.data_dir / folder).stat().st_mode & 0o077 == 0, folder
    assert walk_problems(db_settings.data_dir) == []
    assert (db_settings.data_dir / "audit" / "audit.key").exists()
