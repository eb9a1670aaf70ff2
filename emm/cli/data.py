"""``emm generate``, ``ingest``, ``counts``, ``demo``, ``app``: data in, and the app on it."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from emm.cli.base import (
    check_permissions,
    clear_errors,
    guarded_store,
    main,
    principal,
    record,
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
@click.option("--quiet", is_flag=True, help="Only the summary and refusals (for CI and cron).")
@click.pass_context
@clear_errors
def ingest(ctx: click.Context, path: Path, check: bool, force: bool, quiet: bool) -> None:
    """Ingest one delivery folder, or every delivery under PATH.

    Every delivery is tried and either loads completely or leaves the graph as it was. Bad
    rows go to $EMM_DATA_DIR/quarantine/<delivery>.jsonl with file, row, field and reason; a
    report per delivery goes to $EMM_DATA_DIR/reports/. Exits 1 when any delivery was refused.

    Example: emm ingest var/generated/demo-1/deliveries
    """
    from emm.ingest.pipeline import ingest_folder

    s = settings_of(ctx)

    def shown(folder: str, r: Any, reason: str | None) -> None:
        if r is None:
            click.echo(f"REFUSED {Path(folder).name}: {reason}", err=True)
        elif not quiet:
            speed = f" {r.read / r.seconds:,.0f} rows/s" if r.seconds else ""
            line = (
                f"{r.delivery_id:28} {r.party:5} {r.status:14} read={r.read} "
                f"loaded={r.loaded} merged={r.merged} quarantined={r.quarantined}{speed}"
            )
            click.echo(line + (f"  -> {r.quarantine_file}" if r.quarantine_file else ""))

    progress = None if quiet or not sys.stderr.isatty() else _Progress()
    if check:
        who = principal(ctx, "ingest")  # a dry run reads the parties' files: also audited
        result = ingest_folder(
            path,
            None,
            out_dir=s.data_dir,
            batch_size=s.batch_size,
            on_result=shown,
            progress=progress,
        )
        for r in result.reports:
            record(
                ctx, who, "ingest_check", targets=[r.delivery_id], size=r.read, parties=[r.party]
            )
    else:
        result = guarded_store(ctx, "ingest").ingest(
            path, force=force, batch_size=s.batch_size, on_result=shown, progress=progress
        )
    counts: dict[str, int] = {}
    for r in result.reports:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    click.echo(f"{summary or 'nothing loaded'}; {len(result.refused)} refused")
    if not result.ok:
        sys.exit(1)


class _Progress:
    """Rows read so far in the current file, and the rate, on one terminal line (stderr)."""

    def __init__(self) -> None:
        self.file = ""
        self.started = time.monotonic()
        self.shown = 0.0

    def __call__(self, name: str, rows: int) -> None:
        now = time.monotonic()
        if name != self.file:
            self.file, self.started = name, now
        if now - self.shown >= 1.0:
            rate = rows / max(now - self.started, 1e-6)
            click.echo(f"\r  {name}: {rows:,} rows, {rate:,.0f} rows/s   ", nl=False, err=True)
            self.shown = now


@main.command()
@click.pass_context
@clear_errors
def counts(ctx: click.Context) -> None:
    """Count nodes per type, and the relationships you may read per type, party and legal basis.

    Example: emm --as senior counts
    """
    g = guarded_store(ctx, "search")
    for label, n in g.count_nodes().items():
        click.echo(f"node  {label:18} {n}")
    for row in sorted(g.count_edges(), key=lambda r: (r["type"], r["party"])):
        click.echo(f"edge  {row['type']:16} {row['party']:5} {row['legal_basis']:15} {row['n']}")


@main.command()
@click.option("--seed", default=1, show_default=True, help="Seed of the demo data.")
@click.option("--size", default="demo", show_default=True, help="Size of the demo data.")
@click.pass_context
@clear_errors
def demo(ctx: click.Context, seed: int, size: str) -> None:
    """Start the database, generate demo deliveries (once) and ingest them (idempotent).

    On a new installation (or one made by `emm demo`) it needs no login: it creates the demo
    users and acts as the internal principal `system`, recorded in the audit trail. On an
    installation with real users an administrator must log in.

    Example: emm demo --size small
    """
    from emm.demo import prepare_demo

    _demo_allowed(ctx)
    for line in prepare_demo(settings_of(ctx), seed=seed, size=size):
        click.echo(line)


def _demo_allowed(ctx: click.Context) -> None:
    """A demo loads synthetic data: fine on a new or demo installation, else an admin only."""
    from emm.access.session import users
    from emm.files import write_private

    s = settings_of(ctx)
    check_permissions(s)
    ctx.obj["audited"] = True
    marker = s.data_dir / "DEMO"
    if marker.exists():
        return
    if users(s).list():
        principal(ctx, "ingest")
        return
    write_private(marker, b"made by `emm demo`: synthetic data, demo users\n")


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
    check_permissions(s)
    if not no_demo:
        _demo_allowed(ctx)
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
