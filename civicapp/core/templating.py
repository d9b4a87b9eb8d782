"""Template globals: policies, the language switch, localized formatting."""

import inspect
from functools import lru_cache

from flask import has_request_context, request, url_for
from flask_babel import format_date, format_datetime, format_decimal, get_translations
from flask_wtf.csrf import generate_csrf
from jinja2 import pass_context, pass_eval_context
from markupsafe import Markup

from civicapp.cache import CSRF_HOLE, cached_fragment
from civicapp.i18n import (
    HTML_LANG,
    LOCALE_NAMES,
    LOCALES,
    current_locale,
    in_reader_script,
    language_label,
)


def collect_policies(modules) -> dict:
    """Every `can_*` function of the features' policies modules, by name."""
    policies = {}
    for module in modules:
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("can_") and func.__module__ == module.__name__:
                if name in policies:
                    raise RuntimeError(f"two features define the policy {name}")
                policies[name] = func
    return policies


def register_template_helpers(app, policy_modules) -> None:
    """Give templates the features' policies (the factory passes them in), formats, helpers."""
    app.jinja_env.globals.update(collect_policies(policy_modules))
    app.jinja_env.globals["page_url"] = page_url
    app.jinja_env.globals["cached_include"] = cached_include
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
            **bound_gettext(get_translations()),
        }


@lru_cache(maxsize=32)
def bound_gettext(translations) -> dict:
    """Jinja's gettext, `_` and ngettext bound to one catalog (Flask-Babel caches one per locale).

    Flask-Babel's own callables look the request's domain, locale and catalog up again for
    every string, which was a large share of rendering a page; a template's context gets
    these once per render instead, still inside any force_locale(). Same contract as Jinja's
    newstyle gettext: the message is always %-formatted, and Markup when autoescaping.
    """

    @pass_eval_context
    def gettext(eval_ctx, string: str, **variables):
        text = translations.ugettext(string)
        return (Markup(text) if eval_ctx.autoescape else text) % variables

    @pass_eval_context
    def ngettext(eval_ctx, singular: str, plural: str, num: int, **variables):
        variables.setdefault("num", num)
        text = translations.ungettext(singular, plural, num)
        return (Markup(text) if eval_ctx.autoescape else text) % variables

    return {"gettext": gettext, "_": gettext, "ngettext": ngettext}


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

    def __init__(self, token=generate_csrf):
        self._token = token

    @property
    def csrf_token(self) -> Markup:
        return Markup('<input type="hidden" name="csrf_token" value="%s">') % self._token()


CSRF_ONLY = _CsrfOnlyForm()
# Renders a hole where the token goes, so a cached fragment holds no reader's token.
CSRF_HOLE_FORM = _CsrfOnlyForm(lambda: Markup(CSRF_HOLE))


@pass_context
def cached_include(context, name: str, *key) -> Markup:
    """Include the template `name` rendered once per content generation, locale and key.

    For parts of every page such as the header; `key` must hold all the template shows that
    depends on the reader. Its CSRF tokens (from `action_form`) are the reader's own.
    """

    def render() -> str:
        template = context.environment.get_template(name)
        return template.render(context.get_all() | {"action_form": CSRF_HOLE_FORM})

    html = cached_fragment(("include", name, *key), render)
    return Markup(html.replace(CSRF_HOLE, generate_csrf())) if CSRF_HOLE in html else html
