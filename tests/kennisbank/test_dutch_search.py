"""Search that understands Dutch, the same on SQLite and PostgreSQL (gezondin.search_text,
gezondin.search_backend; docs/kennisbank.md, "How search understands Dutch"), through the
kennisbank page: plurals and singulars, compound heads, diacritics, everything a practice says,
and the title that says what was asked first."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from gezondin import search_text, synonyms
from gezondin.models import Gemeente, Organisatie, Thema
from kennisbank import search
from kennisbank.models import KennisbankPage, PraktijkvoorbeeldPage, PraktijkvoorbeeldPartner
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("practices")]

URL = "/nl/kennisbank/"


def found(client, query, url=URL):
    """The titles of the first page of results, in order, and the total."""
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    titles = [a.get_text(strip=True) for a in html.select(".result-list .kb-card__link")]
    count = html.select_one("[data-finder-count]")
    total = int(count.get_text(" ", strip=True).split()[0]) if count else 0
    if not titles:
        total = 0
    return titles, total


def publish(parent, page, **links):
    """Publish as an editor does: the search index is updated by Wagtail's own signals."""
    parent.add_child(instance=page)
    for field, values in links.items():
        getattr(page, field).set(values)
    page.save_revision().publish()
    return page


@shared_fixture
def kennisbank(home_page):
    return home_page.add_child(instance=KennisbankPage(title="Kennisbank", slug="kennisbank"))


@shared_fixture
def practices(kennisbank, locales):
    armoede = Thema.objects.create(name="Armoede en schulden", slug="armoede-en-schulden")
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    heerlen = Gemeente.objects.get(cbs_code="GM0917")
    pages = {
        "compound": publish(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Vroeg eropaf",
                slug="vroeg-eropaf",
                intro="<p>Schuldhulpverlening die aanbelt bij een betalingsachterstand.</p>",
            ),
            gemeenten=[zaanstad],
        ),
        "plural": publish(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Ouders in de buurt",
                slug="ouders",
                intro="<p>Gezinnen met jonge kinderen vinden elkaar in de wijken.</p>",
                lessons="<p>Eén vaste contactpersoon werkt beter dan drie.</p>",
                monitoring="<p>Een halfjaarlijkse vragenlijst meet de ervaren gezondheid.</p>",
                needs_budget="<p>Een subsidie van de provincie.</p>",
            ),
            gemeenten=[heerlen],
        ),
        "terms": publish(
            kennisbank,
            PraktijkvoorbeeldPage(title="Samen aan tafel", slug="samen-aan-tafel"),
            themas=[armoede],
        ),
        "exact": publish(
            kennisbank,
            PraktijkvoorbeeldPage(title="Schuldhulp", slug="schuldhulp"),
        ),
        "loan-word": publish(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Geld op school",
                slug="geld-op-school",
                intro="<p>Een geldcoach helpt studenten met hun eerste budget.</p>",
            ),
        ),
        "many-mentions": publish(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Een wijkaanpak",
                slug="wijkaanpak",
                intro="<p>" + "Schuldhulp in de wijk. " * 6 + "</p>",
            ),
        ),
    }
    partner = PraktijkvoorbeeldPartner(
        page=pages["plural"],
        organisatie=Organisatie.objects.create(name="Woonstichting De Voorzorg"),
        role="huisbezoeken",
    )
    pages["plural"].partners.add(partner)
    pages["plural"].save_revision().publish()
    return pages


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("gezin", "gezinnen"),
        ("wijk", "wijken"),
        ("vragenlijst", "vragenlijsten"),
        ("ouder", "ouders"),
        ("geldcoach", "geldcoaches"),  # a loan word's English plural
    ],
)
def test_singular_and_plural_find_the_same(client, practices, singular, plural):
    singulars, plurals = found(client, singular), found(client, plural)
    assert singulars == plurals
    assert plurals[1] >= 1


def test_the_head_of_a_compound_finds_it(client, practices):
    assert "Vroeg eropaf" in found(client, "schuld")[0]
    assert "Vroeg eropaf" in found(client, "schulden")[0]
    # Words shorter than four letters match only whole ("wet" is not the start of "wethouder").
    assert found(client, "vro")[0] == []


