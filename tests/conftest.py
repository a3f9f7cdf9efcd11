"""Fixtures for the whole suite.

Layers: unit/integration tests use the test client; tests/browser drives Debian's Chromium with
Playwright. Tests that need PostgreSQL or Chromium skip with a reason when those are absent and
fail instead when REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 (as .ci/run sets them).
"""

import gc
import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import setting_changed
from django.db import connection
from django.utils import translation
from pytest_django.plugin import blocking_manager_key
from wagtail.models import Locale, Page, Site

from kennisbank import word_index
from tests import databases
from tests.caches import BACKENDS, use_backend
from tests.factories import HomePageFactory, indexed_once
from tests.scheduling import next_unit, order_units
from tests.shared import _shared_data, shared_fixture  # noqa: F401 - fixtures for every test

REQUIRE_POSTGRES = os.environ.get("REQUIRE_POSTGRES") == "1"

# Layers by folder (docs/testing.md): `make test-fast` leaves out the ones that start a server
# or build and install the package.
SLOW_LAYERS = {
    "browser": "browser",
    "integration": "server",
    "hostsite": "server",
    "install": "install",
    "production": "production",
}
# A layer whose tests share one expensive session fixture: one xdist worker takes it whole.
# Every other module goes to one worker as a unit, its tests in order (a browser journey's tests
# follow on from each other; a module's shared data is built once, tests/shared.py); a worker
# that takes a browser module serves its own demo site (the session fixture `demo_site`, built
# once per worker that needs it).
ONE_WORKER_LAYERS = ("tests/install/",)


def pytest_collection_modifyitems(config, items):
    """Mark each test with its layer (by folder)."""
    for item in items:
        parts = item.nodeid.split("/")
        layer = SLOW_LAYERS.get(parts[1]) if len(parts) > 2 and parts[0] == "tests" else None
        if layer:
            item.add_marker(getattr(pytest.mark, layer))


# Python's cycle collector ran about 8,000 times per worker in the fast layer (6 % of its time),
# mostly walking objects that live for the whole run: the modules, Django's and Wagtail's
# registries, the collected tests. They are set aside once collected (gc.freeze), and the young
# generation is collected less often; garbage is still collected.
GC_THRESHOLDS = (50_000, 20, 20)


def pytest_collection_finish(session):
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def pytest_terminal_summary(terminalreporter):
    """The install layer's steps and their durations (tests/install), and the judged relevance
    of the kennisbank search (tests/kennisbank/test_relevance.py), when they ran."""
    timings = {}
    relevance = None
    for reports in terminalreporter.stats.values():
        for report in reports:
            for name, value in getattr(report, "user_properties", ()):
                if name == "install_timings":
                    timings.update(value)
                elif name == "relevance":
                    relevance = value
    if timings:
        terminalreporter.write_sep("-", "install layer: seconds per step")
        for step, seconds in timings.items():
            terminalreporter.write_line(f"{seconds:7.1f}  {step}")
    if relevance:
        _write_relevance(terminalreporter, relevance)


def _write_relevance(terminalreporter, relevance):
    """One line with the share of judged queries that find an expected practice in the top 3,
    then the misses of each kind."""
    terminalreporter.write_sep("-", "kennisbank search: judged relevance set")
    terminalreporter.write_line(
        f"relevance: {relevance['hits']}/{relevance['total']} judged queries in the top 3 "
        f"({relevance['rate']:.0f}%) on {relevance['database']}"
    )
    for kind, counts in relevance["by_kind"].items():
        missed = [miss["query"] for miss in relevance["misses"] if miss["kind"] == kind]
        if missed:
            terminalreporter.write_line(
                f"  {kind}: {len(missed)}/{counts['total']} missed: {', '.join(missed)}"
            )


# How long each unit of work took in the last run, kept in pytest's cache folder; a fresh clone
# takes the seconds of a run kept in git (UNIT_SECONDS_FILE, copied from the cache now and then:
# they only decide the order), and estimates a unit that is in neither by its layer.
UNIT_SECONDS_KEY = "gezondin/unit-seconds"
UNIT_SECONDS_FILE = Path(__file__).with_name("unit_seconds.json")
SECONDS_PER_TEST = {
    "tests/browser/": 3,
    "tests/integration/": 40,
    "tests/hostsite/": 20,
    "tests/install/": 6,
    "tests/production/": 10,
}
SECONDS_PER_TEST_DEFAULT = 0.15


