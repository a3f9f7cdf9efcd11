"""Two real installations of the reference site on loopback: a "municipality" publishes
practices, the "hub" harvests them over HTTP with ``manage.py harvest``, the municipality changes
one and withdraws another, the hub harvests again and then once more, and each time the result is
checked through the hub's public kennisbank and its read API.

Each installation has its own database: a temporary SQLite file each, or two PostgreSQL
databases when DATABASE_URL points at PostgreSQL. Both start as copies of the migrated demo site
that is built once and kept (tests/servers.py, ``kept_demo_site``), so both run the same demo and
the hub also copies the municipality's demo practices. The new practices are
about Amersfoort (GM0307), which the demo does not use, so the hub's counts for Amersfoort come
from the harvest alone.

Each site's processes share a cache on disk (settings/base.py without CACHE_URL; production
shares Redis, docs/deployment.md). The hub's server keeps running while ``manage.py harvest``
runs in another process, as a nightly job beside a running site would: what the harvest changes
shows at the hub's next request, cached counts and facets included.
"""

import json
import re
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from tests.servers import Database, SiteServer, kept_demo_site, manage, site_env

MUNICIPALITY_NAME = "Gemeente Amersfoort"
AMERSFOORT = "GM0307"


def get(url, expect=200):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    assert status == expect, f"{url} answered {status}, expected {expect}"
    return body


def get_json(url):
    return json.loads(get(url))


def last_json_line(output):
    return json.loads(output.strip().splitlines()[-1])


class Installation:
    def __init__(self, label, database, **env):
        self.label = label
        self.database = database
        self.media = Path(tempfile.mkdtemp(prefix=f"gezondin-{label}-media-"))
        self.env = site_env(database, self.media, **env)
        self.server = None

    def manage(self, *args):
        return manage(self.env, *args)

    def shell(self, code):
        return self.manage("shell", "-c", code)

    def start(self):
        self.server = SiteServer(self.env).start()
        self.base_url = self.server.base_url
        return self

    def stop(self):
        if self.server is not None:
            self.server.stop()

    def drop(self):
        self.database.drop()
        shutil.rmtree(self.media, ignore_errors=True)


@pytest.fixture(scope="module")
def installations():
    municipality_db = Database("muni")
    hub_db = Database("hub")
    # DEBUG on at the municipality: runserver then serves its media (the images the hub copies).
    municipality = Installation("muni", municipality_db, DEBUG="1")
    hub = Installation("hub", hub_db)
    try:
        template, media = kept_demo_site()
        for installation in (municipality, hub):
            installation.database.create(copy_from=template)
            shutil.copytree(media, installation.media, dirs_exist_ok=True)
        yield municipality, hub
    finally:
        for installation in (municipality, hub):
            installation.stop()
            installation.drop()


def kennisbank(hub, **params):
    """The hub's Dutch kennisbank page for a selection, parsed."""
    query = urlencode(params, doseq=True)
    return BeautifulSoup(get(f"{hub.base_url}/nl/kennisbank/?{query}"), "html.parser")


def result_titles(soup):
    return sorted(
        heading.get_text(strip=True)
        for heading in soup.select(".result-list .result-list__item h3")
    )


def facet_count(soup, name, value):
    box = soup.find("input", attrs={"name": name, "value": value})
    if box is None:
        return 0
    label = soup.find("label", attrs={"for": box["id"]})
    return int(re.match(r"\d+", label.select_one(".facet__count").get_text(strip=True)).group())


def api(hub, **params):
    query = urlencode({"locale": "nl", "fields": "*", "limit": 100, **params}, doseq=True)
    return get_json(f"{hub.base_url}/api/v2/praktijkvoorbeelden/?{query}")


def harvest(hub, municipality, *, allowed=True):
    """``manage.py harvest`` at the hub. The municipality is on loopback, which the harvester
    refuses unless its origin is allowed (GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS)."""
    env = dict(hub.env)
    if allowed:
        env["GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS"] = municipality.base_url
    else:
        env.pop("GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS", None)
    return manage(env, "harvest", municipality.base_url, "--name", MUNICIPALITY_NAME)


