"""The kennisbank's feeds: every selection of the kennisbank is also a feed.

``<kennisbank>/feed/`` is an Atom feed and ``<kennisbank>/feed/rss/`` an RSS 2.0 feed of the items
the kennisbank page shows for the same GET parameters (q, thema, spoor, pijler, doelgroep, domein,
levensfase, gemeente, provincie, erkenning, type): "new practices on Armoede en schulden in
Limburg" is one subscription. The selection goes through the page's own KennisbankSearch, so
unknown values are ignored exactly as on the page; ``sort`` and ``page`` are ignored: a feed
holds the FEED_LIMIT most recently published items, newest first.

The routes live on KennisbankPage (wagtail.contrib.routable_page); FeedLinks gives the page the
feed URLs and title of the selection it shows.
"""

import html
from functools import cached_property

from django.contrib.syndication.views import Feed
from django.db.models import F, Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Site

from gezondin.jsonld import absolute_url
from gezondin.models import GezondInSettings
from gezondin.models.snippets import Thema
from gezondin.templatetags.gezondin_tags import site_name
from gezondin.terms import gemeente_labels, term_names
from kennisbank.models import KennisPage
from kennisbank.search import KennisbankSearch

FEED_LIMIT = 50
# The kennisbank's kind of e-mail alert (kennisbank.alerts).
ALERT_KIND = "praktijken"


def _plain_text(value):
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def _site_name(request):
    return site_name({"request": request})


def selection_query(search):
    """The query string of the selection (the cleaned filters and search, without sort and page),
    "" for the whole kennisbank."""
    data = search.data.copy()
    data.pop("sort", None)
    return data.urlencode()


def selection_title(page, search, site_name):
    """The feed's title: the page, the site and what is chosen, in the visitor's language
    ("Kennisbank GezondIn: Armoede en schulden, Limburg")."""
    title = page.title
    if site_name and site_name.casefold() not in title.casefold():
        title = f"{title} {site_name}"
    labels = [str(active["label"]) for active in search.active_filters]
    return f"{title}: {', '.join(labels)}" if labels else title


class FeedLinks:
    """The feeds of the selection a kennisbank page shows, for its <link rel="alternate"> and the
    visible "follow" links. Costs no queries: the page computes the chosen filters anyway."""

    def __init__(self, page, search, request):
        self.page = page
        self.search = search
        self.request = request

    @cached_property
    def query_string(self):
        return selection_query(self.search)

    def _url(self, route):
        base = self.page.get_url(self.request)
        if not base:
            return ""
        url = base + self.page.reverse_subpage(route)
        return f"{url}?{self.query_string}" if self.query_string else url

    @cached_property
    def alert_url(self):
        """The page to get new items of this selection by e-mail (gezondin.alerts): "" when
        the host has no alert pages."""
        try:
            url = reverse("gezondin:alert_new", kwargs={"kind": ALERT_KIND})
        except NoReverseMatch:
            return ""
        return f"{url}?{self.query_string}" if self.query_string else url

    @cached_property
    def atom_url(self):
        return self._url("feed")

    @cached_property
    def rss_url(self):
        return self._url("feed_rss")

    @cached_property
    def title(self):
        return selection_title(self.page, self.search, _site_name(self.request))


class Selection:
    """One feed request: the kennisbank page, its search and the newest matching items."""

    def __init__(self, page, request):
        self.page = page
        self.request = request
        self.search = KennisbankSearch(request, index_page=page)
        self.language = page.locale.language_code

    @cached_property
    def items(self):
        """The newest FEED_LIMIT matches with their themes, municipalities and (for knowledge
        pages) publishing organisation: four queries (five when searching), however many."""
        ids = self.search.newest_ids(FEED_LIMIT)
        items = (
            KennisPage.objects.filter(pk__in=ids)
            .annotate(source_name=F("kennisartikelpage__source_organisatie__name"))
            .select_related("locale")
            .prefetch_related(
                Prefetch("themas", queryset=Thema.objects.only("slug")),
                "gemeenten",
            )
        )
        by_id = {item.pk: item for item in items}
        return [by_id[pk] for pk in ids if pk in by_id]

    @cached_property
    def theme_names(self):
        return term_names(Thema, self.language)

    @cached_property
    def page_url(self):
        """The kennisbank page showing this selection."""
        query = selection_query(self.search)
        url = self.page.get_url(self.request) or ""
        return absolute_url(self.request, f"{url}?{query}" if query else url)

    @cached_property
    def publisher(self):
        if Site.find_for_request(self.request) is not None:
            name = GezondInSettings.for_request(self.request).organisation_name
            if name:
                return name
        return _site_name(self.request)


class KennisbankAtomFeed(Feed):
    """A kennisbank selection as Atom 1.0. Made per request by KennisbankPage's route."""

    feed_type = Atom1Feed

    def get_object(self, request, page):
        self.request = request
        selection = Selection(page, request)
        self.language = selection.language
        self.selection = selection
        return selection

    def title(self, selection):
        return selection_title(selection.page, selection.search, _site_name(selection.request))

    def link(self, selection):
        return selection.page_url

    def feed_url(self, selection):
        return selection.request.build_absolute_uri()

    def feed_guid(self, selection):
        return selection.page_url

    def subtitle(self, selection):
        return _(
            "De nieuwste praktijkvoorbeelden en kennis in de kennisbank die bij deze selectie "
            "passen."
        )

    description = subtitle

    def author_name(self, selection):
        return selection.publisher

    def items(self, selection):
        return selection.items

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return absolute_url(self.request, item.get_url(self.request))

    def item_description(self, item):
        # A summary of type "html": the introduction as escaped plain text.
        return escape(_plain_text(item.search_description or item.intro))

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        """The municipality or municipalities, else the organisation that published a knowledge
        page, else the site's organisation."""
        labels = gemeente_labels()
        names = sorted(
            (labels.get(gemeente.cbs_code, gemeente.cbs_code) for gemeente in item.gemeenten.all()),
            key=str.casefold,
        )
        if names:
            return ", ".join(f"Gemeente {name}" for name in names)
        return item.source_name or self.selection.publisher

    def item_categories(self, item):
        names = self.selection.theme_names
        return [names.get(thema.slug, thema.slug) for thema in item.themas.all()]


class KennisbankRssFeed(KennisbankAtomFeed):
    """The same selection as RSS 2.0."""

    feed_type = Rss201rev2Feed
