"""``emm``: a thin command line over the library, one subcommand per stage.

Every command has a help text with an example (a test checks this). Command bodies stay a few
lines: parse options, call the library, print the result. Library errors become one clear line
and exit code 1, never a traceback with data in it.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from emm import settings as settings_mod
from emm.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def clear_errors(fn: F) -> F:
    """Turn the library's expected errors into a one-line message and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        from emm.access import AccessDenied, AuthenticationFailed
        from emm.graph.local_db import LocalDbError
        from emm.ingest.delivery import DeliveryError
        from emm.products.register import RegisterError
        from emm.retention.subjects import SubjectError

        try:
            return fn(*args, **kwargs)
        except (DeliveryError, LocalDbError, SubjectError, RegisterError) as exc:
            raise click.ClickException(str(exc)) from None
        except (AccessDenied, AuthenticationFailed) as exc:
            raise click.ClickException(f"not allowed: {exc}") from None
        except ServiceUnavailable as exc:
            raise click.ClickException(
                f"The graph database cannot be reached ({type(exc).__name__}); "
                "start it with `emm db start` or check EMM_NEO4J_URI."
            ) from None
        except Neo4jError as exc:
            raise click.ClickException(f"Database error {exc.code}") from None

    return wrapper  # type: ignore[return-value]


def _settings(ctx: click.Context) -> Settings:
    return ctx.ensure_object(dict).setdefault("settings", settings_mod.load())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--as", "as_user", default=None, help="The user you act as [default: $EMM_USER].")
@click.option("--purpose", default="", help="Case or request reference, for the audit trail.")
@click.pass_context
def main(ctx: click.Context, as_user: str | None, purpose: str) -> None:
    """EMM Workbench: pooled signals of five parties as one graph, with provenance on every fact.

    Commands that read or change case data act as a named user (--as or EMM_USER) whose role
    must allow it; each is written to the audit trail with --purpose.

    Example: emm demo && emm --as senior --purpose "case 2026/17" oib create --seed "de Vries"
    """
    s = _settings(ctx)
    if as_user:
        ctx.obj["settings"] = s.with_(user_name=as_user)
    ctx.obj["purpose"] = purpose


def _principal(ctx: click.Context, action: str) -> Any:
    from emm.access.session import cli_principal

    s = _settings(ctx)
    principal = cli_principal(s, s.user_name, ctx.obj.get("purpose", ""))
    principal.require(action)
    return principal


def _guarded(ctx: click.Context, action: str) -> Any:
    from emm.access.session import guarded
    from emm.graph.connect import open_store

    principal = _principal(ctx, action)
    s = _settings(ctx)
    return guarded(open_store(s), s, principal)


# ----------------------------------------------------------------------------- db


@main.group()
def db() -> None:
    """Manage the local graph database (ArcadeDB over Bolt on 127.0.0.1).

    Example: emm db start
    """


@db.command("start")
@click.pass_context
@clear_errors
def db_start(ctx: click.Context) -> None:
    """Start the local database and wait until it answers queries.

    Nothing is started when EMM_NEO4J_URI points at another server.

    Example: emm db start
    """
    from emm.graph import local_db

    s = _settings(ctx)
    st = local_db.start(s)
    where = "managed locally" if s.managed_db else "external (EMM_NEO4J_URI), not started"
    click.echo(
        f"database {st.database} at {st.uri}: {'ready' if st.ready else st.detail} ({where})"
    )


@db.command("stop")
@click.pass_context
def db_stop(ctx: click.Context) -> None:
    """Stop the local database.

    Example: emm db stop
    """
    from emm.graph import local_db

    click.echo("stopped" if local_db.stop(_settings(ctx)) else "was not running")


@db.command("status")
@click.pass_context
def db_status(ctx: click.Context) -> None:
    """Show whether the database is running and ready.

    Example: emm db status
    """
    from emm.graph import local_db

    st = local_db.status(_settings(ctx))
    click.echo(
        f"{st.uri} database={st.database} running={st.running} ready={st.ready} pid={st.pid or '-'}"
    )
    sys.exit(0 if st.ready else 3)


