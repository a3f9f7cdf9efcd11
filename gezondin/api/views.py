"""The read API's endpoints (Wagtail API v2 viewsets) and its router, ``api_router``.

- ``praktijkvoorbeelden``, ``kennisartikelen``, ``activiteiten``: one page type each, with the
  kennisbank's filters and strict query parameters.
- ``gemeenten``: the active municipalities with their section page and number of practices.
- ``pages``: Wagtail's generic pages endpoint (for tooling), with the same privacy rules.

Every endpoint is anonymous and read-only and shows only live pages outside private sections
(whoever asks: a logged-in editor sees what everyone sees), in the request's site and its
translations; a page's content is its live revision, never a draft. Listings fetch what their
items show in a fixed number of queries, whatever the page size.
"""

import functools

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import path, re_path, reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import BaseSerializer, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Locale, Page, Site

from gezondin.api import fields, filters
from gezondin.models import Gemeente
from gezondin.terms import locale_id, public_q
from kennisbank.models import (
    ARTICLE_KINDS,
    VOCABULARY_FIELDS,
    GemeentePage,
    KennisartikelPage,
    KennisPage,
    PraktijkvoorbeeldPage,
    PraktijkvoorbeeldPartner,
)
from leerkringen.models import (
    SEAT_STATUSES,
    Aanmelding,
    AanmeldingStatus,
    ActivityPage,
    ActivityType,
    Bijeenkomst,
)

# Query parameters every endpoint accepts in listings, and in detail views.
LISTING_PARAMETERS = frozenset(["limit", "offset", "fields", "format", "_"])
DETAIL_PARAMETERS = frozenset(["fields", "format", "_"])

PAGE_META_FIELDS = [
    "type",
    "detail_url",
    "html_url",
    "slug",
    "first_published_at",
    "last_published_at",
    "locale",
    "translation_key",
    "search_description",
    "canonical_url",
    "shared_from",
]
PAGE_ORDERING = ["id", "title", "slug", "first_published_at", "last_published_at"]


# Serializers --------------------------------------------------------------------------------------


class GezondInPageSerializer(PageSerializer):
    """Wagtail's page serializer with absolute URLs for this request's host and the sharing
    meta fields."""

    detail_url = fields.DetailURL()
    html_url = fields.HtmlURL()
    canonical_url = fields.CanonicalURL()
    shared_from = fields.SharedFrom()


class GezondInSerializer(BaseSerializer):
    detail_url = fields.DetailURL()


# Shared behaviour ---------------------------------------------------------------------------------


# The fields that need a prefetch lookup, when they differ from the lookup's name. "locale" is
# always fetched: a page's language decides its names, labels and links.
LOOKUP_FIELDS = {
    "shared_copy": ["canonical_url", "shared_from"],
    "bijeenkomsten": ["meetings"],
}


def lookup_root(lookup):
    name = lookup.prefetch_through if isinstance(lookup, Prefetch) else lookup
    return name.split("__")[0]


def shared_copy_lookups():
    """Prefetch lookups for meta.canonical_url and meta.shared_from, once kennisbank.SharedCopy
    (page = OneToOneField(Page, related_name="shared_copy")) exists; none before."""
    try:
        field = Page._meta.get_field("shared_copy")
    except FieldDoesNotExist:
        return []
    try:
        field.related_model._meta.get_field("source")
    except FieldDoesNotExist:
        return ["shared_copy"]
    return ["shared_copy__source"]


def site_condition(request, site):
    """Pages of ``site``: below its root page or one of the root's translations (one query,
    once per request)."""
    cache = request.__dict__.setdefault("_gezondin_api_sites", {})
    key = site.pk if site is not None else None
    if key not in cache:
        condition = Q(pk__in=[])
        if site is not None:
            roots = Page.objects.filter(translation_key=site.root_page.translation_key)
            for root_path in roots.values_list("path", flat=True):
                condition |= Q(path__startswith=root_path)
        cache[key] = condition
    return cache[key]


def public_pages(request, model, site):
    """Live pages of ``model`` in ``site``, outside every private section, whoever asks."""
    return model.objects.live().filter(site_condition(request, site), public_q())


