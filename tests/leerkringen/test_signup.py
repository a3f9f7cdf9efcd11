"""Signing up for learning circles, webinars and study days, as people do it: through the form on
the activity page, the links in the e-mails and the pages behind them.

The tree:

    home ─ Agenda ─ activity pages (made per test)
    (English home ─ Agenda ─ translations, where a test needs them)
"""

import datetime
import json
import logging
import re

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from gezondin.models import Gemeente
from leerkringen import services, tokens
from leerkringen.models import (
    Aanmelding,
    LeerkringPage,
    StudiedagPage,
    WebinarPage,
)
from tests.caches import DEFAULT_TIMEOUT
from tests.leerkringen.conftest import (
    form_data,
    link_to,
    links_in,
    sent_url,
    sign_up,
    signup_url,
    soup,
    text_of,
)
from tests.leerkringen.factories import make_activity, publish
from tests.shared import shared_fixture

pytestmark = pytest.mark.shared_data("leerkring", "one_seat")

Status = Aanmelding.Status


# Building blocks ------------------------------------------------------------------------------


def sign_up_and_confirm(client, page, email, **overrides):
    mail.outbox.clear()
    response = sign_up(client, page, email=email, **overrides)
    assert response.status_code == 302, response.content.decode()[:2000]
    confirm = link_to(mail.outbox[-1], "bevestigen")
    response = client.get(confirm)
    assert response.status_code == 200
    return Aanmelding.objects.get(email=email.lower(), activity_id=services.canonical(page).pk)


@shared_fixture
def leerkring(agenda):
    return make_activity(agenda, capacity=10, meeting_count=4)


@shared_fixture
def one_seat(agenda):
    """An activity of one seat, for the tests of the waiting list and its offers."""
    return make_activity(agenda, title="Leerkring Een plaats", capacity=1)


@pytest.fixture
def utrecht():
    return Gemeente.objects.get(cbs_code="GM0344")


# The page and the form ------------------------------------------------------------------------


def test_activity_page_shows_meetings_seats_and_the_form(client, leerkring):
    response = client.get(leerkring.url)
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Leerkring Armoede en gezondheid"
    assert len(page.select(".lk-meeting")) == 4
    text = text_of(response)
    assert "Bijeenkomst 1: Bijeenkomst over casus 1" in text
    assert "Nog 10 plaatsen vrij (van 10)" in text
    form = page.select_one("form.lk-form")
    # A page with errors opens at the error summary (see the form error tests).
    assert form["action"] == signup_url(leerkring) + "#aanmelden-fouten"
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    for name in ["name", "email", "organisation", "role", "consent"]:
        field = form.select_one(f"[name={name}]")
        assert page.select_one(f"label[for={field['id']}]") is not None, name
    assert form.select_one("select[name=gemeente] option[value=GM0344]") is not None
    assert page.select_one("fieldset legend") is not None


def test_form_post_creates_a_pending_sign_up_and_mails_a_link(client, leerkring):
    response = sign_up(client, leerkring)

    assert response.status_code == 302
    assert response["Location"] == leerkring.url + "aanmelden/verstuurd/#main"
    assert response["Location"] == sent_url(leerkring)
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.status == Status.PENDING
    assert aanmelding.email == "sanne.de.vries@gemeente.example"  # normalised
    assert aanmelding.gemeente.cbs_code == "GM0344"
    assert aanmelding.consent_at is not None
    assert aanmelding.language == "nl"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sanne.de.vries@gemeente.example"]
    assert "Bevestig uw aanmelding" in message.subject
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    assert link_to(message, "bevestigen").startswith("/nl/aanmelding/")
    assert link_to(message, "")  # every mail carries the manage link

    sent = client.get(response["Location"])
    assert sent.status_code == 200
    assert "Kijk in uw e-mail" in text_of(sent)
    assert 'name="robots" content="noindex' in sent.content.decode()


