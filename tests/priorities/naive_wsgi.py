"""The app with the naive vote, served by gunicorn to show that the vote storm catches it."""

from civicapp import create_app
from civicapp.priorities import services
from tests.priorities.concurrency import naive_cast_vote

app = create_app()
services.cast_vote = naive_cast_vote