@db.command("reset")
@click.option("--yes", is_flag=True, help="Really delete everything in the graph.")
@click.pass_context
@clear_errors
def db_reset(ctx: click.Context, yes: bool) -> None:
    """Delete all nodes and relationships (for demos and tests).

    Example: emm db reset --yes
    """
    from emm.graph.connect import open_store

    if not yes:
        raise click.ClickException("refusing without --yes")
    store = open_store(_settings(ctx))
    store.clear()
    click.echo("graph emptied")


# ----------------------------------------------------------------------------- schema


@main.command()
def schema() -> None:
    """Print the parties, legal bases, entity and relationship types.

    Example: emm schema
    """
    from emm.graph.schema import ENTITY_TYPES, LEGAL_BASES, PARTIES, REL_TYPES

    click.echo("Parties:")
    for p in PARTIES.values():
        click.echo(f"  {p.code:5} {p.name} ({p.regime})")
    click.echo("Legal bases:")
    for b in LEGAL_BASES.values():
        click.echo(f"  {b.code:15} {b.title}  [{', '.join(sorted(b.parties))}]")
    click.echo("Entity types:")
    for e in ENTITY_TYPES.values():
        fields = ", ".join(f.name + ("*" if f.required else "") for f in e.fields)
        click.echo(f"  {e.label:17} {fields}\n  {'':17} identity: {e.identity}")
    click.echo("Relationship types:")
    for r in REL_TYPES.values():
        extra = ", ".join(f.name + ("*" if f.required else "") for f in r.fields)
        click.echo(
            f"  {r.type:16} {'|'.join(r.sources)} -> {'|'.join(r.targets)}"
            + (f"  [{extra}]" if extra else "")
        )


# ----------------------------------------------------------------------------- data


@main.command()
@click.option("--seed", default=0, show_default=True, help="Random seed (same seed, same data).")
@click.option(
    "--size",
    default="small",
    show_default=True,
    help="tiny, small, demo, 100k, 1m or a number of relationships.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=None,
    help="Output folder [default: $EMM_DATA_DIR/generated/<size>-<seed>].",
)
@click.pass_context
def generate(ctx: click.Context, seed: int, size: str, out: Path | None) -> None:
    """Write synthetic deliveries from all five parties, with planted networks and ground truth.

    Example: emm generate --seed 1 --size demo
    """
    from emm.synth import generate as gen

    s = _settings(ctx)
    target = out or s.data_dir / "generated" / f"{size}-{seed}"
    summary = gen(target, seed=seed, size=int(size) if size.isdigit() else size)
    click.echo(json.dumps(summary.to_dict(), indent=2, default=str))


@main.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--check", is_flag=True, help="Validate only; write nothing to the graph.")
@click.option("--force", is_flag=True, help="Ingest again deliveries already loaded.")
@click.pass_context
@clear_errors
def ingest(ctx: click.Context, path: Path, check: bool, force: bool) -> None:
    """Ingest one delivery folder, or every delivery under PATH.

    Bad rows go to $EMM_DATA_DIR/quarantine/<delivery>.jsonl with row, field and reason;
    a report per delivery goes to $EMM_DATA_DIR/reports/.

    Example: emm ingest var/generated/demo-1/deliveries
    """
    from emm.graph.connect import open_store
    from emm.ingest.pipeline import ingest_folder

    s = _settings(ctx)
    store = None if check else open_store(s)
    if store is not None:
        store.ensure_schema()
    reports = ingest_folder(path, store, out_dir=s.data_dir, batch_size=s.batch_size, force=force)
    for r in reports:
        line = (
            f"{r.delivery_id:28} {r.party:5} {r.status:14} read={r.read} loaded={r.loaded} "
            f"merged={r.merged} quarantined={r.quarantined}"
        )
        click.echo(line + (f"  -> {r.quarantine_file}" if r.quarantine_file else ""))


@main.command()
@click.pass_context
@clear_errors
def counts(ctx: click.Context) -> None:
    """Count nodes per type and relationships per type, party and legal basis.

    Example: emm counts
    """
    from emm.graph.connect import open_store

    store = open_store(_settings(ctx))
    for label, n in store.count_nodes().items():
        click.echo(f"node  {label:18} {n}")
    for row in sorted(store.count_edges(), key=lambda r: (r["type"], r["party"])):
        click.echo(f"edge  {row['type']:16} {row['party']:5} {row['legal_basis']:15} {row['n']}")


