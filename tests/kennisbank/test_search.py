"""Finding practices: facets, search and their combination, through the kennisbank page.

The URL contract of docs/kennisbank.md ("Finding"): q, thema, spoor, pijler, doelgroep, domein,
levensfase, gemeente, provincie, erkenning, type, sort, page — as GET parameters, never a 500.
"""

import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks.signals import task_enqueued
from wagtail.search import index

from gezondin.models import Doelgroep, Gemeente, Thema
from kennisbank.models import KennisartikelPage, KennisbankPage, PraktijkvoorbeeldPage
from tests.caches import DEFAULT_TIMEOUT
from tests.conftest import on_postgres
from tests.kennisbank.factories import add_published
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("practices")]

URL = "/nl/kennisbank/"


@shared_fixture
def kennisbank(home_page):
    return home_page.add_child(instance=KennisbankPage(title="Kennisbank", slug="kennisbank"))


@shared_fixture
def terms(locales):
    return {
        "armoede": Thema.objects.create(name="Armoede en schulden", slug="armoede-en-schulden"),
        "wonen": Thema.objects.create(name="Wonen", slug="wonen", sort_order=2),
        "jongeren": Doelgroep.objects.create(name="Jongeren", slug="jongeren"),
        "ouderen": Doelgroep.objects.create(name="Ouderen", slug="ouderen"),
    }


@shared_fixture
def practices(kennisbank, terms):
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    tilburg = Gemeente.objects.get(cbs_code="GM0855")
    heerlen = Gemeente.objects.get(cbs_code="GM0917")
    return {
        "schuld": add_published(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Schuldhulp aan de keukentafel",
                slug="schuldhulp",
                intro="<p>Vroeg hulp bij een schuld, thuis in de wijk.</p>",
                background="<p>Veel huishoudens in Noord hadden een betalingsachterstand.</p>",
                erkenning="goed-beschreven",
            ),
            themas=[terms["armoede"]],
            doelgroepen=[terms["ouderen"]],
            gemeenten=[amsterdam],
        ),
        "woning": add_published(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Vochtige woningen aanpakken",
                slug="vocht",
                intro="<p>Samen met de corporatie tegen schimmel.</p>",
                background="<p>Energiearmoede en vocht in oude wijken.</p>",
            ),
            themas=[terms["wonen"]],
            doelgroepen=[terms["jongeren"], terms["ouderen"]],
            gemeenten=[tilburg],
        ),
        "beide": add_published(
            kennisbank,
            PraktijkvoorbeeldPage(
                title="Huisbezoeken bij schulden en vocht",
                slug="huisbezoeken",
                intro="<p>Eén bezoek voor geldzorgen en een gezond huis.</p>",
                approach=[
                    {
                        "type": "paragraph",
                        "value": "<p>De wijkcoach komt langs met de budgetcoach.</p>",
                    }
                ],
            ),
            themas=[terms["armoede"], terms["wonen"]],
            doelgroepen=[terms["jongeren"]],
            gemeenten=[heerlen],
        ),
        "artikel": add_published(
            kennisbank,
            KennisartikelPage(
                title="Wat werkt bij schulden en gezondheid",
                slug="wat-werkt",
                kind="factsheet",
                intro="<p>Een overzicht van onderzoek.</p>",
            ),
            themas=[terms["armoede"]],
        ),
    }


def ordered_titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".result-list__item h3 a")]


def titles(response):
    return set(ordered_titles(response))


def facet_counts(response, name):
    html = BeautifulSoup(response.content, "html.parser")
    counts = {}
    for box in html.select(f'input[type=checkbox][name="{name}"]'):
        label = html.select_one(f'label[for="{box["id"]}"] .facet__count')
        counts[box["value"]] = int(re.match(r"\d+", label.get_text(strip=True)).group())
    return counts


def test_without_filters_everything_is_listed_newest_first(client, practices):
    response = client.get(URL)
    assert response.status_code == 200
    assert len(titles(response)) == 4
    html = BeautifulSoup(response.content, "html.parser")
    first = html.select_one(".result-list__item h3 a").get_text(strip=True)
    assert first == "Wat werkt bij schulden en gezondheid"


