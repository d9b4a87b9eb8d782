"""Every feature's models, imported so that Alembic and create_all see them all."""

from civicapp.accounts.models import User  # noqa: F401
from civicapp.audit.models import AuditEvent  # noqa: F401
from civicapp.municipalities.models import Municipality, StaffAssignment  # noqa: F401
