"""Shared fixtures: the comment fixtures, reporters, and a recorder of moderation signals."""

import pytest

from civicapp.accounts.models import Role


@pytest.fixture
def moderator(make_user):
    return make_user(role=Role.MODERATOR, display_name="Mod")


@pytest.fixture
def signals():
    """(signal name, sender, kwargs) of every content_hidden / content_restored sent."""
    from civicapp.signals import content_hidden, content_restored

    sent = []

    def hidden(sender, **kwargs):
        sent.append(("hidden", sender, kwargs))

    def restored(sender, **kwargs):
        sent.append(("restored", sender, kwargs))

    content_hidden.connect(hidden)
    content_restored.connect(restored)
    yield sent
    content_hidden.disconnect(hidden)
    content_restored.disconnect(restored)
