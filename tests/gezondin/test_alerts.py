"""E-mail alerts on a selection (gezondin.alerts): subscribing to a kennisbank or agenda
selection, the double opt-in, the digests and their timing, unsubscribing with one POST, the
page to manage all alerts of an address, retention, limits and the honeypot. Everything through
the public pages, the mails in Django's outbox and ``manage.py send_alerts``."""

import datetime
import io
import logging
import re
import time
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from gezondin import alerts
from gezondin.logging import redact
from gezondin.models import Attendering
from tests.factories import ThemaFactory
from tests.kennisbank.factories import (
    KennisbankPageFactory,
    PraktijkvoorbeeldPageFactory,
    publish,
    translate,
)
from tests.leerkringen.factories import make_activity, make_agenda
from tests.shared import shared_fixture

# The kennisbank, its terms and the agenda are built once for the module (tests/shared.py); no
# alert is among the shared rows, so the tests counting alerts see only their own.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]

ADDRESS = "anna.alert@example.nl"
NEW = "/nl/attenderingen/nieuw/praktijken/"
LINK = re.compile(r"https?://[^\s\"'<>]+")


@shared_fixture
def terms(locales):
    return {
        "armoede": ThemaFactory(name="Armoede en schulden", slug="armoede-en-schulden"),
        "wonen": ThemaFactory(name="Wonen", slug="wonen"),
    }


@shared_fixture
def kennisbank(home_page, english_home, locales):
    page = publish(KennisbankPageFactory(parent=home_page))
    translate(page, locales["en"], title="Knowledge base", slug="knowledge-base")
    return page


@shared_fixture
def agenda(home_page):
    return make_agenda(home_page)


def practice(kennisbank, title, themas, **fields):
    return publish(
        PraktijkvoorbeeldPageFactory(
            parent=kennisbank,
            title=title,
            slug=re.sub(r"\W+", "-", title.lower()),
            intro=f"<p>Over {title}.</p>",
            themas=themas,
            **fields,
        )
    )


def links_in(message):
    bodies = [message.body] + [content for content, _type in message.alternatives]
    return {url for body in bodies for url in LINK.findall(body)}


def link(message, word):
    found = {url for url in links_in(message) if urlsplit(url).path.rstrip("/").endswith(word)}
    assert len(found) == 1, (word, links_in(message))
    return urlsplit(found.pop()).path


def subscribe(client, query="thema=armoede-en-schulden", frequency="wekelijks", **extra):
    return client.post(
        f"{NEW}?{query}", {"email": ADDRESS, "frequency": frequency, "website": "", **extra}
    )


def subscribed_and_confirmed(client, query="thema=armoede-en-schulden", frequency="wekelijks"):
    mail.outbox.clear()
    assert subscribe(client, query, frequency).status_code == 302
    confirm = link(mail.outbox[-1], "bevestigen")
    assert client.get(confirm).status_code == 200
    mail.outbox.clear()
    return Attendering.objects.get(
        email=ADDRESS, selection=alerts.normalise(alerts.get_kind("praktijken"), query, "nl")
    )


def later(alert, days):
    """Move the alert's confirmation and last digest ``days`` back."""
    moment = timezone.now() - datetime.timedelta(days=days)
    Attendering.objects.filter(pk=alert.pk).update(confirmed_at=moment, last_sent_at=moment)


def send(*args):
    out = io.StringIO()
    call_command("send_alerts", *args, stdout=out)
    return out.getvalue()


# The links on the kennisbank and the agenda ------------------------------------------------------


def test_the_kennisbank_offers_an_alert_on_its_selection(client, kennisbank, terms):
    response = client.get("/nl/kennisbank/?thema=armoede-en-schulden&sort=titel&thema=onbekend")
    html = response.content.decode()
    assert "Ontvang nieuwe praktijkvoorbeelden per e-mail" in html
    assert f'href="{NEW}?thema=armoede-en-schulden"' in html


def test_the_agenda_offers_new_activities_by_e_mail(client, agenda):
    html = client.get("/nl/agenda/?type=webinar&maand=2030-01").content.decode()
    assert "Ontvang nieuwe activiteiten per e-mail" in html
    assert 'href="/nl/attenderingen/nieuw/activiteiten/?type=webinar"' in html


# Subscribing ---------------------------------------------------------------------------------


def test_the_form_says_what_the_selection_is(client, kennisbank, terms):
    response = client.get(f"{NEW}?thema=armoede-en-schulden&q=schulden")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Armoede en schulden" in html and "schulden" in html
    assert 'name="email"' in html and 'name="website"' in html


def test_an_unknown_kind_is_not_found(client, kennisbank):
    assert client.get("/nl/attenderingen/nieuw/onbekend/").status_code == 404


