"""Browser tests: Debian's Chromium, driven by Playwright, against a live server of the app.

Everything here runs through `playwright.sync_api` directly (no pytest-playwright plugin) and
never downloads a browser: Chromium is launched from /usr/bin/chromium. Without it (or without
axe-core from `npm ci`) the tests skip with the reason, unless CIVICAPP_REQUIRE_BROWSER=1 (CI
sets it), which turns a missing browser into a failure.

Pages must work without JavaScript, so the journeys run in a browser context with JavaScript
disabled. axe-core cannot run there: with script execution disabled Chromium evaluates the
injected source but never runs a promise callback or a timer, and `axe.run` is asynchronous.
So every page is audited in a second, JavaScript-enabled context that replays the exact
document the no-JS page shows (its DOM, at its own URL, with the response's
Content-Security-Policy) while the stylesheets come from the live server as usual. Replaying
instead of loading the URL again is what lets us audit pages that answer a POST (the
"check your e-mail" page, a form re-rendered with errors) and keeps the signed-in state
without copying cookies. Page scripts are blocked in the audit context, so the audited page
is what a no-JS visitor gets; axe is added to each audited document as a DevTools init
script, which the CSP does not restrict. (One difference remains: `<noscript>` content is
parsed as text when scripting is on; the app has none.)
"""

import json
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.conftest import make_test_app, outbox

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCREENSHOTS = HERE / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REQUIRE_BROWSER = os.environ.get("CIVICAPP_REQUIRE_BROWSER", "").strip() not in ("", "0")
# Without the background-networking flags Chromium keeps calling Google services, which on a
# closed network only fills the logs with refused connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config, items):
    """Mark every test of this folder `browser` (the marker is registered in pyproject.toml)."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


# --- availability ----------------------------------------------------------------------------


def _missing_tools() -> list[str]:
    missing = []
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"{CHROMIUM} not found (apt-get install chromium)")
    if not AXE_JS.is_file():
        missing.append(f"{AXE_JS.relative_to(ROOT)} not found (run `npm ci`)")
    return missing


@pytest.fixture(scope="session", autouse=True)
def _browser_tools():
    """Skip the folder when Chromium or axe-core is missing, or fail when CI requires them."""
    missing = _missing_tools()
    if missing:
        reason = "browser tests need " + "; ".join(missing)
        if REQUIRE_BROWSER:
            pytest.fail(f"{reason} (CIVICAPP_REQUIRE_BROWSER is set)", pytrace=False)
        pytest.skip(reason)


# --- live server -----------------------------------------------------------------------------


@dataclass
class LiveServer:
    app: object
    url: str

    def outbox(self) -> list[dict]:
        return outbox(self.app)

    def clear_outbox(self) -> None:
        for message in (Path(self.app.instance_path) / "outbox").glob("*.eml"):
            message.unlink()

    def load_municipalities(self) -> None:
        from civicapp.extensions import db
        from civicapp.municipalities.services import load_municipalities

        with self.app.app_context():
            load_municipalities()
            db.session.remove()


@pytest.fixture(scope="session")
def live_server(app, database_url, tmp_path_factory):
    """The app served over HTTP from a background thread, on the test database.

    `app` (the shared session app) is only depended on for the migrated schema it builds on
    the same database. The live app needs its own SERVER_NAME: the test config's
    `civicapp.test` would make Flask refuse requests for 127.0.0.1 and put the wrong host in
    mailed links. The socket is bound first to learn the port, then the app built for that
    port is attached.
    """
    from civicapp.extensions import db

    server = make_server("127.0.0.1", 0, _not_ready, threaded=True)
    host, port = server.server_address[:2]
    # Pages and fragments are cached as in production, so the journeys also show that
    # every change is visible at once.
    live_app = make_test_app(
        database_url,
        tmp_path_factory.mktemp("live-instance"),
        SERVER_NAME=f"{host}:{port}",
        CACHE_SECONDS=30,
    )
    server.app = live_app
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(app=live_app, url=f"http://{host}:{port}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        with live_app.app_context():
            db.engine.dispose()


def _not_ready(environ, start_response):
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting"]


@pytest.fixture
def site(live_server):
    """The live server with the municipalities loaded and an empty outbox for this test.

    The shared autouse cleanup empties every table after each test (these tests use `app`
    through `live_server`), so the municipalities are loaded again for every test.
    """
    live_server.clear_outbox()
    live_server.load_municipalities()
    yield live_server
    live_server.clear_outbox()


# --- browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright(_browser_tools):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright):
    """One headless Chromium for the whole session; Playwright never downloads one."""
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def context(browser, live_server):
    """A fresh visitor with JavaScript disabled, speaking English unless told otherwise."""
    context = browser.new_context(
        java_script_enabled=False,
        base_url=live_server.url,
        locale="en-US",
        viewport=VIEWPORT,
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


class Auditor:
    """Runs axe in a JavaScript-enabled page on replays of the visitor's documents.

    One page serves the whole session: axe is added to every document it loads (an init
    script, which the CSP does not restrict) and page scripts are blocked, as for the visitor.
    """

    def __init__(self, browser):
        self.context = browser.new_context(java_script_enabled=True, viewport=VIEWPORT)
        self.context.set_default_timeout(TIMEOUT_MS)
        self.context.add_init_script(path=str(AXE_JS))
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self._replay = None  # (url, headers, html) of the document to audit next

    def _route(self, route):
        request = route.request
        if self._replay and request.is_navigation_request() and request.url == self._replay[0]:
            _url, headers, html = self._replay
            route.fulfill(status=200, headers=headers, body=html)
        elif request.resource_type == "script":
            route.abort()
        else:
            route.fallback()

    def violations(self, page, csp: str | None = None) -> list[dict]:
        """Run axe (WCAG 2.0/2.1 A and AA rules) on the document `page` shows."""
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if csp:
            headers["Content-Security-Policy"] = csp
        url = page.url.split("#", 1)[0]
        self._replay = (url, headers, page.content())
        try:
            response = self.page.goto(url, wait_until="load")
        finally:
            self._replay = None
        assert response is not None and response.url == url, f"the replay of {url} did not load"
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        return self.page.evaluate(_RUN_AXE, options)

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="session")
def auditor(browser):
    auditor = Auditor(browser)
    yield auditor
    auditor.close()


_RUN_AXE = """options => axe.run(document, options).then(results => results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary})),
})))"""


def format_violations(violations: list[dict], where: str) -> str:
    """A readable report: rule, impact, help, and each failing element's selector and markup."""
    count = sum(len(v["nodes"]) for v in violations)
    lines = [f"axe: {len(violations)} WCAG 2.1 A/AA rule(s) violated by {count} element(s) {where}"]
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}]: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            target = " ".join(
                json.dumps(t) if not isinstance(t, str) else t for t in node["target"]
            )
            lines.append(f"    at {target}: {_shorten(node['html'])}")
            for summary_line in (node["summary"] or "").splitlines():
                if summary_line.strip():
                    lines.append(f"       {summary_line.strip()}")
    return "\n".join(lines)


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@pytest.fixture
def axe_check(request, auditor):
    """`axe_check(page_or_url, context=None, label="")`: assert axe finds no violation.

    Given a page, audits the document it shows now (pass `csp` to replay the response's
    Content-Security-Policy). Given a path or URL, opens it in a new page of `context` (the
    test's JavaScript-disabled `context` fixture by default) and audits that.
    """

    def check(page_or_url, context=None, label: str = "", csp: str | None = None) -> None:
        page = page_or_url
        if isinstance(page_or_url, str):
            page = (context or request.getfixturevalue("context")).new_page()
            response = page.goto(page_or_url)
            assert response is not None, f"no response from {page_or_url}"
            csp = csp or response.headers.get("content-security-policy")
        try:
            violations = auditor.violations(page, csp)
        finally:
            if page is not page_or_url:
                page.close()
        where = f"on {label or 'page'} ({page.url})"
        assert not violations, format_violations(violations, where)

    return check


