"""The kennisbank's kind of e-mail alert, "praktijken" (gezondin.alerts): every selection of
the kennisbank (filters and query, the URL contract of kennisbank.filters) can be followed by
e-mail. The selection goes through KennisbankSearch, so an alert lists what the kennisbank page
(and its feed) lists for the same parameters; ``sort`` and ``page`` are dropped."""

import html

from django.http import QueryDict
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from gezondin import alerts
from gezondin.mail_links import base_url
from kennisbank.feeds import ALERT_KIND
from kennisbank.filters import FACETS
from kennisbank.models import KennisbankPage, KennisPage
from kennisbank.search import KennisbankSearch

ORDER = ["q", *FACETS]


def _search(params, language):
    with override(language):
        return KennisbankSearch(None, params=params)


def _absolute(page):
    parts = page.get_url_parts()
    return base_url(page) + parts[2] if parts else ""


def _summary(page):
    text = " ".join(html.unescape(strip_tags(str(page.search_description or page.intro))).split())
    return Truncator(text).chars(200)


class PraktijkenAlerts(alerts.AlertKind):
    name = ALERT_KIND
    label = _("nieuwe praktijkvoorbeelden")
    subject = _("Nieuwe praktijkvoorbeelden: %(selection)s")

    def normalise(self, params, language):
        data = _search(params, language).data
        clean = QueryDict(mutable=True)
        for name in ORDER:
            values = sorted(data.getlist(name)) if name != "q" else data.getlist(name)
            if values:
                clean.setlist(name, values)
        return clean.urlencode()

    def describe(self, selection, language):
        search = _search(QueryDict(selection), language)
        with override(language):
            return [str(active["label"]) for active in search.active_filters]

    def page_url(self, selection, language):
        page = KennisbankPage.objects.live().filter(locale__language_code=language).first()
        if page is None:
            return ""
        url = _absolute(page)
        return f"{url}?{selection}" if url and selection else url

    def items(self, selection, language, since, until):
        with override(language):
            search = KennisbankSearch(None, params=QueryDict(selection))
            ids = search.newest_ids(alerts.MAX_ITEMS)
        found = (
            KennisPage.objects.filter(
                pk__in=ids, first_published_at__gt=since, first_published_at__lte=until
            )
            .select_related("locale")
            .order_by("-first_published_at", "-pk")
        )
        return [alerts.Item(page.title, _absolute(page), _summary(page)) for page in found]


def register():
    alerts.register(PraktijkenAlerts())
