"""A priority's life in Chromium with JavaScript off: proposed, supported, discussed, answered.

Citizen A proposes a priority in Prishtinë in Albanian, citizen B supports it and comments, a
staff member of Prishtinë (signed in with a TOTP code) answers it, first forgetting the Serbian
text, and A finds the notification and reads the answer, then in Serbian Cyrillic. Every page
reached, including the answer form re-rendered with its errors, is screenshotted
(tests/browser/screenshots/<test>/) and audited with axe.
"""

import re

import pyotp
import pytest

from tests.conftest import TEST_PASSWORD

TITLE = "Pastrimi i brigjeve të lumit Prishtevka"
BODY = "Lumi është plot mbeturina. Kërkojmë pastrimin e brigjeve para verës."
PLACE = "Ulpiana"
COMMENT = "E mbështes plotësisht, lumi ka nevojë për pastrim."
ANSWER_SQ = "E kemi pranuar propozimin tuaj."
ANSWER_SR = "Primili smo vaš predlog."
ANSWER_SR_CYRL = "Примили смо ваш предлог."
REFERENCE = re.compile(r"PRI-(\d{4})-(\d{5})")


@pytest.fixture
def people(site, make_user):
    """Two verified citizens and a staff member of Prishtinë with an authenticator."""
    from civicapp.extensions import db
    from civicapp.municipalities.services import get_municipality_by_slug

    pristina = get_municipality_by_slug("pristina")
    assert pristina is not None, "the municipalities were not loaded"
    assert set(pristina.official_language_codes) >= {"sq", "sr"}
    pristina_id = pristina.id
    secret = pyotp.random_base32()
    people = {
        "a": make_user(display_name="Arta Krasniqi", email="arta@example.org"),
        "b": make_user(display_name="Bekim Gashi", email="bekim@example.org"),
        "staff": make_user(
            display_name="Drita Berisha",
            email="drita@pristina.example.org",
            staff_of=[pristina],
            totp_secret=secret,
        ),
        "secret": secret,
        "pristina_id": pristina_id,
    }
    # End this session's transaction: on SQLite an open read would block the live server.
    db.session.commit()
    return people


def sign_in(journey, email, name, *, totp_secret=None):
    page, site = journey.page, journey.live_server
    main = page.locator("main")
    journey.visit("/auth/login", f"{name}-sign-in")
    main.get_by_label("E-mail address").fill(email)
    main.get_by_label("Password").fill(TEST_PASSWORD)
    after_password = f"{name}-two-factor" if totp_secret else f"{name}-signed-in"
    journey.submit(main.get_by_role("button", name="Sign in"), after_password)
    if totp_secret is not None:
        assert page.url == site.url + "/auth/two-factor"
        main.get_by_label("Six-digit code from your authenticator app").fill(
            pyotp.TOTP(totp_secret).now()
        )
        journey.submit(main.get_by_role("button", name="Continue"), f"{name}-signed-in")
    assert page.url == site.url + "/", f"{name}: sign-in ended on {page.url}"
    assert page.locator("header").get_by_role("button", name="Sign out").is_visible()


def sign_out(journey, name):
    header = journey.page.locator("header")
    journey.submit(header.get_by_role("button", name="Sign out"), f"{name}-signed-out")
    assert header.get_by_role("link", name="Sign in").is_visible()


