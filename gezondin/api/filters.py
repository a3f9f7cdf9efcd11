"""Query parameters of the read API, as DRF filter backends.

Each backend names the parameters it reads (``parameters``); an endpoint accepts exactly the
parameters of its backends plus pagination, ``fields`` and ``format``, so an unknown parameter is
a 400 instead of being silently ignored. Values are strict too: a malformed or unknown value is
a 400 with a message saying what is allowed, never a 500 and never an empty result that hides a
typo. Repeatable parameters accept repetition (``thema=a&thema=b``) and commas (``thema=a,b``);
values of one parameter are combined with OR, different parameters with AND.
"""

import datetime
import re

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError, parse_boolean

SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
CBS_CODE = re.compile(r"^GM\d{4}$")
MAX_SHOWN = 60  # characters of a rejected value repeated in an error message


def shown(value):
    """A rejected value, shortened, for an error message."""
    value = str(value)
    return repr(value if len(value) <= MAX_SHOWN else value[:MAX_SHOWN] + "…")


def values_of(request, name):
    """The non-empty values of a repeatable parameter (repeated and/or comma-separated)."""
    found = []
    for raw in request.GET.getlist(name):
        found.extend(part.strip() for part in raw.split(",") if part.strip())
    return found


def single_value(request, name):
    values = request.GET.getlist(name)
    if len(values) > 1:
        raise BadRequestError(f"{name}: give one value, not {len(values)}")
    return values[0].strip()


class ParameterFilter(BaseFilterBackend):
    """A filter backend reading the query parameters in ``parameters``."""

    parameters = frozenset()

    def filter_queryset(self, request, queryset, view):
        for name in self.parameters:
            if name in request.GET:
                queryset = self.apply(request, queryset, view, name)
        return queryset

    def apply(self, request, queryset, view, name):
        raise NotImplementedError


# Vocabulary, municipality, province --------------------------------------------------------------


def through_columns(field):
    """(table, page column, term column) of a many-to-many field's link table."""
    through = field.remote_field.through
    links = [f for f in through._meta.get_fields() if f.many_to_one]
    source = next(f.name for f in links if f.related_model is field.model)
    target = next(f.name for f in links if f.related_model is field.related_model)
    return through, source, target


class TermFilter(ParameterFilter):
    """``thema=<slug>``: items with any of the given themes.

    The endpoint's ``term_filters`` maps a parameter to the page field of the vocabulary
    ({"thema": "themas"} by default)."""

    parameters = frozenset(["thema"])

    def apply(self, request, queryset, view, name):
        from gezondin.terms import term_names

        field = queryset.model._meta.get_field(view.term_filters[name])
        slugs = values_of(request, name)
        known = term_names(field.related_model, settings.LANGUAGE_CODE)
        for slug in slugs:
            if not SLUG.match(slug):
                raise BadRequestError(f"{name}: {shown(slug)} is not a slug (letters, digits, -)")
            if slug not in known:
                raise BadRequestError(
                    f"{name}: unknown {field.related_model._meta.model_name} {shown(slug)}"
                )
        if not slugs:
            return queryset
        through, source, target = through_columns(field)
        linked = through.objects.filter(**{f"{target}__slug__in": slugs})
        return queryset.filter(pk__in=linked.values(f"{source}_id"))


def gemeente_codes(request, name):
    from gezondin.terms import gemeente_labels

    codes = [code.upper() for code in values_of(request, name)]
    known = gemeente_labels()
    for code in codes:
        if not CBS_CODE.match(code):
            raise BadRequestError(
                f"{name}: {shown(code)} is not a CBS municipality code such as GM0363"
            )
        if code not in known:
            raise BadRequestError(f"{name}: unknown municipality {shown(code)}")
    return codes


def provincie_values(request, name):
    from gezondin.models import Provincie

    values = [value.lower() for value in values_of(request, name)]
    for value in values:
        if value not in Provincie.values:
            raise BadRequestError(
                f"{name}: unknown province {shown(value)}; use one of: "
                + ", ".join(Provincie.values)
            )
    return values


class GemeenteFilter(ParameterFilter):
    """``gemeente=<CBS code>`` and ``provincie=<province>``.

    The endpoint's ``gemeente_lookup`` says how its items reach a municipality: through the
    kennisbank's gemeenten, or through the host municipality of an activity's meetings."""

    parameters = frozenset(["gemeente", "provincie"])

    def apply(self, request, queryset, view, name):
        if name == "gemeente":
            codes = gemeente_codes(request, name)
            return view.filter_gemeente(queryset, Q(cbs_code__in=codes)) if codes else queryset
        provinces = provincie_values(request, name)
        return view.filter_gemeente(queryset, Q(provincie__in=provinces)) if provinces else queryset


# Dates and kinds ----------------------------------------------------------------------------------


def parse_moment(value):
    """An ISO 8601 date (start of that day in the site's time zone) or datetime (without an
    offset: in the site's time zone)."""
    # An unencoded "+02:00" arrives as " 02:00".
    value = re.sub(r" (\d\d:?\d\d)$", r"+\1", value.strip())
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                return None
            moment = datetime.datetime.combine(day, datetime.time.min)
    except ValueError:  # well formed, but not a real date ("2024-02-30")
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class UpdatedSinceFilter(ParameterFilter):
    """``updated_since=<ISO 8601 date or datetime>``: last published at or after that moment."""

    parameters = frozenset(["updated_since"])

    def apply(self, request, queryset, view, name):
        raw = single_value(request, name)
        moment = parse_moment(raw)
        if moment is None:
            raise BadRequestError(
                f"{name}: {shown(raw)} is not an ISO 8601 date or datetime, such as 2024-05-01 "
                "or 2024-05-01T09:00:00Z (write + in an offset as %2B)"
            )
        return queryset.filter(last_published_at__gte=moment)