def test_values_of_one_filter_combine_with_or(client, practices):
    response = client.get(
        URL, {"thema": ["wonen", "armoede-en-schulden"], "type": "praktijkvoorbeeld"}
    )
    assert titles(response) == {
        "Schuldhulp aan de keukentafel",
        "Vochtige woningen aanpakken",
        "Huisbezoeken bij schulden en vocht",
    }


def test_different_filters_combine_with_and(client, practices):
    response = client.get(URL, {"thema": "armoede-en-schulden", "doelgroep": "jongeren"})
    assert titles(response) == {"Huisbezoeken bij schulden en vocht"}


def test_province_municipality_recognition_and_type_filters(client, practices):
    assert titles(client.get(URL, {"provincie": "limburg"})) == {
        "Huisbezoeken bij schulden en vocht"
    }
    assert titles(client.get(URL, {"gemeente": "gm0855"})) == {"Vochtige woningen aanpakken"}
    assert titles(client.get(URL, {"erkenning": "goed-beschreven"})) == {
        "Schuldhulp aan de keukentafel"
    }
    assert titles(client.get(URL, {"type": "factsheet"})) == {
        "Wat werkt bij schulden en gezondheid"
    }


def test_facet_counts_leave_out_their_own_filter(client, practices):
    response = client.get(URL, {"thema": "wonen"})
    # Thema counts are over all items (choosing a second theme widens the list by that count)...
    assert facet_counts(response, "thema") == {"armoede-en-schulden": 3, "wonen": 2}
    # ...while other facets count within the current results.
    assert facet_counts(response, "doelgroep") == {"jongeren": 2, "ouderen": 1}
    assert facet_counts(response, "provincie") == {"noord-brabant": 1, "limburg": 1}


@pytest.mark.parametrize(
    ("params", "heading", "button"),
    [
        ({"thema": "wonen"}, "2 resultaten", "Toon 2 resultaten"),
        (
            {"q": "betalingsachterstand"},
            "1 resultaat voor ‘betalingsachterstand’",
            "Toon 1 resultaat",
        ),
        ({"q": "zzzonbekend"}, "0 resultaten voor ‘zzzonbekend’", "Toon 0 resultaten"),
    ],
)
def test_counts_have_plural_forms(client, practices, params, heading, button):
    html = BeautifulSoup(client.get(URL, params).content, "html.parser")
    assert html.select_one("#kennisbank-results-heading").get_text(strip=True) == heading
    assert html.select_one(".finder__apply-count").get_text(strip=True) == button


