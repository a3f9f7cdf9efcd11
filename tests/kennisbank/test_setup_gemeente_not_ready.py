"""Setting up a municipality's section on a site that is not ready for it (no overview of
municipalities, or one in Dutch only): the function, the command and the admin action refuse
and leave nothing behind. Apart from test_setup_gemeente.py, whose tests share a ready site.
"""

# The fixtures imported from tests.kennisbank.sections are the tests' parameters (and what
# those depend on: a shared fixture finds its own parameters among the module's fixtures).
# ruff: noqa: F811

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from kennisbank.models import GemeenteIndexPage, GemeentePage
from kennisbank.publishing import (
    SetupError,
    setup_gemeente,
)
from tests.kennisbank.sections import client_for, counts, publish, setup_url, superuser, tilburg  # noqa: F401 - the tests' fixtures

pytestmark = pytest.mark.django_db


# A site without an overview of municipalities ----------------------------------------------------


def test_setup_refuses_a_locale_without_an_overview_of_municipalities(home_page, tilburg):
    publish(home_page, GemeenteIndexPage(title="Gemeenten", slug="gemeenten"))
    before = counts()

    with pytest.raises(SetupError, match="en"):
        setup_gemeente(tilburg)

    assert counts() == before
    assert not Group.objects.filter(name="Redactie Tilburg").exists()


def test_command_reports_a_site_that_is_not_ready(home_page):
    with pytest.raises(CommandError, match="GemeenteIndexPage"):
        call_command("setup_gemeente", "GM0855", stdout=StringIO())


def test_admin_action_needs_confirmation_and_reports_setup_errors(home_page, tilburg, superuser):
    client = client_for(superuser)

    assert client.post(setup_url(tilburg), {}).status_code == 200  # unchecked: form again
    response = client.post(setup_url(tilburg), {"confirm": "on"})  # no overview of gemeenten

    assert response.status_code == 200
    assert "GemeenteIndexPage" in response.content.decode()
    assert not GemeentePage.objects.exists()
