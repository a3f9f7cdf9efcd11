"""Every public URL of the GezondIn plugin, for inside the language prefix.

A host site adds, inside ``i18n_patterns(...)`` and before Wagtail's own include::

    path("", include("gezondin.urls")),

That brings the core's site search and overviews (regions, figures; namespace ``gezondin``) and the
URLs the feature apps registered in gezondin.public_urls: leerkringen's sign-up pages behind the
links in e-mails and the agenda's .ics feed (namespace ``leerkringen``). The URLs that belong
outside the language prefix (the read API, sitemaps, robots.txt) are in gezondin.urls.shared.
"""

from django.urls import include, path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from gezondin import alert_views, public_urls, regional, views

# Translators: the words of the alerts' paths (their own context: the sign-up's "afmelden" is
# "cancel"); lower case, without spaces. Changing one breaks
# the links in e-mails already sent.
ALERTS = pgettext_lazy("alert URL", "attenderingen")
NEW = pgettext_lazy("alert URL", "nieuw")

core_patterns = [
    path(pgettext_lazy("URL", "zoeken/"), views.search, name="search"),
    # The overviews (gezondin.regional): the regions, one region, "GezondIn in cijfers".
    path(pgettext_lazy("URL", "regio/"), regional.region_index, name="regions"),
    path(
        format_lazy("{}<slug:slug>/", pgettext_lazy("URL", "regio/")),
        regional.region_detail,
        name="region",
    ),
    path(pgettext_lazy("URL", "cijfers/"), regional.figures, name="figures"),
    # E-mail alerts (gezondin.alerts): the kinds' names are the same in every language.
    path(format_lazy("{}/{}/<slug:kind>/", ALERTS, NEW), alert_views.subscribe, name="alert_new"),
    path(
        format_lazy("{}/{}/<slug:kind>/{}/", ALERTS, NEW, pgettext_lazy("alert URL", "verstuurd")),
        alert_views.sent,
        name="alert_sent",
    ),
    path(
        format_lazy("{}/{}/", ALERTS, pgettext_lazy("alert URL", "afgemeld")),
        alert_views.gone,
        name="alert_gone",
    ),
    path(format_lazy("{}/<str:token>/", ALERTS), alert_views.manage, name="alert_manage"),
    path(
        format_lazy("{}/<str:token>/{}/", ALERTS, pgettext_lazy("alert URL", "bevestigen")),
        alert_views.confirm,
        name="alert_confirm",
    ),
    path(
        format_lazy("{}/<str:token>/{}/", ALERTS, pgettext_lazy("alert URL", "afmelden")),
        alert_views.unsubscribe,
        name="alert_unsubscribe",
    ),
]

urlpatterns = [
    path("", include((core_patterns, "gezondin"))),
    *(path("", include(module)) for module in public_urls.registered()),
]
