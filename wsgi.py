"""WSGI entry point for gunicorn and `flask --app wsgi`."""

from civicapp import create_app

app = create_app()
