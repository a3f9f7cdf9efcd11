"""Never overbooked: many people confirming at the same moment get exactly `capacity` seats.

Runs on PostgreSQL only (row locks are what is tested); each thread has its own connection and
its own transaction, as concurrent web requests do. The test database is transactional here, so it
is restored afterwards from its serialised contents (serialized_rollback).
"""

import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.db.models import Count
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from leerkringen import services
from leerkringen.models import Aanmelding
from tests.leerkringen.factories import make_activity, make_agenda

Status = Aanmelding.Status
PEOPLE = 50
CAPACITY = 10


def confirm_all_at_once(aanmelding_ids):
    """Confirm every sign-up in its own thread, all released together. Returns the errors."""
    barrier = threading.Barrier(len(aanmelding_ids))
    errors = []

    def confirm(aanmelding_id):
        try:
            aanmelding = Aanmelding.objects.get(pk=aanmelding_id)
            barrier.wait(timeout=60)
            services.confirm(aanmelding)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(pk,)) for pk in aanmelding_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a confirmation hung"
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_simultaneous_confirmations_fill_exactly_the_capacity(require_postgres, home_page):
    page = make_activity(make_agenda(home_page), capacity=CAPACITY)
    ids = [
        Aanmelding.objects.create(
            activity_id=page.pk, name=f"Deelnemer {n}", email=f"deelnemer{n}@example.org"
        ).pk
        for n in range(PEOPLE)
    ]
    mail.outbox.clear()

    errors = confirm_all_at_once(ids)

    assert not errors, errors
    counts = dict(Aanmelding.objects.values_list("status").annotate(n=Count("pk")).order_by())
    assert counts == {Status.CONFIRMED: CAPACITY, Status.WAITLISTED: PEOPLE - CAPACITY}
    assert services.seats_left(page) == 0
    # Everyone was told which of the two it is.
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == PEOPLE
    assert sum("U bent aangemeld" in subject for subject in subjects) == CAPACITY
    # The waiting list is ordered by the moment each confirmation was decided.
    waiting = list(Aanmelding.objects.waitlist().values_list("confirmed_at", flat=True))
    assert waiting == sorted(waiting)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_confirmations_respect_the_municipality_cap(require_postgres, home_page):
    from gezondin.models import Gemeente

    utrecht = Gemeente.objects.get(cbs_code="GM0344")
    page = make_activity(make_agenda(home_page), capacity=20, max_per_gemeente=3)
    ids = [
        Aanmelding.objects.create(
            activity_id=page.pk,
            name=f"Deelnemer {n}",
            email=f"utrecht{n}@example.org",
            gemeente=utrecht,
        ).pk
        for n in range(12)
    ]

    errors = confirm_all_at_once(ids)

    assert not errors, errors
    assert Aanmelding.objects.filter(status=Status.CONFIRMED).count() == 3
    assert Aanmelding.objects.filter(status=Status.WAITLISTED).count() == 9


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("capacity", "cap", "queries", "status"),
    [
        # The lock, the sign-up, the seats taken, the update: a full activity without a
        # municipality cap reads neither the counts per municipality nor the waiting list.
        (1, None, 4, Status.WAITLISTED),
        # With a seat free, the waiting list is read first (it goes before a newcomer).
        (2, None, 5, Status.CONFIRMED),
        # With a cap, the counts per municipality too.
        (3, 2, 6, Status.CONFIRMED),
    ],
)
def test_a_confirmation_runs_few_queries_while_it_holds_the_lock(
    home_page, capacity, cap, queries, status
):
    """Concurrent confirmations of one activity queue on its row lock, so the queries each one
    runs under the lock add up (make loadtest's storm of 50). The e-mails are queued after the
    transaction, outside the lock (the dummy task backend keeps them out of the count)."""
    page = make_activity(make_agenda(home_page), capacity=capacity, max_per_gemeente=cap)
    seated = Aanmelding.objects.create(
        activity_id=page.pk, name="Eerste", email="eerste@example.org"
    )
    services.confirm(seated)
    newcomer = Aanmelding.objects.create(
        activity_id=page.pk, name="Tweede", email="tweede@example.org"
    )

    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        with CaptureQueriesContext(connection) as captured:
            services.confirm(newcomer)

    statements = [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
    assert len(statements) == queries, statements
    newcomer.refresh_from_db()
    assert newcomer.status == status
