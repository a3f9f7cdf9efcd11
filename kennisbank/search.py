"""Finding things in the kennisbank: filters, full-text search, facets and pagination in one place.

The index page, the theme dossiers and the municipality pages all go through `KennisbankSearch`
(or `kennis_queryset` for fixed selections), so they filter, search and count the same way.

Search and filters combine like this: the filters (many-to-many links included) are applied with
the ORM; the search runs within that queryset (`id` is a FilterField, so `pk__in` subqueries are
allowed by every Wagtail search backend); facet counts use the matching ids as a subquery on the
database backends.

The total and the facet counts of the index page (and, when searching by relevance on SQLite, the
ranked ids) are kept in Django's cache per normalised selection, for RESULTS_TIMEOUT at most and
dropped as soon as any page is published, unpublished, moved or deleted or a term changes (see
kennisbank.signals and gezondin.terms): a popular selection is counted once, not on every visit.
"""

import hashlib

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import CharField, Count, F, Prefetch, Value
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_content_languages

from gezondin import regions
from gezondin import terms as cached_terms
from gezondin.cache_writes import set_after_response
from gezondin.facets import chosen_count, chosen_filters, facet
from gezondin.models.snippets import Provincie
from gezondin.search_terms import display_query, search_terms
from gezondin.search_text import STEM_RULES, query_stems, title_stems
from gezondin.suggest import suggest
from gezondin.terms import gemeente_labels, listed_q, locale_id, term_names
from kennisbank.facet_index import facet_index
from kennisbank.filters import (
    FACETS,
    SORT_CHOICES,
    SORT_NEWEST,
    SORT_RELEVANCE,
    SORT_TITLE,
    VOCABULARY_MODELS,
    KennisbankFilterSet,
    m2m_through,
)
from kennisbank.harvest.models import shared_copy_of
from kennisbank.links import id_list, load_links
from kennisbank.models import (
    PRACTICE_NEEDS,
    PRACTICE_SECTIONS,
    VOCABULARY_FIELDS,
    Erkenning,
    KennisPage,
    KennisType,
    PraktijkvoorbeeldPage,
)
from kennisbank.ranking import rank, relevance_scores
from kennisbank.word_index import word_index

RESULTS_PER_PAGE = 20
MAX_GEMEENTE_OPTIONS = 25
MULTI_VALUE = list(FACETS)
# With a search backend that can't hand back its matches as a queryset (OpenSearch), facet counts
# use at most this many matching ids.
MAX_FACET_IDS = 10_000
RESULTS_TIMEOUT = 60 * 10
# The generation of the kennisbank's cached counts, page ids and related practices lives in the
# core (gezondin.terms), which also drops it when the synonyms change; these names stay here.
RESULTS_VERSION_KEY = cached_terms.RESULTS_VERSION_KEY
results_version = cached_terms.results_version
invalidate_results = cached_terms.invalidate_results


def kennis_queryset(request=None, locale=None):
    """Live, public kennisbank items of one language (a Locale or its id; the visitor's by
    default)."""
    if locale is not None:
        locale = getattr(locale, "pk", locale)
    else:
        locale = locale_id(get_language() or settings.LANGUAGE_CODE)
    return KennisPage.objects.live().filter(listed_q(), locale_id=locale)


def listing_items(ids):
    """The result cards' items with the given ids, in that order (see with_listing_data)."""
    items = with_listing_data(KennisPage.objects.filter(pk__in=ids), prefetch=False)
    by_id = {item.pk: item for item in items}
    return prefetch_uncached_cards([by_id[pk] for pk in ids if pk in by_id])


# A practice's long sections, which no result card shows.
CARD_DEFERRED = [
    f"praktijkvoorbeeldpage__{field}" for field in [*PRACTICE_SECTIONS, "approach", *PRACTICE_NEEDS]
]


def with_listing_data(queryset, prefetch=True):
    """What a result card shows, fetched in a fixed number of queries. Without `prefetch`, call
    :func:`prefetch_uncached_cards` on the items: it reads the terms only for cards not cached."""
    # A shared copy's card says where it comes from ("Gedeeld vanuit …"): joined, not queried.
    queryset = queryset.select_related(
        "praktijkvoorbeeldpage", "locale", "shared_copy__source"
    ).defer(*CARD_DEFERRED)
    if prefetch:
        queryset = queryset.prefetch_related(Prefetch("themas"), Prefetch("gemeenten"))
    return queryset