def as_sent(form, **typed):
    """What a browser sends for ``form`` as the page gave it, with ``typed`` filled in: every
    text field and select with its value, checked boxes only."""
    data = []
    for field in form.select("input[name], select[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data.append((name, chosen.get("value", chosen.get_text())))
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.append((name, field.get("value", "on")))
        elif field.get("type") not in ("submit", "button"):
            data.append((name, typed.pop(name, field.get("value", ""))))
    assert not typed, f"no such fields: {typed}"
    return data


def test_a_search_typed_on_the_kennisbank_page_is_ordered_by_best_match(client, practices):
    """The page without a query is sorted newest first; a query typed into its form is still
    ordered by best match (the select's own order is sent as no order at all)."""
    page = BeautifulSoup(client.get(URL).content, "html.parser")
    form = page.select_one("form.finder")
    assert form.select_one("select[name=sort] option[selected]").get_text() == "Nieuwste eerst"

    sent = as_sent(form, q="schulden")
    response = client.get(URL + "?" + urlencode(sent))

    best_match = ordered_titles(client.get(URL, {"q": "schulden"}))
    newest = ordered_titles(client.get(URL, {"q": "schulden", "sort": "nieuwste"}))
    assert best_match != newest  # else this test could not tell them apart
    assert ordered_titles(response) == best_match
    chosen = BeautifulSoup(response.content, "html.parser").select_one(
        "select[name=sort] option[selected]"
    )
    assert (chosen.get_text(), chosen["value"]) == ("Best passend", "")
    # An order chosen on purpose is kept when the query changes.
    sent = as_sent(
        BeautifulSoup(client.get(URL, {"sort": "titel"}).content, "html.parser").select_one(
            "form.finder"
        ),
        q="schulden",
    )
    assert ("sort", "titel") in sent


def test_without_javascript_the_filters_are_a_form_with_an_apply_button(client, practices):
    response = client.get(URL, {"thema": ["wonen", "armoede-en-schulden"], "sort": "titel"})
    html = BeautifulSoup(response.content, "html.parser")
    form = html.select_one("form.finder")
    assert form["method"] == "get" and form["action"] == URL
    panel = form.select_one("details.finder__panel")
    # "Filters (2)": the toggle counts the chosen values, not the sort order.
    assert " ".join(panel.summary.get_text(" ").split()) == "Filters (2) , 2 gekozen"
    assert panel.select_one(".finder__apply-plain").get_text(strip=True) == "Filters toepassen"
    # The sort order is chosen in the panel too; "best match" only when searching.
    sort = panel.select_one("select[name=sort]")
    # The order the finder picks by itself has no value (test_a_search_typed_on_the_page_...).
    assert [o["value"] for o in sort.select("option")] == ["", "titel"]
    assert sort.select_one("option[selected]")["value"] == "titel"
    # The button beside the count that JavaScript shows on a phone says the same.
    opener = html.select_one("#kennisbank-results-heading ~ [data-finder-open]")
    assert opener["aria-controls"] == panel.select_one("[data-finder-sheet]")["id"]
    assert opener["aria-expanded"] == "false"
    assert " ".join(opener.get_text(" ").split()) == "Filters (2) , 2 gekozen"


def test_active_filters_can_be_removed_one_by_one(client, practices):
    response = client.get(URL, {"thema": "wonen", "doelgroep": "jongeren"})
    html = BeautifulSoup(response.content, "html.parser")
    chips = {a.get_text(" ", strip=True): a["href"] for a in html.select(".active-filters__chip")}
    assert any(text.startswith("Thema: Wonen") for text in chips)
    remove_theme = next(href for text, href in chips.items() if text.startswith("Thema"))
    assert "thema" not in remove_theme and "doelgroep=jongeren" in remove_theme
    assert titles(client.get(URL + remove_theme)) == {
        "Vochtige woningen aanpakken",
        "Huisbezoeken bij schulden en vocht",
    }


def test_search_finds_words_in_structured_sections_and_streamfield(client, practices):
    assert titles(client.get(URL, {"q": "betalingsachterstand"})) == {
        "Schuldhulp aan de keukentafel"
    }
    assert titles(client.get(URL, {"q": "budgetcoach"})) == {"Huisbezoeken bij schulden en vocht"}


def test_search_and_facets_combine(client, practices):
    response = client.get(URL, {"q": "vocht", "doelgroep": "jongeren"})
    assert titles(response) == {"Vochtige woningen aanpakken", "Huisbezoeken bij schulden en vocht"}
    response = client.get(URL, {"q": "vocht", "thema": "armoede-en-schulden"})
    assert titles(response) == {"Huisbezoeken bij schulden en vocht"}
    # Facet counts respect the search.
    assert facet_counts(response, "thema") == {"armoede-en-schulden": 1, "wonen": 2}


def test_dutch_stemming_on_postgres(client, practices, require_postgres):
    assert "Schuldhulp aan de keukentafel" in titles(client.get(URL, {"q": "schulden"}))
    assert "Vochtige woningen aanpakken" in titles(client.get(URL, {"q": "wijken"}))
    assert "Huisbezoeken bij schulden en vocht" in titles(client.get(URL, {"q": "schuld"}))


def test_sort_by_title(client, practices):
    html = BeautifulSoup(client.get(URL, {"sort": "titel"}).content, "html.parser")
    listed = [a.get_text(strip=True) for a in html.select(".result-list__item h3 a")]
    assert listed == sorted(listed)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "999999"},
        {"page": "-1"},
        {"q": "x" * 5000},
        {"q": "'; DROP TABLE wagtailcore_page; --"},
        {"q": "\x00"},
        {"thema": "bestaat-niet"},
        {"thema": "<script>alert(1)</script>"},
        {"gemeente": "GM99999"},
        {"provincie": "atlantis"},
        {"sort": "random()"},
        {"erkenning": ["goed-beschreven", "onzin"]},
    ],
)
def test_malformed_or_hostile_parameters_give_a_normal_page(client, practices, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_unknown_values_are_reported_escaped(client, practices):
    response = client.get(URL, {"thema": "<b>weg</b>"})
    assert b"&lt;b&gt;weg&lt;/b&gt;" in response.content
    assert len(titles(response)) == 4


def test_a_search_query_is_echoed_escaped(client, practices):
    response = client.get(URL, {"q": '<img src=x onerror="alert(1)">'})
    assert b"<img src=x" not in response.content


def test_a_get_writes_nothing(client, practices):
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {"q": "schuld", "thema": "wonen", "page": "2"})
    writes = [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]
    assert not writes


