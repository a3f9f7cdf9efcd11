"""A municipal editor's start in the admin: the dashboard panel "Mijn gemeente" and the page
explorer opening at their section (kennisbank/dashboard.py, docs/publishing.md).

Through the admin with the test client, logged in as the users of tests/kennisbank/sections.py;
each user's admin language is set explicitly, so the texts and the chosen section don't depend
on what an earlier test left behind.
"""

# The fixtures imported from tests.kennisbank.sections are the tests' parameters.
# ruff: noqa: F811

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.permissions import page_permission_policy
from wagtail.users.models import UserProfile

from tests.kennisbank.sections import (  # noqa: F401 - the tests' fixtures
    add_url,
    amsterdam,
    client_for,
    create_practice,
    edit_url,
    editor_a,
    editor_b,
    national,
    refresh,
    sections,
    superuser,
    tilburg,
    tree,
    workflow_action_url,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.shared_data("sections", "editor_a", "editor_b", "national"),
]

HOME = reverse("wagtailadmin_home")


def speaking(user, language="nl"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return client_for(user)


def panel(response, cbs_code):
    """The HTML of the panel "Mijn gemeente" of one municipality, or None."""
    html = response.content.decode()
    match = re.search(
        rf'<section[^>]*id="mijn-gemeente-{cbs_code}-section".*?</section>', html, re.DOTALL
    )
    return match.group(0) if match else None


def explorer_start(response):
    """The page the menu's explorer opens at (the sidebar's PageExplorerMenuItem)."""
    html = response.content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        html,
        re.DOTALL,
    )
    assert props, "no sidebar"

    def find(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                return node["_args"]
            return next(filter(None, map(find, node.values())), None)
        if isinstance(node, list):
            return next(filter(None, map(find, node)), None)
        return None

    args = find(json.loads(props.group(1)))
    assert args, "no page explorer in the menu"
    item, start_page = args
    return {"url": item["url"], "start_page": start_page}


# The panel ---------------------------------------------------------------------------------------


def test_a_municipal_editor_starts_with_their_municipality(editor_a, sections, tilburg):
    response = speaking(editor_a).get(HOME)
    assert response.status_code == 200
    html = panel(response, tilburg.cbs_code)
    assert html, "no panel Mijn gemeente"
    assert "Mijn gemeente: Tilburg" in html
    assert "Nieuw praktijkvoorbeeld" in html
    assert f'href="{add_url(sections.a.pages["nl"])}"' in html
    assert reverse("wagtailadmin_explore", args=[sections.a.pages["nl"].pk]) in html
    for empty in ("Niets teruggestuurd.", "Niets in beoordeling.", "Geen concepten."):
        assert empty in html
    assert panel(response, "GM0363") is None  # not Amsterdam's


def test_the_panel_speaks_the_editors_language(editor_a, sections, tilburg):
    html = panel(speaking(editor_a, "en").get(HOME), tilburg.cbs_code)
    assert "My municipality: Tilburg" in html
    assert "New practice example" in html
    # The English section is where their new practice goes in English.
    assert f'href="{add_url(sections.a.pages["en"])}"' in html


def test_national_editors_and_superusers_get_no_municipal_panel(national, superuser, sections):
    for user in (national, superuser):
        response = speaking(user).get(HOME)
        assert response.status_code == 200
        assert b"Mijn gemeente" not in response.content


def test_drafts_in_review_and_returned_with_the_reviewers_comment(
    editor_a, editor_b, national, sections, tilburg
):
    editor = speaking(editor_a)
    section = sections.a.pages["nl"]
    _response, draft = create_practice(editor, section, "Buurtsportcoach")
    submit = "action-submit"
    _response, submitted = create_practice(editor, section, "Gezonde school", action=submit)
    _response, returned = create_practice(editor, section, "Schuldhulp", action=submit)
    speaking(national).post(
        workflow_action_url(refresh(returned), "reject"),
        {"comment": "Voeg de resultaten toe, graag met bron."},
    )
    # Another municipality's draft is none of Tilburg's business.
    create_practice(speaking(editor_b), sections.b.pages["nl"], "Amsterdams concept")

    html = panel(editor.get(HOME), tilburg.cbs_code)
    returned_part, rest = html.split("In beoordeling", 1)
    review_part, drafts_part = rest.split("Mijn concepten", 1)

    assert f'href="{edit_url(returned)}"' in returned_part
    assert "Voeg de resultaten toe, graag met bron." in returned_part
    assert f'href="{edit_url(submitted)}"' in review_part
    assert "Schuldhulp" not in review_part
    assert f'href="{edit_url(draft)}"' in drafts_part
    assert "Gezonde school" not in drafts_part and "Schuldhulp" not in drafts_part
    assert "Amsterdams concept" not in html


def test_drafts_are_the_editors_own(editor_a, sections, tilburg, django_user_model):
    colleague = django_user_model.objects.create_user(username="collega-tilburg", password="x")
    colleague.groups.add(sections.a.group)
    create_practice(speaking(colleague), sections.a.pages["nl"], "Van een collega")

    assert "Van een collega" in panel(speaking(colleague).get(HOME), tilburg.cbs_code)
    assert "Van een collega" not in panel(speaking(editor_a).get(HOME), tilburg.cbs_code)


def test_an_editor_of_two_municipalities_gets_a_panel_for_each(editor_a, sections, tilburg):
    editor_a.groups.add(sections.b.group)
    response = speaking(editor_a).get(HOME)
    assert panel(response, tilburg.cbs_code) and panel(response, "GM0363")


# The explorer ------------------------------------------------------------------------------------


def test_wagtail_would_open_the_explorer_above_both_language_trees(editor_a, sections):
    """Why the menu item is replaced: the explorable root is the tree's root."""
    assert page_permission_policy.explorable_root_instance(editor_a).is_root()


def test_the_explorer_opens_at_the_editors_section(editor_a, sections):
    for language in ("nl", "en"):
        section = sections.a.pages[language]
        client = speaking(editor_a, language)
        menu = explorer_start(client.get(HOME))
        assert menu["start_page"] == section.pk
        assert menu["url"] == reverse("wagtailadmin_explore", args=[section.pk])
        assert client.get(menu["url"]).status_code == 200


def test_the_other_language_stays_reachable(editor_a, sections):
    client = speaking(editor_a)
    response = client.get(reverse("wagtailadmin_explore", args=[sections.a.pages["en"].pk]))
    assert response.status_code == 200
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200


def test_an_editor_of_two_municipalities_starts_at_the_overview(editor_a, sections, tree):
    editor_a.groups.add(sections.b.group)
    assert explorer_start(speaking(editor_a).get(HOME))["start_page"] == tree.index.pk


def test_national_editors_keep_wagtails_start(national, superuser, sections, tree):
    root = Page.get_first_root_node()
    for user in (national, superuser):
        menu = explorer_start(speaking(user).get(HOME))
        assert menu["start_page"] == root.pk
