"""One declaration per object of the API, from which come both its JSON and its JSON Schema."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from flask import url_for

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
COUNT = {"type": "integer", "minimum": 0}
BOOLEAN = {"type": "boolean"}
URL = {"type": "string", "format": "uri"}
TIME = {"type": "string", "format": "date-time"}
DATE = {"type": "string", "format": "date"}
SHARE = {"type": "number", "minimum": 0, "maximum": 1}
CENT = Decimal("0.01")


def enum_of(values) -> dict:
    """A string that is one of the values (or of the members of a StrEnum)."""
    return {"type": "string", "enum": [getattr(value, "value", value) for value in values]}


def nullable(schema: dict) -> dict:
    return schema | {"nullable": True}


def described(schema: dict, description: str) -> dict:
    return schema | {"description": description}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict) -> dict:
    """An object with exactly these properties, every one of them always present."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }


def iso(value: datetime | None) -> str | None:
    """An aware datetime as ISO 8601 in UTC, to the second."""
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def money(amount) -> str:
    """An amount as a decimal string with two decimals: "15000.50"."""
    return str(Decimal(amount or 0).quantize(CENT))


def _same(value):
    return value


@dataclass(frozen=True)
class Field:
    """One key of an object: its schema, where its value comes from and how it is written.

    `read` takes the object (None: the attribute named as the key); `write` turns what was
    read, or what the caller gave, into JSON.
    """

    schema: dict
    read: Callable[[Any], Any] | None = None
    write: Callable[[Any], Any] = _same


def field(schema, read=None, write=_same, *, null=False, doc=None) -> Field:
    """A field whose schema is made nullable and described as asked."""
    schema = nullable(schema) if null else schema
    return Field(described(schema, doc) if doc else schema, read, write)


def text(read=None, **options) -> Field:
    return field(STRING, read, **options)


def optional_text(read=None, doc=None) -> Field:
    """Text that is null when empty."""
    return field(STRING, read, lambda value: value or None, null=True, doc=doc)


def enum(values, read=None, **options) -> Field:
    return field(enum_of(values), read, lambda value: getattr(value, "value", value), **options)


def time(read=None, **options) -> Field:
    return field(TIME, read, iso, **options)


def day(read=None, **options) -> Field:
    return field(DATE, read, iso_date, **options)


def slug_of(relation: str, doc: str) -> Field:
    """The slug of a related object (its municipality, say)."""
    return text(lambda item: getattr(item, relation).slug, doc=doc)


def link(endpoint: str, doc=None, **arguments) -> Field:
    """An absolute URL of the site; each argument names the attribute that gives its value,
    or is a function of the object."""

    def read(item):
        values = {key: _get(item, source) for key, source in arguments.items()}
        return url_for(endpoint, **values, _external=True)

    return field(URL, read, doc=doc)


def _get(item, source):
    return source(item) if callable(source) else getattr(item, source)


class Shape:
    """An object of the API: a component of the OpenAPI document and the JSON of its rows."""

    def __init__(self, name: str, fields: dict[str, Field]):
        self.name = name
        self.fields = fields

    def dump(self, item, /, **given) -> dict:
        """The object's JSON; `given` holds values read elsewhere, such as counts."""
        unknown = set(given) - set(self.fields)
        assert not unknown, f"{self.name} has no field {unknown}"
        return {key: self._value(key, item, given) for key in self.fields}

    def _value(self, key: str, item, given: dict):
        declared = self.fields[key]
        if key in given:
            return declared.write(given[key])
        raw = declared.read(item) if declared.read else getattr(item, key)
        return declared.write(raw)

    def schema(self) -> dict:
        return obj({key: declared.schema for key, declared in self.fields.items()})

    def extended(self, name: str, fields: dict[str, Field]) -> "Shape":
        """This shape with more fields, under another name."""
        return Shape(name, self.fields | fields)

    def one(self, read=None, *, inline=False, null=False, doc=None) -> Field:
        """A field holding one such object, by reference to the component or inline."""
        schema = self.schema() if inline else ref(self.name)
        write = lambda item: None if item is None else self.dump(item)  # noqa: E731
        return field(schema, read, write, null=null, doc=doc)

    def many(self, read=None, *, inline=False, doc=None) -> Field:
        """A field holding a list of such objects."""
        items = self.schema() if inline else ref(self.name)
        write = lambda rows: [self.dump(row) for row in rows]  # noqa: E731
        return field({"type": "array", "items": items}, read, write, doc=doc)


def components(*shapes: Shape) -> dict:
    """The OpenAPI components of these shapes, by name."""
    return {shape.name: shape.schema() for shape in shapes}
