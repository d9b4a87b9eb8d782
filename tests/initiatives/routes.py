"""Authorization entries for initiative routes; `build` adds initiatives of w.organisation.

`w.initiative`: published, by `w.organisation`, in municipality A, with a partner, a funding
line, a link to `w.priority`, an update, an event and `w.document` (a PDF);
`w.draft_initiative`: its draft; funded by `w.donor` (tests/donors/routes.py). Members of
`w.organisation` (org_admin, org_member) write them; `other_org_member` gets 403 like every
other role.
"""

import io

from tests.authz.matrix import DENY, LOGIN, Route, public

MEMBERS = {"anonymous": LOGIN, "org_admin": "allow", "org_member": "allow"}
ANY_MEMBER = {
    "anonymous": LOGIN,
    "org_admin": "allow",
    "org_member": "allow",
    "other_org_member": "allow",
}


def build(world) -> None:
    from datetime import date, timedelta
    from decimal import Decimal

    from civicapp.db import utcnow
    from civicapp.initiatives import documents, links, services, timeline
    from civicapp.initiatives.models import EventKind, Party, Status
    from civicapp.uploads import samples
    from tests.uploads.conftest import file_storage

    member, donor = world.users["org_admin"], world.donor

    def initiative(title):
        draft = services.InitiativeDraft(
            organisation_id=world.organisation.id,
            title=title,
            summary="With the schools of the town.",
            language="en",
            start_date=date(2026, 1, 1),
            end_date=date(2027, 12, 31),
            total_budget=Decimal("1000"),
            municipality_ids=[world.municipality.id],
            donor_ids=[donor.id],
        )
        return services.create_initiative(member, draft)

    made = initiative("Green Ulpiana")
    services.change_initiative_status(member, made, Status.PUBLISHED)
    world.objects["initiative"] = made
    world.objects["draft_initiative"] = initiative("Draft plan")
    world.objects["partner"] = services.add_partner(member, made, name="Ludwigsburg", country="DE")
    world.objects["funding_line"] = services.add_funding_line(
        member, made, services.FundingDraft(party=Party.LEAD, amount=Decimal("100"))
    )
    links.link_priority(member, made, world.priority)
    world.objects["priority_link"] = links.linked_priorities(made)[0]
    world.objects["update"] = timeline.save_update(
        member, made, None, "Kick-off", "We started.", date(2026, 1, 10)
    )
    start = utcnow() + timedelta(days=3)
    world.objects["event"] = timeline.save_event(
        member,
        made,
        None,
        timeline.EventDraft(EventKind.WORKSHOP, "Workshop", start, start, place="Town hall"),
    )
    world.objects["document"] = documents.attach_document(
        member,
        made,
        documents.DocumentDraft("Memorandum", documents.DocumentKind.MEMORANDUM),
        file_storage(samples.pdf(), "memorandum.pdf"),
    )


def _i(w, suffix=""):
    return f"/initiatives/{w.initiative.id}{suffix}"


def _initiative_form(w):
    return {
        "organisation_id": w.organisation.id,
        "title": "Green Ulpiana, second phase",
        "summary": "More trees.",
        "language": "en",
        "municipality_ids": [w.municipality.id],
        "total_budget": "2000",
        "start_date": "2026-01-01",
        "end_date": "2027-12-31",
    }


def _event_form(w):
    return {
        "kind": "seminar",
        "title": "Seminar",
        "starts_at": "2030-05-01T10:00",
        "ends_at": "2030-05-01T12:00",
        "place": "Library",
    }


def _update_form(w):
    return {"title": "News", "posted_on": "2026-02-01", "body": "Planted 40 trees."}


def _document_form(w):
    from civicapp.uploads import samples

    return {"title": "Report", "kind": "report", "file": (io.BytesIO(samples.pdf()), "r.pdf")}


def members(endpoint, url, method="GET", data=None):
    return Route(f"initiatives.{endpoint}", method, url, MEMBERS, DENY, data)


ROUTES = [
    public("initiatives.index", lambda w: "/initiatives/"),
    members("show", lambda w: f"/initiatives/{w.draft_initiative.id}"),
    Route("initiatives.new", "GET", lambda w: "/initiatives/new", ANY_MEMBER, DENY),
    Route(
        "initiatives.new", "POST", lambda w: "/initiatives/new", ANY_MEMBER, DENY, _initiative_form
    ),
    members("edit", lambda w: _i(w, "/edit")),
    members("edit", lambda w: _i(w, "/edit"), "POST", _initiative_form),
    members("manage", lambda w: _i(w, "/manage")),
    members(
        "change_status",
        lambda w: f"/initiatives/{w.draft_initiative.id}/status",
        "POST",
        lambda w: {"status": "published"},
    ),
    members(
        "add_partner",
        lambda w: _i(w, "/partners"),
        "POST",
        lambda w: {"name": "Ludwigsburg", "country": "DE"},
    ),
    members("remove_partner", lambda w: _i(w, f"/partners/{w.partner.id}/remove"), "POST"),
    members(
        "add_funding",
        lambda w: _i(w, "/funding"),
        "POST",
        lambda w: {"party": "lead", "amount": "50"},
    ),
    members("remove_funding", lambda w: _i(w, f"/funding/{w.funding_line.id}/remove"), "POST"),
    members(
        "link_priority",
        lambda w: _i(w, "/priorities"),
        "POST",
        lambda w: {"priority_id": str(w.priority.id)},
    ),
    members("unlink_priority", lambda w: _i(w, f"/priorities/{w.priority_link.id}/remove"), "POST"),
    Route(
        "initiatives.endorse",
        "POST",
        lambda w: _i(w, "/endorse"),
        {"anonymous": LOGIN, "staff": "allow"},
        DENY,
        lambda w: {"municipality_id": w.municipality.id, "statement": "We support it."},
    ),
    members("new_update", lambda w: _i(w, "/updates/new")),
    members("new_update", lambda w: _i(w, "/updates/new"), "POST", _update_form),
    members("edit_update", lambda w: _i(w, f"/updates/{w.update.id}/edit")),
    members("edit_update", lambda w: _i(w, f"/updates/{w.update.id}/edit"), "POST", _update_form),
    members("delete_update", lambda w: _i(w, f"/updates/{w.update.id}/delete"), "POST"),
    members("new_event", lambda w: _i(w, "/events/new")),
    members("new_event", lambda w: _i(w, "/events/new"), "POST", _event_form),
    members("edit_event", lambda w: _i(w, f"/events/{w.event.id}/edit")),
    members("edit_event", lambda w: _i(w, f"/events/{w.event.id}/edit"), "POST", _event_form),
    members("delete_event", lambda w: _i(w, f"/events/{w.event.id}/delete"), "POST"),
    members("add_document", lambda w: _i(w, "/documents/new")),
    members("add_document", lambda w: _i(w, "/documents/new"), "POST", _document_form),
    members("remove_document", lambda w: _i(w, f"/documents/{w.document.id}/remove"), "POST"),
]
