"""Who may publish what: municipal editors in their own section through review, national editors
everywhere and directly (kennisbank/publishing.py, docs/publishing.md).

The boundaries are tested through Wagtail's admin views with the test client, logged in as the
users, and checked in the database as well: a refused request must leave nothing behind.
"""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from gezondin.models import Gemeente
from gezondin.roles import NATIONAL_GROUP_NAME
from kennisbank.models import (
    GemeenteIndexPage,
    GemeentePage,
    KennisbankPage,
    PraktijkvoorbeeldPage,
)
from kennisbank.publishing import (
    TASK_NAME,
    WORKFLOW_NAME,
    SetupError,
    ensure_national_editors,
    ensure_workflow,
    setup_gemeente,
)
from tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


# Fixtures and helpers ----------------------------------------------------------------------------


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def tree(home_page, locales):
    """Home (nl, en), the overview of municipalities (nl and its en translation), kennisbank."""
    index = publish(home_page, GemeenteIndexPage(title="Gemeenten", slug="gemeenten"))
    en_index = index.copy_for_translation(locales["en"]).specific
    en_index.title = "Municipalities"
    en_index.slug = "municipalities"
    en_index.save_revision().publish()
    kennisbank = publish(home_page, KennisbankPage(title="Kennisbank", slug="kennisbank"))
    return SimpleNamespace(
        home=home_page,
        en_home=home_page.get_translation(locales["en"]),
        index=index,
        en_index=en_index,
        kennisbank=kennisbank,
    )


@pytest.fixture
def tilburg(db):
    return Gemeente.objects.get(cbs_code="GM0855")


@pytest.fixture
def amsterdam(db):
    return Gemeente.objects.get(cbs_code="GM0363")


@pytest.fixture
def sections(tree, tilburg, amsterdam):
    """Municipality A (Tilburg) and B (Amsterdam), set up."""
    return SimpleNamespace(a=setup_gemeente(tilburg), b=setup_gemeente(amsterdam))


def make_user(username, *groups, **extra):
    user = User.objects.create_user(
        username=username, email=f"{username}@example.org", password="geheim-wachtwoord", **extra
    )
    user.groups.add(*groups)
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_a(sections):
    return make_user("redacteur-tilburg", sections.a.group)


@pytest.fixture
def editor_b(sections):
    return make_user("redacteur-amsterdam", sections.b.group)


@pytest.fixture
def national(sections):
    return make_user("landelijk", Group.objects.get(name=NATIONAL_GROUP_NAME))


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(
        username="beheer", email="beheer@example.org", password="geheim-wachtwoord"
    )