def test_following_the_link_confirms_and_sends_the_calendar(client, leerkring):
    sign_up(client, leerkring)
    confirm = link_to(mail.outbox[0], "bevestigen")

    response = client.get(confirm)

    assert response.status_code == 200
    text = text_of(response)
    assert "Uw aanmelding is bevestigd" in text
    notice = soup(response).select_one(".lk-notice--success")
    assert notice.h2.get_text(strip=True) == "U bent geplaatst"
    # The notice goes on from its heading instead of saying it again.
    assert notice.p.get_text(strip=True) == (
        "In de e-mail die we u stuurden, staan de gegevens en een agenda-bestand."
    )
    assert response["Cache-Control"] == "no-store, private"
    assert response["Referrer-Policy"] == "same-origin"
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.status == Status.CONFIRMED
    assert aanmelding.confirmed_at and aanmelding.seated_at
    message = mail.outbox[-1]
    assert "U bent aangemeld" in message.subject
    assert link_to(message, "afmelden")
    (filename, content, mimetype) = message.attachments[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["PRODID"] and str(calendar["VERSION"]) == "2.0"
    events = calendar.walk("VEVENT")
    assert len(events) == 4
    uids = {str(event["UID"]) for event in events}
    assert len(uids) == 4
    first = leerkring.meetings()[0]
    assert events[0].decoded("DTSTART") == first.starts_at
    assert events[0].decoded("DTSTART").utcoffset() == datetime.timedelta(0)
    for event in events:
        assert event.get("DTSTAMP") and event.get("DTEND")

    # The link again: nothing changes, the page says so.
    again = client.get(confirm)
    assert "U had uw aanmelding al bevestigd" in text_of(again)
    assert Aanmelding.objects.get().status == Status.CONFIRMED
    assert len(mail.outbox) == 2


def test_a_full_activity_puts_people_on_the_waiting_list(client, one_seat):
    page = one_seat
    first = sign_up_and_confirm(client, page, "een@example.org")
    second = sign_up_and_confirm(client, page, "twee@example.org")

    assert first.status == Status.CONFIRMED
    assert second.status == Status.WAITLISTED
    assert "U staat op de wachtlijst" in mail.outbox[-1].subject
    assert not mail.outbox[-1].attachments
    text = text_of(client.get(page.url))
    assert "Vol" in text
    assert "1 persoon op de wachtlijst" in text
    assert "Aanmelden voor de wachtlijst" in text
    assert services.is_full(page) and services.seats_left(page) == 0


def test_cancelling_gives_the_seat_to_the_first_on_the_waiting_list(client, one_seat):
    page = one_seat
    first = sign_up_and_confirm(client, page, "een@example.org")
    second = sign_up_and_confirm(client, page, "twee@example.org")
    third = sign_up_and_confirm(client, page, "drie@example.org")
    assert (second.status, third.status) == (Status.WAITLISTED, Status.WAITLISTED)
    manage = client.get(f"{link_to(mail.outbox[-1], '')}")
    assert "nummer 2 op de wachtlijst" in text_of(manage)

    # The cancel link in the first person's mail: a GET only asks.
    cancel_path = f"/nl/aanmelding/{tokens.make_token(first)}/afmelden/"
    question = client.get(cancel_path)
    assert question.status_code == 200
    assert "Wilt u zich afmelden" in text_of(question)
    first.refresh_from_db()
    assert first.status == Status.CONFIRMED

    mail.outbox.clear()
    response = client.post(cancel_path)

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert first.status == Status.CANCELLED and first.cancelled_at
    assert second.status == Status.CONFIRMED
    assert third.status == Status.WAITLISTED
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert "U bent afgemeld" in by_recipient["een@example.org"].subject
    promoted = by_recipient["twee@example.org"]
    assert "Er is een plek vrijgekomen" in promoted.subject
    assert promoted.attachments[0][0].endswith(".ics")
    assert "drie@example.org" not in by_recipient
    after = client.get(response["Location"])
    assert "U bent afgemeld" in text_of(after)


def test_the_per_municipality_cap_keeps_seats_fair(client, agenda, utrecht):
    page = make_activity(agenda, capacity=10, max_per_gemeente=1)
    first = sign_up_and_confirm(client, page, "een@utrecht.example", gemeente="GM0344")
    second = sign_up_and_confirm(client, page, "twee@utrecht.example", gemeente="GM0344")
    other = sign_up_and_confirm(client, page, "een@amsterdam.example", gemeente="GM0363")
    without = sign_up_and_confirm(client, page, "zzp@example.org", gemeente="")

    assert first.status == Status.CONFIRMED
    assert second.status == Status.WAITLISTED
    assert other.status == Status.CONFIRMED
    assert without.status == Status.CONFIRMED  # the cap applies to municipalities only
    assert "Per gemeente is er hoogstens 1 plaats." in text_of(client.get(page.url))

    services.cancel(first)
    second.refresh_from_db()
    assert second.status == Status.CONFIRMED


def test_a_second_sign_up_with_the_same_address_is_recognised(client, leerkring):
    sign_up(client, leerkring)
    response = sign_up(client, leerkring, email="  SANNE.de.vries@gemeente.example ")

    assert response.status_code == 302
    assert response["Location"] == sent_url(leerkring)
    assert Aanmelding.objects.count() == 1
    assert len(mail.outbox) == 2
    assert "Bevestig uw aanmelding" in mail.outbox[1].subject  # a fresh link
    sent = client.get(response["Location"])
    assert "geplaatst" not in text_of(sent).lower()  # no status on the page

    client.get(link_to(mail.outbox[1], "bevestigen"))
    mail.outbox.clear()
    sign_up(client, leerkring)
    assert Aanmelding.objects.count() == 1
    [message] = mail.outbox
    assert message.subject == f"U was al aangemeld: {leerkring.title}"
    assert "Uw aanmelding staat op: Geplaatst." in message.body
    assert link_to(message, "")  # the personal page, to see or cancel


def test_the_already_signed_up_mail_in_english_with_the_waiting_list_status(client, one_seat):
    full = one_seat
    sign_up_and_confirm(client, full, "eerste@example.org")
    sign_up_and_confirm(client, full, "sanne@example.org")
    mail.outbox.clear()
    aanmelding = Aanmelding.objects.get(email="sanne@example.org")
    Aanmelding.objects.filter(pk=aanmelding.pk).update(language="en")

    services.request_signup(full, {"name": "Sanne", "email": "Sanne@Example.org"}, "en")

    [message] = mail.outbox
    assert message.subject == f"You were already signed up: {full.title}"
    assert "You were already signed up, so nothing changes" in message.body
    assert "The status of your sign-up: On the waiting list." in message.body
    assert "Was this not you?" in message.body
    assert link_to(message, "")


def without_csrf(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def test_a_known_address_gets_the_same_answer_as_a_new_one(client, leerkring):
    """Nobody learns from the site whether an address is signed up: the answer to the form and
    the page it leads to are the same; only the e-mail to that address differs."""
    sign_up_and_confirm(client, leerkring, "bekend@gemeente.example")

    known = sign_up(client, leerkring, email="bekend@gemeente.example")
    new = sign_up(client, leerkring, email="nieuw@gemeente.example")

    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    assert known.content == new.content
    assert without_csrf(client.get(known["Location"])) == without_csrf(client.get(new["Location"]))
    subjects = {message.to[0]: message.subject for message in mail.outbox[-2:]}
    assert subjects["bekend@gemeente.example"].startswith("U was al aangemeld")
    assert subjects["nieuw@gemeente.example"].startswith("Bevestig uw aanmelding")


def test_repeated_sign_ups_send_at_most_a_few_mails_an_hour(client, leerkring, settings):
    settings.LEERKRINGEN_REPEAT_MAILS_PER_ADDRESS = 3
    sign_up_and_confirm(client, leerkring, "sanne@example.org")
    mail.outbox.clear()

    responses = [sign_up(client, leerkring, email="sanne@example.org") for _ in range(6)]

    assert {(r.status_code, r["Location"]) for r in responses} == {(302, sent_url(leerkring))}
    assert len(mail.outbox) == 3
    assert Aanmelding.objects.count() == 1


def test_after_cancelling_one_can_sign_up_again(client, leerkring):
    aanmelding = sign_up_and_confirm(client, leerkring, "sanne@example.org")
    services.cancel(aanmelding)
    sign_up(client, leerkring, email="sanne@example.org")
    assert Aanmelding.objects.filter(email="sanne@example.org").count() == 2
    assert Aanmelding.objects.active().count() == 1


def test_closed_or_not_yet_open_registration(client, agenda):
    now = timezone.now()
    closed = make_activity(
        agenda, title="Gesloten", registration_closes_at=now - datetime.timedelta(days=1)
    )
    later = make_activity(
        agenda, title="Later", registration_opens_at=now + datetime.timedelta(days=3)
    )

    response = client.get(closed.url)
    assert "De aanmelding is gesloten sinds" in text_of(response)
    assert soup(response).select_one("form.lk-form") is None
    assert "De aanmelding opent op" in text_of(client.get(later.url))
    assert not services.registration_is_open(closed)
    assert not services.registration_is_open(later)

    response = sign_up(client, closed)
    assert response.status_code == 200
    assert "De aanmelding is gesloten sinds" in text_of(response)
    assert not Aanmelding.objects.exists()
    assert not mail.outbox


def test_sign_up_closes_when_the_activity_begins(agenda):
    page = make_activity(agenda, start=timezone.now() + datetime.timedelta(hours=2))
    assert services.registration_is_open(page)
    assert not services.registration_is_open(page, now=timezone.now() + datetime.timedelta(hours=3))
    with pytest.raises(services.RegistrationClosed):
        services.request_signup(
            page,
            {"name": "A", "email": "a@example.org"},
            "nl",
            now=timezone.now() + datetime.timedelta(hours=3),
        )


def test_the_cancellation_deadline(client, agenda):
    page = make_activity(
        agenda, capacity=1, cancellation_deadline=timezone.now() + datetime.timedelta(days=1)
    )
    seated = sign_up_and_confirm(client, page, "een@example.org")
    waiting = sign_up_and_confirm(client, page, "twee@example.org")
    later = timezone.now() + datetime.timedelta(days=2)

    with pytest.raises(services.CancellationDeadlinePassed) as caught:
        services.cancel(seated, now=later)
    assert "Afmelden via de website kon tot" in caught.value.message
    seated.refresh_from_db()
    assert seated.status == Status.CONFIRMED
    # Someone waiting can always withdraw; staff are not bound by the deadline.
    assert services.cancel(waiting, now=later).status == Status.CANCELLED
    assert services.cancel(seated, now=later, by_staff=True).status == Status.CANCELLED


def test_past_deadline_the_cancel_page_explains_instead_of_failing(client, agenda):
    page = make_activity(agenda, capacity=5, contact_email="leerkringen@gezondin.example")
    aanmelding = sign_up_and_confirm(client, page, "een@example.org")
    LeerkringPage.objects.filter(pk=page.pk).update(
        cancellation_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    cancel_path = link_to(mail.outbox[-1], "afmelden")

    question = client.get(cancel_path)
    assert "Afmelden via de website kon tot" in text_of(question)
    assert soup(question).select_one("form[method=post]") is None
    response = client.post(cancel_path)
    assert response.status_code == 409
    assert "Afmelden via de website kon tot" in text_of(response)
    aanmelding.refresh_from_db()
    assert aanmelding.status == Status.CONFIRMED


# Links -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    ["nonsense", "1-abc:zzz:yyy", "99999-0000:1abcde:tampered", "%20"],
)
def test_invalid_links_get_a_friendly_page(client, leerkring, token):
    for action in ["", "bevestigen/", "afmelden/", "plek-aannemen/"]:
        response = client.get(f"/nl/aanmelding/{token}/{action}")
        assert response.status_code == 404
        assert "Deze link werkt niet (meer)" in text_of(response)


def test_a_tampered_or_revoked_token_is_refused(client, leerkring):
    sign_up(client, leerkring)
    aanmelding = Aanmelding.objects.get()
    token = tokens.make_token(aanmelding)
    value, timestamp, signature = token.rsplit(":", 2)
    other = f"{aanmelding.pk + 1}-{aanmelding.secret}:{timestamp}:{signature}"
    assert client.get(f"/nl/aanmelding/{other}/").status_code == 404
    aanmelding.secret = "renewed"
    aanmelding.save()
    assert client.get(f"/nl/aanmelding/{token}/").status_code == 404


def test_an_expired_confirmation_link_says_what_to_do(client, leerkring, settings):
    sign_up(client, leerkring)
    confirm = link_to(mail.outbox[0], "bevestigen")
    settings.LEERKRINGEN_CONFIRM_LINK_DAYS = -1

    response = client.get(confirm)

    assert response.status_code == 410
    assert "Deze bevestigingslink is verlopen" in text_of(response)
    assert soup(response).find("a", href=leerkring.url + "#aanmelden") is not None
    assert Aanmelding.objects.get().status == Status.PENDING
    # Signing up again sends a fresh link to the same sign-up.
    settings.LEERKRINGEN_CONFIRM_LINK_DAYS = 7
    sign_up(client, leerkring)
    assert client.get(link_to(mail.outbox[-1], "bevestigen")).status_code == 200
    assert Aanmelding.objects.get().status == Status.CONFIRMED


def test_an_old_confirmation_link_of_a_confirmed_sign_up_still_shows_the_status(
    client, leerkring, settings
):
    sign_up(client, leerkring)
    confirm = link_to(mail.outbox[0], "bevestigen")
    client.get(confirm)
    settings.LEERKRINGEN_CONFIRM_LINK_DAYS = -1
    response = client.get(confirm)
    assert response.status_code == 200
    assert "U bent geplaatst" in text_of(response)


def test_the_manage_page_shows_what_we_store(client, leerkring):
    sign_up(client, leerkring)
    response = client.get(link_to(mail.outbox[0], ""))

    assert response.status_code == 200
    text = text_of(response)
    assert "Wat we van u bewaren" in text
    assert "Sanne de Vries" in text and "sanne.de.vries@gemeente.example" in text
    assert "Nog niet bevestigd" in text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # Withdrawing works before confirming too.
    withdraw = client.post(link_to(mail.outbox[0], "") + "afmelden/")
    assert withdraw.status_code == 302
    assert Aanmelding.objects.get().status == Status.CANCELLED


# Bots and mistakes -----------------------------------------------------------------------------


def test_the_honeypot_pretends_and_does_nothing(client, leerkring):
    response = sign_up(client, leerkring, website="https://spam.example")
    assert response.status_code == 302
    assert response["Location"] == sent_url(leerkring)
    assert not Aanmelding.objects.exists()
    assert not mail.outbox
    honeypot = soup(client.get(leerkring.url)).select_one("[name=website]")
    assert honeypot["tabindex"] == "-1"
    assert honeypot.find_parent(attrs={"aria-hidden": "true"}) is not None


@pytest.fixture
def clock(monkeypatch):
    """The limits' clock, set to half past a whole hour; ``clock.advance(seconds)``."""
    from leerkringen import limits

    class Clock:
        now = (int(timezone.now().timestamp()) // 3600) * 3600 + 1800

        def advance(self, seconds):
            self.now += seconds

    fake = Clock()
    monkeypatch.setattr(limits, "_clock", lambda: fake.now)
    return fake


def end_of_hour(clock):
    moment = datetime.datetime.fromtimestamp((clock.now // 3600 + 1) * 3600, tz=datetime.UTC)
    return timezone.localtime(moment).strftime("%H:%M")


def test_colleagues_behind_one_gateway_can_all_sign_up(client, leerkring):
    for number in range(15):
        response = sign_up(client, leerkring, email=f"collega{number}@gemeente.example")
        assert response.status_code == 302, number
    assert Aanmelding.objects.count() == 15


def test_a_client_over_its_budget_is_told_when_to_try_again(client, leerkring, settings, clock):
    settings.LEERKRINGEN_SIGNUPS_PER_CLIENT = 2
    for number in range(2):
        assert sign_up(client, leerkring, email=f"c{number}@example.org").status_code == 302

    refused = sign_up(client, leerkring, email="sanne@example.org")

    assert refused.status_code == 429
    text = text_of(refused)
    assert "Vanaf uw netwerk zijn dit uur al veel aanmeldingen verstuurd" in text
    assert f"na {end_of_hour(clock)} opnieuw" in text
    assert int(refused["Retry-After"]) == 1800
    page = soup(refused)
    assert page.select_one("[name=email]")["value"] == "sanne@example.org"
    assert page.select_one("[name=name]")["value"] == "Sanne de Vries"
    assert not Aanmelding.objects.filter(email="sanne@example.org").exists()

    # Trying again does not push the end back: the window is fixed.
    clock.advance(1200)
    again = sign_up(client, leerkring, email="sanne@example.org")
    assert again.status_code == 429
    assert int(again["Retry-After"]) == 600
    assert f"na {end_of_hour(clock)} opnieuw" in text_of(again)
    # Another client is not affected; after the hour this one can go on.
    other = client.post(signup_url(leerkring), form_data(), REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302
    clock.advance(600)
    assert sign_up(client, leerkring, email="pieter@example.org").status_code == 302


def test_a_spent_budget_holds_for_the_whole_hour_on_every_cache(
    client, leerkring, settings, clock, cache_backend
):
    """On the caches production uses, a count stays until its window ends, also after the
    cache's default timeout passed (the file cache stores an incremented value with it), and a
    new window starts afresh."""
    settings.LEERKRINGEN_SIGNUPS_PER_CLIENT = 2
    clock.now = int(cache_backend.clock.now // 3600) * 3600 + 600  # the caches' clock too

    def advance(seconds):
        cache_backend.advance(seconds)
        clock.advance(seconds)

    assert sign_up(client, leerkring, email="a@example.org").status_code == 302
    advance(2 * DEFAULT_TIMEOUT)
    assert sign_up(client, leerkring, email="b@example.org").status_code == 302
    advance(2 * DEFAULT_TIMEOUT)
    assert sign_up(client, leerkring, email="c@example.org").status_code == 429
    advance(3600 - 600 - 4 * DEFAULT_TIMEOUT)  # the next hour
    assert sign_up(client, leerkring, email="c@example.org").status_code == 302


def test_only_valid_submissions_count(client, leerkring, settings, clock):
    settings.LEERKRINGEN_SIGNUPS_PER_CLIENT = 2
    # Each kind of invalid submission more often than the budget allows: none of them counts.
    for _attempt in range(3):
        assert sign_up(client, leerkring, email="geen-adres").status_code == 200
        assert sign_up(client, leerkring, consent=None).status_code == 200
        assert sign_up(client, leerkring, website="https://spam.example").status_code == 302
    assert sign_up(client, leerkring, email="a@example.org").status_code == 302
    assert sign_up(client, leerkring, email="b@example.org").status_code == 302
    assert sign_up(client, leerkring, email="c@example.org").status_code == 429


def test_one_address_has_a_budget_of_its_own(client, agenda, settings, clock):
    settings.LEERKRINGEN_SIGNUPS_PER_ADDRESS = 2
    first, second, third = (make_activity(agenda, title=f"Leerkring {n}") for n in range(3))
    assert sign_up(client, first).status_code == 302
    assert sign_up(client, second, email="SANNE.de.vries@gemeente.example").status_code == 302

    refused = sign_up(client, third)

    assert refused.status_code == 429
    text = text_of(refused)
    assert "Met dit e-mailadres zijn dit uur al veel aanmeldingen verstuurd" in text
    assert f"na {end_of_hour(clock)} opnieuw" in text
    # A colleague on the same network is not affected.
    assert sign_up(client, third, email="collega@gemeente.example").status_code == 302


def test_a_forged_forwarding_header_is_ignored_without_trusted_proxies(
    client, leerkring, settings, clock
):
    settings.LEERKRINGEN_SIGNUPS_PER_CLIENT = 2
    settings.GEZONDIN_TRUSTED_PROXY_COUNT = 0
    statuses = [
        client.post(
            signup_url(leerkring),
            form_data(email=f"p{number}@example.org"),
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        ).status_code
        for number in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_behind_one_trusted_proxy_its_forwarding_header_names_the_client(
    client, leerkring, settings, clock
):
    settings.LEERKRINGEN_SIGNUPS_PER_CLIENT = 2
    settings.GEZONDIN_TRUSTED_PROXY_COUNT = 1

    def post(number, forwarded):
        return client.post(
            signup_url(leerkring),
            form_data(email=f"p{number}@example.org"),
            REMOTE_ADDR="10.0.0.1",  # the proxy
            HTTP_X_FORWARDED_FOR=forwarded,
        ).status_code

    # Different clients behind the same proxy each have their own budget.
    assert [post(n, f"198.51.100.{n}") for n in range(4)] == [302] * 4
    # What a client writes into the header itself (left of what the proxy added) is not used.
    assert post(10, "203.0.113.7") == 302
    assert post(11, "192.0.2.1, 203.0.113.7") == 302
    assert post(12, "192.0.2.2, 203.0.113.7") == 429


def test_form_errors_are_specific_and_keep_what_was_typed(client, leerkring):
    response = sign_up(client, leerkring, email="sanne@", consent=None, name="  ")

    assert response.status_code == 200
    page = soup(response)
    summary = page.select_one(".lk-error-summary")
    assert summary is not None and summary["role"] == "alert"
    links = {a["href"]: a.get_text(strip=True) for a in summary.select("a")}
    assert links == {
        "#aanmelden-name": "Vul uw naam in.",
        "#aanmelden-email": "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.",
        "#aanmelden-consent": (
            "Geef toestemming voor het gebruik van uw gegevens; zonder kunnen we u niet aanmelden."
        ),
    }
    email = page.select_one("#aanmelden-email")
    assert email["value"] == "sanne@"
    assert email["aria-invalid"] == "true"
    assert "aanmelden-email-error" in email["aria-describedby"].split()
    assert page.select_one("#aanmelden-email-error") is not None
    assert page.select_one("#aanmelden-organisation")["value"] == "Gemeente Utrecht"
    assert page.select_one("#aanmelden-role")["value"] == "Beleidsmedewerker gezondheid"
    assert page.select_one("#aanmelden-gemeente option[selected]")["value"] == "GM0344"
    assert page.title.get_text().startswith("Fout:")
    assert not Aanmelding.objects.exists()


def test_an_unknown_municipality_is_an_error_not_a_crash(client, leerkring):
    response = sign_up(client, leerkring, gemeente="GM9999")
    assert response.status_code == 200
    assert "Kies een gemeente uit de lijst." in text_of(response)


def test_get_on_the_form_route_goes_back_to_the_page(client, leerkring):
    response = client.get(signup_url(leerkring))
    assert response.status_code == 302
    assert response["Location"] == leerkring.url + "#aanmelden"


# Privacy ----------------------------------------------------------------------------------------


def test_no_name_or_address_in_any_url_or_log_record(client, one_seat, caplog):
    page = one_seat
    caplog.set_level(logging.DEBUG)
    responses = []
    personal = ["Sanne", "Vries", "sanne", "@gemeente.example", "Pieter", "pieter@"]

    responses.append(sign_up(client, page))
    responses.append(client.get(responses[-1]["Location"]))
    responses.append(client.get(link_to(mail.outbox[-1], "bevestigen")))
    responses.append(
        client.post(
            signup_url(page), form_data(name="Pieter Jansen", email="pieter@gemeente.example")
        )
    )
    responses.append(client.get(link_to(mail.outbox[-1], "bevestigen")))
    responses.append(sign_up(client, page))  # duplicate
    responses.append(client.post(link_to(mail.outbox[0], "") + "afmelden/"))
    responses.append(sign_up(client, page, email="bad"))  # form error

    urls = [r["Location"] for r in responses if r.has_header("Location")]
    urls += [path for message in mail.outbox for path in links_in(message)]
    assert urls
    for url in urls:
        assert not any(word.lower() in url.lower() for word in personal), url
    records = [record.getMessage() for record in caplog.records]
    records += [str(record.args) for record in caplog.records]
    assert any("Aanmelding" in record for record in records)  # there is logging...
    for record in records:
        assert not any(word.lower() in record.lower() for word in personal), record
    # ...and nothing personal in task arguments either: the promoted person was told by id.
    assert Aanmelding.objects.get(email="pieter@gemeente.example").status == Status.CONFIRMED


def test_the_join_link_is_only_in_mails_to_confirmed_people(client, agenda):
    join = "https://meet.example/j/123456?pwd=geheim"
    webinar = make_activity(
        agenda,
        WebinarPage,
        title="Webinar Gezondheidsvaardigheden",
        capacity=1,
        join_url=join,
        speakers="Dr. A. Bakker, Pharos",
    )
    assert webinar.mode == "online"
    assert join not in client.get(webinar.url).content.decode()

    sign_up_and_confirm(client, webinar, "een@example.org")
    confirmed_mail = mail.outbox[-1]
    assert join in confirmed_mail.body
    assert join in confirmed_mail.alternatives[0][0].replace("&amp;", "&")
    ics = icalendar.Calendar.from_ical(confirmed_mail.attachments[0][1])
    assert join in str(ics.walk("VEVENT")[0]["LOCATION"])
    for message in mail.outbox[:-1]:
        assert join not in message.body

    sign_up_and_confirm(client, webinar, "twee@example.org")
    assert "wachtlijst" in mail.outbox[-1].subject
    assert join not in mail.outbox[-1].body
    assert join not in client.get(webinar.url).content.decode()
    assert join not in tokens.make_token(Aanmelding.objects.first())


# Waiting-list offers ----------------------------------------------------------------------------


def test_with_offers_a_freed_seat_is_offered_for_a_limited_time(client, one_seat, settings):
    settings.LEERKRINGEN_WAITLIST_OFFER_HOURS = 24
    page = one_seat
    first = sign_up_and_confirm(client, page, "een@example.org")
    second = sign_up_and_confirm(client, page, "twee@example.org")
    third = sign_up_and_confirm(client, page, "drie@example.org")

    mail.outbox.clear()
    services.cancel(first)
    second.refresh_from_db()
    assert second.status == Status.OFFERED
    assert second.offer_expires_at > timezone.now() + datetime.timedelta(hours=23)
    offer = next(m for m in mail.outbox if m.to == ["twee@example.org"])
    assert "Er is een plek voor u" in offer.subject
    accept = link_to(offer, "plek-aannemen")
    assert services.is_full(page)  # the offered seat is reserved

    question = client.get(accept)
    assert "Plek aannemen" in text_of(question)
    response = client.post(accept)
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == Status.CONFIRMED
    assert "U bent aangemeld" in mail.outbox[-1].subject
    third.refresh_from_db()
    assert third.status == Status.WAITLISTED


def test_an_offer_not_taken_in_time_passes_on(client, one_seat, settings):
    settings.LEERKRINGEN_WAITLIST_OFFER_HOURS = 24
    page = one_seat
    first = sign_up_and_confirm(client, page, "een@example.org")
    second = sign_up_and_confirm(client, page, "twee@example.org")
    third = sign_up_and_confirm(client, page, "drie@example.org")
    services.cancel(first)
    second.refresh_from_db()
    accept = link_to(next(m for m in mail.outbox if m.to == ["twee@example.org"]), "plek-aannemen")

    mail.outbox.clear()
    assert services.expire_offers(now=timezone.now() + datetime.timedelta(hours=25)) == 1

    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Status.EXPIRED
    assert third.status == Status.OFFERED
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "Aanbod verlopen" in subjects["twee@example.org"]
    assert "Er is een plek voor u" in subjects["drie@example.org"]
    late = client.post(accept)
    assert late.status_code == 409
    assert "verlopen" in text_of(late)


def test_accepting_after_expiry_passes_the_seat_on_at_once(client, one_seat, settings):
    settings.LEERKRINGEN_WAITLIST_OFFER_HOURS = 1
    page = one_seat
    first = sign_up_and_confirm(client, page, "een@example.org")
    second = sign_up_and_confirm(client, page, "twee@example.org")
    third = sign_up_and_confirm(client, page, "drie@example.org")
    services.cancel(first)
    second.refresh_from_db()
    with pytest.raises(services.OfferExpired):
        services.accept_offer(second, now=timezone.now() + datetime.timedelta(hours=2))
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Status.EXPIRED
    assert third.status == Status.OFFERED


def test_raising_the_capacity_and_promoting_fills_seats_in_order(client, one_seat):
    page = one_seat
    sign_up_and_confirm(client, page, "een@example.org")
    second = sign_up_and_confirm(client, page, "twee@example.org")
    third = sign_up_and_confirm(client, page, "drie@example.org")
    LeerkringPage.objects.filter(pk=page.pk).update(capacity=2)

    promoted = services.promote_waitlist(page)

    assert promoted == [second.pk]
    third.refresh_from_db()
    assert third.status == Status.WAITLISTED


# Languages and page types ------------------------------------------------------------------------


def test_signing_up_on_the_english_page_uses_the_shared_seats(
    client, agenda, one_seat, locales, english_home
):
    page = one_seat
    english_agenda = publish(agenda.copy_for_translation(locales["en"]))
    english = page.copy_for_translation(locales["en"])
    english.title = "Learning circle on poverty and health"
    english.save()
    english = publish(english)
    assert english.url.startswith("/en/")

    response = client.post(signup_url(english), form_data(email="anna@example.org"))
    assert response.status_code == 302
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.activity_id == page.pk  # the default-language activity holds the seats
    assert aanmelding.language == "en"
    assert link_to(mail.outbox[0], "bevestigen").startswith("/en/registration/")
    client.get(link_to(mail.outbox[0], "bevestigen"))
    assert services.is_full(page) and services.is_full(english)
    assert "Learning circle on poverty and health" in mail.outbox[-1].subject
    assert english_agenda.live


def test_study_day_and_agenda_pages_render(client, agenda, leerkring, one_seat):
    programme = [
        (
            "slot",
            {
                "starts": datetime.time(9, 30),
                "ends": datetime.time(10, 0),
                "title": "Ontvangst met koffie",
                "speaker": "",
                "description": "",
            },
        ),
        (
            "slot",
            {
                "starts": datetime.time(10, 0),
                "ends": None,
                "title": "Gezond in de wijk",
                "speaker": "Fatima El Amrani, GGD",
                "description": "<p>Over de sociale basis.</p>",
            },
        ),
    ]
    studiedag = make_activity(
        agenda,
        StudiedagPage,
        title="Studiedag Gezond In",
        venue_name="Jaarbeurs",
        venue_address="Jaarbeursplein 6\nUtrecht",
        programme=programme,
        capacity=200,
        mode="fysiek",
    )
    past = make_activity(
        agenda,
        title="Afgelopen leerkring",
        start=timezone.now() - datetime.timedelta(days=60),
        summary="<p>We bespraken vier casussen.</p>",
    )

    response = client.get(studiedag.url)
    assert response.status_code == 200
    text = text_of(response)
    assert "Jaarbeurs" in text and "Gezond in de wijk" in text and "Fatima El Amrani" in text

    response = client.get(past.url)
    assert response.status_code == 200
    text = text_of(response)
    assert "Deze activiteit is voorbij" in text
    assert "We bespraken vier casussen." in text
    assert soup(response).select_one("form.lk-form") is None

    agenda_response = client.get(agenda.url)
    assert agenda_response.status_code == 200
    titles = [a.get_text(strip=True) for a in soup(agenda_response).select(".card__title a")]
    # The upcoming ones: the study day and the module's activities (tests/shared.py), not the
    # past one.
    assert sorted(titles) == sorted(["Studiedag Gezond In", leerkring.title, one_seat.title])


def test_schedule_fields_follow_the_meetings(agenda):
    start = (timezone.now() + datetime.timedelta(days=10)).replace(second=0, microsecond=0)
    page = make_activity(agenda, meeting_count=3, start=start)
    assert page.first_starts_at == start
    assert page.last_ends_at == start + datetime.timedelta(days=56, hours=3)
    assert page.kind == "leerkring"


# Sign-up without friction: the button on top, the waiting list said plainly --------------------


def cta_of(response):
    """The text of the button to the form in the page's header, or None."""
    button = soup(response).select_one("article header .lk-page__cta a")
    if button is None:
        return None
    assert button["href"] == "#aanmelden"
    return " ".join(button.get_text().split())


def test_the_button_on_top_says_how_many_seats_are_left(client, agenda):
    page = make_activity(agenda, capacity=2)
    unlimited = make_activity(agenda, title="Onbeperkt")
    closed = make_activity(
        agenda,
        title="Gesloten",
        capacity=5,
        registration_closes_at=timezone.now() - datetime.timedelta(days=1),
    )

    assert cta_of(client.get(page.url)) == "Aanmelden – nog 2 plaatsen"
    sign_up_and_confirm(client, page, "een@example.org")
    assert cta_of(client.get(page.url)) == "Aanmelden – nog 1 plaats"
    sign_up_and_confirm(client, page, "twee@example.org")
    full = client.get(page.url)
    assert cta_of(full) == "Vol – aanmelden voor de wachtlijst"
    assert cta_of(client.get(unlimited.url)) == "Aanmelden"
    assert cta_of(client.get(closed.url)) is None
    # The button comes before the introduction, so it is on the first screen of a phone.
    header = str(soup(full).select_one("article header"))
    assert header.index("lk-page__cta") < header.index("lead")


def test_a_past_activity_shows_no_free_seats_anywhere(client, agenda):
    # A Thursday evening a month ago, so the meeting runs into Friday ("vrijdag").
    start = timezone.localtime() - datetime.timedelta(days=30)
    start = start.replace(hour=22, minute=30) - datetime.timedelta(days=(start.weekday() - 3) % 7)
    past = make_activity(agenda, title="Voorbij", capacity=20, start=start)

    response = client.get(past.url)

    assert cta_of(response) is None
    text = text_of(response)
    assert "Deze activiteit is voorbij." in text
    # Whole words: a meeting that runs past midnight into a Friday ("vrijdag") is not a free seat.
    assert not re.search(r"\bvrij\b", text) and "Plaatsen" not in text
    assert soup(response).select_one(".lk-seats") is None
    assert soup(response).select_one("form.lk-form") is None
    scripts = soup(response).find_all("script", type="application/ld+json")
    [event] = [data for data in map(json.loads, (s.string for s in scripts)) if "offers" in data]
    assert event["offers"]["availability"] == "https://schema.org/Discontinued"
    assert "remainingAttendeeCapacity" not in event
    item = client.get("/api/v2/activiteiten/", {"fields": "_,id,seats_available"}).json()["items"]
    assert {"id": past.pk, "seats_available": 0} in item


def test_after_form_errors_the_page_opens_at_the_error_summary(client, leerkring):
    response = sign_up(client, leerkring, email="sanne@", consent=None)

    page = soup(response)
    form = page.select_one("form.lk-form")
    summary = form.select_one(".lk-error-summary")
    # The form posts to the summary's fragment (the page opens there without JavaScript), and
    # the summary takes the focus (autofocus on an element focusable by script only).
    assert form["action"] == signup_url(leerkring) + "#" + summary["id"]
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    assert summary["aria-labelledby"] == summary.h3["id"]
    assert len(page.select("[autofocus]")) == 1
    assert cta_of(response) == "Aanmelden – nog 10 plaatsen"


def test_the_check_your_email_page_says_when_and_why_one_waits(client, agenda):
    page = make_activity(agenda, capacity=2, max_per_gemeente=1)

    response = sign_up(client, page, email="een@utrecht.example", gemeente="GM0344")
    assert response["Location"] == sent_url(page)  # a seat is free
    assert "wachtlijst" not in text_of(client.get(response["Location"]))
    client.get(link_to(mail.outbox[-1], "bevestigen"))

    # The municipality's maximum is reached, not the activity's.
    response = sign_up(client, page, email="twee@utrecht.example", gemeente="GM0344")
    assert response["Location"] == sent_url(page, "gemeente")
    text = text_of(client.get(response["Location"]))
    assert "U komt op de wachtlijst" in text
    assert "Per gemeente is er hoogstens 1 plaats, en voor uw gemeente is die al bezet." in text
    assert "De activiteit zelf is niet vol." in text
    assert "De activiteit is vol." not in text
    # Someone of another municipality (or none) still gets a seat.
    response = sign_up(client, page, email="een@amsterdam.example", gemeente="GM0363")
    assert response["Location"] == sent_url(page)
    client.get(link_to(mail.outbox[-1], "bevestigen"))

    # Full: the same for everyone, and the same for an address already signed up.
    for address in ("drie@example.org", "een@utrecht.example"):
        response = sign_up(client, page, email=address, gemeente="")
        assert response["Location"] == sent_url(page, "vol")
    text = text_of(client.get(response["Location"]))
    assert "U komt op de wachtlijst" in text and "De activiteit is vol." in text
    assert "gemeente" not in text
    # A made-up reason is ignored.
    assert "wachtlijst" not in text_of(client.get(sent_url(page, "iets")))


def test_the_waiting_list_wording_names_the_municipal_maximum(client, agenda):
    page = make_activity(agenda, capacity=3, max_per_gemeente=1)
    sign_up_and_confirm(client, page, "een@utrecht.example", gemeente="GM0344")

    mail.outbox.clear()
    sign_up(client, page, email="twee@utrecht.example", gemeente="GM0344")
    confirmed = client.get(link_to(mail.outbox[0], "bevestigen"))

    text = text_of(confirmed)
    assert "U staat op de wachtlijst" in text
    assert "De activiteit is niet vol, maar het maximum aantal plaatsen voor uw gemeente" in text
    assert "Komt er een plek vrij voor iemand uit uw gemeente" in text
    waitlisted = mail.outbox[-1]
    assert "U staat op de wachtlijst" in waitlisted.subject
    assert "is niet vol, maar het maximum aantal plaatsen voor uw gemeente is bereikt" in (
        waitlisted.body
    )
    assert "Komt er een plek vrij voor iemand uit uw gemeente" in waitlisted.body

    # Once the activity is full, that is the reason given.
    sign_up_and_confirm(client, page, "een@amsterdam.example", gemeente="GM0363")
    sign_up_and_confirm(client, page, "een@rotterdam.example", gemeente="GM0599")
    mail.outbox.clear()
    sign_up(client, page, email="vier@example.org", gemeente="")
    text = text_of(client.get(link_to(mail.outbox[0], "bevestigen")))
    assert "De activiteit is vol." in text and "uw gemeente" not in text
    body = mail.outbox[-1].body
    assert f"‘{page.title}’ is vol. U staat op de wachtlijst." in body
    assert "gemeente" not in body.split("U staat op de wachtlijst.")[0]


def test_the_cancel_page_promises_the_waiting_list_only_when_someone_waits(client, one_seat):
    page = one_seat
    first = sign_up_and_confirm(client, page, "een@example.org")
    cancel_path = link_to(mail.outbox[-1], "afmelden")

    text = text_of(client.get(cancel_path))
    assert "wachtlijst" not in text
    assert "Uw plek komt dan vrij voor iemand anders. Dit kunt u niet ongedaan maken." in text

    second = sign_up_and_confirm(client, page, "twee@example.org")
    assert second.status == Status.WAITLISTED
    text = text_of(client.get(cancel_path))
    assert "Uw plek gaat dan naar iemand op de wachtlijst." in text
    # The one waiting is told what cancelling means for them.
    text = text_of(client.get(link_to(mail.outbox[-1], "afmelden")))
    assert "U staat dan niet meer op de wachtlijst." in text
    assert first.status == Status.CONFIRMED


def test_the_cancel_page_knows_whom_the_municipal_maximum_keeps_waiting(client, agenda):
    page = make_activity(agenda, capacity=2, max_per_gemeente=1)
    sign_up_and_confirm(client, page, "een@utrecht.example", gemeente="GM0344")
    utrecht_cancel = link_to(mail.outbox[-1], "afmelden")
    sign_up_and_confirm(client, page, "een@amsterdam.example", gemeente="GM0363")
    amsterdam_cancel = link_to(mail.outbox[-1], "afmelden")
    waiting = sign_up_and_confirm(client, page, "twee@utrecht.example", gemeente="GM0344")
    assert waiting.status == Status.WAITLISTED

    # The one waiting is of Utrecht: only a seat of Utrecht given back goes to them.
    assert "Uw plek komt dan vrij voor iemand anders." in text_of(client.get(amsterdam_cancel))
    assert "Uw plek gaat dan naar iemand op de wachtlijst." in text_of(client.get(utrecht_cancel))


# English routes have English words ---------------------------------------------------------------


@pytest.fixture
def english(agenda, one_seat, locales, english_home):
    page = one_seat
    publish(agenda.copy_for_translation(locales["en"]))
    english = page.copy_for_translation(locales["en"])
    english.title = "Learning circle on poverty and health"
    english.save()
    return publish(english)


def test_english_pages_and_links_have_english_words(client, english):
    response = client.get(english.url)
    assert cta_of(response) == "Sign up – 1 place left"
    form = soup(response).select_one("form.lk-form")
    assert form["action"] == english.url + "sign-up/#aanmelden-fouten"
    assert signup_url(english) == english.url + "sign-up/"

    response = client.post(signup_url(english), form_data(email="anna@example.org"))
    assert response["Location"] == english.url + "sign-up/sent/#main"
    assert "Check your email" in text_of(client.get(response["Location"]))
    confirm = link_to(mail.outbox[0], "bevestigen")
    token = confirm.split("/")[3]
    assert confirm == f"/en/registration/{token}/confirm/"
    assert link_to(mail.outbox[0], "") == f"/en/registration/{token}/"
    assert client.get(confirm).status_code == 200
    status_mail = mail.outbox[-1]
    assert re.fullmatch(r"/en/registration/[^/]+/cancel/", link_to(status_mail, "afmelden"))
    # The pages link with English words too.
    page = soup(client.get(f"/en/registration/{token}/"))
    assert page.select_one(f"a[href='/en/registration/{token}/cancel/']") is not None

    # The next one waits: English words on the "check your e-mail" page.
    response = client.post(signup_url(english), form_data(email="ben@example.org"))
    assert response["Location"] == english.url + "sign-up/sent/?wachtlijst=vol#main"
    text = text_of(client.get(response["Location"]))
    assert "You will be on the waiting list" in text and "The activity is full." in text

    # The Dutch words stay Dutch.
    dutch = english.get_translation(english.locale.get_default())
    assert client.get(dutch.url + "sign-up/").status_code == 404
    assert client.get(dutch.url + "aanmelden/").status_code == 302


def test_the_english_form_says_what_is_wrong_in_english(client, english):
    response = sign_up(client, english, email="anna@", consent=None, name="  ")

    assert response.status_code == 200
    summary = soup(response).select_one(".lk-error-summary")
    messages = {a["href"]: a.get_text(strip=True) for a in summary.select("a")}
    assert messages["#aanmelden-email"] == (
        "Please enter a valid email address, such as name@municipality.nl."
    )
    assert soup(response).select_one("#aanmelden-email")["value"] == "anna@"


def test_dutch_words_under_the_english_prefix_keep_working(client, english):
    """Links in e-mails sent before the English words (Dutch words under /en/) still work."""
    aanmelding, _outcome = services.request_signup(
        english, {"name": "Anna", "email": "anna@example.org"}, "en"
    )
    token = tokens.make_token(aanmelding)

    for dutch, english_path in [
        (f"/en/aanmelding/{token}/", f"/en/registration/{token}/"),
        (f"/en/aanmelding/{token}/bevestigen/", f"/en/registration/{token}/confirm/"),
        (f"/en/aanmelding/{token}/afmelden/", f"/en/registration/{token}/cancel/"),
        (f"/en/aanmelding/{token}/plek-aannemen/", f"/en/registration/{token}/accept-seat/"),
    ]:
        response = client.get(dutch + "?utm_source=mail")
        assert response.status_code == 301, dutch
        assert response["Location"] == english_path + "?utm_source=mail"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cache-Control"] == "no-store, private"
    # A form on a page served before posts to the Dutch path: it still cancels.
    response = client.post(f"/en/aanmelding/{token}/afmelden/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/registration/{token}/"
    aanmelding.refresh_from_db()
    assert aanmelding.status == Status.CANCELLED
    # The form's Dutch routes on the English page: the form still posts; the page moves on.
    assert client.post(english.url + "aanmelden/", form_data()).status_code == 302
    response = client.get(english.url + "aanmelden/verstuurd/?wachtlijst=vol")
    assert response.status_code == 301
    assert response["Location"] == english.url + "sign-up/sent/?wachtlijst=vol"
    # The Dutch paths under /nl/ are the Dutch pages themselves, no redirect.
    assert client.get(f"/nl/aanmelding/{token}/").status_code == 200