CARD_FRAGMENT = "kennisbank_card"
# Part of every card's cache key: raise it when the card's markup changes, so a deployment does
# not serve cards rendered by the previous template for up to an hour.
CARD_MARKUP = 3
# How long a rendered card stays in the cache (it also goes stale with its key, above).
CARD_TIMEOUT = 60 * 60


def shared_source_name(item) -> str:
    """The name of the source a shared copy comes from (selected with the item by
    with_listing_data), or "" for a page of this site's own."""
    copy = shared_copy_of(item)
    return copy.source.name if copy is not None else ""


def card_cache_key(item, heading, note, language, version):
    """What a cached result card (kennisbank/includes/kennis_card.html) depends on: the
    publication and place of its page, the source it is shared from, the language, the
    generation of term names, and how the listing shows it."""
    return ":".join(
        str(part)
        for part in (
            CARD_MARKUP,
            item.pk,
            item.last_published_at,
            item.url_path,
            shared_source_name(item),
            language,
            version,
            heading or "h3",
            note or "",
        )
    )


def prefetch_uncached_cards(items, heading="h3", note=""):
    """Look the items' result cards up in the cache in one read, and read the links (themes,
    municipalities) of the items whose card is not there (the cached ones need none): usually
    no query at all. What the cache said is kept on each item (the card, or None), so that the
    template's ``cached_card`` does not ask again (kennisbank_tags)."""
    if not items:
        return items
    language, version = get_language(), cached_terms.version()
    keys = {
        card_fragment_key(card_cache_key(item, heading, note, language, version)): item
        for item in items
    }
    cached = cache.get_many(list(keys))
    missing = []
    for key, item in keys.items():
        # (key, its HTML or None): the template's cached_card reads neither kind again.
        item.cached_card = (key, cached.get(key))
        if key not in cached:
            missing.append(item)
    load_links(missing)
    return items


def _title_group(title, wanted):
    """0 for a title that says exactly what was asked (`wanted`: the query's stems), 1 for one
    holding every word of it, 2 for the others (KennisbankSearch's titles first)."""
    stems = title_stems(title)
    if stems == wanted:
        return 0
    if all(any(word.startswith(stem) for word in stems) for stem in wanted):
        return 1
    return 2


def card_fragment_key(card_key):
    """The cache key of a rendered result card with the given card_cache_key."""
    return make_template_fragment_key(CARD_FRAGMENT, [card_key])


