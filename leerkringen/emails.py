"""The e-mails to people who sign up, and the calendar file attached to them.

Each e-mail is plain text with an HTML alternative, rendered in the registrant's language from
``leerkringen/emails/<kind>.txt`` and ``.html``, and carries the signed link to see or cancel
the sign-up. They are sent by ``leerkringen.tasks.send_aanmelding_mail`` (by sign-up id and kind);
``send`` checks that the mail still fits the sign-up's status, so a queued "you are in" never
reaches someone who cancelled meanwhile.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from gezondin.mail_links import base_url
from leerkringen import tokens
from leerkringen.mailkinds import MailKind
from leerkringen.models import Aanmelding, AanmeldingStatus, ActivityType, Bericht, Bijeenkomst

logger = logging.getLogger(__name__)

Status = AanmeldingStatus


SUBJECTS = {
    MailKind.CONFIRM_EMAIL: _("Bevestig uw aanmelding: %(title)s"),
    MailKind.SEAT_CONFIRMED: _("U bent aangemeld: %(title)s"),
    MailKind.WAITLISTED: _("U staat op de wachtlijst: %(title)s"),
    MailKind.SEAT_FREED: _("Er is een plek vrijgekomen: %(title)s"),
    MailKind.OFFER: _("Er is een plek voor u: %(title)s"),
    MailKind.OFFER_EXPIRED: _("Aanbod verlopen: %(title)s"),
    MailKind.CANCELLED: _("U bent afgemeld: %(title)s"),
    MailKind.REMINDER: _("Herinnering: %(title)s"),
    MailKind.MATERIALS: _("Materialen van %(title)s"),
    MailKind.ALREADY_SIGNED_UP: _("U was al aangemeld: %(title)s"),
    MailKind.EVALUATION: _("Hoe was het? Uw mening over %(title)s"),
}

# The status a sign-up must (still) have for a kind of mail; None: any status.
REQUIRED_STATUS = {
    MailKind.CONFIRM_EMAIL: {Status.PENDING},
    MailKind.SEAT_CONFIRMED: {Status.CONFIRMED},
    MailKind.WAITLISTED: {Status.WAITLISTED},
    MailKind.SEAT_FREED: {Status.CONFIRMED},
    MailKind.OFFER: {Status.OFFERED},
    MailKind.OFFER_EXPIRED: None,
    MailKind.CANCELLED: None,
    MailKind.REMINDER: {Status.CONFIRMED},
    MailKind.MATERIALS: {Status.CONFIRMED},
    MailKind.ALREADY_SIGNED_UP: {Status.CONFIRMED, Status.WAITLISTED, Status.OFFERED},
    MailKind.EVALUATION: None,  # whoever was present, also if they cancelled later meetings
}

# Mails that carry the calendar file (and, for webinars, the join link).
WITH_CALENDAR = {MailKind.SEAT_CONFIRMED, MailKind.SEAT_FREED, MailKind.REMINDER}


def page_url(page, base=None):
    """The absolute URL of a page under ``base`` (default: ``base_url(page)``); "" when the
    page is not routable."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    _site_id, _root_url, path = parts
    return (base_url(page) if base is None else base) + path


def sign_up_links(aanmelding, base):
    """Absolute links for a sign-up, in the active language."""
    token = tokens.make_token(aanmelding)
    return {
        "confirm_url": base + reverse("leerkringen:confirm", kwargs={"token": token}),
        "manage_url": base + reverse("leerkringen:manage", kwargs={"token": token}),
        "cancel_url": base + reverse("leerkringen:cancel", kwargs={"token": token}),
        "accept_url": base + reverse("leerkringen:accept", kwargs={"token": token}),
    }


def evaluation_url(aanmelding, base):
    """The absolute evaluation link of a sign-up, in the active language."""
    token = tokens.make_evaluation_token(aanmelding)
    return base + reverse("leerkringen:evaluation", kwargs={"token": token})


def _localized(activity):
    """The activity in the active language where it is translated and live."""
    return activity.localized.specific


def _absolute(url, base):
    return f"{base}{url}" if url and url.startswith("/") else url


