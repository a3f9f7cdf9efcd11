"""Password guessing on the admin login is stopped by django-axes (settings/base.py,
gezondin/login_protection.py, docs/publishing.md): after 5 failures an account, and a client
address, is refused for 15 minutes with a clear page, and the national team can lift the lock."""

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from gezondin.login_protection import client_ip_address
from tests.conftest import DOCUMENTED_PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db

PASSWORD = "juist-wachtwoord-123"  # noqa: S105


@pytest.fixture
def editors(db):
    User = get_user_model()
    return [
        User.objects.create_user(name, f"{name}@example.org", PASSWORD, is_superuser=True)
        for name in ("redactie-a", "redactie-b")
    ]


def login(client, username, password, ip="203.0.113.10"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def logged_in(response):
    return response.status_code == 302 and response.wsgi_request.user.is_authenticated


def fail(client, username, times, ip="203.0.113.10"):
    for _ in range(times):
        response = login(client, username, "verkeerd", ip=ip)
        assert not response.wsgi_request.user.is_authenticated
    return response


def test_every_settings_module_has_login_protection():
    from settings import base, dev, test

    for module in (base, dev, test):
        assert "axes" in module.INSTALLED_APPS
        assert module.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
        assert module.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesBackend"
        assert getattr(module, "AXES_ENABLED", True)
    assert settings.AXES_ENABLED
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=15)


def test_production_settings_have_login_protection():
    code = (
        "from django.conf import settings; "
        "print(settings.AUTHENTICATION_BACKENDS[0], settings.MIDDLEWARE[-1], "
        "'axes' in settings.INSTALLED_APPS, settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT)"
    )
    result = run_manage(DOCUMENTED_PRODUCTION_ENV, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "axes.backends.AxesBackend",
        "axes.middleware.AxesMiddleware",
        "True",
        "True",
        "5",
    ]


def test_the_right_password_is_refused_after_five_failures(editors):
    client = Client()
    fail(client, "redactie-a", 4)
    # Below the limit the right password still works (and clears the failures).
    assert logged_in(login(client, "redactie-a", PASSWORD))

    client = Client()
    fail(client, "redactie-a", 5)
    response = login(client, "redactie-a", PASSWORD)
    assert response.status_code == 429
    assert not response.wsgi_request.user.is_authenticated
    content = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in content
    assert "Probeer het over 15 minuten opnieuw." in content
    assert "landelijke" in content and "redactie" in content
    assert 'class="login"' in content or "login" in content  # the admin's sign-in layout


def test_the_lockout_page_is_translated(editors):
    client = Client()
    fail(client, "redactie-a", 5)
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "redactie-a", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.10",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 429
    assert "Try again in 15 minutes." in response.content.decode()


def test_a_locked_account_is_refused_from_every_address_others_still_work(editors):
    fail(Client(), "redactie-a", 5, ip="203.0.113.10")

    # The guessed account is locked wherever the next try comes from ...
    assert login(Client(), "redactie-a", PASSWORD, ip="198.51.100.7").status_code == 429
    # ... and another account from another address is not affected.
    assert logged_in(login(Client(), "redactie-b", PASSWORD, ip="198.51.100.7"))


def test_a_client_guessing_many_accounts_is_locked(editors):
    client = Client()
    for number in range(5):
        login(client, f"onbekend-{number}", "verkeerd", ip="192.0.2.66")
    # The address is locked, also for a real account with its right password ...
    assert login(Client(), "redactie-b", PASSWORD, ip="192.0.2.66").status_code == 429
    # ... while that account works from anywhere else.
    assert logged_in(login(Client(), "redactie-b", PASSWORD, ip="198.51.100.7"))


