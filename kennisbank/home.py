"""The kennisbank's sections of the home page (gezondin.home), registered when the app is ready:

- ``kennisbank-search`` (in the opening block): a search box that sends ``q`` to the kennisbank;
- ``kennisbank-themes``: every theme with something in the kennisbank, each to its dossier where
  it has one, else to the kennisbank filtered on it, with the number of items;
- ``kennisbank-newest``: the newest practices as result cards;
- ``kennisbank-share``: the call to share a practice, to the contact page.

Everything is found in the language of the home page shown and below it in the tree (the
kennisbank and its dossiers need not be children of the home page). Queries: the kennisbank's
URL, the dossiers' URLs and the theme counts come from the cache (one query each when they are
not there); the newest practices come from the facet index (kennisbank.facet_index, read once per
publication), then one query plus the cards' terms when a card is not cached;
the contact page is one query.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Page

from gezondin import home
from gezondin import terms as cached_terms
from gezondin.models import GezondInSettings, Thema
from gezondin.terms import term_options
from kennisbank.facet_index import facet_index
from kennisbank.filters import SORT_NEWEST
from kennisbank.models import KennisType
from kennisbank.search import listing_items
from kennisbank.templatetags.kennisbank_tags import dossier_urls, kennisbank_url

NEWEST_PRACTICES = 3
STYLESHEET = "kennisbank/css/kennisbank.css"


def _tag_context(request, home_page):
    """What the kennisbank's URL lookups read: the request and the page shown."""
    return {"request": request, "page": home_page}


def _language():
    return (get_language() or "nl").split("-")[0]


@home.register(
    "kennisbank-search",
    template="kennisbank/includes/home_search.html",
    order=100,
    region="lead",
)
def search_box(request, home_page):
    url = kennisbank_url(_tag_context(request, home_page))
    return {"action": url} if url else None


def theme_counts(locale_id):
    """{theme slug: number of live, public kennisbank items of this language on the theme}, from
    the facet index (kennisbank.facet_index: read once per publication)."""
    themes = facet_index(locale_id).bits.get("thema", {})
    return {slug: bits.bit_count() for slug, bits in themes.items()}


@home.register(
    "kennisbank-themes",
    template="kennisbank/includes/home_themes.html",
    order=200,
    stylesheet=STYLESHEET,
)
def themes(request, home_page):
    context = _tag_context(request, home_page)
    base = kennisbank_url(context)
    if not base:
        return None
    dossiers = dossier_urls(context)
    counts = theme_counts(home_page.locale_id)
    items = []
    for slug, name in term_options(Thema, _language()):
        count = counts.get(slug, 0)
        if not count and slug not in dossiers:
            continue
        items.append(
            {
                "slug": slug,
                "name": name,
                "count": count,
                "url": dossiers.get(slug) or f"{base}?{urlencode({'thema': slug})}",
                "is_dossier": slug in dossiers,
            }
        )
    return {"themes": items, "kennisbank_url": base} if items else None


@home.register(
    "kennisbank-newest",
    template="kennisbank/includes/home_newest.html",
    order=400,
    stylesheet=STYLESHEET,
)
def newest_practices(request, home_page):
    base = kennisbank_url(_tag_context(request, home_page))
    if not base:
        return None
    # From the facet index (kept per publication) rather than sorting every practice.
    index = facet_index(home_page.locale_id)
    practices = index.bits["type"].get(KennisType.PRAKTIJKVOORBEELD, 0)
    ids = index.newest(practices, 0, NEWEST_PRACTICES)
    if not ids:
        return None
    query = urlencode({"type": KennisType.PRAKTIJKVOORBEELD, "sort": SORT_NEWEST})
    return {"items": listing_items(ids), "all_url": f"{base}?{query}"}


@home.register(
    "kennisbank-share",
    template="kennisbank/includes/home_share.html",
    order=500,
)
def share_a_practice(request, home_page):
    """The call to share a practice: the form "Praktijk delen" (kennisbank/share_views.py), and
    the contact page chosen in the site's settings (in this language where translated) or its
    e-mail address for questions. Nothing without a kennisbank to put a practice in."""
    if not kennisbank_url(_tag_context(request, home_page)):
        return None
    try:
        site_settings = GezondInSettings.for_request(request)
    except GezondInSettings.DoesNotExist:
        site_settings = None
    contact_url = ""
    if site_settings is not None and site_settings.contact_page_id:
        keys = Page.objects.filter(pk=site_settings.contact_page_id).values("translation_key")
        pages = {
            page.locale_id: page
            for page in Page.objects.live()
            .filter(translation_key__in=keys)
            .filter(cached_terms.public_q())
        }
        page = pages.get(home_page.locale_id) or next(iter(pages.values()), None)
        contact_url = (page.get_url(request) or "") if page is not None else ""
    if not contact_url and site_settings is not None and site_settings.contact_email:
        contact_url = f"mailto:{site_settings.contact_email}"
    return {"url": reverse("kennisbank:share"), "contact_url": contact_url}
