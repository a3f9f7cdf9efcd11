"""Translation as a draft (gezondin/translation_rights.py, docs/publishing.md "Translating"):
"translate" makes a draft in the other language that goes live only when someone publishes it,
and municipal editors translate their own section's pages, nothing else.

Through wagtail-localize's admin views (as GezondIn guards them), logged in as the users of
tests/kennisbank/sections.py, each with an explicit admin language.
"""

# The fixtures imported from tests.kennisbank.sections are the tests' parameters.
# ruff: noqa: F811

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Locale, WorkflowState
from wagtail.users.models import UserProfile

from gezondin.models import Doelgroep, StandardPage, Thema
from kennisbank.facet_index import facet_index
from kennisbank.models import PraktijkvoorbeeldPage
from kennisbank.search import kennis_queryset
from tests.kennisbank.sections import (  # noqa: F401 - the tests' fixtures
    amsterdam,
    assert_denied,
    client_for,
    edit_url,
    editor_a,
    national,
    practice_form,
    practice_term,
    refresh,
    sections,
    tilburg,
    tree,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("sections", "editor_a", "national")]


def speaking_dutch(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    return client_for(user)


@pytest.fixture
def editor(editor_a):
    return speaking_dutch(editor_a)


@pytest.fixture
def reviewer(national):
    return speaking_dutch(national)


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def translate_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def translate(client, page, locale):
    return client.post(translate_url(page), {"locales": [locale.pk]})


def live_practice(owner, parent, title):
    """A live practice in ``parent`` (a section), as complete as the admin's form makes it
    (sections.practice_form), published by ``owner``: through the models, as what is tested here
    is translating it (making one in the admin is tested in test_publishing.py)."""
    page = PraktijkvoorbeeldPage(
        title=title,
        slug=slugify(title),
        owner=owner,
        intro="<p>Buurtcoaches helpen gezinnen met geldzorgen.</p>",
        approach=[{"type": "paragraph", "value": "<p>Huisbezoeken door buurtcoaches.</p>"}],
        status="lopend",
        erkenning="niet-beoordeeld",
        last_checked=datetime.date(2026, 1, 15),
    )
    parent.add_child(instance=page)
    page.themas.set([practice_term(Thema, "Armoede en schulden")])
    page.doelgroepen.set([practice_term(Doelgroep, "Ouders")])
    page.gemeenten.set([parent.specific.gemeente])
    page.save_revision(user=owner).publish(user=owner)
    assert refresh(page).live
    return refresh(page)


def english_search(query):
    with translation.override("en"):
        return reverse("gezondin:search") + f"?q={query}"


def visible_on(url, text):
    return text in Client().get(url, follow=True).content.decode()


def test_a_translation_is_a_draft_until_someone_publishes_it(
    sections, national, reviewer, english, tilburg, django_capture_on_commit_callbacks
):
    practice = live_practice(national, sections.a.pages["nl"], "Buurtcoaches in Reeshof")
    english_section = sections.a.pages["en"]

    # wagtail-localize publishes after the transaction commits: run what it leaves for then.
    with django_capture_on_commit_callbacks(execute=True):
        response = translate(reviewer, practice, english)

    assert response.status_code == 302
    translation = PraktijkvoorbeeldPage.objects.get(
        translation_key=practice.translation_key, locale=english
    )
    assert translation.get_parent().pk == english_section.pk
    assert not translation.live and translation.live_revision is None
    assert refresh(practice).live
    assert not visible_on(english_section.url, "Buurtcoaches in Reeshof")
    assert not visible_on(english_search("Reeshof"), "Buurtcoaches in Reeshof")
    assert not PraktijkvoorbeeldPage.objects.live().filter(locale=english).exists()

    # Translated and published in the editor, it goes live.
    response = reviewer.post(
        edit_url(translation),
        {
            **practice_form("Neighbourhood coaches in Reeshof", gemeente=tilburg),
            "slug": "neighbourhood-coaches-reeshof",
            "action-publish": "1",
        },
    )
    assert response.status_code == 302
    translation = refresh(translation)
    assert translation.live and translation.title == "Neighbourhood coaches in Reeshof"
    assert visible_on(english_section.url, "Neighbourhood coaches in Reeshof")
    assert visible_on(english_search("Reeshof"), "Neighbourhood coaches in Reeshof")


def test_a_municipal_editor_translates_a_practice_in_their_section_and_submits_it(
    sections, editor, national, english, tilburg, django_capture_on_commit_callbacks
):
    practice = live_practice(national, sections.a.pages["nl"], "Gezond ontbijt")

    with django_capture_on_commit_callbacks(execute=True):
        response = translate(editor, practice, english)

    assert response.status_code == 302
    translation = PraktijkvoorbeeldPage.objects.get(
        translation_key=practice.translation_key, locale=english
    )
    assert not translation.live
    assert editor.get(edit_url(translation)).status_code == 200

    response = editor.post(
        edit_url(translation),
        {
            **practice_form("Healthy breakfast", gemeente=tilburg),
            "slug": "healthy-breakfast",
            "action-submit": "1",
        },
    )
    assert response.status_code == 302
    translation = refresh(translation)
    assert not translation.live
    assert translation.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_municipal_editor_cannot_translate_another_sections_page(
    tree, sections, editor, national, english
):
    practice_b = live_practice(national, sections.b.pages["nl"], "Buurtsport in Noord")

    assert_denied(editor.get(translate_url(practice_b)))
    assert_denied(translate(editor, practice_b, english))
    assert_denied(translate(editor, tree.kennisbank, english))
    assert not PraktijkvoorbeeldPage.objects.filter(
        translation_key=practice_b.translation_key, locale=english
    ).exists()


def test_a_municipal_editor_cannot_translate_vocabulary(editor, english):
    thema = practice_term(Thema, "Wonen")
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["gezondin", "thema", thema.pk]
    )

    assert_denied(editor.post(url, {"locales": [english.pk]}))
    assert not Thema.objects.filter(locale=english, translation_key=thema.translation_key).exists()


