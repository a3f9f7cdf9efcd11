"""A site that existed before GezondIn (docs/installing.md): migrated with Wagtail's "en-us"
and without WAGTAIL_I18N_ENABLED, its content in an "en" locale (gezondin_adopt_locale); and a
host that keeps its URLs without the Dutch prefix (prefix_default_language=False)."""

import re
from io import StringIO
from urllib.parse import urlparse

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.models import Locale, Page, Site

from gezondin.models import Thema
from leerkringen.models import WebinarPage
from tests.leerkringen.conftest import sign_up
from tests.leerkringen.factories import make_activity, make_agenda

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://[^\s\"'<>]+")


def adopt(*args):
    out = StringIO()
    call_command("gezondin_adopt_locale", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def migrated_in_english():
    """The database as a `wagtail start` project leaves it, GezondIn added later: Wagtail's
    migration made the one locale from LANGUAGE_CODE "en-us", so it is "en", and the host's home
    page, an agenda with a webinar and a theme were made in it."""
    Locale.objects.update(language_code="en")
    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Gemeente Voorbeeld", slug="voorbeeld"))
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.save()
    welcome.delete()
    agenda = make_agenda(home)
    make_activity(agenda, WebinarPage, title="Webinar Geldzorgen")
    Thema.objects.create(name="Armoede en schulden", slug="armoede", locale=Locale.objects.get())
    return home


def test_the_command_moves_everything_into_the_default_language(client, migrated_in_english):
    with pytest.raises(Locale.DoesNotExist):
        Locale.get_default()  # what breaks: every new page or term needs it

    output = adopt()

    dutch = Locale.get_default()
    assert dutch.language_code == "nl"
    assert not Page.objects.exclude(locale=dutch).exists()
    assert not Thema.objects.exclude(locale=dutch).exists()
    english = Locale.objects.get(language_code="en")  # empty, for translations
    assert not Page.objects.filter(locale=english).exists()
    assert "Relabelled locale 'en' as 'nl'" in output
    assert "wagtailcore.Page: 4" in output  # the tree's root, home, agenda, webinar
    response = client.get("/nl/agenda/")
    assert response.status_code == 200
    assert "Webinar Geldzorgen" in response.content.decode()
    assert client.get("/nl/zoeken/?q=geldzorgen").status_code == 200


def test_a_dry_run_changes_nothing(migrated_in_english):
    output = adopt("--dry-run")
    assert "Would relabel locale 'en' as 'nl'" in output
    assert list(Locale.objects.values_list("language_code", flat=True)) == ["en"]


def test_running_it_again_changes_nothing(migrated_in_english):
    adopt()
    before = list(Locale.objects.order_by("pk").values_list("pk", "language_code"))
    assert "nothing to do" in adopt()
    assert list(Locale.objects.order_by("pk").values_list("pk", "language_code")) == before


def test_on_a_site_set_up_for_gezondin_there_is_nothing_to_do(home_page):
    assert "nothing to do" in adopt()


def test_the_command_refuses_without_wagtail_i18n(migrated_in_english, settings):
    settings.WAGTAIL_I18N_ENABLED = False
    with pytest.raises(CommandError, match="WAGTAIL_I18N_ENABLED"):
        adopt()
    assert list(Locale.objects.values_list("language_code", flat=True)) == ["en"]


# Keeping the host's URLs: no /nl/ prefix for the default language ----------------------------


@pytest.fixture
def agenda(home_page):
    return make_agenda(home_page)


class HostUrlsWithoutDutchPrefix:
    urlpatterns = i18n_patterns(
        path("", include("gezondin.urls")),
        path("", include(wagtail_urls)),
        prefix_default_language=False,
    )


def paths_in(message):
    bodies = [message.body] + [content for content, _type in message.alternatives]
    return {urlparse(url).path for body in bodies for url in LINK.findall(body)}


def test_without_the_dutch_prefix_pages_calendars_and_sign_up_links_work(client, agenda, settings):
    # The settings fixture, not override_settings: the two would undo each other's changes.
    settings.ROOT_URLCONF = HostUrlsWithoutDutchPrefix
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    page = make_activity(agenda, capacity=5)
    assert page.url == f"/agenda/{page.slug}/"
    assert client.get(page.url).status_code == 200
    assert client.get("/agenda/agenda.ics").status_code == 200
    assert client.get("/zoeken/?q=leerkring").status_code == 200

    assert sign_up(client, page).status_code == 302
    [confirm_mail] = mail.outbox
    confirm = next(path for path in paths_in(confirm_mail) if path.endswith("/bevestigen/"))
    assert re.fullmatch(r"/aanmelding/[^/]+/bevestigen/", confirm), confirm
    assert client.get(confirm).status_code == 200
    seated = mail.outbox[-1]
    manage = next(path for path in paths_in(seated) if re.fullmatch(r"/aanmelding/[^/]+/", path))
    assert client.get(manage).status_code == 200
