"""The agenda's kind of e-mail alert, "activiteiten" (gezondin.alerts): every selection of the
agenda (``type``, ``thema``, ``mode``, ``provincie``; leerkringen.filters) can be followed by
e-mail: "new webinars on Armoede en schulden". A digest lists the live, public activities of the
alert's language first published within its period that have not ended. ``maand`` and
``archief`` are dropped: new activities are what is asked for."""

import html

from django.http import QueryDict
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from gezondin import alerts
from gezondin.facets import chosen_filters
from gezondin.mail_links import base_url
from leerkringen.filters import ALERT_KIND, MULTI_VALUE, AgendaFilterSet, clean_parameters
from leerkringen.models import ActivityPage, AgendaPage


def _absolute(page):
    parts = page.get_url_parts()
    return base_url(page) + parts[2] if parts else ""


def _data(selection, language):
    return clean_parameters(QueryDict(selection), language)


class ActiviteitenAlerts(alerts.AlertKind):
    name = ALERT_KIND
    label = _("nieuwe activiteiten")
    subject = _("Nieuwe activiteiten: %(selection)s")

    def normalise(self, params, language):
        data = clean_parameters(params, language)
        clean = QueryDict(mutable=True)
        for name in MULTI_VALUE:
            if data.getlist(name):
                clean.setlist(name, sorted(data.getlist(name)))
        return clean.urlencode()

    def describe(self, selection, language):
        with override(language):
            data = _data(selection, language)
            filterset = AgendaFilterSet(data, language_code=language)
            labels = {name: filterset.filters[name].label for name in MULTI_VALUE}

            def labels_of(name):
                return dict(filterset.filters[name].extra["choices"])

            return [str(chosen["label"]) for chosen in chosen_filters(data, labels, labels_of)]

    def page_url(self, selection, language):
        page = AgendaPage.objects.live().filter(locale__language_code=language).first()
        if page is None:
            return ""
        url = _absolute(page)
        return f"{url}?{selection}" if url and selection else url

    def items(self, selection, language, since, until):
        base = (
            ActivityPage.objects.live()
            .public()
            .filter(
                locale__language_code=language,
                first_published_at__gt=since,
                first_published_at__lte=until,
                last_ends_at__gte=timezone.now(),
            )
            .order_by("-first_published_at", "-pk")
        )
        with override(language):
            data = _data(selection, language)
            activities = AgendaFilterSet(data, queryset=base, language_code=language).qs
            activities = activities.specific()[: alerts.MAX_ITEMS]
            return [self._item(activity) for activity in activities]

    @staticmethod
    def _item(activity):
        when = activity.first_starts_at
        facts = [str(activity.get_kind_display())]
        if when:
            facts.append(formats.date_format(timezone.localtime(when), "l j F Y, H:i"))
        intro = " ".join(html.unescape(strip_tags(str(activity.intro or ""))).split())
        summary = " · ".join(facts)
        if intro:
            summary = f"{summary}. {Truncator(intro).chars(160)}"
        return alerts.Item(activity.title, _absolute(activity), summary)


def register():
    alerts.register(ActiviteitenAlerts())
