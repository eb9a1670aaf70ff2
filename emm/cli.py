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


if __name__ == "__main__":  # pragma: no cover
    main()
