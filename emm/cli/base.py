"""What every command shares: the ``emm`` group, settings, the acting user, clear errors.

Command modules (one per stage: :mod:`~emm.cli.db`, :mod:`~emm.cli.data`,
:mod:`~emm.cli.products`, :mod:`~emm.cli.users`, :mod:`~emm.cli.governance`) import
:data:`main` from here and add their commands to it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from emm import settings as settings_mod
from emm.files import UMASK
from emm.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def clear_errors(fn: F) -> F:
    """Turn the library's expected errors into a one-line message and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        from emm.access import AccessDenied, AuthenticationFailed
        from emm.access.lockout import LockedOut
        from emm.errors import EmmError

        try:
            return fn(*args, **kwargs)
        except (AccessDenied, AuthenticationFailed, LockedOut) as exc:
            raise click.ClickException(f"not allowed: {exc}") from None
        except EmmError as exc:
            raise click.ClickException(str(exc)) from None
        except ServiceUnavailable as exc:
            raise click.ClickException(
                f"The graph database cannot be reached ({type(exc).__name__}); "
                "start it with `emm db start` or check EMM_NEO4J_URI."
            ) from None
        except Neo4jError as exc:
            raise click.ClickException(f"Database error {exc.code}") from None

    return wrapper  # type: ignore[return-value]


def settings_of(ctx: click.Context) -> Settings:
    return ctx.ensure_object(dict).setdefault("settings", settings_mod.load())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--as",
    "as_user",
    default=None,
    help="Log in as this user for this command (asks the password) [default: $EMM_USER].",
)
@click.option("--purpose", default="", help="Case or request reference, for the audit trail.")
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A service account's key file, for schedulers [default: $EMM_KEY_FILE].",
)
@click.pass_context
def main(ctx: click.Context, as_user: str | None, purpose: str, key_file: Path | None) -> None:
    """EMM Workbench: pooled signals of five parties as one graph, with provenance on every fact.

    Commands that read or change case data need a logged-in user whose role allows it: `emm
    login` once (a session of 30 idle minutes), or --as NAME to be asked the password for one
    command, or --key-file for a scheduler's service account. Everything is written to the
    audit trail with --purpose.

    Example: emm demo && emm login --as senior && emm --purpose "case 2026/17" oib create --seed "de Vries"
    """
    s = settings_of(ctx)
    if as_user:
        s = s.with_(user_name=as_user)
    if key_file:
        s = s.with_(key_file=key_file)
    ctx.obj["settings"] = s
    ctx.obj["purpose"] = purpose
    # Everything this command creates is owner-only; the caller's umask comes back after it.
    old_umask = os.umask(UMASK)
    ctx.call_on_close(lambda: os.umask(old_umask))
    ctx.call_on_close(lambda: _checkpoint(ctx))


def _checkpoint(ctx: click.Context) -> None:
    """After a command that wrote to the audit trail: a signed checkpoint to the checkpoint
    file and, when the command used the graph database, to the database (a second place)."""
    from emm.access.session import audit_log
    from emm.audit import anchors

    if not ctx.obj.get("audited"):
        return
    s = settings_of(ctx)
    store = ctx.obj.get("store")
    try:
        anchors.checkpoint(audit_log(s), store)
    except Exception as exc:  # noqa: BLE001 - the command itself is done; say so, do not fail
        click.echo(f"warning: audit checkpoint not written ({type(exc).__name__})", err=True)


def check_permissions(settings: Settings) -> None:
    """Refuse to run on a data directory (or cache) that other users can read or write."""
    from emm.files import check_data_dir

    extra: dict[Path, str] = {}
    if settings.cache_dir_override is not None:
        extra[settings.cache_dir] = "no_foreign_write"
    if settings.audit_checkpoints is not None:
        extra[settings.audit_checkpoints] = "private"
    check_data_dir(settings.data_dir, extra)


def authenticated(ctx: click.Context) -> Any:
    """The user this command acts for, proven by a key file, a session token or a password.

    ``--as`` names a user; it is never proof on its own: without a live session of that user
    the password is asked (hidden, never on the command line).
    """
    from emm.access import auth

    obj = ctx.ensure_object(dict)
    if "user" in obj:
        return obj["user"]
    s = settings_of(ctx)
    check_permissions(s)
    purpose = obj.get("purpose", "")
    obj["audited"] = True  # a login, a failure or the action itself: checkpoint afterwards
    user = None
    if s.key_file is not None:
        user = auth.login_with_key(s, s.key_file, purpose=purpose)
    else:
        token = auth.read_token(s)
        if token is not None:
            try:
                found = auth.resume(s, token)
            except auth.SessionExpired:
                auth.forget_token(s)
                if not s.user_name:
                    raise
            else:
                if not s.user_name or s.user_name == found.name:
                    user = found
        if user is None:
            if not s.user_name:
                raise click.ClickException(
                    "log in first: `emm login` (or --as NAME to be asked your password; "
                    "a scheduler uses --key-file)"
                )
            password = click.prompt(f"Password for {s.user_name}", hide_input=True, err=True)
            user = auth.login(s, s.user_name, password, channel="cli", purpose=purpose)
    obj["user"] = user
    return user


def step_up(ctx: click.Context, reason: str) -> None:
    """Ask the acting user's password again, even inside a session (for user management)."""
    from emm.access import auth

    user = authenticated(ctx)
    if user.kind != "person":
        raise click.ClickException(f"{reason} needs a person's password, not a service key")
    password = click.prompt(
        f"{reason}: your password again ({user.name})", hide_input=True, err=True
    )
    auth.login(settings_of(ctx), user.name, password, channel="cli-confirm")


def acting(ctx: click.Context) -> Any:
    """The authenticated user's principal with this command's purpose."""
    return authenticated(ctx).principal(ctx.obj.get("purpose", ""))


def principal(ctx: click.Context, action: str) -> Any:
    who = acting(ctx)
    who.require(action)
    return who


def record(ctx: click.Context, who: Any, action: str, **kw: Any) -> None:
    """One audit entry for a command (``targets``, ``size``, ``parties``; the rest is detail)."""
    from emm.access.session import audit_log

    targets = kw.pop("targets", ())
    size = kw.pop("size", 0)
    parties = kw.pop("parties", ())
    ctx.ensure_object(dict)["audited"] = True
    audit_log(settings_of(ctx)).append(
        user=who.user,
        role=who.role,
        action=action,
        purpose=who.purpose,
        targets=targets,
        result_size=size,
        parties=parties,
        detail=kw,
    )


def open_data_store(ctx: click.Context) -> Any:
    """The raw store, for commands that already checked the principal's right."""
    from emm.graph.connect import open_store

    if "store" not in ctx.obj:
        ctx.obj["store"] = open_store(settings_of(ctx))
    return ctx.obj["store"]


def guarded_store(ctx: click.Context, action: str) -> Any:
    from emm.access.session import guarded

    who = principal(ctx, action)
    return guarded(open_data_store(ctx), settings_of(ctx), who)


# ----------------------------------------------------------------------------- products


def filter_options(fn: F) -> F:
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


def edge_filter(
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


def resolve_seeds(store: Any, queries: tuple[str, ...]) -> list[str]:
    uids: list[str] = []
    for q in queries:
        found = store.find(q, limit=2)
        if not found:
            raise click.ClickException(f"seed {q!r}: no entity found")
        if len(found) > 1 and found[0].label == found[1].label:
            raise click.ClickException(f"seed {q!r}: more than one entity matches; be specific")
        uids.append(found[0].uid)
    return uids
