"""Query parameters of the read API, as DRF filter backends.

Each backend names the parameters it reads (``parameters``); an endpoint accepts exactly the
parameters of its backends plus pagination, ``fields`` and ``format``, so an unknown parameter is
a 400 instead of being silently ignored. Values are strict too: a malformed or unknown value is
a 400 with a message saying what is allowed, never a 500 and never an empty result that hides a
typo. Repeatable parameters accept repetition (``thema=a&thema=b``) and commas (``thema=a,b``);
values of one parameter are combined with OR, different parameters with AND.

Before any backend runs, :func:`check_parameters` checks what every parameter of every request
must be (no control characters, a bounded length, one value unless repeatable, a known format),
and :class:`Pagination` bounds ``limit`` and ``offset``: each message names the parameter.
"""

import re

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError, parse_boolean

from gezondin import regions
from gezondin.dates import parse_moment
from gezondin.models import Provincie
from gezondin.search_terms import search_terms
from gezondin.terms import gemeente_labels, term_names

SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
CBS_CODE = re.compile(r"^GM\d{4}$")
NUMBER = re.compile(r"^[0-9]+$")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_SHOWN = 60  # characters of a rejected value repeated in an error message
MAX_LENGTH = 1000  # characters of a parameter's name or value
MAX_OFFSET = 1_000_000_000
MAX_ID = 2**63 - 1  # the largest integer a database column holds
FORMATS = ("json", "api")  # JSON, and Django REST framework's browsable page of it


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


def check_parameters(request, repeatable=frozenset()):
    """What every parameter of every API request must be, checked before anything reads it.

    No control characters (a NUL byte fails in the database), at most MAX_LENGTH characters,
    one value unless the parameter is in ``repeatable``, and a format the API has. The
    parameters themselves (which ones an endpoint takes, and their values) are checked by the
    filter backends and :class:`Pagination`."""
    for name in request.GET:
        if CONTROL.search(name) or len(name) > MAX_LENGTH:
            raise BadRequestError(f"malformed query parameter name {shown(name)}")
        values = request.GET.getlist(name)
        if len(values) > 1 and name not in repeatable:
            raise BadRequestError(f"{name}: give one value, not {len(values)}")
        for value in values:
            if CONTROL.search(value):
                raise BadRequestError(
                    f"{name}: control characters (such as a NUL byte) are not allowed"
                )
            if len(value) > MAX_LENGTH:
                raise BadRequestError(f"{name}: at most {MAX_LENGTH} characters, not {len(value)}")
    if "format" in request.GET and request.GET["format"] not in FORMATS:
        raise BadRequestError(
            f"format: unknown format {shown(request.GET['format'])}; use one of: "
            + ", ".join(FORMATS)
        )


def count_parameter(request, name, default, maximum):
    """A whole number from 0 to ``maximum`` (digits only: no sign, no spaces, no exponent)."""
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not NUMBER.match(raw):
        raise BadRequestError(f"{name}: {shown(raw)} is not a whole number of 0 or more")
    value = int(raw)
    if value > maximum:
        raise BadRequestError(f"{name}: at most {maximum}, not {shown(raw)}")
    return value


