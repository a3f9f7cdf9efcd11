"""Attendance per meeting in the admin: a facilitator records who came to each meeting that has
begun; the sign-up list shows each person's attendance rate and the average, and the exports a
column per meeting. Through the admin URLs, with the admin in Dutch."""

import csv
import io

import pytest
from openpyxl import load_workbook

from gezondin.roles import GEMEENTE_GROUP_PREFIX
from leerkringen.models import Aanmelding
from tests.leerkringen.conftest import soup, text_of
from tests.leerkringen.factories import join, make_admin_user, make_circle
from tests.shared import shared_fixture

# The facilitator and the circle with its sign-ups are built once for the module
# (tests/shared.py); every test sees them, also the ones that do not ask for them.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("circle")]


@shared_fixture
def facilitator(db):
    return make_admin_user("begeleider", group_name="Begeleiders")


@shared_fixture
def circle(agenda, facilitator):
    """Three meetings, two of them held; three people seated, one waiting, one pending."""
    circle = make_circle(agenda, title="Leerkring Drie Keer", capacity=3, facilitator=facilitator)
    people = [join(circle, n) for n in (1, 2, 3)]
    join(circle, 4)  # waiting list
    join(circle, 5, confirm=False)
    return circle, people


def url(activity, suffix=""):
    return f"/admin/aanmeldingen/{activity.pk}/{suffix}"


def attendance_url(activity, position):
    meeting = activity.meetings()[position - 1]
    return url(activity, f"aanwezigheid/{meeting.pk}/")


def record(client, activity, position, people):
    return client.post(attendance_url(activity, position), {"present": [a.pk for a in people]})


def test_a_facilitator_records_attendance_for_meeting_2_of_3(client, circle, facilitator):
    activity, (p1, p2, p3) = circle
    client.force_login(facilitator)
    listing = client.get(url(activity))
    assert "Aanwezigheid bij bijeenkomst 2 vastleggen" in text_of(listing)

    form = client.get(attendance_url(activity, 2))
    assert form.status_code == 200
    html = soup(form)
    boxes = html.select('input[type="checkbox"][name="present"]')
    # Everyone with a seat, each with a label; not the waiting list or the pending sign-up.
    assert sorted(int(box["value"]) for box in boxes) == sorted(a.pk for a in (p1, p2, p3))
    for box in boxes:
        assert html.select_one(f'label[for="{box["id"]}"]').get_text(strip=True)
    assert "Aanwezig bij bijeenkomst 2" in text_of(form)

    response = record(client, activity, 2, [p1, p3])
    assert response.status_code == 302 and response["Location"] == url(activity)
    listing = client.get(url(activity))
    text = text_of(listing)
    assert "Aanwezigheid bij bijeenkomst 2 opgeslagen: 2 van 3 aanwezig." in text
    assert "2 van 3 aanwezig" in text and "Aanwezigheid bij bijeenkomst 2 wijzigen" in text
    assert "Aanwezigheid bij bijeenkomst 1 vastleggen" in text  # meeting 1 not recorded yet

    # Reopening the form shows what was recorded.
    html = soup(client.get(attendance_url(activity, 2)))
    checked = {int(box["value"]) for box in html.select('input[name="present"][checked]')}
    assert checked == {p1.pk, p3.pk}


def test_attendance_rates_per_person_and_the_average(client, circle, facilitator):
    activity, (p1, p2, p3) = circle
    client.force_login(facilitator)
    record(client, activity, 1, [p1, p2])
    record(client, activity, 2, [p1])
    html = soup(client.get(url(activity)))
    rows = {
        row.select("td")[1].get_text(strip=True): row.select("td")[5].get_text(strip=True)
        for row in html.select("table.listing tbody tr")
        if len(row.select("td")) > 5
    }
    assert rows["deelnemer1@example.org"] == "2 van 2 (100%)"
    assert rows["deelnemer2@example.org"] == "1 van 2 (50%)"
    assert rows["deelnemer3@example.org"] == "0 van 2 (0%)"
    assert rows["deelnemer4@example.org"] == "–"  # waiting: not counted
    text = " ".join(html.get_text(" ").split())
    assert "Gemiddelde aanwezigheid: 50% over 2 gehouden bijeenkomsten." in text
    # Never present at a recorded meeting counts as absent (no materials e-mail).
    assert Aanmelding.objects.get(pk=p3.pk).attended is False
    assert Aanmelding.objects.get(pk=p2.pk).attended is True


