"""The agenda's filters (django-filter): GET parameters `type`, `thema`, `mode`, `provincie`,
`regio` (a safety region's slug, gezondin.regions; where the meetings take place) — each
repeatable: values of one filter combined with OR, filters with AND — and `maand` (YYYY-MM),
plus `archief=1` for past activities instead of upcoming ones.

Unknown or malformed values are dropped before filtering (see :func:`clean_parameters`), so an
old or mangled URL shows the agenda instead of an error. :func:`select` applies all of it; the
agenda page and its feeds both call it, so a feed always lists what the page lists.
"""

import datetime
import re
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import CharField, Count, F, Value
from django.http import QueryDict
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from gezondin import regions
from gezondin.facets import SELECT, FacetedFilterSet, chosen_count, chosen_filters, facet
from gezondin.models.snippets import Provincie, Thema
from gezondin.terms import term_names, term_options, through_columns
from leerkringen.models import ActivityPage, ActivityType, Bijeenkomst, Mode

MULTI_VALUE = ("type", "thema", "mode", "provincie", "regio")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
ARCHIVE_PARAMETER = "archief"
# The agenda's kind of e-mail alert (leerkringen.alerts).
ALERT_KIND = "activiteiten"


def parse_month(value):
    """(start, end) of a "YYYY-MM" month in the current time zone, or None when malformed."""
    match = MONTH.match((value or "").strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return None
    start = datetime.datetime(year, month, 1)
    end = datetime.datetime(year + month // 12, month % 12 + 1, 1)
    return timezone.make_aware(start), timezone.make_aware(end)


def month_of(moment):
    """The "YYYY-MM" of a moment, in the current time zone."""
    return timezone.localtime(moment).strftime("%Y-%m")


def month_label(value):
    """ "maart 2026" for "2026-03" (in the active language)."""
    return date_format(datetime.date(int(value[:4]), int(value[5:7]), 1), "F Y")


def month_counts(queryset):
    """{"YYYY-MM": number of activities in ``queryset`` with a meeting in that month}."""
    rows = Bijeenkomst.objects.filter(page__in=queryset.values("pk")).values_list(
        "page_id", "starts_at"
    )
    pages = {}
    for page_id, starts_at in rows:
        pages.setdefault(month_of(starts_at), set()).add(page_id)
    return {month: len(ids) for month, ids in sorted(pages.items())}


class AgendaFilterSet(FacetedFilterSet, django_filters.FilterSet):
    type = django_filters.MultipleChoiceFilter(
        label=_("Soort"),
        choices=ActivityType.choices,
        field_name="kind",
        widget=forms.CheckboxSelectMultiple,
    )
    thema = django_filters.MultipleChoiceFilter(
        label=_("Thema"), method="filter_thema", widget=forms.CheckboxSelectMultiple
    )
    mode = django_filters.MultipleChoiceFilter(
        label=_("Vorm"), choices=Mode.choices, widget=forms.CheckboxSelectMultiple
    )
    provincie = django_filters.MultipleChoiceFilter(
        label=_("Provincie"),
        choices=Provincie.choices,
        method="filter_provincie",
        widget=forms.CheckboxSelectMultiple,
    )
    regio = django_filters.MultipleChoiceFilter(
        label=_("Regio"),
        choices=regions.choices,
        method="filter_regio",
        widget=forms.CheckboxSelectMultiple,
    )
    # No max_length: clean_parameters lets only well-formed months through anyway. The finder
    # shows it as a <select> of the months that have activities (AgendaSelection.facets).
    maand = django_filters.CharFilter(label=_("Maand"), method="filter_maand")

    class Meta:
        model = ActivityPage
        fields = []

    def __init__(self, data=None, *args, language_code, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["thema"].extra["choices"] = term_options(Thema, language_code)

    def filter_thema(self, queryset, name, value):
        return queryset.filter(themas__slug__in=value).distinct()

    def filter_provincie(self, queryset, name, value):
        hosted = Bijeenkomst.objects.filter(host_gemeente__provincie__in=value)
        return queryset.filter(pk__in=hosted.values("page_id"))

    def filter_regio(self, queryset, name, value):
        hosted = Bijeenkomst.objects.filter(
            host_gemeente__veiligheidsregio__in=regions.names_of(value)
        )
        return queryset.filter(pk__in=hosted.values("page_id"))

    def filter_maand(self, queryset, name, value):
        month = parse_month(value)
        if month is None:
            return queryset
        meetings = Bijeenkomst.objects.filter(starts_at__gte=month[0], starts_at__lt=month[1])
        return queryset.filter(pk__in=meetings.values("page_id"))


def clean_parameters(params, language_code):
    """The known values of each filter from `params` (a QueryDict); the rest is dropped."""
    probe = AgendaFilterSet(language_code=language_code)
    data = QueryDict(mutable=True)
    for name in MULTI_VALUE:
        choices = probe.filters[name].extra["choices"]
        valid = {str(key) for key, _label in (choices() if callable(choices) else choices)}
        for value in params.getlist(name)[:50]:
            value = value.strip()
            if value in valid and value not in data.getlist(name):
                data.appendlist(name, value)
    month = params.get("maand", "")
    if parse_month(month):
        data["maand"] = month.strip()
    return data


def is_archive(params):
    return params.get(ARCHIVE_PARAMETER, "") == "1"


def active_filters(data):
    return any(data.getlist(name) for name in (*MULTI_VALUE, "maand"))


# The agenda's facets in the order the finder shows them (the month last, as a select).
FACETS = ("type", "thema", "mode", "provincie", "regio", "maand")


@dataclass
class AgendaSelection:
    """What the agenda lists for a set of GET parameters: upcoming or (``archive``) past
    activities, filtered by the known values in ``data``."""

    archive: bool
    data: QueryDict
    filterset: AgendaFilterSet
    language_code: str = "nl"

    @property
    def activities(self):
        return self.filterset.qs

    @cached_property
    def count(self):
        # The page lists every activity of the selection: counting them reads no more rows.
        return len(self.filterset.qs)

    def _count_query(self, name):
        """(facet, value, count) rows of one facet over the results of the other filters, as a
        queryset to combine with the others (the month is counted apart, see month_counts)."""
        subset = self.filterset.apply(self.filterset.queryset, skip=name).values("pk")
        if name in ("type", "mode"):
            column = "kind" if name == "type" else "mode"
            rows, counted = ActivityPage.objects.filter(pk__in=subset), "pk"
        elif name == "thema":
            through, source, target = through_columns(ActivityPage._meta.get_field("themas"))
            rows = through.objects.filter(**{f"{source}__in": subset})
            column, counted = f"{target}__slug", source
        else:  # provincie, regio: where the meetings take place
            rows = Bijeenkomst.objects.filter(page__in=subset, host_gemeente__isnull=False)
            column = {
                "provincie": "host_gemeente__provincie",
                "regio": "host_gemeente__veiligheidsregio",
            }[name]
            counted = "page"
        return (
            rows.order_by()
            .annotate(facet=Value(name, output_field=CharField()), value=F(column))
            .values("facet", "value")
            .annotate(n=Count(counted, distinct=True))
            .values_list("facet", "value", "n")
        )

    @cached_property
    def _all_counts(self):
        """{facet: {value: count}}: the four facets in one query (UNION ALL), the months in
        another."""
        names = [name for name in FACETS if name != "maand"]
        parts = [self._count_query(name) for name in names]
        counts = {name: {} for name in names}
        for name, value, n in parts[0].union(*parts[1:], all=True):
            if name == "regio":  # counted by name, chosen by slug
                value = regions.slug_of(value)
                if not value:
                    continue
            counts[name][value] = n
        months = self.filterset.apply(self.filterset.queryset, skip="maand")
        counts["maand"] = month_counts(months)
        return counts

    def _labels(self, name, counts):
        if name == "type":
            return dict(ActivityType.choices)
        if name == "mode":
            return dict(Mode.choices)
        if name == "provincie":
            return dict(Provincie.choices)
        if name == "regio":
            return dict(regions.choices())
        if name == "thema":
            return term_names(Thema, self.language_code)
        months = sorted({*counts, *self.data.getlist("maand")})
        return {month: month_label(month) for month in months}

    @cached_property
    def facets(self):
        """The filters with their options and counts (gezondin.facets.facet); only options
        that have activities, and the chosen ones."""
        facets = []
        for name in FACETS:
            counts = self._all_counts[name]
            extra = {"widget": SELECT, "all_label": _("Alle maanden")} if name == "maand" else {}
            label = self.filterset.filters[name].label
            labels = self._labels(name, counts)
            facets.append(facet(name, label, labels, counts, self.data.getlist(name), **extra))
        return facets

    @property
    def chosen_count(self):
        return chosen_count(self.facets)

    @cached_property
    def chosen_filters(self):
        """The chosen values, each with the query string that removes it (the finder's chips)."""
        params = self.data.copy()
        if self.archive:
            params[ARCHIVE_PARAMETER] = "1"
        labels = {name: self.filterset.filters[name].label for name in FACETS}
        return chosen_filters(params, labels, lambda name: self._labels(name, {}))

    @property
    def clear_url(self):
        """The agenda without filters (still the archive when this is the archive)."""
        return f"?{ARCHIVE_PARAMETER}=1" if self.archive else "?"

    @property
    def filters_active(self):
        return active_filters(self.data)

    @cached_property
    def alert_url(self):
        """The page to get new activities of this selection by e-mail (gezondin.alerts; the
        month and the archive left out): "" when the host has no alert pages."""
        try:
            url = reverse("gezondin:alert_new", kwargs={"kind": ALERT_KIND})
        except NoReverseMatch:
            return ""
        params = QueryDict(mutable=True)
        for name in MULTI_VALUE:
            if self.data.getlist(name):
                params.setlist(name, self.data.getlist(name))
        return f"{url}?{params.urlencode()}" if params else url

    def query_string(self):
        """The selection as GET parameters (known values only, so nothing typed is echoed)."""
        params = self.data.copy()
        if self.archive:
            params[ARCHIVE_PARAMETER] = "1"
        return params.urlencode()


def select(agenda, params, language_code):
    """The agenda's selection for ``params`` (a QueryDict, e.g. request.GET). Its facets are
    counted only when asked for (the page shows them, the feeds do not)."""
    archive = is_archive(params)
    base = agenda.past() if archive else agenda.upcoming()
    data = clean_parameters(params, language_code)
    filterset = AgendaFilterSet(data, queryset=base, language_code=language_code)
    return AgendaSelection(
        archive=archive, data=data, filterset=filterset, language_code=language_code
    )