def test_the_lock_ends_after_the_cool_off(editors):
    from axes.models import AccessAttempt

    fail(Client(), "redactie-a", 5)
    assert login(Client(), "redactie-a", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert logged_in(login(Client(), "redactie-a", PASSWORD))


def test_tries_during_a_lock_do_not_extend_it(editors):
    from axes.models import AccessAttempt

    def state():
        return list(AccessAttempt.objects.values_list("pk", "attempt_time", "failures_since_start"))

    fail(Client(), "redactie-a", 5)
    locked = state()
    for _ in range(3):
        assert login(Client(), "redactie-a", "verkeerd").status_code == 429
    assert login(Client(), "redactie-a", PASSWORD).status_code == 429
    assert state() == locked


def test_the_national_team_can_unlock_an_account(editors):
    fail(Client(), "redactie-a", 5)
    assert login(Client(), "redactie-a", PASSWORD, ip="198.51.100.7").status_code == 429

    call_command("axes_reset_username", "redactie-a", stdout=StringIO())

    assert logged_in(login(Client(), "redactie-a", PASSWORD, ip="198.51.100.7"))


def test_the_national_team_can_unlock_an_address(editors):
    for number in range(5):
        login(Client(), f"onbekend-{number}", "verkeerd", ip="192.0.2.66")
    assert login(Client(), "redactie-b", PASSWORD, ip="192.0.2.66").status_code == 429

    call_command("axes_reset_ip", "192.0.2.66", stdout=StringIO())

    assert logged_in(login(Client(), "redactie-b", PASSWORD, ip="192.0.2.66"))


def test_a_forwarded_header_is_ignored_without_trusted_proxies(editors):
    """A guesser cannot escape the address lock by inventing X-Forwarded-For values."""
    client = Client()
    for number in range(5):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "redactie-a", "password": "verkeerd"},
            REMOTE_ADDR="192.0.2.66",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "redactie-b", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.66",
        HTTP_X_FORWARDED_FOR="10.0.0.99",
    )
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, None, "10.0.0.1"),
        (0, "6.6.6.6", "10.0.0.1"),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (2, "6.6.6.6, 203.0.113.5, 10.1.1.1", "203.0.113.5"),
        (2, "203.0.113.5", "10.0.0.1"),  # fewer entries than proxies: the connection
    ],
)
def test_client_address_trusts_only_the_configured_proxies(count, forwarded, expected):
    headers = {"REMOTE_ADDR": "10.0.0.1"}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **headers)
    with override_settings(GEZONDIN_TRUSTED_PROXY_COUNT=count):
        assert client_ip_address(request) == expected


def test_test_client_login_with_a_request_and_force_login_still_work(editors):
    from django.http import HttpRequest

    client = Client()
    assert client.login(request=HttpRequest(), username="redactie-a", password=PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    other = Client()
    other.force_login(editors[1])
    assert other.get(reverse("wagtailadmin_home")).status_code == 200


def test_failures_spread_over_many_addresses_lock_the_account(editors):
    for number in range(5):
        login(Client(), "redactie-a", "verkeerd", ip=f"198.51.100.{number + 1}")
    assert login(Client(), "redactie-a", PASSWORD, ip="203.0.113.99").status_code == 429


def admin_as(user):
    client = Client()
    client.force_login(user)
    return client


def test_national_editors_unlock_in_the_admin(editors):
    from kennisbank.publishing import ensure_national_editors

    national = get_user_model().objects.create_user("landelijk", password=PASSWORD)
    national.groups.add(ensure_national_editors())
    fail(Client(), "redactie-a", 5)
    for number in range(5):
        login(Client(), f"onbekend-{number}", "verkeerd", ip="192.0.2.66")
    client = admin_as(national)

    page = client.get(reverse("gezondin_lockouts"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "redactie-a" in content and "192.0.2.66" in content
    assert "Inlogblokkades" in client.get(reverse("wagtailadmin_home")).content.decode()

    response = client.post(
        reverse("gezondin_lockouts"), {"kind": "username", "value": "redactie-a"}
    )
    assert response.status_code == 302
    assert logged_in(login(Client(), "redactie-a", PASSWORD, ip="198.51.100.7"))
    client.post(reverse("gezondin_lockouts"), {"kind": "ip", "value": "192.0.2.66"})
    assert logged_in(login(Client(), "redactie-b", PASSWORD, ip="192.0.2.66"))
    assert (
        "Er is nu niets geblokkeerd." in client.get(reverse("gezondin_lockouts")).content.decode()
    )


def test_other_editors_cannot_see_or_lift_locks(editors):
    from django.contrib.auth.models import Group, Permission

    municipal = get_user_model().objects.create_user("gemeente", password=PASSWORD)
    group = Group.objects.create(name="Redactie Ergens")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    municipal.groups.add(group)
    fail(Client(), "redactie-a", 5)
    client = admin_as(municipal)

    assert client.get(reverse("gezondin_lockouts")).status_code in (302, 403)
    client.post(reverse("gezondin_lockouts"), {"kind": "username", "value": "redactie-a"})
    assert login(Client(), "redactie-a", PASSWORD).status_code == 429
    assert "Inlogblokkades" not in client.get(reverse("wagtailadmin_home")).content.decode()
