"""E-mail alerts on any selection: "Ontvang nieuwe praktijkvoorbeelden per e-mail".

The core keeps the alerts (``gezondin.models.Attendering``), the pages to subscribe, confirm,
manage and unsubscribe (gezondin.alert_views), the digests and the limits; what a selection *is*
belongs to the feature apps, which register a *kind* from their ``AppConfig.ready()``::

    alerts.register(PraktijkenAlerts())     # kennisbank/alerts.py: "praktijken"
    alerts.register(ActiviteitenAlerts())   # leerkringen/alerts.py: "activiteiten"

A kind (:class:`AlertKind`) cleans a selection's query string (unknown values dropped, in a fixed
order, so one selection is one alert), describes it in words in the active language, gives the
URL of the page showing it and lists what was published in it within a period.

Digests (:func:`send_due`, run by the periodic jobs and by ``manage.py send_alerts``): a
confirmed alert is due a day (``dagelijks``) or a week (``wekelijks``) after the end of the
period its last digest covered; its new period is claimed with one UPDATE, and only when it has
new items is a mail queued (the task :func:`send_alert_mail`, by the alert's id and the
period's two moments: never an address). Every mail carries ``List-Unsubscribe`` and
``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058) and a link to manage all alerts
of the address. Never-confirmed alerts are deleted after ``GEZONDIN_ALERTS_UNCONFIRMED_DAYS``.

Limits (:func:`spend`): valid subscriptions per address and per client per clock hour, counted
in the cache under a keyed hash (no address is stored) by gezondin.limits, like the sign-up's
(``GEZONDIN_ALERTS_PER_ADDRESS``, default 5; ``GEZONDIN_ALERTS_PER_CLIENT``, default 30).
"""

import dataclasses
import datetime
import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from gezondin import jobs, limits, tokens
from gezondin.mail_links import base_url
from gezondin.models.alerts import MAX_SELECTION_LENGTH, Attendering, Frequency

logger = logging.getLogger(__name__)

# The registry ----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Item:
    """One new item in a digest: its title, absolute URL and a one-line summary."""

    title: str
    url: str
    summary: str = ""


class AlertKind:
    """What a feature app tells the core about one kind of alert. ``name`` is the public value in
    URLs (Dutch, the same in every language); the labels are lazy translatable strings."""

    name = ""
    # "nieuwe praktijkvoorbeelden": what the alert brings, as a phrase after "Ontvang ...".
    label = ""
    # The mail's subject: "Nieuwe praktijkvoorbeelden: %(selection)s".
    subject = ""

    def normalise(self, params, language):
        """The known values of ``params`` (a QueryDict) as a query string, in a fixed order."""
        raise NotImplementedError

    def describe(self, selection, language):
        """The chosen values of ``selection`` as labels in the active language ([] for all)."""
        raise NotImplementedError

    def page_url(self, selection, language):
        """The absolute URL of the page showing ``selection`` in ``language``, or ""."""
        raise NotImplementedError

    def items(self, selection, language, since, until):
        """The items of ``selection`` in ``language`` first published in (since, until], newest
        first, as :class:`Item` (at most ``MAX_ITEMS``)."""
        raise NotImplementedError


MAX_ITEMS = 50
_kinds = {}


def register(kind):
    """Register an :class:`AlertKind` instance under its ``name`` (again: replaced)."""
    _kinds[kind.name] = kind
    return kind


def kinds():
    return dict(_kinds)


def get_kind(name):
    """The registered kind called ``name``, or None."""
    return _kinds.get(name)


def normalise(kind, params, language):
    """``kind``'s query string of ``params``, cut to what the model stores (None when too long:
    such a selection is refused, never silently changed)."""
    if isinstance(params, str):
        params = QueryDict(params)
    selection = kind.normalise(params, language)
    return selection if len(selection) <= MAX_SELECTION_LENGTH else None


def description(alert):
    """The alert's selection in words, in the active language: "Armoede en schulden, Limburg",
    or "alles" for the whole kennisbank or agenda."""
    kind = get_kind(alert.kind)
    labels = kind.describe(alert.selection, alert.language) if kind else []
    return ", ".join(str(label) for label in labels) or str(_("alles"))


# Limits ------------------------------------------------------------------------------------------

# The budgets of gezondin.limits, counted per clock hour like the other public forms'.
ADDRESS = limits.Budget(
    "gezondin.alerts.address",
    "GEZONDIN_ALERTS_PER_ADDRESS",
    5,
    _(
        "Met dit e-mailadres zijn dit uur al veel attenderingen aangevraagd. U kunt het na "
        "%(time)s opnieuw proberen."
    ),
)
CLIENT = limits.Budget(
    "gezondin.alerts.client",
    "GEZONDIN_ALERTS_PER_CLIENT",
    30,
    _(
        "Vanaf uw netwerk zijn dit uur al veel attenderingen aangevraagd. U kunt het na %(time)s "
        "opnieuw proberen."
    ),
)
Limited = limits.Limited


