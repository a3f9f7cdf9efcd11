"""The agenda's periodic jobs, run together by ``manage.py leerkringen_jobs`` (every 10 minutes
from cron or a systemd timer; see docs/leerkringen.md). Each step works from the state in the
database, not from the time of the previous run, so a missed run is made up by the next one and
running a step twice does nothing twice:

- ``offers``: waiting-list offers not accepted in time expire and pass their seat on
  (leerkringen.services.expire_offers);
- ``reminders``: a reminder before each meeting that starts soon (:func:`send_due_reminders`);
- ``materials``: "afterwards, the materials" once an activity has ended and its page has a
  summary, materials, a recording, slides or kennisbank results (:func:`send_due_materials`);
- ``evaluations``: one evaluation mail to everyone present at an activity that has ended
  (leerkringen.evaluations.send_due_evaluations);
- ``retention``: anonymise sign-ups after the retention period and delete never-confirmed ones
  (leerkringen.retention.anonymise_due);
- ``alerts``: the e-mail alerts' daily and weekly digests, on the kennisbank and the agenda alike
  (gezondin.alerts.send_due, also ``manage.py send_alerts``).

E-mails are queued through the tasks framework by sign-up id and kind only. Each function returns
counts, never anything personal.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from leerkringen import tasks
from leerkringen.mailkinds import MailKind
from leerkringen.models import (
    Aanmelding,
    AanmeldingStatus,
    ActivityPage,
    Bijeenkomst,
    VerzondenHerinnering,
)
from leerkringen.retention import retention_days

logger = logging.getLogger(__name__)

DEFAULT_REMINDER_HOURS = 48


# Reminders ---------------------------------------------------------------------------------------


def reminder_hours():
    return getattr(settings, "LEERKRINGEN_REMINDER_HOURS", DEFAULT_REMINDER_HOURS)


def send_due_reminders(now=None, hours=None):
    """Queue the reminders that are due; returns how many were queued.

    For every meeting of a live activity that starts within the next ``hours`` (default
    ``LEERKRINGEN_REMINDER_HOURS``, 48), each confirmed sign-up gets the reminder once: a
    VerzondenHerinnering row records it before the mail is queued, so running this again (or
    twice at the same time) sends nothing twice.
    """
    now = now or timezone.now()
    hours = reminder_hours() if hours is None else hours
    meetings = (
        Bijeenkomst.objects.filter(
            starts_at__gt=now,
            starts_at__lte=now + datetime.timedelta(hours=hours),
            page__live=True,
        )
        .order_by("starts_at", "pk")
        .only("pk", "page_id")
    )
    queued = 0
    for meeting in meetings:
        recipients = (
            Aanmelding.objects.filter(
                activity_id=meeting.page_id,
                status=AanmeldingStatus.CONFIRMED,
                anonymised_at__isnull=True,
            )
            .exclude(herinneringen__bijeenkomst=meeting)
            .values_list("pk", flat=True)
        )
        for aanmelding_id in list(recipients):
            try:
                with transaction.atomic():
                    VerzondenHerinnering.objects.create(
                        aanmelding_id=aanmelding_id, bijeenkomst=meeting, sent_at=now
                    )
            except IntegrityError:
                continue  # another run recorded it first
            tasks.send_aanmelding_mail.enqueue(aanmelding_id, str(MailKind.REMINDER), meeting.pk)
            queued += 1
    return queued


# Materials ---------------------------------------------------------------------------------------


def materials_recipients():
    """Sign-ups that may still get the materials mail: confirmed, not anonymised, not yet sent,
    and not marked absent (attendance unknown counts as present: many circles keep no list)."""
    return Aanmelding.objects.filter(
        Q(attended__isnull=True) | Q(attended=True),
        status=AanmeldingStatus.CONFIRMED,
        anonymised_at__isnull=True,
        materials_sent_at__isnull=True,
    )


def activities_with_materials_due(now=None):
    """Live activities that have ended (within the retention period: after it nobody is left to
    mail) and still have recipients for the materials mail. Whether their page has materials is
    checked per activity (ActivityPage.has_materials)."""
    now = now or timezone.now()
    return (
        ActivityPage.objects.live()
        .filter(
            last_ends_at__lt=now,
            last_ends_at__gte=now - datetime.timedelta(days=retention_days()),
            pk__in=materials_recipients().values("activity_id"),
        )
        .order_by("last_ends_at", "pk")
        .specific()
    )


def send_due_materials(now=None):
    """Queue the materials mail for every recipient of every ended activity whose live page has
    materials; returns how many were queued.

    The live page is what counts: materials saved as a draft wait until they are published. Each
    sign-up is claimed by setting ``materials_sent_at`` in one UPDATE before its mail is queued,
    so two runs at the same time never send it twice.
    """
    now = now or timezone.now()
    queued = 0
    for activity in activities_with_materials_due(now):
        if not activity.has_materials:
            continue
        recipients = materials_recipients().filter(activity_id=activity.pk)
        count = 0
        for aanmelding_id in list(recipients.values_list("pk", flat=True)):
            claimed = recipients.filter(pk=aanmelding_id).update(materials_sent_at=now)
            if not claimed:
                continue  # another run claimed it first
            tasks.send_aanmelding_mail.enqueue(aanmelding_id, str(MailKind.MATERIALS))
            count += 1
        if count:
            logger.info("Materials mail queued to %s sign-up(s) of activity %s", count, activity.pk)
        queued += count
    return queued
