"""Building blocks of the OpenAPI document: parameters, responses and operations."""

from civicapp.api import params
from civicapp.api.fields import INTEGER, STRING, Shape, obj, ref

CORS = {
    "Access-Control-Allow-Origin": {
        "description": "Any site may read the open data.",
        "required": True,
        "schema": {"type": "string", "enum": ["*"]},
    }
}
ERROR = obj({"error": obj({"status": INTEGER, "title": STRING, "detail": STRING})})


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


def municipality_path(slugs: list[str]) -> dict:
    return path("slug", slug(slugs), "The municipality's slug.")


def id_path(name: str, description: str) -> dict:
    return path(name, whole(params.MAX_ID), description)


PAGING = [
    query("page", whole(params.MAX_PAGE) | {"default": 1}, "Page number, from 1."),
    query(
        "per_page",
        whole(params.MAX_PER_PAGE) | {"default": params.DEFAULT_PER_PAGE},
        "Rows per page.",
    ),
]


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


def operation(summary: str, ok: dict, parameters, tag: str, not_found=False) -> dict:
    responses = {"200": ok, "400": error_response("A parameter is not valid.")}
    if not_found:
        responses["404"] = error_response("There is no such object.")
    return {
        "get": {
            "summary": summary,
            "operationId": summary.lower().replace(" ", "_").replace("'", "").replace(",", ""),
            "tags": [tag],
            "parameters": list(parameters),
            "responses": responses,
        }
    }


def list_operation(summary: str, shape: Shape, parameters, tag: str, not_found=False) -> dict:
    """A paginated list of the shape's objects."""
    return operation(summary, list_response(shape.name), parameters, tag, not_found)


def item_operation(summary: str, shape: Shape, parameters, tag: str, not_found=True) -> dict:
    """One object of the shape; by default at an address that may name none."""
    return operation(summary, item_response(shape.name), parameters, tag, not_found)


def collection(route: str, shape: Shape, filters, item: dict, tag: str, summaries) -> dict:
    """The usual pair of paths: a list at `route` and one of its objects at route/{item}."""
    listing, showing = summaries
    return {
        route: list_operation(listing, shape, filters, tag),
        f"{route}/{{{item['name']}}}": item_operation(showing, shape, [item], tag),
    }
