"""Bare Flask hello-world app: the ceiling every benchmarked page is compared with."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def index() -> str:
    """Return the smallest possible response."""
    return "Hello, World!"
