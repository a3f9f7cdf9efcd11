"""Cached listings never bring back a page made private or unpublished (gezondin.terms).

The kennisbank's counts, result ids and private sections are cached under generations that a
publication or a view restriction replaces. A generation must never go back to an earlier value,
on any cache backend: not when the default timeout of the cache passes (the file cache used to
store an incremented counter with it), and not when the entry is lost (culled, evicted). The
clock of the file and local-memory caches is controlled here; Redis keeps its own, so it runs
with a timeout of one second and waits for it.

The API tests' content is built once for the module (tests/shared.py); each test's cache is its
own (``cache_backend``). The same end to end on the demo: test_cache_generations_demo.py.
"""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from gezondin import terms
from gezondin.models import Thema
from kennisbank.models import PraktijkvoorbeeldPage
from kennisbank.search import RESULTS_VERSION_KEY
from tests.caches import DEFAULT_TIMEOUT
from tests.gezondin.conftest import API, get

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("content")]


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
def test_a_hidden_practice_stays_hidden_after_the_default_timeout(
    client, content, cache_backend, how
):
    assert all(listed(client, content).values())  # and now it is cached
    assert content.practice.title in client.get(content.section.url).content.decode()
    make_private(content, how)
    hidden = dict.fromkeys(["kennisbank", "kennisbank search", "api", "api search"], False)
    assert listed(client, content) == hidden
    cache_backend.advance(2 * DEFAULT_TIMEOUT)  # every entry with the default timeout is gone
    assert listed(client, content) == hidden
    cache_backend.advance(2 * DEFAULT_TIMEOUT)
    assert listed(client, content) == hidden
    if how == "unpublished":  # its municipality's page is still public
        section = client.get(content.section.url).content.decode()
        assert content.practice.title not in section


def test_a_lost_generation_is_replaced_by_a_new_one(client, content, cache_backend):
    """Culled or evicted generations (the caches' MAX_ENTRIES, Redis's maxmemory policy) do not
    bring back what was cached under an earlier one."""
    assert all(listed(client, content).values())
    make_private(content, "login")
    for key in (terms.CACHE_VERSION_KEY, RESULTS_VERSION_KEY):
        cache.delete(key)
    assert not any(listed(client, content).values())


def test_generations_never_repeat(cache_backend):
    seen = set()
    for key in (terms.CACHE_VERSION_KEY, RESULTS_VERSION_KEY):
        for _ in range(3):
            seen.add(terms.generation(key))
            terms.next_generation(key)
            cache_backend.advance(2 * DEFAULT_TIMEOUT)
            seen.add(terms.generation(key))
            cache.delete(key)
    assert len(seen) == 12
    # Readers agree on the current generation until it is replaced.
    assert terms.generation(RESULTS_VERSION_KEY) == terms.generation(RESULTS_VERSION_KEY)


def test_a_request_reads_each_generation_from_the_cache_once(client, content, monkeypatch):
    """A kennisbank page asks for the generations dozens of times (per card, facet, link); within
    one request they are read from the cache once (gezondin.terms: a round trip to Redis each)."""
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    client.get(content.kennisbank.url)
    monkeypatch.setattr(terms.cache, "get", counting_get)
    assert client.get(content.kennisbank.url, {"thema": "wonen"}).status_code == 200
    assert reads.count(terms.CACHE_VERSION_KEY) == 1
    assert reads.count(RESULTS_VERSION_KEY) == 1
    # Outside a request nothing is remembered: a change made elsewhere is seen at once.
    reads.clear()
    terms.version()
    terms.version()
    assert reads.count(terms.CACHE_VERSION_KEY) == 2


def test_names_are_read_from_the_cache_once_per_process(client, content, monkeypatch):
    """Term and municipality names, locales and private sections are cached under the terms'
    generation, and what is stored under a generation never changes: a process keeps what it
    read, so a request reads only the generations. A renamed term makes a new generation."""
    url = content.kennisbank.url
    client.get(url, {"thema": "wonen"})
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(terms.cache, "get", counting_get)
    assert client.get(url, {"thema": "wonen"}).status_code == 200
    version = terms.version()
    assert reads.count(terms.CACHE_VERSION_KEY) == 2  # the request's and the line above
    names = ("terms", "terms-untranslated", "gemeenten", "locale", "locales", "restricted")
    kept = tuple(f"gezondin:{name}:{version}:" for name in names)
    assert not [key for key in reads if key.startswith(kept)]
    assert [key for key in reads if f":{version}" in key]  # others (the menu) are not kept

    thema = Thema.objects.get(slug="wonen", locale__language_code="nl")
    thema.name = "Wonen en buurt"
    thema.save()
    assert terms.version() != version
    assert ("wonen", "Wonen en buurt") in terms.term_options(Thema, "nl")
