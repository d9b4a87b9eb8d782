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


def enum_of(enum_cls) -> dict:
    return {"type": "string", "enum": [member.value for member in enum_cls]}


def nullable(schema: dict) -> dict:
    return schema | {"nullable": True}


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


def _names() -> dict:
    return obj({key: STRING for key in ("sq", "sr_latn", "sr_cyrl", "en")})


def _municipality() -> dict:
    return obj(
        {
            "slug": STRING,
            "names": ref("Names"),
            "country": enum_of(Country),
            "region": STRING,
            "population": nullable(COUNT),
            "population_year": nullable(INTEGER),
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
            "description": described(STRING, "Markdown, as written."),
            "description_html": described(STRING, "The description as sanitised HTML."),
            "language": {"type": "string", "enum": list(CONTENT_LANGUAGES)},
            "municipality": described(STRING, "The municipality's slug."),
            "phase": enum_of(Phase),
            "phase_changed_at": nullable(TIME),
            "support_threshold": {"type": "integer", "minimum": 1},
            "decision_reference": nullable(STRING),
            "decision_date": nullable({"type": "string", "format": "date"}),
            "adopted_priority_ids": {"type": "array", "items": INTEGER},
            "priority_count": COUNT,
            "created_at": TIME,
            "url": URL,
            "html_url": URL,
            "priorities_url": URL,
            "priorities_csv_url": URL,
        }
    )


def described(schema: dict, description: str) -> dict:
    return schema | {"description": description}


def _priority() -> dict:
    return obj(
        {
            "id": INTEGER,
            "reference": described(nullable(STRING), "Public reference, e.g. PRI-2027-00042."),
            "title": STRING,
            "body": described(STRING, "Markdown, as written."),
            "body_html": described(STRING, "The body as sanitised HTML."),
            "language": {"type": "string", "enum": list(CONTENT_LANGUAGES)},
            "municipality": described(STRING, "The municipality's slug."),
            "consultation_id": nullable(INTEGER),
            "sector": enum_of(Sector),
            "place": described(nullable(STRING), "Village or neighbourhood."),
            "status": enum_of(Status),
            "support_count": COUNT,
            "support_threshold": {"type": "integer", "minimum": 1},
            "comment_count": COUNT,
            "threshold_reached_at": nullable(TIME),
            "due_at": described(nullable(TIME), "When the first official answer is owed."),
            "is_overdue": BOOLEAN,
            "first_answered_at": nullable(TIME),
            "last_answered_at": nullable(TIME),
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
    satisfaction = obj({"ratings": COUNT, "satisfied": COUNT, "share": nullable(SHARE)})
    return obj(
        {
            "id": INTEGER,
            "status": enum_of(Status),
            "created_at": TIME,
            "author": described(nullable(STRING), "The staff member who answered."),
            "budget_amount": nullable({"type": "number", "minimum": 0}),
            "budget_currency": nullable({"type": "string", "enum": ["EUR"]}),
            "budget_year": nullable(INTEGER),
            "reason": described(nullable(STRING), "Why the priority is rejected."),
            "competent_body": described(nullable(STRING), "Whose competence it is."),
            "texts": texts,
            "satisfaction": satisfaction,
        }
    )


def _figures(extra: dict | None = None) -> dict:
    counts = {
        name: COUNT for name in ("due", "answered", "overdue", "implemented", "decided", "on_time")
    }
    shares = {
        name: nullable(SHARE) for name in ("answered_share", "implemented_share", "on_time_share")
    }
    return obj(
        {
            "municipality": described(STRING, "The municipality's slug."),
            "names": ref("Names"),
            **counts,
            **shares,
            "median_days": nullable({"type": "number", "minimum": 0}),
            "url": URL,
            "html_url": URL,
            **(extra or {}),
        }
    )


def priority_ref(extra: dict | None = None) -> dict:
    """A priority named where another object points to it (see serializers.priority_ref)."""
    return obj(
        {
            "id": INTEGER,
            "reference": nullable(STRING),
            "title": STRING,
            "language": {"type": "string", "enum": list(CONTENT_LANGUAGES)},
            "url": URL,
            "html_url": URL,
            **(extra or {}),
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
    links = obj({"self": URL, "next": nullable(URL), "prev": nullable(URL)})
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
            {"overdue_priorities": {"type": "array", "items": ref("OverduePriority")}}
        ),
        "OverduePriority": priority_ref({"due_at": TIME}),
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
            "data": {"type": "array", "items": ref(name)},
            "meta": ref("PageMeta"),
            "links": ref("PageLinks"),
        }
    )
    return _json("One page of the list.", schema)


def item_response(name: str) -> dict:
    return _json("The object.", obj({"data": ref(name)}))


def error_response(description: str) -> dict:
    return _json(description, ref("Error"))


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
