"""The load_demo command: content in Dutch and English, idempotent, extensible with steps."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.http import HttpRequest
from django.utils.module_loading import autodiscover_modules
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Revision, Site

from gezondin.demo import registry
from gezondin.demo.site import ADMIN_PASSWORD_ENV, DEFAULT_ADMIN_PASSWORD
from gezondin.demo.synonyms import GROUPS as DEMO_SYNONYMS
from gezondin.models import (
    Doelgroep,
    Domein,
    GezondInSettings,
    HomePage,
    Levensfase,
    Organisatie,
    Pijler,
    Spoor,
    StandardPage,
    Synoniemen,
    Thema,
)
from gezondin.search_backend import IndexingOnce
from tests.conftest import run_load_demo
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

EXPECTED_TERMS = {Thema: 10, Spoor: 5, Pijler: 8, Doelgroep: 10, Domein: 9, Levensfase: 5}
MENU_TITLES = {
    "nl": ["Over GezondIn", "Gezondheidsverschillen", "Contact"],
    "en": ["About GezondIn", "Health inequalities", "Contact"],
}


def row_counts():
    models = [
        Page,
        Revision,
        Locale,
        Site,
        Redirect,
        Organisatie,
        GezondInSettings,
        Synoniemen,
        get_user_model(),
        *EXPECTED_TERMS,
    ]
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture(scope="module", autouse=True)
def core_steps_only():
    """These tests are about the core demo and the command; the apps' own demo steps (kennisbank,
    leerkringen) are tested with those apps."""
    autodiscover_modules("demo")
    core = {
        name: step
        for name, step in registry._steps.items()
        if step.func.__module__.startswith("gezondin.")
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(registry, "_steps", core)
        yield


@pytest.fixture(autouse=True)
def no_password_from_environment(monkeypatch):
    monkeypatch.delenv(ADMIN_PASSWORD_ENV, raising=False)


@pytest.mark.usefixtures("demo_output")
class TestLoadedDemo:
    def test_reports_what_it_created_and_the_admin_login(self, demo_output):
        assert "Thema: 20 created" in demo_output
        assert "Pages: 12 created" in demo_output
        assert "Wagtail welcome page: 1 deleted" in demo_output
        assert "Demo loaded." in demo_output
        assert "/admin/" in demo_output
        assert "username: admin" in demo_output
        assert f"password: {DEFAULT_ADMIN_PASSWORD}" in demo_output

    def test_home_pages_in_both_languages(self, client):
        site = Site.objects.get(is_default_site=True)
        assert isinstance(site.root_page.specific, HomePage)
        assert not Page.objects.filter(depth=2).exclude(content_type__model="homepage").exists(), (
            "Wagtail's welcome page is gone"
        )

        dutch = client.get("/nl/")
        assert dutch.status_code == 200
        assert "Samen gezondheidsverschillen verkleinen" in dutch.text
        english = client.get("/en/")
        assert english.status_code == 200
        assert "Reducing health inequalities together" in english.text

    @pytest.mark.parametrize("model", EXPECTED_TERMS)
    def test_vocabulary_in_both_languages(self, model):
        nl = {term.slug: term for term in model.objects.filter(locale__language_code="nl")}
        en = {term.slug: term for term in model.objects.filter(locale__language_code="en")}
        assert len(nl) == EXPECTED_TERMS[model]
        assert nl.keys() == en.keys()
        for slug, term in en.items():
            assert term.translation_key == nl[slug].translation_key
            assert term.sort_order == nl[slug].sort_order
            assert term.name and term.description
        levensfasen = Levensfase.objects.filter(locale__language_code="nl").order_by("sort_order")
        assert [term.slug for term in levensfasen][0] == "eerste-1000-dagen"

    def test_synonym_groups_each_once(self):
        groups = list(Synoniemen.objects.values_list("words", flat=True))
        assert sorted(groups) == sorted(DEMO_SYNONYMS)
        for group in Synoniemen.objects.all():
            group.full_clean()

    def test_organisations(self):
        assert Organisatie.objects.count() >= 12
        assert Organisatie.objects.get(name="Pharos").sector == Organisatie.Sector.KENNIS

    @pytest.mark.parametrize("language", ["nl", "en"])
    def test_menu_pages_are_live_and_in_order(self, client, language):
        home = HomePage.objects.get(locale__language_code=language)
        menu = home.get_children().live().in_menu()
        assert [page.title for page in menu] == MENU_TITLES[language]
        for page in menu:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert page.title in response.text

    def test_statements_are_linked_from_settings_but_not_in_the_menu(self, client):
        settings = GezondInSettings.for_site(Site.objects.get(is_default_site=True))
        assert settings.contact_email == "gezondin@example.nl"
        assert settings.contact_page.slug == "contact"
        assert settings.privacy_page.slug == "privacyverklaring"
        assert settings.accessibility_page.slug == "toegankelijkheidsverklaring"
        for page in (settings.privacy_page, settings.accessibility_page):
            assert page.live and not page.show_in_menus
            english = page.get_translation(Locale.objects.get(language_code="en"))
            assert english.live and not english.show_in_menus
            assert client.get(english.url).status_code == 200

    def test_pages_have_substantial_bodies_with_working_links(self):
        for page in StandardPage.objects.all():
            types = [block.block_type for block in page.body]
            assert len(types) >= 5, page
            assert "heading" in types and "paragraph" in types
            for block in page.body:
                if block.block_type == "call_to_action":
                    target = block.value["link"]["page"]
                    assert target.locale_id == page.locale_id
        all_types = {block.block_type for page in StandardPage.objects.all() for block in page.body}
        assert {"accordion", "quote", "callout", "call_to_action"} <= all_types

    def test_site_search_finds_the_pages(self, client):
        assert Page.objects.live().search("Gezondheidsverschillen").count() >= 1
        response = client.get("/nl/zoeken/", {"q": "Gezondheidsverschillen"})
        assert response.status_code == 200
        assert "/nl/gezondheidsverschillen/" in response.text

    def test_admin_can_log_in_with_the_demo_password(self, client):
        # django-axes needs the request to count the attempt (settings/base.py).
        assert client.login(
            request=HttpRequest(), username="admin", password=DEFAULT_ADMIN_PASSWORD
        )
        assert client.get("/admin/").status_code == 200

    def test_second_run_changes_nothing(self):
        admin = get_user_model().objects.get(username="admin")
        before = row_counts()

        output = run_load_demo()

        assert row_counts() == before
        assert " created" not in output and " updated" not in output
        assert "Thema: 20 already present" in output
        assert "Pages: 12 already present" in output
        assert f"Synoniemen: {len(DEMO_SYNONYMS)} already present" in output
        admin.refresh_from_db()
        assert admin.check_password(DEFAULT_ADMIN_PASSWORD)
        unchanged = (
            f"The admin login is unchanged: username admin, password {DEFAULT_ADMIN_PASSWORD}"
        )
        assert unchanged in output

    def test_admin_password_is_kept_unless_reset_is_asked(self):
        admin = get_user_model().objects.get(username="admin")
        admin.set_password("eigen-wachtwoord")
        admin.save()

        output = run_load_demo(admin_password="ander-wachtwoord")
        admin.refresh_from_db()
        assert admin.check_password("eigen-wachtwoord")
        assert "keeps its own password" in output
        assert "ander-wachtwoord" not in output

        output = run_load_demo("--reset-admin-password", "--admin-password", "ander-wachtwoord")
        admin.refresh_from_db()
        assert admin.check_password("ander-wachtwoord")
        assert "password: ander-wachtwoord (reset)" in output
        assert "Admin user: 1 updated" in output


def test_practices_needs_the_kennisbank():
    with pytest.raises(CommandError, match=r"--practices needs the kennisbank"):
        run_load_demo("--practices", "5")
    assert not HomePage.objects.exists()


def test_practices_must_not_be_negative():
    with pytest.raises(CommandError, match="expected 0 or more"):
        run_load_demo("--practices", "-1")


def test_a_registered_step_receives_the_options(monkeypatch):
    seen = {}

    def fake_practices(ctx):
        seen["practices"] = ctx.options["practices"]
        ctx.record("Praktijkvoorbeelden", registry.CREATED, label="5 generated")

    # Import every app's demo module first, so that only the fake step is registered below.
    autodiscover_modules("demo")
    monkeypatch.setattr(registry, "_steps", {})
    registry.register_step("fake-practices", order=500, provides={"practices"})(fake_practices)

    output = run_load_demo("--practices", "5")

    assert seen == {"practices": 5}
    assert "Praktijkvoorbeelden: 1 created" in output
    assert "Demo loaded." in output


def test_an_existing_home_page_is_kept(home_page, english_home):
    output = run_load_demo()

    assert "Pages: 2 already present, 10 created" in output or (
        "Pages: 10 created, 2 already present" in output
    )
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home_page.pk
    home_page.refresh_from_db()
    english_home.refresh_from_db()
    assert [page.title for page in home_page.get_children().in_menu()] == MENU_TITLES["nl"]
    assert [page.title for page in english_home.get_children().in_menu()] == MENU_TITLES["en"]


def test_each_page_is_put_in_the_search_index_once(monkeypatch):
    """Saved several times while it is built (created, published, translated), a demo page is
    indexed when the content is complete, once (gezondin.page_indexing)."""
    added = []
    original = IndexingOnce.add

    def add(backend, obj):
        added.append((obj._meta.label, obj.pk))
        return original(backend, obj)

    monkeypatch.setattr(IndexingOnce, "add", add)
    run_load_demo()

    pages = [(page._meta.label, page.pk) for page in Page.objects.exclude(depth=1).specific()]
    assert len(pages) > 10
    assert sorted(key for key in added if key in pages) == sorted(pages)


def test_a_site_that_is_not_the_welcome_page_is_left_alone():
    welcome = Site.objects.get(is_default_site=True).root_page
    StandardPageFactory(parent=welcome, title="Eigen inhoud")

    with pytest.raises(CommandError, match="leaves such a site alone"):
        run_load_demo()


def test_a_missing_default_site_is_created():
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.delete()
    welcome.delete()

    output = run_load_demo()

    assert "Site: 1 created" in output
    site = Site.objects.get(is_default_site=True)
    # At the address the site is served at (WAGTAILADMIN_BASE_URL; http://testserver in tests).
    assert (site.hostname, site.port) == ("testserver", 80)
    assert isinstance(site.root_page.specific, HomePage)
