"""``emm oib ...``, ``export`` and ``analyse``: the products and the analysis behind them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from emm.cli.base import (
    clear_errors,
    edge_filter,
    filter_options,
    guarded_store,
    main,
    resolve_seeds,
    settings_of,
)


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
@filter_options
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

    s = settings_of(ctx)
    store = guarded_store(ctx, "create_oib")
    doc, files = make_oib(
        store,
        resolve_seeds(store, seeds),
        out_dir=s.data_dir / "products",
        created_by=store.principal.user,
        title=title,
        hops=hops,
        flt=edge_filter(**filters),
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
    store = guarded_store(ctx, "handover_oib")
    d = store.products.handover(
        product_id, recipient=recipient, purpose=purpose or store.principal.purpose
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
@click.option(
    "--approve",
    "approve",
    multiple=True,
    metavar="TERM=WHY",
    help="Approve a term the gate refused, for this product only, with the reason "
    "(recorded in the disclosure log with your name). Repeatable.",
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
    approve: tuple[str, ...],
) -> None:
    """Build a QS, TIB, SIB or NCP answer and export it through the gate (no personal data).

    Example: emm --as senior export tib --to POL --title "Arbeidsuitbuiting 2025"
    --phenomenon labour --narrative-file text.txt
    """
    from dataclasses import replace

    from emm.products.trends import (
        Approval,
        ExportBlocked,
        TrendTable,
        build_trend,
        export,
        prepare,
        protect,
    )

    approvals = []
    for item in approve:
        term, sep, why = item.partition("=")
        if not sep or not term.strip() or not why.strip():
            raise click.BadParameter("use --approve 'TERM=why it may stay'", param_hint="--approve")
        approvals.append(Approval(term.strip(), why.strip()))

    s = settings_of(ctx)
    action = "export_foreign" if kind.lower() == "ncp" else "export_trend"
    g = guarded_store(ctx, action)
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

    extra = [TrendTable(p.stem, pd.read_csv(p, sep=";", index_col=0)) for p in extra_tables]
    if as_is:
        # Built tables get disclosure control; the analyst's own tables go exactly as given.
        draft = replace(
            draft,
            tables=[protect(t, min_count, None) for t in draft.tables]
            + [replace(t, protected=True) for t in extra],
        )
    else:
        draft = prepare(g, replace(draft, tables=draft.tables + extra))
        for r in draft.replacements:
            click.echo(f"replaced in {r['field']}: {r['type']} -> {r['placeholder']}")
    try:
        product_id, paths = export(
            g, draft, recipient=recipient, out_dir=s.data_dir / "exports", approvals=approvals
        )
    except ExportBlocked as exc:
        for p in exc.problems:
            click.echo(f"REFUSED  {p['where']}: {p['what']}", err=True)
            if p.get("context"):
                approvable = "" if p.get("approvable") else " (cannot be approved)"
                click.echo(f"         {p['context']}{approvable}", err=True)
                click.echo(f"         {p.get('explanation', '')}", err=True)
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
@filter_options
@click.pass_context
@clear_errors
def analyse(ctx: click.Context, for_role: str | None, seed: int, **filters: Any) -> None:
    """Whole-graph analysis: components, PageRank, communities, indicators, ranked networks.

    Example: emm --as senior analyse && emm --as senior analyse --for-role analyst
    """
    g = guarded_store(ctx, "analyse")
    run = g.analysis.run(seed=seed, flt=edge_filter(**filters), for_role=for_role)
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
    click.echo(f"saved as {run.run_id}")
