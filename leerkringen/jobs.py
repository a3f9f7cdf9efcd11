"""The agenda's periodic jobs, run together by ``manage.py leerkringen_jobs`` (every 10 minutes
from cron or a systemd timer; see docs/leerkringen.md). Each step works from the state in the
database, not from the time of the previous run, so a missed run is made up by the next one and
running a step twice does nothing twice:

- ``offers``: waiting-list offers not accepted in time expire and pass their seat on
  (leerkringen.services.expire_offers);
- ``reminders``: a reminder before each meeting (send_reminders.send_due_reminders);
- ``materials``: "afterwards, the materials" once an activity has ended and its page has a
  summary, materials, a recording, slides or kennisbank results (:func:`send_due_materials`);
- ``retention``: anonymise sign-ups after the retention period and delete never-confirmed ones
  (leerkringen.retention.anonymise_due).

E-mails are queued through the tasks framework by sign-up id and kind only. Each function returns
counts, never anything personal.
"""

import datetime
import logging

from django.db.models import Q
from django.utils import timezone

from leerkringen.models import Aanmelding, AanmeldingStatus, ActivityPage

logger = logging.getLogger(__name__)


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
    from leerkringen.retention import retention_days

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
    from leerkringen.emails import MailKind
    from leerkringen.tasks import send_aanmelding_mail

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
            send_aanmelding_mail.enqueue(aanmelding_id, str(MailKind.MATERIALS))
            count += 1
        if count:
            logger.info("Materials mail queued to %s sign-up(s) of activity %s", count, activity.pk)
        queued += count
    return queued
