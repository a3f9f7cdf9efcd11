"""The cache backends production uses, for the tests whose behaviour depends on the cache.

``cache_backend`` (a fixture in tests/conftest.py) runs a test once on each of the file cache,
the local-memory cache and Redis, with the default cache replaced and a default timeout short
enough to pass during the test: ``cache_backend.advance(seconds)`` lets time pass, without
waiting. The clock of the file and local-memory caches is controlled (``cache_backend.clock``).
Redis expires keys by its own clock, so there ``advance`` does what that much time would do to
the test's keys: each key's remaining time to live (as Redis reports it) is shortened by
``seconds``, and a key whose time runs out is deleted; the controlled clock moves too, for code
that reads it. Without a Redis server the Redis case skips, unless REQUIRE_REDIS=1 (as .ci/run
sets), when it fails.
"""

import os
import time
import uuid
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.cache.backends import base as cache_base
from django.core.cache.backends import filebased, locmem

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
REQUIRE_REDIS = os.environ.get("REQUIRE_REDIS") == "1"
DEFAULT_TIMEOUT = 60  # seconds: the caches' default timeout in these tests
BACKENDS = ["file", "locmem", "redis"]


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


def use_backend(name, tmp_path, monkeypatch, settings):
    """Context manager: the default cache is ``name`` (file, locmem or redis) while it is open;
    yields SimpleNamespace(name, clock, advance).

    The default cache is set through ``settings`` (pytest-django's fixture), so it is undone
    together with the test's other ``settings.X = ...`` changes, in reverse order. An
    ``override_settings`` of its own, undone before a change the test made later through
    ``settings``, would come back when that change is undone: the next tests (and the other
    worker's tests, whose Redis keys a ``cache.clear()`` then deletes) would run on this
    cache."""
    clock = Clock()
    fake_time = SimpleNamespace(time=clock.time)
    for module in (cache_base, filebased, locmem):
        monkeypatch.setattr(module, "time", fake_time)

    def advance(seconds):
        clock.now += seconds

    prefix = f"gezondin-test-{uuid.uuid4().hex}"
    if name == "file":
        config = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
            "TIMEOUT": DEFAULT_TIMEOUT,
        }
    elif name == "locmem":
        config = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": prefix,
            "TIMEOUT": DEFAULT_TIMEOUT,
        }
    else:
        if not redis_reachable():
            if REQUIRE_REDIS:
                pytest.fail(f"REQUIRE_REDIS=1 but no Redis server answers at {REDIS_URL}")
            pytest.skip(f"no Redis server answers at {REDIS_URL} (set REQUIRE_REDIS=1 to fail)")
        # A prefix of this test's own: other test runs (xdist workers, a second checkout) may
        # use the same Redis at the same time, with the same primary keys.
        config = {
            "BACKEND": "gezondin.cache.RedisCache",  # as settings/base.py with CACHE_URL
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "TIMEOUT": DEFAULT_TIMEOUT,
        }

        def advance(seconds):  # Redis expires keys by its own clock: shorten their lives
            clock.now += seconds
            client = cache._cache.get_client(write=True)
            for key in client.scan_iter(match=f"{prefix}:*"):
                left = client.pttl(key)  # milliseconds; negative: no expiry, or gone
                if left < 0:
                    continue
                if left <= seconds * 1000:
                    client.delete(key)
                else:
                    client.pexpire(key, left - int(seconds * 1000))

    value = SimpleNamespace(name=name, clock=clock, advance=advance)
    return _Using(name, config, prefix, value, settings)


class _Using:
    def __init__(self, name, config, prefix, value, settings):
        self.name, self.config, self.prefix, self.value = name, config, prefix, value
        self.settings = settings

    def __enter__(self):
        self.settings.CACHES = {"default": self.config}
        if self.name != "redis":
            cache.clear()
        return self.value

    def __exit__(self, *exc):
        # The settings fixture puts the default cache back at the test's end.
        if self.name == "redis":
            # Not cache.clear(): on Redis that empties the whole database, other runs' keys.
            client = cache._cache.get_client(write=True)
            for key in client.scan_iter(match=f"{self.prefix}:*"):
                client.delete(key)
        else:
            cache.clear()
