"""axe-core finds no WCAG 2.1 A/AA violation on the public pages, in each of the four locales."""

import pytest

from civicapp.i18n import HTML_LANG, LOCALE_COOKIE, LOCALES

PUBLIC_PAGES = [
    ("home", "/", 200),
    ("municipalities", "/municipalities/", 200),
    ("municipality", "/municipalities/gracanica", 200),
    ("sign-in", "/auth/login", 200),
    ("register", "/auth/register", 200),
    ("forgot-password", "/auth/forgot", 200),
    ("not-found", "/this-page-does-not-exist", 404),
    ("priorities", "/priorities/", 200),
    ("priority", "/priorities/{priority_id}", 200),
    ("consultations", "/consultations/", 200),
    ("accountability", "/accountability/", 200),
]


@pytest.fixture
def public_content(site, make_consultation, make_priority):
    """A consultation of Prishtinë in its voting phase with one Serbian priority."""
    from civicapp.extensions import db
    from civicapp.municipalities.services import get_municipality_by_slug

    pristina = get_municipality_by_slug("pristina")
    consultation = make_consultation(pristina)
    priority = make_priority(
        pristina,
        consultation=consultation,
        title="Popravka puta do škole",
        body="Put je pun rupa.",
        body_html="<p>Put je pun rupa.</p>",
        language="sr",
    )
    ids = {"priority_id": priority.id}
    db.session.commit()  # no transaction left open: on SQLite it could block the live server
    return ids


@pytest.mark.parametrize("locale", LOCALES)
def test_public_pages_have_no_axe_violations(journey, public_content, locale):
    """Every public page in one locale; the failure lists the violations of every page."""
    journey.page.context.add_cookies(
        [{"name": LOCALE_COOKIE, "value": locale, "url": journey.live_server.url}]
    )
    for name, path, status in PUBLIC_PAGES:
        journey.visit(path.format(**public_content), f"{name}-{locale}", status=status)
        assert journey.page.locator("html").get_attribute("lang") == HTML_LANG[locale], name
    assert len(journey.audited) == len(PUBLIC_PAGES)
    journey.finish()


BROKEN_PAGE = """<!doctype html><html><head><title>broken</title></head>
<body><main><img src="/static/missing.png"><a href="/"></a></main></body></html>"""
CLEAN_PAGE = """<!doctype html><html lang="en"><head><title>clean</title></head>
<body><main><h1>Clean</h1><p><a href="/">Home</a></p></main></body></html>"""


def test_axe_check_reports_violations_and_passes_clean_pages(context, page, axe_check, live_server):
    """The harness itself: known faults fail with a readable report, a clean page passes."""
    pages = {"/broken-on-purpose": BROKEN_PAGE, "/clean-on-purpose": CLEAN_PAGE}

    def serve(route):
        path = route.request.url.removeprefix(live_server.url)
        route.fulfill(status=200, body=pages[path], content_type="text/html")

    for path in pages:
        context.route(live_server.url + path, serve)

    page.goto("/broken-on-purpose")
    with pytest.raises(AssertionError) as failure:
        axe_check(page, label="a broken page")
    report = str(failure.value)
    assert "on a broken page (" in report
    for rule in ("html-has-lang", "image-alt", "link-name"):
        assert f"- {rule} [" in report
    assert "    at img: <img src=" in report

    axe_check("/clean-on-purpose", label="a clean page")
