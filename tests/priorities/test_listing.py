"""Priority lists: filters, sorts, paging, hostile query strings, hidden items, query count."""

import re
from datetime import timedelta

import pytest

from civicapp.accounts.models import Role
from civicapp.consultations.models import Phase
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Sector, Status
from tests.helpers import statements_of


def titles(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    return re.findall(r'<h2><a href="/priorities/\d+" lang="[^"]*">([^<]*)</a>', response.text)


@pytest.fixture
def world(make_user, make_municipality, make_consultation, make_priority):
    """Four priorities in two municipalities, with distinct counts, dates and states."""
    town, other = make_municipality("pristina"), make_municipality("gracanica")
    plan = make_consultation(town, phase=Phase.VOTING)
    author, now = make_user(), utcnow()
    rows = [
        ("Trees along the river", town, dict(support_count=5, comment_count=1, consultation=plan)),
        (
            "A new school roof",
            town,
            dict(
                support_count=9,
                sector=Sector.EDUCATION,
                status=Status.PLANNED,
                last_answered_at=now,
            ),
        ),
        (
            "Bus stop shelter",
            town,
            dict(
                support_count=1,
                comment_count=7,
                due_at=now - timedelta(1),
                threshold_reached_at=now - timedelta(31),
            ),
        ),
        ("Library hours", other, dict(support_count=3, last_answered_at=now - timedelta(3))),
    ]
    made = {}
    for number, (title, where, fields) in enumerate(rows):
        fields.setdefault("created_at", now - timedelta(days=10 - number))
        made[title] = make_priority(where, author, title=title, **fields)
    return {"town": town, "plan": plan, **made}


def test_default_order_is_most_supported(client, world):
    assert titles(client.get("/priorities/")) == [
        "A new school roof",
        "Trees along the river",
        "Library hours",
        "Bus stop shelter",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "sort=newest",
            ["Library hours", "Bus stop shelter", "A new school roof", "Trees along the river"],
        ),
        (
            "sort=discussed",
            ["Bus stop shelter", "Trees along the river", "Library hours", "A new school roof"],
        ),
        (
            "sort=answered",
            ["A new school roof", "Library hours", "Bus stop shelter", "Trees along the river"],
        ),
        ("municipality=gracanica", ["Library hours"]),
        ("sector=education", ["A new school roof"]),
        ("status=planned", ["A new school roof"]),
        ("overdue=1", ["Bus stop shelter"]),
        ("municipality=pristina&sort=newest&overdue=1", ["Bus stop shelter"]),
    ],
)
def test_filters_and_sorts(client, world, query, expected):
    assert titles(client.get(f"/priorities/?{query}")) == expected


def test_consultation_filter(client, world):
    assert titles(client.get(f"/priorities/?consultation={world['plan'].id}")) == [
        "Trees along the river"
    ]
    page = client.get(f"/priorities/?municipality=pristina&consultation={world['plan'].id}").text
    assert f'<option value="{world["plan"].id}" selected>' in page


@pytest.mark.parametrize(
    "query",
    [
        "sector=nonsense",
        "status=%3Cscript%3E",
        "municipality=%3Cscript%3Ealert(1)%3C/script%3E",
        "consultation=-3",
        "consultation=99999999999999999999999",
        "overdue=yes",
        "sort=DROP",
        "q=%25_%25",
        "consultation=%C2%B2",
    ],
)
def test_values_not_understood_are_ignored_with_a_notice(client, world, query):
    response = client.get(f"/priorities/?{query}")
    assert len(titles(response)) == 4
    assert "Some of the filters were not understood" in response.text
    assert "<script>" not in response.text.split("</header>")[1]


@pytest.mark.parametrize("number", ["-5", "0", "abc", str(10**20), "10001", "²"])
def test_page_numbers_that_cannot_exist_are_a_400(client, world, number):
    response = client.get(f"/priorities/?page={number}")
    assert response.status_code == 400
    assert "There is no such page." in response.text


def test_pages_of_twenty(client, make_user, make_municipality, make_priority):
    town, author = make_municipality(), make_user()
    for number in range(23):
        make_priority(town, author, title=f"Priority number {number:02d}", support_count=number)
    first, second = client.get("/priorities/"), client.get("/priorities/?page=2")
    assert len(titles(first)) == 20 and len(titles(second)) == 3
    assert "23 priorities" in first.text and 'rel="next"' in first.text
    assert titles(client.get("/priorities/?page=9")) == []


def test_hidden_priorities_are_listed_for_moderators_only(
    client, login, make_user, make_municipality, make_priority
):
    town, author = make_municipality(), make_user()
    make_priority(town, author, title="Visible one")
    make_priority(town, author, title="Hidden one", is_hidden=True)
    assert titles(client.get("/priorities/")) == ["Visible one"]
    login(author)
    assert titles(client.get("/priorities/")) == ["Visible one"]
    login(make_user(role=Role.MODERATOR))
    assert sorted(titles(client.get("/priorities/"))) == ["Hidden one", "Visible one"]


