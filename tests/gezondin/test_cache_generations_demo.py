"""Cached listings never bring back a page made private (gezondin.terms), end to end on the
demo with the file cache that `make run` uses; the same on each cache backend, with a small tree
of its own: test_cache_generations.py."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.cache.backends import base as cache_base
from django.core.cache.backends import filebased, locmem
from django.test import override_settings
from wagtail.models import PageViewRestriction

from kennisbank.models import PraktijkvoorbeeldPage
from tests.caches import Clock
from tests.gezondin.conftest import API, get

pytestmark = pytest.mark.django_db


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
