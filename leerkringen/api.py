"""The leerkringen's part of the read API (docs/api.md): the ``activiteiten`` endpoint and the
serializer fields of activities (dates, meetings, seats, registration, calendar file, materials).

Registered with the core's router (gezondin.api.views.api_router) when this module is imported,
from LeerkringenConfig.ready(). Seats are counts (leerkringen.services.availabilities); nothing
about who signed up, and never a webinar's join link. The models name the fields below by dotted
path (gezondin.api.fields.deferred), since this module imports the models.
"""

from django.conf import settings
from django.db.models import Prefetch

from gezondin.api import fields, filters
from gezondin.api.views import (
    PAGE_ORDERING,
    PageTypeEndpoint,
    api_router,
    specific_in_bulk,
)
from leerkringen import services
from leerkringen.models import ActivityPage, ActivityType, Bijeenkomst

# Serializer fields --------------------------------------------------------------------------------


def canonical_activity(activity):
    """The default-language activity holding the seats and sign-up settings (set in bulk for a
    listing by the endpoint, see ActiviteitenAPIViewSet)."""
    if not hasattr(activity, "_api_canonical"):
        activity._api_canonical = services.canonical(activity)
    return activity._api_canonical


def activity_seats(activity):
    """The activity's Availability (counts only), set in bulk for a listing by the endpoint."""
    if not hasattr(activity, "_api_seats"):
        activity._api_seats = services.availability(canonical_activity(activity))
    return activity._api_seats


class ActivityDates(fields.ObjectField):
    """{"start": start of the first meeting, "end": end of the last}."""

    def to_representation(self, activity):
        return {
            "start": fields.iso(activity.first_starts_at),
            "end": fields.iso(activity.last_ends_at),
        }


class Bijeenkomsten(fields.ObjectField):
    """The meetings in date order, without anything about who attends."""

    def to_representation(self, activity):
        meetings = sorted(
            (m for m in activity.bijeenkomsten.all() if m.starts_at), key=lambda m: m.starts_at
        )
        items = []
        for meeting in meetings:
            place = activity.place_of(meeting)
            host = meeting.host_gemeente if meeting.host_gemeente_id else None
            items.append(
                {
                    "start": fields.iso(meeting.starts_at),
                    "end": fields.iso(meeting.ends_at),
                    "timezone": settings.TIME_ZONE,
                    "topic": meeting.topic,
                    "attendance": place.attendance,
                    "location": place.line or None,
                    "host_gemeente": (
                        {"cbs_code": host.cbs_code, "name": host.name} if host else None
                    ),
                }
            )
        return items


class Capacity(fields.ObjectField):
    """The number of seats (shared by an activity's translations); null for unlimited."""

    def to_representation(self, activity):
        return canonical_activity(activity).capacity


class SeatsAvailable(fields.ObjectField):
    """How many seats are free (a count); null for unlimited; 0 once the activity is past."""

    def to_representation(self, activity):
        if activity.is_past():
            return 0
        return activity_seats(activity).left


class RegistrationOpen(fields.ObjectField):
    """Whether signing up through the website is possible now."""

    def to_representation(self, activity):
        state, _when = services.registration_state(canonical_activity(activity))
        return state == services.RegistrationState.OPEN


class ICSURL(fields.ObjectField):
    """The absolute URL of the activity's public .ics file (never with a join link)."""

    def to_representation(self, activity):
        url = activity.get_url(fields.http_request(self.context))
        if not url:
            return None
        return fields.absolute_url(self.context, url + activity.reverse_subpage("ics"))


class Materials(fields.ObjectField):
    """The materials (documents, links, recordings) once the activity is over; [] before."""

    def to_representation(self, activity):
        if not activity.is_past():
            return []
        return fields.stream_representation(
            self.value(activity), self.context, fields.language_of(activity)
        )


# The endpoint -------------------------------------------------------------------------------------


class ActiviteitenAPIViewSet(PageTypeEndpoint):
    """Learning circles, webinars and study days. Seats are counts; nothing about who signed up,
    and never a webinar's join link."""

    name = "activiteiten"
    model = ActivityPage
    kinds = list(ActivityType.values)
    filter_backends = [
        filters.KindFilter,
        filters.UpcomingFilter,
        *PageTypeEndpoint.filter_backends,
    ]
    prefetches = [
        "locale",
        "themas",
        Prefetch("bijeenkomsten", queryset=Bijeenkomst.objects.select_related("host_gemeente")),
    ]
    ordering_fields = [*PAGE_ORDERING, "first_starts_at", "last_ends_at"]

    def filter_gemeente(self, queryset, codes):
        hosted = Bijeenkomst.objects.filter(host_gemeente__cbs_code__in=codes)
        return queryset.filter(pk__in=hosted.values("page_id"))

    def filter_provincie(self, queryset, provinces):
        hosted = Bijeenkomst.objects.filter(host_gemeente__provincie__in=provinces)
        return queryset.filter(pk__in=hosted.values("page_id"))

    def filter_regio(self, queryset, names):
        hosted = Bijeenkomst.objects.filter(host_gemeente__veiligheidsregio__in=names)
        return queryset.filter(pk__in=hosted.values("page_id"))

    def prepare_items(self, items):
        if self.wants("bijeenkomsten"):  # a study day's venue is on StudiedagPage
            items = specific_in_bulk(items)
        items = super().prepare_items(items)
        if self.wants("capacity", "seats_available", "registration_open"):
            canonical_of = services.canonicals(items)
            seats = services.availabilities(items, canonical_of)
            for activity in items:
                activity._api_canonical = canonical_of[activity.pk]
                activity._api_seats = seats[activity.pk]
        return items


# After the kennisbank's practices and knowledge pages, before municipalities and pages.
api_router.register_endpoint("activiteiten", ActiviteitenAPIViewSet, order=200)