def work_unit(nodeid):
    """The unit of work a test belongs to: the install layer whole, or its module."""
    module = nodeid.split("::", 1)[0]
    for layer in ONE_WORKER_LAYERS:
        if module.startswith(layer):
            return layer
    return module


def _estimated_seconds(unit, tests, measured):
    """How long a unit takes: as long as last time, or estimated by layer."""
    if unit in measured:
        return measured[unit]
    per_test = next(
        (seconds for layer, seconds in SECONDS_PER_TEST.items() if unit.startswith(layer)),
        SECONDS_PER_TEST_DEFAULT,
    )
    return per_test * tests


def _is_transactional(item):
    """Whether a test runs outside a transaction (pytest-django then empties the database after
    it, and a serialized_rollback test loads its contents again only before it)."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test the worker's database is the migrated one again, so that the
    tests after it on the worker (any module: the units are handed out by length) find the
    migrations' data (tests/databases.py)."""
    result = yield
    if _is_transactional(item):
        with item.config.stash[blocking_manager_key].unblock():
            databases.restore_migrated()
    return result


_unit_seconds = {}


def pytest_runtest_logreport(report):
    """The controller (or the only process) adds up how long each unit took."""
    unit = work_unit(report.nodeid)
    _unit_seconds[unit] = _unit_seconds.get(unit, 0.0) + report.duration


def pytest_sessionfinish(session):
    if getattr(session.config, "workerinput", None) is None and _unit_seconds:
        # Without pytest's cache (-p no:cacheprovider) there is nowhere to keep them.
        kept_in = getattr(session.config, "cache", None)
        if kept_in is not None:
            kept = kept_in.get(UNIT_SECONDS_KEY, {})
            kept.update({unit: round(seconds, 1) for unit, seconds in _unit_seconds.items()})
            kept_in.set(UNIT_SECONDS_KEY, kept)


def _measured_seconds(config):
    """Each unit's seconds: the last run's (pytest's cache), else the run kept in git."""
    measured = json.loads(UNIT_SECONDS_FILE.read_text()) if UNIT_SECONDS_FILE.exists() else {}
    kept_in = getattr(config, "cache", None)  # None with -p no:cacheprovider
    if kept_in is not None:
        measured.update(kept_in.get(UNIT_SECONDS_KEY, {}))
    return measured


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With `make test` (pytest-xdist), hand out the tests by module (the install layer whole:
    the built wheel and the host site's virtualenv are built once per run), longest first (as
    long as they took in the last run), so that the workers finish together and each module's
    shared data (tests/shared.py), demo copy and servers are made once per run, not once per
    worker that gets some of its tests. A transactional test may then come before other tests
    on a worker: the migrated database is restored after it (pytest_runtest_teardown)."""
    from xdist.scheduler import LoadScopeScheduling

    measured = _measured_seconds(config)

    class LayerScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return work_unit(nodeid)

        ordered = False

        def _assign_work_unit(self, node):
            if not self.ordered:  # the first time: the whole collection is in the queue
                units = order_units(
                    self.workqueue.items(),
                    lambda unit, tests: _estimated_seconds(unit, len(tests), measured),
                )
                self.workqueue.clear()
                self.workqueue.update(units)
                self.ordered = True
                self.workers = {}
            if node in self.workers:  # its first unit is the first waiting (order_units)
                unit = next_unit(list(self.workqueue.items()), self.workers[node])
                self.workqueue.move_to_end(unit, last=False)
            else:
                self.workers[node] = len(self.workers)
            super()._assign_work_unit(node)

    return LayerScheduling(config, log)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts and ends with an empty cache: what is cached for one test's database
    (result counts and cards, term names, Wagtail's site root paths, sign-up rate limits) must
    not show up in the next one (primary keys are reused after a rollback); nor the word index
    a process keeps, which a search may carry over to the next generation.

    It also fails a test that leaves a settings override behind (a context entered in one
    fixture and undone out of order with another's): the next tests would run on it, on a
    cache shared with the other worker too."""
    wrapped = django_settings._wrapped
    cache.clear()
    word_index.forget()
    translation.deactivate()
    yield
    if django_settings._wrapped is not wrapped:
        django_settings._wrapped = wrapped
        setting_changed.send(sender=type(wrapped), setting="CACHES", value=None, enter=False)
        pytest.fail("the test left an override of the settings behind (undone out of order?)")
    cache.clear()
    # A request through the test client leaves its language active in the thread; the next
    # test (a validator called directly) must start in the default language again.
    translation.deactivate()


