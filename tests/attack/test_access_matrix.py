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

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import app_pages
import pytest
from entries import API, CLI, IDS_ALLOWED, Refusal, all_uids
from harness import (
    ADMIN,
    ANALYST,
    ANALYST_IND,
    ERASED,
    PRINCIPALS,
    PRIVACY,
    RESTRICTED,
    SENIOR,
    Built,
    Finding,
    Who,
    check,
    dump,
    file_text,
    load_world,
    ok,
)
from world import OM_BASES, redelivery_of_erased, redelivery_of_restricted, scan

from emm.products.oib import make_oib
from emm.products.working_sets import WorkingSet

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
    an.work.save_set(
        WorkingSet(
            name="atk-analyst-set",
            owner=ANALYST.name,
            case_ref="atk",
            uids=[u["p_shared"], u["p_kmar"], u["p_pair_a"], u["p_restr"]],
        )
    )
    sen.work.save_set(
        WorkingSet(
            name="atk-senior-set",
            owner=SENIOR.name,
            case_ref="atk",
            uids=[u["p_om"], u["p_shared"]],
        )
    )
    b.sets = {"atk-analyst-set": ANALYST.name, "atk-senior-set": SENIOR.name}
    om_title = f"OIB Omtitel{w.tag} {w.ids['om_name']}"
    doc, _ = make_oib(
        sen, [u["p_om"]], out_dir=base / "products", created_by=SENIOR.name, title=om_title, hops=2
    )
    b.products["om_oib"] = (
        doc.product_id if hasattr(doc, "product_id") else _product_id(sen, om_title)
    )
    doc, _ = make_oib(
        an,
        [u["p_shared"]],
        out_dir=base / "products",
        created_by=ANALYST.name,
        title="OIB analist",
        hops=2,
    )
    b.products["an_oib"] = _product_id(an, "OIB analist")
    req = sen.work.register_request(
        requester="POL", question="Wat is bekend over de zaak in Utrecht?"
    )
    sen.work.answer_request(
        req.request_id,
        text=f"{w.ids['om_name']} is verdachte in {w.ids['case_id']}.",
        entity_uids=[u["p_om"]],
    )
    b.requests["om_bi"] = req.request_id
    req2 = an.work.register_request(requester="KMAR", question="Wie woont op het adres in de zaak?")
    an.work.answer_request(
        req2.request_id, text="Bekend bij de politie.", entity_uids=[u["p_shared"]]
    )
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
    b.notes["erased_found_before_redelivery"] = [
        (q, [h.label for h in sen.find(q)])
        for q in (w.ids["ph_er"], w.ids["iban_er"], w.ids["er_bsn"])
    ]
    plain = redelivery_of_erased(w, f"ISZW-2025-07-01-{w.tag}", with_bsn=True)
    noid = redelivery_of_erased(w, f"ISZW-2025-07-03-{w.tag}", with_bsn=False)
    b.notes["erased_redelivery"] = [
        _ingest(b, plain.write(base / "redelivery-er1")).output,
        _ingest(b, noid.write(base / "redelivery-er2")).output,
        _ingest(b, b.root / w.delivery("ISZW").delivery_id, "--force").output,
    ]
    b.notes["erased_deliveries"] = [
        plain.delivery_id,
        noid.delivery_id,
        w.delivery("ISZW").delivery_id,
    ]

    ok(b.run(PRIVACY, "party", "exit", "KMAR", "--mode", "isolate", "--reason", "atk", "--yes"))
    b.isolated = frozenset({"KMAR"})


# -- known leaks: each is a fix in emm/ (code this tester may not touch) ---------------------------

L_BI = "BI answers: work.requests/similar_requests show the answer text to readers of other scopes"
L_SETS = "working sets: get_set/sets return uids of isolated, removed or restricted entities"
L_JUDGE = "work.judge accepts a restricted person (then shown as a decided pair)"
L_ERASE = (
    "erasure does not last for the subject's phone and bank account: re-delivery reloads them;"
    " the quarantined re-delivered rows keep the erased name, BSN and date of birth"
)
L_IND_PO = "an IND-affiliated privacy officer's subject access shows OM (Wjsg) values"
KNOWN_LEAKS: dict[tuple[str, str], str] = {
    # All six leaks found by this test were fixed in emm/ (BI answers, working sets,
    # judgements, erasure of the subject's phone/account and of quarantined values, the
    # IND-affiliated privacy officer). A new leak gets its entry here, strict.
}