@main.command()
@click.option("--seed", default=1, show_default=True, help="Seed of the demo data.")
@click.option("--size", default="demo", show_default=True, help="Size of the demo data.")
@click.pass_context
@clear_errors
def demo(ctx: click.Context, seed: int, size: str) -> None:
    """Start the database, generate demo deliveries (once) and ingest them (idempotent).

    Example: emm demo --size small
    """
    from emm.demo import prepare_demo

    for line in prepare_demo(_settings(ctx), seed=seed, size=size):
        click.echo(line)


@main.command()
@click.option("--port", default=8501, show_default=True, help="Port on 127.0.0.1.")
@click.option("--no-demo", is_flag=True, help="Do not load the demo data first.")
@click.option("--headless/--browser", default=True, help="Do not try to open a browser.")
@click.pass_context
@clear_errors
def app(ctx: click.Context, port: int, no_demo: bool, headless: bool) -> None:
    """Run the analysts' web app on http://127.0.0.1:PORT (starts the database, loads demo data).

    Example: emm app --port 8501
    """
    import subprocess

    from emm.demo import prepare_demo

    s = _settings(ctx)
    if not no_demo:
        for line in prepare_demo(s):
            click.echo(line)
    script = Path(__file__).parent / "app" / "main.py"
    click.echo(f"EMM Workbench on http://127.0.0.1:{port}")
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true" if headless else "false",
        "--browser.gatherUsageStats",
        "false",
        "--global.developmentMode",
        "false",
        "--client.toolbarMode",
        "viewer",
    ]
    raise SystemExit(subprocess.call(cmd))


# ----------------------------------------------------------------------------- products


def _filter_options(fn: F) -> F:
    for opt in reversed(
        [
            click.option("--party", "parties", multiple=True, help="Only facts of this party."),
            click.option("--basis", "bases", multiple=True, help="Only facts on this legal basis."),
            click.option("--type", "types", multiple=True, help="Only this relationship type."),
            click.option("--from", "date_from", default=None, help="Registered on or after (ISO)."),
            click.option("--to", "date_to", default=None, help="Registered on or before (ISO)."),
        ]
    ):
        fn = opt(fn)
    return fn


