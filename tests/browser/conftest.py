"""The browser layer: the reference site served for real, driven by Debian's Chromium.

A session-wide fixture gives each worker a database of its own (a temporary SQLite file, or a
PostgreSQL database when DATABASE_URL points at PostgreSQL), copied from the migrated demo site that
is built once and kept (tests/servers.py, ``kept_demo_site``), harvests a practice from a canned
peer (so a shared copy is among the pages checked) and serves the site with
`manage.py runserver` in a subprocess, exactly as `make run` does. Playwright drives
/usr/bin/chromium (never a downloaded browser). Without Chromium these tests skip, unless
REQUIRE_BROWSER=1, when they fail.
"""

import email
import email.policy
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.servers import (
    ROOT,
    CannedPeer,
    Database,
    SiteServer,
    canned_practice,
    kept_demo_site,
    manage,
    point_default_site_at,
    site_env,
)

REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER") == "1"
# Between two messages in a file of Django's file-based e-mail backend.
SEPARATOR = b"\n" + b"-" * 79 + b"\n"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"


def chromium_path():
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def _skip_or_fail(reason):
    if REQUIRE_BROWSER:
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


LIST_PAGES = """
import json
from wagtail.models import Page
from kennisbank.harvest.models import SharedCopy
shared = set(SharedCopy.objects.values_list("page_id", flat=True))
seen = {}
for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
    name = ("Shared" if page.pk in shared else "") + type(page).__name__
    key = (name, page.locale.language_code)
    if key not in seen:
        seen[key] = page.url
print(json.dumps({f"{name}[{lang}]": url for (name, lang), url in seen.items()}))
"""


def _png():
    import io

    from PIL import Image

    data = io.BytesIO()
    Image.new("RGB", (120, 80), (20, 110, 120)).save(data, "PNG")
    return data.getvalue()


def harvest_a_shared_practice(env):
    """Harvest a practice in Dutch and English, with every kind of block, from a canned peer into
    the demo site: the pages of shared copies are then axe-checked like the site's own."""
    peer = CannedPeer()
    try:
        origin = "https://gezond.voorbeeldstad.example"
        peer.files["/media/images/buurtkamer.png"] = ("image/png", _png())
        approach = [
            {"type": "heading", "value": {"text": "Zo werkt het", "level": "h2"}, "id": "1"},
            {"type": "paragraph", "value": "<p>Elke woensdag open.</p>", "id": "2"},
            {
                "type": "figure",
                "value": {
                    "image": {
                        "url": peer.url("/media/images/buurtkamer.png"),
                        "width": 120,
                        "height": 80,
                        "alt": "Bewoners aan tafel in de buurtkamer",
                    },
                    "caption": "De buurtkamer",
                },
                "id": "3",
            },
            {"type": "quote", "value": {"text": "Eindelijk rust.", "attribution": "Bewoner"}},
            {"type": "callout", "value": {"kind": "tip", "text": "<p>Begin klein.</p>"}},
            {
                "type": "accordion",
                "value": {
                    "title": "Vragen",
                    "items": [{"question": "Voor wie?", "answer": "<p>Iedereen.</p>"}],
                },
            },
            {
                "type": "document",
                "value": {"document": {"url": f"{origin}/documents/1/plan.pdf", "title": "Plan"}},
            },
        ]
        key = "3f1d7a52-1111-4c1e-9a57-7d6c2f1b9e01"
        peer.practices["nl"] = [
            canned_practice(
                9001,
                "nl",
                origin=origin,
                title="Buurtkamer voor geldzorgen",
                key=key,
                approach=approach,
            )
        ]
        peer.practices["en"] = [
            canned_practice(
                9002,
                "en",
                origin=origin,
                title="Neighbourhood room for money worries",
                key=key,
                approach=approach[:2],
            )
        ]
        # The peer is on loopback: its origin (only that) is allowed explicitly.
        allowed = {**env, "GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS": peer.base_url}
        manage(
            allowed, "harvest", peer.base_url, "--name", "Gemeente Voorbeeldstad", "--retries", "0"
        )
    finally:
        peer.close()


@pytest.fixture(scope="session")
def demo_site():
    """Base URL of the reference site with demo content, served in a subprocess."""
    if not chromium_path():
        _skip_or_fail("Chromium is not installed (apt-get install chromium)")
    template, template_media = kept_demo_site()
    database = Database("browser")
    database.create(copy_from=template)
    mail_dir = Path(tempfile.mkdtemp(prefix="gezondin-browser-mail-"))
    media_dir = Path(tempfile.gettempdir()) / f"gezondin-browser-media-{os.getpid()}"
    shutil.rmtree(media_dir, ignore_errors=True)
    shutil.copytree(template_media, media_dir)
    env = site_env(
        database,
        media_dir,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
    )
    server = SiteServer(env)
    # As `make run` does: the demo's site, and so every link in e-mails, at the address served.
    env["WAGTAILADMIN_BASE_URL"] = server.base_url
    try:
        point_default_site_at(database, server.base_url)
        harvest_a_shared_practice(env)
        pages = json.loads(manage(env, "shell", "-c", LIST_PAGES).strip().splitlines()[-1])
        server.start()
        # ``env``: to run commands against the served site (test_alerts.py, test_evaluation.py).
        yield {"base_url": server.base_url, "pages": pages, "mail_dir": mail_dir, "env": env}
    finally:
        server.stop()
        database.drop()
        shutil.rmtree(mail_dir, ignore_errors=True)
        shutil.rmtree(media_dir, ignore_errors=True)


