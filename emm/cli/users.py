"""``emm login``, ``logout``, ``passwd`` and ``emm user ...``: who may use the workbench (art. 8.1).

User management needs an administrator's login; adding an administrator or a privacy officer
and changing a role also need the administrator's password again and the user's name typed a
second time. An existing account is never replaced. Every change is audited.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from emm.cli.base import (
    acting,
    authenticated,
    clear_errors,
    main,
    principal,
    record,
    settings_of,
    step_up,
)

PRIVILEGED = ("administrator", "privacy_officer")


def _new_password(name: str) -> str:
    from emm.access.passwords import problems

    while True:
        password: str = click.prompt(
            f"New password for {name}", hide_input=True, confirmation_prompt=True, err=True
        )
        found = problems(password, name)
        if not found:
            return password
        click.echo("; ".join(found), err=True)
        if not sys.stdin.isatty():
            raise click.ClickException("password refused: " + "; ".join(found))


def _confirm_name(name: str) -> None:
    typed = click.prompt(f"Type the user name {name} to confirm", err=True)
    if typed != name:
        raise click.ClickException("not confirmed: the name typed does not match")


# ----------------------------------------------------------------------------- sessions


@main.command()
@click.option("--as", "login_as", default=None, help="The user to log in as (asked when absent).")
@click.pass_context
@clear_errors
def login(ctx: click.Context, login_as: str | None) -> None:
    """Log in once for the next commands (a session token, 0600, ends after 30 idle minutes).

    Example: emm login --as jdevries
    """
    from emm.access import auth
    from emm.cli.base import check_permissions

    s = settings_of(ctx)
    name = login_as or s.user_name or click.prompt("User name", err=True)
    check_permissions(s)
    ctx.obj["audited"] = True
    password = click.prompt(f"Password for {name}", hide_input=True, err=True)
    user = auth.login(s, name, password, purpose=ctx.obj.get("purpose", ""))
    session = auth.open_session(s, user)
    path = auth.save_token(s, session)
    click.echo(f"logged in as {user.name} ({user.role}) until {session.expires[:16]} at most")
    click.echo(f"session token in {path}")


@main.command()
@click.pass_context
@clear_errors
def logout(ctx: click.Context) -> None:
    """End your CLI session and delete its token.

    Example: emm logout
    """
    from emm.access import auth

    s = settings_of(ctx)
    token = auth.read_token(s)
    name = auth.close_session(s, token) if token else None
    auth.forget_token(s)
    if name is None:
        click.echo("no session was open")
        return
    user = auth.users(s).find(name)
    if user is not None:
        record(ctx, user.principal(ctx.obj.get("purpose", "")), "logout", channel="cli")
    click.echo(f"logged out {name}")


@main.command()
@click.pass_context
@clear_errors
def passwd(ctx: click.Context) -> None:
    """Change your own password (asks the current one first); ends your other sessions.

    Example: emm --as jdevries passwd
    """
    from emm.access import auth

    s = settings_of(ctx)
    user = authenticated(ctx)
    step_up(ctx, "changing your password")
    auth.users(s).set_password(user.name, _new_password(user.name))
    ended = auth.revoke_user(s, user.name)
    record(ctx, acting(ctx), "password_change", user_name=user.name, sessions_ended=ended)
    auth.forget_token(s)
    click.echo(f"password of {user.name} changed; log in again")


# ----------------------------------------------------------------------------- users


@main.group()
def user() -> None:
    """Users of the workbench: name, role, affiliation (art. 8.1). Needs an administrator.

    Example: emm --as admin user add jdevries --role analyst --affiliation ISZW
    """


@user.command("add")
@click.argument("name")
@click.option(
    "--role", required=True, help="analyst, senior_analyst, privacy_officer, administrator"
)
@click.option("--affiliation", required=True, help="The party the user comes from.")
@click.pass_context
@clear_errors
def user_add(ctx: click.Context, name: str, role: str, affiliation: str) -> None:
    """Add a user (asks the new user's password twice); an existing name is refused.

    The very first user of an installation must be an administrator and needs no login.
    Adding an administrator or privacy officer asks your password again.

    Example: emm --as admin user add jdevries --role analyst --affiliation ISZW
    """
    from emm.access.policy import Principal
    from emm.access.session import users
    from emm.access.users import validate_name

    s = settings_of(ctx)
    store = users(s)
    validate_name(name)
    Principal(name, role, affiliation)  # a wrong role or party fails before any prompt
    if store.find(name) is not None:
        raise click.ClickException(
            f"user {name} exists already; an account is never replaced "
            "(change a role with `emm user role`)"
        )
    if store.list():
        who = principal(ctx, "manage_users")
        if role in PRIVILEGED:
            step_up(ctx, f"adding a {role.replace('_', ' ')}")
            _confirm_name(name)
    else:
        from emm.cli.base import check_permissions

        if role != "administrator":
            raise click.ClickException("the first user of an installation must be an administrator")
        check_permissions(s)
        who = Principal(name, role, affiliation, ctx.obj.get("purpose", ""))
    u = store.add(name, role=role, affiliation=affiliation, password=_new_password(name))
    record(
        ctx,
        who,
        "user_add",
        targets=[name],
        user_name=name,
        new_role=role,
        affiliation=affiliation,
        bootstrap=who.user == name,
    )
    click.echo(f"user {u.name}: {u.role} ({u.affiliation})")


@user.command("add-service")
@click.argument("name")
@click.option("--role", required=True, help="The role the scheduler needs, e.g. privacy_officer.")
@click.option("--affiliation", required=True, help="The party responsible for the job.")
@click.option(
    "--key-file",
    "key_out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the new key file (0600; must not exist).",
)
@click.pass_context
@clear_errors
def user_add_service(
    ctx: click.Context, name: str, role: str, affiliation: str, key_out: Path
) -> None:
    """Add a service account for a scheduler; its secret goes only into the key file.

    Example: emm --as admin user add-service retention-job --role privacy_officer
    --affiliation POL --key-file /etc/emm/retention-job.key
    """
    from emm.access import auth
    from emm.access.session import users

    who = principal(ctx, "manage_users")
    step_up(ctx, "adding a service account")
    if key_out.exists():
        raise click.ClickException(f"{key_out} exists; a key file is never overwritten")
    secret = auth.new_service_secret()
    u = users(settings_of(ctx)).add(
        name, role=role, affiliation=affiliation, password=secret, kind="service"
    )
    auth.write_key_file(key_out, name, secret)
    record(ctx, who, "user_add", targets=[name], user_name=name, new_role=role, kind="service")
    click.echo(f"service account {u.name}: {u.role} ({u.affiliation}); key in {key_out}")


@user.command("role")
@click.argument("name")
@click.option("--role", "new_role", required=True, help="The new role.")
@click.pass_context
@clear_errors
def user_role(ctx: click.Context, name: str, new_role: str) -> None:
    """Change a user's role: asks your password again and the user's name typed twice.

    Example: emm --as admin user role jdevries --role senior_analyst
    """
    from emm.access import auth
    from emm.access.session import users

    s = settings_of(ctx)
    who = principal(ctx, "manage_users")
    store = users(s)
    current = store.find(name)
    if current is None:
        raise click.ClickException(f"no user {name}")
    if name == who.user:
        raise click.ClickException("you cannot change your own role")
    if current.role == new_role:
        raise click.ClickException(f"{name} is {new_role} already")
    if current.role == "administrator" and _last_admin(store, name):
        raise click.ClickException(f"{name} is the last active administrator")
    step_up(ctx, f"changing the role of {name}")
    _confirm_name(name)
    store.set_role(name, new_role)
    ended = auth.revoke_user(s, name)
    record(
        ctx,
        who,
        "user_role",
        targets=[name],
        user_name=name,
        old_role=current.role,
        new_role=new_role,
        sessions_ended=ended,
    )
    click.echo(f"user {name}: {current.role} -> {new_role}")


def _last_admin(store: object, name: str) -> bool:
    others = [
        u
        for u in store.list()  # type: ignore[attr-defined]
        if u.role == "administrator" and not u.disabled and u.name != name
    ]
    return not others


@user.command("list")
@click.pass_context
@clear_errors
def user_list(ctx: click.Context) -> None:
    """List users and their roles.

    Example: emm --as admin user list
    """
    from emm.access.session import users

    who = principal(ctx, "manage_users")
    found = users(settings_of(ctx)).list()
    record(ctx, who, "user_list", size=len(found))
    for u in found:
        state = "disabled" if u.disabled else ""
        click.echo(f"{u.name:16} {u.role:16} {u.affiliation:5} {u.kind:8} {state}")


@user.command("disable")
@click.argument("name")
@click.pass_context
@clear_errors
def user_disable(ctx: click.Context, name: str) -> None:
    """Disable a user (kept for the audit trail); ends their sessions.

    Example: emm --as admin user disable jdevries
    """
    from emm.access import auth
    from emm.access.session import users

    s = settings_of(ctx)
    who = principal(ctx, "manage_users")
    store = users(s)
    target = store.find(name)
    if target is None:
        raise click.ClickException(f"no user {name}")
    if name == who.user:
        raise click.ClickException("you cannot disable yourself")
    if target.role == "administrator" and _last_admin(store, name):
        raise click.ClickException(f"{name} is the last active administrator")
    store.disable(name)
    ended = auth.revoke_user(s, name)
    record(ctx, who, "user_disable", targets=[name], user_name=name, sessions_ended=ended)
    click.echo(f"user {name} disabled")


@user.command("enable")
@click.argument("name")
@click.pass_context
@clear_errors
def user_enable(ctx: click.Context, name: str) -> None:
    """Enable a disabled user again.

    Example: emm --as admin user enable jdevries
    """
    from emm.access.session import users

    who = principal(ctx, "manage_users")
    store = users(settings_of(ctx))
    if store.find(name) is None:
        raise click.ClickException(f"no user {name}")
    store.enable(name)
    record(ctx, who, "user_enable", targets=[name], user_name=name)
    click.echo(f"user {name} enabled")


@user.command("unlock")
@click.argument("name")
@click.pass_context
@clear_errors
def user_unlock(ctx: click.Context, name: str) -> None:
    """Lift the lock after too many failed logins.

    Example: emm --as admin user unlock jdevries
    """
    from emm.access import auth

    who = principal(ctx, "manage_users")
    lifted = auth.lockout(settings_of(ctx)).unlock(name)
    record(ctx, who, "user_unlock", targets=[name], user_name=name, was_locked=lifted)
    click.echo(f"user {name}: {'unlocked' if lifted else 'was not locked'}")
