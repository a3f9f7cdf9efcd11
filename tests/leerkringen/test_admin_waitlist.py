"""The waiting list in the admin's sign-up list: positions 1, 2, ... in the order seats are
given (who confirmed first), the same order the services seat from; and the activity's title in
the header of the sign-up views. Through the admin URLs, with the admin in Dutch."""

import datetime

import pytest
from django.utils import timezone

from gezondin.roles import NATIONAL_GROUP_NAME
from leerkringen import services
from leerkringen.models import Aanmelding
from tests.leerkringen.conftest import soup
from tests.leerkringen.factories import make_activity, make_admin_user
from tests.shared import shared_fixture

# The editor and the full activity with its sign-ups are built once for the module
# (tests/shared.py); every test sees them, also the ones that do not ask for them.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("editor", "full")]

Status = Aanmelding.Status


@shared_fixture
def editor(db):
    return make_admin_user("redacteur", group_name=NATIONAL_GROUP_NAME)


@shared_fixture
def full(agenda):
    """One seat; four people confirm one after the other (number 1 first), but the sign-ups
    were made in the opposite order, so confirming, not signing up, decides the order."""
    activity = make_activity(agenda, title="Leerkring Vol", capacity=1)
    base = timezone.now() - datetime.timedelta(hours=10)
    pending = {}
    for n in (4, 3, 2, 1):
        data = {"name": f"Deelnemer {n}", "email": f"deelnemer{n}@example.org"}
        pending[n], _outcome = services.request_signup(activity, data, "nl", now=base)
    for n in (1, 2, 3, 4):
        services.confirm(pending[n], now=base + datetime.timedelta(minutes=n))
    return activity


def url(activity, suffix=""):
    return f"/admin/aanmeldingen/{activity.pk}/{suffix}"


def waiting_rows(client, activity, query="?status=waitlisted"):
    html = soup(client.get(url(activity) + query))
    return [
        (row.select("td")[1].get_text(strip=True), " ".join(row.select("td")[4].get_text().split()))
        for row in html.select("table.listing tbody tr")
        if "wachtlijst" in row.get_text()
    ]


def test_the_waiting_list_in_order_with_positions(client, editor, full):
    client.force_login(editor)
    assert waiting_rows(client, full) == [
        ("deelnemer2@example.org", "Op de wachtlijst, plaats 1"),
        ("deelnemer3@example.org", "Op de wachtlijst, plaats 2"),
        ("deelnemer4@example.org", "Op de wachtlijst, plaats 3"),
    ]
    # The unfiltered list shows the same positions.
    assert sorted(waiting_rows(client, full, "")) == waiting_rows(client, full)


def test_position_1_is_who_the_services_seat_next(client, editor, full):
    client.force_login(editor)
    seated = Aanmelding.objects.get(activity=full, status=Status.CONFIRMED)
    client.post(url(full, "actie/"), {"action": "cancel", "aanmelding": seated.pk})
    assert Aanmelding.objects.get(email="deelnemer2@example.org").status == Status.CONFIRMED
    assert waiting_rows(client, full) == [
        ("deelnemer3@example.org", "Op de wachtlijst, plaats 1"),
        ("deelnemer4@example.org", "Op de wachtlijst, plaats 2"),
    ]


def test_the_export_has_the_positions(client, editor, full):
    client.force_login(editor)
    content = client.get(url(full, "export.csv")).content.decode("utf-8-sig")
    header, *rows = [line.split(";") for line in content.splitlines()]
    column = header.index("Plaats op de wachtlijst")
    positions = {row[2]: row[column] for row in rows}
    assert positions == {
        "deelnemer1@example.org": "",
        "deelnemer2@example.org": "1",
        "deelnemer3@example.org": "2",
        "deelnemer4@example.org": "3",
    }


def test_the_activitys_title_is_in_the_header(client, editor, full):
    client.force_login(editor)
    for suffix in ("", "toevoegen/", "bericht/"):
        html = soup(client.get(url(full, suffix)))
        crumbs = [li.get_text(strip=True) for li in html.select("[data-w-breadcrumbs] li")]
        assert "Leerkring Vol" in crumbs, suffix
        assert "Leerkring Vol" in html.select_one("h1").get_text()
        assert "Leerkring Vol" in html.title.get_text()
