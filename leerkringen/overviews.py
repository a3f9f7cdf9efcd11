"""The agenda's part of the overviews (gezondin.regional), registered when the app is ready:

- the figures (gezondin.figures, ``activiteiten``): activities per year (by their first meeting;
  an activity and its translations count once) and their participants (sign-ups that got a
  seat: counts only, never people);
- a regional page's section (gezondin.regions, ``activiteiten``): the upcoming activities with a
  meeting in one of the region's municipalities, and a link to the agenda filtered on the region.
"""

from urllib.parse import urlencode

from django.db.models import Count
from django.utils import timezone

from gezondin import figures, regions
from gezondin.terms import locale_id, public_q
from leerkringen.models import Aanmelding, AanmeldingStatus, ActivityPage, AgendaPage, Bijeenkomst

REGION_ACTIVITIES = 6
STYLESHEET = "leerkringen/css/leerkringen.css"


@figures.register("activiteiten", template="leerkringen/includes/figures.html", order=200)
def activity_figures(language_code):
    years = {}
    rows = (
        ActivityPage.objects.live()
        .filter(public_q(), first_starts_at__isnull=False)
        .values_list("translation_key", "first_starts_at")
    )
    for key, starts_at in rows:
        years.setdefault(timezone.localtime(starts_at).year, set()).add(key)
    participants = dict(
        Aanmelding.objects.filter(
            status=AanmeldingStatus.CONFIRMED, activity__first_starts_at__isnull=False
        )
        .order_by()
        .values_list("activity__first_starts_at__year")
        .annotate(n=Count("pk"))
        .values_list("activity__first_starts_at__year", "n")
    )
    every_year = sorted({*years, *participants})
    return {
        "per_year": [
            {
                "year": year,
                "activities": len(years.get(year, ())),
                "participants": participants.get(year, 0),
            }
            for year in every_year
        ]
    }


@regions.register_section(
    "activiteiten",
    template="leerkringen/includes/region_activities.html",
    order=200,
    stylesheet=STYLESHEET,
)
def region_activities(request, region, gemeenten):
    locale = locale_id((request.LANGUAGE_CODE or "nl").split("-")[0])
    if locale is None:
        return None
    agenda = AgendaPage.objects.live().filter(public_q(), locale_id=locale).order_by("path").first()
    hosted = Bijeenkomst.objects.filter(host_gemeente__veiligheidsregio=region.name)
    upcoming = (
        ActivityPage.objects.live()
        .filter(public_q(), locale_id=locale, last_ends_at__gte=timezone.now())
        .filter(pk__in=hosted.values("page_id"))
        .order_by("first_starts_at", "pk")
    )
    activities = list(upcoming[:REGION_ACTIVITIES])
    agenda_url = agenda.get_url(request) if agenda is not None else ""
    return {
        "items": activities,
        "count": upcoming.count() if len(activities) == REGION_ACTIVITIES else len(activities),
        "agenda_url": f"{agenda_url}?{urlencode({'regio': region.slug})}" if agenda_url else "",
    }