def test_a_page_whose_parent_is_not_translated_is_refused_with_a_message(
    sections, national, reviewer, english
):
    # The Dutch section page of Tilburg is translated; its English copy is removed here.
    sections.a.pages["en"].delete()
    practice = live_practice(national, sections.a.pages["nl"], "Zonder Engelse sectie")

    response = translate(reviewer, practice, english)

    assert response.status_code == 302
    page = reviewer.get(response["Location"])
    assert "vertaal eerst de bovenliggende pagina" in page.content.decode()
    assert not PraktijkvoorbeeldPage.objects.filter(
        translation_key=practice.translation_key, locale=english
    ).exists()


def test_an_untranslated_alias_is_in_no_english_listing(sections, national, english):
    """With "synchronise content" on for a locale, wagtail-localize makes live aliases of the
    other language's pages: still Dutch, they stay out of the English kennisbank, its facets and
    the site search until someone translates them."""
    practice = live_practice(national, sections.a.pages["nl"], "Buurtcoaches in Haaren")
    alias = practice.copy_for_translation(english, copy_parents=True, alias=True)
    assert alias.live and alias.alias_of_id == practice.pk and alias.locale == english

    assert not kennis_queryset(locale=english).filter(pk=alias.pk).exists()
    assert alias.pk not in facet_index(english.pk).ids
    assert not visible_on(english_search("Haaren"), "Buurtcoaches in Haaren")
    # The Dutch page itself is listed as before.
    assert practice.pk in facet_index(practice.locale_id).ids
    with translation.override("nl"):
        dutch_search = reverse("gezondin:search") + "?q=Haaren"
    assert visible_on(dutch_search, "Buurtcoaches in Haaren")


def test_an_alias_of_another_page_is_not_found_by_the_site_search(tree, english):
    page = StandardPage(title="Over Haarense buurtcoaches", slug="over-buurtcoaches")
    tree.home.add_child(instance=page)
    page.save_revision().publish()
    alias = page.copy_for_translation(english, alias=True)
    assert alias.live and alias.alias_of_id == page.pk

    assert not visible_on(english_search("Haarense"), "Over Haarense buurtcoaches")
    with translation.override("nl"):
        dutch_search = reverse("gezondin:search") + "?q=Haarense"
    assert visible_on(dutch_search, "Over Haarense buurtcoaches")
