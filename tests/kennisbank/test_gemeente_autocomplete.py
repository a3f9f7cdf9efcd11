"""Municipalities are chosen with a searchable autocomplete in the admin (gezondin/widgets.py,
docs/publishing.md): the practice's and knowledge page's ``gemeenten``, a section's ``gemeente``,
a municipality's successor. The form renders the select the script enhances, with what each
option is found by; the field's name and what it posts stay Django's own.

The script itself (keyboard, live region) is walked in Chromium in
tests/browser/test_editor_admin.py.
"""

# The fixtures imported from tests.kennisbank.sections are the tests' parameters.
# ruff: noqa: F811

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from wagtail.users.models import UserProfile

from gezondin.models import Gemeente
from kennisbank.models import PraktijkvoorbeeldPage
from tests.factories import ThemaFactory
from tests.kennisbank.sections import (  # noqa: F401 - the tests' fixtures
    add_url,
    amsterdam,
    client_for,
    edit_url,
    editor_a,
    national,
    practice_form,
    sections,
    tilburg,
    tree,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("sections", "editor_a", "national")]


def speaking(user, language="nl"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return client_for(user)


def select_tag(html, name):
    match = re.search(rf'<select[^>]*name="{re.escape(name)}"[^>]*>', html)
    assert match, f"no select {name}"
    return match.group(0)


def option_tag(html, gemeente):
    match = re.search(rf'<option value="{gemeente.pk}"[^>]*>[^<]*</option>', html)
    assert match, f"no option for {gemeente}"
    return match.group(0)


def test_a_practice_chooses_its_municipalities_with_the_autocomplete(editor_a, sections):
    ThemaFactory(name="Wonen", slug="wonen")
    response = speaking(editor_a).get(add_url(sections.a.pages["nl"]))
    html = response.content.decode()
    select = select_tag(html, "gemeenten")
    assert 'data-controller="gz-autocomplete"' in select
    assert " multiple" in select
    assert 'data-gz-autocomplete-placeholder-value="Typ een naam, CBS-code of provincie"' in select
    assert 'data-gz-autocomplete-remove-value="%(name)s verwijderen"' in select
    assert "gezondin/admin/autocomplete.js" in html
    assert "gezondin/admin/autocomplete.css" in html
    # Found by its common name, CBS code and province, not only the official name.
    den_haag = option_tag(html, Gemeente.objects.get(cbs_code="GM0518"))
    assert "Den Haag" in den_haag and "GM0518" in den_haag and "Zuid-Holland" in den_haag
    # The vocabularies keep their checkboxes.
    assert re.search(r'<input type="checkbox" name="themas"', html)
    assert not re.search(r'<select[^>]*name="themas"', html)


def test_the_script_and_styles_are_there():
    assert finders.find("gezondin/admin/autocomplete.js")
    assert finders.find("gezondin/admin/autocomplete.css")


def test_the_texts_follow_the_editors_language(editor_a, sections):
    html = speaking(editor_a, "en").get(add_url(sections.a.pages["nl"])).content.decode()
    select = select_tag(html, "gemeenten")
    assert 'data-gz-autocomplete-placeholder-value="Type a name, CBS code or province"' in select
    assert 'data-gz-autocomplete-remove-value="Remove %(name)s"' in select


def test_what_is_chosen_is_saved_and_shown_chosen_again(editor_a, sections, tilburg, amsterdam):
    client = speaking(editor_a)
    data = {**practice_form("Samen gezond"), "gemeenten": [tilburg.pk, amsterdam.pk]}
    client.post(add_url(sections.a.pages["nl"]), data)
    page = PraktijkvoorbeeldPage.objects.get(title="Samen gezond")
    assert set(page.get_latest_revision_as_object().gemeenten.all()) == {tilburg, amsterdam}

    html = client.get(edit_url(page)).content.decode()
    assert " selected" in option_tag(html, tilburg)
    assert " selected" in option_tag(html, amsterdam)
    assert " selected" not in option_tag(html, Gemeente.objects.get(cbs_code="GM0518"))


def test_a_section_and_a_successor_choose_one_municipality(national, sections, tilburg):
    client = speaking(national)
    html = client.get(edit_url(sections.a.pages["nl"])).content.decode()
    select = select_tag(html, "gemeente")
    assert 'data-controller="gz-autocomplete"' in select and "multiple" not in select

    url = reverse("wagtailsnippets_gezondin_gemeente:edit", args=[tilburg.pk])
    select = select_tag(client.get(url).content.decode(), "successor")
    assert 'data-controller="gz-autocomplete"' in select and "multiple" not in select


def test_a_merged_municipality_says_so(editor_a, sections, tilburg):
    merged = Gemeente.objects.create(
        cbs_code="GM9999", name="Oudestad", provincie="noord-brabant", is_active=False
    )
    html = speaking(editor_a).get(add_url(sections.a.pages["nl"])).content.decode()
    assert "Oudestad (bestaat niet meer)" in option_tag(html, merged)
    assert "bestaat niet meer" not in option_tag(html, tilburg)
