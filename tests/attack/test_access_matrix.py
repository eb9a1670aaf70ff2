"""The access matrix (issue 10, "Done when", first point), written as an attacker would.

A world of deliveries from all five parties (``world.py``: OM-only, IND-only, a party to isolate,
a subject to restrict, a subject to erase and re-deliver, OM-only attributes of a person POL
also knows, an OIB made from OM facts, a BI answer naming an OM-only person, confirmed
same-person pairs, facts of every legal basis) is loaded through the documented commands as an
administrator. Then, for every principal of ``policy.yaml`` (plus IND-affiliated ones) and every
entry point (guarded API, CLI commands, app pages), everything returned or written is searched
for the markers, source refs and uids that principal may not see, and checked structurally
("known to", statements, links, tables). See ``README.md`` here for the list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from emm.access.policy import AccessDenied
from emm.products.oib import make_oib
from emm.products.working_sets import WorkingSet

from entries import API, IDS_ALLOWED, Refusal, all_uids, person_uids
from harness import (
    ADMIN, ANALYST, ANALYST_IND, ERASED, PRINCIPALS, PRIVACY, PRIVACY_IND, RESTRICTED, SENIOR,
    SENIOR_IND, Built, Finding, Who, check, dump, file_text, load_world, ok, written_files,
)
from world import OM_BASES, Scope, redelivery_of_erased, redelivery_of_restricted, scan

pytestmark = pytest.mark.db

SEED = 20261201


def _ingest(b: Built, root: Path, *extra: str) -> Any:
    return b.run(ADMIN, "ingest", *extra, str(root))


def prepare_matrix(b: Built, base: Path) -> None:
    """Judgements, working sets, products, analysis runs; then restrict, erase (and re-deliver),
    isolate KMAR: the state every matrix test attacks."""
    w, u = b.world, b.uids
    sen, an, pri = b.g(SENIOR), b.g(ANALYST), b.g(PRIVACY)
    sen.work.judge(u["p_pair_a"], u["p_pair_b"], "confirmed", reason="zelfde persoon (atk)")
    sen.work.judge(u["p_mix"], u["p_om"], "confirmed", reason="zelfde persoon (atk)")
    b.joins = [("p_pair_a", "p_pair_b"), ("p_mix", "p_om")]
    an.work.save_set(WorkingSet(name="atk-analyst-set", owner=ANALYST.name, case_ref="atk",
                                uids=[u["p_shared"], u["p_kmar"], u["p_pair_a"], u["p_restr"]]))
    sen.work.save_set(WorkingSet(name="atk-senior-set", owner=SENIOR.name, case_ref="atk",
                                 uids=[u["p_om"], u["p_shared"]]))
    b.sets = {"atk-analyst-set": ANALYST.name, "atk-senior-set": SENIOR.name}
    om_title = f"OIB Omtitel{w.tag} {w.ids['om_name']}"
    doc, _ = make_oib(sen, [u["p_om"]], out_dir=base / "products", created_by=SENIOR.name,
                      title=om_title, hops=2)
    b.products["om_oib"] = doc.product_id if hasattr(doc, "product_id") else _product_id(sen, om_title)
    doc, _ = make_oib(an, [u["p_shared"]], out_dir=base / "products", created_by=ANALYST.name,
                      title="OIB analist", hops=2)
    b.products["an_oib"] = _product_id(an, "OIB analist")
    req = sen.work.register_request(requester="POL", question="Wat is bekend over de zaak in Utrecht?")
    sen.work.answer_request(req.request_id, text=f"{w.ids['om_name']} is verdachte in {w.ids['case_id']}.",
                            entity_uids=[u["p_om"]])
    b.requests["om_bi"] = req.request_id
    req2 = an.work.register_request(requester="KMAR", question="Wie woont op het adres in de zaak?")
    an.work.answer_request(req2.request_id, text="Bekend bij de politie.", entity_uids=[u["p_shared"]])
    b.requests["an_bi"] = req2.request_id
    for p in sen.products.latest(limit=500):
        b.products.setdefault(f"{p.type.lower()}-{p.product_id}", p.product_id)
    # analysis runs before the restriction, erasure and isolation: they must not survive them
    ok(b.run(SENIOR, "analyse"))
    ok(b.run(SENIOR, "analyse", "--for-role", "analyst"))

    # restrict, then a new record of the restricted subject without BSN
    pri.privacy.restrict(pri.privacy.find_subject(bsn=w.ids["restr_bsn"]))
    d = redelivery_of_restricted(w, f"POL-2025-07-02-{w.tag}")
    b.notes["restricted_redelivery"] = ok(_ingest(b, d.write(base / "redelivery-restr")))
    b.hidden = RESTRICTED

    # erase, then re-deliver: with BSN, without BSN (name + date of birth), and --force
    outcome = pri.privacy.erase(pri.privacy.find_subject(bsn=w.ids["er_bsn"]))
    b.notes["erase_request"] = outcome.request_id
    b.hidden = RESTRICTED | ERASED
    plain = redelivery_of_erased(w, f"ISZW-2025-07-01-{w.tag}", with_bsn=True)
    noid = redelivery_of_erased(w, f"ISZW-2025-07-03-{w.tag}", with_bsn=False)
    b.notes["erased_redelivery"] = [
        _ingest(b, plain.write(base / "redelivery-er1")).output,
        _ingest(b, noid.write(base / "redelivery-er2")).output,
        _ingest(b, b.root / w.delivery("ISZW").delivery_id, "--force").output,
    ]
    b.notes["erased_deliveries"] = [plain.delivery_id, noid.delivery_id, w.delivery("ISZW").delivery_id]

    ok(b.run(PRIVACY, "party", "exit", "KMAR", "--mode", "isolate", "--reason", "atk", "--yes"))
    b.isolated = frozenset({"KMAR"})


def _product_id(g: Any, title: str) -> str:
    return next(p.product_id for p in g.products.latest(limit=500) if p.title == title)


@pytest.fixture(scope="class")
def matrix(db_settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    base = tmp_path_factory.mktemp("attack-matrix")
    b = load_world(db_settings, base, SEED)
    prepare_matrix(b, base)
    yield b


def _forbidden_extra(b: Built, who: Who) -> set[str]:
    """The OM OIB's title is a title the principal may not read unless they read OM data."""
    return set() if who.bases & OM_BASES else {f"omtitel{b.world.tag}"}


