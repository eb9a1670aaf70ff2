"""Password hashes: argon2id at (at least) the OWASP minimum, older hashes rehashed at login."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from emm.access.users import AuthenticationFailed, UserStore

PASSWORD = "correct horse battery staple"


@pytest.fixture
def store(tmp_path: Path) -> UserStore:
    s = UserStore(tmp_path / "users.json")
    s.add("eva", role="analyst", affiliation="POL", password=PASSWORD)
    return s


def params(hash_: str) -> dict[str, int]:
    fields = hash_.split("$")[3]  # $argon2id$v=19$m=...,t=...,p=...$salt$hash
    return {k: int(v) for k, v in (f.split("=") for f in fields.split(","))}


def test_new_hashes_are_argon2id_at_the_owasp_minimum_or_above(store: UserStore) -> None:
    h = store.find("eva").password_hash  # type: ignore[union-attr]
    assert h.startswith("$argon2id$")
    p = params(h)
    assert p["m"] >= 19 * 1024 and p["t"] >= 2 and p["p"] >= 1


def test_when_a_hash_has_other_parameters_then_a_good_login_rehashes_it(store: UserStore) -> None:
    old = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4).hash(PASSWORD)
    with store._changing() as users:
        users["eva"] = replace(users["eva"], password_hash=old)
    before = store.find("eva")
    assert store.authenticate("eva", PASSWORD).name == "eva"
    after = store.find("eva")
    assert after is not None and before is not None
    assert after.password_hash != old and params(after.password_hash)["m"] == 19 * 1024
    assert after.changed_at == before.changed_at  # not a change by the user
    assert store.authenticate("eva", PASSWORD).name == "eva"


def test_when_the_password_is_wrong_then_nothing_is_rehashed(store: UserStore) -> None:
    old = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4).hash(PASSWORD)
    with store._changing() as users:
        users["eva"] = replace(users["eva"], password_hash=old)
    with pytest.raises(AuthenticationFailed):
        store.authenticate("eva", "wrong password entirely")
    assert store.find("eva").password_hash == old  # type: ignore[union-attr]
