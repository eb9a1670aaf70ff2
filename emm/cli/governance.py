"""``emm retention``, ``subject``, ``party``, ``audit``: the covenant's governance (art. 7-10, 14)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from emm.cli.base import (
    F,
    clear_errors,
    guarded_store,
    main,
    open_data_store,
    principal,
    record,
    settings_of,
)

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
    g = guarded_store(ctx, "retention_plan")
    click.echo(json.dumps(g.privacy.retention_plan(_as_of(as_of)), indent=2, ensure_ascii=False))


@retention.command("apply")
@click.option("--as-of", default=None, help="Remove what expired by this date [default: today].")
@click.option("--yes", is_flag=True, help="Really remove.")
@click.pass_context
@clear_errors
def retention_apply(ctx: click.Context, as_of: str | None, yes: bool) -> None:
    """Remove expired data in batches (idempotent) and write a report without personal data.

    Example: emm --as privacy retention apply --yes
    """
    if not yes:
        raise click.ClickException("refusing without --yes (see `emm retention plan` first)")
    g = guarded_store(ctx, "retention_apply")
    report = g.privacy.retention_apply(_as_of(as_of))
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


def _subjects(g: Any, bsn: str | None, name: str | None, birth_date: str | None) -> Any:
    return g.privacy.find_subject(bsn=bsn, name=name, birth_date=birth_date)


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
    g = guarded_store(ctx, "subject_request")
    refuse: dict[str, list[str]] = {}
    for item in refusals:
        party, _, ground = item.partition(":")
        refuse.setdefault(party, []).append(ground)
    uids = _subjects(g, bsn, name, birth_date)
    outcome, answer = g.privacy.access(uids, refuse=refuse)
    text = json.dumps(answer, indent=2, ensure_ascii=False)
    if out:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
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
    g = guarded_store(ctx, "subject_request")
    o = g.privacy.rectify(_subjects(g, bsn, name, birth_date), field_name, value)
    click.echo(f"{o.request_id}: {field_name} rectified in {o.detail['records']} record(s)")


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
    if not yes:
        raise click.ClickException("refusing without --yes")
    g = guarded_store(ctx, "subject_request")
    o = g.privacy.erase(_subjects(g, bsn, name, birth_date))
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
    g = guarded_store(ctx, "subject_request")
    o = g.privacy.restrict(_subjects(g, bsn, name, birth_date), lift=lift)
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
    g = guarded_store(ctx, "subject_request")
    o = g.privacy.refuse(_subjects(g, bsn, name, birth_date), kind, list(grounds))
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
    if not yes:
        raise click.ClickException("refusing without --yes")
    g = guarded_store(ctx, "party_exit")
    report = g.privacy.party_exit(code, mode=mode, reason=reason)
    click.echo(json.dumps(report, indent=2))


# ----------------------------------------------------------------------------- audit


@main.group()
def audit() -> None:
    """The audit trail: verify it, and answer breach questions (art. 8.3).

    Example: emm --as privacy audit verify
    """


@audit.command("verify")
@click.option(
    "--anchor",
    "anchor_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="The privacy officer's anchor file (from `emm audit anchor --out`).",
)
@click.pass_context
@clear_errors
def audit_verify(ctx: click.Context, anchor_file: Path | None) -> None:
    """Check chain, signatures, key and checkpoints: shows an edited, removed, inserted or
    reordered line, a cut-off end, a rewritten or replaced trail, and a deleted one.

    Example: emm --as privacy audit verify --anchor /media/usb/emm-anchor.json
    """
    from neo4j.exceptions import ServiceUnavailable

    from emm.audit import anchors

    anchor = anchors.load_anchor(anchor_file) if anchor_file else None
    try:
        result = guarded_store(ctx, "audit_verify").privacy.audit_verify(anchor=anchor)
    except ServiceUnavailable:
        # The trail must be checkable when the database is down (after an incident, say):
        # the files and the anchor alone, without the database's checkpoints.
        from emm.access.session import audit_log, users

        who = principal(ctx, "audit_verify")
        s = settings_of(ctx)
        click.echo("(graph database not reachable: its checkpoints are not compared)")
        result = audit_log(s).verify(anchor=anchor, must_exist=bool(users(s).list()))
        record(ctx, who, "audit_verify", size=result.entries, ok=result.ok, offline=True)
    for problem in result.problems:
        click.echo(problem)
    for note in result.notes:
        click.echo(f"note: {note}")
    if result.anchored_by:
        click.echo("anchored by: " + "; ".join(result.anchored_by))
    click.echo(f"{result.entries} entries: {'intact' if result.ok else 'TAMPERED'}")
    sys.exit(0 if result.ok else 2)


@audit.command("anchor")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the anchor: a place off this machine (a USB stick, your own share).",
)
@click.pass_context
@clear_errors
def audit_anchor(ctx: click.Context, out: Path) -> None:
    """Write the trail's anchor (first key and a fresh signed checkpoint) for the privacy officer.

    Keep it off this machine; `emm audit verify --anchor FILE` then shows even a replacement
    of the whole audit folder. Take a new one now and then: it also pins the trail's length.

    Example: emm --as privacy audit anchor --out /media/usb/emm-anchor.json
    """
    from emm.access.session import audit_log
    from emm.audit import anchors
    from emm.audit.signing import fingerprint

    who = principal(ctx, "audit_anchor")
    log = audit_log(settings_of(ctx))
    record(ctx, who, "audit_anchor")  # first, so the anchor's checkpoint includes it
    data = anchors.export_anchor(log, out)
    cp = data.get("checkpoint") or {}
    click.echo(
        f"anchor of installation {data['installation']} written to {out}: "
        f"first key {fingerprint(data['genesis_key'])}, checkpoint at entry {cp.get('seq')}"
    )


@audit.command("checkpoint")
@click.pass_context
@clear_errors
def audit_checkpoint(ctx: click.Context) -> None:
    """Write a signed checkpoint of the trail to the checkpoint file and the graph database.

    Example: emm --key-file /etc/emm/audit-job.key audit checkpoint
    """
    from emm.access.session import audit_log
    from emm.audit import anchors

    who = principal(ctx, "audit_verify")
    record(ctx, who, "audit_checkpoint")
    cp = anchors.checkpoint(audit_log(settings_of(ctx)), open_data_store(ctx))
    ctx.obj["audited"] = False  # written just now
    click.echo(f"checkpoint at entry {cp['seq'] if cp else '-'}")


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
    from neo4j.exceptions import ServiceUnavailable

    try:
        g = guarded_store(ctx, "breach_report")
        result = g.privacy.breach(start=start, end=end, user=user_name, product=product)
    except ServiceUnavailable:
        if product:
            raise  # the product's parties are in the register, in the database
        # A breach report must be possible while the database is down: the trail suffices.
        from emm.access.session import audit_log

        who = principal(ctx, "breach_report")
        result = audit_log(settings_of(ctx)).touched_parties(start=start, end=end, user=user_name)
        record(
            ctx,
            who,
            "breach_report",
            size=result["entries"],
            parties=result["parties"],
            window=[start, end],
            about_user=user_name or "",
            offline=True,
        )
    click.echo(json.dumps(result, indent=2, ensure_ascii=False))
