"""Synonyms editors maintain and "Bedoelde u …?", through the kennisbank page and the site search
(gezondin.synonyms, gezondin.search_backend, gezondin.suggest; docs/kennisbank.md, "Synonyms"
and "Did you mean"). Runs on SQLite and on PostgreSQL."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from gezondin.models import StandardPage, Synoniemen
from kennisbank.models import KennisbankPage, PraktijkvoorbeeldPage
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("practices")]

URL = "/nl/kennisbank/"


def page_of(client, query, url=URL, **params):
    response = client.get(url, {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(client, query, **params):
    html = page_of(client, query, **params)
    return [a.get_text(strip=True) for a in html.select(".result-list .kb-card__link")]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@shared_fixture
def kennisbank(home_page):
    return home_page.add_child(instance=KennisbankPage(title="Kennisbank", slug="kennisbank"))


@shared_fixture
def practices(kennisbank, locales):
    return {
        "debts": publish(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Aan de keukentafel",
                slug="keukentafel",
                intro="<p>Een buurtteam helpt gezinnen met schulden in de wijk.</p>",
            ),
        ),
        "money": publish(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Het spreekuur",
                slug="spreekuur",
                intro="<p>Financiële problemen bespreken bij de huisarts.</p>",
            ),
        ),
        "weight": publish(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Gezonde schoolpleinen",
                slug="schoolpleinen",
                intro="<p>Minder overgewicht bij kinderen door buiten spelen.</p>",
            ),
        ),
        "unrelated": publish(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Problemen met het dak",
                slug="dak",
                intro="<p>Financieel advies voor een nieuwe tuin.</p>",
            ),
        ),
    }


@pytest.fixture
def geldzorgen(db):
    return Synoniemen.objects.create(words="geldzorgen, schulden, financiële problemen")


def test_without_a_group_a_word_finds_only_itself(client, practices):
    assert titles(client, "geldzorgen") == []
    assert titles(client, "obesitas") == []


def test_a_group_expands_a_query(client, practices, geldzorgen):
    found = titles(client, "geldzorgen")
    # One-word entries and the phrase (all of its words, not just one of them).
    assert sorted(found) == ["Aan de keukentafel", "Het spreekuur"]
    assert sorted(titles(client, "schulden")) == ["Aan de keukentafel", "Het spreekuur"]
    # Matched by stems: the singular of an entry is the entry.
    assert sorted(titles(client, "schuld")) == ["Aan de keukentafel", "Het spreekuur"]


def test_the_rest_of_the_query_still_needs_every_word(client, practices, geldzorgen):
    assert titles(client, "geldzorgen buurtteam") == ["Aan de keukentafel"]
    assert titles(client, "buurtteam geldzorgen huisarts") == []


def test_a_phrase_in_the_query_is_one_entry(client, practices, geldzorgen):
    assert sorted(titles(client, "financiële problemen")) == ["Aan de keukentafel", "Het spreekuur"]


def test_a_changed_group_takes_effect_at_once(client, practices, geldzorgen):
    assert titles(client, "obesitas") == []
    group = Synoniemen.objects.create(words="obesitas, dikte")
    assert titles(client, "obesitas") == []  # cached results were dropped: still nothing
    group.words = "obesitas, overgewicht"
    group.save()
    assert titles(client, "obesitas") == ["Gezonde schoolpleinen"]
    group.delete()
    assert titles(client, "obesitas") == []
    geldzorgen.words = "geldzorgen, financiële problemen"
    geldzorgen.save()
    assert titles(client, "geldzorgen") == ["Het spreekuur"]


def test_a_warm_query_reads_no_groups(client, practices, geldzorgen):
    backend = get_search_backend()
    pages = PraktijkvoorbeeldPage.objects.all()
    assert len(list(backend.search("geldzorgen", pages))) == 2
    with CaptureQueriesContext(connection) as queries:
        assert len(list(backend.search("schulden", pages))) == 2
    assert not [q for q in queries if "synoniemen" in q["sql"]]


def test_the_site_search_expands_too(client, practices, geldzorgen):
    response = client.get("/nl/zoeken/", {"q": "geldzorgen"})
    assert "Het spreekuur" in response.content.decode()


# “Bedoelde u …?” -----------------------------------------------------------------------------


def suggestion_of(html):
    return html.select_one(".empty-state__suggestion, .search-results__suggestion")


def test_a_typo_gets_a_suggestion_that_finds_something(client, practices):
    html = page_of(client, "overgewict")
    suggestion = suggestion_of(html)
    assert suggestion is not None
    assert suggestion.get_text(" ", strip=True).startswith("Bedoelde u:")
    link = suggestion.a
    assert link.get_text(strip=True) == "overgewicht"
    response = client.get(URL + link["href"])
    assert "Gezonde schoolpleinen" in response.content.decode()


def test_the_suggestion_keeps_the_filters(client, practices):
    html = page_of(client, "financiele problmen", sort="titel")
    link = suggestion_of(html).a
    assert link["href"].startswith("?")
    assert "sort=titel" in link["href"]
    # A known word stays as typed; an unknown one takes the site's spelling.
    assert link.get_text(strip=True) == "financiele problemen"


def test_no_suggestion_when_something_is_found(client, practices):
    assert suggestion_of(page_of(client, "overgewicht")) is None


def test_no_suggestion_when_it_would_find_nothing(client, practices):
    # "huisarts" and "buurtteam" are both known words, but never on one page.
    assert suggestion_of(page_of(client, "huisarts buurtteem")) is None
    # Nothing close at all.
    assert suggestion_of(page_of(client, "xylofoon")) is None


def test_the_suggestion_speaks_english_on_an_english_page(client, practices, english_home):
    english_home.add_child(instance=KennisbankPage(title="Knowledge base", slug="kennisbank"))
    en = PraktijkvoorbeeldPage(title="Healthy playgrounds", slug="playgrounds")
    english_home.get_children().get(slug="kennisbank").add_child(instance=en)
    en.save_revision().publish()
    html = page_of(client, "playgrouds", url="/en/kennisbank/")
    suggestion = suggestion_of(html)
    assert suggestion.get_text(" ", strip=True).startswith("Did you mean:")
    assert suggestion.a.get_text(strip=True) == "playgrounds"


def test_a_page_of_one_kind_suggests_within_that_kind(client, practices, home_page):
    publish(
        home_page,
        StandardPage(title="Spreekuur overgewicht", slug="spreekuur", intro="<p>Elke week.</p>"),
    )
    html = page_of(client, "overgewict", url="/nl/zoeken/", soort="paginas")
    link = suggestion_of(html).a
    assert link["href"] == "?q=overgewicht&soort=paginas"
    followed = BeautifulSoup(client.get("/nl/zoeken/" + link["href"]).content, "html.parser")
    assert "Spreekuur overgewicht" in followed.select_one(".search-results").get_text()
    # Not offered when the suggested words find nothing of that kind.
    assert suggestion_of(page_of(client, "keukentafl", url="/nl/zoeken/", soort="paginas")) is None


def test_the_site_search_suggests_too(client, practices):
    html = page_of(client, "overgewict", url="/nl/zoeken/")
    link = suggestion_of(html).a
    assert link["href"] == "?q=overgewicht"
    assert suggestion_of(page_of(client, "overgewicht", url="/nl/zoeken/")) is None
    assert suggestion_of(page_of(client, "xylofoon", url="/nl/zoeken/")) is None
