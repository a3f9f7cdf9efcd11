"""The kennisbank's kinds of the site search (gezondin.search_groups), registered when the app is
ready: practices, knowledge (articles, guides, factsheets, instruments) and theme dossiers.

Practices and knowledge are found by the kennisbank's own search (KennisbankSearch with the
query and a type filter), so the site search shows the same count and the same first results as
the kennisbank does for that query, and its "all N" link is the kennisbank with the query and the
type filter.
"""

from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import ngettext
from wagtail.models import Locale

from gezondin import search_groups
from gezondin.search_terms import search_terms
from gezondin.terms import listed_q
from kennisbank.models import (
    ARTICLE_KINDS,
    KennisartikelPage,
    KennisType,
    PraktijkvoorbeeldPage,
    ThemaPage,
)
from kennisbank.search import KennisbankSearch
from kennisbank.templatetags.kennisbank_tags import kennisbank_url

CARD = "kennisbank/includes/kennis_card.html"


def _kennisbank(request, query, kinds):
    params = QueryDict(mutable=True)
    params["q"] = query
    params.setlist("type", kinds)
    search = KennisbankSearch(request, params=params, per_page=search_groups.PREVIEW)
    url = kennisbank_url({"request": request})
    more = f"{url}?{urlencode([('q', query), *(('type', kind) for kind in kinds)])}" if url else ""
    return search_groups.Found(search.count, list(search.page.object_list), more)


@search_groups.register(
    "praktijkvoorbeelden",
    order=100,
    models=[PraktijkvoorbeeldPage],
    card_template=CARD,
    stylesheet="kennisbank/css/kennisbank.css",
    label=lambda count: (
        ngettext("%(count)s praktijkvoorbeeld", "%(count)s praktijkvoorbeelden", count)
        % {"count": count}
    ),
)
def practices(request, query):
    return _kennisbank(request, query, [KennisType.PRAKTIJKVOORBEELD])


@search_groups.register(
    "kennis",
    order=200,
    models=[KennisartikelPage],
    card_template=CARD,
    stylesheet="kennisbank/css/kennisbank.css",
    label=lambda count: (
        ngettext(
            "%(count)s artikel, handreiking of instrument",
            "%(count)s artikelen, handreikingen en instrumenten",
            count,
        )
        % {"count": count}
    ),
)
def knowledge(request, query):
    return _kennisbank(request, query, [kind for kind, _label in ARTICLE_KINDS])


@search_groups.register(
    "dossiers",
    order=300,
    models=[ThemaPage],
    label=lambda count: (
        ngettext("%(count)s themadossier", "%(count)s themadossiers", count) % {"count": count}
    ),
)
def dossiers(request, query):
    pages = ThemaPage.objects.live().public().filter(listed_q(), locale=Locale.get_active())
    results = pages.search(search_terms(query), operator="and")
    return search_groups.Found(results.count(), results)
