"""Who may publish what: municipal editors in their own section through review, national editors
everywhere and directly (kennisbank/publishing.py, docs/publishing.md).

The boundaries are tested through Wagtail's admin views with the test client, logged in as the
users, and checked in the database as well: a refused request must leave nothing behind. The
tree, the sections of Tilburg (A) and Amsterdam (B) and their editors are built once for the
module (tests/shared.py); setting a section up is tested in test_setup_gemeente.py.
"""

# The fixtures imported from tests.kennisbank.sections are the tests' parameters (and what
# those depend on: a shared fixture finds its own parameters among the module's fixtures).
# ruff: noqa: F811

import pytest
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    Page,
    TaskState,
    WorkflowState,
)
from wagtail.test.utils.form_data import rich_text

from gezondin.models import Gemeente
from gezondin.roles import NATIONAL_GROUP_NAME
from kennisbank.models import GemeentePage, PraktijkvoorbeeldPage
from kennisbank.publishing import (
    TASK_NAME,
    WORKFLOW_NAME,
)
from tests.kennisbank.sections import (  # noqa: F401 - the tests' fixtures
    add_url,
    amsterdam,
    assert_denied,
    client_for,
    counts,
    create_practice,
    delete_url,
    edit_url,
    editor_a,
    national,
    perms,
    practice_form,
    published_practice,
    refresh,
    sections,
    setup_url,
    tilburg,
    tree,
    unpublish_url,
    workflow_action_url,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("sections", "editor_a", "national")]


# The national editors' rights --------------------------------------------------------------------


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


# The admin action --------------------------------------------------------------------------------


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
