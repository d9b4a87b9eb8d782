"""A visitor's journeys through the site in Chromium with JavaScript off.

Every page reached is screenshotted (tests/browser/screenshots/<test>/) and audited with axe.
"""

import re
from pathlib import Path

from babel.messages.pofile import read_po

from civicapp.i18n import has_cyrillic

EMAIL = "vesna.petrovic@example.org"
DISPLAY_NAME = "Vesna Petrović"
PASSWORD = "tulip river mountain 42"
VERIFY_LINK = re.compile(r"https?://\S+/auth/verify/\S+")
TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


def catalog_translation(locale: str, msgid: str) -> str | None:
    """The translation of msgid in the locale's messages.po, or None while it has none."""
    with (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        message = read_po(handle, locale=locale).get(msgid)
    if message is None or message.fuzzy or not message.string:
        return None
    return message.string


def test_sign_up_confirm_sign_in_and_read_in_serbian_cyrillic(journey):
    page, site = journey.page, journey.live_server
    main = page.locator("main")

    journey.visit("/", "home")
    assert page.locator("html").get_attribute("lang") == "en"

    journey.follow(page.locator("header").get_by_role("link", name="Create account"), "register")
    main.get_by_label("E-mail address").fill(EMAIL)
    main.get_by_label("Display name").fill(DISPLAY_NAME)
    main.get_by_label("Password").fill(PASSWORD)
    main.get_by_label("Home municipality (optional)").select_option(label="Gračanica")
    assert main.get_by_label("Language").input_value() == "en"
    journey.submit(main.get_by_role("button", name="Create account"), "check-your-email")
    assert main.get_by_role("heading", level=1).inner_text() == "Check your e-mail"
    assert EMAIL in main.inner_text()

    messages = site.outbox()
    assert [m["to"] for m in messages] == [EMAIL]
    link = VERIFY_LINK.search(messages[0]["body"])
    assert link, f"no verification link in:\n{messages[0]['body']}"
    assert link.group(0).startswith(site.url + "/auth/verify/")

    journey.visit(link.group(0), "verified-sign-in")
    assert page.url == site.url + "/auth/login"
    assert "your e-mail address is confirmed" in page.get_by_role("status").inner_text()

    main.get_by_label("E-mail address").fill(EMAIL)
    main.get_by_label("Password").fill(PASSWORD)
    journey.submit(main.get_by_role("button", name="Sign in"), "signed-in-home")
    assert page.url == site.url + "/"
    header = page.locator("header")
    assert header.get_by_role("button", name="Sign out").is_visible()

    journey.follow(header.get_by_role("link", name="Profile"), "profile")
    assert main.get_by_role("heading", level=1).inner_text() == "Profile"
    assert main.get_by_label("Display name").input_value() == DISPLAY_NAME
    assert EMAIL in main.inner_text()
    assert "not confirmed" not in main.inner_text()
    home = page.locator("#home_municipality_id option:checked")
    assert home.inner_text() == "Gračanica"

    serbian = page.locator("form.languages button[name=locale][value=sr]")
    assert serbian.inner_text() == "Српски"
    journey.submit(serbian, "profile-in-serbian-cyrillic")
    assert page.url == site.url + "/auth/profile"
    assert page.locator("html").get_attribute("lang") == "sr-Cyrl"
    assert serbian.get_attribute("aria-current") == "true"
    # Data is in Cyrillic whatever the state of the catalogs: the home municipality's name.
    assert home.inner_text() == "Грачаница"
    # Interface text is in Cyrillic once the catalog translates it (translators are at work).
    heading = catalog_translation("sr", "Profile")
    if heading is not None:
        assert has_cyrillic(heading), f"sr/messages.po translates 'Profile' as {heading!r}"
        shown = main.get_by_role("heading", level=1).inner_text()
        assert shown == heading, f"heading {shown!r}, sr catalog {heading!r}: make translations?"

    journey.follow(page.locator("header nav a[href='/municipalities/']"), "municipalities-sr")
    assert page.locator("html").get_attribute("lang") == "sr-Cyrl"
    journey.follow(main.get_by_role("link", name="Грачаница", exact=True), "gracanica-sr")
    assert page.url == site.url + "/municipalities/gracanica"
    assert page.locator("html").get_attribute("lang") == "sr-Cyrl"
    title = main.get_by_role("heading", level=1).inner_text()
    assert title == "Грачаница" and has_cyrillic(title)

    journey.finish()


def test_short_password_keeps_the_form_and_explains(journey):
    page, site = journey.page, journey.live_server
    main = page.locator("main")

    journey.visit("/auth/register", "register")
    main.get_by_label("E-mail address").fill("mira@example.org")
    main.get_by_label("Display name").fill("Mira")
    main.get_by_label("Password").fill("short")
    journey.submit(main.get_by_role("button", name="Create account"), "refused", status=400)

    assert page.url == site.url + "/auth/register"
    assert main.get_by_role("alert").inner_text() == "Please correct the marked fields."
    assert main.get_by_label("E-mail address").input_value() == "mira@example.org"
    assert main.get_by_label("Display name").input_value() == "Mira"
    password = main.get_by_label("Password")
    assert password.input_value() == ""
    assert password.get_attribute("aria-invalid") == "true"
    error = page.locator("#password-error")
    assert error.inner_text() == "Use at least 10 characters."
    assert "password-error" in password.get_attribute("aria-describedby").split()
    assert site.outbox() == []

    journey.finish()
