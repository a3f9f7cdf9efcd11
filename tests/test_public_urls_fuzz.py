"""Odd input on every public URL never gives a server error (a 5xx), and the read API answers a
bad parameter with a JSON 400 that says what is wrong (docs/api.md).

A generated set of odd values (punctuation only, NUL and other control characters, invalid UTF-8
in percent-encoding, huge and negative numbers, 2**63, very long values, right-to-left text and
emoji, markup) is sent to a page of every page type of the demo (home, kennisbank, dossiers,
municipality pages, practices, agenda, activities...), the site search, the feeds, sitemaps,
calendars and sign-up links, and to every parameter of every API endpoint. The demo is loaded once
for the whole class (tests/conftest.py).
"""

import os
import re
from urllib.parse import quote

import pytest
from wagtail.models import Page, get_page_models

from gezondin.api import api_router
from gezondin.api.views import LISTING_PARAMETERS
from kennisbank.filters import FACETS

pytestmark = pytest.mark.django_db

API = "/api/v2/"

PUNCTUATION = [
    "!",
    "?!?",
    "...",
    '"',
    "'",
    "`",
    "*",
    "%",
    "\\",
    "()",
    "[]{}",
    "<>",
    '">',
    "'\"><script>alert(1)</script>",
    "&&||",
    "^~#;:@",
    "+",
    "-",
    "--",
    "_",
    "=",
    "//",
    ",,,",
    "— … “” «» € §",
    "¯\\_(ツ)_/¯",
    '"unterminated',
    "NEAR(",
    "AND OR NOT",
    "*:*",
]
NUMBERS = [
    "0",
    "-1",
    "-0",
    "1.5",
    "1e3",
    "0x1f",
    "+5",
    " 7 ",
    "１２",
    "٣",
    str(2**31),
    str(2**63 - 1),
    str(2**63),
    str(2**64),
    str(-(2**63) - 1),
    "9" * 100,
    "NaN",
    "-inf",
    "null",
]
TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x00" * 3,
    "\t\r\n",
    "\x1b[31m",
    "\u202eevil",
    "مرحبا بالعالم",
    "עברית",
    "😀",
    "👩\u200d👩\u200d👧",
    "\ufeff\u200b",
    "e\u0301",
    "x" * 10_000,
    "é" * 5_000,
    "a," * 2_000,
    "../../etc/passwd",
    "' OR 1=1 --",
    "2024-02-30",
    "GM0363",
    "nl",
]
# Already percent-encoded: invalid UTF-8 and broken escapes, sent as they are.
RAW = ["%ff%fe", "%c3%28", "%ed%a0%80", "%e2%82", "%", "%zz", "%0", "%00", "%C0%AF"]

ODD = [quote(value, safe="") for value in PUNCTUATION + NUMBERS + TEXT] + RAW

# `make test-fast` (GEZONDIN_FUZZ=quick) sends every eighth of the values each loop below sends,
# so every URL and parameter still meets odd values (the eighths of ODD span its punctuation,
# numbers, text and raw escapes); `make test` and CI send them all.
QUICK = os.environ.get("GEZONDIN_FUZZ") == "quick"


def odd(values=ODD):
    return values[::8] if QUICK else values


def query(**params):
    """A query string of already encoded values; a list value repeats the parameter."""
    parts = []
    for name, value in params.items():
        for one in value if isinstance(value, list) else [value]:
            parts.append(f"{name}={one}")
    return "&".join(parts)


def assert_no_server_error(response, url):
    assert response.status_code < 500, (response.status_code, url[:300])


# Pages --------------------------------------------------------------------------------------------

# Every parameter a public page reads: the site search, the kennisbank and its dossiers and
# municipality pages, the agenda; and one nobody reads.
PAGE_PARAMETERS = [
    "q",
    "page",
    "sort",
    *FACETS,
    "maand",
    "archief",
    "mode",
    "opnieuw",
    "soort",
    "onbekend",
]
PAGE_MODELS = sorted(
    model._meta.label
    for model in get_page_models()
    if model._meta.app_label != "wagtailcore"
    # The base types of others (KennisPage, ActivityPage): their pages are of a subtype.
    and not any(other is not model and issubclass(other, model) for other in get_page_models())
)


