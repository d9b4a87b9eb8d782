"""Organisation pages, by audience: the public and members, member management, platform admins."""

from civicapp.organisations.views import admin, members, public  # noqa: F401