def cases(entries: list[str] | None, principals: list[Who]) -> list[Any]:
    """(entry, who) or (who,) parameters, a known leak marked xfail(strict=True)."""
    out = []
    for entry in entries or [None]:
        for who in principals:
            reason = KNOWN_LEAKS.get((entry or "", str(who)))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            args = (entry, who) if entries else (who,)
            out.append(
                pytest.param(*args, marks=marks, id=f"{entry}-{who}" if entries else str(who))
            )
    return out


def leak(key: str) -> Any:
    """xfail(strict) while a leak of this scenario is known, else nothing."""
    reason = KNOWN_LEAKS.get((key, "-"))
    return pytest.mark.xfail(strict=True, reason=reason) if reason else (lambda fn: fn)


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
    if isinstance(out, tuple | list):
        return [x for v in out for x in _leaves(v)]
    return [out]


def _assert_clean(findings: list[Finding | None]) -> None:
    real = [f for f in findings if f is not None]
    assert not real, "\n".join(map(str, real))


@pytest.mark.usefixtures("matrix")
class TestMatrix:
    """Every principal x every entry point, with KMAR isolated, one subject restricted and one
    erased (and re-delivered)."""

    @pytest.mark.parametrize(("entry", "who"), cases(list(API), PRINCIPALS))
    def test_api_entry_point_leaks_nothing(
        self, matrix: Built, entry: str, who: Who, tmp_path: Path
    ) -> None:
        actions, call, subject_rights = API[entry]
        out = call(matrix, who, tmp_path)
        if actions and not who.can(*actions):
            not_refused = [x for x in _leaves(out) if not (isinstance(x, Refusal) and x.denied)]
            assert not not_refused, f"{entry} is not refused for {who}: {dump(not_refused)[:400]}"
        finding = check(
            matrix,
            who,
            entry,
            out,
            subject_rights=subject_rights,
            extra_forbidden=_forbidden_extra(matrix, who),
            values_only=entry in IDS_ALLOWED or entry.startswith("privacy.find_subject"),
        )
        _assert_clean([finding])

    @pytest.mark.parametrize(("entry", "who"), cases(list(CLI), PRINCIPALS))
    def test_cli_command_leaks_nothing(
        self, matrix: Built, entry: str, who: Who, tmp_path: Path
    ) -> None:
        actions, call, subject_rights = CLI[entry]
        out = call(matrix, who, tmp_path)
        outs = out if isinstance(out, list) else [out]
        if actions and not who.can(*actions):
            ran = [o[:300] for o in outs if o.startswith("exit=0")]
            assert not ran, f"{entry} is not refused for {who}: {ran}"
        if entry == "emm ingest --check":  # the delivery folders it was given are its input
            outs = [
                re.sub("|".join(d.delivery_id for d in matrix.world.deliveries), "<input>", o)
                for o in outs
            ]
        finding = check(
            matrix,
            who,
            entry,
            outs,
            subject_rights=subject_rights,
            extra_forbidden=_forbidden_extra(matrix, who),
            values_only=entry in {"emm audit breach|verify", "emm subject access"},
        )
        _assert_clean([finding])

    @pytest.mark.parametrize(
        "who",
        [
            pytest.param(
                w,
                id=str(w),
                marks=[pytest.mark.xfail(strict=True, reason=KNOWN_LEAKS[("counts", str(w))])]
                if ("counts", str(w)) in KNOWN_LEAKS
                else [],
            )
            for w in PRINCIPALS
            if w.can("search")
        ],
    )
    def test_counts_are_those_of_what_the_principal_may_see(self, matrix: Built, who: Who) -> None:
        """count_nodes, count_edges and ``emm counts``: not one OM fact, isolated, restricted or
        erased entity counted (confirmed pairs may count once)."""
        s = matrix.scope(who)
        want_nodes = matrix.world.node_counts(s)
        joined = sum(1 for a, c in matrix.joins if {a, c} <= matrix.world.visible_entities(s))
        got = {k: v for k, v in matrix.g(who).count_nodes().items() if v}
        persons = got.pop("Person", 0)
        want_persons = want_nodes.pop("Person", 0)
        problems = []
        if not want_persons - joined <= persons <= want_persons:
            problems.append(f"Person: {persons}, visible {want_persons} ({joined} confirmed pairs)")
        if got != want_nodes:
            problems.append(f"nodes {got} != visible {want_nodes}")
        want_edges = matrix.world.edge_counts(s)
        got_edges = {
            (r["type"], r["party"], r["legal_basis"]): r["n"] for r in matrix.g(who).count_edges()
        }
        if got_edges != want_edges:
            diff = {
                k: (got_edges.get(k), want_edges.get(k))
                for k in set(got_edges) | set(want_edges)
                if got_edges.get(k) != want_edges.get(k)
            }
            problems.append(f"facts (got, visible): {diff}")
        cli = ok(matrix.run(who, "counts"))
        cli_edges = {
            tuple(m[:3]): int(m[3])
            for m in re.findall(r"^edge\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d+)", cli, re.M)
        }
        if cli_edges != want_edges:
            problems.append(f"emm counts facts {cli_edges} != visible {want_edges}")
        cli_nodes = {
            m[0]: int(m[1]) for m in re.findall(r"^node\s+(\S+)\s+(\d+)", cli, re.M) if int(m[1])
        }
        cli_persons = cli_nodes.pop("Person", 0)
        if not want_persons - joined <= cli_persons <= want_persons or cli_nodes != want_nodes:
            problems.append(
                f"emm counts nodes Person={cli_persons} {cli_nodes} != visible {want_nodes}"
            )
        assert not problems, "\n".join(problems)

    @leak("erasure")
    def test_erasure_lasts_through_plain_and_forced_redelivery(self, matrix: Built) -> None:
        """The erased subject's re-delivered rows are quarantined with the erasure request id;
        none of their values is back in the graph, and the quarantine keeps no erased value."""
        w = matrix.world
        erased = {m for m in w.markers_of(*ERASED)} | {w.ids["er_name"].lower()}
        problems = []
        for who in (SENIOR, PRIVACY):
            g = matrix.g(who)
            for q in (w.ids["er_bsn"], w.ids["er_name"], w.ids["ph_er"], w.ids["iban_er"]):
                hits = g.find(q)
                if hits:
                    problems.append(f"{who} finds {q!r}: {[h.label for h in hits]}")
        before = [x for x in matrix.notes["erased_found_before_redelivery"] if x[1]]
        if before:
            problems.append(f"found right after the erasure, before any re-delivery: {before}")
        try:
            subj = matrix.g(PRIVACY).privacy.find_subject(bsn=w.ids["er_bsn"])
        except Exception:  # "no person found": the answer wanted
            subj = []
        if subj:
            problems.append(f"find_subject(bsn) gives {subj}")
        qdir = matrix.settings.data_dir / "quarantine"
        request = matrix.notes["erase_request"]
        for did in matrix.notes["erased_deliveries"]:
            f = qdir / f"{did}.jsonl"
            if not f.is_file():
                problems.append(f"no quarantine file for re-delivery {did}")
                continue
            text = f.read_text("utf-8")
            if request not in text:
                problems.append(f"quarantine of {did} does not name erasure request {request}")
            left = scan(text, erased)
            if left:
                problems.append(f"quarantine of {did} keeps erased values {left}")
        assert not problems, "\n".join(problems)

    def test_restriction_follows_the_person_to_a_record_without_bsn(self, matrix: Built) -> None:
        w = matrix.world
        for who in (ANALYST, SENIOR, PRIVACY):
            hits = matrix.g(who).find(w.ids["restr_name"])
            assert not hits, (str(who), [(h.uid, h.props.get("parties")) for h in hits])

    @pytest.mark.parametrize(
        "who",
        [
            pytest.param(
                w,
                id=str(w),
                marks=[pytest.mark.xfail(strict=True, reason=KNOWN_LEAKS[("app", str(w))])]
                if ("app", str(w)) in KNOWN_LEAKS
                else [],
            )
            for w in PRINCIPALS
        ],
    )
    def test_app_pages_leak_nothing(
        self, matrix: Built, who: Who, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Every page the navigation offers, searched with every hidden name and identifier,
        working sets loaded into the explorer, the privacy officer's subject look-ups."""
        for key in (
            "EMM_BOLT_PORT",
            "EMM_HTTP_PORT",
            "EMM_USER",
            "EMM_KEY_FILE",
            "EMM_SESSION_FILE",
        ):
            monkeypatch.delenv(key, raising=False)
        for key, value in matrix.env.items():
            if value is not None:
                monkeypatch.setenv(key, value)
        ids = matrix.world.ids
        hidden_queries = [
            ids[k]
            for k in (
                "om_name",
                "om_bsn",
                "om_alias",
                "kmar_name",
                "kmar_bsn",
                "restr_name",
                "er_name",
                "er_bsn",
                "case_id",
                "ph_om",
                "ind_name",
                "shared_bsn",
                "ph_er",
            )
        ]
        at = app_pages.log_in(who.name)
        texts: dict[str, str] = {"login": app_pages.page_text(at)}
        visited = []
        for page in app_pages.PAGES:
            if not app_pages.goto(at, page):
                continue
            visited.append(page)
            texts[page] = app_pages.page_text(at)
            if page == "search":
                texts["search:queries"] = "\n".join(
                    app_pages.search_and_collect(
                        at, hidden_queries, field="Name, BSN", press="Search"
                    )
                )
            if page == "explorer":
                for sb in [s for s in at.selectbox if "set" in s.label.lower()]:
                    for opt in list(sb.options):
                        sb.set_value(opt)
                        lb = app_pages.button(at, "Load network") or app_pages.button(at, "Load")
                        if lb is not None:
                            lb.click()
                        at.run()
                        texts[f"explorer:set:{opt}"] = app_pages.page_text(at)
                # searched after the sets, so a set page shows only what the set brings
                texts["explorer:find"] = "\n".join(
                    app_pages.search_and_collect(
                        at, hidden_queries[:6], field="Name or identifier", press="Find"
                    )
                )
            if page == "privacy":
                for t in [t for t in at.text_input if "BSN" in t.label]:
                    for q in (ids["om_bsn"], ids["restr_bsn"], ids["er_bsn"], ids["kmar_bsn"]):
                        t.input(q)
                        for b_ in [
                            b_
                            for b_ in at.button
                            if "ind" in b_.label.lower() or "look" in b_.label.lower()
                        ][:1]:
                            b_.click()
                        at.run()
                        texts[f"privacy:{q}"] = app_pages.page_text(at).replace(q, "<input>")
        matrix.notes.setdefault("app_pages", {})[str(who)] = visited
        for name in [n for n in texts if ":" in n and not n.startswith("explorer:set")]:
            # what the user typed on that page (and the page may show again) is no leak
            for q in hidden_queries:
                texts[name] = texts[name].replace(q, "<input>")
        findings = [
            check(
                matrix,
                who,
                f"app page {name}",
                text,
                subject_rights=name.startswith("privacy"),
                extra_forbidden=_forbidden_extra(matrix, who),
            )
            for name, text in texts.items()
        ]
        _assert_clean(findings)


# -- removal (issue 10, "Done when", second point) ------------------------------------------------

QUICK = [
    "find",
    "get",
    "get_many",
    "neighbourhood",
    "ego",
    "shortest_path",
    "count_edges",
    "frames",
    "signal_rows",
    "products.latest",
    "products.get+disclosures",
    "work.sets+get_set",
    "work.judgements",
    "work.requests+similar_requests",
    "analysis.latest",
    "privacy.find_subject+describe+access",
    "make_oib",
    "build_trend+prepare",
]


def _snapshot(b: Built, who: Who) -> str:
    g = b.g(who)
    ents = g.get_many(all_uids(b))
    parts = [
        dump(
            sorted(
                (
                    (u, e.label, sorted(e.props.items(), key=str), sorted(map(str, e.statements)))
                    for u, e in ents.items()
                ),
                key=str,
            )
        ),
        dump(sorted(map(str, g.count_edges()))),
        dump(g.count_nodes()),
    ]
    return "\n".join(parts)


@pytest.fixture(scope="class")
def removal(db_settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """A fresh world with IND's data in products, a BI answer, a working set and analysis runs;
    one OIB naming IND entities handed over (kept, art. 7.6), one not (its files must go)."""
    base = tmp_path_factory.mktemp("attack-removal")
    b = load_world(db_settings, base, SEED + 1)
    u, sen = b.uids, b.g(SENIOR)
    for name, seed in (("kept", u["p_ind"]), ("withdrawn", u["doc_ind"])):
        make_oib(
            sen,
            [seed],
            out_dir=base / "products",
            created_by=SENIOR.name,
            title=f"OIB IND {name}",
            hops=2,
        )
        b.products[name] = _product_id(sen, f"OIB IND {name}")
    ok(b.run(SENIOR, "oib", "handover", b.products["kept"], "--to", "POL", "--purpose", "atk"))
    req = sen.work.register_request(requester="POL", question="Wie is de vreemdeling?")
    sen.work.answer_request(
        req.request_id, text=f"{b.world.ids['ind_name']} (IND).", entity_uids=[u["p_ind"]]
    )
    b.requests["ind_bi"] = req.request_id
    sen.work.save_set(
        WorkingSet(
            name="atk-ind-set",
            owner=SENIOR.name,
            case_ref="atk",
            uids=[u["p_ind"], u["doc_ind"], u["p_shared"]],
        )
    )
    b.sets = {"atk-ind-set": SENIOR.name}
    ok(b.run(SENIOR, "analyse"))
    ok(b.run(SENIOR, "analyse", "--for-role", "analyst"))
    yield b


@pytest.mark.usefixtures("removal")
class TestRemoval:
    @leak("isolate")
    def test_isolate_hides_every_IND_value_and_reinstate_restores_exactly(
        self, removal: Built, tmp_path: Path
    ) -> None:
        b = removal
        before = {who.name: _snapshot(b, who) for who in (ANALYST, SENIOR, PRIVACY)}
        ok(b.run(PRIVACY, "party", "exit", "IND", "--mode", "isolate", "--reason", "atk", "--yes"))
        b.isolated = frozenset({"IND"})
        findings: list[Finding | None] = []
        try:
            for who in (ANALYST, SENIOR, PRIVACY):
                for entry in QUICK:
                    actions, call, subject_rights = API[entry]
                    findings.append(
                        check(
                            b,
                            who,
                            f"isolated: {entry}",
                            call(b, who, tmp_path),
                            subject_rights=subject_rights,
                            values_only=entry in IDS_ALLOWED,
                        )
                    )
                findings.append(check(b, who, "isolated: emm counts", b.run(who, "counts").output))
        finally:
            ok(
                b.run(
                    PRIVACY,
                    "party",
                    "exit",
                    "IND",
                    "--mode",
                    "reinstate",
                    "--reason",
                    "atk",
                    "--yes",
                )
            )
            b.isolated = frozenset()
        after = {who.name: _snapshot(b, who) for who in (ANALYST, SENIOR, PRIVACY)}
        for name in before:
            if before[name] != after[name]:
                findings.append(
                    Finding(
                        "reinstate", name, [], ["what this user sees differs from before isolate"]
                    )
                )
        _assert_clean(findings)

    @leak("remove")
    def test_remove_leaves_no_IND_value_anywhere(self, removal: Built, tmp_path: Path) -> None:
        b = removal
        out = ok(
            b.run(PRIVACY, "party", "exit", "IND", "--mode", "remove", "--reason", "atk", "--yes")
        )
        b.removed = frozenset({"IND"})
        ind_values = b.world.markers_of_party("IND")
        ind_only_uids = {b.uids[e].lower() for e in ("p_ind", "doc_ind", "addr_ind", "sig_ind")}
        findings: list[Finding | None] = []
        for who in (ANALYST, ANALYST_IND, SENIOR, PRIVACY):
            for entry in QUICK:
                actions, call, subject_rights = API[entry]
                findings.append(
                    check(
                        b,
                        who,
                        f"removed: {entry}",
                        call(b, who, tmp_path),
                        subject_rights=subject_rights,
                        # the handed-over OIB is kept (art. 7.6) and names IND entities by id
                        values_only=entry.startswith("privacy"),
                    )
                )
            findings.append(check(b, who, "removed: emm counts", b.run(who, "counts").output))
        # files: everything under the data directory, except what the docs say is kept
        kept = b.g(SENIOR).products.get(b.products["kept"])
        kept_files = {Path(f).name for f in (kept.files if kept else [])}
        for f in sorted(
            p for p in b.settings.data_dir.rglob("*") if p.is_file() and "cache" not in p.parts
        ):
            if f.name in kept_files or f.name.startswith(b.products["kept"]):
                continue
            # internal ids are bookkeeping (audit trail, kept products); analysis runs must go
            left = scan(
                file_text(f), ind_values | (ind_only_uids if "analysis" in f.parts else set())
            )
            if left:
                findings.append(
                    Finding(f"file {f.relative_to(b.settings.data_dir)}", "-", left, [])
                )
        withdrawn = b.g(SENIOR).products.get(b.products["withdrawn"])
        if withdrawn is not None and not withdrawn.withdrawn_at:
            findings.append(
                Finding(
                    "products.get(withdrawn)", str(SENIOR), [], ["OIB naming IND not withdrawn"]
                )
            )
        if b.products["kept"] not in out:
            findings.append(
                Finding(
                    "emm party exit --mode remove",
                    str(PRIVACY),
                    [],
                    ["the report does not list the handed-over OIB it kept"],
                )
            )
        _assert_clean(findings)
