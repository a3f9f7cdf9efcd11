"""Dutch words for search (gezondin.search_text) and the backend that applies them to queries
(gezondin.search_backend). Pages found through them: tests/kennisbank/test_dutch_search.py."""

import importlib

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from gezondin import search_backend
from gezondin.search_text import fold, index_text, query_stems, stem


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["schuld", "schulden"], "schuld"),
        (["gezin", "gezinnen"], "gezin"),
        (["wijk", "wijken"], "wijk"),
        (["huisbezoek", "huisbezoeken"], "huisbezoek"),
        (["gemeente", "gemeenten"], "gemeent"),
        # Loan words with their English plural.
        (["geldcoach", "geldcoaches"], "geldcoach"),
        (["lunch", "lunches"], "lunch"),
        (["flash", "flashes"], "flash"),
        (["niche", "niches"], "nich"),
    ],
)
def test_singular_and_plural_have_one_stem(forms, expected):
    assert {stem(fold(form)) for form in forms} == {expected}


def test_diacritics_and_case_are_folded():
    assert fold("Één Fryslân financiële") == "een fryslan financiele"
    assert index_text("Financiële problemen") == index_text("financiele PROBLEMEN")


def test_a_query_without_function_words_each_stem_once():
    assert query_stems("de aanpak van schulden en schuld") == ["aanpak", "schuld"]
    # Only function words: they are what was asked.
    assert query_stems("van de") == ["van", "de"]
    assert query_stems(" ?! ") == []


def test_the_backend_is_gezondins_for_the_database(db):
    backend = get_search_backend()
    expected = {
        "sqlite": "DutchSQLiteSearchBackend",
        "postgresql": "DutchPostgresSearchBackend",
    }[connection.vendor]
    assert type(backend).__name__ == expected


def test_the_modelsearch_internals_it_extends_are_there():
    """gezondin.search_backend subclasses modelsearch's query compilers; an upgrade that moves
    them must fail here, not silently search without Dutch."""
    internals = search_backend.INTERNALS[connection.vendor]
    missing = [
        f"{module}.{name}"
        for module, names in internals.items()
        for name in names
        if not hasattr(importlib.import_module(module), name)
    ]
    assert not missing


def test_without_the_setting_text_is_indexed_as_it_is(db, settings):
    """A host site without WAGTAILSEARCH_BACKENDS (Wagtail's default backend) indexes the text
    as written: the stems are GezondIn's backend's."""
    from gezondin.models import StandardPage
    from gezondin.search_text import DutchSearchField, DutchStemsField

    page = StandardPage(title="Gezinnen met schulden")
    assert DutchStemsField("title").get_value(page) == "gezin met schuld"
    del settings.WAGTAILSEARCH_BACKENDS
    assert DutchSearchField("title").get_value(page) == "Gezinnen met schulden"
    assert DutchStemsField("title").get_value(page) is None
