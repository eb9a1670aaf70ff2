"""Every entry point of the attack, as ``name -> (actions, call)``.

``call(b, who, tmp)`` calls one documented entry point the way a user could, with every input
the fixture offers (every uid, every identifying value, explicit OM filters), and returns what
it gave back. A refusal is returned as the exception (its message is searched too).
``actions`` are the policy actions of the ``docs/provenance.md`` table: a role with none of them
must be refused (``AccessDenied``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from harness import SENIOR, Built, Who, file_text, written_files
from world import OM_BASES

from emm.access.policy import AccessDenied
from emm.graph.model import EdgeFilter
from emm.products.oib import make_oib
from emm.products.trends import build_trend, export, prepare
from emm.products.working_sets import WorkingSet

OM_FILTER = EdgeFilter(legal_bases=OM_BASES)
OM_KMAR_PARTIES = EdgeFilter(parties=frozenset({"OM", "KMAR"}))
PRODUCT_ACTIONS = (
    "subject_request",  # the privacy officer reads the register for art. 10.2
    "create_oib",
    "handover_oib",
    "create_bi",
    "answer_bi",
    "create_trend",
    "export_trend",
    "export_foreign",
)


@dataclass
class Refusal:
    """An entry point's exception, with the caller's own inputs blanked out of its message
    (echoing what the caller typed is no leak; anything else in it is searched)."""

    kind: str
    message: str
    denied: bool


def attempt(fn: Callable[[], Any], *inputs: Any) -> Any:
    try:
        return fn()
    except Exception as exc:
        msg = f"{exc} {exc.args!r}"
        for x in inputs:
            for v in x if isinstance(x, list | tuple) else [x]:
                msg = msg.replace(str(v), "<input>").replace(repr(str(v)), "<input>")
        return Refusal(type(exc).__name__, msg, isinstance(exc, AccessDenied))


def queries(b: Built) -> list[str]:
    """Every identifying value and marker of the fixture, as a searcher would type it."""
    out = {v for k, v in b.world.ids.items() if k != "tag"}
    for r in b.world.records:
        out.update(r.markers[:1])
    return sorted(out)


def all_uids(b: Built) -> list[str]:
    return sorted(b.uids.values())


def person_uids(b: Built) -> list[str]:
    return [u for e, u in sorted(b.uids.items()) if e.startswith("p_")]


def _find(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    return [attempt(lambda q=q: g.find(q, limit=100), q) for q in queries(b)]


def _get(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    return [attempt(lambda u=u: g.get(u), u) for u in all_uids(b)]


def _get_many(b: Built, who: Who, tmp: Path) -> Any:
    return attempt(lambda: list(b.g(who).get_many(all_uids(b)).values()), all_uids(b))


def _neighbourhood(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    every = all_uids(b)
    out = [attempt(lambda u=u: g.neighbourhood([u]), u) for u in every]
    out.append(attempt(lambda: g.neighbourhood(every), every))
    out.append(attempt(lambda: g.neighbourhood(every, OM_FILTER), every))
    out.append(attempt(lambda: g.neighbourhood(every, OM_KMAR_PARTIES), every))
    return out


def _ego(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    every = all_uids(b)
    seeds = [u for e, u in sorted(b.uids.items()) if e.startswith("p_") or e in ("inv_om", "ph_om")]
    out = [attempt(lambda u=u: g.ego([u], hops=3), u) for u in seeds]
    out.append(attempt(lambda: g.ego(every, OM_FILTER, hops=3), every))
    out.append(attempt(lambda: g.ego(every, OM_KMAR_PARTIES, hops=3), every))
    return out


def _shortest_path(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    u = b.uids
    pairs = [(u["p_shared"], x) for x in all_uids(b) if x != u["p_shared"]]
    pairs += [
        (u["p_mix"], u["p_om"]),
        (u["p_pair_a"], u["p_om"]),
        (u["p_ind"], u["ph_om"]),
        (u["p_pair_b"], u["p_kmar"]),
        (u["ph_pol"], u["inv_om"]),
    ]
    out = [attempt(lambda a=a, c=c: g.shortest_path(a, c), a, c) for a, c in pairs]
    out.append(attempt(lambda: g.shortest_path(u["p_shared"], u["p_om"], OM_FILTER), u["p_om"]))
    return out


def _count_nodes(b: Built, who: Who, tmp: Path) -> Any:
    return attempt(lambda: b.g(who).count_nodes())


def _count_edges(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    return {
        "all": attempt(lambda: g.count_edges()),
        "om": attempt(lambda: g.count_edges(OM_FILTER)),
        "om-kmar": attempt(lambda: g.count_edges(OM_KMAR_PARTIES)),
    }


def _frames(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    return {"all": attempt(lambda: g.frames()), "om": attempt(lambda: g.frames(OM_FILTER))}


def _signal_rows(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    return {
        "all": attempt(lambda: g.signal_rows()),
        "om": attempt(lambda: g.signal_rows(OM_FILTER)),
        "kmar": attempt(lambda: g.signal_rows(OM_KMAR_PARTIES)),
    }


def _export_gate(b: Built, who: Who, tmp: Path) -> Any:
    gate = attempt(lambda: b.g(who).export_gate())
    if isinstance(gate, Refusal):
        return gate
    # The gate holds every known value inside; nothing public may hand one out.
    public = {n: getattr(gate, n) for n in dir(gate) if not n.startswith("_")}
    return {"gate": repr(gate), "public": {n: repr(v) for n, v in public.items()}}


def _products_latest(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    out: dict[str, Any] = {"latest": attempt(lambda: g.products.latest(limit=500))}
    for t in ("OIB", "BI", "TIB", "QS"):
        out[t] = attempt(lambda t=t: g.products.latest(limit=500, type_=t))
    return out


def _products_get(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    return {
        pid: (
            attempt(lambda p=pid: g.products.get(p)),
            attempt(lambda p=pid: g.products.disclosures(p)),
        )
        for pid in b.products.values()
    }


def _products_new_version(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    return {
        pid: attempt(lambda p=pid: g.products.new_version("OIB", revise=p))
        for name, pid in b.products.items()
        if "oib" in name
    }


def _work_sets(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    return {
        "sets": attempt(g.work.sets),
        **{n: attempt(lambda n=n: g.work.get_set(n)) for n in b.sets},
    }


def _work_save_set(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    name = f"atk-every-uid-{who.name}"
    ws = WorkingSet(name=name, owner=who.name, case_ref="atk", uids=all_uids(b))
    saved = attempt(lambda: g.work.save_set(ws))
    # what was saved echoes the caller's input; what is read back must hold visible uids only
    return {
        "saved": saved if isinstance(saved, Refusal) else None,
        "read": attempt(lambda: g.work.get_set(name)),
    }


def _work_judgements(b: Built, who: Who, tmp: Path) -> Any:
    return attempt(lambda: b.g(who).work.judgements())


def _work_judge(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    u = b.uids
    pairs = [
        ("p_mix", "p_om"),
        ("p_pair_a", "p_kmar"),
        ("p_pair_a", "p_restr"),
        ("p_pair_b", "p_erase"),
    ]
    vis = b.visible_uids(b.scope(who))
    out = {}
    for x, y in pairs:
        if u[x] in vis and u[y] in vis:
            continue  # a pair this principal may judge: not an attack (and would undo the fixture)
        out[f"{x}-{y}"] = attempt(
            lambda x=x, y=y: g.work.judge(u[x], u[y], "rejected", reason="atk"), u[x], u[y]
        )
    out["judgements-after"] = attempt(g.work.judgements)
    return out


def _work_requests(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    return {
        "requests": attempt(lambda: g.work.requests(limit=500)),
        "similar": attempt(
            lambda: g.work.similar_requests("Wat is bekend over de zaak in Utrecht?")
        ),
    }


def _work_answer_request(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    req = attempt(
        lambda: g.work.register_request(requester="POL", question=f"Vraag van {who.name}")
    )
    if isinstance(req, Refusal):
        return req
    ans = attempt(
        lambda: g.work.answer_request(req.request_id, text="Antwoord.", entity_uids=all_uids(b)),
        all_uids(b),
    )
    pid = getattr(ans, "product_id", None)
    prod = attempt(lambda: b.g(SENIOR).products.get(pid)) if pid else None
    # what the answer records about the entities it names, read back by the senior analyst
    return {
        "answer": ans,
        "product_parties": getattr(prod, "parties", None),
        "product_bases": getattr(prod, "legal_bases", None),
        "product_entities": getattr(prod, "entity_uids", None),
    }


def _analysis_latest(b: Built, who: Who, tmp: Path) -> Any:
    return attempt(lambda: b.g(who).analysis.latest())


def _analysis_run(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    return {
        "own": attempt(lambda: g.analysis.run(save_run=False)),
        "analyst": attempt(lambda: g.analysis.run(for_role="analyst", save_run=False)),
        "om": attempt(lambda: g.analysis.run(flt=OM_FILTER, save_run=False)),
    }


def _persons(b: Built) -> list[tuple[str, dict[str, str]]]:
    ids = b.world.ids
    return [
        ("shared", {"bsn": ids["shared_bsn"]}),
        ("om", {"bsn": ids["om_bsn"]}),
        ("restr", {"bsn": ids["restr_bsn"]}),
        ("restr-name", {"name": ids["restr_name"], "birth_date": ids["restr_birth"]}),
        ("kmar", {"bsn": ids["kmar_bsn"]}),
        ("erased", {"bsn": ids["er_bsn"]}),
        ("erased-name", {"name": ids["er_name"], "birth_date": ids["er_birth"]}),
        ("om-name", {"name": ids["om_name"], "birth_date": ids["om_birth"]}),
    ]


def _privacy_subjects(b: Built, who: Who, tmp: Path) -> Any:
    p = b.g(who).privacy
    out: dict[str, Any] = {}
    for label, kw in _persons(b):
        found = attempt(lambda kw=kw: p.find_subject(**kw), list(kw.values()))
        out[f"find:{label}"] = found
        if isinstance(found, list) and found:
            out[f"describe:{label}"] = attempt(lambda f=found: p.describe(f))
            out[f"access:{label}"] = attempt(lambda f=found: p.access(f))
    out["describe:all"] = attempt(lambda: p.describe(person_uids(b)), person_uids(b))
    out["access:om-uid"] = attempt(lambda: p.access([b.uids["p_om"]]), b.uids["p_om"])
    out["access:all"] = attempt(lambda: p.access(person_uids(b)), person_uids(b))
    return out


def _privacy_oversight(b: Built, who: Who, tmp: Path) -> Any:
    p = b.g(who).privacy
    far = date.today() + timedelta(days=365 * 15)
    return {
        "requests": attempt(lambda: p.requests(limit=500)),
        "party_statuses": attempt(p.party_statuses),
        "plan-today": attempt(lambda: p.retention_plan(date.today())),
        "plan-far": attempt(lambda: p.retention_plan(far)),
    }


def _privacy_audit(b: Built, who: Who, tmp: Path) -> Any:
    p = b.g(who).privacy
    return {
        "entries": attempt(lambda: p.audit_entries(n=2000)),
        "breach": attempt(lambda: p.breach(start="2020-01-01", end="2030-01-01")),
        "breach-analyst": attempt(
            lambda: p.breach(start="2020-01-01", end="2030-01-01", user="atk-analyst")
        ),
        "verify": attempt(lambda: p.audit_verify()),
    }


def _own_activity(b: Built, who: Who, tmp: Path) -> Any:
    return attempt(lambda: b.g(who).privacy.own_activity(n=200))


def _make_oib(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    out_dir = tmp / "oib"
    u = b.uids
    return {
        "shared": attempt(
            lambda: make_oib(
                g,
                [u["p_shared"]],
                out_dir=out_dir,
                created_by=who.name,
                title=f"OIB van {who.name}",
                hops=3,
            )
        ),
        "hidden-seeds": attempt(
            lambda: make_oib(
                g,
                [u["p_om"], u["p_kmar"], u["p_restr"], u["p_erase"], u["inv_om"]],
                out_dir=out_dir / "h",
                created_by=who.name,
                title="OIB verborgen",
                hops=3,
            )
        ),
        "om-filter": attempt(
            lambda: make_oib(
                g,
                [u["p_shared"]],
                out_dir=out_dir / "f",
                created_by=who.name,
                title="OIB OM-filter",
                flt=OM_FILTER,
                hops=3,
            )
        ),
        "revise-om": attempt(
            lambda: make_oib(
                g,
                [u["p_shared"]],
                out_dir=out_dir / "r",
                created_by=who.name,
                revise=b.products["om_oib"],
                hops=1,
            )
        ),
    }


NARRATIVE = "In 2025 zagen de partijen meer signalen van arbeidsuitbuiting in de agrarische sector."


def _build_trend(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    out: dict[str, Any] = {}
    for kind in ("QS", "TIB", "SIB", "NCP"):
        d = attempt(
            lambda kind=kind: build_trend(g, kind, title="Trend", narrative=NARRATIVE, min_count=1)
        )
        out[kind] = d
        if not isinstance(d, Refusal):
            out[kind + "-prepared"] = attempt(lambda d=d: prepare(g, d))
    out["om"] = attempt(
        lambda: build_trend(
            g, "TIB", title="Trend", narrative=NARRATIVE, flt=OM_FILTER, min_count=1
        )
    )
    return out


def _export(b: Built, who: Who, tmp: Path) -> Any:
    g = b.g(who)
    d = attempt(lambda: build_trend(g, "TIB", title="Trend", narrative=NARRATIVE))
    if isinstance(d, Refusal):
        return d
    return attempt(lambda: export(g, d, recipient="POL", out_dir=tmp / "export"))


API: dict[str, tuple[tuple[str, ...], Callable[[Built, Who, Path], Any], bool]] = {
    # name: (actions any of which allows it, call, subject_rights scope)
    "find": (("search",), _find, False),
    "get": (("view_entity",), _get, False),
    "get_many": (("view_entity",), _get_many, False),
    "neighbourhood": (("view_entity", "expand_network"), _neighbourhood, False),
    "ego": (("view_entity", "expand_network"), _ego, False),
    "shortest_path": (("view_entity", "expand_network"), _shortest_path, False),
    "count_nodes": (("search",), _count_nodes, False),
    "count_edges": (("search",), _count_edges, False),
    "frames": (("analyse",), _frames, False),
    "signal_rows": (("create_trend",), _signal_rows, False),
    "export_gate": (("create_trend",), _export_gate, False),
    "products.latest": (PRODUCT_ACTIONS, _products_latest, False),
    "products.get+disclosures": (PRODUCT_ACTIONS, _products_get, False),
    "products.new_version": (PRODUCT_ACTIONS, _products_new_version, False),
    "work.sets+get_set": (("expand_network", "create_oib"), _work_sets, False),
    "work.save_set": (("expand_network", "create_oib"), _work_save_set, False),
    "work.judgements": (("review_same_person",), _work_judgements, False),
    "work.judge": (("review_same_person",), _work_judge, False),
    "work.requests+similar_requests": (("create_bi", "answer_bi"), _work_requests, False),
    "work.register_request+answer_request": (
        ("create_bi", "answer_bi"),
        _work_answer_request,
        False,
    ),
    "analysis.latest": ((), _analysis_latest, False),
    "analysis.run": (("analyse",), _analysis_run, False),
    "privacy.find_subject+describe+access": (("subject_request",), _privacy_subjects, True),
    "privacy.requests+party_statuses+retention_plan": (
        ("subject_request", "retention_plan", "party_exit"),
        _privacy_oversight,
        True,
    ),
    "privacy.audit_entries+breach+audit_verify": (
        ("audit_verify", "breach_report"),
        _privacy_audit,
        True,
    ),
    "privacy.own_activity": ((), _own_activity, False),
    "make_oib": (("create_oib",), _make_oib, False),
    "build_trend+prepare": (("create_trend",), _build_trend, False),
    "export (trend gate)": (("export_trend",), _export, False),
}

# Entry points whose outputs name internal ids of what the principal handled (the audit trail):
# an opaque id is not a value of a statement, so only values and source refs are searched.
IDS_ALLOWED = {
    "privacy.audit_entries+breach+audit_verify",
    "privacy.own_activity",
    "privacy.requests+party_statuses+retention_plan",
}


# -- CLI commands (emm --help) ------------------------------------------------------------------


def _cli(b: Built, who: Who, *args: str) -> str:
    r = b.run(who, *args)
    text = f"exit={r.exit_code}\n{r.output}"
    if r.exception and not isinstance(r.exception, SystemExit):
        text += f"\n{type(r.exception).__name__}: {r.exception}"
    for p in written_files(r.output):
        if "quarantine" in p.parts:  # rejected raw rows are kept there by design (0600)
            continue
        text += f"\n--- {p}\n" + file_text(p)
    return text


def _cli_counts(b: Built, who: Who, tmp: Path) -> Any:
    return _cli(b, who, "counts")


def _cli_oib_create(b: Built, who: Who, tmp: Path) -> Any:
    ids = b.world.ids
    seeds = [
        ids["shared_name"],
        ids["om_name"],
        ids["om_bsn"],
        ids["kmar_bsn"],
        ids["restr_bsn"],
        ids["er_bsn"],
        b.uids["p_om"],
        ids["ph_om"],
        ids["case_id"],
    ]
    out = [_cli(b, who, "oib", "create", "--seed", ids["shared_bsn"], "--hops", "3")]
    # a hidden seed must give nothing; the message may echo the seed typed, nothing else
    for s in seeds[1:]:
        out.append(_cli(b, who, "oib", "create", "--seed", s, "--hops", "3").replace(s, "<input>"))
    out.append(_cli(b, who, "oib", "create", "--seed", ids["shared_bsn"], "--basis", "WJSG-15-39G"))
    out.append(_cli(b, who, "oib", "create", "--seed", ids["shared_bsn"], "--party", "KMAR"))
    return out


def _cli_oib_handover(b: Built, who: Who, tmp: Path) -> Any:
    # the OM OIB: handing it over as someone who may not read it must be refused without its title
    return _cli(b, who, "oib", "handover", b.products["om_oib"], "--to", "KMAR", "--purpose", "atk")


def _cli_export(b: Built, who: Who, tmp: Path) -> Any:
    text = tmp / "narrative.txt"
    text.parent.mkdir(parents=True, exist_ok=True)
    text.write_text(NARRATIVE, "utf-8")
    return [
        _cli(
            b,
            who,
            "export",
            kind,
            "--to",
            "POL",
            "--title",
            "Trend",
            "--narrative-file",
            str(text),
            "--min-count",
            "1",
        )
        for kind in ("qs", "tib")
    ]


def _cli_subject(b: Built, who: Who, tmp: Path) -> Any:
    out = []
    for label, kw in _persons(b):
        args = [x for k, v in kw.items() for x in (f"--{k.replace('_', '-')}", v)]
        o = _cli(b, who, "subject", "access", *args, "--out", str(tmp / f"{label}.json"))
        for v in kw.values():
            o = o.replace(v, "<input>")
        out.append(o)
    return out


def _cli_retention(b: Built, who: Who, tmp: Path) -> Any:
    far = (date.today() + timedelta(days=365 * 15)).isoformat()
    return [_cli(b, who, "retention", "plan"), _cli(b, who, "retention", "plan", "--as-of", far)]


def _cli_audit(b: Built, who: Who, tmp: Path) -> Any:
    return [
        _cli(b, who, "audit", "breach", "--from", "2020-01-01", "--to", "2030-01-01"),
        _cli(
            b,
            who,
            "audit",
            "breach",
            "--from",
            "2020-01-01",
            "--to",
            "2030-01-01",
            "--user",
            "atk-analyst",
        ),
        _cli(b, who, "audit", "verify"),
    ]


def _cli_analyse(b: Built, who: Who, tmp: Path) -> Any:
    return [
        _cli(b, who, "analyse"),
        _cli(b, who, "analyse", "--for-role", "analyst"),
        _cli(b, who, "analyse", "--basis", "WJSG-15-39G"),
        _cli(b, who, "analyse", "--party", "KMAR"),
    ]


def _cli_ingest_check(b: Built, who: Who, tmp: Path) -> Any:
    return _cli(b, who, "ingest", "--check", str(b.root))


def _cli_misc(b: Built, who: Who, tmp: Path) -> Any:
    return [_cli(b, who, "user", "list"), _cli(b, who, "schema"), _cli(b, who, "db", "status")]


CLI: dict[str, tuple[tuple[str, ...], Callable[[Built, Who, Path], Any], bool]] = {
    "emm counts": (("search",), _cli_counts, False),
    "emm oib create": (("create_oib",), _cli_oib_create, False),
    "emm oib handover": (("handover_oib",), _cli_oib_handover, False),
    "emm export qs|tib": (("export_trend",), _cli_export, False),
    "emm subject access": (("subject_request",), _cli_subject, True),
    "emm retention plan": (("retention_plan",), _cli_retention, True),
    "emm audit breach|verify": (("breach_report", "audit_verify"), _cli_audit, True),
    "emm analyse": (("analyse",), _cli_analyse, False),
    "emm ingest --check": (("ingest",), _cli_ingest_check, False),
    "emm user list|schema|db status": ((), _cli_misc, False),
}
