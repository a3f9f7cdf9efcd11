"""Forgetting people on time, per sign-up: a pending sign-up whose link expired, a withdrawn
sign-up and an expired offer; and the reminders, the other scheduled job. Each test makes its own
activity under the agenda, built once for the module (tests/shared.py). Anonymising after an
activity is over: test_retention.py.
"""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from leerkringen import retention, services, tokens
from leerkringen.jobs import send_due_reminders
from leerkringen.models import Aanmelding
from tests.leerkringen.conftest import person, signed_up, text_of
from tests.leerkringen.factories import make_activity

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("agenda")]

Status = Aanmelding.Status


# Retention ------------------------------------------------------------------------------------


def test_pending_sign_ups_go_once_their_link_expired(agenda):
    activity = make_activity(agenda, capacity=5)
    pending = signed_up(activity, 1, confirm=False)
    assert retention.anonymise_due(now=timezone.now() + datetime.timedelta(days=6)) == (
        retention.RetentionResult(anonymised=0, deleted_pending=0)
    )
    result = retention.anonymise_due(now=timezone.now() + datetime.timedelta(days=8))
    assert result.deleted_pending == 1
    assert not Aanmelding.objects.filter(pk=pending.pk).exists()


def test_a_pending_sign_up_lives_until_its_latest_link_expired(agenda):
    """A repeated sign-up sends a fresh confirmation link: the 7 days count from that link, not
    from the first request."""
    activity = make_activity(agenda, capacity=5)
    pending = signed_up(activity, 1, confirm=False)
    six_days_ago = timezone.now() - datetime.timedelta(days=6)
    Aanmelding.objects.filter(pk=pending.pk).update(
        created_at=six_days_ago, confirm_sent_at=six_days_ago
    )
    mail.outbox.clear()

    again, outcome = services.request_signup(activity, person(1), "nl")  # a fresh link, now

    assert again.pk == pending.pk and outcome == services.Outcome.DUPLICATE
    assert "Bevestig uw aanmelding" in mail.outbox[-1].subject
    in_three_days = timezone.now() + datetime.timedelta(days=3)  # 9 days after the request
    assert retention.anonymise_due(now=in_three_days).deleted_pending == 0
    assert Aanmelding.objects.filter(pk=pending.pk, status=Status.PENDING).exists()
    in_eight_days = timezone.now() + datetime.timedelta(days=8)  # the fresh link expired too
    assert retention.anonymise_due(now=in_eight_days).deleted_pending == 1
    assert not Aanmelding.objects.filter(pk=pending.pk).exists()


def test_a_withdrawn_sign_up_is_anonymised_a_day_later(agenda, client):
    """Cancelling takes back the consent: the data goes a day later (time for the "you are
    cancelled" e-mail), not 90 days after the activity. An expired offer goes the same way."""
    activity = make_activity(agenda, capacity=5)
    staying = signed_up(activity, 1)
    leaving = services.cancel(signed_up(activity, 2))
    assert leaving.status == Status.CANCELLED
    token = tokens.make_token(leaving)
    assert "Afgemeld" in text_of(client.get(f"/nl/aanmelding/{token}/"))

    out = StringIO()
    call_command("leerkringen_jobs", "--only", "retention", stdout=out)
    assert "0 sign-up(s) anonymised" in out.getvalue()  # not yet: the same day

    result = retention.anonymise_due(now=timezone.now() + datetime.timedelta(days=1, minutes=1))

    assert result.anonymised == 1
    leaving.refresh_from_db()
    staying.refresh_from_db()
    assert leaving.anonymised_at is not None and "@" not in leaving.email
    assert leaving.status == Status.CANCELLED  # still counted as a cancellation
    assert staying.anonymised_at is None and staying.email == "deelnemer1@gemeente.example"
    assert client.get(f"/nl/aanmelding/{token}/").status_code == 404


def test_an_expired_offer_is_anonymised_a_day_after_it_expired(agenda, settings):
    settings.LEERKRINGEN_WAITLIST_OFFER_HOURS = 24
    activity = make_activity(agenda, capacity=1)
    first = signed_up(activity, 1)
    second = signed_up(activity, 2)
    services.cancel(first)
    expiry = timezone.now() + datetime.timedelta(hours=25)
    assert services.expire_offers(now=expiry) == 1
    second.refresh_from_db()
    assert second.status == Status.EXPIRED

    assert retention.anonymise_due(now=expiry + datetime.timedelta(hours=12)).anonymised == 1
    second.refresh_from_db()
    assert second.anonymised_at is None  # only the cancelled one so far
    assert retention.anonymise_due(now=expiry + datetime.timedelta(days=2)).anonymised == 1
    second.refresh_from_db()
    assert second.anonymised_at is not None


# Reminders (the other scheduled job) ------------------------------------------------------------


def reminders_sent():
    return [m for m in mail.outbox if "Herinnering" in m.subject or "Reminder" in m.subject]


def test_reminders_go_once_to_confirmed_people_in_their_language(agenda):
    start = timezone.now() + datetime.timedelta(days=10)
    activity = make_activity(agenda, capacity=2, meeting_count=2, start=start)
    dutch = signed_up(activity, 1)
    english, _outcome = services.request_signup(activity, person(2), "en")
    english = services.confirm(english)
    waiting = signed_up(activity, 3)
    cancelled = services.cancel(signed_up(activity, 4))
    assert waiting.status == Status.WAITLISTED
    assert cancelled.status == Status.CANCELLED

    mail.outbox.clear()
    assert send_due_reminders(now=start - datetime.timedelta(days=3)) == 0
    assert mail.outbox == []

    soon = start - datetime.timedelta(hours=47)
    assert send_due_reminders(now=soon) == 2
    sent = reminders_sent()
    assert sorted(m.to[0] for m in sent) == [dutch.email, english.email]
    by_address = {m.to[0]: m for m in sent}
    assert by_address[dutch.email].subject.startswith("Herinnering")
    assert by_address[english.email].subject.startswith("Reminder")
    assert any(a[0].endswith(".ics") for a in by_address[dutch.email].attachments)

    # Not twice, also not an hour later.
    mail.outbox.clear()
    assert send_due_reminders(now=soon) == 0
    assert send_due_reminders(now=soon + datetime.timedelta(hours=1)) == 0
    assert mail.outbox == []

    # The second meeting gets its own reminder, four weeks later.
    second = start + datetime.timedelta(days=28)
    assert send_due_reminders(now=second - datetime.timedelta(hours=24)) == 2
    assert len(reminders_sent()) == 2


def test_no_reminder_to_waiting_or_cancelled_people(agenda):
    start = timezone.now() + datetime.timedelta(hours=30)
    activity = make_activity(agenda, capacity=1, start=start)
    seated = signed_up(activity, 1)
    signed_up(activity, 2)  # waiting
    services.cancel(signed_up(activity, 3))  # waiting, then cancelled
    signed_up(activity, 4, confirm=False)  # pending
    services.cancel(seated)  # gives the seat to number 2
    mail.outbox.clear()

    out = StringIO()
    call_command("send_reminders", stdout=out)

    assert "Queued 1 reminder(s)." in out.getvalue()
    assert [m.to[0] for m in reminders_sent()] == ["deelnemer2@gemeente.example"]
    statuses = dict(Aanmelding.objects.values_list("email", "status"))
    assert statuses["deelnemer1@gemeente.example"] == Status.CANCELLED
    assert statuses["deelnemer3@gemeente.example"] == Status.CANCELLED
