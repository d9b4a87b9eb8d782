"""Building blocks of the OpenAPI document: parameters and operations."""

from civicapp.api import params, schemas


def values(enum_cls) -> list[str]:
    return [member.value for member in enum_cls]


def query(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


def path(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": schema,
        "description": description,
    }


def whole(high: int, low: int = 1) -> dict:
    return {"type": "integer", "minimum": low, "maximum": high}


def slug(slugs: list[str]) -> dict:
    """Slugs of the municipalities there are now (any slug, when there are none yet)."""
    return (
        {"type": "string", "enum": slugs}
        if slugs
        else {"type": "string", "pattern": "^[a-z0-9-]{1,64}$"}
    )


PAGING = [
    query("page", whole(params.MAX_PAGE) | {"default": 1}, "Page number, from 1."),
    query(
        "per_page",
        whole(params.MAX_PER_PAGE) | {"default": params.DEFAULT_PER_PAGE},
        "Rows per page.",
    ),
]


def operation(summary: str, ok: dict, parameters=(), not_found=False, tag="") -> dict:
    responses = {"200": ok, "400": schemas.error_response("A parameter is not valid.")}
    if not_found:
        responses["404"] = schemas.error_response("There is no such object.")
    return {
        "get": {
            "summary": summary,
            "operationId": summary.lower().replace(" ", "_").replace("'", "").replace(",", ""),
            "tags": [tag],
            "parameters": list(parameters),
            "responses": responses,
        }
    }
