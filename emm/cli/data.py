"""``emm generate``, ``ingest``, ``counts``, ``demo``, ``app``: data in, and the app on it."""

from __future__ import annotations

import json
from pathlib import Path

import click

from emm.cli.base import (
    clear_errors,
    main,
    settings_of,
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

    s = settings_of(ctx)
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

    s = settings_of(ctx)
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

    store = open_store(settings_of(ctx))
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

    for line in prepare_demo(settings_of(ctx), seed=seed, size=size):
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

    s = settings_of(ctx)
    if not no_demo:
        for line in prepare_demo(s):
            click.echo(line)
    from emm.app.launch import command

    click.echo(f"EMM Workbench on http://127.0.0.1:{port}")
    # production settings (no post-script GC, no file watcher) and the session/media routes
    cmd = command(port, headless=headless)
    raise SystemExit(subprocess.call(cmd))