def _edge_filter(
    parties: tuple[str, ...],
    bases: tuple[str, ...],
    types: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
) -> Any:
    from emm.graph.model import EdgeFilter

    try:
        return EdgeFilter(
            parties=frozenset(parties) or None,
            legal_bases=frozenset(bases) or None,
            rel_types=frozenset(types) or None,
            date_from=date_from,
            date_to=date_to,
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _resolve_seeds(store: Any, queries: tuple[str, ...]) -> list[str]:
    uids: list[str] = []
    for q in queries:
        found = store.find(q, limit=2)
        if not found:
            raise click.ClickException(f"seed {q!r}: no entity found")
        if len(found) > 1 and found[0].label == found[1].label:
            raise click.ClickException(f"seed {q!r}: more than one entity matches; be specific")
        uids.append(found[0].uid)
    return uids


@main.group()
def oib() -> None:
    """Operational intelligence pictures (OIB): build, and register their handover.

    Example: emm oib create --seed "06-12345678" --hops 2
    """


@oib.command("create")
@click.option(
    "--seed",
    "seeds",
    multiple=True,
    required=True,
    help="An identifier or name of a seed entity (repeatable).",
)
@click.option("--hops", default=2, show_default=True, help="Radius of the network.")
@click.option("--title", default=None, help="Title of the document.")
@click.option("--revise", default=None, help="Product id to make a new version of.")
@click.option("--max-nodes", default=400, show_default=True, help="Cap on entities.")
@_filter_options
@click.pass_context
@clear_errors
def oib_create(
    ctx: click.Context,
    seeds: tuple[str, ...],
    hops: int,
    title: str | None,
    revise: str | None,
    max_nodes: int,
    **filters: Any,
) -> None:
    """Build an OIB (HTML, PDF, JSON) of the network around the seeds and register it.

    Example: emm oib create --seed "NL91ABNA0417164300" --hops 2 --party POL --party KMAR
    """
    from emm.products.oib import make_oib

    s = _settings(ctx)
    store = _guarded(ctx, "create_oib")
    doc, files = make_oib(
        store,
        _resolve_seeds(store, seeds),
        out_dir=s.data_dir / "products",
        created_by=store.principal.user,
        title=title,
        hops=hops,
        flt=_edge_filter(**filters),
        max_nodes=max_nodes,
        revise=revise,
    )
    click.echo(
        f"{doc.product_id} v{doc.version}: {doc.summary['entities']} entities, "
        f"{doc.summary['facts']} facts, {len(doc.indicators)} indicator hits"
    )
    for f in files:
        click.echo(f"  {f}")


@oib.command("handover")
@click.argument("product_id")
@click.option("--to", "recipient", required=True, help="The receiving party (POL, KMAR, ...).")
@click.option("--purpose", default="", help="Case or request reference.")
@click.pass_context
@clear_errors
def oib_handover(ctx: click.Context, product_id: str, recipient: str, purpose: str) -> None:
    """Register the handover of an OIB to a party (starts its ten-year retention, art. 7.6).

    Example: emm oib handover OIB-20261128-0001 --to POL --purpose "case 2026/123"
    """
    from emm.products.register import ProductRegister

    store = _guarded(ctx, "handover_oib")
    d = ProductRegister(store.raw_for("handover_oib")).record_disclosure(
        product_id,
        recipient=recipient,
        by=store.principal.user,
        basis="covenant art. 3 (OIB)",
        purpose=purpose or store.principal.purpose,
    )
    store._log(
        "handover_oib", targets=[product_id], size=1, parties=[recipient], product_id=product_id
    )
    click.echo(f"{d.product_id} v{d.version} handed over to {d.recipient} at {d.at}")


# ----------------------------------------------------------------------------- non-personal


@main.command("export")
@click.argument("kind", type=click.Choice(["qs", "tib", "sib", "ncp"], case_sensitive=False))
@click.option(
    "--to",
    "recipient",
    required=True,
    help="A party (QS/TIB/SIB) or a foreign partner (NCP), e.g. POL or 'BKA (DE)'.",
)
@click.option("--title", required=True, help="Title of the picture.")
@click.option(
    "--narrative-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="The analyst's text (UTF-8).",
)
@click.option(
    "--recommendations-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Recommendations (SIB/TIB).",
)
@click.option("--phenomenon", default=None, help="sexual, labour, criminal, smuggling...")
@click.option("--from", "date_from", default=None, help="Period start (ISO date).")
@click.option("--to-date", "date_to", default=None, help="Period end (ISO date).")
@click.option("--language", default="nl", type=click.Choice(["nl", "en"]))
@click.option("--min-count", default=10, show_default=True, help="Smallest count shown.")
@click.option(
    "--table",
    "extra_tables",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An extra count table (CSV, ';', first column = row labels).",
)
@click.option(
    "--as-is",
    is_flag=True,
    help="Send the text exactly as written (no automatic de-identification): "
    "the gate refuses it if anything identifying remains.",
)
@click.pass_context
@clear_errors
def export_cmd(
    ctx: click.Context,
    kind: str,
    recipient: str,
    title: str,
    narrative_file: Path,
    recommendations_file: Path | None,
    phenomenon: str | None,
    date_from: str | None,
    date_to: str | None,
    language: str,
    min_count: int,
    extra_tables: tuple[Path, ...],
    as_is: bool,
) -> None:
    """Build a QS, TIB, SIB or NCP answer and export it through the gate (no personal data).

    Example: emm --as senior export tib --to POL --title "Arbeidsuitbuiting 2025"
    --phenomenon labour --narrative-file text.txt
    """
    from dataclasses import replace

    from emm.products.trends import ExportBlocked, build_trend, export, prepare

    s = _settings(ctx)
    action = "export_foreign" if kind.lower() == "ncp" else "export_trend"
    g = _guarded(ctx, action)
    draft = build_trend(
        g,
        kind.upper(),
        title=title,
        phenomenon=phenomenon,
        narrative=narrative_file.read_text(encoding="utf-8"),
        recommendations=(
            recommendations_file.read_text(encoding="utf-8") if recommendations_file else ""
        ),
        date_from=date_from,
        date_to=date_to,
        language=language,
        min_count=min_count,
    )
    import pandas as pd

    from emm.products.trends import TrendTable, _protect

    extra = [TrendTable(p.stem, pd.read_csv(p, sep=";", index_col=0)) for p in extra_tables]
    if as_is:
        # Built tables get disclosure control; the analyst's own tables go exactly as given.
        draft = replace(
            draft,
            tables=[_protect(t, min_count, None) for t in draft.tables]
            + [replace(t, protected=True) for t in extra],
        )
    else:
        draft = prepare(g, replace(draft, tables=draft.tables + extra))
        for r in draft.replacements:
            click.echo(f"replaced in {r['field']}: {r['type']} -> {r['placeholder']}")
    try:
        product_id, paths = export(g, draft, recipient=recipient, out_dir=s.data_dir / "exports")
    except ExportBlocked as exc:
        for p in exc.problems:
            click.echo(f"REFUSED  {p['where']}: {p['what']}", err=True)
        raise click.ClickException(f"export refused: {len(exc.problems)} problem(s)") from None
    click.echo(f"{product_id} exported to {recipient}:")
    for path in paths:
        click.echo(f"  {path}")


# ----------------------------------------------------------------------------- analysis


@main.command()
@click.option(
    "--for-role",
    default=None,
    help="Compute for a narrower role's scope (e.g. analyst) so its users see it.",
)
@click.option("--seed", default=0, show_default=True, help="Seed for communities and sampling.")
@_filter_options
@click.pass_context
@clear_errors
def analyse(ctx: click.Context, for_role: str | None, seed: int, **filters: Any) -> None:
    """Whole-graph analysis: components, PageRank, communities, indicators, ranked networks.

    Example: emm --as senior analyse && emm --as senior analyse --for-role analyst
    """
    from emm.access.policy import load_policy
    from emm.graph.model import EdgeFilter
    from emm.graph.runs import analyse as run_analysis
    from emm.graph.runs import save

    g = _guarded(ctx, "analyse")
    flt = _edge_filter(**filters)
    if for_role:
        roles = load_policy().roles
        if for_role not in roles:
            raise click.BadParameter(f"unknown role {for_role!r}")
        flt = flt.narrow(EdgeFilter(legal_bases=roles[for_role].legal_bases))
    run = run_analysis(g, seed=seed, flt=flt)
    path = save(run, _settings(ctx).data_dir)
    st = run.stats
    click.echo(
        f"{run.run_id}: {st['facts']} facts, {st['components']} components, "
        f"{st['communities']} communities, {st['indicator_hits']} indicator hits, "
        f"{st['networks']} networks, {len(run.candidates)} same-person candidates"
    )
    for n in run.networks[:5]:
        click.echo(
            f"  #{n['rank']} {n['id']} score {n['score']:.2f}: {'; '.join(n['explanation'])}"
        )
    click.echo(f"saved to {path}")


# ----------------------------------------------------------------------------- users


@main.group()
def user() -> None:
    """Users of the workbench: name, role, affiliation (art. 8.1).

    Example: emm user add jdevries --role analyst --affiliation ISZW
    """


@user.command("add")
@click.argument("name")
@click.option(
    "--role", required=True, help="analyst, senior_analyst, privacy_officer, administrator"
)
@click.option("--affiliation", required=True, help="The party the user comes from.")
@click.password_option(help="The password (asked for when not given).")
@click.pass_context
@clear_errors
def user_add(ctx: click.Context, name: str, role: str, affiliation: str, password: str) -> None:
    """Add (or replace) a user; the first user may be added without --as.

    Example: emm --as admin user add jdevries --role analyst --affiliation ISZW
    """
    from emm.access.session import users

    s = _settings(ctx)
    if users(s).list():
        _principal(ctx, "manage_users")
    try:
        u = users(s).add(name, role=role, affiliation=affiliation, password=password)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"user {u.name}: {u.role} ({u.affiliation})")