class KindFilter(ParameterFilter):
    """``type=<kind>``: items of any of the given kinds (the endpoint's ``kinds``)."""

    parameters = frozenset(["type"])

    def apply(self, request, queryset, view, name):
        kinds = values_of(request, name)
        for kind in kinds:
            if kind not in view.kinds:
                raise BadRequestError(
                    f"{name}: unknown type {shown(kind)}; use one of: " + ", ".join(view.kinds)
                )
        return queryset.filter(kind__in=kinds) if kinds else queryset


class UpcomingFilter(ParameterFilter):
    """``upcoming=true``: activities that have not ended; ``upcoming=false``: those that have."""

    parameters = frozenset(["upcoming"])

    def apply(self, request, queryset, view, name):
        raw = single_value(request, name)
        try:
            upcoming = parse_boolean(raw)
        except ValueError as exc:
            raise BadRequestError(f"{name}: expected true or false, got {shown(raw)}") from exc
        now = timezone.now()
        if upcoming:
            return queryset.filter(last_ends_at__gte=now)
        return queryset.filter(last_ends_at__lt=now)


class IsGidsFilter(ParameterFilter):
    """``is_gids=true|false`` (municipalities)."""

    parameters = frozenset(["is_gids"])

    def apply(self, request, queryset, view, name):
        raw = single_value(request, name)
        try:
            value = parse_boolean(raw)
        except ValueError as exc:
            raise BadRequestError(f"{name}: expected true or false, got {shown(raw)}") from exc
        return queryset.filter(is_gids=value)


class CBSCodeFilter(ParameterFilter):
    """``cbs_code=<CBS code>`` (municipalities)."""

    parameters = frozenset(["cbs_code"])

    def apply(self, request, queryset, view, name):
        codes = gemeente_codes(request, name)
        return queryset.filter(cbs_code__in=codes) if codes else queryset


class ProvincieFieldFilter(ParameterFilter):
    """``provincie=<province>`` (municipalities)."""

    parameters = frozenset(["provincie"])

    def apply(self, request, queryset, view, name):
        provinces = provincie_values(request, name)
        return queryset.filter(provincie__in=provinces) if provinces else queryset


# Language -----------------------------------------------------------------------------------------


def content_languages():
    from wagtail.models import Locale

    return list(Locale.objects.order_by("pk").values_list("language_code", flat=True))


def checked_language(request, name="locale"):
    """The language code of ``locale=``, checked against the site's locales."""
    language = single_value(request, name)
    languages = content_languages()
    if language not in languages:
        raise BadRequestError(
            f"{name}: unknown language {shown(language)}; use one of: " + ", ".join(languages)
        )
    return language


class LocaleFilter(ParameterFilter):
    """``locale=nl|en``: pages in that language (Wagtail's filter, with a 400 for an unknown
    language instead of a 404)."""

    parameters = frozenset(["locale"])

    def apply(self, request, queryset, view, name):
        language = checked_language(request, name)
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale__language_code=language)
        if child_of is not None:
            queryset._filtered_by_child_of = child_of
        return queryset


class TranslationOfFilter(wagtail_filters.TranslationOfFilter):
    parameters = frozenset(["translation_of"])


class SearchFilter(wagtail_filters.SearchFilter):
    """``search=`` (and ``search_operator=and|or``), Wagtail's full-text search; last."""

    parameters = frozenset(["search", "search_operator"])

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError(f"search_operator: expected and or or, got {shown(operator)}")
        return super().filter_queryset(request, queryset, view)


# Ordering -----------------------------------------------------------------------------------------


class OrderingFilter(ParameterFilter):
    """``order=<field>[,<field>...]`` (``-`` for descending) over the endpoint's
    ``ordering_fields``, or ``order=random``. Only plain fields: ordering by a many-to-many
    field would repeat items."""

    parameters = frozenset(["order"])

    def apply(self, request, queryset, view, name):
        raw = single_value(request, name)
        fields = [field.strip() for field in raw.split(",")]
        if fields == ["random"]:
            if "offset" in request.GET:
                raise BadRequestError("order: random ordering cannot be combined with offset")
            return queryset.order_by("?")
        allowed = view.get_ordering_fields(queryset.model)
        for field in fields:
            if field.lstrip("-") not in allowed:
                raise BadRequestError(
                    f"order: cannot order by {shown(field)}; use one of: " + ", ".join(allowed)
                )
        return queryset.order_by(*fields)


def plain_db_fields(model, names):
    """Of ``names``, those that are database columns and not relations."""
    plain = []
    for name in names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.is_relation and getattr(field, "column", None):
            plain.append(name)
    return plain


class FieldsFilter(wagtail_filters.FieldsFilter):
    """Wagtail's ``<field>=<value>`` filters of the generic pages endpoint, with a 400 instead of
    a 500 for a value the field cannot hold (``first_published_at=garbage``)."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, ValueError, TypeError) as exc:
            message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise BadRequestError(f"field filter error: {message}") from exc
