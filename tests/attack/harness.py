"""The attacker's harness: principals, their scopes, the built world, and the leak checks.

Only documented interfaces are used: ``emm`` commands (through ``cli_helpers.CliAs``, which logs
in the way a person does), ``emm.access.session.login`` for the Python API, and the guarded
API of ``docs/provenance.md``. The expected visibility comes from :mod:`world`'s model, never
from the system under test.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
from cli_helpers import PASSWORD, CliAs  # noqa: I001 - tests/ is on sys.path (conftest rootdir)
from world import ALL_BASES, OM_BASES, Scope, World, build, scan

from emm.access.session import login
from emm.graph.model import Entity, Link, Statement
from emm.settings import Settings, load

# -- principals (emm/access/policy.yaml) --------------------------------------------------------

ROLE_BASES = {
    "analyst": frozenset({"WPG-9", "WPG-10", "WPG-13-2", "WPG-15", "AVG-6-VW-107-4"}),
    "senior_analyst": ALL_BASES,
    "privacy_officer": ALL_BASES,
    "administrator": frozenset(),
}
ROLE_ACTIONS = {
    "analyst": {
        "search",
        "view_entity",
        "expand_network",
        "create_oib",
        "create_bi",
        "answer_bi",
        "create_trend",
        "review_same_person",
    },
    "senior_analyst": {
        "search",
        "view_entity",
        "expand_network",
        "create_oib",
        "handover_oib",
        "create_bi",
        "answer_bi",
        "create_trend",
        "export_trend",
        "export_foreign",
        "review_same_person",
        "ingest",
        "analyse",
    },
    "privacy_officer": {
        "search",
        "view_entity",
        "retention_plan",
        "retention_apply",
        "subject_request",
        "party_exit",
        "audit_verify",
        "breach_report",
        "audit_anchor",
    },
    "administrator": {"manage_users", "ingest", "analyse", "audit_verify", "reset_database"},
}
AFFILIATION_EXCLUDES = {"IND": OM_BASES}


@dataclass(frozen=True)
class Who:
    name: str
    role: str
    affiliation: str = "POL"

    @property
    def bases(self) -> frozenset[str]:
        return ROLE_BASES[self.role] - AFFILIATION_EXCLUDES.get(self.affiliation, frozenset())

    def can(self, *actions: str) -> bool:
        return any(a in ROLE_ACTIONS[self.role] for a in actions)

    def __str__(self) -> str:
        return f"{self.role}/{self.affiliation}"


ANALYST = Who("atk-analyst", "analyst")
ANALYST_IND = Who("atk-analyst-ind", "analyst", "IND")
SENIOR = Who("atk-senior", "senior_analyst")
SENIOR_IND = Who("atk-senior-ind", "senior_analyst", "IND")
PRIVACY = Who("atk-privacy", "privacy_officer")
PRIVACY_IND = Who("atk-privacy-ind", "privacy_officer", "IND")
ADMIN = Who("atk-admin", "administrator")
PRINCIPALS = [ANALYST, ANALYST_IND, SENIOR, SENIOR_IND, PRIVACY, PRIVACY_IND, ADMIN]

# The model's entities a subject erasure takes with it (docs/provenance.md, "Removal is total":
# the subject's records and those of entities only their facts linked to).
ERASED = frozenset({"p_erase", "ph_erase", "ba_erase"})
RESTRICTED = frozenset({"p_restr"})


# -- serialising whatever an entry point returns ------------------------------------------------


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def file_text(path: Path) -> str:
    """A file's content as searchable text (PDFs through their text layer)."""
    if path.suffix.lower() == ".pdf":
        try:
            return _pdf_text(path) + "\n" + path.read_bytes().decode("latin-1")
        except Exception as exc:  # an unreadable PDF is itself reported
            return f"<unreadable pdf {path.name}: {exc}>"
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError:
        return path.read_bytes().decode("latin-1")


