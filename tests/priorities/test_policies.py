"""Priority policies as a role × state matrix."""

import pytest
from flask_login import AnonymousUserMixin

from civicapp.accounts.models import Role, User
from civicapp.consultations.models import Consultation, Phase
from civicapp.db import utcnow
from civicapp.priorities import policies
from civicapp.priorities.models import Priority, Status

AUTHOR_ID = 1
ROLES = ("anonymous", "unverified", "author", "citizen", "moderator")
STATES = ("fresh", "supported", "answered", "withdrawn", "hidden", "final", "consulting")


def user(role):
    if role == "anonymous":
        return AnonymousUserMixin()
    account = User(
        id=AUTHOR_ID if role == "author" else 2,
        role=Role.MODERATOR if role == "moderator" else Role.CITIZEN,
        email_verified_at=None if role == "unverified" else utcnow(),
        is_disabled=False,
    )
    account.staff_assignments = []
    return account


def priority(state):
    item = Priority(
        id=10,
        author_id=AUTHOR_ID,
        status=Status.IMPLEMENTED if state == "final" else Status.OPEN,
        support_count=3 if state == "supported" else 0,
        first_answered_at=utcnow() if state == "answered" else None,
        withdrawn_at=utcnow() if state == "withdrawn" else None,
        is_hidden=state == "hidden",
    )
    if state == "consulting":  # a consultation still collecting proposals: no supports yet
        item.consultation = Consultation(phase=Phase.PROPOSALS)
        item.consultation_id = 5
    return item


def expect(table, role, state):
    allowed = table.get(role, set())
    return state in allowed or "*" in allowed


EDIT = {"author": {"fresh", "final", "consulting"}}
WITHDRAW = {"author": {"fresh", "supported", "answered", "hidden", "final", "consulting"}}
OPEN_VOTING = {"fresh", "supported", "answered"}
SUPPORT = {role: OPEN_VOTING for role in ("author", "citizen", "moderator")}
UNSUPPORT = {role: OPEN_VOTING for role in ("unverified", "author", "citizen", "moderator")}
VIEW = {role: set(STATES) - {"hidden"} for role in ROLES} | {
    "author": {"*"},
    "moderator": {"*"},
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("policy", "table"),
    [
        (policies.can_edit_priority, EDIT),
        (policies.can_withdraw_priority, WITHDRAW),
        (policies.can_support_priority, SUPPORT),
        (policies.can_withdraw_support, UNSUPPORT),
        (policies.can_view_priority, VIEW),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_policy_matrix(policy, table, role, state):
    assert policy(user(role), priority(state)) is expect(table, role, state)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("unverified", False), ("citizen", True), ("moderator", True)],
)
def test_who_proposes_and_moderates(role, allowed):
    assert policies.can_propose_priority(user(role)) is allowed
    assert policies.can_moderate_priorities(user(role)) is (role == "moderator")


@pytest.mark.parametrize("withdrawn", [False, True], ids=["current", "withdrawn filter"])
@pytest.mark.parametrize("state", ("fresh", "withdrawn", "hidden", "hidden withdrawn"))
@pytest.mark.parametrize("role", ROLES)
def test_lists_show_withdrawn_priorities_only_when_asked(role, state, withdrawn):
    item = priority("hidden" if "hidden" in state else "fresh")
    if "withdrawn" in state:
        item.withdrawn_at = utcnow()
    expected = ("withdrawn" in state) == withdrawn and (
        "hidden" not in state or role == "moderator"
    )
    assert policies.can_list_priority(user(role), item, withdrawn) is expected


@pytest.mark.parametrize("withdrawn", [False, True])
@pytest.mark.parametrize("role", ["anonymous", "citizen", "moderator"])
def test_the_sql_criterion_agrees_with_the_policy(
    make_municipality, make_priority, role, withdrawn
):
    from sqlalchemy import select

    from civicapp.extensions import db

    town = make_municipality("sofalia")
    made = [
        make_priority(town, is_hidden=hidden, withdrawn_at=gone)
        for hidden in (False, True)
        for gone in (None, utcnow())
    ]
    reader = user(role)
    criterion = policies.listed_priorities(reader, withdrawn)
    found = set(db.session.scalars(select(Priority.id).where(criterion)))
    wanted = {p.id for p in made if policies.can_list_priority(reader, p, withdrawn)}
    assert found == wanted and len(wanted) == (2 if role == "moderator" else 1)
