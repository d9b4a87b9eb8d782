"""Outgoing mail: rendered in the recipient's language, sent by a job through SMTP or the outbox."""

import logging
import smtplib
import uuid
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

from civicapp import jobs
from civicapp.db import utcnow

log = logging.getLogger(__name__)


def send_mail(to: str, template: str, locale: str, **context) -> None:
    """Render templates/mail/<template>.txt in `locale` and queue it for delivery after commit."""
    with force_locale(locale):
        body = render_template(f"mail/{template}.txt", **context)
    subject, _, text = body.partition("\n")
    jobs.enqueue(deliver_mail, to=to, subject=subject.strip(), text=text.lstrip("\n"))


def deliver_mail(to: str, subject: str, text: str, headers: dict | None = None) -> None:
    """Deliver one message by SMTP when configured, else write it to instance/outbox/."""
    config = current_app.config
    # Long non-ASCII subjects lose the space at a fold with the default 78-column policy.
    message = EmailMessage(policy=policy.default.clone(max_line_length=998))
    message["From"] = config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="civicapp.local")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text)
    if config.get("SMTP_HOST"):
        _send_smtp(message, config)
        return
    outbox = Path(current_app.instance_path) / "outbox"
    outbox.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%f")
    path = outbox / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(bytes(message))
    log.info("mail to %s written to %s", to, path)


def _send_smtp(message: EmailMessage, config) -> None:
    with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=30) as smtp:
        if config.get("SMTP_STARTTLS"):
            smtp.starttls()
        if config.get("SMTP_USERNAME"):
            smtp.login(config["SMTP_USERNAME"], config["SMTP_PASSWORD"])
        smtp.send_message(message)


def outbox_messages(instance_path: str) -> list[Path]:
    """The outbox's messages, oldest first."""
    outbox = Path(instance_path) / "outbox"
    return sorted(outbox.glob("*.eml")) if outbox.exists() else []