def dump(obj: Any, _seen: set[int] | None = None, _depth: int = 0) -> str:
    """Everything reachable from ``obj`` (public attributes only), as text; files named by a
    path that exists are read, PDFs through their text layer."""
    seen = _seen if _seen is not None else set()
    if _depth > 12:
        return ""
    if obj is None or isinstance(obj, bool | int | float):
        return "" if obj is None or (isinstance(obj, float) and math.isnan(obj)) else str(obj)
    if isinstance(obj, str):
        p = Path(obj) if len(obj) < 400 and ("/" in obj) else None
        if p is not None and p.is_file():
            return obj + "\n" + file_text(p)
        return obj
    if isinstance(obj, bytes):
        return obj.decode("utf-8", "replace")
    if isinstance(obj, Path):
        return str(obj) + ("\n" + file_text(obj) if obj.is_file() else "")
    if id(obj) in seen:
        return ""
    seen.add(id(obj))
    if isinstance(obj, pd.DataFrame):
        return obj.to_csv() + " ".join(map(str, obj.index)) + " ".join(map(str, obj.columns))
    if isinstance(obj, pd.Series):
        return obj.to_csv()
    if isinstance(obj, nx.Graph):
        return json.dumps(
            {"nodes": list(obj.nodes(data=True)), "edges": list(obj.edges(data=True))},
            default=str,
        )
    if isinstance(obj, BaseException):
        return f"{type(obj).__name__}: {obj} " + dump(obj.args, seen, _depth + 1)
    if isinstance(obj, dict):
        return " ".join(
            dump(k, seen, _depth + 1) + "=" + dump(v, seen, _depth + 1) for k, v in obj.items()
        )
    if isinstance(obj, list | tuple | set | frozenset):
        return " ".join(dump(x, seen, _depth + 1) for x in obj)
    if dataclasses.is_dataclass(obj):
        parts = [dump(getattr(obj, f.name), seen, _depth + 1) for f in dataclasses.fields(obj)]
        for extra in ("caption", "parties"):
            if hasattr(obj, extra):
                parts.append(dump(getattr(obj, extra), seen, _depth + 1))
        return type(obj).__name__ + "(" + " ".join(parts) + ")"
    if hasattr(obj, "__dict__"):
        return (
            type(obj).__name__
            + "("
            + " ".join(
                f"{k}=" + dump(v, seen, _depth + 1)
                for k, v in vars(obj).items()
                if not k.startswith("_")
            )
            + ")"
        )
    return str(obj)


def walk(obj: Any, _seen: set[int] | None = None) -> Iterator[Any]:
    """Every object reachable from ``obj`` through containers and dataclass fields."""
    seen = _seen if _seen is not None else set()
    if id(obj) in seen or isinstance(obj, str | bytes | int | float | bool) or obj is None:
        return
    seen.add(id(obj))
    yield obj
    if isinstance(obj, dict):
        for v in obj.values():
            yield from walk(v, seen)
    elif isinstance(obj, list | tuple | set | frozenset):
        for v in obj:
            yield from walk(v, seen)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from walk(getattr(obj, f.name), seen)


# -- the built world ----------------------------------------------------------------------------


@dataclass
class Built:
    """A world loaded into the test database, with everything the tests need to attack it."""

    world: World
    settings: Settings
    env: dict[str, Any]
    cli: CliAs
    root: Path  # deliveries
    uids: dict[str, str] = field(default_factory=dict)  # model entity -> uid
    isolated: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    hidden: frozenset[str] = frozenset()  # restricted or erased (model names)
    products: dict[str, str] = field(default_factory=dict)  # name -> product id
    requests: dict[str, str] = field(default_factory=dict)  # name -> request id
    sets: dict[str, str] = field(default_factory=dict)  # name -> set owner
    joins: list[tuple[str, str]] = field(default_factory=list)  # confirmed pairs (model names)
    notes: dict[str, Any] = field(default_factory=dict)
    _sessions: dict[str, Any] = field(default_factory=dict)

    def g(self, who: Who) -> Any:
        """``who``'s guarded store, through the documented ``login``."""
        if who.name not in self._sessions:
            self._sessions[who.name] = login(self.settings, who.name, PASSWORD, "attack matrix")
        return self._sessions[who.name]

    def run(self, who: Who, *args: str, input: str | None = None) -> Any:
        return self.cli(who.name, *args, input=input)

    def scope(self, who: Who, *, subject_rights: bool = False) -> Scope:
        """Subject rights (access, describe) cover what is held of the subject: a restricted
        subject and an isolated party's records are still held; removed and erased are not."""
        if subject_rights:
            return Scope(who.bases, frozenset(), frozenset(self.hidden - RESTRICTED), self.removed)
        return Scope(who.bases, self.isolated, frozenset(self.hidden), self.removed)

    def visible_uids(self, s: Scope) -> set[str]:
        return {self.uids[e] for e in self.world.visible_entities(s) if e in self.uids}

    def forbidden(self, who: Who, *, subject_rights: bool = False) -> set[str]:
        """Markers, source refs and uids ``who`` may not see."""
        s = self.scope(who, subject_rights=subject_rights)
        out = self.world.forbidden_markers(s) | self.world.forbidden_refs(s)
        vis = self.visible_uids(s)
        out |= {u.lower() for u in self.uids.values() if u not in vis}
        return out

    def allowed_parties(self, who: Who, *, subject_rights: bool = False) -> set[str]:
        return (
            {"POL", "KMAR", "ISZW", "IND", "OM"}
            - (frozenset() if subject_rights else self.isolated)
            - self.removed
            - ({"OM"} if not who.bases & OM_BASES else set())
        )


