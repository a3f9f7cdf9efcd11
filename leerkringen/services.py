"""The sign-up rules: registration window, double opt-in, seats, fair seating per municipality,
waiting list (optionally with time-limited offers), cancellation and the signed links in e-mails.

Views, the admin and management commands all call these functions; none of them changes an
Aanmelding's status itself. Every seat decision runs in one transaction that first locks the
activity's row (``SELECT ... FOR UPDATE``), so concurrent confirmations on PostgreSQL are decided
one after the other and an activity is never overbooked. (SQLite serialises write transactions.)

Sign-ups belong to the activity in the default language (see ``canonical``): every function here
accepts a translation too.

E-mails are queued through the tasks framework *after* the transaction has committed, by sign-up
id and kind only; nothing personal goes into task arguments or log records.

Settings (and ``LEERKRINGEN_CONFIRM_LINK_DAYS``, see leerkringen.tokens):
- ``LEERKRINGEN_WAITLIST_OFFER_HOURS`` (default None): None gives a freed seat directly to the
  first on the waiting list; a number offers it for that many hours (``accept_offer``), after
  which ``expire_offers`` passes it on.
"""

import datetime
import enum
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from gezondin.terms import locale_id
from leerkringen import limits, tasks, tokens
from leerkringen.mailkinds import MailKind
from leerkringen.models import (
    SEAT_STATUSES,
    Aanmelding,
    AanmeldingStatus,
    Aanwezigheid,
    ActivityPage,
    Bericht,
    BerichtAudience,
)

logger = logging.getLogger(__name__)

Status = AanmeldingStatus


# Errors ---------------------------------------------------------------------------------------


def _format_when(when):
    if when is None:
        return ""
    return formats.date_format(timezone.localtime(when), "j F Y, H:i")


class AanmeldingError(Exception):
    """A rule said no. ``message`` is a complete sentence for the person, in the active language."""

    default_message = _("Dat lukte niet. Probeer het later opnieuw.")

    def __init__(self, message=None, *, when=None, aanmelding=None):
        self._message = message
        self.when = when
        self.aanmelding = aanmelding
        super().__init__(self.__class__.__name__)

    @property
    def message(self):
        text = self._message if self._message is not None else self.default_message
        return str(text) % {"when": _format_when(self.when)} if self.when else str(text)

    def __str__(self):
        return self.message


class RegistrationClosed(AanmeldingError):
    default_message = _("Aanmelden voor deze activiteit is niet (meer) mogelijk.")


class CancellationDeadlinePassed(AanmeldingError):
    default_message = _(
        "Afmelden via de website kon tot %(when)s. Kunt u toch niet komen? Laat het de "
        "organisatie weten."
    )


class SignupNotActive(AanmeldingError):
    default_message = _(
        "Deze aanmelding is afgemeld of verlopen. U kunt zich opnieuw aanmelden zolang de "
        "aanmelding open is."
    )


class OfferExpired(AanmeldingError):
    default_message = _(
        "Het aanbod voor deze plek is verlopen; de plek is doorgegeven aan de volgende op de "
        "wachtlijst."
    )


class AlreadySignedUp(AanmeldingError):
    default_message = _("Met dit e-mailadres is al aangemeld.")


class LinkInvalid(AanmeldingError):
    default_message = _(
        "Deze link werkt niet (meer). Gebruik de link uit de laatste e-mail die u van ons kreeg, "
        "of meld u opnieuw aan."
    )


class LinkExpired(LinkInvalid):
    default_message = _(
        "Deze bevestigingslink is verlopen. Meld u opnieuw aan met hetzelfde e-mailadres; u "
        "krijgt dan een nieuwe link."
    )


# The activity of record -------------------------------------------------------------------------


def canonical(activity):
    """The activity in the default language, which holds the sign-ups and the seat settings.

    An activity and its translations share one pool of seats; a page without a default-language
    version is its own canonical activity.
    """
    try:
        default_locale_id = Locale.get_default().pk
    except Locale.DoesNotExist:
        return activity
    if activity.locale_id == default_locale_id:
        return activity
    source = ActivityPage.objects.filter(
        translation_key=activity.translation_key, locale_id=default_locale_id
    ).first()
    return source or activity


