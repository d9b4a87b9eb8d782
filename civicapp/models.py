"""Every feature's models, imported so that Alembic and create_all see them all."""

import importlib
import importlib.util

from civicapp import FEATURES
from civicapp.audit.models import AuditEvent  # noqa: F401


def import_feature_models() -> None:
    for feature in FEATURES:
        if importlib.util.find_spec(f"civicapp.{feature}") is None:
            continue
        name = f"civicapp.{feature}.models"
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)


import_feature_models()