def spend(email, client):
    """Count one subscription of ``email`` from ``client`` in the current clock hour; raises
    Limited (counting nothing) when either budget is spent."""
    uses = [(ADDRESS, email)] + ([(CLIENT, client)] if client else [])
    limits.spend(*uses)


# Signed links ------------------------------------------------------------------------------------

TOKEN_SALT = "gezondin.attendering"  # noqa: S105 - a namespace, not a secret


def _signer():
    return tokens.signer(TOKEN_SALT)


def confirm_link_max_age():
    return datetime.timedelta(days=getattr(settings, "GEZONDIN_ALERTS_CONFIRM_LINK_DAYS", 7))


def unconfirmed_days():
    return getattr(settings, "GEZONDIN_ALERTS_UNCONFIRMED_DAYS", 14)


def make_token(alert):
    """ "<id>-<secret>:<time>:<signature>": names the alert, nothing personal."""
    return tokens.make_token(TOKEN_SALT, alert.pk, alert.secret)


class LinkInvalid(Exception):
    message = _("Deze link klopt niet of de attendering bestaat niet meer.")


class AlertGone(LinkInvalid):
    """The link was genuine, but its alert has been deleted (unsubscribed before)."""


class LinkExpired(LinkInvalid):
    message = _("Deze bevestigingslink is verlopen. Vraag de attendering opnieuw aan.")

    def __init__(self, alert):
        super().__init__()
        self.alert = alert


def read_token(token, max_age=None):
    """The alert a token names; LinkInvalid when forged or the alert is gone, LinkExpired (with
    the alert) when older than ``max_age``."""
    signer = _signer()
    try:
        value = signer.unsign(token)
    except signing.BadSignature as error:
        raise LinkInvalid from error
    alert = _alert_of(value)
    if max_age is not None:
        try:
            signer.unsign(token, max_age=max_age)
        except signing.SignatureExpired as error:
            raise LinkExpired(alert) from error
    return alert


def _alert_of(value):
    pk, _sep, secret = value.partition("-")
    if not pk.isdigit():
        raise LinkInvalid
    alert = Attendering.objects.filter(pk=int(pk)).first()
    if alert is None:
        raise AlertGone
    if not constant_time_compare(alert.secret, secret):
        raise LinkInvalid
    return alert


def links(alert, base=None):
    """The absolute links of an alert, in the active language."""
    base = base_url() if base is None else base
    token = make_token(alert)
    return {
        "confirm_url": base + reverse("gezondin:alert_confirm", kwargs={"token": token}),
        "manage_url": base + reverse("gezondin:alert_manage", kwargs={"token": token}),
        "unsubscribe_url": base + reverse("gezondin:alert_unsubscribe", kwargs={"token": token}),
    }


# Subscribing -------------------------------------------------------------------------------------


def normalise_email(email):
    """The address with its domain in lower case (the local part is the mail server's)."""
    local, _sep, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def subscribe(email, kind, selection, language, frequency):
    """Find or create the alert and queue the mail asking to confirm it (or, when it is
    confirmed already, the mail with the link to manage it): the page after the form says the
    same whether the address was known or not."""
    alert, _created = _find_or_create(email, kind, selection, language, frequency)
    _queue("confirm", alert.pk)
    return alert


def _find_or_create(email, kind, selection, language, frequency):
    lookup = {"email": email, "kind": kind.name, "selection": selection}
    try:
        with transaction.atomic():
            return Attendering.objects.get_or_create(
                **lookup, defaults={"language": language, "frequency": frequency}
            )
    except IntegrityError:  # created by a request at the same moment
        return Attendering.objects.get(**lookup), False


def confirm(alert, now=None):
    """Confirm the alert (once); its first digest covers what is published from now."""
    if alert.confirmed_at is None:
        now = now or timezone.now()
        Attendering.objects.filter(pk=alert.pk, confirmed_at__isnull=True).update(
            confirmed_at=now, last_sent_at=now
        )
        alert.refresh_from_db()
    return alert


