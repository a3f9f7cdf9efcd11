"""The agenda's kind of the site search (gezondin.search_groups), registered when the app is
ready: activities (learning circles, webinars, study days), the coming ones first."""

from django.utils.translation import ngettext
from wagtail.models import Locale

from gezondin import search_groups
from gezondin.search_terms import search_terms
from gezondin.terms import listed_q
from leerkringen.models import ActivityPage


@search_groups.register(
    "activiteiten",
    order=400,
    models=[ActivityPage],
    label=lambda count: (
        ngettext("%(count)s activiteit", "%(count)s activiteiten", count) % {"count": count}
    ),
)
def activities(request, query):
    pages = ActivityPage.objects.live().public().filter(listed_q(), locale=Locale.get_active())
    results = pages.specific().search(search_terms(query), operator="and")
    return search_groups.Found(results.count(), results)
