"""The finder's shared parts (gezondin/facets.py and the gezondin/includes/finder_*.html
templates), which the kennisbank and the agenda both use: options without results are left out,
chips remove one value each, and counts have plural forms in Dutch and English."""

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import translation

from gezondin.facets import SELECT, chosen_count, chosen_filters, facet

LABELS = {"a": "Alfa", "b": "Bravo", "c": "Charlie"}


def test_a_facet_lists_options_with_results_and_the_chosen_ones():
    item = facet("x", "X", LABELS, {"a": 2, "b": 0}, ["c"])
    assert [(o["value"], o["count"], o["selected"]) for o in item["options"]] == [
        ("a", 2, False),
        ("c", 0, True),
    ]
    assert item["selected_count"] == 1
    assert chosen_count([item, facet("y", "Y", LABELS, {}, ["a", "b"])]) == 3


def test_each_chip_removes_one_value_and_keeps_the_rest():
    data = QueryDict("x=a&x=b&y=c&page=3")
    chips = chosen_filters(data, {"x": "X", "y": "Y"}, lambda name: LABELS)
    assert [(chip["label"], chip["remove_url"]) for chip in chips] == [
        ("Alfa", "?x=b&y=c"),
        ("Bravo", "?x=a&y=c"),
        ("Charlie", "?x=a&x=b"),
    ]
    assert chosen_filters(QueryDict("x=a"), {"x": "X"}, lambda name: LABELS)[0]["remove_url"] == "?"


def panel(language, count, chosen_values):
    facets = [
        facet("x", "X", LABELS, {"a": 1, "b": 2}, chosen_values),
        facet(
            "m", "M", {"2026-03": "maart 2026"}, {"2026-03": 4}, [], widget=SELECT, all_label="-"
        ),
    ]
    with translation.override(language):
        html = render_to_string(
            "gezondin/includes/finder_panel.html",
            {"facets": facets, "result_count": count, "chosen": chosen_count(facets)},
        )
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize(
    ("language", "count", "chosen", "button", "toggle"),
    [
        ("nl", 1, ["a"], "Toon 1 resultaat", "Filters (1) , 1 gekozen"),
        ("nl", 23, [], "Toon 23 resultaten", "Filters"),
        ("en", 1, ["a", "b"], "Show 1 result", "Filters (2) , 2 chosen"),
        ("en", 23, ["a"], "Show 23 results", "Filters (1) , 1 chosen"),
    ],
)
def test_the_panel_counts_in_both_languages(language, count, chosen, button, toggle):
    html = panel(language, count, chosen)
    assert html.select_one(".finder__apply-count").get_text(strip=True) == button
    assert " ".join(html.summary.get_text(" ").split()) == toggle
    one = html.select_one('label[for="f-x-a"] .facet__count').get_text(" ", strip=True)
    assert one == ("1 resultaat" if language == "nl" else "1 result")
    # A select facet shows its counts in the options, after the "all" option.
    options = [o.get_text(strip=True) for o in html.select("select[name=m] option")]
    assert options == ["-", "maart 2026 (4)"]
