"""The agenda as a news feed: Atom at ``<agenda url>feed/`` and RSS 2.0 at ``feed/rss/``
(routes of AgendaPage), made with Django's syndication framework.

A feed lists exactly what the agenda page lists for the same GET parameters (leerkringen.filters:
type, thema, mode, provincie, maand and archief), so every filtered agenda URL can be followed in
a feed reader. An item is an activity: its title with the date of the first meeting, the absolute
link to its page, a plain-text summary (kind, form, when, and the introduction), its first and
last publication dates, and its themes as categories. Nothing else goes in: never a webinar's join
link, never anything about the people who signed up.
"""

from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from gezondin.models import Thema
from gezondin.terms import term_options
from leerkringen.models import ActivityPage, ActivityType

MAX_ITEMS = 100


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    description: str
    published: object
    updated: object
    categories: list = field(default_factory=list)


@dataclass(frozen=True)
class AgendaFeedData:
    title: str
    link: str
    feed_url: str
    description: str
    author: str
    items: list


def _plain(html):
    return " ".join(strip_tags(html or "").split())


def _date(moment, format_name):
    return formats.date_format(timezone.localtime(moment), format_name) if moment else ""


def _theme_names(activity_ids, language_code):
    """{activity id: [theme names in the language]} with one query (names are cached)."""
    names = dict(term_options(Thema, language_code))
    through = ActivityPage.themas.through.objects.filter(activitypage_id__in=activity_ids)
    result = {}
    for activity_id, slug in through.values_list("activitypage_id", "thema__slug").order_by(
        "thema__sort_order", "thema__name"
    ):
        name = names.get(slug)
        if name and name not in result.setdefault(activity_id, []):
            result[activity_id].append(name)
    return result


def _item(activity, request, themes):
    when = _date(activity.first_starts_at, "l j F Y, H:i")
    label = _("Eerste bijeenkomst") if activity.kind == ActivityType.LEERKRING else _("Wanneer")
    facts = " · ".join(
        part
        for part in (
            str(activity.get_kind_display()),
            str(activity.get_mode_display()),
            f"{label}: {when}" if when else "",
        )
        if part
    )
    intro = _plain(activity.intro) or _plain(activity.search_description)
    title = activity.title
    day = _date(activity.first_starts_at, "j F Y")
    if day:
        title = _("%(title)s (%(date)s)") % {"title": activity.title, "date": day}
    return FeedItem(
        title=title,
        link=activity.get_full_url(request) or "",
        description=f"{facts}. {intro}".strip() if intro else facts,
        published=activity.first_published_at,
        updated=activity.last_published_at or activity.first_published_at,
        categories=themes.get(activity.pk, []),
    )


def feed_data(agenda, request, url_name="feed_url"):
    """Everything the feed of ``agenda`` shows for ``request`` (its GET parameters);
    ``url_name`` names the feed's own URL in AgendaPage.subscribe_urls."""
    selection = agenda.selection(request)
    activities = [a for a in selection.activities[:MAX_ITEMS] if a.first_starts_at]
    language = get_language() or agenda.locale.language_code
    themes = _theme_names([a.pk for a in activities], language)
    query = selection.query_string()
    page_url = agenda.get_full_url(request) or ""
    own_url = agenda.subscribe_urls(page_url=page_url, query_string=query)[url_name]
    title = agenda.title
    if selection.archive:
        title = _("%(title)s: archief") % {"title": agenda.title}
    site = Site.find_for_request(request)  # cached on the request
    return AgendaFeedData(
        title=title,
        link=page_url + (f"?{query}" if query else ""),
        feed_url=own_url,
        description=_plain(agenda.intro) or agenda.title,
        author=(site.site_name if site else "") or agenda.title,
        items=[_item(activity, request, themes) for activity in activities],
    )


class AgendaAtomFeed(Feed):
    """The Atom feed of an agenda; call it with ``agenda=`` the (live) AgendaPage."""

    feed_type = Atom1Feed
    url_name = "feed_url"

    def get_object(self, request, *args, agenda, **kwargs):
        return feed_data(agenda, request, self.url_name)

    def title(self, obj):
        return obj.title

    def subtitle(self, obj):
        return obj.description

    def description(self, obj):
        return obj.description

    def link(self, obj):
        return obj.link

    def feed_url(self, obj):
        return obj.feed_url

    def author_name(self, obj):
        return obj.author

    def items(self, obj):
        return obj.items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.link

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return item.categories


class AgendaRssFeed(AgendaAtomFeed):
    """The same feed as RSS 2.0."""

    feed_type = Rss201rev2Feed
    url_name = "rss_url"
