"""Selections of kennisbank items used by the practice, dossier and municipality pages.

They build on kennisbank.search (the same base queryset, filters and listing data as the index).
"""

from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from gezondin import terms
from kennisbank.filters import m2m_through
from kennisbank.models import VOCABULARY_FIELDS, KennisType
from kennisbank.search import (
    RESULTS_TIMEOUT,
    KennisbankSearch,
    kennis_queryset,
    results_version,
    with_listing_data,
)

RELATED_LIMIT = 3


def _shared_links(field, practice_id):
    """A subquery counting the outer item's links through `field` that the practice also has."""
    through, term_fk = m2m_through(field)
    own = through.objects.filter(kennispage_id=practice_id).values(f"{term_fk}_id")
    return Coalesce(
        Subquery(
            through.objects.filter(kennispage_id=OuterRef("pk"), **{f"{term_fk}_id__in": own})
            .order_by()
            .values("kennispage_id")
            .annotate(n=Count("*"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def _same_province(practice_id):
    through, _ = m2m_through("gemeenten")
    provinces = through.objects.filter(kennispage_id=practice_id).values("gemeente__provincie")
    return Exists(
        through.objects.filter(kennispage_id=OuterRef("pk"), gemeente__provincie__in=provinces)
    )


def related_practices(practice, limit=RELATED_LIMIT):
    """Practices sharing the most vocabulary terms with this one, where the same province counts
    as one more shared term; ties go to the most recently published.

    One query ranks (the practice's own links are subqueries), three fetch the cards. The
    ranking is kept in the cache until anything is published, unpublished, moved or deleted (it
    compares against every practice, so it grows with the kennisbank)."""
    key = (
        f"gezondin:kennisbank:related:{practice.pk}:{limit}:"
        f"{results_version()}:{terms.version()}"  # publications; terms and private sections
    )
    ids = cache.get(key)
    if ids is not None:
        candidates = kennis_queryset(locale=practice.locale_id).filter(pk__in=ids)
        by_id = {item.pk: item for item in with_listing_data(candidates)}
        return [by_id[pk] for pk in ids if pk in by_id]
    score = _shared_links("themas", practice.pk)
    for field in list(VOCABULARY_FIELDS.values())[1:]:
        score = score + _shared_links(field, practice.pk)
    score = score + Case(When(_same_province(practice.pk), then=Value(1)), default=Value(0))
    ranked = (
        kennis_queryset(locale=practice.locale_id)
        .filter(kind=KennisType.PRAKTIJKVOORBEELD)
        .exclude(pk=practice.pk)
        .annotate(score=ExpressionWrapper(score, output_field=IntegerField()))
        .filter(score__gt=0)
        .order_by("-score", "-first_published_at", "-pk")
    )
    related = list(with_listing_data(ranked)[:limit])
    cache.set(key, [item.pk for item in related], RESULTS_TIMEOUT)
    return related


def thema_dossier(dossier, request):
    """A theme dossier: the editors' picks, then everything on the theme (filterable)."""
    picks = [pick for pick in dossier.picks.select_related("item") if pick.item.live]
    through, term_fk = m2m_through("themas")
    on_theme = through.objects.filter(**{f"{term_fk}__slug": dossier.thema.slug})
    base = kennis_queryset(request).filter(pk__in=on_theme.values("kennispage_id"))
    return {"picks": picks, "search": KennisbankSearch(request, base_queryset=base)}


def gemeente_profile(section, request):
    """A municipality's page: its practices (local or elsewhere about it) and counts."""
    through, _ = m2m_through("gemeenten")
    linked = through.objects.filter(gemeente_id=section.gemeente_id)
    base = kennis_queryset(request).filter(pk__in=linked.values("kennispage_id"))
    search = KennisbankSearch(request, base_queryset=base, per_page=10)
    return {"search": search, "gemeente": section.gemeente}
