"""Organisation fixtures: an organisation with its admin and members, made directly."""

import pytest

from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.i18n import normalize_search
from civicapp.organisations.models import (
    Kind,
    MemberRole,
    Membership,
    Organisation,
    OrganisationSector,
    Status,
)
from civicapp.organisations.services import SEARCH_KIND
from civicapp.search.services import index_document


@pytest.fixture
def in_request(app, app_ctx):
    """A request context, as services that send mail (rendering its template) run in one."""
    with app.test_request_context(headers={"Accept-Language": "en"}):
        yield


@pytest.fixture
def make_organisation(app_ctx):
    counter = iter(range(1, 10_000))

    def make(
        admin=None,
        members=(),
        status=Status.VERIFIED,
        municipalities=(),
        sectors=(),
        **fields,
    ):
        n = next(counter)
        values = dict(
            slug=f"organisation-{n}",
            name_en=f"Organisation {n}",
            kind=Kind.INFORMAL_GROUP,
            status=status,
            verified_at=None if status == Status.PENDING else utcnow(),
        )
        values |= fields
        names = [values.get(key) for key in ("name_sq", "name_sr", "name_en")]
        values["search_text"] = normalize_search(" ".join(n for n in names if n))
        organisation = Organisation(**values)
        organisation.municipalities = list(municipalities)
        organisation.sector_rows = [OrganisationSector(sector=s) for s in sectors]
        if admin is not None:
            organisation.memberships.append(Membership(user_id=admin.id, role=MemberRole.ADMIN))
        for member in members:
            organisation.memberships.append(Membership(user_id=member.id, role=MemberRole.MEMBER))
        db.session.add(organisation)
        db.session.flush()
        index_document(SEARCH_KIND, organisation.id, organisation.search_text)
        db.session.commit()
        return organisation

    return make
