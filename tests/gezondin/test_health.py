"""``/healthz``: 200 while the database and the cache answer, 503 naming the part that does not;
outside the language prefix, never cached, no cookie, no personal data, not redirected to HTTPS
(the proxy checks over plain HTTP). Through gunicorn in tests/production."""

import json
import logging
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

from tests.servers import free_port

pytestmark = pytest.mark.django_db

URL = "/healthz"


def answer(client, **extra):
    response = client.get(URL, **extra)
    return response, json.loads(response.content)


def test_healthy_when_the_database_and_the_cache_answer(client):
    response, body = answer(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert body == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies  # no session, no CSRF cookie


def test_head_is_answered_and_a_post_is_refused(client):
    assert client.head(URL).status_code == 200
    assert client.post(URL).status_code == 405


def test_only_outside_the_language_prefix(client, home_page):
    assert client.get("/nl/healthz", follow=True).status_code == 404
    assert client.get("/en/healthz/").status_code == 404


def test_a_cache_that_does_not_answer_makes_it_unhealthy(client, caplog):
    nobody = f"redis://127.0.0.1:{free_port()}/0"  # a port nothing listens on
    broken = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": nobody}
    }
    with override_settings(CACHES=broken), caplog.at_level(logging.WARNING, "gezondin.health"):
        response, body = answer(client)
    assert response.status_code == 503
    assert body == {"status": "error", "database": "ok", "cache": "unreachable"}
    assert "the cache failed (ConnectionError)" in caplog.text
    assert "127.0.0.1" not in response.content.decode()  # the error's text is not shown


def test_a_cache_that_keeps_nothing_makes_it_unhealthy(client):
    dummy = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    with override_settings(CACHES=dummy):
        response, body = answer(client)
    assert response.status_code == 503
    assert body["cache"] == "unreachable" and body["database"] == "ok"


def test_a_database_that_does_not_answer_makes_it_unhealthy(client, caplog):
    refused = OperationalError("connection to server at 10.0.0.7 failed: Connection refused")
    with (
        mock.patch.object(connection, "cursor", side_effect=refused),
        caplog.at_level(logging.WARNING, "gezondin.health"),
    ):
        response, body = answer(client)
    assert response.status_code == 503
    assert body == {"status": "error", "database": "unreachable", "cache": "ok"}
    assert "the database failed (OperationalError)" in caplog.text
    assert "10.0.0.7" not in caplog.text + response.content.decode()


def test_both_failing_are_both_named(client):
    dummy = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    with (
        override_settings(CACHES=dummy),
        mock.patch.object(connection, "cursor", side_effect=OperationalError("down")),
    ):
        response, body = answer(client)
    assert response.status_code == 503
    assert body == {"status": "error", "database": "unreachable", "cache": "unreachable"}


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_answered_while_pages_are_redirected_to_https(client, home_page):
    """The proxy checks the app server over plain HTTP; pages still go to HTTPS."""
    assert client.get("/nl/").status_code == 301
    response, body = answer(client)
    assert response.status_code == 200 and body["status"] == "ok"