# One Chromium per test module, not per session: while Playwright's sync API is open, an asyncio
# loop runs in the worker's main thread, and Django refuses database work there
# (SynchronousOnlyOperation) — which would hit the database tests that the same xdist worker runs
# after the browser layer.
@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if not path:
        _skip_or_fail("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Every page records the Content-Security-Policy violations it meets (the site sends its policy
# in every settings module, so the browser tests run with it): the securitypolicyviolation
# events, from a script the browser runs before the page's own (not subject to the page's CSP),
# and the console's "Refused to ... Content Security Policy" messages.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
  );
});
"""
_csp_console = {}
_broken = {}
_console_errors = {}


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    messages = _csp_console[id(page)] = []

    def on_console(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            messages.append(f"console: {message.text}")

    page.on("console", on_console)
    errors = _console_errors[id(page)] = []

    def on_console_error(message):
        if message.type == "error":
            errors.append((message.text, (message.location or {}).get("url", "")))

    page.on("console", on_console_error)
    page.on("pageerror", lambda error: errors.append((f"uncaught {error}", "")))
    broken = _broken[id(page)] = []

    def on_response(response):
        if response.status >= 400 and not response.request.is_navigation_request():
            broken.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    yield page
    _csp_console.pop(id(page), None)
    _broken.pop(id(page), None)
    _console_errors.pop(id(page), None)
    context.close()


def csp_violations(page):
    """The CSP violations on the current page (and console messages since the last call)."""
    found = page.evaluate("window.__cspViolations || []")
    messages = _csp_console.get(id(page), [])
    found += messages
    messages.clear()
    page.evaluate("window.__cspViolations = []")
    return found


def broken_resources(page):
    """The style sheets, scripts, images and other resources that failed to load (HTTP 4xx/5xx)
    since the last call; the page's own document does not count."""
    found = _broken.get(id(page), [])
    result = list(found)
    found.clear()
    return result


def console_errors(page, document_status=200):
    """The errors written to the browser's console (and uncaught script errors) since the last
    call. A page served with an error status on purpose (``document_status``, e.g. the 404 page)
    makes the browser log that its own document "failed to load"; that one line is expected."""
    found = _console_errors.get(id(page), [])
    result = [
        text
        for text, url in found
        if not (
            document_status >= 400
            and url == page.url
            and text.startswith("Failed to load resource")
            and f"status of {document_status}" in text
        )
    ]
    found.clear()
    return result


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, include=None, exclude=None):
    """Run axe-core (shipped inside axe-playwright-python) with the WCAG 2.0/2.1 A and AA rules,
    on the whole document or on the part matching the CSS selector ``include``, leaving out the
    parts matching the CSS selector ``exclude`` (say why where you use it)."""
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    # Evaluated by the browser's devtools protocol, which the page's CSP does not govern (a
    # <script> tag added to the page would be an inline script the policy rightly refuses).
    page.evaluate(script.read_text(encoding="utf-8"))
    result = page.evaluate(
        "([tags, include, exclude]) => axe.run("
        "exclude ? {include: include ? [[include]] : [['html']], exclude: [[exclude]]}"
        " : include ? {include: [[include]]} : document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        [AXE_TAGS, include, exclude],
    )
    return result["violations"]


DEMO_PASSWORD = "gezondin-demo"  # every demo account's (load_demo)


def admin_log_in(page, base, username="admin", password=DEMO_PASSWORD):
    """Log in to Wagtail's admin as a demo account and land on the dashboard."""
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(base + "/admin/")


# The animations about to end: the admin's fades and slides (a fraction of a second). Colours are
# judged once they are done. A decorative loop is not waited for: Wagtail's help badge "pings"
# five times five seconds after each admin page load, which made every check wait 25 s.
SETTLE_ANIMATIONS = """Promise.all(document.getAnimations()
    .filter(animation => {
        const timing = animation.effect && animation.effect.getComputedTiming();
        return timing && timing.endTime - (timing.localTime || 0) <= 2000;
    })
    .map(animation => animation.finished.catch(() => null)))"""


def assert_accessible(page, step, exclude=None):
    """axe-core on the page once its short animations are over (leaving out the parts matching
    the CSS selector ``exclude``: say why where you use it); the step names the screen."""
    # (A cancelled animation's `finished` rejects: that one is over too.)
    page.evaluate(SETTLE_ANIMATIONS)
    violations = axe_violations(page, exclude=exclude)
    assert not violations, f"{step}:\n{describe_violations(violations)}"


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1]}")
    return "\n".join(lines)


def save_screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def mails_to(mail_dir, address):
    """The messages to ``address`` the file-based backend wrote, as email.message objects, oldest
    first. By the files' modification time: the backend names a file by the second it was
    opened and a random number, so two mails within a second sort by chance by name."""
    messages = []
    paths = sorted(Path(mail_dir).glob("*.log"), key=lambda path: path.stat().st_mtime_ns)
    for path in paths:
        for raw in path.read_bytes().split(SEPARATOR):
            if raw.strip():
                message = email.message_from_bytes(raw, policy=email.policy.default)
                if address in str(message["To"]):
                    messages.append(message)
    return messages