def test_practices_travel_from_a_municipality_to_the_hub_and_stay_in_step(installations):
    municipality, hub = installations
    published = last_json_line(
        municipality.shell(
            "from tests.integration.municipality import publish_practices; publish_practices()"
        )
    )
    assert set(published) == {"buurtkamer", "buurtkamer-en", "schoolroute", "taalcafe"}
    municipality.start()
    source_api = get_json(
        f"{municipality.base_url}/api/v2/praktijkvoorbeelden/?gemeente={AMERSFOORT}&locale=nl"
    )
    assert source_api["meta"]["total_count"] == 3
    demo_total = get_json(f"{municipality.base_url}/api/v2/praktijkvoorbeelden/?limit=1")["meta"][
        "total_count"
    ]

    # Without the origin allowed, the hub refuses to fetch from a loopback address.
    with pytest.raises(RuntimeError, match=r"is at a loopback address \(127\.0\.0\.1\)"):
        harvest(hub, municipality, allowed=False)

    # First harvest: everything the municipality publishes arrives.
    report = harvest(hub, municipality)
    print(f"\n--- first harvest ---\n{report}")
    assert f"Result: {demo_total} added, 0 updated, 0 withdrawn, 0 unchanged, 0 skipped" in report
    assert "Status: OK" in report
    hub.start()

    soup = kennisbank(hub, gemeente=AMERSFOORT)
    assert result_titles(soup) == [
        "Buurtkamer voor geldzorgen",
        "Gezonde schoolroute",
        "Taalcafé voor ouders",
    ]
    assert soup.select_one("#kennisbank-results-heading").get_text(strip=True) == "3 resultaten"
    assert facet_count(soup, "gemeente", AMERSFOORT) == 3
    assert facet_count(soup, "thema", "armoede-en-schulden") == 2
    assert facet_count(soup, "thema", "gezonde-fysieke-leefomgeving") == 1
    assert facet_count(soup, "doelgroep", "kinderen") == 1

    original = f"{municipality.base_url}/nl/kennisbank/buurtkamer-voor-geldzorgen/"
    page = BeautifulSoup(
        get(f"{hub.base_url}/nl/kennisbank/buurtkamer-voor-geldzorgen/"), "html.parser"
    )
    assert page.find("link", rel="canonical")["href"] == original
    note = page.select_one(".kb-shared")
    assert f"Gedeeld vanuit {MUNICIPALITY_NAME}." in note.get_text(" ", strip=True)
    assert note.find("a")["href"] == original
    hreflang = {link["hreflang"]: link["href"] for link in page.find_all("link", hreflang=True)}
    assert hreflang["nl"] == original
    assert hreflang["en"].startswith(f"{municipality.base_url}/en/")
    assert "gezond@amersfoort.example" not in str(page)  # contact details stay at the source
    figure = page.select_one("figure img")
    assert figure is not None and figure["alt"] == "Bewoners aan tafel in de buurtkamer"
    assert figure["src"].startswith("/media/")  # copied into the hub's own image library
    summary = page.select_one(".kb-summary").get_text(" ", strip=True)
    assert "Gemeente Amersfoort" in summary

    english = get(f"{hub.base_url}/en/knowledge-base/neighbourhood-room-money-worries/")
    assert "Neighbourhood room for money worries" in english

    data = api(hub, gemeente=AMERSFOORT)
    assert data["meta"]["total_count"] == 3
    by_title = {item["title"]: item for item in data["items"]}
    buurtkamer = by_title["Buurtkamer voor geldzorgen"]
    assert buurtkamer["meta"]["canonical_url"] == original
    assert buurtkamer["meta"]["shared_from"] == {
        "name": MUNICIPALITY_NAME,
        "url": municipality.base_url,
    }
    assert sorted(t["slug"] for t in buurtkamer["themas"]) == [
        "armoede-en-schulden",
        "sociale-basis-in-de-wijk",
    ]
    assert buurtkamer["gemeenten"][0]["cbs_code"] == AMERSFOORT
    assert buurtkamer["contact"] is None

    # The municipality changes one practice and withdraws another; the hub follows.
    municipality.shell(
        "from tests.integration.municipality import change_and_withdraw; change_and_withdraw()"
    )
    report = harvest(hub, municipality)
    print(f"\n--- second harvest ---\n{report}")
    assert "Result: 0 added, 1 updated, 1 withdrawn" in report
    assert '"Gezonde en veilige schoolroute" (nl, #' in report
    assert '"Taalcafé voor ouders" (nl, #' in report

    soup = kennisbank(hub, gemeente=AMERSFOORT)
    assert result_titles(soup) == ["Buurtkamer voor geldzorgen", "Gezonde en veilige schoolroute"]
    assert facet_count(soup, "thema", "armoede-en-schulden") == 1
    get(f"{hub.base_url}/nl/kennisbank/taalcafe-voor-ouders/", expect=404)
    assert api(hub, gemeente=AMERSFOORT)["meta"]["total_count"] == 2

    # A third harvest changes nothing.
    report = harvest(hub, municipality)
    print(f"\n--- third harvest ---\n{report}")
    assert "Result: 0 added, 0 updated, 0 withdrawn" in report
    assert "Status: OK" in report