@user.command("list")
@click.pass_context
@clear_errors
def user_list(ctx: click.Context) -> None:
    """List users and their roles.

    Example: emm --as admin user list
    """
    from emm.access.session import users

    _principal(ctx, "manage_users")
    for u in users(_settings(ctx)).list():
        click.echo(f"{u.name:16} {u.role:16} {u.affiliation:5} {'disabled' if u.disabled else ''}")


@user.command("disable")
@click.argument("name")
@click.pass_context
@clear_errors
def user_disable(ctx: click.Context, name: str) -> None:
    """Disable a user (kept for the audit trail).

    Example: emm --as admin user disable jdevries
    """
    from emm.access.session import users

    _principal(ctx, "manage_users")
    users(_settings(ctx)).disable(name)
    click.echo(f"user {name} disabled")


# ----------------------------------------------------------------------------- retention


def _as_of(value: str | None) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        raise click.BadParameter("use an ISO date, e.g. 2027-01-31") from None


@main.group()
def retention() -> None:
    """Retention of covenant art. 7: plan what expires, apply it, with a report.

    Example: emm --as privacy retention plan --as-of 2027-01-01
    """


@retention.command("plan")
@click.option("--as-of", default=None, help="Look ahead to this date [default: today].")
@click.pass_context
@clear_errors
def retention_plan(ctx: click.Context, as_of: str | None) -> None:
    """Show what retention would remove as of a date, per rule, party and type.

    Example: emm --as privacy retention plan --as-of 2027-01-01
    """
    from emm.retention.engine import plan

    store = _guarded(ctx, "retention_plan")
    result = plan(store.raw_for("retention_plan"), _as_of(as_of))
    store._log("retention_plan", size=result["party-facts"]["facts_total"], as_of=result["as_of"])
    click.echo(json.dumps(result, indent=2, ensure_ascii=False))