def practice_form(title, **extra):
    """POST data for PraktijkvoorbeeldPage's create/edit form (blank fields left out)."""
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "approach": streamfield([]),
            "partners": inline_formset([]),
            "comments": inline_formset([]),
            "status": "lopend",
            "erkenning": "niet-beoordeeld",
            "last_checked": "2026-01-15",
            **extra,
        }
    )


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=["kennisbank", "praktijkvoorbeeldpage", parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def unpublish_url(page):
    return reverse("wagtailadmin_pages:unpublish", args=[page.pk])


def workflow_action_url(page, action):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def assert_denied(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")


def create_practice(client, parent, title, action=None):
    """Create a practice through the admin; returns (response, page or None)."""
    data = practice_form(title)
    if action:
        data[action] = "1"
    response = client.post(add_url(parent), data)
    page = PraktijkvoorbeeldPage.objects.child_of(parent).filter(title=title).first()
    if page is None and response.status_code == 200 and response.context:
        form = response.context.get("form")
        raise AssertionError(f"form invalid: {form.errors if form else response.content[:500]}")
    return response, page


def published_practice(parent, title):
    return publish(parent, PraktijkvoorbeeldPage(title=title, slug=slugify(title)))


def refresh(page):
    return PraktijkvoorbeeldPage.objects.get(pk=page.pk)


def perms(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def counts():
    return {
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collections": Collection.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "revisions": Revision.objects.count(),
    }


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


def test_national_editors_get_rights_in_every_locale(tree, sections):
    national = Group.objects.get(name=NATIONAL_GROUP_NAME)
    everything = {
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    }
    assert perms(national, tree.home) == everything
    assert perms(national, tree.en_home) == everything
    codenames = set(national.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_gemeente", "change_organisatie", "delete_thema"} <= codenames
    root_collection = set(
        GroupCollectionPermission.objects.filter(
            group=national, collection=Collection.get_first_root_node()
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_image", "delete_image", "add_document", "choose_document"} <= root_collection


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


def test_setup_refuses_a_locale_without_an_overview_of_municipalities(home_page, tilburg):
    publish(home_page, GemeenteIndexPage(title="Gemeenten", slug="gemeenten"))
    before = counts()

    with pytest.raises(SetupError, match="en"):
        setup_gemeente(tilburg)

    assert counts() == before
    assert not Group.objects.filter(name="Redactie Tilburg").exists()


def test_setup_refuses_a_merged_municipality(tree, tilburg):
    merged = GemeenteFactory(cbs_code="GM9901", name="Oud-Tilburg", is_active=False)
    merged.successor = tilburg
    merged.save()

    with pytest.raises(SetupError, match="GM0855"):
        setup_gemeente(merged)
    assert not GemeentePage.objects.filter(gemeente=merged).exists()


# Municipal editors in their own section ----------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_municipal_editor_saves_a_draft_in_their_own_section(sections, editor_a, language):
    section = sections.a.pages[language]
    client = client_for(editor_a)

    form = client.get(add_url(section))
    assert form.status_code == 200
    # No publish button: their "publish" is "submit for moderation".
    assert b'name="action-publish"' not in form.content
    assert b'name="action-submit"' in form.content

    response, page = create_practice(client, section, f"Schuldhulp in de wijk ({language})")

    assert response.status_code == 302
    assert page is not None and page.get_parent().pk == section.pk
    assert page.locale.language_code == language
    assert not page.live and page.owner == editor_a
    assert page.latest_revision is not None
    assert page.current_workflow_state is None


def test_municipal_editor_cannot_publish_directly(sections, editor_a):
    section = sections.a.pages["nl"]
    client = client_for(editor_a)

    response, page = create_practice(client, section, "Gezond ontbijt", action="action-publish")
    assert response.status_code == 302
    page = refresh(page)
    assert not page.live and page.live_revision is None
    assert page.current_workflow_state is None

    # Editing it with "publish" only saves another draft.
    response = client.post(
        edit_url(page), {**practice_form("Gezond ontbijt op school"), "action-publish": "1"}
    )
    page = refresh(page)
    assert not page.live and page.live_revision is None
    assert page.get_latest_revision_as_object().title == "Gezond ontbijt op school"


def test_municipal_editor_submits_for_moderation(sections, editor_a):
    section = sections.a.pages["en"]
    client = client_for(editor_a)

    _response, page = create_practice(client, section, "Healthy start", action="action-submit")

    page = refresh(page)
    state = page.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    assert page.current_workflow_task.name == TASK_NAME
    assert state.requested_by == editor_a
    assert not page.live

    # They cannot approve their own submission.
    assert_denied(client.post(workflow_action_url(page, "approve"), {"comment": ""}))
    page = refresh(page)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.live


# Outside their section ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_municipal_editor_cannot_touch_another_municipalitys_section(sections, editor_a, language):
    section_b = sections.b.pages[language]
    practice_b = published_practice(section_b, "Buurtsportcoach")
    revisions = practice_b.revisions.count()
    client = client_for(editor_a)

    # Create under B.
    assert_denied(client.get(add_url(section_b)))
    assert_denied(client.post(add_url(section_b), practice_form("Inbraak")))
    assert not PraktijkvoorbeeldPage.objects.filter(title="Inbraak").exists()

    # Edit B's practice, or publish it.
    assert_denied(client.get(edit_url(practice_b)))
    assert_denied(client.post(edit_url(practice_b), practice_form("Overgenomen")))
    assert_denied(
        client.post(edit_url(practice_b), {**practice_form("Overgenomen"), "action-publish": "1"})
    )
    # Edit B's section page itself.
    assert_denied(client.get(edit_url(section_b)))

    # Delete or unpublish it.
    assert_denied(client.get(delete_url(practice_b)))
    assert_denied(client.post(delete_url(practice_b)))
    assert_denied(client.post(unpublish_url(practice_b)))

    practice_b = refresh(practice_b)
    assert practice_b.title == "Buurtsportcoach" and practice_b.live
    assert practice_b.revisions.count() == revisions
    assert practice_b.get_latest_revision_as_object().title == "Buurtsportcoach"


def test_municipal_editor_cannot_create_in_the_national_kennisbank(tree, sections, editor_a):
    client = client_for(editor_a)
    before = counts()

    assert_denied(client.get(add_url(tree.kennisbank)))
    assert_denied(
        client.post(add_url(tree.kennisbank), {**practice_form("Landelijk"), "action-submit": "1"})
    )
    assert_denied(client.get(edit_url(tree.kennisbank)))
    assert_denied(client.get(edit_url(tree.index)))

    assert counts() == before
    assert not PraktijkvoorbeeldPage.objects.filter(title="Landelijk").exists()


def test_municipal_editor_cannot_delete_a_published_practice_even_their_own(
    sections, editor_a, national
):
    section = sections.a.pages["nl"]
    editor = client_for(editor_a)
    _response, page = create_practice(editor, section, "Wijkgezondheid", action="action-submit")
    client_for(national).post(workflow_action_url(refresh(page), "approve"), {"comment": ""})
    assert refresh(page).live and page.owner == editor_a

    assert_denied(editor.get(delete_url(page)))
    assert_denied(editor.post(delete_url(page)))
    assert_denied(editor.post(unpublish_url(page)))
    assert refresh(page).live
    # Nor their section page.
    assert_denied(editor.post(delete_url(section)))
    assert GemeentePage.objects.filter(pk=section.pk, live=True).exists()


def test_municipal_editor_may_delete_a_draft_that_never_went_live(sections, editor_a):
    """Wagtail's rule for edit rights without publish: only pages that are not live."""
    editor = client_for(editor_a)
    _response, page = create_practice(editor, sections.a.pages["nl"], "Weggooiversie")

    response = editor.post(delete_url(page))

    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


# The national editors' review --------------------------------------------------------------------


def test_national_editor_approves_a_submission(sections, editor_a, national):
    _response, page = create_practice(
        client_for(editor_a), sections.a.pages["nl"], "Kansrijke start", action="action-submit"
    )
    state = refresh(page).current_workflow_state

    response = client_for(national).post(
        workflow_action_url(refresh(page), "approve"), {"comment": "Mooi beschreven."}
    )

    assert response.status_code == 302
    page = refresh(page)
    assert page.live and page.live_revision is not None
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    task_state = TaskState.objects.get(workflow_state=state)
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.finished_by.username == "landelijk"


def test_national_editor_rejects_with_a_comment_and_it_returns_to_the_editor(
    sections, editor_a, national
):
    editor = client_for(editor_a)
    _response, page = create_practice(
        editor, sections.a.pages["nl"], "Schuldenvrij", action="action-submit"
    )
    state = refresh(page).current_workflow_state

    response = client_for(national).post(
        workflow_action_url(refresh(page), "reject"),
        {"comment": "Graag de resultaten en bronnen toevoegen."},
    )

    assert response.status_code == 302
    page = refresh(page)
    assert not page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = TaskState.objects.get(workflow_state=state)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Graag de resultaten en bronnen toevoegen."

    # Back with the editor: they can edit and submit again, which resumes the same workflow.
    assert editor.get(edit_url(page)).status_code == 200
    editor.post(
        edit_url(page),
        {
            **practice_form("Schuldenvrij", results=rich_text("<p>Schulden daalden.</p>")),
            "action-submit": "1",
        },
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not refresh(page).live


def test_national_editor_publishes_directly_anywhere(tree, sections, editor_a, national):
    client = client_for(national)

    for parent in (sections.b.pages["nl"], sections.a.pages["en"], tree.kennisbank):
        form = client.get(add_url(parent))
        assert b'name="action-publish"' in form.content
        _response, page = create_practice(
            client, parent, f"Direct {parent.pk}", action="action-publish"
        )
        assert refresh(page).live, parent
        assert page.current_workflow_state is None

    # A page in moderation: publishing directly cancels the review.
    _response, submitted = create_practice(
        client_for(editor_a), sections.a.pages["nl"], "In de wacht", action="action-submit"
    )
    state = refresh(submitted).current_workflow_state
    response = client.post(
        edit_url(submitted), {**practice_form("In de wacht"), "action-publish": "1"}
    )
    assert response.status_code == 302
    assert refresh(submitted).live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED


def test_national_editor_edits_and_deletes_in_a_municipal_section(sections, national):
    practice = published_practice(sections.b.pages["nl"], "Oud voorbeeld")
    client = client_for(national)

    response = client.post(delete_url(practice))

    assert response.status_code == 302
    assert not Page.objects.filter(pk=practice.pk).exists()


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


def test_command_reports_a_site_that_is_not_ready(home_page):
    with pytest.raises(CommandError, match="GemeenteIndexPage"):
        call_command("setup_gemeente", "GM0855", stdout=StringIO())


# The admin action --------------------------------------------------------------------------------


def setup_url(gemeente):
    return reverse("kennisbank_setup_gemeente", args=[gemeente.pk])


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


def test_admin_action_needs_confirmation_and_reports_setup_errors(home_page, tilburg, superuser):
    client = client_for(superuser)

    assert client.post(setup_url(tilburg), {}).status_code == 200  # unchecked: form again
    response = client.post(setup_url(tilburg), {"confirm": "on"})  # no overview of gemeenten

    assert response.status_code == 200
    assert "GemeenteIndexPage" in response.content.decode()
    assert not GemeentePage.objects.exists()


def test_admin_action_is_open_to_national_editors(tree, sections, national, tilburg):
    other = Gemeente.objects.get(cbs_code="GM0917")

    response = client_for(national).post(setup_url(other), {"confirm": "on"})

    assert response.status_code == 302
    assert GemeentePage.objects.filter(gemeente=other).count() == 2


def test_admin_action_is_refused_to_a_municipal_editor(tree, sections, editor_a):
    other = Gemeente.objects.get(cbs_code="GM0917")
    client = client_for(editor_a)
    before = counts()

    assert_denied(client.get(setup_url(other)))
    assert_denied(client.post(setup_url(other), {"confirm": "on"}))

    assert counts() == before
    assert not GemeentePage.objects.filter(gemeente=other).exists()


def test_setup_finds_its_group_and_collection_again_after_a_rename(tree, tilburg):
    first = setup_gemeente(tilburg)
    tilburg.display_name = "Gemeente Tilburg"
    tilburg.save()
    before = counts()

    second = setup_gemeente(tilburg)

    assert counts() == before
    assert second.group == first.group and second.collection == first.collection
    assert not second.changed


# The page chooser ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo_output")
class TestPageChooser:
    """The admin's page chooser shows an editor live pages and the pages they may edit, never the
    titles of another section's drafts (gezondin.roles.page_chooser_queryset)."""

    @pytest.fixture
    def drafts(self):
        """A draft practice in Rotterdam's section and one in Tilburg's (Dutch trees)."""
        sections = {
            code: GemeentePage.objects.get(gemeente__cbs_code=code, locale__language_code="nl")
            for code in ("GM0855", "GM0599")
        }
        made = {}
        for code, title in (("GM0599", "Geheim concept Rotterdam"), ("GM0855", "Concept Tilburg")):
            page = PraktijkvoorbeeldPage(title=title, slug=slugify(title), live=False)
            sections[code].add_child(instance=page)
            page.save_revision()
            made[code] = page
        return SimpleNamespace(sections=sections, rotterdam=made["GM0599"], tilburg=made["GM0855"])

    def browse(self, username, parent):
        client = Client()
        client.force_login(User.objects.get(username=username))
        response = client.get(reverse("wagtailadmin_choose_page_child", args=[parent.pk]))
        assert response.status_code == 200
        return response.json()["html"]

    def search(self, username, query):
        client = Client()
        client.force_login(User.objects.get(username=username))
        response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": query})
        assert response.status_code == 200
        return response.json()["html"] if "json" in response["Content-Type"] else response.text

    def test_a_municipal_editor_does_not_see_another_sections_drafts(self, drafts):
        html = self.browse("redactie-tilburg", drafts.sections["GM0599"])
        assert "Geheim concept Rotterdam" not in html
        # The live practices of that section stay choosable (to link to them).
        live = drafts.sections["GM0599"].get_children().live().first()
        assert live is not None and live.title in html
        assert "Geheim concept Rotterdam" not in self.search("redactie-tilburg", "Geheim concept")

    def test_a_municipal_editor_sees_the_drafts_of_their_own_section(self, drafts):
        assert "Concept Tilburg" in self.browse("redactie-tilburg", drafts.sections["GM0855"])
        assert "Concept Tilburg" in self.search("redactie-tilburg", "Concept Tilburg")

    @pytest.mark.parametrize("username", ["redactie-landelijk", "admin"])
    def test_national_editors_and_superusers_see_every_draft(self, drafts, username):
        assert "Geheim concept Rotterdam" in self.browse(username, drafts.sections["GM0599"])
        assert "Geheim concept Rotterdam" in self.search(username, "Geheim concept")
