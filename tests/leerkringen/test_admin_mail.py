"""Messages to the participants of an activity from the admin: to all, the seated, the waiting
list or those present (at one meeting or any), one e-mail each through the task queue, kept on
the activity with its audience, count, sender and time. Through the admin URLs, with the
admin's language set explicitly."""

import pytest
from django.core import mail

from leerkringen.models import Aanmelding
from tests.leerkringen.conftest import soup, text_of
from tests.leerkringen.factories import join, make_admin_user, make_circle
from tests.shared import shared_fixture

# The facilitator and the circle with its sign-ups are built once for the module
# (tests/shared.py); every test sees them, also the ones that do not ask for them.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("circle")]

Status = Aanmelding.Status


@shared_fixture
def facilitator(db):
    return make_admin_user("begeleider", group_name="Begeleiders")


@shared_fixture
def circle(agenda, facilitator):
    """Two seats: 1 and 2 seated (2 in English), 3 and 4 waiting, 5 pending, 6 cancelled; at
    meeting 1, 1 was present and 2 was not; at meeting 2, 2 was present."""
    circle = make_circle(agenda, title="Leerkring Post", capacity=2, facilitator=facilitator)
    people = {n: join(circle, n, language="en" if n == 2 else "nl") for n in (1, 2, 3, 4)}
    join(circle, 5, confirm=False)
    cancelled = join(circle, 6)
    Aanmelding.objects.filter(pk=cancelled.pk).update(status=Status.CANCELLED)
    first, second, _third = circle.meetings()
    base = f"/admin/aanmeldingen/{circle.pk}/aanwezigheid/"
    return circle, people, first, second, base


def url(activity, suffix=""):
    return f"/admin/aanmeldingen/{activity.pk}/{suffix}"


def send(client, activity, audience, bijeenkomst="", **extra):
    mail.outbox.clear()
    data = {
        "audience": audience,
        "bijeenkomst": bijeenkomst,
        "subject": "Verslag en vervolg",
        "body": "Beste deelnemers,\n\nHierbij het verslag.",
        **extra,
    }
    return client.post(url(activity, "bericht/"), data)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def recorded(client, circle, facilitator):
    activity, people, first, second, base = circle
    client.force_login(facilitator)
    client.post(f"{base}{first.pk}/", {"present": [people[1].pk]})
    client.post(f"{base}{second.pk}/", {"present": [people[2].pk]})
    return circle


def test_the_organiser_mails_the_waiting_list(client, recorded):
    activity, people, *_rest = recorded
    form = client.get(url(activity, "bericht/"))
    assert form.status_code == 200
    labels = text_of(form)
    assert "Wachtlijst (2)" in labels and "Geplaatst (2)" in labels
    legend = soup(form).select_one("fieldset legend")
    assert legend.get_text(strip=True) == "Aan"

    response = send(client, activity, "waitlist")
    assert response.status_code == 302 and response["Location"] == url(activity)
    assert recipients() == ["deelnemer3@example.org", "deelnemer4@example.org"]
    for message in mail.outbox:
        # One e-mail per person: nobody sees another's address.
        assert len(message.to) == 1 and not message.cc and not message.bcc
        assert message.subject == "Verslag en vervolg"
        assert "Hierbij het verslag." in message.body
        assert "/nl/aanmelding/" in message.body  # the personal link to see or cancel

    listing = client.get(url(activity))
    text = text_of(listing)
    assert "Het bericht gaat naar 2 deelnemers; ieder krijgt een eigen e-mail." in text
    row = soup(listing).select("table.listing")[-1].select("tbody tr")
    assert len(row) == 1
    cells = [" ".join(td.get_text(" ").split()) for td in row[0].select("td")]
    assert "Verslag en vervolg" in cells[1]
    assert cells[2:] == ["Wachtlijst", "2", "begeleider"]


def test_audiences_all_confirmed_and_present(client, recorded):
    activity, people, first, second, _base = recorded
    send(client, activity, "all")
    assert recipients() == [f"deelnemer{n}@example.org" for n in (1, 2, 3, 4)]
    send(client, activity, "confirmed")
    assert recipients() == ["deelnemer1@example.org", "deelnemer2@example.org"]
    send(client, activity, "present", first.pk)
    assert recipients() == ["deelnemer1@example.org"]
    send(client, activity, "present", second.pk)
    assert recipients() == ["deelnemer2@example.org"]
    send(client, activity, "present")
    assert recipients() == ["deelnemer1@example.org", "deelnemer2@example.org"]
    # The frame is in each person's language; the organiser's text as typed.
    english = next(m for m in mail.outbox if m.to == ["deelnemer2@example.org"])
    assert "/en/registration/" in english.body and "Hierbij het verslag." in english.body
    listing = text_of(client.get(url(activity)))
    assert "Aanwezig geweest (Bijeenkomst over casus 1" in listing


def test_no_message_to_an_empty_group_and_nothing_typed_is_lost(client, circle, facilitator):
    activity, *_rest = circle
    client.force_login(facilitator)
    response = send(client, activity, "present")  # no attendance recorded yet
    assert response.status_code == 200
    assert "Niemand in deze groep kan dit bericht krijgen" in text_of(response)
    assert soup(response).select_one('input[name="subject"]')["value"] == "Verslag en vervolg"
    assert not mail.outbox
    response = send(client, activity, "waitlist", subject="")
    assert "Vul het onderwerp in." in text_of(response)
    assert not mail.outbox
    assert "Nog geen berichten verstuurd." in text_of(client.get(url(activity)))


def test_anonymised_people_get_nothing_and_others_may_not_send(client, agenda, recorded):
    activity, people, *_rest = recorded
    Aanmelding.objects.filter(pk=people[3].pk).update(anonymised_at=people[3].created_at)
    send(client, activity, "waitlist")
    assert recipients() == ["deelnemer4@example.org"]
    other = make_admin_user("ander", group_name="Begeleiders")
    make_circle(agenda, title="Andere kring", facilitator=other)
    client.force_login(other)
    response = send(client, activity, "all")
    assert response.status_code in (302, 403) and response.get("Location") != url(activity)
    assert not mail.outbox