def test_a_meeting_that_has_not_begun_cannot_be_recorded(client, circle, facilitator):
    activity, (p1, _p2, _p3) = circle
    client.force_login(facilitator)
    assert "nog niet begonnen" in text_of(client.get(url(activity)))
    form = client.get(attendance_url(activity, 3))
    assert form.status_code == 200
    assert "nog niet begonnen" in text_of(form)
    assert not soup(form).select('input[name="present"]')
    response = record(client, activity, 3, [p1])
    assert response.status_code == 302
    assert not Aanmelding.objects.get(pk=p1.pk).aanwezigheden.exists()
    assert "nog niet begonnen" in text_of(client.get(url(activity)))


def test_only_the_circles_facilitators_and_national_editors_record_attendance(
    client, agenda, circle
):
    activity, (p1, _p2, _p3) = circle
    other = make_admin_user("ander", group_name="Begeleiders")
    make_circle(agenda, title="Andere kring", facilitator=other)
    municipal = make_admin_user("utrecht", group_name=f"{GEMEENTE_GROUP_PREFIX}Utrecht")
    for user in (other, municipal):
        client.force_login(user)
        form = client.get(attendance_url(activity, 1))
        assert form.status_code in (302, 403) and b"deelnemer" not in form.content
        record(client, activity, 1, [p1])
        assert not Aanmelding.objects.get(pk=p1.pk).aanwezigheden.exists()
    client.force_login(make_admin_user("super", is_superuser=True))
    assert record(client, activity, 1, [p1]).status_code == 302
    assert Aanmelding.objects.get(pk=p1.pk).aanwezigheden.get().present is True


def test_a_meeting_of_another_activity_is_not_found(client, agenda, circle, facilitator):
    activity, _people = circle
    elsewhere = make_circle(agenda, title="Elders", facilitator=facilitator)
    meeting = elsewhere.meetings()[0]
    client.force_login(facilitator)
    response = client.get(url(activity, f"aanwezigheid/{meeting.pk}/"), follow=True)
    assert response.status_code == 404


def test_exports_have_a_column_per_meeting(client, circle, facilitator):
    activity, (p1, p2, _p3) = circle
    Aanmelding.objects.filter(pk=p2.pk).update(name="=HYPERLINK(1)")
    client.force_login(facilitator)
    record(client, activity, 1, [p1, p2])
    record(client, activity, 2, [p1])

    response = client.get(url(activity, "export.csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    meeting_columns = [i for i, name in enumerate(header) if name.startswith("Bijeenkomst ")]
    assert len(meeting_columns) == 3
    by_email = {row[header.index("E-mailadres")]: row for row in rows[1:]}
    assert [by_email["deelnemer1@example.org"][i] for i in meeting_columns] == ["ja", "ja", ""]
    assert [by_email["deelnemer2@example.org"][i] for i in meeting_columns] == ["ja", "nee", ""]
    assert by_email["deelnemer2@example.org"][header.index("Naam")] == "'=HYPERLINK(1)"
    assert by_email["deelnemer1@example.org"][header.index("Aanwezigheid (bijeenkomsten)")] == (
        "2 van 2"
    )

    sheet = load_workbook(io.BytesIO(client.get(url(activity, "export.xlsx")).content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert [h for h in values[0] if str(h).startswith("Bijeenkomst ")] == [
        header[i] for i in meeting_columns
    ]
    names = [row[values[0].index("Naam")] for row in values[1:]]
    assert "'=HYPERLINK(1)" in names
