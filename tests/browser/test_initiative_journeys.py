"""An organisation in Chromium with JavaScript off: registered, verified, staffed, publishing.

Vesa registers a CSO, a platform admin (signed in with a TOTP code) verifies it, Vesa invites
Luan, who accepts from the e-mailed link, Luan publishes an initiative with a PDF and links it
to a citizen's priority; Arta follows the initiative and comments on it, then the priority's
page shows the initiative working on it. Every page reached is screenshotted and audited.
"""

import re

import pyotp
import pytest

from civicapp.uploads import samples
from tests.browser.test_priority_journeys import sign_in, sign_out

ORGANISATION = "Shoqata Lumi i Pastër"
INITIATIVE = "Brigjet e gjelbra të Prishtevkës"
SUMMARY = "Pastrojmë dhe mbjellim brigjet e lumit me shkollat e lagjes."
PRIORITY = "Pastrimi i brigjeve të lumit Prishtevka"
DOCUMENT = "Memorandumi me komunën"
COMMENT = "Do të vij me fëmijët e mi në aksionin e parë."
UPDATE = "Aksioni i parë: 40 vullnetarë"
INVITATION = re.compile(r"https?://\S+/organisations/invitations/\S+")


@pytest.fixture
def people(site, make_user, make_priority):
    """A verified citizen who founds a CSO, a colleague, a citizen and an admin with TOTP."""
    from civicapp.extensions import db
    from civicapp.municipalities.services import get_municipality_by_slug

    pristina = get_municipality_by_slug("pristina")
    secret = pyotp.random_base32()
    people = {
        "founder": make_user(display_name="Vesa Morina", email="vesa@example.org"),
        "colleague": make_user(display_name="Luan Hoxha", email="luan@example.org"),
        "citizen": make_user(display_name="Arta Krasniqi", email="arta@example.org"),
        "admin": make_user(
            display_name="Platform Admin",
            email="admin@example.org",
            role="admin",
            totp_secret=secret,
        ),
        "secret": secret,
        "pristina_id": pristina.id,
    }
    priority = make_priority(
        title=PRIORITY, municipality=pristina, author=people["citizen"], language="sq"
    )
    people["priority_id"], people["reference"] = priority.id, priority.reference
    db.session.commit()
    return people


