"""Selections of kennisbank items used by the practice, dossier and municipality pages.

They build on kennisbank.search (the same base queryset, filters and listing data as the index).
"""

from django.core.cache import cache
from django.db import connection
from wagtail.models import Page

from gezondin import regions, terms
from kennisbank.facet_index import facet_index
from kennisbank.filters import m2m_through
from kennisbank.models import VOCABULARY_FIELDS, KennisType
from kennisbank.search import (
    RESULTS_TIMEOUT,
    KennisbankSearch,
    kennis_queryset,
    prefetch_uncached_cards,
    results_version,
    with_listing_data,
)

RELATED_LIMIT = 3
REGIONAL_LIMIT = 3


def related_practices(practice, limit=RELATED_LIMIT):
    """Practices sharing the most vocabulary terms with this one, where the same province counts
    as one more shared term; ties go to the most recently published.

    One query ranks (:func:`_related_ids`), three fetch the cards. The ranking is kept in the
    cache until anything is published, unpublished, moved or deleted or a term changes."""
    return _cards(practice, _cached_related_ids(practice, limit))


def _cached_related_ids(practice, limit):
    key = (
        f"gezondin:kennisbank:related:{practice.pk}:{limit}:"
        f"{results_version()}:{terms.version()}"  # publications; terms and private sections
    )
    ids = cache.get(key)
    if ids is None:
        ids = _related_ids(practice, limit)
        cache.set(key, ids, RESULTS_TIMEOUT)
    return ids


def _cards(practice, ids):
    if not ids:
        return []
    candidates = kennis_queryset(locale=practice.locale_id).filter(pk__in=ids)
    by_id = {item.pk: item for item in with_listing_data(candidates, prefetch=False)}
    # The practice page shows them as h3 cards (praktijkvoorbeeld_page.html).
    return prefetch_uncached_cards([by_id[pk] for pk in ids if pk in by_id], heading="h3")


def regional_practice_ids(practice, exclude=(), limit=REGIONAL_LIMIT):
    """(the practice's regions, the ids of the newest other practices in them), leaving out
    ``exclude``; from the facet index (kennisbank.facet_index), so without a query. A practice
    that is not live (a preview) has no regions here."""
    index = facet_index(practice.locale_id)
    position = index.position.get(practice.pk)
    if position is None:
        return [], []
    own = 1 << position
    by_region = index.bits.get("regio", {})
    found = [regions.by_slug(slug) for slug, bits in by_region.items() if bits & own]
    found = sorted((region for region in found if region), key=lambda region: region.code)
    selection = 0
    for region in found:
        selection |= by_region[region.slug]
    selection &= index.bits["type"].get(KennisType.PRAKTIJKVOORBEELD, 0)
    selection &= ~(own | index.bitset(exclude))
    return found, index.newest(selection, 0, limit)


def practice_listings(practice):
    """What a practice page lists besides itself: ``related`` (related_practices) and
    ``regional`` ("In uw regio": newer practices from its regions that are not among the
    related ones) with ``regions``; both sets of cards fetched together, in the queries of the
    related ones alone."""
    related_ids = _cached_related_ids(practice, RELATED_LIMIT)
    found, regional_ids = regional_practice_ids(practice, exclude=related_ids)
    cards = {item.pk: item for item in _cards(practice, [*related_ids, *regional_ids])}
    return {
        "related": [cards[pk] for pk in related_ids if pk in cards],
        "regional": [cards[pk] for pk in regional_ids if pk in cards],
        "regions": found,
    }


def thema_dossier(dossier, request):
    """A theme dossier: the editors' picks, then everything on the theme (filterable)."""
    picks = [pick for pick in dossier.picks.select_related("item") if pick.item.live]
    base = terms.linked_to(kennis_queryset(request), "themas", slug=dossier.thema.slug)
    return {"picks": picks, "search": KennisbankSearch(request, base_queryset=base)}


def gemeente_profile(section, request):
    """A municipality's page: its practices (local or elsewhere about it) and counts."""
    base = terms.linked_to(kennis_queryset(request), "gemeenten", pk=section.gemeente_id)
    search = KennisbankSearch(request, base_queryset=base, per_page=10)
    return {"search": search, "gemeente": section.gemeente}


def _related_ids(practice, limit):
    """The ids of the `limit` best related practices, best first, in one query.

    Every link that an item shares with the practice (a term of one of the vocabularies the
    practice also has) is one row of a UNION ALL over the link tables, plus one row per item in
    a province of the practice; the rows are counted per item. Only the link rows of shared terms
    are read, instead of scoring every practice of the kennisbank one by one."""
    parts = []
    for field in VOCABULARY_FIELDS.values():
        through, term_fk = m2m_through(field)
        own = through.objects.filter(kennispage_id=practice.pk).values(f"{term_fk}_id")
        parts.append(
            through.objects.filter(**{f"{term_fk}_id__in": own}).order_by().values("kennispage_id")
        )
    through, _ = m2m_through("gemeenten")
    provinces = through.objects.filter(kennispage_id=practice.pk).values("gemeente__provincie")
    parts.append(
        through.objects.filter(gemeente__provincie__in=provinces)
        .order_by()
        .values("kennispage_id")
        .distinct()
    )
    links_sql, links_params = parts[0].union(*parts[1:], all=True).query.sql_with_params()
    candidates = (
        kennis_queryset(locale=practice.locale_id)
        .filter(kind=KennisType.PRAKTIJKVOORBEELD)
        .exclude(pk=practice.pk)
        .order_by()
        .values("pk")
    )
    candidates_sql, candidates_params = candidates.query.sql_with_params()
    quote = connection.ops.quote_name
    # Only ORM-compiled SQL and quoted names are put together; every value is a parameter.
    sql = (
        f"SELECT {quote('links')}.{quote('kennispage_id')} "  # noqa: S608
        f"FROM ({links_sql}) {quote('links')} "
        f"INNER JOIN {quote(Page._meta.db_table)} {quote('p')} "
        f"ON {quote('p')}.{quote('id')} = {quote('links')}.{quote('kennispage_id')} "
        f"WHERE {quote('links')}.{quote('kennispage_id')} IN ({candidates_sql}) "
        f"GROUP BY {quote('links')}.{quote('kennispage_id')}, "
        f"{quote('p')}.{quote('first_published_at')} "
        f"ORDER BY COUNT(*) DESC, {quote('p')}.{quote('first_published_at')} DESC, "
        f"{quote('links')}.{quote('kennispage_id')} DESC "
        f"LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*links_params, *candidates_params, limit])
        return [row[0] for row in cursor.fetchall()]
