"""Sign-ups in the Wagtail admin: who sees what, the manual actions, the exports and the
dashboard panel, tested through the admin URLs. The users and two circles with their sign-ups
are built once for the module (tests/shared.py)."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from openpyxl import load_workbook

from gezondin.roles import GEMEENTE_GROUP_PREFIX, NATIONAL_GROUP_NAME
from leerkringen import services
from leerkringen.models import Aanmelding
from tests.leerkringen.factories import make_activity
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("users", "circles")]

Status = Aanmelding.Status


def admin_user(django_user_model, username, group_name=None, **extra):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw", **extra)
    if group_name:
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
    return user


def sign_up(activity, n, confirm=True):
    data = {"name": f"Deelnemer {n}", "email": f"deelnemer{n}@example.org", "organisation": "X"}
    aanmelding, _outcome = services.request_signup(activity, data, "nl")
    return services.confirm(aanmelding) if confirm else aanmelding


@shared_fixture
def users(db):
    django_user_model = get_user_model()
    return {
        "super": admin_user(django_user_model, "super", is_superuser=True),
        "national": admin_user(django_user_model, "redacteur", NATIONAL_GROUP_NAME),
        "municipal": admin_user(django_user_model, "utrecht", f"{GEMEENTE_GROUP_PREFIX}Utrecht"),
        "fac_a": admin_user(django_user_model, "begeleider_a", "Begeleiders"),
        "fac_b": admin_user(django_user_model, "begeleider_b", "Begeleiders"),
    }


@shared_fixture
def circles(agenda, users):
    a = make_activity(agenda, title="Leerkring A", slug="kring-a", capacity=1)
    b = make_activity(agenda, title="Leerkring B", slug="kring-b", capacity=5)
    a.facilitators.add(users["fac_a"])
    a.save_revision().publish()
    b.facilitators.add(users["fac_b"])
    b.save_revision().publish()
    sign_up(a, 1)
    sign_up(a, 2)  # waiting list
    sign_up(a, 3, confirm=False)
    sign_up(b, 4)
    mail.outbox.clear()
    return {"a": a, "b": b}


def denied(response):
    """Wagtail answers PermissionDenied in the admin with a redirect to the dashboard (and a
    message), or a plain 403; either way nothing of the sign-ups is in the response."""
    assert b"deelnemer" not in response.content
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def url(activity, suffix=""):
    return f"/admin/aanmeldingen/{activity.pk}/{suffix}"


def test_national_editors_and_superusers_see_everything(client, users, circles):
    for who in ("super", "national"):
        client.force_login(users[who])
        index = client.get("/admin/aanmeldingen/")
        assert index.status_code == 200
        assert "Leerkring A" in index.content.decode() and "Leerkring B" in index.content.decode()
        for circle in circles.values():
            assert client.get(url(circle)).status_code == 200


def test_a_facilitator_sees_only_their_own_circle(client, users, circles):
    client.force_login(users["fac_a"])
    response = client.get(url(circles["a"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "deelnemer1@example.org" in html and "deelnemer4@example.org" not in html
    index = client.get("/admin/aanmeldingen/").content.decode()
    assert "Leerkring A" in index and "Leerkring B" not in index
    meeting = circles["b"].meetings()[0]
    attendance = f"aanwezigheid/{meeting.pk}/"
    for suffix in ("", "export.csv", "export.xlsx", attendance, "toevoegen/", "bericht/"):
        assert denied(client.get(url(circles["b"], suffix)))
    aanmelding = Aanmelding.objects.get(activity=circles["b"])
    assert denied(client.post(url(circles["b"], attendance), {"present": [aanmelding.pk]}))
    assert not aanmelding.aanwezigheden.exists()


def test_municipal_editors_and_others_see_no_sign_ups(client, users, circles):
    client.force_login(users["municipal"])
    assert denied(client.get("/admin/aanmeldingen/"))
    for circle in circles.values():
        for suffix in ("", "export.csv", "export.xlsx"):
            assert denied(client.get(url(circle, suffix)))
    home = client.get("/admin/").content.decode()
    assert "/admin/aanmeldingen/" not in home
    assert "deelnemer" not in home
    client.logout()
    response = client.get(url(circles["a"]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_facilitator_cannot_confirm_cancel_or_promote(client, users, circles):
    """Attendance per meeting, adding by hand and messages are the facilitator's
    (test_admin_attendance.py, test_admin_add_participant.py, test_admin_mail.py); the seat
    decisions stay with the national editors."""
    client.force_login(users["fac_a"])
    seated = Aanmelding.objects.get(activity=circles["a"], status=Status.CONFIRMED)
    pending = Aanmelding.objects.get(activity=circles["a"], status=Status.PENDING)
    for action, aanmelding in (("cancel", seated), ("confirm", pending), ("promote", seated)):
        response = client.post(
            url(circles["a"], "actie/"), {"action": action, "aanmelding": aanmelding.pk}
        )
        assert denied(response)
    assert Aanmelding.objects.get(pk=seated.pk).status == Status.CONFIRMED
    assert Aanmelding.objects.get(pk=pending.pk).status == Status.PENDING


def test_staff_actions_go_through_the_services_and_send_mails(client, users, circles):
    client.force_login(users["national"])
    a = circles["a"]
    seated = Aanmelding.objects.get(activity=a, status=Status.CONFIRMED)
    waiting = Aanmelding.objects.get(activity=a, status=Status.WAITLISTED)
    pending = Aanmelding.objects.get(activity=a, status=Status.PENDING)

    client.post(url(a, "actie/"), {"action": "cancel", "aanmelding": seated.pk})
    assert Aanmelding.objects.get(pk=seated.pk).status == Status.CANCELLED
    assert Aanmelding.objects.get(pk=waiting.pk).status == Status.CONFIRMED  # moved up
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == [seated.email, waiting.email]

    mail.outbox.clear()
    client.post(url(a, "actie/"), {"action": "confirm", "aanmelding": pending.pk})
    assert Aanmelding.objects.get(pk=pending.pk).status == Status.WAITLISTED  # full
    assert [m.to[0] for m in mail.outbox] == [pending.email]

    # Raising the capacity and promoting fills the seat.
    a.capacity = 2
    a.save_revision().publish()
    mail.outbox.clear()
    client.post(url(a, "actie/"), {"action": "promote"})
    assert Aanmelding.objects.get(pk=pending.pk).status == Status.CONFIRMED
    assert [m.to[0] for m in mail.outbox] == [pending.email]

    listing = client.get(url(a) + "?status=confirmed").content.decode()
    assert pending.email in listing and seated.email not in listing


def test_exports_hold_the_activitys_rows(client, users, circles):
    client.force_login(users["fac_a"])
    response = client.get(url(circles["a"], "export.csv"))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Nummer", "Naam", "E-mailadres"]
    assert sorted(r[2] for r in rows[1:]) == [f"deelnemer{n}@example.org" for n in (1, 2, 3)]

    response = client.get(url(circles["a"], "export.xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    emails = sorted(row[2] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert emails == [f"deelnemer{n}@example.org" for n in (1, 2, 3)]


def test_dashboard_panel_and_page_button(client, users, circles):
    client.force_login(users["fac_a"])
    home = client.get("/admin/").content.decode()
    assert "Komende activiteiten en aanmeldingen" in home
    assert "Leerkring A" in home and "Leerkring B" not in home
    assert "1 / 1" in home
    edit = client.get(f"/admin/pages/{circles['a'].pk}/edit/")
    if edit.status_code == 200:
        assert url(circles["a"]) in edit.content.decode()
    client.force_login(users["super"])
    edit = client.get(f"/admin/pages/{circles['a'].pk}/edit/").content.decode()
    assert url(circles["a"]) in edit


@pytest.mark.parametrize("where", ["/admin/aanmeldingen/", "/admin/"])
def test_seat_counts_cost_the_same_queries_for_any_number_of_activities(
    client, users, agenda, where
):
    """The sign-up index and the dashboard panel count the seats of all their activities at
    once (leerkringen.services.availabilities), not one activity at a time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(users["super"])
    sign_up(make_activity(agenda, title="Leerkring 1", slug="kring-1", capacity=3), 1)

    def queries():
        client.get(where)  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(where).status_code == 200
        return len(captured)

    one = queries()
    for n in range(2, 6):
        activity = make_activity(agenda, title=f"Leerkring {n}", slug=f"kring-{n}", capacity=3)
        sign_up(activity, n)
    assert queries() == one