def test_priority_proposed_supported_answered_and_read_in_serbian_cyrillic(journey, people):
    page, site = journey.page, journey.live_server
    main = page.locator("main")
    header = page.locator("header")
    html = page.locator("html")

    # 1. Citizen A proposes a priority in Prishtinë, in Albanian.
    sign_in(journey, "arta@example.org", "a")
    journey.visit("/priorities/", "priorities")
    journey.follow(main.get_by_role("link", name="Propose a priority"), "a-propose")
    main.get_by_label("Title").fill(TITLE)
    main.get_by_label("Description").fill(BODY)
    main.get_by_label("Municipality").select_option(value=str(people["pristina_id"]))
    main.get_by_label("Sector").select_option(value="environment")
    main.get_by_label("Village or neighbourhood (optional)").fill(PLACE)
    main.get_by_label("Language you wrote in").select_option(value="sq")
    journey.submit(main.get_by_role("button", name="Publish"), "a-priority-published")
    match = re.fullmatch(re.escape(site.url) + r"/priorities/(\d+)", page.url)
    assert match, f"after publishing: {page.url}"
    priority_path = f"/priorities/{match.group(1)}"
    reference = main.locator(".reference").inner_text()
    found = REFERENCE.fullmatch(reference)
    assert found, f"reference {reference!r}"
    assert int(found.group(2)) == int(match.group(1))
    assert f"Your priority is published as {reference}." in page.get_by_role("status").inner_text()
    assert main.get_by_role("heading", level=1).inner_text() == TITLE
    assert main.get_by_role("heading", level=1).get_attribute("lang") == "sq"
    assert BODY in main.locator(".body").inner_text()
    assert "0 people support this priority." in main.locator(".support .count").inner_text()
    sign_out(journey, "a")

    # 2. Citizen B supports it and comments.
    sign_in(journey, "bekim@example.org", "b")
    journey.visit(priority_path, "b-priority")
    journey.submit(main.get_by_role("button", name="Support this priority"), "b-supported")
    assert page.url.split("#")[0] == site.url + priority_path
    assert "Thank you for your support." in page.get_by_role("status").inner_text()
    assert main.locator(".support .count").inner_text() == "1 person supports this priority."
    assert main.get_by_text("You support this priority.").is_visible()
    comments = main.locator("#comments")
    comments.get_by_label("Your comment", exact=True).fill(COMMENT)
    comments.get_by_label("Language of your comment").select_option(value="sq")
    journey.submit(comments.get_by_role("button", name="Publish comment"), "b-commented")
    assert page.url.split("#")[0] == site.url + priority_path
    assert main.locator("#comments-title").inner_text() == "1 comment"
    assert COMMENT in main.locator("#comments .thread").inner_text()
    sign_out(journey, "b")

    # 3. Staff of Prishtinë answer from the inbox: first without Serbian, then complete.
    sign_in(journey, "drita@pristina.example.org", "staff", totp_secret=people["secret"])
    journey.follow(header.get_by_role("link", name="Inbox"), "staff-inbox")
    inbox_row = main.locator("table.inbox tbody tr", has_text=reference)
    assert inbox_row.count() == 1, main.locator("table.inbox").inner_text()
    assert inbox_row.locator("td").nth(2).inner_text() == "1"  # supports
    journey.follow(inbox_row.get_by_role("link", name=TITLE), "staff-priority")
    assert page.url == site.url + priority_path
    journey.follow(main.get_by_role("link", name="Publish an official answer"), "staff-answer-form")
    answer_path = f"{priority_path}/answer"
    assert page.url == site.url + answer_path
    albanian, serbian = (
        main.get_by_label("Albanian", exact=True),
        main.get_by_label("Serbian", exact=True),
    )
    main.get_by_label("Status").select_option(value="received")
    albanian.fill(ANSWER_SQ)
    journey.submit(
        main.get_by_role("button", name="Publish the answer"), "staff-answer-refused", status=400
    )
    assert page.url == site.url + answer_path
    alerts = " ".join(main.get_by_role("alert").all_inner_texts())
    assert "Missing: Serbian." in alerts, alerts
    assert albanian.input_value() == ANSWER_SQ
    assert albanian.get_attribute("aria-invalid") != "true"
    assert serbian.input_value() == ""
    assert serbian.get_attribute("aria-invalid") == "true"
    serbian_error = page.locator(f"#{serbian.get_attribute('id')}-error")
    assert serbian_error.inner_text() == "Required: an official language."
    assert main.get_by_label("Status").input_value() == "received"
    assert "Albanian" not in alerts.split("Missing:", 1)[1]
    serbian.fill(ANSWER_SR)
    journey.submit(main.get_by_role("button", name="Publish the answer"), "staff-answer-published")
    assert page.url.split("#")[0] == site.url + priority_path
    assert "The official answer is published." in page.get_by_role("status").inner_text()
    timeline = main.locator("#answers .timeline .timeline-entry")
    assert timeline.count() == 1
    assert timeline.locator("h3").inner_text() == "Received"
    texts = timeline.locator(".answer-text").all_text_contents()
    assert ANSWER_SQ in texts and ANSWER_SR in texts, texts
    assert "Drita Berisha" in timeline.locator(".meta").inner_text()
    sign_out(journey, "staff")

    # 4. Citizen A finds the notification and the answer.
    sign_in(journey, "arta@example.org", "a-again")
    notifications_link = header.get_by_role("link", name="Notifications (1 unread)")
    journey.follow(notifications_link, "a-notifications")
    assert page.url == site.url + "/notifications/"
    entries = main.locator("ol.notifications li")
    assert entries.count() == 1
    notice = entries.first.get_by_role("button")
    assert notice.inner_text() == f"The municipality answered “{TITLE}”: Received"
    assert entries.first.locator(".tag").inner_text() == "New"
    journey.submit(notice, "a-notification-opened")
    assert page.url.split("#")[0] == site.url + priority_path
    assert header.get_by_role("link", name="Notifications", exact=True).is_visible()
    entry = main.locator("#answers .timeline .timeline-entry")
    assert entry.count() == 1 and entry.locator("h3").inner_text() == "Received"
    shown = entry.locator(".answer-text").all_text_contents()
    assert ANSWER_SQ in shown and ANSWER_SR in shown, shown

    # 5. In Serbian Cyrillic the Serbian answer comes first, transliterated.
    cyrillic = page.locator("form.languages button[name=locale][value=sr]")
    journey.submit(cyrillic, "a-priority-sr-cyrl")
    assert page.url.split("#")[0] == site.url + priority_path
    assert html.get_attribute("lang") == "sr-Cyrl"
    assert cyrillic.get_attribute("aria-current") == "true"
    answer_texts = main.locator("#answers .timeline-entry .answer-text")
    first = answer_texts.first
    assert first.inner_text() == ANSWER_SR_CYRL
    assert first.get_attribute("lang") == "sr-Cyrl"
    assert ANSWER_SR not in main.inner_text()
    # Albanian content is left as written.
    assert main.get_by_role("heading", level=1).inner_text() == TITLE
    assert ANSWER_SQ in answer_texts.all_text_contents()

    # 6. The accountability league and the municipality's list, still in Cyrillic.
    journey.visit("/accountability/", "accountability-sr-cyrl")
    assert html.get_attribute("lang") == "sr-Cyrl"
    journey.visit("/priorities/?municipality=pristina", "priorities-pristina-sr-cyrl")
    assert html.get_attribute("lang") == "sr-Cyrl"
    assert main.locator("#f-municipality").input_value() == "pristina"
    cards = main.locator(".priority-list > li")
    assert cards.count() == 1
    assert TITLE in cards.first.inner_text()

    journey.finish()
