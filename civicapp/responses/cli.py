"""`flask responses …`: periodic work on response deadlines."""

import click
from flask.cli import AppGroup

responses_cli = AppGroup("responses", help="Official answers and response deadlines.")


@responses_cli.command("check-deadlines")
def check_deadlines():
    """Signal every priority whose first answer is overdue, once each (run it hourly)."""
    from civicapp.responses.services import check_deadlines as check

    click.echo(f"overdue priorities signalled: {check()}")
