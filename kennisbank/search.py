"""Finding things in the kennisbank: filters, full-text search, facets and pagination in one place.

The index page, the theme dossiers and the municipality pages all go through `KennisbankSearch`
(or `kennis_queryset` for fixed selections), so they filter, search and count the same way.

Search and filters combine like this: the filters (many-to-many links included) are applied with
the ORM; the search runs within that queryset (`id` is a FilterField, so `pk__in` subqueries are
allowed by every Wagtail search backend); facet counts use the matching ids as a subquery on the
database backends.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Prefetch
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import get_language
from wagtail.models import Locale

from gezondin.models.snippets import Provincie
from gezondin.terms import gemeente_labels, term_names
from kennisbank.filters import (
    FACETS,
    MAX_QUERY_LENGTH,
    SORT_NEWEST,
    SORT_RELEVANCE,
    SORT_TITLE,
    VOCABULARY_MODELS,
    KennisbankFilterSet,
    m2m_through,
)
from kennisbank.models import (
    VOCABULARY_FIELDS,
    Erkenning,
    KennisPage,
    KennisType,
    PraktijkvoorbeeldPage,
)

RESULTS_PER_PAGE = 20
MULTI_VALUE = list(FACETS)
# With a search backend that can't hand back its matches as a queryset (OpenSearch), facet counts
# use at most this many matching ids.
MAX_FACET_IDS = 10_000


def kennis_queryset(request=None, locale=None):
    """Live, public kennisbank items of one language (the visitor's by default)."""
    locale = locale or Locale.get_active()
    return KennisPage.objects.live().public().filter(locale=locale)


def with_listing_data(queryset):
    """What a result card shows, fetched in a fixed number of queries."""
    return queryset.select_related("praktijkvoorbeeldpage", "locale").prefetch_related(
        Prefetch("themas"), Prefetch("gemeenten")
    )


class KennisbankSearch:
    """One request's search of the kennisbank: cleaned parameters, results, facets, pager."""

    def __init__(self, request, index_page=None, base_queryset=None, per_page=RESULTS_PER_PAGE):
        self.request = request
        self.index_page = index_page
        self.language_code = get_language() or "nl"
        self.per_page = per_page
        self.base = base_queryset if base_queryset is not None else kennis_queryset(request)
        self.data, self.ignored = self._clean_parameters(request.GET)
        self.filterset = KennisbankFilterSet(self.data, language_code=self.language_code)
        self.filterset.form.is_valid()

    # Parameters ------------------------------------------------------------------------------

    def _clean_parameters(self, params):
        """Keep the known values of each filter; report the rest instead of failing."""
        probe = KennisbankFilterSet(language_code=self.language_code)
        data = QueryDict(mutable=True)
        ignored = []
        for name in MULTI_VALUE:
            valid = {str(key) for key, _ in probe.filters[name].extra["choices"]}
            for value in params.getlist(name):
                value = value.strip()
                if name == "gemeente":
                    value = value.upper()
                if value in valid:
                    if value not in data.getlist(name):
                        data.appendlist(name, value)
                elif value:
                    ignored.append((name, value[:60]))
        query = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
        if query:
            data["q"] = query
        sort = params.get("sort", "")
        if sort in {SORT_RELEVANCE, SORT_NEWEST, SORT_TITLE}:
            data["sort"] = sort
        return data, ignored

    @property
    def query(self):
        return self.data.get("q", "")

    @property
    def sort(self):
        sort = self.data.get("sort")
        if sort == SORT_RELEVANCE and not self.query:
            return SORT_NEWEST
        return sort or (SORT_RELEVANCE if self.query else SORT_NEWEST)

    @property
    def has_filters(self):
        return any(self.data.getlist(name) for name in MULTI_VALUE)

    # Results ---------------------------------------------------------------------------------

    def _ordered(self, queryset):
        if self.sort == SORT_TITLE:
            return queryset.order_by("title", "pk")
        return queryset.order_by("-first_published_at", "-pk")

    @cached_property
    def filtered(self):
        return self.filterset.apply(self.base)

    @cached_property
    def results(self):
        """All matches, in order: a queryset, or Wagtail search results when searching."""
        if not self.query:
            return self._ordered(self.filtered)
        if self.sort == SORT_RELEVANCE:
            return self.filtered.search(self.query, operator="and")
        return self._ordered(self.filtered).search(
            self.query, operator="and", order_by_relevance=False
        )

    @cached_property
    def matching_ids(self):
        """The ids of every match, as a subquery where the search backend allows it."""
        if not self.query:
            return None
        # Searched over the base, not the filtered set: facet counts leave out their own filter.
        results = self.base.search(self.query, operator="and", order_by_relevance=False)
        if hasattr(results, "get_queryset"):
            return results.get_queryset().order_by().values("pk")
        return [item.pk for item in results[:MAX_FACET_IDS]]

    @cached_property
    def page(self):
        paginator = Paginator(self.results, self.per_page)
        number = self.request.GET.get("page", 1)
        try:
            page = paginator.page(number)
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
        ids = [item.pk for item in page.object_list]
        items = with_listing_data(KennisPage.objects.filter(pk__in=ids))
        by_id = {item.pk: item for item in items}
        page.object_list = [by_id[pk] for pk in ids if pk in by_id]
        return page

    @property
    def count(self):
        return self.page.paginator.count

    # Facets ----------------------------------------------------------------------------------

    def _subset(self, skip):
        subset = self.filterset.apply(self.base, skip=skip)
        if self.query:
            subset = subset.filter(pk__in=self.matching_ids)
        return subset.values("pk")

    def _counts(self, name):
        subset = self._subset(name)
        if name in VOCABULARY_FIELDS:
            through, term_fk = m2m_through(VOCABULARY_FIELDS[name])
            rows = (
                through.objects.filter(kennispage_id__in=subset)
                .values_list(f"{term_fk}__slug")
                .annotate(n=Count("kennispage_id", distinct=True))
            )
        elif name in ("gemeente", "provincie"):
            through, _ = m2m_through("gemeenten")
            column = "gemeente__cbs_code" if name == "gemeente" else "gemeente__provincie"
            rows = (
                through.objects.filter(kennispage_id__in=subset)
                .values_list(column)
                .annotate(n=Count("kennispage_id", distinct=True))
            )
        elif name == "erkenning":
            rows = (
                PraktijkvoorbeeldPage.objects.filter(pk__in=subset)
                .values_list("erkenning")
                .annotate(n=Count("pk"))
                .order_by()
            )
        else:  # type
            rows = (
                KennisPage.objects.filter(pk__in=subset)
                .values_list("kind")
                .annotate(n=Count("pk"))
                .order_by()
            )
        return dict(rows)

    def _labels(self, name):
        if name in VOCABULARY_MODELS:
            return term_names(VOCABULARY_MODELS[name], self.language_code)
        if name == "gemeente":
            return gemeente_labels()
        return dict(
            {"provincie": Provincie, "erkenning": Erkenning, "type": KennisType}[name].choices
        )

    @cached_property
    def facets(self):
        """Each filter with its options: value, label, count, selected. Options with no match
        are left out unless selected; municipalities are sorted by name, others keep their
        editorial order."""
        facets = []
        for name, label in FACETS.items():
            counts = self._counts(name)
            selected = set(self.data.getlist(name))
            options = []
            for value, option_label in self._labels(name).items():
                count = counts.get(value, 0)
                if count or value in selected:
                    options.append(
                        {
                            "value": value,
                            "label": option_label,
                            "count": count,
                            "selected": value in selected,
                        }
                    )
            if name == "gemeente":
                options.sort(key=lambda option: option["label"])
            facets.append(
                {
                    "name": name,
                    "label": label,
                    "options": options,
                    "selected_count": len(selected),
                }
            )
        return facets

    @cached_property
    def active_filters(self):
        """The chosen values with the URL that removes each one (page number reset)."""
        active = []
        labels = {}
        for name in MULTI_VALUE:
            for value in self.data.getlist(name):
                labels.setdefault(name, self._labels(name))
                remaining = self.data.copy()
                remaining.setlist(name, [v for v in self.data.getlist(name) if v != value])
                active.append(
                    {
                        "name": name,
                        "facet_label": FACETS[name],
                        "label": labels[name].get(value, value),
                        "remove_url": "?" + remaining.urlencode() if remaining else "?",
                    }
                )
        if self.query:
            remaining = self.data.copy()
            del remaining["q"]
            remaining.pop("sort", None)
            active.insert(
                0,
                {
                    "name": "q",
                    "facet_label": FACETS.get("q", ""),
                    "label": f"“{self.query}”",
                    "remove_url": "?" + remaining.urlencode() if remaining else "?",
                },
            )
        return active