def delete_unconfirmed(now=None):
    """Delete alerts never confirmed within the retention period; returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=unconfirmed_days())
    deleted, _per_model = Attendering.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


# Digests -----------------------------------------------------------------------------------------

PERIODS = {
    Frequency.DAILY: datetime.timedelta(days=1),
    Frequency.WEEKLY: datetime.timedelta(days=7),
}
# A run every 10 minutes would otherwise push a daily digest 10 minutes later each day.
SLACK = datetime.timedelta(minutes=30)


@dataclasses.dataclass
class SendResult:
    queued: int = 0
    nothing_new: int = 0
    deleted_unconfirmed: int = 0


def due(now, force=False):
    """The confirmed alerts whose period has passed (every confirmed one with ``force``)."""
    alerts = Attendering.objects.confirmed()
    if force:
        return alerts
    condition = Q()
    for frequency, period in PERIODS.items():
        condition |= Q(frequency=frequency, last_sent_at__lte=now - period + SLACK)
    return alerts.filter(condition | Q(last_sent_at__isnull=True))


def new_items(alert, since, until):
    kind = get_kind(alert.kind)
    if kind is None:
        return []
    with translation.override(alert.language):
        return kind.items(alert.selection, alert.language, since, until)[:MAX_ITEMS]


def send_due(now=None, force=False):
    """Queue the digests that are due (all confirmed alerts with ``force``: ``send_alerts
    --now``); delete never-confirmed alerts after the retention period. Each alert's period is
    claimed with one UPDATE, so two runs at once never send it twice; an alert with nothing new
    gets no mail (its period still moves on: nothing was published in it)."""
    now = now or timezone.now()
    result = SendResult(deleted_unconfirmed=delete_unconfirmed(now))
    for pk, last_sent_at in list(due(now, force).values_list("pk", "last_sent_at")):
        unclaimed = Q(last_sent_at=last_sent_at) if last_sent_at else Q(last_sent_at__isnull=True)
        claimed = Attendering.objects.filter(unclaimed, pk=pk).update(last_sent_at=now)
        since = last_sent_at or now
        if not claimed:
            continue  # another run claimed it first
        alert = Attendering.objects.get(pk=pk)
        if not new_items(alert, since, now):
            result.nothing_new += 1
            continue
        _queue("digest", pk, since.isoformat(), now.isoformat())
        result.queued += 1
    return result


@jobs.register("alerts", order=50)
def periodic_step():
    """The step ``alerts`` of ``manage.py gezondin_jobs``: the digests due, the stale alerts."""
    result = send_due()
    return (
        f"{result.queued} alert digest(s) queued, "
        f"{result.deleted_unconfirmed} unconfirmed alert(s) deleted"
    )


def _queue(mail, pk, *moments):
    send_alert_mail.enqueue(mail, pk, *moments)


# The e-mails -------------------------------------------------------------------------------------


def _site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "") or "GezondIn"


def build_message(alert, mail, since=None, until=None):
    """The mail ``mail`` ("confirm" or "digest") of an alert in its language; None when there is
    nothing to send (a digest without items, a kind no longer registered)."""
    kind = get_kind(alert.kind)
    if kind is None:
        return None
    with translation.override(alert.language):
        base = base_url()
        urls = links(alert, base)
        context = {
            "alert": alert,
            "kind": kind,
            "description": description(alert),
            "frequency": alert.get_frequency_display(),
            "site_name": _site_name(),
            "page_url": kind.page_url(alert.selection, alert.language),
            "confirm_link_days": confirm_link_max_age().days,
            "language": alert.language,
            **urls,
        }
        if mail == "digest":
            items = kind.items(alert.selection, alert.language, since, until)[:MAX_ITEMS]
            if not items:
                return None
            context["items"] = items
            subject = str(kind.subject) % {"selection": context["description"]}
        elif alert.is_confirmed:
            mail = "known"
            subject = str(_("Uw attendering: %(selection)s")) % {
                "selection": context["description"]
            }
        else:
            subject = str(_("Bevestig uw attendering: %(selection)s")) % {
                "selection": context["description"]
            }
        headers = {"Auto-Submitted": "auto-generated"}
        if alert.is_confirmed:
            headers["List-Unsubscribe"] = f"<{urls['unsubscribe_url']}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split())[:200],
            body=render_to_string(f"gezondin/alerts/emails/{mail}.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[alert.email],
            headers=headers,
        )
        message.attach_alternative(
            render_to_string(f"gezondin/alerts/emails/{mail}.html", context), "text/html"
        )
    return message


def send(mail, pk, since=None, until=None):
    """Send one mail of an alert if it still applies; returns whether one was sent."""
    alert = Attendering.objects.filter(pk=pk).first()
    if alert is None or (mail == "digest" and not alert.is_confirmed):
        return False
    if since is not None:
        since = datetime.datetime.fromisoformat(since)
        until = datetime.datetime.fromisoformat(until)
    message = build_message(alert, mail, since, until)
    if message is None:
        return False
    message.send()
    logger.info("Alert mail %s sent for alert %s", mail, pk)
    return True


@task()
def send_alert_mail(mail: str, attendering_id: int, since: str = "", until: str = ""):
    """The task sending an alert's mail: "confirm" (or, when confirmed already, the link to
    manage it) or "digest" (what was published in (since, until], ISO moments). Its arguments
    hold the alert's id, the kind of mail and moments, never an address: the task backend may
    store and log them."""
    return send(mail, attendering_id, since or None, until or None)