class GezondInAPIMixin:
    """Anonymous, read-only, errors as {"message": ...}, absolute URLs from the request."""

    authentication_classes = []
    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]
    pagination_class = filters.Pagination
    # Prefetch lookups for what the items show (see prepare_items).
    prefetches = []

    def initial(self, request, *args, **kwargs):
        """Every query parameter is checked here first (gezondin.api.filters.check_parameters),
        before content negotiation or a filter reads it: a bad value is a JSON 400."""
        filters.check_parameters(request, self.repeatable_parameters())
        super().initial(request, *args, **kwargs)

    def repeatable_parameters(self):
        names = set()
        for backend in self.filter_backends:
            if getattr(backend, "repeatable", False):
                names |= set(backend.parameters)
        return names

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        data = response.data
        if isinstance(data, dict) and "detail" in data and "message" not in data:
            response.data = {"message": str(data["detail"])}
        return response

    def paginate_queryset(self, queryset):
        items = list(super().paginate_queryset(queryset))
        # A listing shows the fields asked for (?fields=): fetch only what those need.
        self._selected_fields = set(self.get_serializer_class().Meta.fields)
        return self.prepare_items(items)

    def detail_view(self, request, pk):
        # No database holds a larger id (SQLite fails on one instead of finding nothing).
        if int(pk) > filters.MAX_ID:
            raise Http404("not found")
        return super().detail_view(request, pk)

    def get_object(self):
        obj = super().get_object()
        if not getattr(obj, "_api_prepared", False):
            obj = self.prepare_items([obj])[0]
            obj._api_prepared = True
        return obj

    def wants(self, *names):
        """Whether the response shows any of these fields (a detail view shows them all)."""
        selected = getattr(self, "_selected_fields", None)
        return selected is None or not selected.isdisjoint(names)

    def prepare_items(self, items):
        """Fetch in bulk what the items show; returns the items (possibly new objects)."""
        from django.db.models import prefetch_related_objects

        lookups = [
            lookup
            for lookup in [*self.prefetches, *self.extra_prefetches()]
            if lookup_root(lookup) == "locale"
            or self.wants(*LOOKUP_FIELDS.get(lookup_root(lookup), [lookup_root(lookup)]))
        ]
        if items and lookups:
            prefetch_related_objects(items, *lookups)
        return items

    def extra_prefetches(self):
        return []

    def get_ordering_fields(self, model):
        return list(self.ordering_fields)

    def find_view(self, request):
        """Redirect to the detail view of the object found (absolute, for this host)."""
        try:
            obj = self.find_object(self.get_queryset(), request)
        except (ValueError, ValidationError, OverflowError) as exc:
            raise BadRequestError(
                "find: malformed value of " + ", ".join(sorted(self.find_query_parameters))
            ) from exc
        except self.model.DoesNotExist as exc:
            raise Http404("not found") from exc
        if obj is None:
            raise Http404("not found")
        url_path = request.wagtailapi_router.get_object_detail_urlpath(self.model, obj.pk)
        query = request.GET.copy()
        for name in self.find_query_parameters:
            query.pop(name, None)
        url = request.build_absolute_uri(url_path)
        return redirect(f"{url}?{query.urlencode()}" if query else url)


class StrictParametersMixin:
    """Only the parameters of the endpoint's filters are accepted; anything else is a 400."""

    extra_parameters = frozenset()
    detail_parameters = DETAIL_PARAMETERS

    def listing_parameters(self):
        names = set(LISTING_PARAMETERS) | set(self.extra_parameters)
        for backend in self.filter_backends:
            names |= set(getattr(backend, "parameters", ()))
        return names

    def _check(self, allowed):
        unknown = sorted(set(self.request.GET) - set(allowed))
        if unknown:
            raise BadRequestError(
                "unknown query parameter: "
                + ", ".join(filters.shown(name) for name in unknown)
                + "; this endpoint accepts: "
                + ", ".join(sorted(allowed))
            )

    def check_query_parameters(self, queryset):
        self._check(self.listing_parameters())

    def detail_view(self, request, pk):
        self._check(self.detail_parameters)
        return super().detail_view(request, pk)


class BasePagesEndpoint(GezondInAPIMixin, PagesAPIViewSet):
    """What every page endpoint shares: the public pages of the request's site, absolute URLs
    and the sharing meta fields."""

    base_serializer_class = GezondInPageSerializer
    meta_fields = PAGE_META_FIELDS
    listing_default_fields = ["id", *PAGE_META_FIELDS, "title"]
    nested_default_fields = ["id", "type", "detail_url", "title"]
    detail_only_fields = []
    prefetches = ["locale"]
    ordering_fields = PAGE_ORDERING

    def request_site(self):
        return Site.find_for_request(fields.django_request(self.request))

    def public_pages(self, model):
        return public_pages(self.request, model, self.request_site())

    def get_base_queryset(self):
        return self.public_pages(Page)

    def extra_prefetches(self):
        return shared_copy_lookups()


