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

        from emm.graph.local_db import LocalDbError
        from emm.ingest.delivery import DeliveryError

        try:
            return fn(*args, **kwargs)
        except (DeliveryError, LocalDbError) as exc:
            raise click.ClickException(str(exc)) from None
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
@click.pass_context
def main(ctx: click.Context) -> None:
    """EMM Workbench: pooled signals of five parties as one graph, with provenance on every fact.

    Example: emm demo && emm app
    """
    _settings(ctx)


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
    click.echo(f"database {st.database} at {st.uri}: {'ready' if st.ready else st.detail} ({where})")


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
    click.echo(f"{st.uri} database={st.database} running={st.running} ready={st.ready} "
               f"pid={st.pid or '-'}")
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
        click.echo(f"  {r.type:16} {'|'.join(r.sources)} -> {'|'.join(r.targets)}"
                   + (f"  [{extra}]" if extra else ""))


# ----------------------------------------------------------------------------- data


@main.command()
@click.option("--seed", default=0, show_default=True, help="Random seed (same seed, same data).")
@click.option("--size", default="small", show_default=True,
              help="tiny, small, demo, 100k, 1m or a number of relationships.")
@click.option("--out", "out", type=click.Path(path_type=Path), default=None,
              help="Output folder [default: $EMM_DATA_DIR/generated/<size>-<seed>].")
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
    reports = ingest_folder(path, store, out_dir=s.data_dir, batch_size=s.batch_size,
                            force=force)
    for r in reports:
        line = (f"{r.delivery_id:28} {r.party:5} {r.status:14} read={r.read} loaded={r.loaded} "
                f"merged={r.merged} quarantined={r.quarantined}")
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
    cmd = [sys.executable, "-m", "streamlit", "run", str(script),
           "--server.address", "127.0.0.1", "--server.port", str(port),
           "--server.headless", "true" if headless else "false",
           "--browser.gatherUsageStats", "false", "--global.developmentMode", "false"]
    raise SystemExit(subprocess.call(cmd))


# ----------------------------------------------------------------------------- products


def _filter_options(fn: F) -> F:
    for opt in reversed([
        click.option("--party", "parties", multiple=True, help="Only facts of this party."),
        click.option("--basis", "bases", multiple=True, help="Only facts on this legal basis."),
        click.option("--type", "types", multiple=True, help="Only this relationship type."),
        click.option("--from", "date_from", default=None, help="Registered on or after (ISO)."),
        click.option("--to", "date_to", default=None, help="Registered on or before (ISO)."),
    ]):
        fn = opt(fn)
    return fn


def _edge_filter(parties: tuple[str, ...], bases: tuple[str, ...], types: tuple[str, ...],
                 date_from: str | None, date_to: str | None) -> Any:
    from emm.graph.model import EdgeFilter

    try:
        return EdgeFilter(parties=frozenset(parties) or None, legal_bases=frozenset(bases) or None,
                          rel_types=frozenset(types) or None, date_from=date_from,
                          date_to=date_to)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _resolve_seeds(store: Any, queries: tuple[str, ...]) -> list[str]:
    from emm.graph.search import find

    uids: list[str] = []
    for q in queries:
        found = find(store, q, limit=2)
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
@click.option("--seed", "seeds", multiple=True, required=True,
              help="An identifier or name of a seed entity (repeatable).")
@click.option("--hops", default=2, show_default=True, help="Radius of the network.")
@click.option("--title", default=None, help="Title of the document.")
@click.option("--revise", default=None, help="Product id to make a new version of.")
@click.option("--max-nodes", default=400, show_default=True, help="Cap on entities.")
@_filter_options
@click.pass_context
@clear_errors
def oib_create(ctx: click.Context, seeds: tuple[str, ...], hops: int, title: str | None,
               revise: str | None, max_nodes: int, **filters: Any) -> None:
    """Build an OIB (HTML, PDF, JSON) of the network around the seeds and register it.

    Example: emm oib create --seed "NL91ABNA0417164300" --hops 2 --party POL --party KMAR
    """
    from emm.graph.connect import open_store
    from emm.products.oib import make_oib

    s = _settings(ctx)
    store = open_store(s)
    doc, files = make_oib(store, _resolve_seeds(store, seeds), out_dir=s.data_dir / "products",
                          created_by=s.user_name or "cli", title=title, hops=hops,
                          flt=_edge_filter(**filters), max_nodes=max_nodes, revise=revise)
    click.echo(f"{doc.product_id} v{doc.version}: {doc.summary['entities']} entities, "
               f"{doc.summary['facts']} facts, {len(doc.indicators)} indicator hits")
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
    from emm.graph.connect import open_store
    from emm.products.register import ProductRegister, RegisterError

    s = _settings(ctx)
    try:
        d = ProductRegister(open_store(s)).record_disclosure(
            product_id, recipient=recipient, by=s.user_name or "cli",
            basis="covenant art. 3 (OIB)", purpose=purpose)
    except RegisterError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{d.product_id} v{d.version} handed over to {d.recipient} at {d.at}")


if __name__ == "__main__":  # pragma: no cover
    main()
