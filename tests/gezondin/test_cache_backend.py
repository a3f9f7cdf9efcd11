"""GezondIn's Redis cache backend (gezondin/cache.py): Django's RedisCache keeping one client
per connection pool. Needs Redis (skips without it unless REQUIRE_REDIS=1, as .ci/run sets)."""

from django.core.cache import caches

from gezondin.cache import RedisCache
from tests.caches import use_backend


def test_the_redis_cache_keeps_its_client_and_works_as_djangos(tmp_path, monkeypatch, settings):
    with use_backend("redis", tmp_path, monkeypatch, settings):
        default = caches["default"]
        assert isinstance(default, RedisCache)
        # One client, made once, for every operation (Django's makes one per operation).
        assert default._cache.get_client() is default._cache.get_client(write=True)

        default.set("card", "<article>kaart</article>")
        assert default.get("card") == "<article>kaart</article>"
        default.set_many({"a": 1, "b": [2, 3]})
        assert default.get_many(["a", "b", "nothing"]) == {"a": 1, "b": [2, 3]}
        assert default.add("a", 9) is False
        assert default.incr("a") == 2
        default.delete_many(["card", "a", "b"])
        assert default.get("card") is None