class PageTypeEndpoint(StrictParametersMixin, BasePagesEndpoint):
    """An endpoint for one page type (and its subclasses), ordered by id unless asked."""

    term_filters = {"thema": "themas"}
    filter_backends = [
        filters.LocaleFilter,
        filters.TranslationOfFilter,
        filters.TermFilter,
        filters.GemeenteFilter,
        filters.UpdatedSinceFilter,
        filters.OrderingFilter,
        filters.SearchFilter,  # last: search results cannot be filtered further
    ]

    def get_queryset(self):
        return self.public_pages(self.model).order_by("id")


# Kennisbank ---------------------------------------------------------------------------------------


class KennisEndpoint(PageTypeEndpoint):
    prefetches = ["locale", *VOCABULARY_FIELDS.values(), "gemeenten"]

    def filter_gemeente(self, queryset, condition):
        through, source, target = filters.through_columns(KennisPage._meta.get_field("gemeenten"))
        linked = through.objects.filter(**{f"{target}__in": Gemeente.objects.filter(condition)})
        return queryset.filter(pk__in=linked.values(f"{source}_id"))


class PraktijkvoorbeeldenAPIViewSet(KennisEndpoint):
    name = "praktijkvoorbeelden"
    model = PraktijkvoorbeeldPage
    prefetches = [
        *KennisEndpoint.prefetches,
        Prefetch(
            "partners", queryset=PraktijkvoorbeeldPartner.objects.select_related("organisatie")
        ),
    ]
    ordering_fields = [*PAGE_ORDERING, "start_date", "end_date", "last_checked", "erkenning_date"]


class KennisartikelenAPIViewSet(KennisEndpoint):
    name = "kennisartikelen"
    model = KennisartikelPage
    kinds = [kind for kind, _label in ARTICLE_KINDS]
    filter_backends = [filters.KindFilter, *KennisEndpoint.filter_backends]
    prefetches = [*KennisEndpoint.prefetches, "source_organisation"]
    ordering_fields = [*PAGE_ORDERING, "publication_date"]


# Leerkringen --------------------------------------------------------------------------------------


class ActiviteitenAPIViewSet(PageTypeEndpoint):
    """Learning circles, webinars and study days. Seats are counts; nothing about who signed up,
    and never a webinar's join link."""

    name = "activiteiten"
    model = ActivityPage
    kinds = list(ActivityType.values)
    filter_backends = [
        filters.KindFilter,
        filters.UpcomingFilter,
        *PageTypeEndpoint.filter_backends,
    ]
    prefetches = [
        "locale",
        "themas",
        Prefetch("bijeenkomsten", queryset=Bijeenkomst.objects.select_related("host_gemeente")),
    ]
    ordering_fields = [*PAGE_ORDERING, "first_starts_at", "last_ends_at"]

    def filter_gemeente(self, queryset, condition):
        hosted = Bijeenkomst.objects.filter(host_gemeente__in=Gemeente.objects.filter(condition))
        return queryset.filter(pk__in=hosted.values("page_id"))

    def prepare_items(self, items):
        if self.wants("meetings"):  # a study day's venue is on StudiedagPage
            items = specific_in_bulk(items)
        items = super().prepare_items(items)
        if self.wants("capacity", "seats_available", "registration_open"):
            set_seats(items)
        return items


def specific_in_bulk(items):
    """The items as their specific page types, in one query per page type."""
    if all(type(item) is item.specific_class for item in items):
        return items
    specific = {
        page.pk: page for page in Page.objects.filter(pk__in=[i.pk for i in items]).specific()
    }
    return [specific.get(item.pk, item) for item in items]