class Pagination(WagtailPagination):
    """``limit`` (default 20, at most WAGTAILAPI_LIMIT_MAX) and ``offset`` (at most
    MAX_OFFSET), checked before the database sees them."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or MAX_OFFSET
        offset = count_parameter(request, "offset", 0, MAX_OFFSET)
        limit = count_parameter(request, "limit", min(20, limit_max), limit_max)
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


class ParameterFilter(BaseFilterBackend):
    """A filter backend reading the query parameters in ``parameters`` (``repeatable``: all of
    them may be given more than once)."""

    parameters = frozenset()
    repeatable = False

    def filter_queryset(self, request, queryset, view):
        for name in self.parameters:
            if name in request.GET:
                queryset = self.apply(request, queryset, view, name)
        return queryset

    def apply(self, request, queryset, view, name):
        raise NotImplementedError


# Vocabulary, municipality, province --------------------------------------------------------------


class TermFilter(ParameterFilter):
    """``thema=<slug>``: items with any of the given themes.

    The endpoint's ``term_filters`` maps a parameter to the page field of the vocabulary
    ({"thema": "themas"} by default); its ``filter_terms`` selects the items."""

    parameters = frozenset(["thema"])
    repeatable = True

    def apply(self, request, queryset, view, name):
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
        return view.filter_terms(queryset, name, slugs) if slugs else queryset


def gemeente_codes(request, name):
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
    values = [value.lower() for value in values_of(request, name)]
    for value in values:
        if value not in Provincie.values:
            raise BadRequestError(
                f"{name}: unknown province {shown(value)}; use one of: "
                + ", ".join(Provincie.values)
            )
    return values


def regio_values(request, name):
    """The region names (as on Gemeente) of ``regio=<region slug>``; an unknown slug is a 400."""
    slugs = [value.lower() for value in values_of(request, name)]
    for slug in slugs:
        if regions.by_slug(slug) is None:
            raise BadRequestError(
                f"{name}: unknown region {shown(slug)}; use one of: "
                + ", ".join(region.slug for region in regions.regions())
            )
    return regions.names_of(slugs)


class GemeenteFilter(ParameterFilter):
    """``gemeente=<CBS code>``, ``provincie=<province>`` and ``regio=<region slug>``.

    The endpoint's ``filter_gemeente(queryset, codes)``, ``filter_provincie(queryset,
    provinces)`` and ``filter_regio(queryset, names)`` say how its items reach a municipality:
    through the kennisbank's gemeenten, or through the host municipality of an activity's
    meetings."""

    parameters = frozenset(["gemeente", "provincie", "regio"])
    repeatable = True

    def apply(self, request, queryset, view, name):
        if name == "gemeente":
            codes = gemeente_codes(request, name)
            return view.filter_gemeente(queryset, codes) if codes else queryset
        if name == "regio":
            names = regio_values(request, name)
            return view.filter_regio(queryset, names) if names else queryset
        provinces = provincie_values(request, name)
        return view.filter_provincie(queryset, provinces) if provinces else queryset


# Dates and kinds ----------------------------------------------------------------------------------


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
    repeatable = True

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
    repeatable = True

    def apply(self, request, queryset, view, name):
        codes = gemeente_codes(request, name)
        return queryset.filter(cbs_code__in=codes) if codes else queryset


class ProvincieFieldFilter(ParameterFilter):
    """``provincie=<province>`` and ``regio=<region slug>`` (municipalities)."""

    parameters = frozenset(["provincie", "regio"])
    repeatable = True

    def apply(self, request, queryset, view, name):
        if name == "regio":
            names = regio_values(request, name)
            return queryset.filter(veiligheidsregio__in=names) if names else queryset
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


class NamedErrors:
    """For Wagtail's filter backends: the parameter's name in each error message."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except BadRequestError as exc:
            message = str(exc)
            given = [name for name in sorted(self.parameters) if name in request.GET]
            if given and not message.startswith(given[0]):
                raise BadRequestError(f"{given[0]}: {message}") from exc
            raise


class TranslationOfFilter(NamedErrors, wagtail_filters.TranslationOfFilter):
    parameters = frozenset(["translation_of"])


class ChildOfFilter(NamedErrors, wagtail_filters.ChildOfFilter):
    parameters = frozenset(["child_of"])


class AncestorOfFilter(NamedErrors, wagtail_filters.AncestorOfFilter):
    parameters = frozenset(["ancestor_of"])


class DescendantOfFilter(NamedErrors, wagtail_filters.DescendantOfFilter):
    parameters = frozenset(["descendant_of"])


class SearchFilter(BaseFilterBackend):
    """``search=`` (and ``search_operator=and|or``), Wagtail's full-text search; last.

    Like the site's search, the query is reduced to its words first (gezondin.search_terms):
    search backends parse queries with their own syntax, and SQLite's fails on a stray quote. A
    value without any word is a 400."""

    parameters = frozenset(["search", "search_operator"])

    def filter_queryset(self, request, queryset, view):
        from wagtail.search.backends import get_search_backend
        from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

        operator = request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError(f"search_operator: expected and or or, got {shown(operator)}")
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search: search is disabled")
        raw = request.GET["search"]
        terms = search_terms(raw)
        if not terms:
            raise BadRequestError(
                f"search: no word to search for in {shown(raw)} (letters or digits)"
            )
        try:
            return get_search_backend().search(
                terms,
                queryset,
                operator=operator,
                order_by_relevance="order" not in request.GET,
            )
        except (FilterFieldError, OrderByFieldError) as exc:
            raise BadRequestError(
                f"search: cannot be combined with filtering or ordering by {shown(exc.field_name)}"
            ) from exc


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
            raise BadRequestError(
                f"{self.field_names(request, view)}: field filter error: {message}"
            ) from exc

    @staticmethod
    def field_names(request, view):
        """The field filters in the request (the parameters no other backend reads)."""
        others = set(view.known_query_parameters)
        return ", ".join(sorted(name for name in request.GET if name not in others))