@retention.command("apply")
@click.option("--as-of", default=None, help="Remove what expired by this date [default: today].")
@click.option("--yes", is_flag=True, help="Really remove.")
@click.pass_context
@clear_errors
def retention_apply(ctx: click.Context, as_of: str | None, yes: bool) -> None:
    """Remove expired data in batches (idempotent) and write a report without personal data.

    Example: emm --as privacy retention apply --yes
    """
    from emm.retention.engine import apply

    if not yes:
        raise click.ClickException("refusing without --yes (see `emm retention plan` first)")
    store = _guarded(ctx, "retention_apply")
    s = _settings(ctx)
    report = apply(
        store.raw_for("retention_apply"),
        _as_of(as_of),
        out_dir=s.data_dir / "retention",
        run_by=store.principal.user,
    )
    facts = report["rules_applied"]["party-facts"]
    store._log(
        "retention_apply",
        size=facts["facts_total"],
        parties=list(facts["facts"]),
        as_of=report["as_of"],
    )
    click.echo(json.dumps(report, indent=2, ensure_ascii=False))


# ----------------------------------------------------------------------------- subjects


def _subject_options(fn: F) -> F:
    for opt in reversed(
        [
            click.option("--bsn", default=None, help="BSN of the data subject."),
            click.option("--name", default=None, help="Name (with --birth-date)."),
            click.option("--birth-date", default=None, help="Date of birth (with --name)."),
        ]
    ):
        fn = opt(fn)
    return fn


def _subjects(store: Any, bsn: str | None, name: str | None, birth_date: str | None) -> Any:
    from emm.retention.subjects import locate

    persons = locate(store, bsn=bsn, name=name, birth_date=birth_date)
    if not persons:
        raise click.ClickException("no person found with these identifiers")
    return persons


@main.group()
def subject() -> None:
    """Rights of the data subject (art. 10): access, rectify, erase, restrict, refuse.

    Example: emm --as privacy --purpose "AVG-verzoek 12" subject access --bsn 111222333
    """


