"""Where a user starts: a `wagtail start` project, `pip install` of the built wheel, the steps of
docs/installing.md as written, `check` and `migrate`, and then GezondIn's pages made under the
host's own home page through the admin, visited, signed up for and confirmed by the e-mailed link
(tests/install/host_journey.py, run inside the project).
"""

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.install.tools import TIMINGS, run

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "installing.md"
JOURNEY = Path(__file__).with_name("host_journey.py")
ADMIN = ("beheerder", "install-test-wachtwoord")

# docs/installing.md's steps, applied to the files `wagtail start` wrote. Each is text of the
# guide (test_the_guide_gives_these_steps checks that), placed where the guide says.
SETTINGS_STEP = """
from gezondin import add_gezondin_apps

INSTALLED_APPS = add_gezondin_apps(INSTALLED_APPS)

LANGUAGE_CODE = "nl"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
"""
SESSION_MIDDLEWARE = '"django.contrib.sessions.middleware.SessionMiddleware",'
LOCALE_MIDDLEWARE = '"django.middleware.locale.LocaleMiddleware",'
URLS_IMPORT = "from django.conf.urls.i18n import i18n_patterns"
URLS_STEP = """
urlpatterns = urlpatterns + i18n_patterns(
    path("", include("gezondin.urls")),
    path("", include(wagtail_urls)),
)
"""
# The end of the urls.py `wagtail start` writes: Wagtail's catch-all, which the step replaces.
WAGTAIL_CATCH_ALL = re.compile(r"\nurlpatterns = urlpatterns \+ \[\n.*?\n\]\n", re.DOTALL)


def _lines(text):
    return [line.strip() for line in text.strip().splitlines() if line.strip()]


def test_the_guide_gives_these_steps():
    """The edits this test makes are the guide's own text (so the guide is what is tested)."""
    assert GUIDE.exists(), "docs/installing.md is missing"
    guide = GUIDE.read_text(encoding="utf-8")
    missing = [
        line
        for line in [
            "pip install gezondin",
            *_lines(SETTINGS_STEP),
            LOCALE_MIDDLEWARE,
            URLS_IMPORT,
            *_lines(URLS_STEP),
            "python manage.py migrate",
        ]
        if line not in guide
    ]
    assert not missing, f"docs/installing.md does not say: {missing}"


@pytest.fixture(scope="session")
def configured_host(host):
    """The host project after the guide's settings and URL steps."""
    settings = host.site / "hostsite" / "settings" / "base.py"
    text = settings.read_text(encoding="utf-8")
    assert SESSION_MIDDLEWARE in text
    text = text.replace(SESSION_MIDDLEWARE, f"{SESSION_MIDDLEWARE}\n    {LOCALE_MIDDLEWARE}", 1)
    settings.write_text(text + SETTINGS_STEP, encoding="utf-8")

    urls = host.site / "hostsite" / "urls.py"
    text = urls.read_text(encoding="utf-8")
    assert WAGTAIL_CATCH_ALL.search(text), "wagtail start's urls.py changed: update this test"
    text = WAGTAIL_CATCH_ALL.sub(lambda _: URLS_STEP, text)
    urls.write_text(f"{URLS_IMPORT}\n{text}", encoding="utf-8")
    return host


@pytest.fixture(scope="session")
def migrated_host(configured_host):
    configured_host.manage("migrate", "--noinput", step="manage.py migrate")
    configured_host.manage(
        "createsuperuser",
        "--noinput",
        "--username",
        ADMIN[0],
        "--email",
        "beheer@example.org",
        DJANGO_SUPERUSER_PASSWORD=ADMIN[1],
    )
    return configured_host


def test_check_reports_no_problem(configured_host):
    result = configured_host.manage("check", step="manage.py check")
    output = result.stdout + result.stderr
    assert "ERRORS" not in output, output
    assert "gezondin." not in output, output  # none of the plugin's own checks complains
    assert "System check identified no issues" in output, output


def test_an_editor_and_a_visitor_use_the_plugin_inside_the_host(migrated_host):
    shutil.copy(JOURNEY, migrated_host.site / JOURNEY.name)
    result = _run_journey(migrated_host)
    steps = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    for entry in steps:
        if "step" in entry:
            TIMINGS[f"journey: {entry['step']}"] = entry["seconds"]
    assert {"journey": "ok"} in steps, result.stdout


def _run_journey(host):
    return run(
        [host.python, JOURNEY.name, *ADMIN],
        cwd=host.site,
        env=host.env(),
        step="journey (admin, visitor, e-mail)",
        timeout=300,
    )