# --- journeys: visit, screenshot, audit ------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:120] or "step"


@dataclass
class Journey:
    """A visitor's walk through the site: every page it reaches is screenshotted and audited.

    Audit findings are collected rather than raised at once, so one run reports every page's
    violations; `finish()` asserts there were none (and the fixture reminds a test that
    forgot to call it).
    """

    page: object
    auditor: Auditor
    live_server: LiveServer
    shots: Path
    step: int = 0
    findings: list[str] = field(default_factory=list)
    audited: list[str] = field(default_factory=list)
    finished: bool = False

    def visit(self, path: str, name: str, *, status: int = 200):
        """Open `path` (or a full URL), expect `status`, then screenshot and audit the page."""
        response = self.page.goto(path)
        return self._arrived(response, name, status)

    def submit(self, button, name: str, *, status: int = 200):
        """Click a submit button or link that navigates; expect `status` at the end."""
        with self.page.expect_navigation() as navigation:
            button.click()
        return self._arrived(navigation.value, name, status)

    follow = submit

    def screenshot(self, name: str) -> Path:
        self.step += 1
        path = self.shots / f"{self.step:02d}-{_slug(name)}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def audit(self, name: str, response=None) -> None:
        csp = response.headers.get("content-security-policy") if response is not None else None
        violations = self.auditor.violations(self.page, csp)
        self.audited.append(self.page.url)
        if violations:
            self.findings.append(format_violations(violations, f"on {name} ({self.page.url})"))

    def finish(self) -> None:
        """Assert that no page of the journey had an accessibility violation."""
        self.finished = True
        assert self.audited, "the journey audited no page"
        assert not self.findings, "\n\n".join(self.findings)

    def _arrived(self, response, name: str, status: int):
        assert response is not None, f"{name}: no response"
        self.screenshot(name)
        assert response.status == status, (
            f"{name}: {response.url} answered {response.status}, expected {status}"
        )
        assert self.page.url.startswith(self.live_server.url), f"{name}: left the site"
        self.audit(name, response)
        return response


_CALL_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


@pytest.fixture
def journey(request, page, auditor, site):
    shots = SCREENSHOTS / _slug(request.node.name)
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    walk = Journey(page=page, auditor=auditor, live_server=site, shots=shots)
    yield walk
    if walk.findings and not walk.finished:
        report = "\n\n".join(walk.findings)
        if request.node.stash.get(_CALL_FAILED, False):
            # The test failed before its final check: show the audits with that failure.
            print(f"axe findings before the failure:\n{report}")
        else:
            pytest.fail(f"the journey never called finish(); {report}", pytrace=False)