def handler(model):
    """What reads a request's parameters for a page of this type: page types that share all of
    it (the three kinds of activity; the plain content pages) parse them with the same code."""
    return tuple(
        getattr(model, name, None) for name in ("serve", "route", "get_context", "get_routes")
    )


# The first page type of each handler gets every odd value; the others a quarter of them, on top
# of the values every page type's other URLs get (their translations, feeds, calendars, forms).
FULLY_FUZZED = {
    label: label
    == next(
        other
        for other in PAGE_MODELS
        if handler(next(m for m in get_page_models() if m._meta.label == other))
        == handler(next(m for m in get_page_models() if m._meta.label == label))
    )
    for label in PAGE_MODELS
}


def page_urls(label):
    """A live, public page of the type in each language, and the URLs it routes below it."""
    model = next(m for m in get_page_models() if m._meta.label == label)
    urls = []
    for language in ("nl", "en"):
        page = (
            model.objects.live()
            .public()
            .filter(locale__language_code=language)
            .exact_type(model)
            .order_by("path")
            .first()
        )
        if page is None:
            continue
        url = page.url
        urls.append(url)
        if label in ("kennisbank.KennisbankPage", "leerkringen.AgendaPage"):
            urls += [f"{url}feed/", f"{url}feed/rss/"]
        if label == "leerkringen.AgendaPage":
            urls.append(f"{url}agenda.ics")
        if label in ("leerkringen.LeerkringPage", "leerkringen.WebinarPage"):
            # aanmelden/ and aanmelden/verstuurd/; sign-up/ and sign-up/sent/ in English.
            urls += [f"{url}ics/", *(url + page.route_path(n) for n in ("signup", "signup_sent"))]
    return urls


def fuzz_page(client, url, values=ODD):
    """Each odd value in every page parameter at once (repeated, around a real value), then
    in the parameters beside a real search word (so an odd query does not hide the rest)."""
    for value in odd(values):
        params = dict.fromkeys(PAGE_PARAMETERS, [value, "armoede-en-schulden", value])
        full = f"{url}?{query(**params)}"
        assert_no_server_error(client.get(full), full)
    for value in odd(values[::3]):
        full = f"{url}?{query(q='gezondheid', page=value, sort=value, thema=value, maand=value)}"
        assert_no_server_error(client.get(full), full)


# The API ------------------------------------------------------------------------------------------

ENDPOINTS = list(api_router._endpoints)
# The endpoints with items to show one by one (not cijfers, which has figures only).
DETAIL_ENDPOINTS = [
    name for name, endpoint in api_router._endpoints.items() if hasattr(endpoint, "detail_view")
]
# Parameters of the generic pages endpoint beyond its filters (Wagtail's field filters).
PAGES_FIELD_FILTERS = ["title", "slug", "first_published_at", "show_in_menus", "id"]


def endpoint_parameters(name):
    view = api_router._endpoints[name]()
    if hasattr(view, "listing_parameters"):
        return sorted(view.listing_parameters())
    return sorted(set(view.known_query_parameters) | set(PAGES_FIELD_FILTERS))


def reader(endpoint, name):
    """What reads parameter ``name`` of ``endpoint``: the filter backend that names it (shared
    by the endpoints of GezondIn's page types), the paging and field selection every endpoint
    shares, or (Wagtail's generic endpoint) the endpoint itself."""
    view = api_router._endpoints[endpoint]()
    backend = next(
        (b for b in getattr(view, "filter_backends", ()) if name in getattr(b, "parameters", ())),
        None,
    )
    if backend is not None:
        return backend, name
    return ("listing", name) if name in LISTING_PARAMETERS else (endpoint, name)


# As for the page types: the first endpoint whose parameter a reader reads gets every odd value
# in it, the other endpoints with that reader a quarter of them.
FULLY_FUZZED_PARAMETERS = {}
for _endpoint in ENDPOINTS:
    for _name in endpoint_parameters(_endpoint):
        FULLY_FUZZED_PARAMETERS.setdefault(reader(_endpoint, _name), (_endpoint, _name))


def api_get(client, url):
    response = client.get(url)
    assert_no_server_error(response, url)
    if response.status_code != 302:  # find/ redirects to the detail view
        assert response["Content-Type"].startswith("application/json"), (url[:300], response)
    return response


