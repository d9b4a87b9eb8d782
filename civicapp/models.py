"""Every feature's models, imported so that Alembic and create_all see them all."""

from civicapp import feature_modules
from civicapp.audit.models import AuditEvent  # noqa: F401
from civicapp.cache.models import CacheGeneration  # noqa: F401

for _module in feature_modules("models"):
    pass