def test_query_count_does_not_depend_on_the_results(
    client, practices, django_assert_max_num_queries
):
    client.get(URL)  # warm the caches of site roots and terms
    client.get(URL, {"q": "wijk"})  # and the synonyms (read once per generation)
    with django_assert_max_num_queries(20):
        client.get(URL, {"thema": "wonen", "doelgroep": "jongeren", "provincie": "limburg"})
    with django_assert_max_num_queries(20):
        client.get(URL, {"q": "schulden"})


def test_on_postgres_search_stems_as_on_sqlite(require_postgres):
    """PostgreSQL indexes the stems gezondin.search_text makes (its `simple` configuration adds
    no stemming of its own), so both databases find the same."""
    assert on_postgres()
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    assert type(backend).__name__ == "DutchPostgresSearchBackend"
    assert backend.config == "simple"


def test_the_municipality_facet_stays_short(client, kennisbank, terms, settings):
    from kennisbank import search

    # 30 municipalities with practices: the module's practices' and these, all with the one
    # practice published here (each counts 1, as with a practice of its own).
    used = set(PraktijkvoorbeeldPage.objects.live().values_list("gemeenten", flat=True)) - {None}
    unused = Gemeente.objects.exclude(pk__in=used).order_by("cbs_code")
    codes = list(unused.values_list("pk", flat=True)[: 30 - len(used)])
    add_published(
        kennisbank,
        PraktijkvoorbeeldPage(title="Lokaal in veel gemeenten", slug="lokaal"),
        gemeenten=codes,
    )
    response = client.get(URL)
    shown = facet_counts(response, "gemeente")
    assert len(shown) == search.MAX_GEMEENTE_OPTIONS
    assert b"Nog 5 gemeenten met minder resultaten" in response.content
    # A chosen municipality is always shown, even beyond the cap: the last of these, and one the
    # cap leaves out.
    last = Gemeente.objects.get(pk=codes[-1]).cbs_code
    assert last in facet_counts(client.get(URL, {"gemeente": last}), "gemeente")
    hidden = Gemeente.objects.filter(pk__in=codes).exclude(cbs_code__in=shown).first().cbs_code
    assert hidden in facet_counts(client.get(URL, {"gemeente": hidden}), "gemeente")


# Speed without staleness: relevance ranking on SQLite and the cached counts and cards --------


def test_relevance_order_follows_what_a_practice_says(client, kennisbank, terms):
    """The kennisbank matches and ranks a search in memory (kennisbank.word_index), the same on
    every database: the titles that hold the query first, then the practices that say it more
    often, relative to their length (BM25), the newest first among equals."""
    for number in range(12):
        add_published(
            kennisbank,
            PraktijkvoorbeeldPage(
                title=f"Aanpak {number}" + (" schulden" * (number % 3)),
                slug=f"aanpak-{number}",
                intro="<p>" + "schulden wijk " * (number % 4 + 1) + "</p>",
            ),
            themas=[terms["armoede"]],
        )
    html = BeautifulSoup(client.get(URL, {"q": "schulden"}).content, "html.parser")
    listed = [a.get_text(strip=True) for a in html.select(".result-list__item h3 a")]
    aanpak = [title for title in listed if title.startswith("Aanpak")]
    assert len(aanpak) == 12
    in_title = [title for title in aanpak if "schulden" in title]
    # Titles with the word come first, the two-word titles ("Aanpak 2 schulden schulden") before
    # the practices that only say it in their introduction.
    assert aanpak[: len(in_title)] == in_title
    assert aanpak[0].endswith(" schulden schulden")
    # Without it in the title: "schulden" 4, 3, 2 and 1 times in as short an introduction.
    assert aanpak[len(in_title) :] == ["Aanpak 3", "Aanpak 6", "Aanpak 9", "Aanpak 0"]


