"""The accounts pages, by audience: signing up and in, and the signed-in user's own profile."""

from civicapp.accounts.views import profile, sign_in  # noqa: F401
