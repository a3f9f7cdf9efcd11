"""The agenda's section of the home page (gezondin.home): the next activities, with their date and
the seats left, and a link to the whole agenda. Registered when the app is ready.

The agenda is the first live, public one in the home page's language below the home page (it
need not be its child). Queries: one for the agenda (cached until the next publication: looking
for it among every page below the home page is the slowest part at tens of thousands of
practices), one for its next activities (their common
fields only: no query per page type) and one for their seats, plus one for the Dutch activities
whose seats an English page shares (leerkringen.services).
"""

from django.core.cache import cache
from django.utils import timezone

from gezondin import home
from gezondin import terms as cached_terms
from gezondin.terms import public_q
from leerkringen import services
from leerkringen.models import ActivityPage, AgendaPage

NEXT_ACTIVITIES = 3
STYLESHEET = "leerkringen/css/leerkringen.css"


AGENDA_CACHE_TIMEOUT = 60 * 60


def agenda_of(home_page):
    """The agenda in the home page's language below it, or None."""
    key = (
        f"gezondin:home-agenda:{cached_terms.results_version()}:{cached_terms.version()}:"
        f"{home_page.pk}"
    )
    agenda = cache.get(key)
    if agenda is None:
        agenda = (
            AgendaPage.objects.live()
            .filter(public_q(), locale_id=home_page.locale_id)
            .descendant_of(home_page)
            .order_by("path")
            .first()
        ) or False
        cache.set(key, agenda, AGENDA_CACHE_TIMEOUT)
    return agenda or None


@home.register(
    "leerkringen-next",
    template="leerkringen/includes/home_activities.html",
    order=300,
    stylesheet=STYLESHEET,
)
def next_activities(request, home_page):
    agenda = agenda_of(home_page)
    if agenda is None:
        return None
    agenda_url = agenda.get_url(request)
    if not agenda_url:
        return None
    now = timezone.now()
    activities = list(
        ActivityPage.objects.live()
        .filter(public_q())
        .descendant_of(agenda)
        .filter(last_ends_at__gte=now)
        .order_by("first_starts_at", "pk")[:NEXT_ACTIVITIES]
    )
    canonical_of = services.canonicals(activities)
    seats = services.availabilities(activities, canonical_of)
    items = []
    for activity in activities:
        state, when = services.registration_state(canonical_of[activity.pk], now)
        items.append(
            {
                "activity": activity,
                "seats": seats[activity.pk],
                "open": state == services.RegistrationState.OPEN,
                "opens_at": when if state == services.RegistrationState.NOT_YET else None,
                "signup_on_site": state != services.RegistrationState.DISABLED,
            }
        )
    return {"items": items, "agenda_url": agenda_url}
