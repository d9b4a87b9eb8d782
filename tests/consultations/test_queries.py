"""The consultation page costs the same number of SQL statements whatever its size."""

import pytest

from civicapp.consultations.models import Phase
from tests.helpers import statements_of


def build(make_municipality, make_consultation, make_priority, make_user, size: int, slug=None):
    town = make_municipality(slug or f"town{size}")
    consultation = make_consultation(town, phase=Phase.ADOPTED)
    for n in range(size):
        author = make_user()  # each row its own author, so that a lazy load per row would show
        make_priority(
            town, author, consultation, title=f"P{n}", support_count=n, adopted_in_plan=n % 2 == 0
        )
    return town, consultation


@pytest.mark.parametrize("signed_in", ["anonymous", "staff"])
def test_consultation_page_queries_do_not_grow(
    client, login, make_municipality, make_consultation, make_priority, make_user, signed_in
):
    small_town, small = build(make_municipality, make_consultation, make_priority, make_user, 3)
    big_town, big = build(make_municipality, make_consultation, make_priority, make_user, 30)
    if signed_in == "staff":
        login(make_user(staff_of=[small_town, big_town]))
    counts = [statements_of(client, f"/consultations/{c.id}") for c in (small, big)]
    assert counts[0] == counts[1], counts


def test_consultation_list_queries_do_not_grow(
    client, make_municipality, make_consultation, make_priority, make_user
):
    build(make_municipality, make_consultation, make_priority, make_user, 3)
    before = statements_of(client, "/consultations/")
    for n in range(10):
        build(make_municipality, make_consultation, make_priority, make_user, n % 3, f"more{n}")
    assert statements_of(client, "/consultations/") == before
