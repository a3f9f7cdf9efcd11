"""Forgetting people on time: anonymising sign-ups after the retention period.

Time is injected (``now``) rather than frozen: the activities are in the near future, and the
retention rules are applied as if it were months later. The activity that is over, with its
sign-ups, is built once for the module (tests/shared.py); the tests whose activities are their
own (pending sign-ups, withdrawn sign-ups, expired offers, reminders) are in
test_retention_sign_ups.py, where those sign-ups are not in the way.
"""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from leerkringen import retention, services, tokens
from leerkringen.emails import send
from leerkringen.mailkinds import MailKind
from leerkringen.models import Aanmelding
from tests.leerkringen.conftest import signed_up, text_of
from tests.leerkringen.factories import make_activity
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("past")]

Status = Aanmelding.Status
PERSONAL = ("name", "email", "organisation", "role", "gemeente_id", "secret")


@shared_fixture
def past(agenda):
    """An activity with 2 seats: 2 confirmed (one attended), 1 waiting, 1 cancelled, and one
    pending sign-up that was never confirmed."""
    activity = make_activity(agenda, capacity=2, title="Afgelopen leerkring")
    first = signed_up(activity, 1)
    signed_up(activity, 2)
    signed_up(activity, 3)
    services.cancel(signed_up(activity, 4), by_staff=True)
    signed_up(activity, 5, confirm=False)
    Aanmelding.objects.filter(pk=first.pk).update(attended=True)
    return activity


@pytest.fixture
def later(past):
    """A moment 100 days after the activity ended."""
    return past.last_ends_at + datetime.timedelta(days=100)


def counts(activity):
    rows = Aanmelding.objects.filter(activity=activity).values_list("status", "attended")
    return sorted(rows, key=str)


def test_anonymising_keeps_counts_and_removes_personal_data(past, later):
    before = counts(past)
    result = retention.anonymise_due(now=later)

    assert result.deleted_pending == 1  # the never-confirmed one
    assert result.anonymised == 4
    assert counts(past) == [c for c in before if c[0] != Status.PENDING]
    for aanmelding in Aanmelding.objects.filter(activity=past):
        assert aanmelding.anonymised_at == later
        assert "deelnemer" not in aanmelding.name.lower()
        assert "@" not in aanmelding.email
        assert aanmelding.organisation == ""
        assert aanmelding.role == ""
        assert aanmelding.gemeente_id is None
    assert services.availability(past).taken == 2


def test_recent_activities_are_untouched(agenda, past, later):
    recent = make_activity(agenda, start=later - datetime.timedelta(days=10), title="Recent")
    kept = signed_up(recent, 9)
    stored = {f: getattr(kept, f) for f in PERSONAL}

    retention.anonymise_due(now=later)

    kept.refresh_from_db()
    assert {f: getattr(kept, f) for f in PERSONAL} == stored
    assert kept.anonymised_at is None


def test_the_retention_period_is_configurable(past, settings):
    settings.LEERKRINGEN_RETENTION_DAYS = 200
    later = past.last_ends_at + datetime.timedelta(days=100)
    assert retention.anonymise_due(now=later).anonymised == 1  # only the withdrawn one
    assert retention.anonymise_due(now=later, days=30).anonymised == 3  # the other three


def test_a_second_run_does_nothing(past, later):
    retention.anonymise_due(now=later)
    snapshot = list(Aanmelding.objects.order_by("pk").values())

    result = retention.anonymise_due(now=later + datetime.timedelta(days=1))

    assert result == retention.RetentionResult(anonymised=0, deleted_pending=0)
    assert list(Aanmelding.objects.order_by("pk").values()) == snapshot


def test_dry_run_writes_nothing(past, later):
    snapshot = list(Aanmelding.objects.order_by("pk").values())
    result = retention.anonymise_due(now=later, dry_run=True)
    assert result == retention.RetentionResult(anonymised=4, deleted_pending=1)
    assert list(Aanmelding.objects.order_by("pk").values()) == snapshot


def test_the_link_of_an_anonymised_sign_up_no_longer_works(client, past, later):
    aanmelding = Aanmelding.objects.filter(activity=past, status=Status.CONFIRMED).first()
    token = tokens.make_token(aanmelding)
    assert client.get(f"/nl/aanmelding/{token}/").status_code == 200

    retention.anonymise_due(now=later)

    response = client.get(f"/nl/aanmelding/{token}/")
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in text_of(response)
    assert "deelnemer" not in response.content.decode().lower()


def test_no_mail_reaches_an_anonymised_sign_up(past, later):
    retention.anonymise_due(now=later)
    mail.outbox.clear()
    for aanmelding in Aanmelding.objects.filter(activity=past):
        assert send(aanmelding.pk, MailKind.CANCELLED) is False
    assert mail.outbox == []


def test_the_command_prints_counts_only(past, settings):
    settings.LEERKRINGEN_RETENTION_DAYS = 0
    # The activity is in the future, so nothing is due yet except nothing pending-and-stale.
    out = StringIO()
    call_command("anonymise_aanmeldingen", "--dry-run", stdout=out)
    assert "Would anonymise 0" in out.getvalue()

    month_ago = timezone.now() - datetime.timedelta(days=30)
    Aanmelding.objects.update(created_at=month_ago, confirm_sent_at=month_ago)
    past.bijeenkomsten.update(
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2, hours=-3),
    )
    past.save()  # recomputes last_ends_at

    out = StringIO()
    call_command("anonymise_aanmeldingen", "--dry-run", "--days", "1", stdout=out)
    assert "Would anonymise 4" in out.getvalue()
    assert "delete 1" in out.getvalue()
    assert Aanmelding.objects.filter(anonymised_at__isnull=False).count() == 0

    out = StringIO()
    call_command("anonymise_aanmeldingen", "--days", "1", stdout=out)
    text = out.getvalue()
    assert "Anonymised 4" in text and "deleted 1" in text
    assert "deelnemer" not in text.lower() and "@" not in text
    out = StringIO()
    call_command("anonymise_aanmeldingen", "--days", "1", stdout=out)
    assert "Anonymised 0" in out.getvalue()
