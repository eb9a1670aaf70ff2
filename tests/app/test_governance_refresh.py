"""What the app keeps between clicks is read again after a governance change."""

from __future__ import annotations

import pytest

from emm.access import generation
from emm.access.policy import Principal
from emm.access.session import guarded

pytestmark = pytest.mark.db


def test_every_governance_change_writes_a_new_marker(app_env, tmp_path):
    g = guarded(app_env.store, app_env.settings, Principal("priv", "privacy_officer", "POL", "t"))
    before = g.generation()
    person = next(u for u in app_env.run.networks[0]["members"] if u.startswith("Person-"))
    g.privacy.restrict([person])
    after_restrict = g.generation()
    g.privacy.restrict([person], lift=True)
    assert before != after_restrict != g.generation()
    assert generation.current(app_env.settings.data_dir) == g.generation()