def material_links(activity, base):
    """[{"title", "url"}] of what an activity's public page offers afterwards, as absolute links:
    the recording and slides of a webinar, the materials (documents, links, videos) and live
    kennisbank pages. Only what the public page shows; never the join link."""
    items = []

    def add(title, url):
        url = _absolute(url, base)
        if url and url not in {item["url"] for item in items}:
            items.append({"title": title or url, "url": url})

    if getattr(activity, "recording_url", ""):
        add(_("Opname"), activity.recording_url)
    slides = getattr(activity, "slides", None)
    if slides is not None:
        add(slides.title, slides.url)
    for block in activity.materials:
        value = block.value
        if block.block_type == "document" and value.get("document"):
            add(value.get("title") or value["document"].title, value["document"].url)
        elif block.block_type == "link":
            page = value.get("page")
            if page is not None:
                page = page.localized
                if page.live:
                    add(value.get("text") or page.title, page_url(page, base))
            else:
                add(value.get("text"), value.get("url"))
        elif block.block_type == "video" and value.get("video"):
            add(value.get("title"), value["video"].url)
    for link in activity.kennis_links.select_related("kennis_page"):
        page = link.kennis_page.localized
        if page.live:
            add(page.title, page_url(page, base))
    return items


def build_message(aanmelding, kind, bijeenkomst=None):
    """The e-mail of ``kind`` for a sign-up, rendered in the sign-up's language."""
    kind = MailKind(kind)
    with translation.override(aanmelding.language):
        canonical = aanmelding.activity.specific
        activity = _localized(canonical)
        if kind == MailKind.MATERIALS and activity is not canonical and not activity.has_materials:
            activity = canonical  # the translation has not caught up: link to the original
        base = base_url(canonical)
        meetings = activity.meetings()
        confirmed = aanmelding.status == Status.CONFIRMED
        join_url = ""
        if (
            kind in WITH_CALENDAR
            and confirmed
            and canonical.kind == ActivityType.WEBINAR
            and canonical.join_url
        ):
            join_url = canonical.join_url
        activity_url = page_url(activity, base)
        context = {
            "aanmelding": aanmelding,
            "activity": activity,
            "activity_url": activity_url,
            "bijeenkomsten": meetings,
            "bijeenkomst": bijeenkomst,
            "join_url": join_url,
            "cancellation_deadline": canonical.effective_cancellation_deadline,
            "confirm_link_days": tokens.confirm_link_max_age().days,
            "offer_expires_at": aanmelding.offer_expires_at,
            "organiser": activity.organiser_label,
            "contact_email": canonical.contact_email,
            "site_name": _site_name(canonical),
            "kind": kind,
            "materials": material_links(activity, base) if kind == MailKind.MATERIALS else [],
            "waitlist_reason": _waitlist_reason(canonical, aanmelding, kind),
            "evaluation_url": (
                evaluation_url(aanmelding, base) if kind == MailKind.EVALUATION else ""
            ),
            "evaluation_link_days": tokens.evaluation_link_max_age().days,
            **sign_up_links(aanmelding, base),
        }
        subject = str(SUBJECTS[kind]) % {"title": activity.title}
        text = render_to_string(f"leerkringen/emails/{kind.value}.txt", context)
        html = render_to_string(f"leerkringen/emails/{kind.value}.html", context)
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[aanmelding.email],
            reply_to=[canonical.contact_email] if canonical.contact_email else None,
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(html, "text/html")
        if kind in WITH_CALENDAR and meetings:
            ics = ics_for_activity(
                activity, include_join_url=bool(join_url), join_url=join_url, base=base
            )
            message.attach(_ics_filename(activity), ics, "text/calendar; charset=utf-8")
    return message


def _waitlist_reason(activity, aanmelding, kind):
    """Why the "you are on the waiting list" mail's reader waits (services.WaitlistReason)."""
    if kind != MailKind.WAITLISTED:
        return None
    # Imported at call time: leerkringen.services queues its mails through leerkringen.tasks,
    # which imports this module.
    from leerkringen import services

    return services.waitlist_reason(activity, aanmelding.gemeente_id)


def send(aanmelding_id, kind, bijeenkomst_id=None):
    """Send one e-mail to a sign-up if it still applies. Returns whether a mail was sent."""
    kind = MailKind(kind)
    aanmelding = (
        Aanmelding.objects.filter(pk=aanmelding_id, anonymised_at__isnull=True)
        .select_related("activity")
        .first()
    )
    if aanmelding is None:
        return False
    required = REQUIRED_STATUS[kind]
    if required is not None and aanmelding.status not in required:
        logger.info("Skipped %s mail to aanmelding %s: status changed", kind.value, aanmelding.pk)
        return False
    bijeenkomst = None
    if bijeenkomst_id is not None:
        bijeenkomst = Bijeenkomst.objects.filter(pk=bijeenkomst_id).first()
    message = build_message(aanmelding, kind, bijeenkomst)
    try:
        message.send()
    except Exception as error:
        # Mail errors name the recipient; report the failure without them (the task backend
        # stores and logs what is raised here).
        raise MailNotSent(
            f"{kind.value} mail to aanmelding {aanmelding.pk} not sent: {type(error).__name__}"
        ) from None
    if kind == MailKind.CONFIRM_EMAIL:
        # Recorded after sending, so never before the link's own timestamp: retention keeps a
        # pending sign-up until this newest link has expired.
        Aanmelding.objects.filter(pk=aanmelding.pk).update(confirm_sent_at=timezone.now())
    return True