def test_the_word_index_matches_as_the_backend_does(client, kennisbank, terms):
    """A search's matches from memory are the search backend's: a stem matches as the start of
    a word from four letters, a shorter one only whole, every word of the query must match."""
    from kennisbank.search import kennis_queryset

    for number, intro in enumerate(
        [
            "Schuldhulpverlening in de wijk.",
            "Geldzorgen en schulden bij jonge gezinnen.",
            "Een wijkteam voor gezinnen.",
            "Werk en inkomen.",
            "Een wet voor de wetenschap.",
        ]
    ):
        add_published(
            kennisbank,
            PraktijkvoorbeeldPage(
                title=f"Praktijk {number}", slug=f"praktijk-{number}", intro=f"<p>{intro}</p>"
            ),
            themas=[terms["armoede"]],
        )
    for query in ["schuld", "gezin wijk", "wet", "werk inkomen", "schulden gezinnen", "onbekend"]:
        html = BeautifulSoup(client.get(URL, {"q": query}).content, "html.parser")
        listed = {a.get_text(strip=True) for a in html.select(".result-list__item h3 a")}
        backend = {
            page.title
            for page in kennis_queryset(locale=kennisbank.locale).search(query, operator="and")
        }
        assert listed == backend, query
    assert listed == set()


def test_a_practice_indexed_after_the_word_index_was_read_is_found_after_the_task(
    client, practices, cache_backend
):
    """With the task worker a published practice is indexed by a task; a visitor who searched
    before it ran had the word index read without the new text. The task that follows
    (kennisbank.tasks.build_facet_indexes) reads it again, and every search sees the new build,
    also the searches cached before it. On every cache backend production uses."""
    from kennisbank.tasks import build_facet_indexes

    assert "Schuldhulp aan de keukentafel" not in titles(client.get(URL, {"q": "zwaluwnest"}))
    # The index gets the practice's new text after the visitor's search read the words.
    practice = practices["schuld"]
    practice.intro = "<p>Spreekuur in het Zwaluwnest.</p>"
    practice.save()
    index.insert_or_update_object(practice)
    assert "Schuldhulp aan de keukentafel" not in titles(client.get(URL, {"q": "zwaluwnest"}))
    build_facet_indexes.enqueue()
    assert "Schuldhulp aan de keukentafel" in titles(client.get(URL, {"q": "zwaluwnest"}))
    cache_backend.advance(2 * DEFAULT_TIMEOUT)
    assert "Schuldhulp aan de keukentafel" in titles(client.get(URL, {"q": "zwaluwnest"}))


def test_while_the_worker_builds_the_word_index_the_backend_answers(client, practices, settings):
    """A visitor never waits for the word index to be read: the first search of a generation
    asks the task worker for it once and is answered by the search backend, with the same
    results; once the worker has built it, searches use it."""
    from django_tasks import default_task_backend

    from gezondin.terms import locale_id
    from kennisbank import word_index

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    locale = locale_id("nl")
    found = titles(client.get(URL, {"q": "schulden"}))
    assert "Schuldhulp aan de keukentafel" in found
    assert titles(client.get(URL, {"q": "keukentafel"})) == {"Schuldhulp aan de keukentafel"}
    # Once per language (the counts "elsewhere" search the English kennisbank too), however
    # many searches came.
    asked = sorted(result.args for result in default_task_backend.results)
    assert asked == sorted([[locale], [locale_id("en")]])
    assert word_index.word_index(locale) is None

    word_index.build_word_index.call(locale)
    assert word_index.word_index(locale) is not None
    assert titles(client.get(URL, {"q": "schulden"})) == found


def test_until_the_worker_has_read_a_new_generation_searches_use_the_last_build(
    client, kennisbank, practices, terms, settings
):
    """After a publication, while the worker reads the new generation's words, a process that
    has the previous build answers searches from it (not from the search backend): what it
    found is found in the same order, a practice unpublished since is not, and the practice
    published since is found once the new build is there."""
    from gezondin.terms import locale_id
    from kennisbank import word_index

    locale = locale_id("nl")
    before = client.get(URL, {"q": "schulden"})
    assert "Huisbezoeken bij schulden en vocht" in titles(before)
    previous = word_index.word_index(locale)
    assert previous is not None

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    budgetcafe = add_published(
        kennisbank,
        PraktijkvoorbeeldPage(
            title="Budgetcafé", slug="budgetcafe", intro="<p>Samen aan tafel over schulden.</p>"
        ),
        themas=[terms["armoede"]],
    )
    # The search backend has it (indexed here: the dummy backend runs no task); the words of the
    # new generation are not read yet.
    index.insert_or_update_object(budgetcafe)
    practices["beide"].unpublish()

    during = client.get(URL, {"q": "schulden"})
    carried = word_index.word_index(locale)
    assert carried is not None and carried.token == previous.token
    expected = [
        title for title in result_order(before) if title != "Huisbezoeken bij schulden en vocht"
    ]
    assert result_order(during) == expected

    word_index.build_word_index.call(locale)
    assert word_index.word_index(locale).token != previous.token
    after = titles(client.get(URL, {"q": "schulden"}))
    assert after == {*expected, "Budgetcafé"}


