"""Authorization entries for organisation routes; `build` adds organisations and their people.

`w.organisation`: verified, in municipality A, with `org_admin` (its only admin) and
`org_member`; `w.other_organisation`: verified, administered by `other_org_member`;
`w.pending_organisation`: registered by `org_admin`, awaiting verification; `w.invitation`:
an open invitation to `w.organisation` sent to the citizen's address.
"""

from tests.authz.matrix import DENY, LOGIN, Route, admin_only, public

ORG_ADMIN_ONLY = {"anonymous": LOGIN, "org_admin": "allow"}
VERIFIED = {"anonymous": LOGIN, "unverified": DENY}


def build(world) -> None:
    from civicapp.accounts.models import User
    from civicapp.db import utcnow
    from civicapp.extensions import db
    from civicapp.organisations.models import Invitation, Kind, MemberRole, Membership, Status
    from civicapp.organisations.services import OrganisationDraft, register_organisation

    for role in ("org_admin", "org_member", "other_org_member"):
        world.users[role] = User(
            email=f"{role.replace('_', '.')}@example.org",
            display_name=role.replace("_", " ").title(),
            password_hash="!",  # signed in by the test's session, never by password
            email_verified_at=utcnow(),
            locale="en",
        )
        db.session.add(world.users[role])
    db.session.flush()

    def organisation(admin, name, verified=True):
        draft = OrganisationDraft(
            kind=Kind.INFORMAL_GROUP, name_en=name, municipality_ids=[world.municipality.id]
        )
        made = register_organisation(world.users[admin], draft)
        if verified:
            made.move_to(Status.VERIFIED, world.users["admin"], "Checked.")
        return made

    world.objects["organisation"] = organisation("org_admin", "Neighbours of Ulpiana")
    world.objects["other_organisation"] = organisation("other_org_member", "Friends of Germia")
    world.objects["pending_organisation"] = organisation("org_admin", "New Group", False)
    db.session.add(
        Membership(
            organisation_id=world.organisation.id,
            user_id=world.users["org_member"].id,
            role=MemberRole.MEMBER,
        )
    )
    world.objects["invitation"] = Invitation(
        organisation_id=world.organisation.id,
        email=world.users["citizen"].email,
        role=MemberRole.MEMBER,
        invited_by_id=world.users["org_admin"].id,
    )
    db.session.add(world.invitation)
    db.session.commit()


def _o(w, suffix=""):
    return f"/organisations/{w.organisation.slug}{suffix}"


def _member(w, suffix):
    return _o(w, f"/members/{w.users['org_member'].id}{suffix}")


def _token(w):
    from civicapp.organisations.members import invitation_token

    return f"/organisations/invitations/{invitation_token(w.invitation)}"


def _profile(w):
    return {
        "kind": "informal_group",
        "name_en": "Neighbours of Ulpiana and Dardania",
        "municipality_ids": [w.municipality.id],
        "sectors": ["infrastructure"],
    }


def _note(organisation):
    return lambda w: {f"o{getattr(w, organisation).id}-note": "Found in the register."}


ROUTES = [
    public("organisations.index", lambda w: "/organisations/"),
    public("organisations.show", lambda w: _o(w)),
    Route("organisations.new", "GET", lambda w: "/organisations/new", expect=VERIFIED),
    Route(
        "organisations.new", "POST", lambda w: "/organisations/new", expect=VERIFIED, data=_profile
    ),
    Route("organisations.edit", "GET", lambda w: _o(w, "/edit"), ORG_ADMIN_ONLY, DENY),
    Route("organisations.edit", "POST", lambda w: _o(w, "/edit"), ORG_ADMIN_ONLY, DENY, _profile),
    Route("organisations.members", "GET", lambda w: _o(w, "/members"), ORG_ADMIN_ONLY, DENY),
    Route(
        "organisations.invite",
        "POST",
        lambda w: _o(w, "/members/invite"),
        ORG_ADMIN_ONLY,
        DENY,
        lambda w: {"email": "friend@example.org", "role": "member"},
    ),
    Route(
        "organisations.change_role",
        "POST",
        lambda w: _member(w, "/role"),
        ORG_ADMIN_ONLY,
        DENY,
        lambda w: {"role": "admin"},
    ),
    Route(
        "organisations.remove_member", "POST", lambda w: _member(w, "/remove"), ORG_ADMIN_ONLY, DENY
    ),
    Route(
        "organisations.revoke_invitation",
        "POST",
        lambda w: _o(w, f"/invitations/{w.invitation.id}/revoke"),
        ORG_ADMIN_ONLY,
        DENY,
    ),
    # The organisation's only admin cannot leave it: 403 like everyone who is not a member.
    Route(
        "organisations.leave",
        "POST",
        lambda w: _o(w, "/leave"),
        {"anonymous": LOGIN, "org_member": "allow"},
        DENY,
    ),
    public("organisations.invitation", _token),
    Route("organisations.accept", "POST", _token, {"anonymous": LOGIN, "citizen": "allow"}, DENY),
    admin_only("organisations.queue", lambda w: "/organisations/admin/"),
    admin_only(
        "organisations.review", lambda w: f"/organisations/admin/{w.pending_organisation.slug}"
    ),
    admin_only(
        "organisations.verify",
        lambda w: f"/organisations/admin/{w.pending_organisation.slug}/verify",
        "POST",
        data=_note("pending_organisation"),
    ),
    admin_only(
        "organisations.suspend",
        lambda w: f"/organisations/admin/{w.organisation.slug}/suspend",
        "POST",
        data=_note("organisation"),
    ),
]
