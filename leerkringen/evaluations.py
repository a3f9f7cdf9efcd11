"""The evaluation of an activity by the people who took part: once an activity has ended, every
sign-up recorded present at one of its meetings or more gets one e-mail with a signed link
(leerkringen.tokens.make_evaluation_token) to a short form: a score from 1 to 5 and an open
question. The answer is kept anonymously (an Evaluatie: the activity, the score, the comment and
the day, nothing that leads back to the person); the sign-up only records that its link was used
(``Aanmelding.evaluation_answered``), so each link answers once.

``send_due_evaluations`` is the ``evaluations`` step of ``manage.py leerkringen_jobs``: it works
from the state in the database (``Aanmelding.evaluation_sent_at``), so running it again, or twice
at the same time, sends nothing twice, and someone whose presence is recorded later still gets
the mail on the next run. Nobody whose attendance was not recorded gets one: without a list,
nobody is known to have been there.

Setting: ``LEERKRINGEN_EVALUATION_LINK_DAYS`` (default 60): how long the link works. After the
retention period (leerkringen.retention) every link stops working anyway.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leerkringen import services, tasks, tokens
from leerkringen.mailkinds import MailKind
from leerkringen.models import Aanmelding, Aanwezigheid, ActivityPage, Evaluatie
from leerkringen.retention import retention_days

logger = logging.getLogger(__name__)

MAX_COMMENT_LENGTH = 2000


class EvaluationLinkInvalid(services.LinkInvalid):
    default_message = _(
        "Deze evaluatielink werkt niet (meer). Gebruik de link uit de e-mail die u van ons kreeg."
    )


class EvaluationLinkExpired(EvaluationLinkInvalid):
    default_message = _(
        "De termijn om deze activiteit te evalueren is voorbij; de link werkt niet meer. Dank u "
        "voor uw deelname."
    )


class AlreadyAnswered(services.AanmeldingError):
    default_message = _(
        "Deze evaluatie is al ingevuld: met iedere link kan dat één keer. Dank u voor uw antwoord."
    )


# Sending ---------------------------------------------------------------------------------------


def recipients():
    """Sign-ups that may still get the evaluation mail: present at a meeting or more, not
    anonymised, not yet sent."""
    present = Aanwezigheid.objects.filter(present=True).values("aanmelding_id")
    return Aanmelding.objects.filter(
        pk__in=present, anonymised_at__isnull=True, evaluation_sent_at__isnull=True
    )


def activities_due(now=None):
    """Live activities that have ended (within the retention period) and still have people to
    ask."""
    now = now or timezone.now()
    return (
        ActivityPage.objects.live()
        .filter(
            last_ends_at__lt=now,
            last_ends_at__gte=now - datetime.timedelta(days=retention_days()),
            pk__in=recipients().values("activity_id"),
        )
        .order_by("last_ends_at", "pk")
    )


def send_due_evaluations(now=None):
    """Queue the evaluation mail for everyone present at an ended activity; returns how many were
    queued. Each sign-up is claimed by setting ``evaluation_sent_at`` in one UPDATE before its
    mail is queued, so two runs at the same time never send it twice."""
    now = now or timezone.now()
    queued = 0
    for activity in activities_due(now):
        people = recipients().filter(activity_id=activity.pk)
        count = 0
        for aanmelding_id in list(people.values_list("pk", flat=True)):
            if not people.filter(pk=aanmelding_id).update(evaluation_sent_at=now):
                continue  # another run claimed it first
            tasks.send_aanmelding_mail.enqueue(aanmelding_id, str(MailKind.EVALUATION))
            count += 1
        if count:
            logger.info(
                "Evaluation mail queued to %s sign-up(s) of activity %s", count, activity.pk
            )
        queued += count
    return queued


# Answering -------------------------------------------------------------------------------------


def read_token(token):
    """The sign-up an evaluation link names. Raises EvaluationLinkInvalid (forged, changed,
    anonymised, or never sent) or EvaluationLinkExpired."""
    try:
        aanmelding = services.read_token(
            token, max_age=tokens.evaluation_link_max_age(), signer=tokens.evaluation_signer()
        )
    except services.LinkExpired as error:
        raise EvaluationLinkExpired(aanmelding=error.aanmelding) from None
    except services.LinkInvalid:
        raise EvaluationLinkInvalid() from None
    if aanmelding.evaluation_sent_at is None:
        raise EvaluationLinkInvalid()
    return aanmelding


def answer(aanmelding, score, comment="", now=None):
    """Keep one anonymous answer for the sign-up's activity; raises AlreadyAnswered when its
    link was used before (also by a second request at the same moment: the claim is one
    UPDATE)."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = Aanmelding.objects.filter(pk=aanmelding.pk, evaluation_answered=False).update(
            evaluation_answered=True
        )
        if not claimed:
            raise AlreadyAnswered(aanmelding=aanmelding)
        evaluatie = Evaluatie.objects.create(
            activity_id=aanmelding.activity_id,
            score=int(score),
            comment=(comment or "").strip(),
            answered_on=timezone.localdate(now),
        )
    logger.info("Evaluation answered for activity %s", aanmelding.activity_id)
    return evaluatie