def result_order(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".result-list__item h3 a")]


def test_the_word_index_reads_modelsearchs_index_entries(client, practices):
    """kennisbank.word_index reads the text columns of modelsearch's index entries; when an
    upgrade moves them, searches fall back to the backend quietly. Fail here instead."""
    from django.db import connection

    from gezondin.terms import locale_id
    from kennisbank import word_index

    assert (
        word_index._entry_columns(connection.vendor) == word_index.TEXT_COLUMNS[connection.vendor]
    )
    assert word_index.available()
    words = word_index.word_index(locale_id("nl"))
    # The stems of a practice's title and text ("Schuldhulp aan de keukentafel").
    assert {"schuldhulp", "keukentafel"} <= set(words.words)


def test_the_word_index_is_read_once_for_every_process(
    client, practices, django_assert_num_queries
):
    """Another app server's process takes the word index from the cache: no query."""
    from gezondin.terms import locale_id
    from kennisbank import word_index

    locale = locale_id("nl")
    built = word_index.word_index(locale)
    word_index._memo.clear()  # as in a process that has not read it
    with django_assert_num_queries(0):
        again = word_index.word_index(locale)
    assert again.token == built.token and again.words == built.words


def test_modelsearch_internals_for_sqlite_ranking_are_there(db):
    """kennisbank.ranking reaches into modelsearch's private SQLite compiler; when an upgrade
    moves what it uses, ranking silently falls back to the backend's quadratic order. Fail here
    instead, naming what is missing."""
    import importlib

    from wagtail.search.backends import get_search_backend

    from kennisbank import ranking
    from kennisbank.search import kennis_queryset

    backend = get_search_backend()
    if not ranking.on_sqlite_backend(backend):
        pytest.skip("SQLite search backend only: runs in the SQLite pass")
    missing = [
        f"{module}.{name}"
        for module, names in ranking.SQLITE_INTERNALS.items()
        for name in names
        if not hasattr(importlib.import_module(module), name)
    ]
    compiler = backend.query_compiler_class(kennis_queryset(), "schulden", order_by_relevance=False)
    missing += [
        f"{type(compiler).__name__}.{name}"
        for name in ranking.SQLITE_COMPILER_INTERNALS
        if not hasattr(compiler, name)
    ]
    assert not missing, f"modelsearch internals used by kennisbank.ranking are gone: {missing}"
    scores = ranking.relevance_scores(kennis_queryset(), "schulden")
    assert scores and all(isinstance(score, int | float) for score in scores.values())


def test_counts_and_cards_follow_publishing(client, practices, terms, kennisbank, cache_backend):
    """On every cache backend production uses, with its default timeout passing between the
    steps (tests/caches.py)."""
    before = client.get(URL, {"thema": "wonen"})
    assert facet_counts(before, "thema") == {"armoede-en-schulden": 3, "wonen": 2}
    assert b"4 resultaten" in client.get(URL).content

    new = add_published(
        kennisbank,
        PraktijkvoorbeeldPage(title="Buurtkamer voor jonge ouders", slug="buurtkamer"),
        themas=[terms["wonen"]],
    )
    after = client.get(URL, {"thema": "wonen"})
    assert facet_counts(after, "thema") == {"armoede-en-schulden": 3, "wonen": 3}
    assert "Buurtkamer voor jonge ouders" in titles(after)
    cache_backend.advance(2 * DEFAULT_TIMEOUT)

    # A new title shows on the (cached) card once it is published.
    new.title = "Buurtkamer voor jonge ouders en kinderen"
    new.save_revision().publish()
    assert "Buurtkamer voor jonge ouders en kinderen" in titles(client.get(URL, {"thema": "wonen"}))

    new.unpublish()
    gone = client.get(URL, {"thema": "wonen"})
    assert facet_counts(gone, "thema") == {"armoede-en-schulden": 3, "wonen": 2}
    assert b"4 resultaten" in client.get(URL).content
    cache_backend.advance(2 * DEFAULT_TIMEOUT)
    assert "Buurtkamer voor jonge ouders en kinderen" not in titles(client.get(URL))
    assert facet_counts(client.get(URL, {"thema": "wonen"}), "thema")["wonen"] == 2


