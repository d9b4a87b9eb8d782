"""Civil society around the API's dataset: organisations, donors and initiatives."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.sectors import Sector


@dataclass
class CivilSociety:
    organisations: dict = field(default_factory=dict)
    initiatives: dict = field(default_factory=dict)
    donors: dict = field(default_factory=dict)
    member: object = None


def build_civil_society(dataset, make_user, make_organisation, make_initiative):
    """Organisations (verified, suspended, pending), donors with programmes, and initiatives:
    one with everything around it, one completed elsewhere, a draft, one of the suspended
    organisation and one of the pending organisation (which the public does not see)."""
    from civicapp.organisations.models import Kind, Registry, Status

    member = make_user(display_name="Drita Berisha")
    town = dataset.municipalities["pristina"]
    made = CivilSociety(member=member, donors=_donors())
    made.organisations = {
        "ngo": make_organisation(
            admin=member,
            slug="lumi-ngo",
            name_sq="Shoqata Lumi",
            name_sr="Udruženje Reka",
            name_en="River Association",
            kind=Kind.REGISTERED_CSO,
            registered_with=Registry.KOSOVO_NGO,
            registration_number="5112345-1",
            website="https://lumi.example.org",
            municipalities=[town],
            sectors=[Sector.ENVIRONMENT, Sector.EDUCATION],
        ),
        "partner": make_organisation(
            slug="shkoder-youth",
            name_sq="Të rinjtë e Shkodrës",
            municipalities=[dataset.municipalities["shkoder"]],
        ),
        "suspended": make_organisation(admin=member, slug="paused", name_en="Paused Group"),
        "pending": make_organisation(
            admin=member, slug="newcomers", name_en="Newcomers", status=Status.PENDING
        ),
    }
    _initiatives(made, dataset, make_initiative)
    made.organisations["suspended"].status = Status.SUSPENDED
    db.session.commit()
    return made


def _donors() -> dict:
    from civicapp.donors.models import Donor, Programme

    sida, usaid = Donor(name="Sida", country="SE"), Donor(name="USAID", country="US")
    unused = Donor(name="Quiet Fund", website="https://quiet.example.org")
    db.session.add_all([sida, usaid, unused, Programme(donor=sida, name="Local democracy")])
    db.session.commit()
    return {"sida": sida, "usaid": usaid, "unused": unused}


def _initiatives(made: CivilSociety, dataset, make) -> None:
    from civicapp.initiatives.models import Status

    ngo, member = made.organisations["ngo"], made.member
    sida, usaid = made.donors["sida"], made.donors["usaid"]
    made.initiatives = {
        "river": make(
            ngo,
            member,
            [dataset.municipalities["pristina"]],
            Status.ONGOING,
            title="Lumi i pastër",
            summary="Pastrojmë brigjet e lumit me shkollat.",
            language="sq",
            description="Me **shkollat** e lagjes.",
            total_budget=Decimal("50000.50"),
            sectors=[Sector.ENVIRONMENT],
            donor_ids=[sida.id],
            programme_id=sida.programmes[0].id,
        ),
        "school": make(
            ngo,
            member,
            [dataset.municipalities["shkoder"], dataset.municipalities["presevo"]],
            Status.COMPLETED,
            title="School gardens",
            start_date=date(2024, 1, 1),
            end_date=date(2024, 12, 31),
            sectors=[Sector.EDUCATION],
            donor_ids=[usaid.id],
        ),
        "draft": make(ngo, member, title="Secret draft", donor_ids=[sida.id]),
        "paused": make(
            made.organisations["suspended"], member, status=Status.PUBLISHED, title="Paused plan"
        ),
        "unseen": make(
            made.organisations["pending"], member, status=Status.PUBLISHED, title="Unseen plan"
        ),
    }
    _around_the_river(made, dataset)


def _around_the_river(made: CivilSociety, dataset) -> None:
    """Partners, funding lines, linked priorities, an endorsement, updates and an event."""
    from civicapp.initiatives import links, services, timeline
    from civicapp.initiatives.models import EventKind, Party

    river, member = made.initiatives["river"], made.member
    sida, town = made.donors["sida"], dataset.municipalities["pristina"]
    partner = services.add_partner(member, river, organisation_id=made.organisations["partner"].id)
    services.add_partner(member, river, name="Ludwigsburg", country="DE", city="Ludwigsburg")
    for draft in (
        services.FundingDraft(Party.DONOR, Decimal("30000"), sida.id, sida.programmes[0].id),
        services.FundingDraft(Party.LEAD, Decimal("5000.50")),
        services.FundingDraft(Party.PARTNER, Decimal("4999.99"), partner_id=partner.id),
        services.FundingDraft(Party.MUNICIPALITY, Decimal("10000"), municipality_id=town.id),
        services.FundingDraft(Party.OTHER, Decimal("0.01"), other_name="Local businesses"),
    ):
        services.add_funding_line(member, river, draft)
    for key in ("river", "hidden"):
        links.link_priority(member, river, dataset.priorities[key])
    links.endorse_initiative(dataset.users["staff"], river, town.id, "Komuna e mbështet.")
    for day in (1, 2):
        timeline.save_update(member, river, None, f"Update {day}", "News.", date(2026, 4, day))
    start = utcnow() + timedelta(days=5)
    timeline.save_event(
        member,
        river,
        None,
        timeline.EventDraft(EventKind.WORKSHOP, "Workshop", start, start, place="Ulpiana"),
    )
