"""Setting up a municipality's section (kennisbank.publishing.setup_gemeente): the function, the
`setup_gemeente` command and the admin action, on a site with an overview of municipalities in
both languages, built once for the module (tests/shared.py). The same on a site that is not
ready: test_setup_gemeente_not_ready.py.
"""

# The fixtures imported from tests.kennisbank.sections are the tests' parameters (and what
# those depend on: a shared fixture finds its own parameters among the module's fixtures).
# ruff: noqa: F811

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    WorkflowPage,
)

from gezondin.models import Gemeente
from gezondin.roles import NATIONAL_GROUP_NAME
from kennisbank.models import GemeentePage
from kennisbank.publishing import (
    TASK_NAME,
    WORKFLOW_NAME,
    SetupError,
    ensure_national_editors,
    ensure_workflow,
    setup_gemeente,
)
from tests.factories import GemeenteFactory
from tests.kennisbank.sections import (  # noqa: F401 - the tests' fixtures
    amsterdam,
    client_for,
    counts,
    perms,
    publish,
    setup_url,
    superuser,
    tilburg,
    tree,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("tree", "superuser")]


# The setup ---------------------------------------------------------------------------------------


def test_setup_gives_each_locale_a_published_section_with_its_own_group(tree, tilburg, locales):
    result = setup_gemeente(tilburg)

    assert list(result.pages) == ["nl", "en"]
    nl, en = result.pages["nl"], result.pages["en"]
    assert (nl.title, nl.slug, nl.gemeente) == ("Tilburg", "tilburg", tilburg)
    assert nl.get_parent().pk == tree.index.pk and en.get_parent().pk == tree.en_index.pk
    assert en.locale == locales["en"] and en.translation_key == nl.translation_key
    assert en.gemeente == tilburg
    assert nl.live and en.live
    assert result.created_pages == [nl, en]

    group = result.group
    assert result.created_group and group.name == "Redactie Tilburg"
    assert group.permissions.filter(codename="access_admin").exists()
    # Per locale: the same rights on the Dutch and on the English section, and nothing more.
    assert perms(group, nl) == perms(group, en) == {"add_page", "change_page"}
    assert GroupPagePermission.objects.filter(group=group).count() == 4

    collection = result.collection
    assert collection.name == "Gemeente Tilburg"
    assert collection.get_parent() == Collection.get_first_root_node()
    own = set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission__codename", flat=True
        )
    )
    assert own == {"add_image", "choose_image", "add_document", "choose_document"}
    on_root = set(
        GroupCollectionPermission.objects.filter(
            group=group, collection=Collection.get_first_root_node()
        ).values_list("permission__codename", flat=True)
    )
    assert on_root == {"choose_image", "choose_document"}

    for page in (nl, en):
        workflow = page.get_workflow()
        assert workflow.name == WORKFLOW_NAME
        assert WorkflowPage.objects.get(page=page).workflow == workflow
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == [TASK_NAME]
    assert list(tasks[0].groups.values_list("name", flat=True)) == [NATIONAL_GROUP_NAME]


def test_setup_is_idempotent(tree, tilburg):
    first = setup_gemeente(tilburg)
    before = counts()

    second = setup_gemeente(tilburg)
    ensure_national_editors()
    ensure_workflow()

    assert counts() == before
    assert second.created_pages == [] and not second.created_group
    assert not second.created_collection and not second.changed
    assert second.group == first.group
    assert {k: p.pk for k, p in second.pages.items()} == {k: p.pk for k, p in first.pages.items()}


def test_setup_reuses_sections_made_by_hand_and_keeps_their_content(tree, tilburg):
    page = publish(
        tree.index,
        GemeentePage(title="Gemeente Tilburg", slug="gemeente-tilburg", gemeente=tilburg),
    )

    result = setup_gemeente(tilburg)

    assert result.pages["nl"].pk == page.pk
    assert result.pages["nl"].title == "Gemeente Tilburg"
    assert [p.locale.language_code for p in result.created_pages] == ["en"]
    assert GemeentePage.objects.filter(gemeente=tilburg).count() == 2


