"""Template globals: policies, the language switch, localized formatting."""

import inspect

from flask import has_request_context, request, url_for
from flask_babel import format_date, format_datetime, format_decimal
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from civicapp.i18n import (
    HTML_LANG,
    LOCALE_NAMES,
    LOCALES,
    current_locale,
    in_reader_script,
    language_label,
)


def collect_policies() -> dict:
    """Every `can_*` function of every feature's policies module, by name."""
    from civicapp import feature_modules

    policies = {}
    for module in feature_modules("policies"):
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("can_") and func.__module__ == module.__name__:
                if name in policies:
                    raise RuntimeError(f"two features define the policy {name}")
                policies[name] = func
    return policies


def register_template_helpers(app) -> None:
    app.jinja_env.globals.update(collect_policies())
    app.jinja_env.globals["page_url"] = page_url
    app.jinja_env.globals["language_label"] = language_label
    app.jinja_env.globals.update(LOCALES=LOCALES, LOCALE_NAMES=LOCALE_NAMES, HTML_LANG=HTML_LANG)
    app.jinja_env.filters.update(
        reader_script=in_reader_script,
        date=lambda value, fmt="medium": format_date(value, fmt) if value else "",
        datetime=lambda value, fmt="medium": format_datetime(value, fmt) if value else "",
        number=lambda value: format_decimal(value) if value is not None else "",
    )

    @app.context_processor
    def page_context():
        locale = current_locale()
        return {
            "current_locale": locale,
            "html_lang": HTML_LANG[locale],
            "return_path": request.full_path.rstrip("?") if has_request_context() else "/",
            "action_form": CSRF_ONLY,
        }


def page_url(page: int) -> str:
    """This page's URL with another page number; url_for's own `_` options never come from
    the query string (`?_external=1` or `?_method=POST` would change or break the link)."""
    args = {k: v for k, v in request.args.items() if not k.startswith("_") and k != "page"}
    return url_for(request.endpoint, **(request.view_args or {}), **args, page=page)


class _CsrfOnlyForm:
    """What a button-only form needs in a template: the hidden CSRF input, nothing more.

    Building a FlaskForm for every page's sign-out and language buttons cost more than the
    rest of a small page; the token itself is generated once per request by Flask-WTF.
    """

    @property
    def csrf_token(self) -> Markup:
        return Markup('<input type="hidden" name="csrf_token" value="%s">') % generate_csrf()


CSRF_ONLY = _CsrfOnlyForm()
