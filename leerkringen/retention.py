"""Forgetting people on time (AVG): the retention rules for sign-ups.

``anonymise_due`` is run daily by ``manage.py anonymise_aanmeldingen``. It

- anonymises every sign-up of an activity whose last meeting ended more than
  ``LEERKRINGEN_RETENTION_DAYS`` (default 90) days ago: name, e-mail address, organisation, role
  and municipality are cleared, the secret is renewed (so every link sent by e-mail stops
  working) and ``anonymised_at`` is set. Status and attendance stay, so the counts remain; the
  municipality and organisation of each participant are kept first, without the person, for the
  reach report (leerkringen.reach.keep);
- anonymises withdrawn sign-ups (cancelled, or an offered seat that expired) a day after they
  were withdrawn, whenever the activity is: the person has taken back their consent, and the day
  leaves time for the "you are cancelled" e-mail to go out first;
- deletes sign-ups that were never confirmed (still pending) once the latest confirmation link
  sent to them has expired (``LEERKRINGEN_CONFIRM_LINK_DAYS`` after it was sent): they were
  never more than a request.

Anonymised rows are outside the "one active sign-up per address" constraint (its condition
requires ``anonymised_at`` to be empty), and their e-mail field holds a placeholder that is not an
address. Running it again changes nothing.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from leerkringen import reach, tokens
from leerkringen.models import Aanmelding, AanmeldingStatus, new_secret

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 90
WITHDRAWN_GRACE = datetime.timedelta(days=1)
PLACEHOLDER_NAME = "–"


def retention_days():
    return getattr(settings, "LEERKRINGEN_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def placeholder_email(aanmelding_id):
    """Not an e-mail address (no @): nothing can ever be sent to it."""
    return f"geanonimiseerd-{aanmelding_id}"


@dataclass(frozen=True)
class RetentionResult:
    anonymised: int
    deleted_pending: int


def due_for_anonymising(now=None, days=None):
    """Sign-ups, not yet anonymised, of activities that ended more than ``days`` ago."""
    now = now or timezone.now()
    days = retention_days() if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    return Aanmelding.objects.filter(
        anonymised_at__isnull=True,
        activity__last_ends_at__isnull=False,
        activity__last_ends_at__lt=cutoff,
    )


def withdrawn(now=None):
    """Sign-ups, not yet anonymised, that were cancelled or whose offer expired more than
    WITHDRAWN_GRACE ago."""
    now = now or timezone.now()
    cutoff = now - WITHDRAWN_GRACE
    return Aanmelding.objects.filter(anonymised_at__isnull=True).filter(
        Q(status=AanmeldingStatus.CANCELLED, cancelled_at__lt=cutoff)
        | Q(status=AanmeldingStatus.EXPIRED, offer_expires_at__lt=cutoff)
    )


def stale_pending(now=None):
    """Never-confirmed sign-ups whose latest confirmation link has expired: counted from when
    the last link was sent (a repeated sign-up sends a fresh one), or from the sign-up itself
    when no link went out yet."""
    now = now or timezone.now()
    return Aanmelding.objects.annotate(
        link_sent_at=Coalesce("confirm_sent_at", "created_at")
    ).filter(
        status=AanmeldingStatus.PENDING,
        link_sent_at__lt=now - tokens.confirm_link_max_age(),
    )


def anonymise_due(now=None, days=None, *, dry_run=False):
    """Apply the retention rules; returns the counts (nothing personal)."""
    now = now or timezone.now()
    with transaction.atomic():
        pending = stale_pending(now)
        deleted = pending.count()
        due = due_for_anonymising(now, days).exclude(pk__in=pending.values("pk"))
        ids = sorted(
            set(due.values_list("pk", flat=True)) | set(withdrawn(now).values_list("pk", flat=True))
        )
        if dry_run:
            return RetentionResult(anonymised=len(ids), deleted_pending=deleted)
        pending.delete()
        reach.keep(ids)  # the participants' reach, before it is cleared
        for pk in ids:
            Aanmelding.objects.filter(pk=pk).update(
                name=PLACEHOLDER_NAME,
                email=placeholder_email(pk),
                organisation="",
                role="",
                gemeente=None,
                added_reason="",
                secret=new_secret(),
                anonymised_at=now,
            )
    logger.info("Retention: %s sign-ups anonymised, %s pending deleted", len(ids), deleted)
    return RetentionResult(anonymised=len(ids), deleted_pending=deleted)