@pytest.fixture(params=BACKENDS)
def cache_backend(request, tmp_path, monkeypatch, settings):
    """The test runs on the file cache, the local-memory cache and Redis, with the default
    timeout passing during the test (tests/caches.py)."""
    with use_backend(request.param, tmp_path, monkeypatch, settings) as backend:
        yield backend


def on_postgres():
    return connection.vendor == "postgresql"


@pytest.fixture
def require_postgres(db):
    """Use in tests whose behaviour depends on PostgreSQL (search stemming, row locking)."""
    if on_postgres():
        return
    if REQUIRE_POSTGRES:
        # .ci/run runs the suite once on SQLite and once on PostgreSQL, both with
        # REQUIRE_POSTGRES=1: in the SQLite pass the server must still be there.
        if not postgres_reachable():
            pytest.fail("REQUIRE_POSTGRES=1 but no PostgreSQL server answers (POSTGRES_URL)")
        pytest.skip("PostgreSQL-only: runs in the PostgreSQL pass (DATABASE_URL=postgres://...)")
    pytest.skip("needs PostgreSQL: set DATABASE_URL to a PostgreSQL database")


@pytest.fixture(scope="module", autouse=True)
def _module_data(request):
    """A module marked ``shared_data`` builds its shared fixtures before any test's own
    transaction begins (tests/shared.py)."""
    if request.node.get_closest_marker("shared_data") is not None:
        request.getfixturevalue("_shared_data")


@shared_fixture
def locales(db):
    """The two content languages: Dutch (default, made by Wagtail's migration) and English."""
    nl = Locale.objects.get(language_code="nl")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"nl": nl, "en": en}


@shared_fixture
def home_page(locales):
    """A Dutch home page at the root of the default site, with its English translation."""
    root = Page.get_first_root_node()
    with indexed_once():
        home = HomePageFactory(parent=root, title="GezondIn", slug="gezondin")
        site = Site.objects.get(is_default_site=True)
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.pk != home.pk:
            old_root.delete()
        home.save_revision().publish()
        english = home.copy_for_translation(locales["en"])
        english.title = "GezondIn"
        english.save_revision().publish()
    return home


@shared_fixture
def english_home(home_page, locales):
    return home_page.get_translation(locales["en"])


def postgres_reachable():
    """Whether a PostgreSQL server answers at POSTGRES_URL (default: the local one)."""
    url = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        return False


def run_load_demo(*args, **options):
    """`manage.py load_demo` with these arguments; returns what it printed."""
    out = StringIO()
    call_command("load_demo", *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, django_db_blocker):
    """pytest-django's last step before it makes the test databases: from here on each starts as
    a copy of the migrated database, migrated once per change of the code (tests/databases.py)."""
    databases.copy_migrated_databases()
    yield
    with django_db_blocker.unblock():
        databases.drop_copies()


@pytest.fixture(scope="class")
def demo_output(django_db_setup, django_db_blocker):
    """The demo for a test class: a copy of the demo database, built once (tests/databases.py),
    in place of the test database until the class is done; each test runs in a transaction rolled
    back after it. The value is what load_demo printed (with the default admin password)."""
    from gezondin.demo.site import ADMIN_PASSWORD_ENV

    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.delenv(ADMIN_PASSWORD_ENV, raising=False)
        try:
            with databases.demo_database(run_load_demo) as output:
                yield output
        finally:
            cache.clear()  # Wagtail caches the site root paths


# Running manage.py in a subprocess with the production settings (test_settings.py, and the login
# protection in tests/gezondin/test_admin_login.py) ------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]

DOCUMENTED_PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "SECRET_KEY": "k" * 20 + "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a",
    "ALLOWED_HOSTS": "gezondin.example.nl",
    "CSRF_TRUSTED_ORIGINS": "https://gezondin.example.nl",
    "WAGTAILADMIN_BASE_URL": "https://gezondin.example.nl",
    "DATABASE_URL": "sqlite:////tmp/gezondin-settings-check.sqlite3",
}


def run_manage(env_overrides, *args):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