def test_setup_refuses_a_merged_municipality(tree, tilburg):
    merged = GemeenteFactory(cbs_code="GM9901", name="Oud-Tilburg", is_active=False)
    merged.successor = tilburg
    merged.save()

    with pytest.raises(SetupError, match="GM0855"):
        setup_gemeente(merged)
    assert not GemeentePage.objects.filter(gemeente=merged).exists()


# The command -------------------------------------------------------------------------------------


def test_command_sets_up_municipalities_by_cbs_code(tree, locales):
    out = StringIO()
    call_command("setup_gemeente", "gm0855", "GM0363", stdout=out)

    output = out.getvalue()
    assert "Tilburg (GM0855)" in output and "Amsterdam (GM0363)" in output
    assert "Group ‘Redactie Tilburg’: created" in output
    assert "2 municipalities set up: 4 page(s) and 2 group(s) created." in output
    assert GemeentePage.objects.filter(gemeente__cbs_code="GM0855").count() == 2

    out = StringIO()
    call_command("setup_gemeente", "GM0855", stdout=out)
    assert "already present" in out.getvalue()
    assert "0 page(s) and 0 group(s) created" in out.getvalue()


def test_command_with_all_gids(tree, tilburg, amsterdam):
    Gemeente.objects.update(is_gids=False)
    Gemeente.objects.filter(pk__in=[tilburg.pk, amsterdam.pk]).update(is_gids=True)

    call_command("setup_gemeente", "--all-gids", stdout=StringIO())

    assert set(GemeentePage.objects.values_list("gemeente__cbs_code", flat=True)) == {
        "GM0855",
        "GM0363",
    }


def test_command_names_an_unknown_code(tree):
    with pytest.raises(CommandError, match="GM9999"):
        call_command("setup_gemeente", "GM0855", "gm9999", stdout=StringIO())
    assert not GemeentePage.objects.exists()


def test_command_suggests_the_successor_of_a_merged_municipality(tree, tilburg):
    GemeenteFactory(cbs_code="GM9902", name="Oud-Tilburg", is_active=False, successor=tilburg)

    with pytest.raises(CommandError, match=r"GM9902.*Tilburg.*GM0855"):
        call_command("setup_gemeente", "GM9902", stdout=StringIO())
    assert not GemeentePage.objects.exists()


# The admin action --------------------------------------------------------------------------------


def test_admin_action_sets_up_a_municipality(tree, tilburg, superuser):
    client = client_for(superuser)

    listing = client.get(reverse("wagtailsnippets_gezondin_gemeente:list"))
    assert listing.status_code == 200
    first = Gemeente.objects.order_by("name").first()
    assert f'href="{setup_url(first)}?next='.encode() in listing.content

    form = client.get(setup_url(tilburg))
    assert form.status_code == 200
    assert "Redactie Tilburg" in form.content.decode()

    response = client.post(setup_url(tilburg), {"confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_gezondin_gemeente:list")
    assert GemeentePage.objects.filter(gemeente=tilburg, live=True).count() == 2
    assert Group.objects.filter(name="Redactie Tilburg").exists()
    messages = [str(m.message) for m in get_messages(response.wsgi_request)]
    assert any("Tilburg is ingericht" in message for message in messages)

    # Again: nothing changes, and it says so.
    response = client.post(setup_url(tilburg), {"confirm": "on"})
    messages = [str(m.message) for m in get_messages(response.wsgi_request)]
    assert any("was al ingericht" in message for message in messages)


def test_setup_finds_its_group_and_collection_again_after_a_rename(tree, tilburg):
    first = setup_gemeente(tilburg)
    tilburg.display_name = "Gemeente Tilburg"
    tilburg.save()
    before = counts()

    second = setup_gemeente(tilburg)

    assert counts() == before
    assert second.group == first.group and second.collection == first.collection
    assert not second.changed
