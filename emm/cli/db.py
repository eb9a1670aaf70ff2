"""``emm db ...`` and ``emm schema``: the local database and the model."""

from __future__ import annotations

import sys

import click

from emm.cli.base import (
    clear_errors,
    main,
    open_data_store,
    principal,
    record,
    settings_of,
)

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

    s = settings_of(ctx)
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

    click.echo("stopped" if local_db.stop(settings_of(ctx)) else "was not running")


@db.command("status")
@click.pass_context
def db_status(ctx: click.Context) -> None:
    """Show whether the database is running and ready.

    Example: emm db status
    """
    from emm.graph import local_db

    st = local_db.status(settings_of(ctx))
    click.echo(
        f"{st.uri} database={st.database} running={st.running} ready={st.ready} pid={st.pid or '-'}"
    )
    sys.exit(0 if st.ready else 3)


@db.command("reset")
@click.option("--yes", is_flag=True, help="Really delete everything in the graph.")
@click.pass_context
@clear_errors
def db_reset(ctx: click.Context, yes: bool) -> None:
    """Delete all nodes and relationships (for demos and tests); an administrator only.

    The audit trail and its checkpoints in the database stay.

    Example: emm --as admin db reset --yes
    """
    if not yes:
        raise click.ClickException("refusing without --yes")
    who = principal(ctx, "reset_database")
    store = open_data_store(ctx)
    before = store.count_nodes()
    store.clear()
    record(ctx, who, "db_reset", size=sum(before.values()), nodes=before)
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
