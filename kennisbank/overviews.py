"""The kennisbank's part of the overviews (gezondin.regional), registered when the app is ready:

- the figures (gezondin.figures, ``practices``): live public practices of the language per theme,
  per province and per region, and the municipalities with practices (GIDS among them) — all
  counted from the facet index (kennisbank.facet_index: bitsets, read once per publication), plus
  one query for the GIDS municipalities;
- a regional page's section (gezondin.regions, ``practices``): the region's newest practices as
  cards, with the number of them and a link to the kennisbank filtered on the region.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext as _

from gezondin import figures, regions
from gezondin.models import Gemeente, Provincie, Thema
from gezondin.terms import gemeente_labels, locale_id, term_options
from kennisbank.facet_index import facet_index
from kennisbank.models import KennisType
from kennisbank.search import listing_items
from kennisbank.templatetags.kennisbank_tags import kennisbank_url

REGION_PRACTICES = 6
STYLESHEET = "kennisbank/css/kennisbank.css"


def _practices(index):
    return index.bits["type"].get(KennisType.PRAKTIJKVOORBEELD, 0)


def _counts(index, facet, practices):
    return {
        value: (bits & practices).bit_count() for value, bits in index.bits.get(facet, {}).items()
    }


@figures.register("praktijkvoorbeelden", template="kennisbank/includes/figures.html", order=100)
def practice_figures(language_code):
    locale = locale_id(language_code)
    if locale is None:
        return None
    index = facet_index(locale)
    practices = _practices(index)
    themes = _counts(index, "thema", practices)
    provinces = _counts(index, "provincie", practices)
    by_region = _counts(index, "regio", practices)
    by_gemeente = {code: n for code, n in _counts(index, "gemeente", practices).items() if n}
    gids = set(
        Gemeente.objects.filter(is_gids=True, is_active=True).values_list("cbs_code", flat=True)
    )
    labels = gemeente_labels()
    return {
        "total": practices.bit_count(),
        "per_theme": [
            {"key": slug, "name": name, "count": themes.get(slug, 0)}
            for slug, name in term_options(Thema, language_code)
        ],
        "per_province": figures.levels(
            [
                {"key": value, "name": str(label), "count": provinces.get(value, 0)}
                for value, label in Provincie.choices
            ]
        ),
        "per_region": figures.levels(
            [
                {"key": region.slug, "name": region.name, "count": by_region.get(region.slug, 0)}
                for region in regions.regions()
            ]
        ),
        "municipalities": {
            "with_practices": len(by_gemeente),
            "gids": len(gids),
            "gids_with_practices": len(gids & set(by_gemeente)),
        },
        "top_municipalities": [
            {"key": code, "name": labels.get(code, code), "count": count}
            for code, count in sorted(by_gemeente.items(), key=lambda item: (-item[1], item[0]))[
                :10
            ]
        ],
    }


@regions.register_section(
    "praktijkvoorbeelden",
    template="kennisbank/includes/region_practices.html",
    order=100,
    stylesheet=STYLESHEET,
)
def region_practices(request, region, gemeenten):
    base = kennisbank_url({"request": request})
    locale = locale_id((request.LANGUAGE_CODE or "nl").split("-")[0])
    if not base or locale is None:
        return None
    index = facet_index(locale)
    selection = _practices(index) & index.bits.get("regio", {}).get(region.slug, 0)
    ids = index.newest(selection, 0, REGION_PRACTICES)
    query = urlencode({"regio": region.slug, "type": KennisType.PRAKTIJKVOORBEELD})
    by_gemeente = _counts(index, "gemeente", selection)
    return {
        "count": selection.bit_count(),
        "items": listing_items(ids),
        "all_url": f"{base}?{query}",
        "gemeenten": [
            {
                "gemeente": gemeente,
                "count": by_gemeente.get(gemeente.cbs_code, 0),
                "url": f"{base}?{urlencode({'gemeente': gemeente.cbs_code})}",
            }
            for gemeente in gemeenten
        ],
        "heading": _("Praktijkvoorbeelden in de regio"),
    }