def test_organisation_registered_verified_and_its_initiative_followed(journey, people, tmp_path):
    page, site = journey.page, journey.live_server
    main = page.locator("main")

    # 1. Vesa registers the organisation: it is pending until an admin verifies it.
    sign_in(journey, "vesa@example.org", "founder")
    journey.visit("/organisations/new", "founder-register-organisation")
    main.get_by_label("Name in Albanian").fill(ORGANISATION)
    main.get_by_label("Kind of organisation").select_option(value="registered_cso")
    main.get_by_label("Register", exact=True).select_option(value="xk_ngo")
    main.get_by_label("Registration number").fill("5112233-4")
    main.get_by_role("group", name="Municipalities you work in").get_by_label(
        "Pristina", exact=True
    ).check()
    main.get_by_role("group", name="Sectors").get_by_label("Environment").check()
    main.get_by_label("Description").fill("Vullnetarë që kujdesen për lumenjtë e qytetit.")
    journey.submit(main.get_by_role("button", name="Register"), "founder-organisation-pending")
    profile_path = page.url.removeprefix(site.url)
    assert re.fullmatch(r"/organisations/[a-z0-9-]+", profile_path), profile_path
    assert main.get_by_role("heading", level=1).inner_text().startswith(ORGANISATION)
    assert "Awaiting verification" in main.inner_text()
    sign_out(journey, "founder")

    # 2. A platform admin verifies it with a note.
    sign_in(journey, "admin@example.org", "admin", totp_secret=people["secret"])
    journey.visit("/organisations/admin/", "admin-verification-queue")
    journey.follow(main.get_by_role("link", name=ORGANISATION), "admin-review")
    main.get_by_label("Note to the organisation").fill("Registration checked in the NGO register.")
    journey.submit(main.get_by_role("button", name="Verify"), "admin-verified")
    assert "Verified" in main.inner_text()
    sign_out(journey, "admin")

    # 3. Vesa invites Luan; Luan accepts from the e-mailed link.
    site.clear_outbox()
    sign_in(journey, "vesa@example.org", "founder-again")
    journey.visit(profile_path + "/members", "founder-members")
    main.get_by_label("E-mail address").fill("luan@example.org")
    journey.submit(main.get_by_role("button", name="Send the invitation"), "founder-invited")
    invitations = [m for m in site.outbox() if m["to"] == "luan@example.org"]
    assert len(invitations) == 1, site.outbox()
    link = INVITATION.search(invitations[0]["body"]).group(0)
    sign_out(journey, "founder")
    sign_in(journey, "luan@example.org", "colleague")
    journey.visit(link, "colleague-invitation")
    journey.submit(main.get_by_role("button", name=f"Join {ORGANISATION}"), "colleague-joined")
    assert page.url == site.url + profile_path

    # 4. Luan writes the initiative, attaches a PDF, links the priority and publishes.
    journey.visit("/initiatives/new", "colleague-new-initiative")
    main.get_by_label("Title").fill(INITIATIVE)
    main.get_by_label("Summary").fill(SUMMARY)
    main.get_by_label("Language of the text").select_option(value="sq")
    main.get_by_role("group", name="Municipalities").get_by_label("Pristina", exact=True).check()
    main.get_by_label("Total budget (EUR)").fill("12500")
    main.get_by_label("Start date").fill("2027-03-01")
    main.get_by_label("End date").fill("2027-10-31")
    journey.submit(main.get_by_role("button", name="Save"), "colleague-initiative-saved")
    match = re.match(re.escape(site.url) + r"/initiatives/(\d+)", page.url)
    assert match, page.url
    initiative_path = f"/initiatives/{match.group(1)}"
    journey.visit(initiative_path + "/manage", "colleague-manage")

    pdf = tmp_path / "memorandum.pdf"
    pdf.write_bytes(samples.pdf("Memorandum"))
    documents = main.locator("#documents")
    documents.get_by_label("Title").fill(DOCUMENT)
    documents.get_by_label("File").set_input_files(str(pdf))
    journey.submit(documents.get_by_role("button", name="Attach"), "colleague-document-attached")

    linking = main.locator("#priorities")
    linking.get_by_label("Reference number").fill(people["reference"])
    journey.submit(linking.get_by_role("button", name="Link the priority"), "colleague-linked")
    main.get_by_label("New status").select_option(value="published")
    journey.submit(main.get_by_role("button", name="Change the status"), "colleague-published")
    sign_out(journey, "colleague")

    # 5. Arta reads the public page, downloads nothing yet, follows and comments.
    sign_in(journey, "arta@example.org", "citizen")
    journey.visit(initiative_path, "citizen-initiative")
    assert main.get_by_role("heading", level=1).inner_text() == INITIATIVE
    assert main.locator("#documents").get_by_role("link", name=re.compile(DOCUMENT)).is_visible()
    journey.submit(main.get_by_role("button", name="Follow"), "citizen-following")
    assert main.get_by_role("button", name="Unfollow").is_visible()
    comments = main.locator("#comments")
    comments.get_by_label("Your comment", exact=True).fill(COMMENT)
    comments.get_by_label("Language of your comment").select_option(value="sq")
    journey.submit(comments.get_by_role("button", name="Publish comment"), "citizen-commented")
    assert COMMENT in main.locator("#comments .thread").inner_text()

    # 6. The priority's page shows the initiative working on it.
    journey.visit(f"/priorities/{people['priority_id']}", "citizen-priority")
    working = main.get_by_role("link", name=INITIATIVE)
    assert working.is_visible()
    assert working.get_attribute("href").endswith(initiative_path)
    sign_out(journey, "citizen")

    # 7. Luan posts an update; Arta, who follows, is told and opens it.
    sign_in(journey, "luan@example.org", "colleague-again")
    journey.visit(initiative_path, "colleague-initiative")
    journey.follow(main.get_by_role("link", name="Post an update"), "colleague-update-form")
    main.get_by_label("Title").fill(UPDATE)
    main.get_by_label("Date").fill("2027-03-15")
    main.get_by_label("Text").fill("Pastruam 2 km breg bashkë me dy shkolla.")
    journey.submit(main.get_by_role("button", name="Save"), "colleague-update-posted")
    assert UPDATE in main.inner_text()
    sign_out(journey, "colleague-again")
    sign_in(journey, "arta@example.org", "citizen-again")
    header = page.locator("header")
    journey.follow(
        header.get_by_role("link", name="Notifications (1 unread)"), "citizen-notifications"
    )
    notice = main.locator("ol.notifications li").first.get_by_role("button")
    assert notice.inner_text() == f"“{INITIATIVE}” posted an update: “{UPDATE}”"
    journey.submit(notice, "citizen-notification-opened")
    assert page.url.split("#")[0] == site.url + initiative_path

    journey.finish()