def test_a_mistyped_address_keeps_what_was_typed_and_says_what_is_wrong(client, kennisbank, terms):
    response = client.post(f"{NEW}?thema=wonen", {"email": "anna@", "frequency": "dagelijks"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul een geldig e-mailadres in" in html
    assert 'value="anna@"' in html
    assert 'value="dagelijks" aria-describedby' in html or 'value="dagelijks"' in html
    assert not Attendering.objects.exists()
    assert not mail.outbox


def test_subscribing_stores_the_address_and_the_normalised_selection_only(
    client, kennisbank, terms
):
    response = subscribe(client, "thema=wonen&sort=titel&thema=armoede-en-schulden&page=2&x=1")
    assert response.status_code == 302
    assert response["Location"] == "/nl/attenderingen/nieuw/praktijken/verstuurd/"
    alert = Attendering.objects.get()
    assert alert.email == ADDRESS
    assert alert.selection == "thema=armoede-en-schulden&thema=wonen"
    assert (alert.kind, alert.language, alert.frequency) == ("praktijken", "nl", "wekelijks")
    assert alert.confirmed_at is None
    assert ADDRESS not in response["Location"]
    # The mail asks to confirm, has no unsubscribe header yet (nothing to unsubscribe from).
    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject.startswith("Bevestig uw attendering")
    assert "List-Unsubscribe" not in message.extra_headers
    assert client.get(response["Location"]).status_code == 200


def test_the_same_selection_twice_is_one_alert(client, kennisbank, terms):
    subscribe(client, "thema=wonen&thema=armoede-en-schulden")
    subscribe(client, "thema=armoede-en-schulden&thema=wonen")
    assert Attendering.objects.count() == 1


def test_double_opt_in_confirm_once_and_a_forged_link(client, kennisbank, terms):
    subscribe(client)
    confirm = link(mail.outbox[-1], "bevestigen")
    alert = Attendering.objects.get()
    response = client.get(confirm)
    assert response.status_code == 200
    assert "Dank u wel" in response.content.decode()
    assert response["Cache-Control"] == "no-store, private"
    alert.refresh_from_db()
    first = alert.confirmed_at
    assert first is not None
    again = client.get(confirm)
    assert "al bevestigd" in again.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at == first
    forged = confirm.replace("/bevestigen/", "x/bevestigen/")
    assert client.get(forged).status_code == 404
    token = alerts.make_token(alert).replace(alert.secret, "0" * 16)
    assert client.get(f"/nl/attenderingen/{token}/bevestigen/").status_code == 404


def test_an_expired_confirmation_link(client, kennisbank, terms, settings, monkeypatch):
    settings.GEZONDIN_ALERTS_CONFIRM_LINK_DAYS = 0
    subscribe(client)
    confirm = link(mail.outbox[-1], "bevestigen")
    # The link's signature is 2 seconds old when it is followed: signing's clock moves on (its
    # timestamps are whole seconds), instead of the test waiting.
    now = time.time() + 2
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: now))
    response = client.get(confirm)
    assert response.status_code == 410
    assert Attendering.objects.get().confirmed_at is None


def test_a_known_address_gets_the_link_to_manage_not_a_second_alert(client, kennisbank, terms):
    subscribed_and_confirmed(client)
    subscribe(client)
    (message,) = mail.outbox
    assert message.subject.startswith("Uw attendering")
    assert link(message, "afmelden")
    assert Attendering.objects.count() == 1


def test_the_honeypot_pretends_and_does_nothing(client, kennisbank, terms):
    response = subscribe(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Attendering.objects.exists()
    assert not mail.outbox


def test_rate_limits_per_address_and_per_client(client, kennisbank, terms, settings):
    settings.GEZONDIN_ALERTS_PER_ADDRESS = 2
    settings.GEZONDIN_ALERTS_PER_CLIENT = 3
    assert subscribe(client, "thema=wonen").status_code == 302
    assert subscribe(client, "thema=armoede-en-schulden").status_code == 302
    response = subscribe(client, "q=schulden")
    assert response.status_code == 429
    assert "Met dit e-mailadres zijn dit uur al veel attenderingen" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert f'value="{ADDRESS}"' in response.content.decode()
    other = {"email": "bert@example.nl", "frequency": "dagelijks"}
    assert client.post(f"{NEW}?q=wijk", other).status_code == 302
    response = client.post(f"{NEW}?q=buurt", {**other, "email": "carla@example.nl"})
    assert response.status_code == 429
    assert "Vanaf uw netwerk" in response.content.decode()
    assert Attendering.objects.count() == 3


# Digests ---------------------------------------------------------------------------------------


def test_a_digest_holds_what_was_published_in_the_selection(client, kennisbank, terms):
    alert = subscribed_and_confirmed(client)
    later(alert, 8)
    old = practice(kennisbank, "Oude schuldhulp", [terms["armoede"]])
    type(old).objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=9)
    )
    practice(kennisbank, "Schuldhulp aan huis", [terms["armoede"]])
    practice(kennisbank, "Wonen in de wijk", [terms["wonen"]])
    output = send()
    assert "1 alert digest(s) queued" in output
    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject == "Nieuwe praktijkvoorbeelden: Armoede en schulden"
    assert "Schuldhulp aan huis" in message.body
    assert "Wonen in de wijk" not in message.body and "Oude schuldhulp" not in message.body
    assert "http://testserver/nl/kennisbank/schuldhulp-aan-huis/" in message.body
    assert "http://testserver/nl/kennisbank/?thema=armoede-en-schulden" in message.body
    unsubscribe = link(message, "afmelden")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    manage = alerts.links(alert, base="http://testserver")["manage_url"]
    assert manage in message.body, "a link to manage all alerts"
    # Sent once: the next run has nothing new.
    mail.outbox.clear()
    assert "0 alert digest(s) queued" in send("--now")
    assert not mail.outbox


