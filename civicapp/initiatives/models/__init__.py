"""The models of initiatives: the initiative, its records (updates, events, links), files."""

from civicapp.initiatives.models.documents import (  # noqa: F401
    DOCUMENT_KIND_LABELS,
    DOCUMENT_TITLE_MAX,
    THUMBNAIL_BOX,
    DocumentKind,
    InitiativeDocument,
)
from civicapp.initiatives.models.initiative import (  # noqa: F401
    BUDGET_MAX,
    MONEY,
    PARTY_LABELS,
    PUBLIC_STATUSES,
    STATEMENT_MAX,
    STATUS_LABELS,
    SUMMARY_MAX,
    TEXT_MAX,
    TITLE_MAX,
    TRANSITIONS,
    FundingLine,
    Initiative,
    InitiativeSector,
    Partner,
    Party,
    Status,
    initiative_donors,
    initiative_municipalities,
)
from civicapp.initiatives.models.records import (  # noqa: F401
    EVENT_KIND_LABELS,
    Endorsement,
    Event,
    EventKind,
    PriorityLink,
    Update,
)
