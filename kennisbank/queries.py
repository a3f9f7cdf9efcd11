"""Selections of kennisbank items used by the practice, dossier and municipality pages.

They build on kennisbank.search (the same base queryset, filters and listing data as the index).
"""

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

from kennisbank.filters import m2m_through
from kennisbank.models import VOCABULARY_FIELDS, KennisPage, KennisType
from kennisbank.search import KennisbankSearch, kennis_queryset, with_listing_data

RELATED_LIMIT = 3


def _shared_count(field, values, column="term_id"):
    """A subquery counting how many of `values` the outer item links to through `field`."""
    through, term_fk = m2m_through(field)
    lookup = f"{term_fk}__{column}" if column != "term_id" else f"{term_fk}_id"
    return Coalesce(
        Subquery(
            through.objects.filter(kennispage_id=OuterRef("pk"), **{f"{lookup}__in": values})
            .order_by()
            .values("kennispage_id")
            .annotate(n=Count("*"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def related_practices(practice, limit=RELATED_LIMIT):
    """Practices sharing the most vocabulary terms with this one, where the same province counts
    as one more shared term; ties go to the most recently published. One query for the ranking."""
    score = Value(0)
    for field in VOCABULARY_FIELDS.values():
        term_ids = [term.pk for term in getattr(practice, field).all()]
        if term_ids:
            score = score + _shared_count(field, term_ids)
    provinces = sorted({gemeente.provincie for gemeente in practice.gemeenten.all()})
    if provinces:
        score = score + Case(
            When(Exists(_same_province(provinces)), then=Value(1)), default=Value(0)
        )
    ranked = (
        kennis_queryset(locale=practice.locale)
        .filter(kind=KennisType.PRAKTIJKVOORBEELD)
        .exclude(pk=practice.pk)
        .annotate(score=ExpressionWrapper(score, output_field=IntegerField()))
        .filter(score__gt=0)
        .order_by("-score", "-first_published_at")
        .values_list("pk", flat=True)[:limit]
    )
    ids = list(ranked)
    items = {item.pk: item for item in with_listing_data(KennisPage.objects.filter(pk__in=ids))}
    return [items[pk] for pk in ids if pk in items]


def _same_province(provinces):
    through, _ = m2m_through("gemeenten")
    return through.objects.filter(kennispage_id=OuterRef("pk"), gemeente__provincie__in=provinces)


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
