"""The browser layer: the reference site served for real, driven by Debian's Chromium.

A session-wide fixture migrates a database of its own (a temporary SQLite file, or a fresh
PostgreSQL database when DATABASE_URL points at PostgreSQL), loads the demo content and serves the
site with `manage.py runserver` in a subprocess, exactly as `make run` does. Playwright drives
/usr/bin/chromium (never a downloaded browser). Without Chromium these tests skip, unless
REQUIRE_BROWSER=1, when they fail.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER") == "1"
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


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Database:
    """A database of the browser layer's own, on the same engine as the rest of the suite."""

    def __init__(self):
        suite_url = os.environ.get("DATABASE_URL", "")
        self.postgres = suite_url.startswith(("postgres://", "postgresql://"))
        if self.postgres:
            parsed = urlparse(suite_url)
            self.name = f"gezondin_browser_{os.getpid()}"
            self.admin_url = suite_url
            self.url = parsed._replace(path=f"/{self.name}").geturl()
        else:
            self.tmpdir = tempfile.mkdtemp(prefix="gezondin-browser-")
            self.url = f"sqlite:///{self.tmpdir}/site.sqlite3"

    def _admin(self, sql):
        import psycopg

        parsed = urlparse(self.admin_url)
        with psycopg.connect(
            host=parsed.hostname,
            port=parsed.port or 5432,
            user=parsed.username,
            password=parsed.password,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(sql)

    def create(self):
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"')
            self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        else:
            shutil.rmtree(self.tmpdir, ignore_errors=True)


def _manage(env, *args, timeout=600):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


LIST_PAGES = """
import json
from wagtail.models import Page
seen = {}
for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
    key = (type(page).__name__, page.locale.language_code)
    if key not in seen:
        seen[key] = page.url
print(json.dumps({f"{name}[{lang}]": url for (name, lang), url in seen.items()}))
"""


@pytest.fixture(scope="session")
def demo_site():
    """Base URL of the reference site with demo content, served in a subprocess."""
    if not chromium_path():
        _skip_or_fail("Chromium is not installed (apt-get install chromium)")
    database = _Database()
    database.create()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "DATABASE_URL": database.url,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": str(Path(tempfile.gettempdir()) / f"gezondin-browser-media-{os.getpid()}"),
        "PYTHONUNBUFFERED": "1",
    }
    mail_dir = Path(tempfile.mkdtemp(prefix="gezondin-browser-mail-"))
    env["EMAIL_BACKEND"] = "django.core.mail.backends.filebased.EmailBackend"
    env["EMAIL_FILE_PATH"] = str(mail_dir)
    port = _free_port()
    server = None
    try:
        _manage(env, "migrate", "--noinput")
        _manage(env, "load_demo")
        pages = json.loads(_manage(env, "shell", "-c", LIST_PAGES).strip().splitlines()[-1])
        # --insecure serves the static files with DEBUG off, like whitenoise does in production.
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--insecure",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base_url}/nl/", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the reference site did not start") from None
                time.sleep(0.3)
        yield {"base_url": base_url, "pages": pages, "mail_dir": mail_dir}
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        database.drop()
        shutil.rmtree(mail_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        _skip_or_fail("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    """Run axe-core (shipped inside axe-playwright-python) with the WCAG 2.0/2.1 A and AA rules."""
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    page.add_script_tag(path=str(script))
    result = page.evaluate(
        "tags => axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return result["violations"]


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