def build_bericht(aanmelding, bericht):
    """An organiser's message (a Bericht) to one sign-up: the organiser's subject and text as
    typed, framed in the sign-up's language with the links to see or cancel the sign-up."""
    with translation.override(aanmelding.language):
        canonical = aanmelding.activity.specific
        activity = _localized(canonical)
        base = base_url(canonical)
        context = {
            "aanmelding": aanmelding,
            "activity": activity,
            "activity_url": page_url(activity, base),
            "bericht": bericht,
            "organiser": activity.organiser_label,
            "contact_email": canonical.contact_email,
            "site_name": _site_name(canonical),
            **sign_up_links(aanmelding, base),
        }
        message = EmailMultiAlternatives(
            subject=" ".join(bericht.subject.split()),
            body=render_to_string("leerkringen/emails/bericht.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[aanmelding.email],
            reply_to=[canonical.contact_email] if canonical.contact_email else None,
        )
        message.attach_alternative(
            render_to_string("leerkringen/emails/bericht.html", context), "text/html"
        )
    return message


def send_bericht(bericht_id, aanmelding_id):
    """Send an organiser's message to one sign-up of its activity, unless the sign-up has been
    anonymised meanwhile. Returns whether a mail was sent."""
    bericht = Bericht.objects.filter(pk=bericht_id).first()
    aanmelding = (
        Aanmelding.objects.filter(pk=aanmelding_id, anonymised_at__isnull=True)
        .select_related("activity")
        .first()
    )
    if bericht is None or aanmelding is None or aanmelding.activity_id != bericht.activity_id:
        return False
    try:
        build_bericht(aanmelding, bericht).send()
    except Exception as error:
        raise MailNotSent(
            f"message {bericht.pk} to aanmelding {aanmelding.pk} not sent: {type(error).__name__}"
        ) from None
    return True


class MailNotSent(Exception):
    """Sending failed; the message holds no personal data."""


def _site_name(page):
    site = page.get_site()
    return (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")


def _ics_filename(activity):
    from django.utils.text import slugify

    return f"{slugify(activity.title)[:60] or 'activiteit'}.ics"


# Calendar ---------------------------------------------------------------------------------------


def _uid_domain(page):
    site = page.get_site()
    return site.hostname if site else "gezondin.localhost"


def ics_for_activity(activity, *, include_join_url=False, join_url="", base=None):
    """An iCalendar file (bytes) with one VEVENT per meeting of ``activity``.

    Times are written in UTC, which every calendar reads without a VTIMEZONE. UIDs come from the
    activity's translation key and the meeting's position, so the same meeting keeps its UID in
    every language. The join link of a webinar is included only when asked (confirmed people).
    The page's URL is built on ``base`` (default: ``base_url``), like every link in e-mails.
    """
    import icalendar

    activity = activity.specific
    domain = _uid_domain(activity)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//GezondIn//Leerkringen//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", activity.title)
    stamp = timezone.now().astimezone(datetime.UTC)
    url = page_url(activity, base)
    description = strip_tags(activity.intro or "").strip()
    meetings = activity.meetings()
    for position, meeting in enumerate(meetings, start=1):
        event = icalendar.Event()
        event.add("uid", f"{activity.translation_key}-{position}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
        event.add("dtend", (meeting.ends_at or meeting.starts_at).astimezone(datetime.UTC))
        summary = activity.title
        if meeting.topic and len(meetings) > 1:
            summary = f"{activity.title}: {meeting.topic}"
        event.add("summary", summary)
        location = _location_text(activity, meeting)
        if include_join_url and join_url:
            location = join_url
        if location:
            event.add("location", location)
        text = description
        if include_join_url and join_url:
            text = f"{text}\n\n{join_url}".strip()
        if url:
            text = f"{text}\n\n{url}".strip()
            event.add("url", url)
        if text:
            event.add("description", text)
        calendar.add_component(event)
    return calendar.to_ical()


def _location_text(activity, meeting):
    """Where a meeting is, on one line (ActivityPage.place_of), "Online" added when it can be
    attended online."""
    place = activity.place_of(meeting)
    if place.online:
        online = str(_("Online"))
        return f"{place.line} / {online}" if place.line else online
    return place.line
