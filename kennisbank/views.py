"""What the kennisbank's pages show beyond their own fields, and their feeds.

The page models (kennisbank.models) hand their ``get_context`` and routes over to these
functions; the search, the facets, the feeds and the profile queries they use all query those
models, so the models import this module when a page is served (see ``_views`` there).
"""

from kennisbank.feeds import FeedLinks, KennisbankAtomFeed, KennisbankRssFeed
from kennisbank.queries import gemeente_profile, practice_listings, thema_dossier
from kennisbank.search import KennisbankSearch


def practice_context(request, page):
    return practice_listings(page)


def dossier_context(request, page):
    return thema_dossier(page, request)


def gemeente_context(request, page):
    return gemeente_profile(page, request)


def kennisbank_context(request, page):
    """The kennisbank's index: its search (filters, facets, sort orders, results) and feeds."""
    search = KennisbankSearch(request, index_page=page)
    return {
        "search": search,
        "feed_links": FeedLinks(page, search, request),
    }


def atom_feed(request, page):
    return KennisbankAtomFeed()(request, page=page)


def rss_feed(request, page):
    return KennisbankRssFeed()(request, page=page)
