"""Facets: the filters of a finder, each with its options and how many results each option gives.

The kennisbank (kennisbank.search) and the agenda (leerkringen.filters) count their facets the
same way and hand the same structure to the finder's template
(gezondin/includes/finder_panel.html):

- the counts of one facet's options are taken over the results of all *other* filters
  (:meth:`FacetedFilterSet.apply` with ``skip``), so choosing a second option of the same facet
  widens the results by exactly the count shown;
- an option without results is left out unless it is chosen (:func:`facet`).
"""

import functools

from django.utils.text import slugify
from django.utils.translation import ngettext

CHECKBOXES, SELECT = "checkboxes", "select"


class CountWords:
    """The word after an option's count ("resultaat", "resultaten"), in the language active when
    it is shown. Cheap to make for each of the hundreds of options a finder counts (Django's
    ngettext_lazy with a number makes a class each time)."""

    __slots__ = ("count",)

    def __init__(self, count):
        self.count = count

    def __str__(self):
        return ngettext("resultaat", "resultaten", self.count)


@functools.lru_cache(maxsize=4096)
def option_id(name, value):
    """The id of an option's checkbox in the finder (the same few hundred values every time)."""
    return f"f-{name}-{slugify(value)}"


class FacetedFilterSet:
    """A mixin for a django-filter FilterSet."""

    def apply(self, queryset, skip=None):
        """The queryset with every valid filter applied, except the one named ``skip``."""
        self.form.is_valid()
        for name, value in self.form.cleaned_data.items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset


def facet(name, label, labels, counts, selected, *, widget=CHECKBOXES, note="", all_label=""):
    """One facet for the finder's template.

    ``labels`` is {value: label} in the order to show; ``counts`` {value: number of results};
    ``selected`` the chosen values. ``widget`` is CHECKBOXES (any number of values) or SELECT
    (one value, with an option ``all_label`` first); ``note`` a sentence shown below the options.
    """
    selected = [value for value in selected if value]
    options = []
    for value, option_label in labels.items():
        count = counts.get(value, 0)
        if count or value in selected:
            options.append(
                {
                    "value": value,
                    "label": option_label,
                    "count": count,
                    "selected": value in selected,
                    # The checkbox's id, and the words screen readers hear after its count:
                    # made here rather than in the template for each of a hundred-odd options.
                    "id": option_id(name, value),
                    "count_words": CountWords(count),
                }
            )
    return {
        "name": name,
        "label": label,
        "options": options,
        "selected_count": len(selected),
        "widget": widget,
        "note": note,
        "all_label": all_label,
    }


def chosen_count(facets):
    """How many filter values are chosen: the n of the finder's "Filters (n)"."""
    return sum(item["selected_count"] for item in facets)


def chosen_filters(data, facet_labels, labels_of):
    """The chosen values of a selection, each with the query string that removes it (and resets
    the page number), for the finder's chips.

    ``data`` is the selection as a QueryDict, ``facet_labels`` {name: label} of the facets in
    the order to show, ``labels_of(name)`` {value: label} of one facet's values.
    """
    chosen = []
    for name, facet_label in facet_labels.items():
        values = data.getlist(name)
        if not values:
            continue
        labels = labels_of(name)
        for value in values:
            remaining = data.copy()
            remaining.setlist(name, [other for other in values if other != value])
            remaining.pop("page", None)
            chosen.append(
                {
                    "name": name,
                    "facet_label": facet_label,
                    "label": labels.get(value, value),
                    "remove_url": "?" + remaining.urlencode() if remaining else "?",
                }
            )
    return chosen
