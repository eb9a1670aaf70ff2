"""What every command shares: the ``emm`` group, settings, the acting user, clear errors.

Command modules (one per stage: :mod:`~emm.cli.db`, :mod:`~emm.cli.data`,
:mod:`~emm.cli.products`, :mod:`~emm.cli.users`, :mod:`~emm.cli.governance`) import
:data:`main` from here and add their commands to it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
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
        from emm.errors import EmmError

        try:
            return fn(*args, **kwargs)
        except (AccessDenied, AuthenticationFailed) as exc:
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
@click.option("--as", "as_user", default=None, help="The user you act as [default: $EMM_USER].")
@click.option("--purpose", default="", help="Case or request reference, for the audit trail.")
@click.pass_context
def main(ctx: click.Context, as_user: str | None, purpose: str) -> None:
    """EMM Workbench: pooled signals of five parties as one graph, with provenance on every fact.

    Commands that read or change case data act as a named user (--as or EMM_USER) whose role
    must allow it; each is written to the audit trail with --purpose.

    Example: emm demo && emm --as senior --purpose "case 2026/17" oib create --seed "de Vries"
    """
    s = settings_of(ctx)
    if as_user:
        ctx.obj["settings"] = s.with_(user_name=as_user)
    ctx.obj["purpose"] = purpose


def principal(ctx: click.Context, action: str) -> Any:
    from emm.access.session import cli_principal

    s = settings_of(ctx)
    principal = cli_principal(s, s.user_name, ctx.obj.get("purpose", ""))
    principal.require(action)
    return principal


def guarded_store(ctx: click.Context, action: str) -> Any:
    from emm.access.session import guarded
    from emm.graph.connect import open_store

    who = principal(ctx, action)
    s = settings_of(ctx)
    return guarded(open_store(s), s, who)


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