def test_search_ignores_script_and_diacritics(client, make_user, make_municipality, propose):
    town, author = make_municipality("gracanica"), make_user()
    propose(author, town, title="Park u Gračanica centru", language="sr", place=None)
    propose(author, town, title="Парк за децу у Грачаница", language="sr", place=None)
    propose(author, town, title="Rruga për në Graçanicë", language="sq", place="Çagllavicë")
    propose(author, town, title="Something unrelated", place="Elsewhere")
    for query in ("Gracanica", "Gračanica", "Грачаница", "gracanica"):
        found = titles(client.get("/priorities/", query_string={"q": query}))
        assert sorted(found) == ["Park u Gračanica centru", "Парк за децу у Грачаница"], query
    for query in ("gracanice", "Graçanicë", "cagllavice", "ÇAGLLAVICË"):
        assert titles(client.get("/priorities/", query_string={"q": query})) == [
            "Rruga për në Graçanicë"
        ], query


def test_search_ranks_by_words_matched_and_combines_with_filters(
    client, make_user, make_municipality, propose
):
    town, other, author = make_municipality("pristina"), make_municipality("prizren"), make_user()
    propose(author, town, title="Water for the school", place=None)
    propose(author, town, title="Water, a new school and a park", place=None)
    propose(author, other, title="Water and a school in Prizren", place=None)
    found = titles(client.get("/priorities/?q=water+park+school&municipality=pristina"))
    assert found == ["Water, a new school and a park", "Water for the school"]
    assert titles(client.get("/priorities/?q=wat+sch&sort=newest")) == [
        "Water and a school in Prizren",
        "Water, a new school and a park",
        "Water for the school",
    ]


@pytest.mark.parametrize("url", ["/priorities/", "/priorities/?municipality=pristina&q=river"])
def test_queries_per_page_do_not_grow_with_the_rows(
    client, login, make_user, make_municipality, make_consultation, make_priority, url
):
    town, author = make_municipality("pristina"), make_user()
    plans = [make_consultation(town, title=f"Plan {n}") for n in range(3)]

    def add(count):
        for number in range(count):
            make_priority(
                town,
                author,
                consultation=plans[number % 3],
                title=f"River bank {number}",
                body="River clean-up",
            )

    login(make_user())
    add(3)
    small = statements_of(client, url)
    add(27)
    assert statements_of(client, url) == small


def test_search_finds_priorities_through_their_comments(
    client, make_user, make_municipality, propose
):
    from civicapp.comments.services import delete_comment, post_comment

    town, author = make_municipality(), make_user()
    quiet = propose(author, town, title="Benches in the park", place=None)
    propose(author, town, title="Graffiti on the bridge", place=None)
    comment = post_comment(make_user(), quiet, "Some graffiti too, near the fountain.", "en")
    assert sorted(titles(client.get("/priorities/?q=graffiti"))) == [
        "Benches in the park",
        "Graffiti on the bridge",
    ]
    assert titles(client.get("/priorities/?q=graffiti"))[0] == "Graffiti on the bridge"
    assert titles(client.get("/priorities/?q=fountain")) == ["Benches in the park"]
    delete_comment(comment.author, comment)
    assert titles(client.get("/priorities/?q=fountain")) == []


def test_search_finds_every_priority_with_a_matching_comment(
    client, make_user, make_municipality, make_priority
):
    """Not only those of the best-ranked comments (once the best 1,000): all of them."""
    from sqlalchemy import insert

    from civicapp.comments.models import Comment
    from civicapp.search.services import add_documents

    town, author = make_municipality(), make_user()
    busy, quiet = (make_priority(town, author, title=t) for t in ("Busy square", "Quiet lane"))
    texts = [(busy.subject_id, "graffiti near the fountain")] * 1_200
    texts += [(quiet.subject_id, "graffiti")]
    ids = db.session.scalars(
        insert(Comment).returning(Comment.id),
        [
            {"target_subject_id": p, "author_id": author.id, "body": b, "body_html": b}
            | {"language": "en"}
            for p, b in texts
        ],
    ).all()
    add_documents("comment", zip(ids, (body for _p, body in texts), strict=True))
    db.session.commit()
    assert sorted(titles(client.get("/priorities/?q=graffiti+fountain"))) == [
        "Busy square",
        "Quiet lane",
    ]


@pytest.mark.parametrize(
    "query", ["", "sort=newest", "sort=discussed", "sort=answered", "q=river", "q=river+school"]
)
def test_a_page_lists_what_the_whole_query_lists_in_its_order(app_ctx, world, query):
    from werkzeug.datastructures import MultiDict

    from civicapp.priorities import queries

    filters = queries.parse_filters(MultiDict([p.split("=") for p in query.split("&") if p]))
    wanted = [p.id for p in db.session.scalars(queries.priority_list_query(filters))]
    assert [p.id for p in queries.priority_page(filters, 1).items] == wanted
