"""Remind confirmed participants of each meeting that starts soon (part of leerkringen_jobs).

For every meeting of a live activity that starts within the next ``--hours`` (default
``LEERKRINGEN_REMINDER_HOURS``, 48), each confirmed sign-up gets the reminder e-mail once: a
VerzondenHerinnering row records it before the mail is queued, so running the command again (or
twice at the same time) sends nothing twice. Prints counts only.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone

from leerkringen.models import Aanmelding, AanmeldingStatus, Bijeenkomst, VerzondenHerinnering

DEFAULT_REMINDER_HOURS = 48


def reminder_hours():
    return getattr(settings, "LEERKRINGEN_REMINDER_HOURS", DEFAULT_REMINDER_HOURS)


def send_due_reminders(now=None, hours=None):
    """Queue the reminders that are due; returns how many were queued."""
    from leerkringen.emails import MailKind
    from leerkringen.tasks import send_aanmelding_mail

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
            send_aanmelding_mail.enqueue(aanmelding_id, str(MailKind.REMINDER), meeting.pk)
            queued += 1
    return queued


class Command(BaseCommand):
    help = "E-mail a reminder to confirmed participants of meetings that start soon (once each)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=None,
            help=f"How far ahead to look (default LEERKRINGEN_REMINDER_HOURS or "
            f"{DEFAULT_REMINDER_HOURS}).",
        )

    def handle(self, *args, hours=None, **options):
        if hours is not None and hours <= 0:
            raise CommandError("--hours must be more than 0.")
        queued = send_due_reminders(hours=hours)
        self.stdout.write(f"Queued {queued} reminder(s).")
