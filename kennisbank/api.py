"""The kennisbank's part of the read API (docs/api.md): the ``praktijkvoorbeelden``,
``kennisartikelen`` and ``gemeenten`` endpoints and the serializer fields only practices use.

Registered with the core's router (gezondin.api.views.api_router) when this module is imported,
from KennisbankConfig.ready(). The endpoints filter on themes and municipalities as the
kennisbank's own filters do (kennisbank.filters.KennisbankFilterSet); the models name the fields
below by dotted path (gezondin.api.fields.deferred), since this module imports the models.
"""

from django.conf import settings
from django.db.models import Count, Prefetch
from wagtail.api import APIField
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Site

from gezondin.api import fields, filters
from gezondin.api.views import (
    DETAIL_PARAMETERS,
    PAGE_ORDERING,
    GezondInAPIMixin,
    GezondInSerializer,
    PageTypeEndpoint,
    StrictParametersMixin,
    api_router,
    public_pages,
)
from gezondin.models import Gemeente
from gezondin.terms import linked_to, locale_id, through_columns
from kennisbank.filters import KennisbankFilterSet
from kennisbank.models import (
    ARTICLE_KINDS,
    VOCABULARY_FIELDS,
    GemeentePage,
    KennisartikelPage,
    KennisPage,
    PraktijkvoorbeeldPage,
    PraktijkvoorbeeldPartner,
)

# Serializer fields --------------------------------------------------------------------------------


class Partners(fields.ObjectField):
    """A practice's partners as [{"organisatie": {"name", "website"}, "role"}]."""

    def to_representation(self, obj):
        return [
            {"organisatie": fields.organisation(partner.organisatie), "role": partner.role}
            for partner in self.value(obj).all()
        ]


class Contact(fields.ObjectField):
    """A practice's contact as {"name", "email", "phone"}, only when the page shows it publicly
    (a role or team, or a person who consented); otherwise null."""

    def to_representation(self, obj):
        if not obj.show_contact:
            return None
        return {"name": obj.contact_name, "email": obj.contact_email, "phone": obj.contact_phone}


# Practices and knowledge pages --------------------------------------------------------------------


class KennisEndpoint(PageTypeEndpoint):
    """What practices and knowledge pages share: the vocabularies and municipalities, filtered
    as on the kennisbank's own pages."""

    prefetches = ["locale", *VOCABULARY_FIELDS.values(), "gemeenten"]

    def filter_terms(self, queryset, name, slugs):
        return KennisbankFilterSet.filter_vocabulary(queryset, name, slugs)

    def filter_gemeente(self, queryset, codes):
        return KennisbankFilterSet.filter_gemeente(queryset, "gemeente", codes)

    def filter_provincie(self, queryset, provinces):
        return KennisbankFilterSet.filter_provincie(queryset, "provincie", provinces)

    def filter_regio(self, queryset, names):
        return linked_to(queryset, "gemeenten", veiligheidsregio__in=names)


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
    prefetches = [*KennisEndpoint.prefetches, "source_organisatie"]
    ordering_fields = [*PAGE_ORDERING, "publication_date"]


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
        through, source, target = through_columns(KennisPage._meta.get_field("gemeenten"))
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


# Before the generic pages endpoint; activiteiten (leerkringen.api, 200) between these two.
api_router.register_endpoint("praktijkvoorbeelden", PraktijkvoorbeeldenAPIViewSet, order=100)
api_router.register_endpoint("kennisartikelen", KennisartikelenAPIViewSet, order=110)
api_router.register_endpoint("gemeenten", GemeentenAPIViewSet, order=300)
