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

# The end of the urls.py `wagtail start` writes: Wagtail's catch-all, outside any language
# prefix. The guide's URL block takes its place (it has Wagtail's include, after GezondIn's).
WAGTAIL_CATCH_ALL = re.compile(r"\nurlpatterns = urlpatterns \+ \[\n.*?\n\]\n", re.DOTALL)


def guide_block(marker):
    """The first ```python block of docs/installing.md that contains ``marker``."""
    assert GUIDE.exists(), "docs/installing.md is missing"
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    found = [block for block in blocks if marker in block]
    assert found, f"docs/installing.md has no python block with {marker!r}"
    return found[0]


def settings_step():
    return guide_block("INSTALLED_APPS = add_gezondin_apps(")


def urls_step():
    return guide_block('include("gezondin.urls")')


def test_the_guide_gives_the_steps_this_test_follows():
    guide = GUIDE.read_text(encoding="utf-8") if GUIDE.exists() else ""
    for command in ("pip install gezondin", "python manage.py migrate", "python manage.py check"):
        assert command in guide, f"docs/installing.md does not say {command!r}"
    settings = settings_step()
    assert "from gezondin import add_gezondin_apps" in settings
    assert "django.middleware.locale.LocaleMiddleware" in settings
    assert "WAGTAIL_I18N_ENABLED = True" in settings
    urls = urls_step()
    assert "i18n_patterns(" in urls
    assert urls.index('include("gezondin.urls")') < urls.index("include(wagtail_urls)")


@pytest.fixture(scope="session")
def configured_host(host):
    """The host project after the guide's settings and URL steps, taken from docs/installing.md
    as written: its settings block at the end of settings/base.py, its URL block in place of
    the catch-all `wagtail start` wrote."""
    settings = host.site / "hostsite" / "settings" / "base.py"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(f"{text}\n{settings_step()}", encoding="utf-8")

    urls = host.site / "hostsite" / "urls.py"
    text = urls.read_text(encoding="utf-8")
    assert WAGTAIL_CATCH_ALL.search(text), "wagtail start's urls.py changed: update this test"
    urls.write_text(WAGTAIL_CATCH_ALL.sub(lambda _: f"\n{urls_step()}", text), encoding="utf-8")
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
