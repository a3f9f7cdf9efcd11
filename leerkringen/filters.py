"""The agenda's filters (django-filter): GET parameters `type`, `thema`, `mode`, `provincie`
(each repeatable: values of one filter combined with OR, filters with AND) and `maand`
(YYYY-MM), plus `archief=1` for past activities instead of upcoming ones.

Unknown or malformed values are dropped before filtering (see :func:`clean_parameters`), so an
old or mangled URL shows the agenda instead of an error. :func:`select` applies all of it; the
agenda page and its feeds both call it, so a feed always lists what the page lists.
"""

import datetime
import re
from dataclasses import dataclass

import django_filters
from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from gezondin.models.snippets import Provincie, Thema
from gezondin.terms import term_options
from leerkringen.models import ActivityPage, ActivityType, Bijeenkomst, Mode

MULTI_VALUE = ("type", "thema", "mode", "provincie")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
ARCHIVE_PARAMETER = "archief"


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


def month_options(queryset):
    """[(YYYY-MM, "maart 2026")] of the months with a meeting of an activity in `queryset`."""
    starts = Bijeenkomst.objects.filter(page__in=queryset.values("pk")).values_list(
        "starts_at", flat=True
    )
    months = sorted({timezone.localtime(moment).date().replace(day=1) for moment in starts})
    return [(day.strftime("%Y-%m"), date_format(day, "F Y")) for day in months]


class AgendaFilterSet(django_filters.FilterSet):
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
    # No max_length: a CharField puts it on its widget as `maxlength`, which is invalid on the
    # <select> it renders as. clean_parameters lets only well-formed months through anyway.
    maand = django_filters.CharFilter(label=_("Maand"), method="filter_maand")

    class Meta:
        model = ActivityPage
        fields = []

    def __init__(self, data=None, *args, language_code, months=(), **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["thema"].extra["choices"] = term_options(Thema, language_code)
        self.filters["maand"].extra["widget"] = forms.Select(
            choices=[("", _("Alle maanden")), *months]
        )

    def filter_thema(self, queryset, name, value):
        return queryset.filter(themas__slug__in=value).distinct()

    def filter_provincie(self, queryset, name, value):
        hosted = Bijeenkomst.objects.filter(host_gemeente__provincie__in=value)
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
        valid = {str(key) for key, _label in probe.filters[name].extra["choices"]}
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


@dataclass
class AgendaSelection:
    """What the agenda lists for a set of GET parameters: upcoming or (``archive``) past
    activities, filtered by the known values in ``data``."""

    archive: bool
    data: QueryDict
    filterset: AgendaFilterSet

    @property
    def activities(self):
        return self.filterset.qs

    @property
    def filters_active(self):
        return active_filters(self.data)

    def query_string(self):
        """The selection as GET parameters (known values only, so nothing typed is echoed)."""
        params = self.data.copy()
        if self.archive:
            params[ARCHIVE_PARAMETER] = "1"
        return params.urlencode()


def select(agenda, params, language_code, *, with_form=True):
    """The agenda's selection for ``params`` (a QueryDict, e.g. request.GET). Without
    ``with_form`` the month choices of the form are not looked up (feeds show no form)."""
    archive = is_archive(params)
    base = agenda.past() if archive else agenda.upcoming()
    data = clean_parameters(params, language_code)
    months = month_options(base) if with_form else ()
    filterset = AgendaFilterSet(data, queryset=base, language_code=language_code, months=months)
    return AgendaSelection(archive=archive, data=data, filterset=filterset)