def set_seats(activities):
    """The default-language activity and the seat counts of each activity, in two queries
    (translations share the seats of the default-language activity)."""
    from leerkringen.services import Availability

    default = locale_id(settings.LANGUAGE_CODE)
    keys = {a.translation_key for a in activities if a.locale_id != default}
    sources = {}
    if keys:
        sources = {
            page.translation_key: page
            for page in ActivityPage.objects.filter(translation_key__in=keys, locale_id=default)
        }
    for activity in activities:
        if activity.locale_id == default:
            activity._api_canonical = activity
        else:
            activity._api_canonical = sources.get(activity.translation_key, activity)
    counted = [*SEAT_STATUSES, AanmeldingStatus.WAITLISTED]
    rows = (
        Aanmelding.objects.filter(
            activity_id__in={a._api_canonical.pk for a in activities}, status__in=counted
        )
        .values_list("activity_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {}
    for activity_id, status, n in rows:
        counts.setdefault(activity_id, {})[status] = n
    for activity in activities:
        canonical = activity._api_canonical
        mine = counts.get(canonical.pk, {})
        activity._api_seats = Availability(
            capacity=canonical.capacity,
            taken=sum(mine.get(status, 0) for status in SEAT_STATUSES),
            waiting=mine.get(AanmeldingStatus.WAITLISTED, 0),
        )


# Municipalities -----------------------------------------------------------------------------------


class GemeentePageURL(fields.ObjectField):
    """The absolute URL of the municipality's section page in the requested language, or null."""

    def to_representation(self, gemeente):
        page = gemeente._api_page
        return fields.page_url(page, self.context) if page is not None else None


class PracticeCount(fields.ObjectField):
    """How many public practices in the requested language name the municipality."""

    def to_representation(self, gemeente):
        return gemeente._api_practice_count


GEMEENTE_FIELDS = ["cbs_code", "name", "display_name", "provincie", "is_gids", "is_active"]
GEMEENTE_EXTRA = ["page", "practice_count"]


class GemeentenAPIViewSet(StrictParametersMixin, GezondInAPIMixin, BaseAPIViewSet):
    """The active municipalities. ``locale=`` chooses the language of ``page`` and
    ``practice_count`` (default: the site's default language)."""

    name = "gemeenten"
    model = Gemeente
    base_serializer_class = GezondInSerializer
    body_fields = [
        "id",
        *GEMEENTE_FIELDS,
        APIField("page", serializer=GemeentePageURL()),
        APIField("practice_count", serializer=PracticeCount()),
    ]
    listing_default_fields = ["id", "type", "detail_url", *GEMEENTE_FIELDS, *GEMEENTE_EXTRA]
    filter_backends = [
        filters.CBSCodeFilter,
        filters.ProvincieFieldFilter,
        filters.IsGidsFilter,
        filters.OrderingFilter,
    ]
    extra_parameters = frozenset(["locale"])
    detail_parameters = DETAIL_PARAMETERS | {"locale"}
    find_query_parameters = frozenset(["id", "cbs_code"])
    ordering_fields = ["id", "name", "display_name", "cbs_code", "provincie"]

    def get_queryset(self):
        return Gemeente.objects.active().order_by("name", "id")

    def find_object(self, queryset, request):
        if "cbs_code" in request.GET:
            return queryset.get(cbs_code=request.GET["cbs_code"].strip().upper())
        return super().find_object(queryset, request)

    def language(self):
        if "locale" in self.request.GET:
            return filters.checked_language(self.request)
        return settings.LANGUAGE_CODE

    def prepare_items(self, items):
        """Each municipality's section page and practice count in the language, in two
        queries."""
        if not self.wants("page", "practice_count"):
            return items
        language_id = locale_id(self.language())
        ids = [gemeente.pk for gemeente in items]
        site = Site.find_for_request(fields.django_request(self.request))
        sections = {
            page.gemeente_id: page
            for page in public_pages(self.request, GemeentePage, site).filter(
                locale_id=language_id, gemeente_id__in=ids
            )
        }
        practices = public_pages(self.request, PraktijkvoorbeeldPage, site).filter(
            locale_id=language_id
        )
        through, source, target = filters.through_columns(KennisPage._meta.get_field("gemeenten"))
        counts = dict(
            through.objects.filter(
                **{f"{target}_id__in": ids, f"{source}_id__in": practices.values("pk")}
            )
            .values_list(f"{target}_id")
            .annotate(n=Count(f"{source}_id"))
            .order_by()
        )
        for gemeente in items:
            gemeente._api_page = sections.get(gemeente.pk)
            gemeente._api_practice_count = counts.get(gemeente.pk, 0)
        return items


# Generic pages ------------------------------------------------------------------------------------


class PagesEndpoint(BasePagesEndpoint):
    """Wagtail's generic pages endpoint (``type``, ``child_of``, ``descendant_of``, field
    filters...), with the same public pages and absolute URLs as the other endpoints."""

    name = "pages"
    filter_backends = [
        filters.FieldsFilter,
        filters.ChildOfFilter,
        filters.AncestorOfFilter,
        filters.DescendantOfFilter,
        filters.OrderingFilter,
        filters.TranslationOfFilter,
        filters.LocaleFilter,
        filters.SearchFilter,
    ]
    # rich_text_format has no effect here: rich text is always front-end HTML.
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"rich_text_format"}

    def request_site(self):
        try:
            request = fields.django_request(self.request)
            validator = SiteFilterValidator(site=request.GET.get("site"), request=request)
            return validator.site_obj
        except ValueError as exc:
            raise BadRequestError(f"site: {exc}") from exc
        except Http404 as exc:
            raise BadRequestError(
                f"site: no site {filters.shown(request.GET['site'])}; give a hostname of this "
                "installation, with :port if it has several"
            ) from exc

    def find_object(self, queryset, request):
        """``html_path`` with its language prefix (``/nl/kennisbank/``): routed from that
        language's home page."""
        components = [part for part in request.GET.get("html_path", "").split("/") if part]
        site = self.request_site()
        if not components or site is None or components[0] not in filters.content_languages():
            return super().find_object(queryset, request)
        root = site.root_page.get_translation_or_none(
            Locale.objects.get(language_code=components[0])
        )
        if root is None:
            return None
        try:
            page, _args, _kwargs = root.specific.route(request, components[1:])
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None

    def get_ordering_fields(self, model):
        names = self.get_available_fields(model, db_fields_only=True)
        return filters.plain_db_fields(model, names)

    def prepare_items(self, items):
        """With ``type=`` of a page type that has its own endpoint, fetch in bulk what that
        endpoint fetches."""
        from django.db.models import prefetch_related_objects

        items = super().prepare_items(items)
        models = {type(item) for item in items}
        if len(models) == 1:
            endpoint = self.request.wagtailapi_router.get_model_endpoint(models.pop())
            if endpoint and endpoint[1] is not type(self):
                prefetch_related_objects(items, *endpoint[1].prefetches)
        return items


# The router ---------------------------------------------------------------------------------------


class JSONOnly(BaseContentNegotiation):
    """JSON whatever the client accepts (a browser's Accept header included)."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class IndexView(APIView):
    """/api/v2/: the endpoints, as absolute URLs."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    router = None

    def get(self, request):
        namespace = self.router.url_namespace
        return Response(
            {
                "endpoints": {
                    name: request.build_absolute_uri(reverse(f"{namespace}:{name}:listing"))
                    for name in self.router.endpoint_names()
                }
            }
        )


class GezondInAPIRouter(WagtailAPIRouter):
    """Wagtail's router with an index at its root, a JSON 404 for unknown URLs below it, and
    messages in English whatever the visitor's language."""

    def endpoint_names(self):
        return list(self._endpoints)

    def wrap_view(self, func):
        wrapped = super().wrap_view(func)

        @functools.wraps(func)
        def view(request, *args, **kwargs):
            with translation.override("en"):
                response = wrapped(request, *args, **kwargs)
            # For the middleware after the view: without language prefix patterns, so
            # LocaleMiddleware does not redirect an API 404 to /nl/api/v2/... (set after the
            # view: URLs were resolved and are reversed with the site's URLconf).
            request.urlconf = "gezondin.api.urls"
            return response

        return view

    def get_urlpatterns(self):
        @csrf_exempt
        def not_found(request, *args, **kwargs):
            return JsonResponse(
                {
                    "message": "unknown API URL; the endpoints are: "
                    + ", ".join(f"{name}/" for name in self.endpoint_names())
                },
                status=404,
            )

        return [
            path("", self.wrap_view(IndexView.as_view(router=self)), name="index"),
            *super().get_urlpatterns(),
            # Only URLs ending in a slash: CommonMiddleware adds a missing one first.
            re_path(r"^.*/$", self.wrap_view(not_found)),
        ]


api_router = GezondInAPIRouter("gezondin_api")
# The router finds an object's endpoint by model, first match first: specific endpoints before
# the generic pages endpoint.
api_router.register_endpoint("praktijkvoorbeelden", PraktijkvoorbeeldenAPIViewSet)
api_router.register_endpoint("kennisartikelen", KennisartikelenAPIViewSet)
api_router.register_endpoint("activiteiten", ActiviteitenAPIViewSet)
api_router.register_endpoint("gemeenten", GemeentenAPIViewSet)
api_router.register_endpoint("pages", PagesEndpoint)