def test_a_search_query_is_part_of_the_selection(client, kennisbank, terms):
    alert = subscribed_and_confirmed(client, "q=keukentafel")
    later(alert, 8)
    practice(kennisbank, "Schuldhulp aan de keukentafel", [terms["armoede"]])
    practice(kennisbank, "Schuldhulp op het werk", [terms["armoede"]])
    send()
    (message,) = mail.outbox
    assert "keukentafel" in message.subject
    assert "Schuldhulp aan de keukentafel" in message.body
    assert "Schuldhulp op het werk" not in message.body


def test_nothing_is_sent_when_nothing_is_new(client, kennisbank, terms):
    alert = subscribed_and_confirmed(client)
    later(alert, 8)
    practice(kennisbank, "Wonen in de wijk", [terms["wonen"]])
    output = send("--now")
    assert "0 alert digest(s) queued, 1 without anything new" in output
    assert not mail.outbox


def test_daily_and_weekly_timing(client, kennisbank, terms):
    weekly = subscribed_and_confirmed(client, "thema=armoede-en-schulden", "wekelijks")
    daily = subscribed_and_confirmed(client, "thema=wonen", "dagelijks")
    later(weekly, 2)
    later(daily, 2)
    practice(kennisbank, "Schuldhulp en wonen", [terms["armoede"], terms["wonen"]])
    send()
    assert [m.subject for m in mail.outbox] == ["Nieuwe praktijkvoorbeelden: Wonen"]
    mail.outbox.clear()
    # The weekly one is due after a week; --now sends it at once.
    assert "0 alert digest(s) queued" in send()
    send("--now")
    assert [m.subject for m in mail.outbox] == ["Nieuwe praktijkvoorbeelden: Armoede en schulden"]
    now = timezone.now()
    assert set(alerts.due(now + datetime.timedelta(days=1))) == {daily}
    assert set(alerts.due(now + datetime.timedelta(days=7))) == {daily, weekly}


def test_unconfirmed_alerts_get_no_digest(client, kennisbank, terms):
    subscribe(client)
    mail.outbox.clear()
    practice(kennisbank, "Schuldhulp aan huis", [terms["armoede"]])
    send("--now")
    assert not mail.outbox


def test_a_digest_in_english(client, kennisbank, terms, locales):
    response = client.post(
        "/en/alerts/new/praktijken/?thema=armoede-en-schulden",
        {"email": ADDRESS, "frequency": "wekelijks"},
    )
    assert response["Location"] == "/en/alerts/new/praktijken/sent/"
    (message,) = mail.outbox
    assert message.subject.startswith("Confirm your alert")
    confirm = link(message, "confirm")
    assert confirm.startswith("/en/alerts/")
    client.get(confirm)
    alert = Attendering.objects.get()
    assert alert.language == "en"
    later(alert, 8)
    dutch = practice(kennisbank, "Schuldhulp aan huis", [terms["armoede"]])
    translate(dutch, locales["en"], title="Debt help at home", slug="debt-help-at-home")
    mail.outbox.clear()
    send()
    (message,) = mail.outbox
    assert message.subject == "New practice examples: Armoede en schulden"
    assert "- Debt help at home" in message.body
    assert "- Schuldhulp aan huis" not in message.body
    assert "/en/knowledge-base/debt-help-at-home/" in message.body
    assert link(message, "unsubscribe").startswith("/en/alerts/")


