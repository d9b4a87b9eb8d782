"""The home page's sections: features register them, so the core names none of them."""

from collections.abc import Callable

from flask import render_template
from markupsafe import Markup

_SECTIONS: list[tuple[str, Callable[[], dict]]] = []


def home_section(template: str):
    """Register a function that gives the context of a home page section drawn by `template`."""

    def register(context: Callable[[], dict]) -> Callable[[], dict]:
        _SECTIONS.append((template, context))
        return context

    return register


def render_sections() -> list[Markup]:
    """Each registered section, drawn, in the order of the feature list."""
    return [Markup(render_template(template, **context())) for template, context in _SECTIONS]