@pytest.mark.parametrize("query", ["één vaste contactpersoon", "een vaste contactpersoon"])
def test_diacritics_do_not_matter(client, practices, query):
    assert found(client, query)[0] == ["Ouders in de buurt"]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("vragenlijst", "Ouders in de buurt"),  # monitoring
        ("subsidie provincie", "Ouders in de buurt"),  # what it takes
        ("Woonstichting De Voorzorg", "Ouders in de buurt"),  # a partner
        ("huisbezoeken", "Ouders in de buurt"),  # the partner's role
        ("Heerlen", "Ouders in de buurt"),  # the municipality
        ("Limburg", "Ouders in de buurt"),  # its province
        ("Zaanstad", "Vroeg eropaf"),
        ("armoede", "Samen aan tafel"),  # a theme's name
    ],
)
def test_everything_a_practice_says_is_searched(client, practices, query, title):
    assert title in found(client, query)[0]


def test_an_exact_title_comes_first_then_titles_with_the_words(client, practices):
    titles, _total = found(client, "schuldhulp")
    assert titles[0] == "Schuldhulp"
    # The page that only mentions it, however often, after the one whose title says it.
    assert titles.index("Een wijkaanpak") > 0
    assert found(client, "de buurt ouders")[0][0] == "Ouders in de buurt"


def test_a_new_municipality_is_found_after_publishing(client, practices):
    page = Page.objects.get(pk=practices["terms"].pk).specific
    assert "Samen aan tafel" not in found(client, "Zaanstad")[0]
    page.gemeenten.set([Gemeente.objects.get(cbs_code="GM0479")])
    page.save_revision().publish()
    assert "Samen aan tafel" in found(client, "Zaanstad")[0]


def test_a_release_that_stems_otherwise_is_not_answered_from_the_cache(
    client, practices, monkeypatch
):
    """Results are cached per query; when a release changes the stemming rules (and raises
    STEM_RULES), a query answered under the old rules is searched again."""

    def rules(loan_plural_end):
        monkeypatch.setattr(search_text, "_LOAN_PLURAL_END", loan_plural_end)
        search_text.stem.cache_clear()
        search_text.title_stems.cache_clear()

    new_rules = search_text._LOAN_PLURAL_END
    try:
        rules(re.compile(r"(ch)es(?!)"))  # never matches: "geldcoaches" stayed whole
        assert found(client, "geldcoaches") == ([], 0)
        rules(new_rules)
        assert found(client, "geldcoaches") == ([], 0)  # cached under the same rules' version
        for module in (search, synonyms):
            monkeypatch.setattr(module, "STEM_RULES", search_text.STEM_RULES + 1)
        assert found(client, "geldcoaches")[0] == ["Geld op school"]
    finally:
        rules(new_rules)


def test_the_site_search_understands_the_same(client, practices):
    response = client.get("/nl/zoeken/", {"q": "gezinnen"})
    assert "Ouders in de buurt" in response.content.decode()


def test_indexing_reads_what_a_practice_says_once(client, practices, django_assert_max_num_queries):
    """Indexing reads a practice's municipalities, terms and partners once, not once per column
    of the index (three on SQLite, five on PostgreSQL: gezondin.search_text.indexing); what it
    indexes is still all of it."""
    from modelsearch import index

    page = Page.objects.get(pk=practices["plural"].pk).specific
    # Whether it is indexed, its locale, its municipalities, each of its six vocabularies and the
    # vocabulary's names (not cached yet in a test), its partners, then the index's entry (read,
    # written, its title norms): 21 on SQLite, 20 on PostgreSQL. Each field read once per column
    # was 39 on SQLite.
    with django_assert_max_num_queries(21):
        index.insert_or_update_object(page)
    for query in ("Heerlen", "Voorzorg", "huisbezoeken", "gezinnen"):
        assert "Ouders in de buurt" in found(client, query)[0], query
