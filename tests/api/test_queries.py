"""Every endpoint sends as many SQL statements for 30 rows as for 3."""

from datetime import timedelta

import pytest

from civicapp.consultations.models import Phase
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Status
from civicapp.search.services import index_document
from tests.helpers import count_statements

URLS = [
    "/api/v1/openapi.json",
    "/api/v1/municipalities?per_page=100",
    "/api/v1/consultations?per_page=100",
    "/api/v1/consultations/{plan}",
    "/api/v1/consultations/{plan}/priorities.csv",
    "/api/v1/priorities?per_page=100",
    "/api/v1/priorities?per_page=100&municipality=pristina&q=river",
    "/api/v1/priorities/{answered}",
    "/api/v1/priorities/{answered}/answers?per_page=100",
    "/api/v1/accountability?per_page=100",
    "/api/v1/accountability?per_page=100&sort=median",
    "/api/v1/accountability/pristina",
]


class Grower:
    """Adds rows of every kind the API lists, a batch at a time."""

    def __init__(self, make_municipality, make_user, make_consultation, make_priority):
        self.make = (make_municipality, make_user, make_consultation, make_priority)
        self.town = make_municipality("pristina")
        self.staff = make_user(staff_of=[self.town])
        self.plan = make_consultation(self.town, phase=Phase.ADOPTED, decision_reference="1")
        self.answered = make_priority(self.town, self.staff, self.plan, title="River")
        self.size = 0

    def grow_to(self, size: int) -> None:
        while self.size < size:
            self.size += 1
            self._add(self.size)
        db.session.commit()

    def _add(self, n: int) -> None:
        make_municipality, make_user, make_consultation, make_priority = self.make
        author = make_user()
        elsewhere = make_municipality(f"town{n}")
        reached = utcnow() - timedelta(days=40)
        for municipality in (elsewhere, self.town):
            due = make_priority(
                municipality,
                author,
                title=f"River {n}",
                threshold_reached_at=reached,
                due_at=reached + timedelta(days=30),
                first_answered_at=reached + timedelta(days=n % 7) if n % 2 else None,
            )
            index_document("priority", due.id, due.search_text)  # found by ?q=river
        other = make_consultation(self.town, title=f"Plan {n}")
        make_priority(self.town, author, other, adopted_in_plan=True, place=f"Village {n}")
        make_priority(self.town, author, self.plan, adopted_in_plan=n % 2 == 0)
        self._answer(author, n)

    def _answer(self, rater, n: int) -> None:
        from civicapp.priorities.models import Vote
        from civicapp.responses.models import Response, ResponseText, Satisfaction

        response = Response(
            priority_id=self.answered.id, author_id=self.staff.id, status=Status.UNDER_REVIEW
        )
        response.texts = [ResponseText(language=code, text=f"Text {n}") for code in ("sq", "sr")]
        db.session.add_all([response, Vote(priority_id=self.answered.id, user_id=rater.id)])
        self.answered.support_count += 1
        db.session.flush()
        db.session.add(Satisfaction(response_id=response.id, user_id=rater.id, is_satisfied=True))


def statements(client, url: str) -> tuple[int, int]:
    """Statements sent for the URL, and the size of what came back."""
    with count_statements() as executed:
        response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return len(executed), len(response.get_data())


@pytest.mark.parametrize("url", URLS)
def test_statements_do_not_grow_with_the_rows(
    client, make_municipality, make_user, make_consultation, make_priority, url
):
    grower = Grower(make_municipality, make_user, make_consultation, make_priority)
    url = url.format(plan=grower.plan.id, answered=grower.answered.id)
    grower.grow_to(3)
    few, small = statements(client, url)
    grower.grow_to(30)
    many, large = statements(client, url)
    assert large > small  # the rows did grow (lists several times over)
    assert many == few, (few, many)
    assert few <= 8