# Registration window ---------------------------------------------------------------------------


class RegistrationState(enum.StrEnum):
    OPEN = "open"
    DISABLED = "disabled"
    NO_DATE = "no-date"
    NOT_YET = "not-yet"
    CLOSED = "closed"
    STARTED = "started"


_STATE_MESSAGES = {
    RegistrationState.DISABLED: _(
        "Aanmelden via deze website is voor deze activiteit niet mogelijk."
    ),
    RegistrationState.NO_DATE: _("De datum is nog niet bekend; aanmelden kan nog niet."),
    RegistrationState.NOT_YET: _("De aanmelding opent op %(when)s."),
    RegistrationState.CLOSED: _("De aanmelding is gesloten sinds %(when)s."),
    RegistrationState.STARTED: _("Deze activiteit is al begonnen; aanmelden kan niet meer."),
}


def registration_closes_at(activity):
    """When sign-up closes: the set moment, or else the start of the first meeting."""
    return activity.registration_closes_at or activity.first_starts_at


def registration_state(activity, now=None):
    """(RegistrationState, the moment it refers to or None)."""
    now = now or timezone.now()
    if not activity.signup_enabled:
        return RegistrationState.DISABLED, None
    if activity.first_starts_at is None:
        return RegistrationState.NO_DATE, None
    if activity.last_ends_at is not None and now >= activity.last_ends_at:
        return RegistrationState.STARTED, None
    if activity.registration_opens_at and now < activity.registration_opens_at:
        return RegistrationState.NOT_YET, activity.registration_opens_at
    closes = registration_closes_at(activity)
    if closes and now >= closes:
        if activity.registration_closes_at:
            return RegistrationState.CLOSED, closes
        return RegistrationState.STARTED, None
    return RegistrationState.OPEN, None


def registration_is_open(activity, now=None):
    return registration_state(canonical(activity), now)[0] == RegistrationState.OPEN


def check_registration_open(activity, now=None):
    state, when = registration_state(activity, now)
    if state != RegistrationState.OPEN:
        raise RegistrationClosed(_STATE_MESSAGES[state], when=when)


def closed_message(activity, now=None):
    """Why sign-up is closed, or "" when it is open."""
    state, when = registration_state(canonical(activity), now)
    if state == RegistrationState.OPEN:
        return ""
    return RegistrationClosed(_STATE_MESSAGES[state], when=when).message


# Seats -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Availability:
    capacity: int | None
    taken: int
    waiting: int

    @property
    def left(self):
        return None if self.capacity is None else max(0, self.capacity - self.taken)

    @property
    def is_full(self):
        return self.capacity is not None and self.taken >= self.capacity


def availability(activity):
    """Seats and waiting list of an activity (one query, see ``availabilities``)."""
    activity = canonical(activity)
    return availabilities([activity], {activity.pk: activity})[activity.pk]


def canonicals(activities):
    """{activity pk: its activity in the default language} for many activities, in one query
    (none when all are in the default language); see ``canonical``."""
    default = locale_id(settings.LANGUAGE_CODE)
    keys = {a.translation_key for a in activities if a.locale_id != default}
    sources = {}
    if keys and default is not None:
        sources = {
            page.translation_key: page
            for page in ActivityPage.objects.filter(translation_key__in=keys, locale_id=default)
        }
    return {
        a.pk: a if a.locale_id == default else sources.get(a.translation_key, a) for a in activities
    }


