"""A small, believable open data set: three municipalities, consultations, priorities, answers;
organisations, donors and initiatives."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import pytest

from civicapp.db import utcnow
from civicapp.extensions import db


@dataclass
class Dataset:
    municipalities: dict = field(default_factory=dict)
    consultations: dict = field(default_factory=dict)
    priorities: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)


def _municipalities(make_municipality) -> dict:
    from civicapp.municipalities.models import Country

    return {
        "pristina": make_municipality(
            "pristina",
            name_sq="Prishtinë",
            name_sr_latn="Priština",
            name_sr_cyrl="Приштина",
            name_en="Pristina",
            population=227154,
            population_year=2024,
            official_languages="sq,sr",
            response_days=30,
        ),
        "shkoder": make_municipality(
            "shkoder",
            country=Country.ALBANIA,
            region="Shkodër",
            name_sq="Shkodër",
            name_sr_latn="Skadar",
            name_sr_cyrl="Скадар",
            name_en="Shkodër",
            official_languages="sq",
            support_threshold=2,
        ),
        "presevo": make_municipality(
            "presevo",
            country=Country.SERBIA,
            region="Pčinja",
            name_sq="Preshevë",
            name_sr_latn="Preševo",
            name_sr_cyrl="Прешево",
            name_en="Preševo",
            official_languages="sr,sq",
        ),
    }


def _propose(author, municipality, title, sector, consultation=None, **extra):
    from civicapp.priorities.models import Sector
    from civicapp.priorities.services import PriorityDraft, propose_priority

    draft = PriorityDraft(
        title=title,
        body=extra.pop("body", f"{title}. **Ju lutem**, shikoni <script>alert(1)</script>."),
        sector=Sector(sector),
        language=extra.pop("language", "sq"),
        place=extra.pop("place", None),
        municipality_id=municipality.id,
        consultation_id=consultation.id if consultation else None,
    )
    priority = propose_priority(author, draft)
    for name, value in extra.items():
        setattr(priority, name, value)
    db.session.commit()
    return priority


@pytest.fixture
def dataset(make_municipality, make_user, make_consultation):
    """Municipalities of the three countries; consultations in several phases; priorities that
    are open, due, overdue, answered (planned, then implemented), hidden and withdrawn."""
    from civicapp.consultations.models import Phase

    data = Dataset(municipalities=_municipalities(make_municipality))
    town = data.municipalities["pristina"]
    data.users = {
        "staff": make_user(display_name="Blerim Hoxha", staff_of=[town]),
        "citizen": make_user(display_name="Arta Krasniqi"),
        "neighbour": make_user(display_name="Marko Petrović"),
    }
    plan = make_consultation(town, phase=Phase.PROPOSALS, support_threshold=1)
    data.consultations = {
        "plan": plan,
        "adopted": make_consultation(
            town,
            phase=Phase.ADOPTED,
            title="Plani lokal për mjedisin 2027",
            decision_reference="01 Nr. 016-12345",
            decision_date=date(2026, 12, 20),
        ),
        "shkoder": make_consultation(data.municipalities["shkoder"], phase=Phase.CLOSED),
    }
    _priorities(data)
    return data


def _priorities(data: Dataset) -> None:
    from civicapp.consultations.models import Phase

    town, citizen = data.municipalities["pristina"], data.users["citizen"]
    plan = data.consultations["plan"]
    made = data.priorities
    made["river"] = _propose(
        citizen, town, "Pastrimi i lumit Prishtevka", "environment", plan, place="Ulpiana"
    )
    made["lights"] = _propose(
        citizen, town, "Ndriçimi i rrugës për në shkollë", "infrastructure", plan
    )
    made["formula"] = _propose(
        citizen, town, '=HYPERLINK("http://evil.example")', "economy", plan, place="-Sunny Hill"
    )
    made["serbian"] = _propose(
        data.users["neighbour"],
        data.municipalities["presevo"],
        "Čišćenje korita reke",
        "environment",
        language="sr",
    )
    made["hidden"] = _propose(citizen, town, "Fshehur", "culture", plan, is_hidden=True)
    made["withdrawn"] = _propose(citizen, town, "Tërhequr", "health", withdrawn_at=utcnow())
    reached = utcnow() - timedelta(days=40)
    made["overdue"] = _propose(
        citizen,
        data.municipalities["shkoder"],
        "Parku i qytetit",
        "youth_sports",
        support_count=3,
        threshold_reached_at=reached,
        due_at=reached + timedelta(days=30),
    )
    plan.phase = Phase.VOTING
    db.session.commit()
    _answer(data)
    adopted = data.consultations["adopted"]
    for priority, in_plan in ((made["river"], True), (made["hidden"], True)):
        priority.consultation_id, priority.adopted_in_plan = adopted.id, in_plan
    db.session.commit()


def _answer(data: Dataset) -> None:
    """The river priority: supported by two, due, planned then implemented, rated."""
    from civicapp.priorities.models import Status
    from civicapp.priorities.services import cast_vote
    from civicapp.responses.services import Draft, publish_response, rate_answer

    river = data.priorities["river"]
    for user in (data.users["citizen"], data.users["neighbour"]):
        db.session.refresh(river)
        cast_vote(user, river)
    db.session.refresh(river)
    texts = {"sq": "Do ta pastrojmë lumin në pranverë.", "sr": "Očistićemo reku na proleće."}
    staff = data.users["staff"]
    planned = Draft(Status.PLANNED, texts, budget_amount=Decimal("15000.50"), budget_year=2027)
    publish_response(staff, river, planned)
    publish_response(staff, river, Draft(Status.IMPLEMENTED, texts))
    rate_answer(data.users["citizen"], river, True)
    rate_answer(data.users["neighbour"], river, False)


@pytest.fixture
def civil_society(dataset, make_user, make_organisation, make_initiative):
    """Organisations, donors and initiatives around the dataset (see tests/api/cso_data.py)."""
    from tests.api.cso_data import build_civil_society

    return build_civil_society(dataset, make_user, make_organisation, make_initiative)