class KennisbankSearch:
    """One request's search of the kennisbank: cleaned parameters, results, facets, pager."""

    def __init__(
        self, request, index_page=None, base_queryset=None, per_page=RESULTS_PER_PAGE, params=None
    ):
        self.request = request
        # The parameters read: the request's, or a selection of the caller's (the site search
        # asks for the practices matching its query: gezondin.search_groups).
        self.params = request.GET if params is None else params
        self.index_page = index_page
        self.language_code = get_language() or "nl"
        self.per_page = per_page
        # Only the index's own selection (the live kennisbank of the visitor's language) is
        # cached; dossiers and municipality profiles pass their own base.
        self.cacheable = base_queryset is None
        self.base = base_queryset if base_queryset is not None else kennis_queryset(request)
        self.data, self.ignored = self._clean_parameters(self.params)
        self.filterset = KennisbankFilterSet(self.data, language_code=self.language_code)
        self.filterset.form.is_valid()

    # Parameters ------------------------------------------------------------------------------

    def _clean_parameters(self, params):
        """Keep the known values of each filter; report the rest instead of failing."""
        choices = {
            **KennisbankFilterSet.term_choices(self.language_code),
            "provincie": Provincie.choices,
            "regio": regions.choices(),
            "erkenning": Erkenning.choices,
            "type": KennisType.choices,
        }
        data = QueryDict(mutable=True)
        ignored = []
        for name in MULTI_VALUE:
            valid = {str(key) for key, _ in choices[name]}
            for value in params.getlist(name):
                value = value.strip()
                if name == "gemeente":
                    value = value.upper()
                if value in valid:
                    if value not in data.getlist(name):
                        data.appendlist(name, value)
                elif value:
                    ignored.append((name, value[:60]))
        query = display_query(params.get("q", ""))
        if search_terms(query):
            data["q"] = query
        sort = params.get("sort", "")
        if sort in {SORT_RELEVANCE, SORT_NEWEST, SORT_TITLE}:
            data["sort"] = sort
        return data, ignored

    @property
    def query(self):
        """The query as the visitor typed it (shown back, escaped by the template)."""
        return self.data.get("q", "")

    @property
    def terms(self):
        """The words actually searched for."""
        return search_terms(self.query)

    @property
    def sort(self):
        sort = self.data.get("sort")
        if sort == SORT_RELEVANCE and not self.query:
            return SORT_NEWEST
        return sort or (SORT_RELEVANCE if self.query else SORT_NEWEST)

    @property
    def sort_facet(self):
        """The sort orders for the finder's select ("best match" only when searching). The order
        the finder picks by itself (best match when searching, newest first otherwise) has the
        value "": a search typed on the kennisbank page, whose select says "newest first", is
        then ordered by best match, not by the date the page was sorted by before there was a
        query. An order chosen otherwise is sent, and kept."""
        default = SORT_RELEVANCE if self.query else SORT_NEWEST
        options = [
            {
                "value": "" if value == default else value,
                "label": label,
                "selected": value == self.sort,
            }
            for value, label in SORT_CHOICES
            if value != SORT_RELEVANCE or self.query
        ]
        return {"name": "sort", "label": _("Sorteren op"), "options": options}

    @property
    def has_filters(self):
        return any(self.data.getlist(name) for name in MULTI_VALUE)

    # Results ---------------------------------------------------------------------------------

    def _ordered(self, queryset):
        if self.sort == SORT_TITLE:
            return queryset.order_by("title", "id")
        return queryset.order_by("-first_published_at", "-id")

    @cached_property
    def filtered(self):
        return self.filterset.apply(self.base)

    @cached_property
    def results(self):
        """All matches, in order: a queryset, or Wagtail search results when searching."""
        if not self.query:
            return self._ordered(self.filtered)
        if self.sort == SORT_RELEVANCE:
            ranked = self._cached.get("ranked")
            if ranked is not None:
                return ranked
            scores = relevance_scores(self.base, self.terms)
            if scores is not None:
                # SQLite: the ids of the filtered matches, ordered by the scores read in one
                # pass (see kennisbank.ranking); the page's items are fetched in `page`.
                matches = self.filtered.filter(pk__in=self.matching_ids).values_list(
                    "pk", flat=True
                )
                return self._remember(ranked=self._titles_first(rank(matches.order_by(), scores)))
            results = self.filtered.search(self.terms, operator="and")
            if not hasattr(results, "get_queryset"):  # OpenSearch ranks and pages by itself
                return results
            ids = list(results.get_queryset().values_list("pk", flat=True))
            return self._remember(ranked=self._titles_first(ids))
        return self._ordered(self.filtered).search(
            self.terms, operator="and", order_by_relevance=False
        )

    def _titles_first(self, ids, index=None):
        """`ids` (in the backend's order) with the titles that say what was asked first: an
        exact or near-exact title (the same words, give or take plurals, diacritics, function
        words and order), then titles holding every word of the query; the backend's order
        within each group. The backends weigh the title but rank a long text with many mentions
        above it. The titles are read from `index` (a FacetIndex) when given."""
        wanted = set(query_stems(self.query))
        if not wanted or not ids:
            return ids
        if index is not None:
            titles = index.titles(ids)
        else:
            titles = dict(KennisPage.objects.filter(pk__in=id_list(ids)).values_list("pk", "title"))
        return sorted(ids, key=lambda pk: _title_group(titles.get(pk, ""), wanted))

    def _titles_first_positions(self, positions, index, words):
        """The same for the positions of `index`'s items (an array, best first) with the word
        index `words`: only the titles holding every word of the query (`words.in_titles`) can
        come first, and only those of them with no more words than the query can say exactly
        what was asked; the titles of the thousands of other matches are not looked at."""
        wanted = set(query_stems(self.query))
        if not wanted or not len(positions):
            return positions
        candidates = words.in_titles(wanted)
        if not len(candidates):
            return positions
        groups = np.full(len(index.ids), 2, dtype=np.int8)
        groups[candidates] = 1
        for at in candidates[words.title_sizes[candidates] <= len(wanted)].tolist():
            groups[at] = _title_group(index.title_list[at], wanted)
        return positions[np.argsort(groups[positions], kind="stable")]

    @cached_property
    def matching_ids(self):
        """The ids of every match, read once and handed to the database as one parameter.

        The total, the ten facet counts and (on SQLite) the ranking all filter on the matches;
        as a subquery the full-text match would run in each of them again (ten times in the
        facet query: two thirds of a second at 10,000 practices on PostgreSQL)."""
        if not self.query:
            return None
        # Searched over the base, not the filtered set: facet counts leave out their own filter.
        return self._search_ids(self.base)

    def _search_ids(self, base):
        results = base.search(self.terms, operator="and", order_by_relevance=False)
        if hasattr(results, "get_queryset"):
            ids = list(results.get_queryset().order_by().values_list("pk", flat=True))
        else:
            ids = [item.pk for item in results[:MAX_FACET_IDS]]
        return id_list(ids)

    # The in-memory facet index (kennisbank.facet_index) ----------------------------------------

    @cached_property
    def _index(self):
        """The FacetIndex of the visitor's kennisbank, for the kennisbank page itself (dossiers
        and municipality pages pass a base of their own and count with SQL)."""
        if not self.cacheable:
            return None
        locale = locale_id(self.language_code)
        return facet_index(locale) if locale is not None else None

    @cached_property
    def _chosen(self):
        return {name: self.data.getlist(name) for name in FACETS if self.data.getlist(name)}

    @cached_property
    def _words(self):
        """The WordIndex of the visitor's kennisbank (None for other backends, and for dossiers
        and municipality pages, which count with SQL)."""
        if self._index is None:
            return None
        return word_index(locale_id(self.language_code))

    def _ranked_matches(self, index, locale):
        """Every match of the query among `index`'s items (the live kennisbank of `locale`) as
        (their positions in the index best first, an array; their bitset), the titles that say
        what was asked put first, kept per query and generation so that no other selection with
        the same words searches, ranks or builds the bitset again. With GezondIn's database
        backends the words are matched and ranked in memory (kennisbank.word_index); otherwise
        one full-text query."""
        # (The counts "elsewhere" search the other language's kennisbank too.)
        words = self._words if index is self._index else word_index(locale)
        raw = "|".join(
            [
                str(locale),
                self.terms,
                str(STEM_RULES),
                cached_terms.version(),
                results_version(),
                words.token if words is not None else "",
            ]
        )
        key = "gezondin:kennisbank:positions:" + hashlib.sha256(raw.encode()).hexdigest()
        found = cache.get(key)
        if found is not None:
            return found
        if words is not None:  # GezondIn's database backends: matched and ranked in memory
            positions = self._titles_first_positions(words.ranked(self.terms), index, words)
        else:
            base = kennis_queryset(locale=locale)
            scores = relevance_scores(base, self.terms)
            if scores is not None:  # SQLite: the scores of every match in one pass
                ranked = rank([pk for pk in scores if pk in index.position], scores)
            else:
                results = base.search(self.terms, operator="and")
                if hasattr(results, "get_queryset"):
                    ranked = list(results.get_queryset().values_list("pk", flat=True))
                else:
                    ranked = [item.pk for item in results[:MAX_FACET_IDS]]
            positions = index.positions_of(self._titles_first(ranked, index))
        found = (positions.astype(np.uint32), index.bitset_of_positions(positions))
        cache.set(key, found, RESULTS_TIMEOUT)
        return found

    @cached_property
    def _match_record(self):
        """(the positions of the matches best first, their bitset), read once per request;
        (None, None) without a query."""
        if not self.query:
            return None, None
        return self._ranked_matches(self._index, locale_id(self.language_code))

    @property
    def _matches(self):
        """The positions of the query's matches, best first (None without a query)."""
        return self._match_record[0]

    @property
    def _within(self):
        """The bitset of the query's matches (None without a query)."""
        return self._match_record[1]

    def _indexed_page(self):
        index = self._index
        selection = index.select(self._chosen, within=self._within)
        paginator = Paginator((), self.per_page)
        paginator.count = selection.bit_count()
        number = self.params.get("page", 1)
        try:
            page = paginator.page(number)
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
        key = f"page-{page.number}"
        ids = self._cached.get(key)
        if ids is None:
            bottom = (page.number - 1) * self.per_page
            top = bottom + self.per_page
            if self.sort == SORT_RELEVANCE and self.query:
                # The matches are in their final order; the selection keeps that order.
                ids = index.ranked_in(selection, self._matches, bottom, top)
            elif self.sort == SORT_TITLE:
                ids = index.by_title_ids(selection, bottom, top)
            else:
                ids = index.newest(selection, bottom, top)
            self._remember(**{key: ids, "count": paginator.count})
        page.object_list = self._fetch(ids)
        return page

    def _indexed_counts_elsewhere(self):
        counts = {}
        here = self._index.translation_key_set
        for code in get_content_languages():
            other_locale = locale_id(code)
            if code == self.language_code or other_locale is None:
                continue
            there = facet_index(other_locale)
            within = there.without_keys(here)
            if self.query:
                within &= self._ranked_matches(there, other_locale)[1]
            count = there.select(self._chosen, within=within).bit_count()
            if count:
                counts[code] = count
        return counts

    # Other languages -------------------------------------------------------------------------

    def _counts_elsewhere(self):
        """{language code: how many items of this selection exist only in that language}: the
        same filters and search over that language's live kennisbank, leaving out the items
        translated into the visitor's language. Cached with the other aggregates."""
        counts = self._cached.get("elsewhere")
        if counts is not None:
            return counts
        if self._index is not None:
            return self._remember(elsewhere=self._indexed_counts_elsewhere())
        counts = {}
        translated = self.base.values("translation_key")
        for code in get_content_languages():
            other_locale = locale_id(code)
            if code == self.language_code or other_locale is None:
                continue
            there = kennis_queryset(locale=other_locale)
            selection = self.filterset.apply(there.exclude(translation_key__in=translated))
            if self.query:
                selection = selection.filter(pk__in=self._search_ids(there))
            count = selection.count()
            if count:
                counts[code] = count
        return self._remember(elsewhere=counts)

    @cached_property
    def only_elsewhere(self):
        """[{"language", "count", "url"}]: for each other language, how many more items of this
        selection exist only in that language, and the kennisbank of that language with the same
        selection (filter values are slugs shared by every language). Only on the kennisbank
        page itself (dossiers and municipality pages pass their own base)."""
        if not self.cacheable or self.index_page is None:
            return []
        counts = self._counts_elsewhere()
        if not counts:
            return []
        indexes = (
            type(self.index_page)
            .objects.live()
            .filter(translation_key=self.index_page.translation_key)
            .select_related("locale")
        )
        urls = {index.locale.language_code: index.get_url(self.request) for index in indexes}
        query = self.data.urlencode()
        return [
            {
                "language": code,
                "count": count,
                "url": f"{urls[code]}?{query}" if query else urls[code],
            }
            for code, count in counts.items()
            if urls.get(code)
        ]

    @cached_property
    def page(self):
        """The requested page of results (the last one when asked beyond it). With a cached
        count and page, the results themselves are not computed again: only the cards' pages
        are fetched by id."""
        if self._index is not None:
            return self._indexed_page()
        count = self._cached.get("count")
        if count is None and self.query:
            if isinstance(self.results, list):  # ranked here (SQLite): all ids are at hand
                count = len(self.results)
            else:
                # The matches are known already: counting the filtered ones among them is
                # cheaper than the search backend counting its own results.
                count = self.filtered.filter(pk__in=self.matching_ids).count()
        paginator = Paginator(self.results if count is None else (), self.per_page)
        if count is not None:
            paginator.count = count
        number = self.params.get("page", 1)
        try:
            page = paginator.page(number)
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
        key = f"page-{page.number}"
        ids = self._cached.get(key)
        if ids is not None:
            page.object_list = self._fetch(ids)
            return page
        if count is not None:
            bottom = (page.number - 1) * self.per_page
            page.object_list = self.results[bottom : bottom + self.per_page]
        if self.query:
            # Search results come from the backend; fetch what the cards show for this page.
            ids = [getattr(item, "pk", item) for item in page.object_list]
            page.object_list = self._fetch(ids)
        else:
            page.object_list = prefetch_uncached_cards(
                list(with_listing_data(page.object_list, prefetch=False))
            )
            ids = [item.pk for item in page.object_list]
        self._remember(**{key: ids, "count": paginator.count})
        return page

    @staticmethod
    def _fetch(ids):
        return listing_items(ids)

    @property
    def count(self):
        return self.page.paginator.count

    # Facets ----------------------------------------------------------------------------------

    def _subset(self, skip):
        subset = self.filterset.apply(self.base, skip=skip)
        if self.query:
            subset = subset.filter(pk__in=self.matching_ids)
        return subset.values("pk")

    def _count_query(self, name):
        """(facet, value, count) rows for one facet, as a queryset to combine with the others."""
        subset = self._subset(name)
        if name in VOCABULARY_FIELDS:
            through, term_fk = m2m_through(VOCABULARY_FIELDS[name])
            rows, column, counted = (
                through.objects.filter(kennispage_id__in=subset),
                (f"{term_fk}__slug"),
                "kennispage_id",
            )
        elif name in ("gemeente", "provincie", "regio"):
            through, _ = m2m_through("gemeenten")
            column = {
                "gemeente": "gemeente__cbs_code",
                "provincie": "gemeente__provincie",
                "regio": "gemeente__veiligheidsregio",  # a name: made a slug by _all_counts
            }[name]
            rows, counted = through.objects.filter(kennispage_id__in=subset), "kennispage_id"
        elif name == "erkenning":
            rows, column, counted = (
                PraktijkvoorbeeldPage.objects.filter(pk__in=subset),
                "erkenning",
                "pk",
            )
        else:  # type
            rows, column, counted = KennisPage.objects.filter(pk__in=subset), "kind", "pk"
        return (
            rows.order_by()
            .annotate(facet=Value(name, output_field=CharField()), value=F(column))
            .values("facet", "value")
            .annotate(n=Count(counted, distinct=True))
            .values_list("facet", "value", "n")
        )

    @cached_property
    def _all_counts(self):
        """Every facet's option counts, in one query (UNION ALL of one part per facet)."""
        if "counts" in self._cached:
            return self._cached["counts"]
        if self._index is not None:
            counts = self._index.counts(FACETS, self._chosen, within=self._within)
            return self._remember(counts={name: counts.get(name, {}) for name in FACETS})
        parts = [self._count_query(name) for name in FACETS]
        counts = {name: {} for name in FACETS}
        for name, value, n in parts[0].union(*parts[1:], all=True):
            if name == "regio":
                value = regions.slug_of(value)
                if not value:
                    continue
            counts[name][value] = n
        return self._remember(counts=counts)

    # Cache of the aggregates -----------------------------------------------------------------

    @property
    def cache_key(self):
        """Identifies this selection's counts and facets (None when they are not cached): the
        template caches the rendered facets under it."""
        return self._cache_key

    @cached_property
    def _cache_key(self):
        if not self.cacheable:
            return None
        selection = "&".join(
            f"{name}={value}"
            for name in sorted(self.data)
            for value in sorted(self.data.getlist(name))
        )
        raw = "|".join(
            str(part)
            for part in (
                self.language_code,  # the base is the live kennisbank of this language
                STEM_RULES,
                cached_terms.version(),
                results_version(),
                selection,
                self._words.token if self.query and self._words is not None else "",
            )
        )
        return "gezondin:kennisbank:results:" + hashlib.sha256(raw.encode()).hexdigest()

    @cached_property
    def _cached(self):
        """What an earlier request with the same selection computed (possibly nothing)."""
        if self._cache_key is None:
            return {}
        return dict(cache.get(self._cache_key) or {})

    def _remember(self, **values):
        """Keep computed aggregates for the next request with the same selection; returns the
        single value given."""
        self._cached.update(values)
        if self._cache_key is not None:
            # Written once at the end of the request, however many aggregates it worked out.
            set_after_response(self._cache_key, self._cached, RESULTS_TIMEOUT)
        return next(iter(values.values()))

    def _labels(self, name):
        if name in VOCABULARY_MODELS:
            return term_names(VOCABULARY_MODELS[name], self.language_code)
        if name == "gemeente":
            return gemeente_labels()
        if name == "regio":
            return dict(regions.choices())
        return dict(
            {"provincie": Provincie, "erkenning": Erkenning, "type": KennisType}[name].choices
        )

    @cached_property
    def facets(self):
        """Each filter with its options (gezondin.facets.facet): value, label, count, selected.
        Options with no match are left out unless selected; municipalities are sorted by name,
        others keep their editorial order."""
        facets = []
        for name, label in FACETS.items():
            item = facet(
                name, label, self._labels(name), self._all_counts[name], self.data.getlist(name)
            )
            if name == "gemeente":
                options = item["options"]
                hidden = 0
                if len(options) > MAX_GEMEENTE_OPTIONS:
                    # Keep the page small however many municipalities have results: the chosen
                    # ones and those with the most results; a province narrows the list.
                    ranked = sorted(options, key=lambda o: (not o["selected"], -o["count"]))
                    options = ranked[: max(MAX_GEMEENTE_OPTIONS, item["selected_count"])]
                    hidden = len(ranked) - len(options)
                options.sort(key=lambda option: option["label"])
                item["options"] = options
                if hidden:
                    item["note"] = ngettext(
                        "Nog %(counter)s gemeente met minder resultaten; kies een provincie om "
                        "de lijst te verkleinen.",
                        "Nog %(counter)s gemeenten met minder resultaten; kies een provincie om "
                        "de lijst te verkleinen.",
                        hidden,
                    ) % {"counter": hidden}
            facets.append(item)
        return facets

    @property
    def has_selection(self):
        """Whether the visitor chose filters or typed a query (the page's introduction folds)."""
        return bool(self.query) or any(self.data.get(name) for name in FACETS)

    @property
    def chosen_count(self):
        """How many filter values are chosen (the search and the sort order not counted)."""
        return chosen_count(self.facets)

    @cached_property
    def active_filters(self):
        """The chosen values with the URL that removes each one (page number reset)."""
        active = chosen_filters(self.data, FACETS, self._labels)
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

    # "Did you mean" ----------------------------------------------------------------------------

    @cached_property
    def suggestion(self):
        """When a query finds nothing: {"query", "url"} of the closest query built from the
        site's words (gezondin.suggest), with the same filters, if that query finds something;
        otherwise None. Cached with the selection's other aggregates."""
        if not self.query or self.count:
            return None
        if "suggestion" in self._cached:
            return self._cached["suggestion"]
        found = None
        suggested = suggest(self.query, self.language_code)
        if suggested:
            params = self.data.copy()
            params["q"] = suggested
            other = KennisbankSearch(
                self.request,
                self.index_page,
                base_queryset=None if self.cacheable else self.base,
                per_page=self.per_page,
                params=params,
            )
            if other.count:
                found = {"query": suggested, "url": f"?{params.urlencode()}"}
        return self._remember(suggestion=found)

    # Feeds -----------------------------------------------------------------------------------

    def newest_ids(self, limit):
        """The ids of the ``limit`` most recently published matches of this selection, whatever
        ``sort`` says: the kennisbank's Atom and RSS feeds (kennisbank.feeds). One query (two
        when searching), no facets, no pagination, nothing cached."""
        newest = self.filtered.order_by("-first_published_at", "-id")
        if not self.query:
            return list(newest.values_list("pk", flat=True)[:limit])
        matches = newest.search(self.terms, operator="and", order_by_relevance=False)
        return [item.pk for item in matches[:limit]]