def make_env(db_settings: Settings, data_dir: Path) -> dict[str, Any]:
    """Settings of a fresh data directory on the session's test database: the connection is
    named explicitly (so nothing local is started), the password in a 0600 file."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    pw = data_dir.parent / f"{data_dir.name}-db-password"
    pw.write_text(db_settings.password())
    pw.chmod(0o600)
    shared = (load().data_dir / "cache").resolve()  # the de-identification lookups, built once
    shared.mkdir(parents=True, exist_ok=True)
    if not (data_dir / "cache").exists():
        (data_dir / "cache").symlink_to(shared, target_is_directory=True)
    return {
        "EMM_DATA_DIR": str(data_dir),
        "EMM_NEO4J_URI": db_settings.uri,
        "EMM_NEO4J_USER": db_settings.user,
        "EMM_NEO4J_PASSWORD_FILE": str(pw),
        "EMM_NEO4J_DATABASE": db_settings.neo4j_database,
        "EMM_USER": None,
        "EMM_KEY_FILE": None,
    }


def ok(result: Any) -> str:
    assert result.exit_code == 0, (result.exit_code, result.output, result.exception)
    return str(result.output)


def load_world(db_settings: Settings, base: Path, seed: int) -> Built:
    """Users, an empty graph, the five parties' deliveries ingested as the administrator."""
    data_dir = base / "data"
    env = make_env(db_settings, data_dir)
    cli = CliAs(env)
    for who in PRINCIPALS:
        cli.user(who.name, who.role, who.affiliation)
    w = build(seed)
    root = w.write(base / "deliveries")
    b = Built(w, cli.settings, env, cli, root)
    ok(b.run(ADMIN, "db", "reset", "--yes"))
    out = ok(b.run(ADMIN, "ingest", str(root)))
    b.notes["ingest_output"] = out
    b.uids = find_uids(b)
    return b


def _query_for(b: Built, entity: str) -> str:
    ids = b.world.ids
    named = {
        "p_shared": ids["shared_bsn"],
        "p_restr": ids["restr_bsn"],
        "p_pair_a": ids["pair_a_name"],
        "p_pair_b": ids["pair_b_name"],
        "p_mix": ids["mix_name"],
        "p_om": ids["om_bsn"],
        "p_ind": ids["ind_name"],
        "p_kmar": ids["kmar_bsn"],
        "p_erase": ids["er_bsn"],
        "ph_pol": ids["ph_pol"],
        "ph_restr": ids["ph_restr"],
        "ph_om": ids["ph_om"],
        "ph_erase": ids["ph_er"],
        "ba_erase": ids["iban_er"],
        "inv_om": ids["case_id"],
        "doc_ind": ids["ind_doc"],
        "veh_kmar": ids["kmar_plate"],
    }
    if entity in named:
        return named[entity]
    rec = next(r for r in b.world.records if r.entity == entity and r.markers)
    return rec.markers[0]


