"""Every feature's models, imported so that Alembic and create_all see them all."""

from civicapp import feature_modules
from civicapp.audit.models import AuditEvent  # noqa: F401
from civicapp.cache import keep_private
from civicapp.cache.models import CacheGeneration  # noqa: F401

for _module in feature_modules("models"):
    pass

# Rows no visitor's page shows. They belong in accounts/models.py and notifications/models.py,
# which other engineers are reshaping for issue 8: move these lines there once they merge.
keep_private("notifications")
keep_private("follows")
keep_private(
    "users",
    (
        "last_login_at",
        "password_hash",
        "session_version",
        "totp_secret",
        "totp_enabled_at",
        "totp_last_step",
        "updated_at",
    ),
)
