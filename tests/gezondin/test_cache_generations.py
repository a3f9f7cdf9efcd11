"""Cached listings never bring back a page made private or unpublished (gezondin.terms).

The kennisbank's counts, result ids and private sections are cached under generations that a
publication or a view restriction replaces. A generation must never go back to an earlier value,
on any cache backend: not when the default timeout of the cache passes (the file cache used to
store an incremented counter with it), and not when the entry is lost (culled, evicted). The
clock of the file and local-memory caches is controlled here; Redis keeps its own, so it runs
with a timeout of one second and waits for it.
"""

# The fixtures imported from test_api are the tests' parameters.
# ruff: noqa: F811

import os
import time
import uuid
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.cache.backends import base as cache_base
from django.core.cache.backends import filebased, locmem
from django.test import override_settings
from wagtail.models import PageViewRestriction

from gezondin import terms
from kennisbank.models import PraktijkvoorbeeldPage
from kennisbank.search import RESULTS_VERSION_KEY
from tests.gezondin.conftest import API, get

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
REQUIRE_REDIS = os.environ.get("REQUIRE_REDIS") == "1"
DEFAULT_TIMEOUT = 60  # seconds: the cache's default timeout in these tests (Redis: 1)


class Clock:
    """time.time() for the file and local-memory cache backends, moved on by the test."""

    def __init__(self):
        self.now = time.time()

    def time(self):
        return self.now


def redis_reachable():
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        return False


@pytest.fixture(params=["file", "locmem", "redis"])
def backend(request, tmp_path, monkeypatch):
    """The default cache replaced by one of the three backends; `advance(seconds)` lets that
    much time pass for it."""
    clock = Clock()
    fake_time = SimpleNamespace(time=clock.time)
    for module in (cache_base, filebased, locmem):
        monkeypatch.setattr(module, "time", fake_time)

    def advance(seconds):
        clock.now += seconds

    if request.param == "file":
        config = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
            "TIMEOUT": DEFAULT_TIMEOUT,
        }
    elif request.param == "locmem":
        config = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "generations",
            "TIMEOUT": DEFAULT_TIMEOUT,
        }
    else:
        if not redis_reachable():
            if REQUIRE_REDIS:
                pytest.fail(f"REQUIRE_REDIS=1 but no Redis server answers at {REDIS_URL}")
            pytest.skip(f"no Redis server answers at {REDIS_URL} (set REQUIRE_REDIS=1 to fail)")
        # A prefix of this test's own: other test runs (xdist workers, a second checkout) may
        # use the same Redis at the same time, with the same primary keys.
        prefix = f"gezondin-test-generations-{uuid.uuid4().hex}"
        config = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "TIMEOUT": 1,
        }

        def advance(seconds):  # Redis expires keys by its own clock
            time.sleep(1.5)

    with override_settings(CACHES={"default": config}):
        if request.param == "redis":
            yield SimpleNamespace(name=request.param, advance=advance)
            # Not cache.clear(): on Redis that empties the whole database, other runs' keys too.
            client = cache._cache.get_client(write=True)
            for key in client.scan_iter(match=f"{prefix}:*"):
                client.delete(key)
        else:
            cache.clear()
            yield SimpleNamespace(name=request.param, advance=advance)
            cache.clear()


def listed(client, content):
    """Where the Amsterdam practice ("keukentafel") can show up: {place: whether it does}."""
    kennisbank = content.kennisbank.url
    api = f"{API}praktijkvoorbeelden/"
    practice = content.practice
    return {
        "kennisbank": practice.title in client.get(kennisbank).content.decode(),
        "kennisbank search": practice.title
        in client.get(kennisbank, {"q": "keukentafel"}).content.decode(),
        "api": practice.pk in {item["id"] for item in get(client, api)["items"]},
        "api search": bool(get(client, api, data={"search": "keukentafel"})["items"]),
    }


def make_private(content, how):
    if how == "unpublished":
        PraktijkvoorbeeldPage.objects.get(pk=content.practice.pk).unpublish()
    elif how == "password":
        PageViewRestriction.objects.create(
            page=content.section, restriction_type="password", password="geheim"
        )
    else:
        PageViewRestriction.objects.create(page=content.section, restriction_type=how)


@pytest.mark.parametrize("how", ["unpublished", "login", "password"])
def test_a_hidden_practice_stays_hidden_after_the_default_timeout(client, content, backend, how):
    assert all(listed(client, content).values())  # and now it is cached
    assert content.practice.title in client.get(content.section.url).content.decode()
    make_private(content, how)
    hidden = dict.fromkeys(["kennisbank", "kennisbank search", "api", "api search"], False)
    assert listed(client, content) == hidden
    backend.advance(2 * DEFAULT_TIMEOUT)  # every entry stored with the default timeout is gone
    assert listed(client, content) == hidden
    backend.advance(2 * DEFAULT_TIMEOUT)
    assert listed(client, content) == hidden
    if how == "unpublished":  # its municipality's page is still public
        section = client.get(content.section.url).content.decode()
        assert content.practice.title not in section


def test_a_lost_generation_is_replaced_by_a_new_one(client, content, backend):
    """Culled or evicted generations (the caches' MAX_ENTRIES, Redis's maxmemory policy) do not
    bring back what was cached under an earlier one."""
    assert all(listed(client, content).values())
    make_private(content, "login")
    for key in (terms.CACHE_VERSION_KEY, RESULTS_VERSION_KEY):
        cache.delete(key)
    assert not any(listed(client, content).values())


def test_generations_never_repeat(backend):
    seen = set()
    for key in (terms.CACHE_VERSION_KEY, RESULTS_VERSION_KEY):
        for _ in range(3):
            seen.add(terms.generation(key))
            terms.next_generation(key)
            backend.advance(2 * DEFAULT_TIMEOUT)
            seen.add(terms.generation(key))
            cache.delete(key)
    assert len(seen) == 12
    # Readers agree on the current generation until it is replaced.
    assert terms.generation(RESULTS_VERSION_KEY) == terms.generation(RESULTS_VERSION_KEY)


@pytest.mark.usefixtures("demo_output")
class TestDemo:
    """End to end on the demo, with the file cache that `make run` uses."""

    def test_a_practice_made_private_stays_gone(self, client, tmp_path, monkeypatch):
        clock = Clock()
        for module in (cache_base, filebased, locmem):
            monkeypatch.setattr(module, "time", SimpleNamespace(time=clock.time))
        config = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
        practice = (
            PraktijkvoorbeeldPage.objects.live()
            .public()
            .filter(locale__language_code="nl")
            .order_by("-first_published_at")
            .first()
        )
        api = f"{API}praktijkvoorbeelden/"
        query = {"search": practice.title, "limit": 100}
        kennisbank = "/nl/kennisbank/"

        def shown():
            return {
                "api": practice.pk in {i["id"] for i in get(client, api, data=query)["items"]},
                "api detail": client.get(f"{api}{practice.pk}/").status_code == 200,
                "kennisbank": practice.url in client.get(kennisbank).content.decode(),
                "kennisbank search": practice.url
                in client.get(kennisbank, {"q": practice.title}).content.decode(),
            }

        with override_settings(CACHES={"default": config}):
            cache.clear()
            assert all(shown().values())
            PageViewRestriction.objects.create(page=practice, restriction_type="login")
            assert not any(shown().values())
            clock.now += 301  # the default timeout of Django's caches: 300 seconds
            assert not any(shown().values())
            clock.now += 60 * 60 * 25  # past every timeout of the cached lookups
            assert not any(shown().values())
            cache.clear()
