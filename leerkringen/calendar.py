"""Machine-readable descriptions of activities for the public: iCalendar files (one per activity
and an agenda-wide feed) and schema.org Event JSON-LD for the activity pages.

The per-activity file is the one e-mails attach (leerkringen.emails.ics_for_activity) without the
join link, so a meeting keeps the same UID whether it came from an e-mail, the page or the feed.
Nothing here ever includes a webinar's join link: these files and the JSON-LD are public.
"""

import icalendar
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags

from gezondin.jsonld import page_url
from gezondin.jsonld import serialize as json_ld
from leerkringen import services
from leerkringen.emails import ics_for_activity
from leerkringen.models import Mode

PRODID = "-//GezondIn//Leerkringen//NL"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def activity_ics(activity):
    """The public iCalendar file (bytes) with every meeting of ``activity``."""
    return ics_for_activity(activity, include_join_url=False)


def agenda_ics(agenda, activities, name=""):
    """One feed (bytes) with the meetings of ``activities`` that have not ended, for subscribing
    to the agenda."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name or agenda.title)
    calendar.add("x-wr-timezone", "UTC")
    now = timezone.now()
    for activity in activities:
        for event in icalendar.Calendar.from_ical(activity_ics(activity)).walk("VEVENT"):
            if event.decoded("DTEND") >= now:  # upcoming meetings only
                calendar.add_component(event)
    return calendar.to_ical()


def ics_response(content, filename):
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


# schema.org ---------------------------------------------------------------------------------------

ATTENDANCE_MODES = {
    Mode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Mode.FYSIEK: "https://schema.org/OfflineEventAttendanceMode",
    Mode.HYBRIDE: "https://schema.org/MixedEventAttendanceMode",
}


def _iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def _place(name, address):
    return {
        "@type": "Place",
        "name": name or address,
        "address": {"@type": "PostalAddress", "streetAddress": address},
    }


def _locations(activity, meeting, page_url):
    """The schema.org location(s) of a meeting (ActivityPage.place_of): its place or the study
    day's venue, and/or a VirtualLocation pointing at the public page (never the join link)."""
    place = activity.place_of(meeting)
    locations = [_place(place.name, place.address_line)] if place.line else []
    if place.online or not locations:
        locations.append({"@type": "VirtualLocation", "url": page_url})
    return locations[0] if len(locations) == 1 else locations


def _availability(activity, seats, now):
    if activity.is_past(now):
        return "https://schema.org/SoldOut" if seats.is_full else "https://schema.org/Discontinued"
    state, _when = services.registration_state(services.canonical(activity), now)
    if state == services.RegistrationState.NOT_YET:
        return "https://schema.org/PreOrder"
    if state in (services.RegistrationState.DISABLED, services.RegistrationState.NO_DATE):
        return None  # signing up happens elsewhere, or cannot yet
    if state != services.RegistrationState.OPEN:
        return "https://schema.org/Discontinued"
    if seats.is_full:
        return "https://schema.org/SoldOut"
    if seats.left is not None and seats.left <= max(1, (seats.capacity or 0) // 10):
        return "https://schema.org/LimitedAvailability"
    return "https://schema.org/InStock"


def event_data(activity, meetings, seats, page_url, now=None):
    """The schema.org Event (a dict) for an activity page; a circle has a subEvent per meeting."""
    now = now or timezone.now()
    first = meetings[0] if meetings else None
    last = meetings[-1] if meetings else None
    description = strip_tags(activity.intro or activity.search_description or "").strip()
    organiser = activity.organiser_label or "GezondIn"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activity.title,
        "description": description,
        "url": page_url,
        "startDate": _iso(first.starts_at if first else activity.first_starts_at),
        "endDate": _iso((last.ends_at or last.starts_at) if last else activity.last_ends_at),
        "eventAttendanceMode": ATTENDANCE_MODES.get(activity.mode, ATTENDANCE_MODES[Mode.FYSIEK]),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": _locations(activity, first, page_url),
        "organizer": {"@type": "Organization", "name": organiser},
        "isAccessibleForFree": True,
        "offers": {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "EUR",
            "availability": _availability(activity, seats, now),
            "url": page_url,
        },
        "inLanguage": activity.locale.language_code,
    }
    if data["offers"]["availability"] is None:
        del data["offers"]["availability"]
    if seats.capacity is not None:
        data["maximumAttendeeCapacity"] = seats.capacity
        if not activity.is_past(now):  # a past event has no seats to offer
            data["remainingAttendeeCapacity"] = seats.left
    if len(meetings) > 1:
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": f"{activity.title}: {m.topic}" if m.topic else activity.title,
                "startDate": _iso(m.starts_at),
                "endDate": _iso(m.ends_at or m.starts_at),
                "eventAttendanceMode": data["eventAttendanceMode"],
                "eventStatus": "https://schema.org/EventScheduled",
                "location": _locations(activity, m, page_url),
                **(
                    {"organizer": {"@type": "Organization", "name": str(m.host_gemeente)}}
                    if getattr(m, "host_gemeente", None)
                    else {}
                ),
            }
            for m in meetings
        ]
    return {key: value for key, value in data.items() if value not in (None, "")}


def event_json_ld(request, activity, meetings, seats):
    """The Event as escaped JSON for the page's script element; its URL on the host the visitor
    used, like every other URL in the page's structured data."""
    with translation.override(activity.locale.language_code):
        url = page_url(activity, request)
    return json_ld(event_data(activity, meetings, seats, url))