@subject.command("access")
@_subject_options
@click.option(
    "--refuse",
    "refusals",
    multiple=True,
    help="PARTY:GROUND to withhold a party's facts (e.g. OM:WJSG-39L).",
)
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write the answer here.")
@click.pass_context
@clear_errors
def subject_access(
    ctx: click.Context,
    bsn: str | None,
    name: str | None,
    birth_date: str | None,
    refusals: tuple[str, ...],
    out: Path | None,
) -> None:
    """Everything held on a person, who supplied each fact, and who received data (10.2).

    Example: emm --as privacy subject access --name "Jan de Vries" --birth-date 12-03-1985
    """
    from emm.retention.subjects import access

    g = _guarded(ctx, "subject_request")
    store = g.raw_for("subject_request")
    refuse: dict[str, list[str]] = {}
    for item in refusals:
        party, _, ground = item.partition(":")
        refuse.setdefault(party, []).append(ground)
    persons = _subjects(store, bsn, name, birth_date)
    outcome, answer = access(store, persons, by=g.principal.user, refuse=refuse)
    g._log(
        "subject_access",
        targets=[p.uid for p in persons],
        size=sum(len(p["facts"]) for p in answer["persons"]),
        request_id=outcome.request_id,
    )
    text = json.dumps(answer, indent=2, ensure_ascii=False)
    if out:
        out.write_text(text, encoding="utf-8")
        out.chmod(0o600)
        click.echo(f"{outcome.request_id}: answer written to {out}")
    else:
        click.echo(text)


@subject.command("rectify")
@_subject_options
@click.option("--field", "field_name", required=True, help="The field to correct, e.g. name.")
@click.option("--value", required=True, help="The corrected value.")
@click.pass_context
@clear_errors
def subject_rectify(
    ctx: click.Context,
    bsn: str | None,
    name: str | None,
    birth_date: str | None,
    field_name: str,
    value: str,
) -> None:
    """Correct a field of the person (recorded as a request).

    Example: emm --as privacy subject rectify --bsn 111222333 --field nationality --value NL
    """
    from emm.retention.subjects import rectify

    g = _guarded(ctx, "subject_request")
    store = g.raw_for("subject_request")
    for p in _subjects(store, bsn, name, birth_date):
        o = rectify(store, p, field_name, value, by=g.principal.user)
        g._log("subject_rectify", targets=[p.uid], size=1, request_id=o.request_id)
        click.echo(f"{o.request_id}: {field_name} rectified")


@subject.command("erase")
@_subject_options
@click.option("--yes", is_flag=True, help="Really erase.")
@click.pass_context
@clear_errors
def subject_erase(
    ctx: click.Context, bsn: str | None, name: str | None, birth_date: str | None, yes: bool
) -> None:
    """Erase the person and every fact about them (with a report).

    Example: emm --as privacy subject erase --bsn 111222333 --yes
    """
    from emm.retention.subjects import erase

    if not yes:
        raise click.ClickException("refusing without --yes")
    g = _guarded(ctx, "subject_request")
    store = g.raw_for("subject_request")
    for p in _subjects(store, bsn, name, birth_date):
        o = erase(store, p, by=g.principal.user, out_dir=_settings(ctx).data_dir / "retention")
        g._log(
            "subject_erase",
            targets=[p.uid],
            size=o.detail["facts_removed"],
            request_id=o.request_id,
        )
        click.echo(f"{o.request_id}: erased, {o.detail['facts_removed']} facts removed")


@subject.command("restrict")
@_subject_options
@click.option("--lift", is_flag=True, help="Lift an earlier restriction.")
@click.pass_context
@clear_errors
def subject_restrict(
    ctx: click.Context, bsn: str | None, name: str | None, birth_date: str | None, lift: bool
) -> None:
    """Restrict processing: the person is left out of every analysis and product until lifted.

    Example: emm --as privacy subject restrict --bsn 111222333
    """
    from emm.retention.subjects import restrict

    g = _guarded(ctx, "subject_request")
    store = g.raw_for("subject_request")
    for p in _subjects(store, bsn, name, birth_date):
        o = restrict(store, p, by=g.principal.user, lift=lift)
        g._log(o.kind, targets=[p.uid], size=1, request_id=o.request_id)
        click.echo(f"{o.request_id}: {o.kind.replace('_', ' ')} done")