def test_a_renamed_theme_shows_on_the_cached_cards(client, practices, terms, cache_backend):
    def tags():
        html = BeautifulSoup(client.get(URL).content, "html.parser")
        return {li.get_text(" ", strip=True) for li in html.select(".kb-card .kb-tag")}

    assert "Thema: Wonen" in tags()
    terms["wonen"].name = "Wonen en leefomgeving"
    terms["wonen"].save()
    assert "Thema: Wonen en leefomgeving" in tags()
    cache_backend.advance(2 * DEFAULT_TIMEOUT)
    terms["wonen"].name = "Wonen"
    terms["wonen"].save()
    assert "Thema: Wonen en leefomgeving" not in tags()
    assert "Thema: Wonen" in tags()


def record_cache_calls(monkeypatch, one, many):
    """Record what the default cache is asked: ([keys of each call of `one` ("get", "set") not
    made by `many`], [keys of each call of `many` ("get_many", "set_many")]). The local-memory
    cache's `many` calls `one` for each key."""
    backend = type(caches["default"])
    singles, batches, inside = [], [], []
    real_one, real_many = getattr(backend, one), getattr(backend, many)

    def single(self, key, *args, **kwargs):
        if not inside:
            singles.append(key)
        return real_one(self, key, *args, **kwargs)

    def batch(self, keys, *args, **kwargs):
        batches.append(list(keys))
        inside.append(True)
        try:
            return real_many(self, keys, *args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(backend, one, single)
    monkeypatch.setattr(backend, many, batch)
    return singles, batches


def test_cards_are_looked_up_once_for_the_whole_page(client, practices, monkeypatch):
    """A page of results looks its cards up in the cache in one go (prefetch_uncached_cards) and
    renders them without asking for each one again (the ``cached_card`` tag): neither the cards
    that were not there (the first request) nor those that were (the second)."""
    single_reads, _ = record_cache_calls(monkeypatch, "get", "get_many")
    first = titles(client.get(URL))
    assert not [key for key in single_reads if ".kennisbank_card." in key]
    again = titles(client.get(URL))
    assert again == first and len(first) == 4
    assert not [key for key in single_reads if ".kennisbank_card." in key]


def test_a_new_pages_cards_and_counts_are_written_to_the_cache_together(
    client, practices, monkeypatch
):
    """A selection nobody asked for keeps its new cards and its aggregates in the cache in one
    write per timeout when the response has gone out (gezondin.cache_writes), not one round trip
    per card while the visitor waits; the next request finds them. Outside a request a value is
    written at once."""
    from gezondin.cache_writes import set_after_response

    single_writes, many_writes = record_cache_calls(monkeypatch, "set", "set_many")
    first = titles(client.get(URL, {"thema": "wonen"}))
    assert first
    assert not [key for key in single_writes if "kennisbank_card" in key or ":results:" in key]
    cards = [keys for keys in many_writes if any("kennisbank_card" in key for key in keys)]
    assert len(cards) == 1 and len(cards[0]) == len(first)
    assert [key for keys in many_writes for key in keys if ":results:" in key]
    assert all(caches["default"].get(key) for key in cards[0])

    set_after_response("gezondin:test:outside", "at once", 60)
    assert caches["default"].get("gezondin:test:outside") == "at once"


def link_reads(queries):
    """The queries that read the kennisbank's link tables (themes, municipalities, ...)."""
    return [q for q in queries if "kennisbank_kennispage_" in q["sql"]]


def test_a_repeated_selection_is_counted_once(client, practices, django_assert_max_num_queries):
    params = {"thema": "wonen", "doelgroep": "jongeren"}
    with CaptureQueriesContext(connection) as first:
        client.get(URL, params)
    with CaptureQueriesContext(connection) as second:
        client.get(URL, params)
    assert link_reads(first), "the first request reads the facet index (kennisbank.facet_index)"
    assert not link_reads(second)
    assert len(second) < len(first)


def test_a_new_selection_is_counted_without_reading_the_links(client, practices):
    """The facet index is read once per publication; a selection nobody asked for before counts
    every facet in memory (kennisbank.facet_index), also with a search."""
    client.get(URL)
    for params in [
        {"thema": "wonen", "doelgroep": "ouderen"},
        {"provincie": "noord-brabant", "sort": "titel"},
        {"q": "schulden", "erkenning": "goed-beschreven"},
        {"q": "schulden", "page": "2", "sort": "nieuwste"},
    ]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, params)
        assert response.status_code == 200
        assert not link_reads(queries), params
        assert not [q for q in queries if "UNION ALL" in q["sql"]], params


