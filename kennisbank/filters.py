"""The kennisbank's filters (django-filter), behind the URL contract in docs/kennisbank.md.

Every filter is a GET parameter: `thema`, `spoor`, `pijler`, `doelgroep`, `domein`, `levensfase`
(term slugs), `gemeente` (CBS codes), `provincie`, `regio` (a safety region's slug,
gezondin.regions), `erkenning`, `type` — each repeatable, values
within one filter combined with OR, filters with AND — plus `q` (search) and `sort`. Unknown
values are dropped before filtering (see KennisbankSearch), so a shared URL with a removed term
still works.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from gezondin import regions
from gezondin.facets import FacetedFilterSet
from gezondin.models.snippets import (
    Doelgroep,
    Domein,
    Levensfase,
    Pijler,
    Provincie,
    Spoor,
    Thema,
)
from gezondin.search_terms import MAX_QUERY_LENGTH
from gezondin.terms import gemeente_labels, linked_to, term_options
from kennisbank.models import (
    VOCABULARY_FIELDS,
    Erkenning,
    KennisPage,
    KennisType,
    PraktijkvoorbeeldPage,
)

VOCABULARY_MODELS = {
    "thema": Thema,
    "spoor": Spoor,
    "pijler": Pijler,
    "doelgroep": Doelgroep,
    "domein": Domein,
    "levensfase": Levensfase,
}
SORT_RELEVANCE, SORT_NEWEST, SORT_TITLE = "relevantie", "nieuwste", "titel"
SORT_CHOICES = [
    (SORT_RELEVANCE, _("Best passend")),
    (SORT_NEWEST, _("Nieuwste eerst")),
    (SORT_TITLE, _("Titel (A-Z)")),
]
# The facets in the order the page shows them, with their labels.
FACETS = {
    "type": _("Soort"),
    "thema": _("Thema"),
    "doelgroep": _("Doelgroep"),
    "levensfase": _("Levensfase"),
    "spoor": _("Spoor"),
    "pijler": _("Pijler"),
    "domein": _("Beleidsdomein"),
    "provincie": _("Provincie"),
    "regio": _("Regio"),
    "gemeente": _("Gemeente"),
    "erkenning": _("Erkenning"),
}


class SharedChoices:
    """A filter's choices as a callable that copying leaves alone. Django's form copies every
    field of a form it builds, and a field's choices with it, callable or not (a partial is
    copied with the list it holds): for the 342 municipalities and the vocabularies that was
    two thirds of setting up a kennisbank search. The lists come from the cache and are not
    changed, so each form may share them."""

    def __init__(self, choices):
        self.choices = choices

    def __call__(self):
        return self.choices

    def __deepcopy__(self, memo):
        return self


def m2m_through(field_name):
    """The many-to-many table of a KennisPage field and the name of its term column."""
    through = KennisPage._meta.get_field(field_name).remote_field.through
    term_fk = next(
        f.name
        for f in through._meta.get_fields()
        if f.many_to_one and f.related_model is not KennisPage
    )
    return through, term_fk


class KennisbankFilterSet(FacetedFilterSet, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken in de kennisbank"), method="filter_nothing", max_length=MAX_QUERY_LENGTH
    )
    type = django_filters.MultipleChoiceFilter(
        choices=KennisType.choices, field_name="kind", widget=forms.CheckboxSelectMultiple
    )
    thema = django_filters.MultipleChoiceFilter(method="filter_vocabulary")
    doelgroep = django_filters.MultipleChoiceFilter(method="filter_vocabulary")
    levensfase = django_filters.MultipleChoiceFilter(method="filter_vocabulary")
    spoor = django_filters.MultipleChoiceFilter(method="filter_vocabulary")
    pijler = django_filters.MultipleChoiceFilter(method="filter_vocabulary")
    domein = django_filters.MultipleChoiceFilter(method="filter_vocabulary")
    provincie = django_filters.MultipleChoiceFilter(
        choices=Provincie.choices, method="filter_provincie"
    )
    regio = django_filters.MultipleChoiceFilter(choices=regions.choices, method="filter_regio")
    gemeente = django_filters.MultipleChoiceFilter(method="filter_gemeente")
    erkenning = django_filters.MultipleChoiceFilter(
        choices=Erkenning.choices, method="filter_erkenning"
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_nothing", empty_label=None
    )

    class Meta:
        model = KennisPage
        fields = []

    def __init__(self, data=None, *args, language_code, **kwargs):
        super().__init__(data, *args, **kwargs)
        for name, choices in self.term_choices(language_code).items():
            self.filters[name].extra["choices"] = SharedChoices(choices)
        for name, label in FACETS.items():
            self.filters[name].label = label
            self.filters[name].extra["widget"] = forms.CheckboxSelectMultiple

    @staticmethod
    def term_choices(language_code):
        """[(value, label)] of the vocabulary and municipality filters, from the cache."""
        choices = {
            name: term_options(model, language_code) for name, model in VOCABULARY_MODELS.items()
        }
        choices["gemeente"] = sorted(gemeente_labels().items(), key=lambda item: item[1])
        return choices

    # Filter methods --------------------------------------------------------------------------

    def filter_nothing(self, queryset, name, value):
        """`q` and `sort` are applied by KennisbankSearch, after the filters."""
        return queryset

    # The read API's kennisbank endpoints filter with these too (kennisbank.api).

    @staticmethod
    def filter_vocabulary(queryset, name, value):
        return linked_to(queryset, VOCABULARY_FIELDS[name], slug__in=value)

    @staticmethod
    def filter_gemeente(queryset, name, value):
        return linked_to(queryset, "gemeenten", cbs_code__in=value)

    @staticmethod
    def filter_provincie(queryset, name, value):
        return linked_to(queryset, "gemeenten", provincie__in=value)

    @staticmethod
    def filter_regio(queryset, name, value):
        return linked_to(queryset, "gemeenten", veiligheidsregio__in=regions.names_of(value))

    def filter_erkenning(self, queryset, name, value):
        practices = PraktijkvoorbeeldPage.objects.filter(erkenning__in=value)
        return queryset.filter(pk__in=practices.values("pk"))
