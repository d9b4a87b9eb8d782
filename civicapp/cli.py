"""Command-line groups registered by the factory; each command calls a service."""

import os
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from civicapp.exceptions import DomainError

users_cli = AppGroup("users", help="Manage accounts.")
municipalities_cli = AppGroup("municipalities", help="Municipality data.")
demo_cli = AppGroup("demo", help="Demo content.")
jobs_cli = AppGroup("jobs", help="Background jobs.")


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)


@users_cli.command("create-admin")
@click.argument("email")
@click.option("--name", default=None, help="Display name.")
def create_admin(email, name):
    """Create a platform admin (password from CIVICAPP_ADMIN_PASSWORD or a prompt)."""
    from civicapp.accounts.services import create_admin as create

    password = os.environ.get("CIVICAPP_ADMIN_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    try:
        user = create(email, password, name)
    except DomainError as error:
        _fail(error.message)
    click.echo(f"{user.email} is a platform admin. They set up two-factor sign-in at first login.")


@users_cli.command("assign-staff")
@click.argument("email")
@click.argument("municipality_slug")
def assign_staff(email, municipality_slug):
    """Make an account staff of a municipality."""
    from civicapp.accounts.services import find_user_by_email
    from civicapp.admin.services import assign_staff as assign
    from civicapp.municipalities.services import get_municipality_by_slug

    user = find_user_by_email(email)
    if user is None:
        _fail(f"no account with the e-mail address {email!r}")
    municipality = get_municipality_by_slug(municipality_slug)
    if municipality is None:
        _fail(f"no municipality with the slug {municipality_slug!r} (see /municipalities)")
    assign(None, user, municipality)
    click.echo(f"{user.email} is staff of {municipality.name_en}.")


@municipalities_cli.command("load")
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False), default=None)
def load(path):
    """Load or update the municipalities (safe to run again)."""
    from pathlib import Path

    from civicapp.municipalities.services import DATA_FILE, load_municipalities

    try:
        result = load_municipalities(Path(path) if path else DATA_FILE)
    except DomainError as error:
        _fail(error.message)
    click.echo(
        f"municipalities: {result.created} created, {result.updated} updated, "
        f"{result.unchanged} unchanged"
    )


@demo_cli.command("seed")
@click.option("--scale", type=click.IntRange(1, 10_000), default=1, show_default=True)
def seed(scale):
    """Add demo content once (accounts for every role and more); larger scales add more."""
    from civicapp.demo.services import seed_demo

    # Mail that seeding triggers links to the site; outside a request it needs an address.
    base_url = os.environ.get("CIVICAPP_PUBLIC_URL", "http://127.0.0.1:5000")
    with current_app.test_request_context(base_url=base_url):
        for line in seed_demo(scale):
            click.echo(line)


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
def worker(burst):
    """Run an RQ worker for the job queue (needs CIVICAPP_REDIS_URL)."""
    from civicapp.jobs import run_worker

    try:
        run_worker(current_app, burst=burst)
    except RuntimeError as error:
        _fail(str(error))


def register_commands(app) -> None:
    from civicapp.notifications.cli import notifications_cli
    from civicapp.responses.cli import responses_cli

    for group in (
        users_cli,
        municipalities_cli,
        demo_cli,
        jobs_cli,
        responses_cli,
        notifications_cli,
    ):
        app.cli.add_command(group)