def find_uids(b: Built) -> dict[str, str]:
    """The uid of every model entity, found as the senior analyst (who reads every basis)."""
    g = b.g(SENIOR)
    out: dict[str, str] = {}
    for entity in sorted({r.entity for r in b.world.records if not r.quarantined}):
        label = b.world.entity_label(entity)
        q = _query_for(b, entity)
        hits = [e for e in g.find(q, limit=50) if e.label == label]
        assert len(hits) == 1, (entity, q, [(e.label, e.caption) for e in hits])
        out[entity] = hits[0].uid
    return out


# -- the checks ---------------------------------------------------------------------------------


def structural_problems(b: Built, who: Who, obj: Any, *, subject_rights: bool = False) -> list[str]:
    """Entities, statements and links in ``obj`` that ``who`` may not see."""
    s = b.scope(who, subject_rights=subject_rights)
    vis = b.visible_uids(s)
    parties = b.allowed_parties(who, subject_rights=subject_rights)
    by_uid = {u: e for e, u in b.uids.items()}
    problems: list[str] = []
    for x in walk(obj):
        if isinstance(x, Entity):
            if x.uid in by_uid and x.uid not in vis:
                problems.append(f"entity {by_uid[x.uid]} ({x.uid}) returned")
            for m in x.members:
                if m in by_uid and m not in vis:
                    problems.append(f"member {by_uid[m]} of {x.uid} listed")
            known = set(x.props.get("parties") or [])
            if known - parties:
                problems.append(f"{by_uid.get(x.uid, x.uid)} known to {sorted(known - parties)}")
            if by_uid.get(x.uid) == "p_shared" and not who.bases & OM_BASES:
                for prop in ("birth_date", "nationality", "gender"):
                    if x.values(prop):
                        problems.append(f"p_shared shows OM-only {prop}")
        elif isinstance(x, Statement):
            if x.party not in parties or x.legal_basis not in s.bases:
                problems.append(f"statement {x.prop} of {x.party}/{x.legal_basis}")
        elif isinstance(x, Link):
            p, lb = x.props.get("party"), x.props.get("legal_basis")
            if p not in parties or lb not in s.bases:
                problems.append(f"link {x.type} of {p}/{lb}")
            for end in (x.source, x.target):
                if end in by_uid and end not in vis:
                    problems.append(f"link {x.type} to hidden {by_uid[end]}")
        elif isinstance(x, pd.DataFrame):
            for col in ("party", "legal_basis"):
                if col in x.columns:
                    bad = set(x[col].dropna()) - (parties if col == "party" else set(s.bases))
                    if bad:
                        problems.append(f"table column {col} has {sorted(bad)}")
            for col in ("uid", "src", "dst", "signal"):
                if col in x.columns:
                    hidden = {by_uid[u] for u in x[col].dropna() if u in by_uid and u not in vis}
                    if hidden:
                        problems.append(f"table column {col} has hidden {sorted(hidden)}")
    return problems


@dataclass
class Finding:
    entry: str
    who: str
    markers: list[str]
    problems: list[str]

    def __str__(self) -> str:
        return (
            f"{self.entry} as {self.who}: markers {self.markers[:8]} problems {self.problems[:8]}"
        )


def check(
    b: Built,
    who: Who,
    entry: str,
    output: Any,
    *,
    subject_rights: bool = False,
    extra_forbidden: Iterable[str] = (),
    values_only: bool = False,
) -> Finding | None:
    """``values_only``: for outputs that are bookkeeping of what was handled (the audit trail,
    subject-request records), internal ids and delivery ids are allowed; values are not."""
    if values_only:
        forbidden = b.world.forbidden_markers(b.scope(who, subject_rights=subject_rights))
    else:
        forbidden = b.forbidden(who, subject_rights=subject_rights)
    forbidden |= {x.lower() for x in extra_forbidden}
    text = dump(output)
    names = {u.lower(): e for e, u in b.uids.items()}
    markers = [f"{m} ({names[m]})" if m in names else m for m in scan(text, forbidden)]
    problems = structural_problems(b, who, output, subject_rights=subject_rights)
    if markers or problems:
        return Finding(entry, str(who), markers, problems)
    return None


_PATH = re.compile(r"(/[^\s'\"]+)")


def written_files(output: str) -> list[Path]:
    """Files a command names in its output (the products it wrote)."""
    return [Path(m) for m in _PATH.findall(output) if Path(m).is_file()]