def availabilities(activities, canonical_of=None):
    """{activity pk: Availability} for many activities at once, in at most two queries (the
    default-language activities, see ``canonicals``, unless given as ``canonical_of``; and the
    counts). Translations share the seats of their default-language activity. The API's
    listings, the admin's sign-up index and the dashboard panel count seats this way."""
    if canonical_of is None:
        canonical_of = canonicals(activities)
    rows = (
        Aanmelding.objects.filter(
            activity_id__in={source.pk for source in canonical_of.values()},
            status__in=[*SEAT_STATUSES, Status.WAITLISTED],
        )
        .values_list("activity_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {}
    for activity_id, status, n in rows:
        counts.setdefault(activity_id, {})[status] = n
    result = {}
    for activity in activities:
        source = canonical_of[activity.pk]
        mine = counts.get(source.pk, {})
        result[activity.pk] = Availability(
            capacity=source.capacity,
            taken=sum(mine.get(status, 0) for status in SEAT_STATUSES),
            waiting=mine.get(Status.WAITLISTED, 0),
        )
    return result


class WaitlistReason(enum.StrEnum):
    """Why a sign-up waits (or would wait) for a seat."""

    FULL = "vol"  # every seat is taken
    GEMEENTE = "gemeente"  # the municipality's maximum (max_per_gemeente) is reached


def waitlist_reason(activity, gemeente=None):
    """Why someone of ``gemeente`` (a Gemeente, its pk, or None) gets no seat now, or None when
    a seat is free for them: the activity is full, or else the maximum per municipality
    (``max_per_gemeente``) is reached for theirs. The same rule as ``_Seats.has_seat_for``.

    For what the pages and e-mails say (no lock: the decision itself is taken by ``confirm``)."""
    activity = canonical(activity)
    gemeente_id = getattr(gemeente, "pk", gemeente)
    holding = Aanmelding.objects.filter(activity_id=activity.pk).holding_seat()
    if activity.capacity is not None and holding.count() >= activity.capacity:
        return WaitlistReason.FULL
    cap = activity.max_per_gemeente
    if cap is not None and gemeente_id and holding.filter(gemeente_id=gemeente_id).count() >= cap:
        return WaitlistReason.GEMEENTE
    return None


def seats_taken(activity):
    return availability(activity).taken


def seats_left(activity):
    """Free seats, or None for unlimited."""
    return availability(activity).left


def is_full(activity):
    return availability(activity).is_full


class _Seats:
    """The seat counts of a locked activity, kept up to date while decisions are made.

    Read while the activity's row is locked, so every query here is paid by each concurrent
    confirmation in turn: the counts per municipality are only read when there is a cap."""

    def __init__(self, activity):
        self.activity = activity
        holding = Aanmelding.objects.filter(activity_id=activity.pk).holding_seat()
        self.taken = holding.count()
        self.per_gemeente = {}
        if activity.max_per_gemeente is not None:
            self.per_gemeente = dict(
                holding.filter(gemeente__isnull=False)
                .values_list("gemeente_id")
                .annotate(n=Count("pk"))
                .order_by()
            )

    def has_room(self):
        capacity = self.activity.capacity
        return capacity is None or self.taken < capacity

    def has_seat_for(self, aanmelding):
        if not self.has_room():
            return False
        cap = self.activity.max_per_gemeente
        if cap is not None and aanmelding.gemeente_id:
            return self.per_gemeente.get(aanmelding.gemeente_id, 0) < cap
        return True

    def take(self, aanmelding):
        self.taken += 1
        if aanmelding.gemeente_id:
            gemeente = aanmelding.gemeente_id
            self.per_gemeente[gemeente] = self.per_gemeente.get(gemeente, 0) + 1


def seat_would_move_someone_up(aanmelding, now=None):
    """Whether giving back ``aanmelding``'s seat now would give it to someone on the waiting
    list: someone waits who fits the municipality maximum once this seat is free, and the
    activity has not begun. For the cancel page (no lock: ``cancel`` decides)."""
    now = now or timezone.now()
    activity = aanmelding.activity
    if not aanmelding.holds_seat:
        return False
    if activity.first_starts_at and now >= activity.first_starts_at:
        return False
    seats = _Seats(activity)
    seats.taken -= 1
    if aanmelding.gemeente_id in seats.per_gemeente:
        seats.per_gemeente[aanmelding.gemeente_id] -= 1
    waiting = Aanmelding.objects.filter(activity_id=activity.pk).waitlist()
    return any(seats.has_seat_for(candidate) for candidate in waiting)


def _lock_activity(activity_id):
    """Lock the activity's row until the end of the transaction; returns it freshly read."""
    return ActivityPage.objects.select_for_update(of=("self",)).get(pk=activity_id)


def _offer_hours():
    return getattr(settings, "LEERKRINGEN_WAITLIST_OFFER_HOURS", None)


def _fill_free_seats(activity, seats, now):
    """Give free seats to the waiting list, first come first served, skipping people whose
    municipality has reached its cap. Returns the e-mails to send. Nobody moves up once the
    activity has begun."""
    if activity.first_starts_at and now >= activity.first_starts_at:
        return []
    if not seats.has_room():
        return []  # a full activity: the waiting list is not even read (under the lock)
    mails = []
    hours = _offer_hours()
    for candidate in Aanmelding.objects.filter(activity_id=activity.pk).waitlist():
        if not seats.has_room():
            break
        if not seats.has_seat_for(candidate):
            continue
        seats.take(candidate)
        expires = now + datetime.timedelta(hours=hours) if hours else None
        if expires and activity.first_starts_at:
            expires = min(expires, activity.first_starts_at)
        if expires and expires > now:
            candidate.status = Status.OFFERED
            candidate.offer_expires_at = expires
            candidate.save(update_fields=["status", "offer_expires_at"])
            mails.append((candidate.pk, MailKind.OFFER))
        else:
            candidate.status = Status.CONFIRMED
            candidate.seated_at = now
            candidate.save(update_fields=["status", "seated_at"])
            mails.append((candidate.pk, MailKind.SEAT_FREED))
        logger.info("Aanmelding %s moved up from the waiting list", candidate.pk)
    return mails


def _send(mails):
    for aanmelding_id, kind in mails:
        tasks.send_aanmelding_mail.enqueue(aanmelding_id, str(kind))


# Signed links -----------------------------------------------------------------------------------


def read_token(token, max_age=None, signer=None):
    """The sign-up a token (leerkringen.tokens.make_token) names. Raises LinkInvalid, or
    LinkExpired (carrying the sign-up) when the token is genuine but older than ``max_age``.
    ``signer``: another kind of link's signer (tokens.evaluation_signer)."""
    signer = signer or tokens.signer()
    expired = False
    try:
        value = signer.unsign(token, max_age=max_age)
    except signing.SignatureExpired:
        value = signer.unsign(token)
        expired = True
    except signing.BadSignature:
        raise LinkInvalid() from None
    pk, _sep, secret = value.partition("-")
    if not pk.isdigit() or not secret:
        raise LinkInvalid()
    aanmelding = (
        Aanmelding.objects.filter(pk=int(pk), anonymised_at__isnull=True)
        .select_related("activity")
        .first()
    )
    if aanmelding is None or not constant_time_compare(aanmelding.secret, secret):
        raise LinkInvalid()
    if expired:
        raise LinkExpired(aanmelding=aanmelding)
    return aanmelding


# Sign-up lifecycle ------------------------------------------------------------------------------


class Outcome(enum.StrEnum):
    CREATED = "created"
    DUPLICATE = "duplicate"


def _mail_for_repeat(aanmelding):
    """The mail for a repeated sign-up: a fresh confirmation link while the address is not
    confirmed, else "you were already signed up" with the status and the personal links."""
    if aanmelding.status == Status.PENDING:
        return MailKind.CONFIRM_EMAIL
    return MailKind.ALREADY_SIGNED_UP


def _language(language):
    codes = [code for code, _name in settings.LANGUAGES]
    language = (language or "").split("-")[0].lower()
    return language if language in codes else settings.LANGUAGE_CODE


def request_signup(activity, data, language, now=None):
    """Sign someone up (pending until they confirm their e-mail address) and send the link.

    ``data``: name, email, and optionally organisation, gemeente (a Gemeente), role.
    Returns (aanmelding, Outcome). With an active sign-up for the same address no second one is
    made and Outcome.DUPLICATE is returned; the person gets a fresh confirmation link (not yet
    confirmed) or the "you were already signed up" mail with their status, at most
    ``LEERKRINGEN_REPEAT_MAILS_PER_ADDRESS`` such mails an hour (leerkringen.limits).
    Raises RegistrationClosed.
    """
    activity = canonical(activity)
    now = now or timezone.now()
    check_registration_open(activity, now)
    email = Aanmelding.normalise_email(data["email"])
    existing = (
        Aanmelding.objects.filter(activity_id=activity.pk, email=email)
        .active()
        .not_anonymised()
        .first()
    )
    if existing is None:
        try:
            with transaction.atomic():
                aanmelding = Aanmelding.objects.create(
                    activity_id=activity.pk,
                    name=data["name"].strip(),
                    email=email,
                    organisation=(data.get("organisation") or "").strip(),
                    gemeente=data.get("gemeente"),
                    role=(data.get("role") or "").strip(),
                    language=_language(language),
                    created_at=now,
                    consent_at=now,
                )
        except IntegrityError:
            # The same address was signed up at the same moment by another request.
            existing = (
                Aanmelding.objects.filter(activity_id=activity.pk, email=email)
                .active()
                .not_anonymised()
                .first()
            )
            if existing is None:
                raise
        else:
            logger.info("Aanmelding %s created for activity %s", aanmelding.pk, activity.pk)
            _send([(aanmelding.pk, MailKind.CONFIRM_EMAIL)])
            return aanmelding, Outcome.CREATED
    logger.info("Repeated sign-up recognised as aanmelding %s", existing.pk)
    if limits.allow(limits.REPEAT_MAIL, email):
        _send([(existing.pk, _mail_for_repeat(existing))])
    else:
        logger.info("No mail for the repeated sign-up of aanmelding %s: hourly limit", existing.pk)
    return existing, Outcome.DUPLICATE


def confirm(aanmelding, now=None):
    """The person confirmed their e-mail address: give them a seat if there is one for them
    (capacity and their municipality's cap), else put them on the waiting list.

    Idempotent: a sign-up that is already confirmed, waiting or offered is returned unchanged.
    Raises SignupNotActive (cancelled or expired) or RegistrationClosed (activity begun).
    """
    now = now or timezone.now()
    with transaction.atomic():
        activity = _lock_activity(aanmelding.activity_id)
        current = Aanmelding.objects.get(pk=aanmelding.pk)
        if current.status in (Status.CONFIRMED, Status.WAITLISTED, Status.OFFERED):
            return current
        if current.status != Status.PENDING:
            raise SignupNotActive(aanmelding=current)
        if activity.first_starts_at and now >= activity.first_starts_at:
            raise RegistrationClosed(_STATE_MESSAGES[RegistrationState.STARTED])
        seats = _Seats(activity)
        # Anyone already waiting goes first (capacity may have been raised meanwhile).
        mails = _fill_free_seats(activity, seats, now)
        current.confirmed_at = now
        if seats.has_seat_for(current):
            seats.take(current)
            current.status = Status.CONFIRMED
            current.seated_at = now
            mails.append((current.pk, MailKind.SEAT_CONFIRMED))
        else:
            current.status = Status.WAITLISTED
            mails.append((current.pk, MailKind.WAITLISTED))
        current.save(update_fields=["status", "confirmed_at", "seated_at"])
    logger.info("Aanmelding %s confirmed: %s", current.pk, current.status)
    _send(mails)
    return current


def cancel(aanmelding, now=None, *, by_staff=False):
    """Cancel a sign-up; a freed seat goes to the waiting list.

    People may withdraw a sign-up without a seat at any time; a seat (confirmed or offered) can
    be given back until the cancellation deadline (default: the start of the first meeting).
    Staff (``by_staff``) are not bound by the deadline. Idempotent for cancelled sign-ups.
    Raises CancellationDeadlinePassed.
    """
    now = now or timezone.now()
    with transaction.atomic():
        activity = _lock_activity(aanmelding.activity_id)
        current = Aanmelding.objects.get(pk=aanmelding.pk)
        if current.status in (Status.CANCELLED, Status.EXPIRED):
            return current
        had_seat = current.holds_seat
        if had_seat and not by_staff:
            deadline = activity.effective_cancellation_deadline
            if deadline and now >= deadline:
                raise CancellationDeadlinePassed(when=deadline, aanmelding=current)
        current.status = Status.CANCELLED
        current.cancelled_at = now
        current.offer_expires_at = None
        current.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
        mails = [(current.pk, MailKind.CANCELLED)]
        if had_seat:
            mails += _fill_free_seats(activity, _Seats(activity), now)
    logger.info("Aanmelding %s cancelled", current.pk)
    _send(mails)
    return current


def promote_waitlist(activity, now=None):
    """Fill free seats from the waiting list (after a cancellation, or when an editor raised the
    capacity). Returns the ids of the sign-ups that moved up."""
    now = now or timezone.now()
    activity = canonical(activity)
    with transaction.atomic():
        locked = _lock_activity(activity.pk)
        mails = _fill_free_seats(locked, _Seats(locked), now)
    _send(mails)
    return [aanmelding_id for aanmelding_id, _kind in mails]


def accept_offer(aanmelding, now=None):
    """Take the seat offered from the waiting list. Idempotent once confirmed.

    Raises OfferExpired (and passes the seat on) after ``offer_expires_at``, SignupNotActive for a
    cancelled sign-up.
    """
    now = now or timezone.now()
    expired = False
    with transaction.atomic():
        activity = _lock_activity(aanmelding.activity_id)
        current = Aanmelding.objects.get(pk=aanmelding.pk)
        if current.status == Status.CONFIRMED:
            return current
        if current.status == Status.EXPIRED:
            raise OfferExpired(aanmelding=current)
        if current.status != Status.OFFERED:
            raise SignupNotActive(aanmelding=current)
        if current.offer_expires_at and now >= current.offer_expires_at:
            mails = _expire_offer(activity, current, now)
            expired = True
        else:
            current.status = Status.CONFIRMED
            current.seated_at = now
            current.offer_expires_at = None
            current.save(update_fields=["status", "seated_at", "offer_expires_at"])
            mails = [(current.pk, MailKind.SEAT_CONFIRMED)]
    _send(mails)
    if expired:
        raise OfferExpired(aanmelding=current)
    logger.info("Aanmelding %s accepted the offered seat", current.pk)
    return current


def _expire_offer(activity, aanmelding, now):
    aanmelding.status = Status.EXPIRED
    aanmelding.save(update_fields=["status"])
    logger.info("Offer to aanmelding %s expired", aanmelding.pk)
    return [
        (aanmelding.pk, MailKind.OFFER_EXPIRED),
        *_fill_free_seats(activity, _Seats(activity), now),
    ]


def expire_offers(now=None):
    """Expire offers not accepted in time and pass their seats on; returns how many expired.
    Run by ``manage.py leerkringen_jobs`` (every 10 minutes). A late run loses nothing:
    ``accept_offer`` refuses an offer past its time by itself."""
    now = now or timezone.now()
    activity_ids = (
        Aanmelding.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
        .values_list("activity_id", flat=True)
        .distinct()
        .order_by()
    )
    expired = 0
    for activity_id in list(activity_ids):
        with transaction.atomic():
            activity = _lock_activity(activity_id)
            mails = []
            for offer in Aanmelding.objects.filter(
                activity_id=activity_id, status=Status.OFFERED, offer_expires_at__lte=now
            ).order_by("offer_expires_at", "pk"):
                mails += _expire_offer(activity, offer, now)
                expired += 1
        _send(mails)
    return expired


def waitlist_positions(activity):
    """{sign-up pk: its position on the waiting list (1, 2, ...)}: the order in which
    ``_fill_free_seats`` offers free seats (who confirmed first goes first; someone whose
    municipality has reached its maximum is passed over until a seat of theirs frees up)."""
    activity = canonical(activity)
    ids = Aanmelding.objects.filter(activity_id=activity.pk).waitlist().values_list("pk", flat=True)
    return {pk: position for position, pk in enumerate(ids, start=1)}


# Added by hand ----------------------------------------------------------------------------------


def add_participant(activity, data, reason, by, *, over_capacity=False, now=None):
    """An organiser adds someone by hand (``data`` as for ``request_signup``, plus ``language``),
    with a ``reason``; recorded with who added them (``by``) and why.

    No double opt-in: the organiser vouches for the address, and the person gets the mail of
    their status with the links to see or cancel their sign-up. Under the same lock as
    ``confirm``: a seat when there is one for them (capacity and their municipality's maximum),
    else the waiting list at its end; ``over_capacity`` seats them regardless. The registration
    window does not apply. Raises AlreadySignedUp for an address with an active sign-up.
    """
    activity = canonical(activity)
    now = now or timezone.now()
    email = Aanmelding.normalise_email(data["email"])
    with transaction.atomic():
        locked = _lock_activity(activity.pk)
        active = Aanmelding.objects.filter(activity_id=locked.pk, email=email).active()
        if active.not_anonymised().exists():
            raise AlreadySignedUp()
        seats = _Seats(locked)
        mails = _fill_free_seats(locked, seats, now)
        aanmelding = Aanmelding(
            activity_id=locked.pk,
            name=data["name"].strip(),
            email=email,
            organisation=(data.get("organisation") or "").strip(),
            gemeente=data.get("gemeente"),
            role=(data.get("role") or "").strip(),
            language=_language(data.get("language")),
            created_at=now,
            confirmed_at=now,
            added_by=by,
            added_reason=reason.strip(),
        )
        if over_capacity or seats.has_seat_for(aanmelding):
            seats.take(aanmelding)
            aanmelding.status = Status.CONFIRMED
            aanmelding.seated_at = now
            kind = MailKind.SEAT_CONFIRMED
        else:
            aanmelding.status = Status.WAITLISTED
            kind = MailKind.WAITLISTED
        try:
            with transaction.atomic():
                aanmelding.save()
        except IntegrityError:
            # The same address signed up through the website at this moment.
            raise AlreadySignedUp() from None
        mails.append((aanmelding.pk, kind))
    logger.info("Aanmelding %s added by hand: %s", aanmelding.pk, aanmelding.status)
    _send(mails)
    return aanmelding


# Attendance -------------------------------------------------------------------------------------


def attendance_list(activity, meeting):
    """Whom the attendance form of ``meeting`` lists: everyone with a seat, and anyone whose
    attendance at it was recorded before (someone who cancelled afterwards stays on it)."""
    activity = canonical(activity)
    return (
        Aanmelding.objects.filter(activity_id=activity.pk)
        .filter(Q(status=Status.CONFIRMED) | Q(aanwezigheden__bijeenkomst=meeting))
        .distinct()
        .order_by("name", "pk")
    )


def record_attendance(activity, meeting, present_ids, by=None, now=None):
    """Record who was present at ``meeting``: everyone on ``attendance_list`` gets a row, present
    when their pk is in ``present_ids``. Also keeps each sign-up's overall ``attended`` (present
    at one recorded meeting or more; absent when recorded and never present), which decides who
    gets the materials e-mail. Returns (present, listed) counts."""
    now = now or timezone.now()
    present_ids = {int(pk) for pk in present_ids}
    with transaction.atomic():
        listed = list(attendance_list(activity, meeting).values_list("pk", flat=True))
        for pk in listed:
            Aanwezigheid.objects.update_or_create(
                aanmelding_id=pk,
                bijeenkomst=meeting,
                defaults={"present": pk in present_ids, "recorded_at": now, "recorded_by": by},
            )
        rows = Aanwezigheid.objects.filter(aanmelding_id__in=listed)
        ever_present = set(rows.filter(present=True).values_list("aanmelding_id", flat=True))
        Aanmelding.objects.filter(pk__in=ever_present).update(attended=True)
        Aanmelding.objects.filter(pk__in=set(listed) - ever_present).update(attended=False)
    logger.info("Attendance of meeting %s recorded", meeting.pk)
    return len(present_ids & set(listed)), len(listed)


@dataclass(frozen=True)
class Attendance:
    """An activity's recorded attendance: ``recorded`` the meetings recorded (in date order),
    ``present`` {sign-up pk: meetings present at}, ``counted`` the sign-ups the average is over
    (with a seat, or recorded at a meeting)."""

    recorded: list
    present: dict
    counted: set

    @property
    def held(self):
        return len(self.recorded)

    def rate(self, aanmelding_id):
        """Meetings present at / meetings held (recorded), or None before any is recorded."""
        if not self.held:
            return None
        return self.present.get(aanmelding_id, 0) / self.held

    @property
    def average(self):
        if not self.held or not self.counted:
            return None
        return sum(self.rate(pk) for pk in self.counted) / len(self.counted)


def attendance(activity):
    """The recorded attendance of an activity (two queries)."""
    activity = canonical(activity).specific
    rows = list(
        Aanwezigheid.objects.filter(aanmelding__activity_id=activity.pk).values_list(
            "aanmelding_id", "bijeenkomst_id", "present"
        )
    )
    recorded_ids = {meeting_id for _pk, meeting_id, _present in rows}
    recorded = [m for m in activity.meetings() if m.pk in recorded_ids]
    present = {}
    for pk, _meeting_id, was_present in rows:
        present[pk] = present.get(pk, 0) + (1 if was_present else 0)
    seated = Aanmelding.objects.filter(activity_id=activity.pk, status=Status.CONFIRMED)
    counted = set(seated.values_list("pk", flat=True)) | {pk for pk, _m, _p in rows}
    return Attendance(recorded=recorded, present=present, counted=counted)


# Messages to participants -----------------------------------------------------------------------


def message_recipients(activity, audience, meeting=None):
    """The sign-ups a message to ``audience`` (BerichtAudience) goes to: never someone who has
    not confirmed their address, cancelled (for every audience but "present") or was anonymised.
    ``meeting`` narrows "present" to one meeting (None: present at any)."""
    activity = canonical(activity)
    people = Aanmelding.objects.filter(activity_id=activity.pk).not_anonymised()
    audience = BerichtAudience(audience)
    if audience == BerichtAudience.ALL:
        return people.filter(status__in=[*SEAT_STATUSES, Status.WAITLISTED])
    if audience == BerichtAudience.CONFIRMED:
        return people.filter(status=Status.CONFIRMED)
    if audience == BerichtAudience.WAITLIST:
        return people.waitlist()
    present = Aanwezigheid.objects.filter(present=True)
    if meeting is not None:
        present = present.filter(bijeenkomst=meeting)
    return people.filter(pk__in=present.values("aanmelding_id"))


def send_message(activity, audience, subject, body, by, meeting=None, now=None):
    """Keep an organiser's message on the activity and queue one e-mail per recipient (nobody
    sees another's address). Returns the Bericht."""
    activity = canonical(activity)
    if audience != BerichtAudience.PRESENT:
        meeting = None
    recipients = list(message_recipients(activity, audience, meeting).values_list("pk", flat=True))
    bericht = Bericht.objects.create(
        activity_id=activity.pk,
        audience=audience,
        bijeenkomst=meeting,
        subject=subject.strip(),
        body=body.strip(),
        recipient_count=len(recipients),
        sent_by=by,
        sent_at=now or timezone.now(),
    )
    logger.info("Message %s queued for %s sign-ups", bericht.pk, len(recipients))
    for aanmelding_id in recipients:
        tasks.send_bericht_mail.enqueue(bericht.pk, aanmelding_id)
    return bericht
