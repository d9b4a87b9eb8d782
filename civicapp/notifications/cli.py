"""`flask notifications ...`: the daily digest, run by cron or by `rq cron` (see cron.py)."""

import click
from flask import current_app
from flask.cli import AppGroup

notifications_cli = AppGroup("notifications", help="Notifications and their e-mails.")


@notifications_cli.command("send-digests")
@click.option(
    "--hours", type=click.IntRange(1, 168), default=24, show_default=True, help="Look back."
)
def send_digests(hours):
    """E-mail daily-digest users what they have not been e-mailed yet (safe to run again).

    Run it once a day, e.g. from cron: `0 7 * * * cd /srv/civicapp && .venv/bin/flask --app wsgi
    notifications send-digests`. Outside requests, links need CIVICAPP_SERVER_NAME (and
    CIVICAPP_PREFERRED_URL_SCHEME=https) to be set.
    """
    from datetime import timedelta

    from civicapp.notifications.emails import send_daily_digests

    if not current_app.config.get("SERVER_NAME"):
        click.echo(
            "Error: set CIVICAPP_SERVER_NAME so that e-mails can link to the site.", err=True
        )
        raise SystemExit(2)
    sent = send_daily_digests(window=timedelta(hours=hours))
    click.echo(f"daily digests sent: {sent}")