def assert_useful_400(response, name, url):
    """A 400 names the parameter and is JSON with a message."""
    message = response.json().get("message", "")
    assert message, url[:300]
    assert name in message, (message, url[:300])


@pytest.mark.usefixtures("demo_output")
class TestPublicURLs:
    """One class: the demo is loaded once for all of them."""

    @pytest.mark.parametrize("label", PAGE_MODELS)
    def test_every_page_type(self, client, label):
        urls = page_urls(label)
        assert urls, f"the demo has no live, public {label}"
        fuzz_page(client, urls[0], ODD if FULLY_FUZZED[label] else ODD[::4])
        for url in urls[1:]:  # the other language, feeds, calendars, sign-up forms
            fuzz_page(client, url, ODD[::8])

    @pytest.mark.parametrize("language", ["nl", "en"])
    def test_site_search(self, client, language):
        url = "/nl/zoeken/" if language == "nl" else "/en/search/"
        assert client.get(url).status_code == 200
        fuzz_page(client, url)
        hint = {"nl": "Typ minstens één woord", "en": "Type at least one word"}[language]
        symbols_only = [value for value in PUNCTUATION if not re.search(r"\w", value)]
        assert len(symbols_only) > 20
        for value in odd(symbols_only):  # nothing left to search for: the form and a hint
            response = client.get(url, {"q": value})
            assert response.status_code == 200, value
            assert hint in response.content.decode(), value
            assert 'class="search-results"' not in response.content.decode(), value

    def test_feeds_sitemaps_and_robots(self, client):
        for url in ["/", "/robots.txt", "/sitemap.xml", "/nl/sitemap.xml", "/en/sitemap.xml"]:
            assert client.get(url).status_code in (200, 302), url
            for value in odd(ODD[::3]):
                full = f"{url}?{query(p=value, page=value, section=value)}"
                assert_no_server_error(client.get(full), full)

    def test_odd_paths(self, client):
        paths = [
            "/nl/%ff%fe/",
            "/nl/%00/",
            "/nl/kennisbank/%c3%28/",
            "/nl/" + "a" * 5_000 + "/",
            "/nl/kennisbank/" + "%E2%80%AE" * 50 + "/",
            "/xx/",
            "/%ff/sitemap.xml",
            "/nl/aanmelding/%ff%fe/",
            "/nl/aanmelding/%00/bevestigen/",
            "/nl/aanmelding/" + "x" * 10_000 + "/",
            "/nl/aanmelding/'%22%3E/afmelden/",
            "/nl/aanmelding/%F0%9F%98%80/plek-aannemen/",
            "/en/registration/%ff%fe/",
            "/en/registration/%00/confirm/",
            "/en/registration/'%22%3E/cancel/",
            "/en/aanmelding/%F0%9F%98%80/plek-aannemen/",
            "/en/aanmelding/%00/bevestigen/",
            "/nl/praktijk-delen/%ff%fe/bevestigen/",
            "/nl/praktijk-delen/%00/bevestigen/",
            "/nl/praktijk-delen/" + "x" * 10_000 + "/bevestigen/",
            "/en/share-a-practice/'%22%3E/confirm/",
            "/nl/praktijk-delen/?gemeente=%00",
            "/en/share-a-practice/?gemeente=" + "%E2%80%AE" * 50,
            "/nl/agenda/%ff/agenda.ics",
            "/nl/kennisbank/feed/%00/",
            f"{API}praktijkvoorbeelden/{2**63}/",
            f"{API}praktijkvoorbeelden/{2**64}/",
            f"{API}pages/{'9' * 100}/",
            f"{API}gemeenten/0/",
            f"{API}activiteiten/-1/",
            f"{API}%ff/",
            f"{API}pages/%00/",
        ]
        for path in paths:
            response = client.get(path)
            assert_no_server_error(response, path)
            if path.startswith(API):
                assert response.status_code == 404, path
                assert response["Content-Type"].startswith("application/json"), path
                assert response.json()["message"], path

    # The API ------------------------------------------------------------------------------

    @pytest.mark.parametrize("endpoint", ENDPOINTS)
    def test_every_parameter_of_the_listing(self, client, endpoint):
        url = f"{API}{endpoint}/"
        assert api_get(client, url).status_code == 200
        # Given twice, a parameter that takes one value is refused before its value is read
        # (check_parameters) and a repeatable one reads each: a quarter of the values suffice.
        doubled = set(ODD[::4])
        for name in endpoint_parameters(endpoint):
            fully = FULLY_FUZZED_PARAMETERS[reader(endpoint, name)] == (endpoint, name)
            for value in odd(ODD if fully else ODD[::4]):
                for params in [{name: value}] + (
                    [{name: [value, value]}] if value in doubled else []
                ):
                    full = f"{url}?{query(**params)}"
                    response = api_get(client, full)
                    assert response.status_code in (200, 400), (response.status_code, full)
                    if response.status_code == 400:
                        assert_useful_400(response, name, full)

    @pytest.mark.parametrize("endpoint", DETAIL_ENDPOINTS)
    def test_detail_and_find(self, client, endpoint):
        listing = api_get(client, f"{API}{endpoint}/?limit=1").json()
        pk = listing["items"][0]["id"]
        for value in odd():
            for url in [
                f"{API}{endpoint}/{pk}/?{query(fields=value)}",
                f"{API}{endpoint}/{pk}/?{query(format=value)}",
                f"{API}{endpoint}/{pk}/?{query(locale=value, onbekend=value)}",
                f"{API}{endpoint}/find/?{query(id=value)}",
                f"{API}{endpoint}/find/?{query(id=[str(pk), value])}",
                f"{API}{endpoint}/find/?{query(cbs_code=value, html_path=value)}",
            ]:
                response = api_get(client, url)
                assert response.status_code in (200, 302, 400, 404), (response.status_code, url)

    def test_the_examples_of_the_docs(self, client):
        """The values named in the issue: an offset beyond 64 bits, NUL in a search."""
        for url, name in [
            (f"{API}praktijkvoorbeelden/?offset={2**63}", "offset"),
            (f"{API}praktijkvoorbeelden/?offset={'9' * 30}", "offset"),
            (f"{API}pages/?offset={2**64}", "offset"),
            (f"{API}praktijkvoorbeelden/?search=a%00b", "search"),
            (f"{API}pages/?search=%00", "search"),
            (f"{API}activiteiten/?limit={2**63}", "limit"),
            (f"{API}kennisartikelen/?search={'x' * 10_000}", "search"),
        ]:
            response = api_get(client, url)
            assert response.status_code == 400, url[:200]
            assert_useful_400(response, name, url)

    def test_the_index_and_unknown_urls(self, client):
        for value in odd(ODD[::2]):
            assert api_get(client, f"{API}?{query(x=value)}").status_code == 200
            assert api_get(client, f"{API}{value}/").status_code in (400, 404)


