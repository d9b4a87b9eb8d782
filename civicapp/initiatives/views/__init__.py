"""Initiative pages, by audience: the public, the lead organisation's members, admins."""

from civicapp.initiatives.views import documents, manage, public, timeline  # noqa: F401
