"""Query string parameters of the API, read strictly from the mapping a view hands over: a
value the API does not understand, or a name it does not know, is a 400 that names it."""

import re
from enum import StrEnum

from flask_babel import gettext as _
from flask_babel import ngettext

from civicapp.exceptions import DomainError
from civicapp.municipalities.models import Municipality
from civicapp.municipalities.services import get_municipality_by_slug
from civicapp.priorities import queries as priority_queries

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = priority_queries.MAX_PAGE
MAX_ID = priority_queries.MAX_ID
ORGANISATION_SLUG = re.compile(r"[a-z0-9-]{1,80}")
NAME_SHOWN = 40  # characters of an unknown parameter's name that its error repeats


class BadParameter(DomainError):
    """A query string parameter the API does not understand; `field` names it."""


def refuse_unknown(args, known: frozenset[str]) -> None:
    """Refuse parameters the endpoint does not take, named in the order they were given."""
    unknown = list(dict.fromkeys(name[:NAME_SHOWN] for name in args if name not in known))
    if not unknown:
        return
    message = ngettext(
        "The parameter %(names)s is not known here; this address takes: %(known)s.",
        "The parameters %(names)s are not known here; this address takes: %(known)s.",
        len(unknown),
        names=", ".join(unknown),
        known=", ".join(sorted(known)) or "-",
    )
    raise BadParameter(message, unknown[0])


def whole_number_error(name: str, high: int, low: int = 1) -> BadParameter:
    message = _(
        "The parameter %(name)s must be a whole number from %(low)s to %(high)s.",
        name=name,
        low=low,
        high=high,
    )
    return BadParameter(message, name)


def one_of_error(name: str, values) -> BadParameter:
    message = _(
        "The parameter %(name)s must be one of: %(values)s.", name=name, values=", ".join(values)
    )
    return BadParameter(message, name)


def unknown_municipality_error(name: str) -> BadParameter:
    message = _("The parameter %(name)s names no municipality: give the slug of one.", name=name)
    return BadParameter(message, name)


def enum_arg(args, name: str, enum_cls: type[StrEnum]) -> StrEnum | None:
    """The member named by the parameter, None when it is absent."""
    raw = choice_arg(args, name, [member.value for member in enum_cls])
    return None if raw is None else enum_cls(raw)


def choice_arg(args, name: str, values) -> str | None:
    raw = args.get(name)
    if raw is not None and raw not in values:
        raise one_of_error(name, values)
    return raw


def municipality_arg(args, name: str = "municipality") -> Municipality | None:
    """The municipality whose slug the parameter gives, None when it is absent."""
    raw = args.get(name)
    if raw is None:
        return None
    municipality = get_municipality_by_slug(raw[:64])
    if municipality is None:
        raise unknown_municipality_error(name)
    return municipality


def number_arg(args, name: str, low: int, high: int) -> int | None:
    """The whole number the parameter gives, None when it is absent."""
    raw = args.get(name)
    if raw is None:
        return None
    value = priority_queries.positive_int(raw, high)
    if value is None or value < low:
        raise whole_number_error(name, high, low)
    return value


def organisation_arg(args, name: str = "organisation") -> str | None:
    """The organisation slug the parameter gives, None when it is absent."""
    raw = args.get(name)
    if raw is not None and not ORGANISATION_SLUG.fullmatch(raw):
        message = _(
            "The parameter %(name)s must be an organisation's slug: small letters, digits "
            "and hyphens.",
            name=name,
        )
        raise BadParameter(message, name)
    return raw


def page_args(args) -> tuple[int, int]:
    """The `page` and `per_page` asked for, checked."""
    number = number_arg(args, "page", 1, MAX_PAGE)
    size = number_arg(args, "per_page", 1, MAX_PER_PAGE)
    return number or 1, size or DEFAULT_PER_PAGE