def test_an_agenda_alert_lists_new_activities_of_its_selection(client, agenda, terms):
    thema = terms["armoede"]
    response = client.post(
        "/nl/attenderingen/nieuw/activiteiten/?thema=armoede-en-schulden&maand=2030-01",
        {"email": ADDRESS, "frequency": "dagelijks"},
    )
    assert response.status_code == 302
    alert = Attendering.objects.get()
    assert (alert.kind, alert.selection) == ("activiteiten", "thema=armoede-en-schulden")
    client.get(link(mail.outbox[-1], "bevestigen"))
    later(alert, 2)
    circle = make_activity(agenda, title="Leerkring Geldzorgen")
    circle.themas.set([thema])
    publish(circle)
    make_activity(agenda, title="Leerkring Bewegen")
    mail.outbox.clear()
    send()
    (message,) = mail.outbox
    assert message.subject == "Nieuwe activiteiten: Armoede en schulden"
    assert "Leerkring Geldzorgen" in message.body
    assert "Leerkring Bewegen" not in message.body
    assert "http://testserver/nl/agenda/leerkring-geldzorgen/" in message.body


# Unsubscribing and managing ----------------------------------------------------------------------


def test_unsubscribe_get_asks_and_one_click_post_deletes(client, kennisbank, terms):
    alert = subscribed_and_confirmed(client)
    client = Client(enforce_csrf_checks=True)
    url = alerts.links(alert, base="")["unsubscribe_url"]
    page = client.get(url)
    assert page.status_code == 200
    assert "Ja, stop deze attendering" in page.content.decode()
    assert Attendering.objects.filter(pk=alert.pk).exists()
    # What a mail program sends (RFC 8058): no cookie, no CSRF token.
    response = client.post(
        url,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302
    assert not Attendering.objects.filter(pk=alert.pk).exists()
    assert client.post(url).status_code == 302  # again: still fine
    assert client.get(response["Location"]).status_code == 200
    forged = url.replace(alert.secret, "f" * 16)
    assert client.post(forged).status_code == 404


def test_the_manage_page_lists_all_alerts_of_the_address(client, kennisbank, terms):
    first = subscribed_and_confirmed(client, "thema=armoede-en-schulden")
    second = subscribed_and_confirmed(client, "thema=wonen")
    other = Attendering.objects.create(
        email="someone@example.nl",
        kind="praktijken",
        selection="",
        language="nl",
        confirmed_at=timezone.now(),
    )
    url = alerts.links(first, base="")["manage_url"]
    html = client.get(url).content.decode()
    assert "Armoede en schulden" in html and "Wonen" in html
    assert "someone@example.nl" not in html and ADDRESS not in html
    # Change how often.
    response = client.post(
        url, {"alert": alerts.make_token(second), "action": "save", "frequency": "dagelijks"}
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.frequency == "dagelijks"
    # Another address's alert can't be changed from here.
    response = client.post(url, {"alert": alerts.make_token(other), "action": "delete"})
    assert response.status_code == 404
    assert Attendering.objects.filter(pk=other.pk).exists()
    # Stop the alert the link belongs to: the page goes on with the remaining one.
    response = client.post(url, {"alert": alerts.make_token(first), "action": "delete"})
    assert response.status_code == 302
    assert not Attendering.objects.filter(pk=first.pk).exists()
    html = client.get(response["Location"]).content.decode()
    assert "Wonen" in html and "Uw wijziging is opgeslagen" in html


# Retention, logs -----------------------------------------------------------------------------


def test_unconfirmed_alerts_are_deleted_after_the_retention_period(client, kennisbank, terms):
    subscribe(client, "thema=wonen")
    subscribed_and_confirmed(client, "thema=armoede-en-schulden")
    Attendering.objects.update(created_at=timezone.now() - datetime.timedelta(days=15))
    assert "1 unconfirmed alert(s) deleted" in send()
    assert list(Attendering.objects.values_list("selection", flat=True)) == [
        "thema=armoede-en-schulden"
    ]


def test_the_periodic_jobs_send_the_alerts(client, kennisbank, terms):
    alert = subscribed_and_confirmed(client)
    later(alert, 8)
    practice(kennisbank, "Schuldhulp aan huis", [terms["armoede"]])
    out = io.StringIO()
    call_command("gezondin_jobs", "--only", "alerts", stdout=out)
    assert "alerts: 1 alert digest(s) queued" in out.getvalue()
    assert len(mail.outbox) == 1


def test_alert_paths_and_addresses_stay_out_of_the_logs(client, kennisbank, terms, caplog):
    alert = subscribed_and_confirmed(client)
    token = alerts.make_token(alert)
    for path in (
        f"/nl/attenderingen/{token}/",
        f"/en/alerts/{token}/unsubscribe/",
        "/nl/attenderingen/123-abc/",
    ):
        assert token not in redact(f"Not Found: {path}")
        assert "[token]" in redact(f"Not Found: {path}")
    assert redact("GET /nl/attenderingen/nieuw/praktijken/?thema=wonen") == (
        "GET /nl/attenderingen/nieuw/praktijken/?thema=wonen"
    )
    caplog.set_level(logging.DEBUG)
    client.get(f"/nl/attenderingen/{token}x/")
    text = caplog.text
    assert ADDRESS not in text and token not in text