def test_the_facet_index_follows_publishing(client, practices, kennisbank, terms):
    """A practice published, then unpublished, is counted and listed at once (the index's key
    carries the publication generation)."""
    assert facet_counts(client.get(URL, {"thema": "wonen"}), "thema")["wonen"] == 2
    new = add_published(
        kennisbank,
        PraktijkvoorbeeldPage(title="Buurtkamer voor jonge ouders", slug="buurtkamer-2"),
        themas=[terms["wonen"]],
    )
    assert facet_counts(client.get(URL, {"doelgroep": "jongeren"}), "thema")["wonen"] >= 1
    assert facet_counts(client.get(URL, {"thema": "wonen"}), "thema")["wonen"] == 3
    assert "Buurtkamer voor jonge ouders" in titles(client.get(URL, {"sort": "titel"}))
    new.unpublish()
    assert facet_counts(client.get(URL, {"thema": "wonen"}), "thema")["wonen"] == 2
    assert "Buurtkamer voor jonge ouders" not in titles(client.get(URL, {"sort": "titel"}))


def test_a_publication_builds_the_facet_index_before_the_first_visitor(
    client, practices, kennisbank, terms, django_capture_on_commit_callbacks
):
    """After a publication (once its transaction commits) the index of the new generation is
    read by a task (kennisbank.tasks; the worker in production), not by the next visitor."""
    client.get(URL)
    with django_capture_on_commit_callbacks(execute=True):
        add_published(
            kennisbank,
            PraktijkvoorbeeldPage(title="Buurtkamer voor jonge ouders", slug="buurtkamer-3"),
            themas=[terms["wonen"]],
        )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"thema": "wonen", "doelgroep": "ouderen"})
    assert response.status_code == 200
    assert not link_reads(queries)
    assert facet_counts(client.get(URL, {"thema": "wonen"}), "thema")["wonen"] == 3


def test_pages_published_together_build_the_indexes_once(
    kennisbank, terms, django_capture_on_commit_callbacks
):
    """Each publication leaves a callback for after its transaction; a transaction that
    publishes several pages (load_demo, Wagtail's bulk publish) asks the worker for one build of
    the facet and word indexes, not one per page; the next publication asks again."""
    builds = []

    def enqueued(sender, task_result, **kwargs):
        if task_result.task.name == "build_facet_indexes":
            builds.append(task_result)

    task_enqueued.connect(enqueued)
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            with transaction.atomic():
                for number in range(3):
                    add_published(
                        kennisbank,
                        PraktijkvoorbeeldPage(title=f"Samen {number}", slug=f"samen-{number}"),
                        themas=[terms["wonen"]],
                    )
        assert len(callbacks) >= 3
        assert len(builds) == 1
        with django_capture_on_commit_callbacks(execute=True):
            add_published(
                kennisbank,
                PraktijkvoorbeeldPage(title="Later", slug="later"),
                themas=[terms["wonen"]],
            )
        assert len(builds) == 2
    finally:
        task_enqueued.disconnect(enqueued)


@pytest.mark.parametrize("sort", ["nieuwste", "titel", "relevantie"])
def test_every_sort_works_with_a_search(client, practices, sort):
    response = client.get(URL, {"q": "schulden", "sort": sort})
    assert response.status_code == 200
    assert "Huisbezoeken bij schulden en vocht" in titles(response)
