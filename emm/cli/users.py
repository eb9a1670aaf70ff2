"""``emm user ...``: the users of the workbench (art. 8.1)."""

from __future__ import annotations

import click

from emm.cli.base import (
    clear_errors,
    main,
    principal,
    settings_of,
)

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

    s = settings_of(ctx)
    if users(s).list():
        principal(ctx, "manage_users")
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

    principal(ctx, "manage_users")
    for u in users(settings_of(ctx)).list():
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

    principal(ctx, "manage_users")
    users(settings_of(ctx)).disable(name)
    click.echo(f"user {name} disabled")