@subject.command("refuse")
@_subject_options
@click.option("--kind", required=True, help="access, rectify, erase, restrict.")
@click.option(
    "--ground",
    "grounds",
    multiple=True,
    required=True,
    help="WPG-27, UAVG-41 or WJSG-39L (repeatable).",
)
@click.pass_context
@clear_errors
def subject_refuse(
    ctx: click.Context,
    bsn: str | None,
    name: str | None,
    birth_date: str | None,
    kind: str,
    grounds: tuple[str, ...],
) -> None:
    """Refuse a request in whole, recording the statutory grounds.

    Example: emm --as privacy subject refuse --bsn 111222333 --kind access --ground WPG-27
    """
    from emm.retention.subjects import refuse

    g = _guarded(ctx, "subject_request")
    store = g.raw_for("subject_request")
    persons = _subjects(store, bsn, name, birth_date)
    o = refuse(store, persons, kind, by=g.principal.user, grounds=list(grounds))
    g._log("subject_refuse", targets=[p.uid for p in persons], request_id=o.request_id)
    click.echo(f"{o.request_id}: {kind} refused on {', '.join(grounds)}")


# ----------------------------------------------------------------------------- parties


@main.group()
def party() -> None:
    """A party's data as a whole (covenant art. 5.7, 14.3).

    Example: emm --as privacy party exit IND --mode isolate
    """


@party.command("exit")
@click.argument("code")
@click.option(
    "--mode",
    type=click.Choice(["isolate", "remove", "reinstate"]),
    required=True,
    help="isolate: hide from every read; remove: delete; reinstate: undo isolate.",
)
@click.option("--reason", default="", help="E.g. 'notice of termination 2026-09-01'.")
@click.option("--yes", is_flag=True, help="Really do it.")
@click.pass_context
@clear_errors
def party_exit_cmd(ctx: click.Context, code: str, mode: str, reason: str, yes: bool) -> None:
    """Isolate or remove all data supplied by one party, with a report.

    Example: emm --as privacy party exit IND --mode remove --yes
    """
    from emm.retention.subjects import party_exit

    if not yes:
        raise click.ClickException("refusing without --yes")
    g = _guarded(ctx, "party_exit")
    report = party_exit(
        g.raw_for("party_exit"),
        code,
        mode=mode,
        by=g.principal.user,
        out_dir=_settings(ctx).data_dir / "retention",
        reason=reason,
    )
    g._log("party_exit", parties=[code], mode=mode)
    click.echo(json.dumps(report, indent=2))


# ----------------------------------------------------------------------------- audit


@main.group()
def audit() -> None:
    """The audit trail: verify it, and answer breach questions (art. 8.3).

    Example: emm --as privacy audit verify
    """


@audit.command("verify")
@click.pass_context
@clear_errors
def audit_verify(ctx: click.Context) -> None:
    """Check the hash chain: detects an edited, removed, inserted or reordered line.

    Example: emm --as privacy audit verify
    """
    from emm.access.session import audit_log

    _principal(ctx, "audit_verify")
    result = audit_log(_settings(ctx)).verify()
    for problem in result.problems:
        click.echo(problem)
    click.echo(f"{result.entries} entries: {'intact' if result.ok else 'TAMPERED'}")
    sys.exit(0 if result.ok else 2)


@audit.command("breach")
@click.option("--from", "start", required=True, help="Start of the window (ISO date or time).")
@click.option("--to", "end", required=True, help="End of the window (ISO date or time).")
@click.option("--user", "user_name", default=None, help="Only what this user saw.")
@click.option("--product", default=None, help="Only this export or handover.")
@click.pass_context
@clear_errors
def audit_breach(
    ctx: click.Context, start: str, end: str, user_name: str | None, product: str | None
) -> None:
    """Which parties' data a breach touched, so the police can inform them all at once.

    Example: emm --as privacy audit breach --from 2026-11-01 --to 2026-11-28 --user analyst
    """
    from emm.access.session import audit_log

    _principal(ctx, "breach_report")
    s = _settings(ctx)
    result = audit_log(s).touched_parties(start=start, end=end, user=user_name, product_id=product)
    if product:
        from emm.graph.connect import open_store
        from emm.products.register import ProductRegister

        p = ProductRegister(open_store(s)).get(product)
        if p:
            result["parties"] = sorted(set(result["parties"]) | set(p.parties))
    click.echo(json.dumps(result, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
