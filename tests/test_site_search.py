"""The site search, grouped by kind (gezondin.search_groups): practices, knowledge, dossiers,
activities and other pages, each with its count; its practices are the kennisbank's for the same
query, and "all N" leads into the kennisbank with the query. On the demo."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

KINDS = ["praktijkvoorbeelden", "kennis", "dossiers", "activiteiten", "paginas"]


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def groups(html):
    return {
        section["aria-labelledby"].removeprefix("search-group-"): section
        for section in html.select("section.search-group")
    }


def count_in(heading):
    return int(heading.get_text(strip=True).split()[0])


@pytest.mark.usefixtures("demo_output")
class TestSiteSearch:
    def test_results_are_grouped_by_kind_in_order_with_their_counts(self, client):
        html = soup(client.get("/nl/zoeken/", {"q": "schulden"}))
        found = groups(html)
        assert list(found) == [kind for kind in KINDS if kind in found]
        assert {"praktijkvoorbeelden", "kennis", "dossiers"} <= set(found)
        total = sum(count_in(section.h3) for section in found.values())
        assert (
            html.select_one(".search-results__summary")
            .get_text(" ", strip=True)
            .startswith(f"{total} resultaten")
        )
        for section in found.values():
            assert 1 <= len(section.select("ol > li")) <= 3

    @pytest.mark.parametrize("query", ["schulden", "gezin", "wijk"])
    def test_the_practices_are_the_kennisbanks_for_the_same_query(self, client, query):
        section = groups(soup(client.get("/nl/zoeken/", {"q": query})))["praktijkvoorbeelden"]
        kennisbank = soup(client.get("/nl/kennisbank/", {"q": query, "type": "praktijkvoorbeeld"}))
        count = kennisbank.select_one("[data-finder-count]").get_text(" ", strip=True)
        assert count_in(section.h3) == int(count.split()[0])
        titles = [a.get_text(strip=True) for a in section.select(".kb-card__link")]
        expected = [
            a.get_text(strip=True) for a in kennisbank.select(".result-list .kb-card__link")
        ]
        assert titles == expected[: len(titles)]

    def test_all_practices_lead_into_the_kennisbank_with_the_query(self, client):
        section = groups(soup(client.get("/nl/zoeken/", {"q": "schulden"})))["praktijkvoorbeelden"]
        assert count_in(section.h3) > 3
        link = urlsplit(section.select_one(".search-group__more a")["href"])
        assert link.path == "/nl/kennisbank/"
        assert parse_qs(link.query) == {"q": ["schulden"], "type": ["praktijkvoorbeeld"]}

    def test_one_kind_pages_through_its_results(self, client):
        html = soup(client.get("/nl/zoeken/", {"q": "leerkring", "soort": "activiteiten"}))
        assert not html.select("section.search-group")
        links = [a["href"] for a in html.select(".search-results__list .card__link")]
        assert links and all(link.startswith("/nl/agenda/") for link in links)
        back = html.select_one(".search-results__back a")["href"]
        assert parse_qs(urlsplit(back).query) == {"q": ["leerkring"]}

    def test_a_kind_the_kennisbank_lists_leads_there(self, client):
        response = client.get("/nl/zoeken/", {"q": "schulden", "soort": "praktijkvoorbeelden"})
        assert response.status_code == 302
        link = urlsplit(response["Location"])
        assert link.path == "/nl/kennisbank/"
        assert parse_qs(link.query) == {"q": ["schulden"], "type": ["praktijkvoorbeeld"]}

    def test_an_unknown_kind_shows_every_kind(self, client):
        html = soup(client.get("/nl/zoeken/", {"q": "schulden", "soort": "bestaat-niet"}))
        assert "praktijkvoorbeelden" in groups(html)

    def test_in_english(self, client):
        html = soup(client.get("/en/search/", {"q": "debt"}))
        headings = [section.h3.get_text(strip=True) for section in groups(html).values()]
        assert headings and any("practice example" in heading for heading in headings)
        assert html.select_one("link[href$='kennisbank/css/kennisbank.css']") is not None
