"""The read API's router, ``api_router``, the endpoint base classes and the generic endpoint.

- ``pages``: Wagtail's generic pages endpoint (for tooling), with the same privacy rules.
- The feature apps register their own endpoints from their AppConfig.ready():
  ``praktijkvoorbeelden``, ``kennisartikelen`` and ``gemeenten`` (kennisbank.api),
  ``activiteiten`` (leerkringen.api), with ``api_router.register_endpoint(name, viewset,
  order=...)``. A page type endpoint builds on :class:`PageTypeEndpoint`, another on
  :class:`StrictParametersMixin` and :class:`GezondInAPIMixin`.

Every endpoint is anonymous and read-only and shows only live pages outside private sections
(whoever asks: a logged-in editor sees what everyone sees), in the request's site and its
translations; a page's content is its live revision, never a draft. Listings fetch what their
items show in a fixed number of queries, whatever the page size.
"""

import functools

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Prefetch, Q
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
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import BaseSerializer, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Locale, Page, Site

from gezondin import figures as figure_registry
from gezondin.api import fields, filters
from gezondin.terms import linked_to, public_q

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


# The fields that need a prefetch lookup, when they differ from the lookup's name (an endpoint
# adds its own in ``lookup_fields``). "locale" is always fetched: a page's language decides its
# names, labels and links.
LOOKUP_FIELDS = {"shared_copy": ["canonical_url", "shared_from"]}


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
    # Prefetch lookups for what the items show (see prepare_items), and the fields that need a
    # lookup when they differ from its name.
    prefetches = []
    lookup_fields = LOOKUP_FIELDS

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
            or self.wants(*self.lookup_fields.get(lookup_root(lookup), [lookup_root(lookup)]))
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

    def filter_terms(self, queryset, name, slugs):
        """Items linked to any of the terms ``slugs`` of the vocabulary of parameter ``name``."""
        return linked_to(queryset, self.term_filters[name], slug__in=slugs)

    def filter_gemeente(self, queryset, codes):
        """Items about any of the municipalities with these CBS codes (GemeenteFilter)."""
        raise NotImplementedError

    def filter_provincie(self, queryset, provinces):
        """Items about a municipality in any of these provinces (GemeenteFilter)."""
        raise NotImplementedError

    def filter_regio(self, queryset, names):
        """Items about a municipality in any of these regions (names, GemeenteFilter)."""
        raise NotImplementedError


def specific_in_bulk(items):
    """The items as their specific page types, in one query per page type."""
    if all(type(item) is item.specific_class for item in items):
        return items
    specific = {
        page.pk: page for page in Page.objects.filter(pk__in=[i.pk for i in items]).specific()
    }
    return [specific.get(item.pk, item) for item in items]


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


# Figures ------------------------------------------------------------------------------------------


class _NoModel:
    """Stands for the model of an endpoint that serves no model (the router looks endpoints up
    by model)."""


class FiguresEndpoint(APIView):
    """``/api/v2/cijfers/``: “GezondIn in cijfers” (gezondin.figures) as JSON, in the language
    of ``locale=`` (default: the site's default language): ``{"locale", "figures": {provider:
    data}}``. Aggregates only."""

    model = _NoModel
    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    parameters = frozenset(["locale", "format", "_"])

    def get(self, request):
        try:
            filters.check_parameters(request)
            unknown = sorted(set(request.GET) - self.listing_parameters())
            if unknown:
                raise BadRequestError(
                    "unknown query parameter: "
                    + ", ".join(filters.shown(name) for name in unknown)
                    + "; this endpoint accepts: "
                    + ", ".join(sorted(self.parameters))
                )
            language = (
                filters.checked_language(request)
                if "locale" in request.GET
                else settings.LANGUAGE_CODE.split("-")[0]
            )
        except BadRequestError as error:
            return Response({"message": str(error)}, status=400)
        with translation.override(language):
            data = {provider.name: found for provider, found in figure_registry.collect(language)}
        return Response({"locale": language, "figures": data})

    def listing_parameters(self):
        return set(self.parameters)

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view(), name="listing")]


class GezondInAPIRouter(WagtailAPIRouter):
    """Wagtail's router with an index at its root, a JSON 404 for unknown URLs below it, and
    messages in English whatever the visitor's language.

    Endpoints are kept in the order of their ``order`` (then of registration): the index lists
    them in that order, and the router finds an object's endpoint by model, first match first,
    so specific endpoints come before the generic pages endpoint (``order=1000``)."""

    def __init__(self, url_namespace):
        super().__init__(url_namespace)
        self._orders = {}

    def register_endpoint(self, name, class_, order=100):
        """Add (or replace) the endpoint ``name`` at /api/v2/<name>/."""
        self._orders[name] = order
        self._endpoints[name] = class_
        ranked = sorted(self._endpoints, key=lambda key: self._orders.get(key, 100))
        self._endpoints = {key: self._endpoints[key] for key in ranked}

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
# Last: the feature apps' endpoints for specific page types come first (kennisbank.api,
# leerkringen.api, registered from their AppConfig.ready()).
api_router.register_endpoint("cijfers", FiguresEndpoint, order=900)
api_router.register_endpoint("pages", PagesEndpoint, order=1000)
