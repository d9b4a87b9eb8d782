"""A request body the server cannot read is answered 400, whichever server reads it."""

import io
from types import SimpleNamespace

import pytest
from gunicorn.http.body import Body, ChunkedReader
from gunicorn.http.unreader import IterUnreader
from werkzeug.serving import DechunkedInput

MALFORMED = b"ZZ\r\nemail=a%40example.org\r\n0\r\n\r\n"  # a chunk size that is no hex number


def gunicorn_input(raw: bytes):
    """wsgi.input as gunicorn's sync worker gives it for a chunked body."""
    return Body(ChunkedReader(SimpleNamespace(), IterUnreader([raw])))


def werkzeug_input(raw: bytes):
    """wsgi.input as `flask run` gives it for a chunked body."""
    return DechunkedInput(io.BytesIO(raw))


@pytest.mark.parametrize("server_input", [gunicorn_input, werkzeug_input])
@pytest.mark.parametrize("path", ["/auth/login", "/auth/forgot"])
def test_a_malformed_chunked_body_is_a_bad_request(client, server_input, path):
    response = client.post(
        path,
        environ_overrides={
            "wsgi.input": server_input(MALFORMED),
            "wsgi.input_terminated": True,
            "HTTP_TRANSFER_ENCODING": "chunked",
        },
        content_type="application/x-www-form-urlencoded",
        csrf=False,
    )
    assert response.status_code == 400
    assert "The request could not be understood." in response.get_data(as_text=True)
