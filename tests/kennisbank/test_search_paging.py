"""Paging through the kennisbank's results, with a filter and with a search (the ``page``
parameter of docs/kennisbank.md, "Finding").

Split from test_search.py: both tests need one more match than a page holds, and share the
practices built once here (tests/shared.py), which would change the counts of the other tests
there.
"""

import pytest
from bs4 import BeautifulSoup

from gezondin.models import Thema
from kennisbank.models import KennisbankPage, PraktijkvoorbeeldPage
from kennisbank.search import RESULTS_PER_PAGE
from tests.kennisbank.factories import add_published
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("practices")]

URL = "/nl/kennisbank/"

# One more match of the selection than a page holds, and every sixth practice of another theme.
NUMBERS = range(1, RESULTS_PER_PAGE + 6)


@shared_fixture
def practices(home_page, locales):
    kennisbank = home_page.add_child(instance=KennisbankPage(title="Kennisbank", slug="kennisbank"))
    werk = Thema.objects.create(name="Werk", slug="werk")
    armoede = Thema.objects.create(name="Armoede en schulden", slug="armoede-en-schulden")
    return [
        add_published(
            kennisbank,
            PraktijkvoorbeeldPage(
                title=f"Praktijk {number:02d}",
                slug=f"p{number}",
                intro="<p>" + "schulden " * number + "</p>",
            ),
            # Every sixth practice has another theme: a match, but not of the selection "werk".
            themas=[armoede if number % 6 == 0 else werk],
        )
        for number in NUMBERS
    ]


def titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".result-list__item h3 a")]


def test_pagination_keeps_the_filters(client, practices):
    # One more practice of the theme "werk" than fits on a page.
    assert sum(number % 6 != 0 for number in NUMBERS) == RESULTS_PER_PAGE + 1
    response = client.get(URL, {"thema": "werk"})
    html = BeautifulSoup(response.content, "html.parser")
    assert len(titles(response)) == RESULTS_PER_PAGE
    next_link = html.select_one('.pagination a[rel="next"]')["href"]
    assert "thema=werk" in next_link and "page=2" in next_link
    assert len(titles(client.get(URL + next_link))) == 1


def test_a_search_with_a_filter_pages_through_the_matches_in_relevance_order(client, practices):
    """The second page of a search with a filter continues the first in relevance order, with
    only the filtered matches on both."""

    def listed(page):
        return titles(client.get(URL, {"q": "schulden", "thema": "werk", "page": page}))

    # The more often a practice says it, the higher it ranks (BM25), newest first among equals.
    expected = [f"Praktijk {number:02d}" for number in reversed(NUMBERS) if number % 6]
    assert len(expected) > RESULTS_PER_PAGE  # two pages
    assert listed(1) + listed(2) == expected
