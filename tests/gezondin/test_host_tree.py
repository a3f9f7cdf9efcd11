"""The plugin's sections in a host site's own page tree (docs/installing.md): the kennisbank, the
agenda and the overview of municipalities are created through the admin under a plain Wagtail
page (as under a `wagtail start` project's home page), and work there like under GezondIn's own
home page: pages, breadcrumbs, the agenda's feeds, the sitemap, the national editors' rights."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text

from kennisbank.models import GemeenteIndexPage, KennisbankPage
from kennisbank.publishing import ensure_national_editors
from leerkringen.models import AgendaPage, WebinarPage
from tests.kennisbank.factories import PraktijkvoorbeeldPageFactory
from tests.kennisbank.factories import publish as publish_practice
from tests.leerkringen.factories import make_activity, make_agenda
from tests.shared import shared_fixture

SECTIONS = [
    (KennisbankPage, "Kennisbank", "kennisbank"),
    (AgendaPage, "Agenda", "agenda"),
    (GemeenteIndexPage, "Gemeenten", "gemeenten"),
]
ANYWHERE = override_settings(GEZONDIN_PARENT_PAGE_TYPES=None)

# The host's home page is built once for the module (tests/shared.py); it has no section of
# GezondIn, so the tests that count sections see only their own. GezondIn's own home page (one
# test) is built for its test alone: it takes the host's place as the site's root.
pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("host_home")]


@shared_fixture
def host_home(locales):
    """The host's home page: a plain Wagtail page, root of the default site, with a plain
    section "Gezondheid" of the host below it."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Gemeente Voorbeeld", slug="voorbeeld"))
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.save()
    welcome.delete()
    home.add_child(instance=Page(title="Gezondheid", slug="gezondheid"))
    return Page.objects.get(pk=home.pk)


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redactie", "redactie@example.nl", "x")
    client.force_login(user)
    return user


def add_through_admin(client, parent, model, title, slug):
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    data = nested_form_data(
        {"title": title, "slug": slug, "intro": rich_text(f"Over {title}."), "action-publish": "1"}
    )
    return client.post(url, data)


@ANYWHERE
@pytest.mark.parametrize("model,title,slug", SECTIONS)
def test_by_default_an_editor_creates_a_section_under_a_hosts_plain_page(
    client, editor, host_home, model, title, slug
):
    response = add_through_admin(client, host_home, model, title, slug)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = model.objects.child_of(host_home).get()
    assert page.live
    assert client.get(f"/nl/{slug}/").status_code == 200


@ANYWHERE
def test_by_default_a_section_may_also_go_deeper_in_the_hosts_tree(client, editor, host_home):
    section = Page.objects.get(slug="gezondheid")
    response = add_through_admin(client, section, KennisbankPage, "Kennisbank", "kennisbank")
    assert response.status_code == 302
    assert KennisbankPage.objects.child_of(section).exists()


@override_settings(GEZONDIN_PARENT_PAGE_TYPES=["gezondin.HomePage"])
@pytest.mark.parametrize("model,title,slug", SECTIONS)
def test_the_setting_limits_where_sections_may_be_created(
    client, editor, host_home, model, title, slug
):
    assert not model.can_create_at(host_home)
    response = add_through_admin(client, host_home, model, title, slug)
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not model.objects.exists()


def test_the_reference_site_keeps_its_sections_under_its_home_page(home_page):
    # settings/base.py: GEZONDIN_PARENT_PAGE_TYPES = ["gezondin.HomePage"]
    assert KennisbankPage.can_create_at(home_page)
    assert set(AgendaPage.allowed_parent_page_models()) == {type(home_page)}


@pytest.fixture
def deep_agenda(host_home):
    """An agenda with a webinar in the host's section Gezondheid: /nl/gezondheid/agenda/."""
    agenda = make_agenda(Page.objects.get(slug="gezondheid"))
    make_activity(
        agenda,
        WebinarPage,
        title="Webinar Geldzorgen",
        start=timezone.now() + datetime.timedelta(days=20),
    )
    return agenda


def test_an_agenda_deep_in_the_hosts_tree_serves_its_pages_and_feeds(client, deep_agenda):
    page = client.get("/nl/gezondheid/agenda/")
    assert page.status_code == 200
    assert "Webinar Geldzorgen" in page.content.decode()
    ics = client.get("/nl/gezondheid/agenda/agenda.ics")
    assert ics.status_code == 200
    assert "Webinar Geldzorgen" in ics.content.decode()
    feed = client.get("/nl/gezondheid/agenda/feed/")
    assert feed.status_code == 200
    assert client.get("/nl/gezondheid/agenda/webinar-geldzorgen/").status_code == 200


def test_breadcrumbs_run_from_the_hosts_home_page(client, deep_agenda):
    response = client.get("/nl/gezondheid/agenda/webinar-geldzorgen/")
    crumbs = BeautifulSoup(response.content, "html.parser").select(".breadcrumbs__item a")
    assert [(a.get_text(strip=True), a["href"]) for a in crumbs] == [
        ("Home", "/nl/"),
        ("Gezondheid", "/nl/gezondheid/"),
        ("Agenda", "/nl/gezondheid/agenda/"),
    ]


def test_the_sitemap_lists_the_sections_in_the_hosts_tree(client, deep_agenda):
    response = client.get("/nl/sitemap.xml")
    assert response.status_code == 200
    assert "/nl/gezondheid/agenda/webinar-geldzorgen/" in response.content.decode()


def test_a_practice_in_a_kennisbank_in_the_hosts_tree_is_served(client, host_home):
    kennisbank = KennisbankPage(title="Kennisbank", slug="kennisbank")
    host_home.add_child(instance=kennisbank)
    kennisbank.save_revision().publish()
    practice = PraktijkvoorbeeldPageFactory(
        parent=kennisbank, title="Samen tegen schulden", slug="samen-tegen-schulden"
    )
    publish_practice(practice)
    response = client.get("/nl/kennisbank/?q=schulden")
    assert response.status_code == 200
    assert "Samen tegen schulden" in response.content.decode()
    assert client.get("/nl/kennisbank/samen-tegen-schulden/").status_code == 200


def test_national_editors_get_the_sections_in_a_hosts_tree_not_the_hosts_pages(deep_agenda):
    group = ensure_national_editors()
    pages = set(GroupPagePermission.objects.filter(group=group).values_list("page", flat=True))
    assert pages == {deep_agenda.pk}
