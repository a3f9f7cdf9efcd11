"""Adding a participant by hand in the admin, with a reason: seated when there is a seat, on the
waiting list when there is none unless the organiser seats them over capacity; recorded who
added them and why; the person gets the mail of their status. Through the admin URLs, with the
admin's language set explicitly."""

import pytest
from django.core import mail

from gezondin.roles import NATIONAL_GROUP_NAME
from leerkringen.models import Aanmelding
from tests.leerkringen.conftest import soup, text_of
from tests.leerkringen.factories import join, make_activity, make_admin_user, make_circle
from tests.shared import shared_fixture

# The facilitator and the circle with its sign-up are built once for the module
# (tests/shared.py); every test sees them, also the ones that do not ask for them.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("circle")]

Status = Aanmelding.Status


@shared_fixture
def facilitator(db):
    return make_admin_user("begeleider", group_name="Begeleiders")


@shared_fixture
def circle(agenda, facilitator):
    circle = make_circle(agenda, title="Leerkring Hand", capacity=2, facilitator=facilitator)
    join(circle, 1)
    mail.outbox.clear()
    return circle


def url(activity, suffix=""):
    return f"/admin/aanmeldingen/{activity.pk}/{suffix}"


def person(**overrides):
    data = {
        "name": "Fatima El Amrani",
        "email": "F.ElAmrani@ggd.example",
        "organisation": "GGD Hollands Noorden",
        "gemeente": "GM0344",
        "role": "Gezondheidsmakelaar",
        "language": "nl",
        "reason": "Aangemeld per telefoon",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_facilitator_adds_someone_with_a_reason_after_sign_up_closed(client, circle, facilitator):
    client.force_login(facilitator)
    form = client.get(url(circle, "toevoegen/"))
    assert form.status_code == 200
    assert "Reden" in text_of(form)
    response = client.post(url(circle, "toevoegen/"), person())
    assert response.status_code == 302 and response["Location"] == url(circle)
    added = Aanmelding.objects.get(email="f.elamrani@ggd.example")
    assert added.status == Status.CONFIRMED
    assert added.added_by == facilitator and added.added_reason == "Aangemeld per telefoon"
    assert added.gemeente.cbs_code == "GM0344" and added.confirmed_at is not None
    assert [m.to for m in mail.outbox] == [["f.elamrani@ggd.example"]]
    assert "U bent aangemeld" in mail.outbox[0].subject
    listing = text_of(client.get(url(circle)))
    assert f"Aanmelding {added.pk} toegevoegd: Geplaatst." in listing
    assert "Met de hand toegevoegd door begeleider: Aangemeld per telefoon" in listing


def test_when_full_the_waiting_list_unless_seated_over_capacity(client, circle, facilitator):
    join(circle, 2)  # the second and last seat
    client.force_login(facilitator)
    client.post(url(circle, "toevoegen/"), person(email="wacht@example.org"))
    assert Aanmelding.objects.get(email="wacht@example.org").status == Status.WAITLISTED
    assert "Op de wachtlijst, plaats 1" in text_of(client.get(url(circle)))

    client.post(url(circle, "toevoegen/"), person(email="extra@example.org", over_capacity="on"))
    extra = Aanmelding.objects.get(email="extra@example.org")
    assert extra.status == Status.CONFIRMED
    assert Aanmelding.objects.filter(activity=circle, status=Status.CONFIRMED).count() == 3


def test_the_reason_is_required_and_nothing_typed_is_lost(client, circle, facilitator):
    client.force_login(facilitator)
    response = client.post(url(circle, "toevoegen/"), person(reason="   "))
    assert response.status_code == 200
    assert "Vul de reden in." in text_of(response)
    html = soup(response)
    assert html.select_one('input[name="name"]')["value"] == "Fatima El Amrani"
    assert html.select_one('input[name="organisation"]')["value"] == "GGD Hollands Noorden"
    assert not Aanmelding.objects.filter(email="f.elamrani@ggd.example").exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "Met dit e-mailadres is al aangemeld."),
        ("en", "Someone has already signed up with this email address."),
    ],
)
def test_an_address_already_signed_up_is_refused_in_the_admins_language(
    client, circle, language, message
):
    editor = make_admin_user("redacteur", group_name=NATIONAL_GROUP_NAME, language=language)
    client.force_login(editor)
    response = client.post(url(circle, "toevoegen/"), person(email="Deelnemer1@example.org"))
    assert response.status_code == 200
    assert message in text_of(response)
    assert Aanmelding.objects.filter(activity=circle).count() == 1
    assert not mail.outbox


def test_only_the_circles_facilitators_add_participants(client, agenda, circle):
    other = make_admin_user("ander", group_name="Begeleiders")
    make_activity(agenda, title="Andere kring", slug="andere-kring").facilitators.add(other)
    client.force_login(other)
    response = client.post(url(circle, "toevoegen/"), person())
    assert response.status_code in (302, 403) and response.get("Location") != url(circle)
    assert not Aanmelding.objects.filter(email="f.elamrani@ggd.example").exists()