def _leaves(out: Any) -> list[Any]:
    if isinstance(out, dict):
        return [x for v in out.values() for x in _leaves(v)]
    if isinstance(out, tuple):
        return [x for v in out for x in _leaves(v)]
    return [out]


def _assert_clean(findings: list[Finding | None]) -> None:
    real = [f for f in findings if f is not None]
    assert not real, "\n".join(map(str, real))


@pytest.mark.usefixtures("matrix")
class TestMatrix:
    """Every principal x every entry point, with KMAR isolated, one subject restricted and one
    erased (and re-delivered)."""

    @pytest.mark.parametrize("who", PRINCIPALS, ids=str)
    @pytest.mark.parametrize("entry", list(API))
    def test_api_entry_point_leaks_nothing(
        self, matrix: Built, entry: str, who: Who, tmp_path: Path
    ) -> None:
        actions, call, subject_rights = API[entry]
        out = call(matrix, who, tmp_path)
        if actions and not who.can(*actions):
            not_refused = [x for x in _leaves(out) if not (isinstance(x, Refusal) and x.denied)]
            assert not not_refused, f"{entry} is not refused for {who}: {dump(not_refused)[:400]}"
        finding = check(matrix, who, entry, out, subject_rights=subject_rights,
                        extra_forbidden=_forbidden_extra(matrix, who))
        if finding and entry in IDS_ALLOWED:
            uids = {u.lower() for u in matrix.uids.values()}
            finding.markers = [m for m in finding.markers if m.split(" ")[0] not in uids]
            finding = finding if finding.markers or finding.problems else None
        _assert_clean([finding])
