"""Demo consultations: believable, in three languages and every phase, sized by the scale."""

from civicapp.consultations.demo import (
    CONSULTATIONS,
    EXTRA_PER_SCALE,
    STAFF_EMAIL,
    demo_consultations,
    seed,
)
from civicapp.consultations.models import Phase
from civicapp.municipalities.services import get_municipality_by_slug, load_municipalities


def test_seed_makes_consultations_in_every_phase(app_ctx, make_user):
    load_municipalities()
    towns = [get_municipality_by_slug(slug) for slug in ("pristina", "presevo")]
    staff = make_user(email=STAFF_EMAIL, staff_of=towns)
    [report] = list(seed(1))
    made = demo_consultations()
    assert report == f"demo consultations: {len(made)}"
    assert {c.phase for c in made} == set(Phase)
    assert {c.language for c in made} == {"sq", "sr", "en"}
    by_town = {c.municipality.slug: c for c in made}
    assert by_town["pristina"].created_by_id == staff.id
    assert by_town["gracanica"].created_by_id is None  # the demo staff do not work there
    [adopted] = [c for c in made if c.phase == Phase.ADOPTED]
    assert adopted.decision_reference and adopted.decision_date >= adopted.created_at.date()
    assert all(c.description_html.startswith("<p>") for c in made)


def test_larger_scale_adds_more(app_ctx):
    load_municipalities()
    list(seed(1))
    at_scale_1 = len(demo_consultations())
    assert at_scale_1 == len(CONSULTATIONS)
    list(seed(3))
    assert len(demo_consultations()) - at_scale_1 == at_scale_1 + 2 * EXTRA_PER_SCALE
