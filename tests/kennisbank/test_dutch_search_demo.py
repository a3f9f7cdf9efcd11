"""Search that understands Dutch, on the demo: what a fresh `make run` must do (issue 12's "done
when"). The same checks on built pages are in test_dutch_search.py; the demo cannot share that
module's data (tests/shared.py)."""

import pytest
from bs4 import BeautifulSoup

from gezondin.models import Gemeente
from kennisbank.models import PraktijkvoorbeeldPage

pytestmark = pytest.mark.django_db

URL = "/nl/kennisbank/"


def found(client, query):
    """The titles of the first page of results, in order, and the total."""
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    titles = [a.get_text(strip=True) for a in html.select(".result-list .kb-card__link")]
    count = html.select_one("[data-finder-count]")
    total = int(count.get_text(" ", strip=True).split()[0]) if count and titles else 0
    return titles, total


@pytest.mark.usefixtures("demo_output")
class TestOnTheDemo:
    def test_every_practices_exact_title_finds_it_first(self, client):
        titles = PraktijkvoorbeeldPage.objects.live().filter(locale__language_code="nl")
        titles = list(titles.values_list("title", flat=True))
        assert len(titles) >= 20
        wrong = {title: found(client, title)[0][:1] for title in titles}
        assert {title: first for title, first in wrong.items() if first != [title]} == {}

    def test_a_municipalitys_name_finds_all_its_practices(self, client):
        live = PraktijkvoorbeeldPage.objects.live().filter(locale__language_code="nl")
        with_practices = Gemeente.objects.filter(kennis_pages__in=live).distinct()
        assert with_practices.count() >= 5
        for gemeente in with_practices:
            theirs = set(live.filter(gemeenten=gemeente).values_list("title", flat=True))
            titles, total = found(client, gemeente.display_name or gemeente.name)
            assert total <= 20, gemeente  # all on the first page, so the set is complete
            assert theirs <= set(titles), gemeente

    @pytest.mark.parametrize(
        ("singular", "plural"), [("schuld", "schulden"), ("gezin", "gezinnen"), ("wijk", "wijken")]
    )
    def test_plural_and_singular_find_the_same_practices(self, client, singular, plural):
        assert found(client, singular) == found(client, plural)