def test_every_parameter_reader_is_fully_fuzzed_once():
    """The filter backends of GezondIn's page type endpoints are shared; Wagtail's generic
    endpoint reads its parameters itself; each of them gets every odd value somewhere."""
    fully = {(endpoint, name) for endpoint, name in FULLY_FUZZED_PARAMETERS.values()}
    assert ("praktijkvoorbeelden", "thema") in fully
    assert ("kennisartikelen", "thema") not in fully  # TermFilter, as on praktijkvoorbeelden
    assert ("kennisartikelen", "type") in fully and ("activiteiten", "upcoming") in fully
    assert ("pages", "type") in fully and ("gemeenten", "cbs_code") in fully
    assert ("praktijkvoorbeelden", "limit") in fully
    assert ("gemeenten", "limit") not in fully  # the paging every endpoint shares


def test_the_page_types_are_covered():
    """A new page type joins the fuzzing by itself; a changed label must not drop one; a page
    type with request handling of its own gets every odd value."""
    assert "kennisbank.KennisbankPage" in PAGE_MODELS
    assert "leerkringen.WebinarPage" in PAGE_MODELS
    assert all(model != Page._meta.label for model in PAGE_MODELS)
    fully = {label for label, full in FULLY_FUZZED.items() if full}
    assert {"gezondin.HomePage", "kennisbank.KennisbankPage", "kennisbank.ThemaPage"} <= fully
    assert {"kennisbank.GemeentePage", "kennisbank.PraktijkvoorbeeldPage"} <= fully
    assert {"leerkringen.AgendaPage", "leerkringen.LeerkringPage"} <= fully
    assert "leerkringen.WebinarPage" not in fully  # handled as every activity is
