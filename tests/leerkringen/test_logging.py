"""No sign-up token and no e-mail address reaches a log line: not through Django's request
logging of 4xx answers, the CSRF check, the development server's request lines, nor the app's
own records (gezondin/logging.py and LOGGING in settings/base.py)."""

import io
import logging
import re

import pytest
from django.core import mail
from django.test import Client

from gezondin.logging import redact
from leerkringen import services, tokens
from tests.leerkringen.conftest import form_data, link_to, sign_up, signup_url
from tests.leerkringen.factories import make_activity
from tests.shared import shared_fixture

# The sign-up whose token the handler tests log is built once for the module (tests/shared.py);
# every test sees it, also the journey, which signs up on an activity of its own.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("aanmelding")]

ADDRESSES = ["sanne.de.vries@gemeente.example", "pieter@gemeente.example"]


def tokens_in(messages):
    tokens = set()
    for message in messages:
        bodies = [message.body] + [content for content, _type in message.alternatives]
        for body in bodies:
            tokens |= set(re.findall(r"/aanmelding/([^/\s\"'<>]+)/", body))
    return tokens


def test_a_whole_journey_logs_no_token_and_no_address(client, agenda, settings, caplog):
    caplog.set_level(logging.DEBUG)
    page = make_activity(agenda, capacity=5)

    # Sign up, see the "check your e-mail" page, confirm, look, cancel.
    response = sign_up(client, page, email="Sanne.de.Vries@Gemeente.example")
    client.get(response["Location"])
    client.get(link_to(mail.outbox[-1], "bevestigen"))
    manage = link_to(mail.outbox[-1], "")
    assert client.get(manage).status_code == 200
    assert client.get(manage + "afmelden/").status_code == 200
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(manage + "afmelden/").status_code == 403  # logged by the CSRF check
    assert client.post(manage + "afmelden/").status_code == 302
    assert client.post(manage + "plek-aannemen/").status_code == 409  # not an offer
    # A repeated sign-up, twice, and one after cancelling.
    sign_up(client, page, email="pieter@gemeente.example")
    sign_up(client, page, email="pieter@gemeente.example")
    sign_up(client, page, email="sanne.de.vries@gemeente.example")
    # Links that do not work: mangled, cut short, expired.
    assert client.get(manage[:-3] + "xx/").status_code == 404
    assert client.get(manage[:-12] + "/").status_code == 404
    confirm = link_to(mail.outbox[-1], "bevestigen")
    settings.LEERKRINGEN_CONFIRM_LINK_DAYS = -1
    assert client.get(confirm).status_code == 410
    # An address typed into a URL.
    assert client.get("/nl/pieter@gemeente.example/").status_code == 404
    assert client.get(signup_url(page)).status_code == 302
    client.post(signup_url(page), form_data(email="pieter@gemeente.example", consent=None))

    tokens = tokens_in(mail.outbox)
    assert len(tokens) >= 3
    lines = [record.getMessage() for record in caplog.records] + [caplog.text]
    assert any("Not Found" in line for line in lines), "the 404s were logged..."
    assert any("Gone" in line for line in lines), "...and the 410"
    assert any(line.startswith("Forbidden (CSRF") for line in lines), "...and the 403"
    for line in lines:
        for secret in [*tokens, *ADDRESSES, "Sanne.de.Vries@Gemeente.example"]:
            assert secret.lower() not in line.lower(), line
        assert "@" not in line, line


def handlers_for(logger):
    """The handlers a record logged on ``logger`` reaches (as logging.Logger.callHandlers)."""
    found = []
    while logger is not None:
        found += logger.handlers
        logger = logger.parent if logger.propagate else None
    return found


@shared_fixture
def aanmelding(agenda):
    """A sign-up of ``ADDRESSES[0]``, for its token."""
    page = make_activity(agenda, title="Leerkring Logboek")
    aanmelding, _outcome = services.request_signup(
        page, {"name": "Sanne", "email": ADDRESSES[0]}, "nl"
    )
    return aanmelding


@pytest.mark.parametrize(
    "name",
    ["django.request", "django.server", "django.security.csrf", "leerkringen.views", "any.lib"],
)
def test_every_configured_handler_redacts(name, aanmelding):
    token = tokens.make_token(aanmelding)
    logger = logging.getLogger(name)
    handlers = [h for h in handlers_for(logger) if isinstance(h, logging.StreamHandler)]
    handlers = [h for h in handlers if type(h).__module__.startswith("logging")]
    assert handlers, f"{name} reaches no configured handler"
    streams = []
    for handler in handlers:
        stream = io.StringIO()
        streams.append((handler, handler.setStream(stream), stream))
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        logger.warning("Not Found: %s", f"/nl/aanmelding/{token}/afmelden/")
        logger.warning("Mail to %s failed", ADDRESSES[0])
        logger.warning("Cut short: /en/aanmelding/%s/", token[:9])
        logger.warning("Cut short: /en/registration/%s", token[:9])
        try:
            raise ValueError(f"no such sign-up {token} for {ADDRESSES[1]}")
        except ValueError:
            logger.exception("Failed")
    finally:
        logger.setLevel(level)
        for handler, original, _stream in streams:
            handler.setStream(original)
    for _handler, _original, stream in streams:
        written = stream.getvalue()
        assert "Not Found: /nl/aanmelding/[token]/afmelden/" in written
        assert "Mail to [e-mail] failed" in written
        assert "/en/aanmelding/[token]/" in written
        assert "Cut short: /en/registration/[token]" in written
        assert "ValueError: no such sign-up [token] for [e-mail]" in written
        assert token not in written and token[:9] not in written
        assert not any(address in written for address in ADDRESSES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The whole local part goes, however long the run of its characters before the "@".
        ("Mail to " + "x" * 5_000 + "@gemeente.example failed", "Mail to [e-mail] failed"),
        ("Not Found: /nl/" + "a.b" * 2_000 + "%40gemeente.example/", "Not Found: /nl/[e-mail]/"),
        ("to: a%40b.nl, c.d@e-f.nl; x@y", "to: [e-mail], [e-mail]; x@y"),
        # A long path with no address keeps all of it (the fuzz test's odd values).
        ("Not Found: /nl/" + "x" * 10_000 + "/", "Not Found: /nl/" + "x" * 10_000 + "/"),
        ("Not Found: /nl/" + "é" * 5_000 + "/", "Not Found: /nl/" + "é" * 5_000 + "/"),
    ],
)
def test_redact_takes_whole_addresses_and_leaves_the_rest(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("host", ["%00", "evil.example"])
def test_a_host_the_site_does_not_serve_is_one_warning_line(client, settings, caplog, host):
    settings.ALLOWED_HOSTS = ["gezondin.example"]
    caplog.set_level(logging.DEBUG)
    assert client.get("/nl/", HTTP_HOST=host).status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    assert records[0].levelno == logging.WARNING
    assert records[0].exc_info is None
    assert "Invalid HTTP_HOST header" in records[0].getMessage()
