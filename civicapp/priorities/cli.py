"""`flask priorities ...` commands."""

import click

from civicapp.priorities import bp


@bp.cli.command("recount")
def recount():
    """Recompute the counters on priorities from their rows (a no-op on consistent data)."""
    from civicapp.priorities.services import recount_all

    for name, changed in recount_all().items():
        click.echo(f"{name}: {changed} priorities changed")
