"""JSON Schemas of the API's responses, for the OpenAPI document (see serializers.py)."""

from civicapp.consultations.models import Phase
from civicapp.i18n import ANSWER_LANGUAGES, CONTENT_LANGUAGES
from civicapp.municipalities.models import Country
from civicapp.priorities.models import Sector, Status

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
COUNT = {"type": "integer", "minimum": 0}
BOOLEAN = {"type": "boolean"}
URL = {"type": "string", "format": "uri"}
TIME = {"type": "string", "format": "date-time"}
SHARE = {"type": "number", "minimum": 0, "maximum": 1}
CORS = {
    "Access-Control-Allow-Origin": {
        "description": "Any site may read the open data.",
        "required": True,
        "schema": {"type": "string", "enum": ["*"]},
    }
}


def _enum(enum_cls) -> dict:
    return {"type": "string", "enum": [member.value for member in enum_cls]}


def _null(schema: dict) -> dict:
    return schema | {"nullable": True}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict) -> dict:
    """An object with exactly these properties, every one of them always present."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }


def _names() -> dict:
    return obj({key: STRING for key in ("sq", "sr_latn", "sr_cyrl", "en")})


def _municipality() -> dict:
    return obj(
        {
            "slug": STRING,
            "names": _ref("Names"),
            "country": _enum(Country),
            "region": STRING,
            "population": _null(COUNT),
            "population_year": _null(INTEGER),
            "official_languages": {
                "type": "array",
                "items": {"type": "string", "enum": list(ANSWER_LANGUAGES)},
            },
            "response_days": {"type": "integer", "minimum": 1, "maximum": 365},
            "support_threshold": {"type": "integer", "minimum": 1},
            "url": URL,
            "html_url": URL,
            "accountability_url": URL,
        }
    )


def _consultation() -> dict:
    return obj(
        {
            "id": INTEGER,
            "title": STRING,
            "description": _described(STRING, "Markdown, as written."),
            "description_html": _described(STRING, "The description as sanitised HTML."),
            "language": {"type": "string", "enum": list(CONTENT_LANGUAGES)},
            "municipality": _described(STRING, "The municipality's slug."),
            "phase": _enum(Phase),
            "phase_changed_at": _null(TIME),
            "support_threshold": {"type": "integer", "minimum": 1},
            "decision_reference": _null(STRING),
            "decision_date": _null({"type": "string", "format": "date"}),
            "adopted_priority_ids": {"type": "array", "items": INTEGER},
            "priority_count": COUNT,
            "created_at": TIME,
            "url": URL,
            "html_url": URL,
            "priorities_url": URL,
            "priorities_csv_url": URL,
        }
    )


def _described(schema: dict, description: str) -> dict:
    return schema | {"description": description}


def _priority() -> dict:
    return obj(
        {
            "id": INTEGER,
            "reference": _described(_null(STRING), "Public reference, e.g. PRI-2027-00042."),
            "title": STRING,
            "body": _described(STRING, "Markdown, as written."),
            "body_html": _described(STRING, "The body as sanitised HTML."),
            "language": {"type": "string", "enum": list(CONTENT_LANGUAGES)},
            "municipality": _described(STRING, "The municipality's slug."),
            "consultation_id": _null(INTEGER),
            "sector": _enum(Sector),
            "place": _described(_null(STRING), "Village or neighbourhood."),
            "status": _enum(Status),
            "support_count": COUNT,
            "support_threshold": {"type": "integer", "minimum": 1},
            "comment_count": COUNT,
            "threshold_reached_at": _null(TIME),
            "due_at": _described(_null(TIME), "When the first official answer is owed."),
            "is_overdue": BOOLEAN,
            "first_answered_at": _null(TIME),
            "last_answered_at": _null(TIME),
            "withdrawn": BOOLEAN,
            "adopted_in_plan": BOOLEAN,
            "created_at": TIME,
            "url": URL,
            "html_url": URL,
            "answers_url": URL,
        }
    )


def _answer() -> dict:
    texts = {
        "type": "object",
        "additionalProperties": False,
        "properties": {code: STRING for code in ANSWER_LANGUAGES},
        "description": "The answer's text in each language it was given in.",
    }
    satisfaction = obj({"ratings": COUNT, "satisfied": COUNT, "share": _null(SHARE)})
    return obj(
        {
            "id": INTEGER,
            "status": _enum(Status),
            "created_at": TIME,
            "author": _described(_null(STRING), "The staff member who answered."),
            "budget_amount": _null({"type": "number", "minimum": 0}),
            "budget_currency": _null({"type": "string", "enum": ["EUR"]}),
            "budget_year": _null(INTEGER),
            "reason": _described(_null(STRING), "Why the priority is rejected."),
            "competent_body": _described(_null(STRING), "Whose competence it is."),
            "texts": texts,
            "satisfaction": satisfaction,
        }
    )


def _figures(extra: dict | None = None) -> dict:
    counts = {
        name: COUNT for name in ("due", "answered", "overdue", "implemented", "decided", "on_time")
    }
    shares = {
        name: _null(SHARE) for name in ("answered_share", "implemented_share", "on_time_share")
    }
    return obj(
        {
            "municipality": _described(STRING, "The municipality's slug."),
            "names": _ref("Names"),
            **counts,
            **shares,
            "median_days": _null({"type": "number", "minimum": 0}),
            "url": URL,
            "html_url": URL,
            **(extra or {}),
        }
    )


def _overdue() -> dict:
    return obj(
        {
            "id": INTEGER,
            "reference": _null(STRING),
            "title": STRING,
            "language": STRING,
            "due_at": TIME,
            "url": URL,
            "html_url": URL,
        }
    )


def _error() -> dict:
    return obj({"error": obj({"status": INTEGER, "title": STRING, "detail": STRING})})


def _page() -> dict:
    meta = obj(
        {
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1},
            "total": COUNT,
            "pages": COUNT,
        }
    )
    links = obj({"self": URL, "next": _null(URL), "prev": _null(URL)})
    return {"meta": meta, "links": links}


def components() -> dict:
    page = _page()
    return {
        "Names": _names(),
        "Municipality": _municipality(),
        "Consultation": _consultation(),
        "Priority": _priority(),
        "Answer": _answer(),
        "Figures": _figures(),
        "MunicipalityFigures": _figures(
            {"overdue_priorities": {"type": "array", "items": _ref("OverduePriority")}}
        ),
        "OverduePriority": _overdue(),
        "PageMeta": page["meta"],
        "PageLinks": page["links"],
        "Error": _error(),
    }


def _json(description: str, schema: dict, headers=CORS) -> dict:
    return {
        "description": description,
        "headers": headers,
        "content": {"application/json": {"schema": schema}},
    }


def list_response(name: str) -> dict:
    schema = obj(
        {
            "data": {"type": "array", "items": _ref(name)},
            "meta": _ref("PageMeta"),
            "links": _ref("PageLinks"),
        }
    )
    return _json("One page of the list.", schema)


def item_response(name: str) -> dict:
    return _json("The object.", obj({"data": _ref(name)}))


def error_response(description: str) -> dict:
    return _json(description, _ref("Error"))


def csv_response() -> dict:
    disposition = {
        "description": "The file's name.",
        "required": True,
        "schema": {
            "type": "string",
            "pattern": '^attachment; filename="consultation-[0-9]+-priorities\\.csv"$',
        },
    }
    return {
        "description": (
            "UTF-8 with a byte order mark; one row per public priority, those in the plan first."
        ),
        "headers": CORS | {"Content-Disposition": disposition},
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
