"""Complete submissions (kennisbank/forms.py, kennisbank/panels.py, docs/publishing.md): a practice
may be saved as a draft with anything missing, but submitting it for review or publishing it
needs what a reader needs; a claimed recognition is flagged to the reviewer; a reviewer's request
for changes shows at the top of the editor and its e-mail says "Wijziging gevraagd".

Everything goes through Wagtail's admin views, logged in as the users of
tests/kennisbank/sections.py. The admin speaks each user's preferred language, and Wagtail's
notification e-mails the recipient's, falling back to whatever language is active; so every user
here gets an explicit language (Dutch unless the test is about English).
"""

# The fixtures imported from tests.kennisbank.sections are the tests' parameters.
# ruff: noqa: F811

import pytest
from django.utils import translation
from wagtail.models import Locale, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from gezondin import terms
from gezondin.models import Thema
from kennisbank.models import PraktijkvoorbeeldPage
from tests.kennisbank.sections import (  # noqa: F401 - the tests' fixtures
    add_url,
    amsterdam,
    client_for,
    create_practice,
    draft_form,
    edit_url,
    editor_a,
    national,
    practice_form,
    practice_term,
    refresh,
    sections,
    tilburg,
    tree,
    workflow_action_url,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("sections", "editor_a", "national")]

MISSING = {
    "intro": "Schrijf een korte inleiding",
    "approach": "Beschrijf de aanpak",
    "themas": "Kies ten minste één thema",
    "doelgroepen": "Kies ten minste één doelgroep",
    "gemeenten": "Kies ook de gemeente Tilburg",
}
CLAIM_LINK = "Bij een erkenning hoort de link naar de beschrijving van de erkende interventie"
COMMENT = "Graag de resultaten en de bron van de cijfers toevoegen."


def speaks(user, language):
    """The user's admin language (and so the language of the e-mails Wagtail sends them)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def editor(editor_a):
    return client_for(speaks(editor_a, "nl"))


@pytest.fixture
def reviewer(national):
    return client_for(speaks(national, "nl"))


@pytest.fixture
def mails(mailoutbox):
    # Nothing may decide the language of the e-mails but the recipient's profile.
    with translation.override("en"):
        yield mailoutbox


def errors(response):
    """The form's errors per field, as the editor reads them."""
    assert response.status_code == 200, response.status_code
    return {
        field: " ".join(messages) for field, messages in response.context["form"].errors.items()
    }


def submitted(editor, sections, title="Buurtcoaches", **fields):
    _response, page = create_practice(
        editor, sections.a.pages["nl"], title, action="action-submit", **fields
    )
    page = refresh(page)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    return page


# Drafts and submissions --------------------------------------------------------------------------


def test_a_new_practice_in_a_section_starts_with_its_municipality(sections, editor, tilburg):
    form = editor.get(add_url(sections.a.pages["nl"])).context["form"]

    assert list(form.initial["gemeenten"]) == [tilburg.pk]


def test_an_incomplete_practice_is_saved_as_a_draft(sections, editor):
    section = sections.a.pages["nl"]

    response = editor.post(add_url(section), draft_form("Alleen een titel"))

    assert response.status_code == 302
    page = PraktijkvoorbeeldPage.objects.child_of(section).get(title="Alleen een titel")
    assert not page.live and page.latest_revision is not None
    assert page.current_workflow_state is None


def test_submitting_an_incomplete_practice_names_each_missing_item(sections, editor):
    section = sections.a.pages["nl"]
    data = {**draft_form("Schuldhulp", background=rich_text("<p>Veel gezinnen met schulden.</p>"))}

    response = editor.post(add_url(section), {**data, "action-submit": "1"})

    found = errors(response)
    for field, message in MISSING.items():
        assert message in found.get(field, ""), (field, found)
    # Nothing was made, and nothing typed is lost: the form comes back with it.
    assert not PraktijkvoorbeeldPage.objects.filter(title="Schuldhulp").exists()
    form = response.context["form"]
    assert form["title"].value() == "Schuldhulp"
    assert "Veel gezinnen met schulden." in form["background"].value()
    assert b"Kies ten minste \xc3\xa9\xc3\xa9n thema" in response.content


def test_submitting_a_draft_that_lacks_one_item_names_only_that(sections, editor, tilburg):
    _response, page = create_practice(editor, sections.a.pages["nl"], "Gezonde school")

    response = editor.post(
        edit_url(page), {**practice_form("Gezonde school", doelgroepen=[]), "action-submit": "1"}
    )

    assert set(errors(response)) == {"doelgroepen"}
    assert refresh(page).current_workflow_state is None

    response = editor.post(
        edit_url(page), {**practice_form("Gezonde school"), "action-submit": "1"}
    )
    assert response.status_code == 302
    assert refresh(page).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_practice_in_a_section_names_that_municipality(sections, editor, amsterdam):
    response = editor.post(
        add_url(sections.a.pages["nl"]),
        {**practice_form("Elders", gemeente=amsterdam), "action-submit": "1"},
    )

    assert "Kies ook de gemeente Tilburg" in errors(response)["gemeenten"]


def test_a_contact_must_be_reachable_and_named(sections, editor):
    section = sections.a.pages["nl"]

    response = editor.post(
        add_url(section),
        {
            **practice_form("Contact zonder adres", contact_name="Team Gezonde Wijk"),
            "action-submit": "1",
        },
    )
    assert "Geef een e-mailadres of telefoonnummer" in errors(response)["contact_email"]

    response = editor.post(
        add_url(section),
        {
            **practice_form("Adres zonder naam", contact_email="wijk@tilburg.example"),
            "action-submit": "1",
        },
    )
    assert "functie, team of naam" in errors(response)["contact_name"]


def test_national_editors_cannot_publish_an_incomplete_practice_either(tree, reviewer):
    response = reviewer.post(
        add_url(tree.kennisbank), {**draft_form("Landelijk voorbeeld"), "action-publish": "1"}
    )

    found = errors(response)
    assert {"intro", "approach", "themas", "doelgroepen", "gemeenten"} <= set(found)
    assert "Kies de gemeente (of gemeenten) waar dit speelt." in found["gemeenten"]
    assert not PraktijkvoorbeeldPage.objects.filter(title="Landelijk voorbeeld").exists()

    _response, page = create_practice(
        reviewer, tree.kennisbank, "Landelijk voorbeeld", action="action-publish"
    )
    assert refresh(page).live


def test_the_refusal_speaks_english_to_an_english_speaking_editor(sections, editor_a):
    client = client_for(speaks(editor_a, "en"))

    response = client.post(
        add_url(sections.a.pages["nl"]), {**draft_form("Engels"), "action-submit": "1"}
    )

    assert "Choose at least one theme" in errors(response)["themas"]


# A claimed recognition ---------------------------------------------------------------------------


def test_a_recognition_needs_the_link_to_the_intervention(sections, editor):
    response = editor.post(
        add_url(sections.a.pages["nl"]),
        {
            **practice_form("Erkend", erkenning="goed-onderbouwd", intervention_name="Thuisgezond"),
            "action-submit": "1",
        },
    )

    assert CLAIM_LINK in errors(response)["intervention_url"]


def test_a_draft_may_claim_a_recognition_without_the_link(sections, editor):
    _response, page = create_practice(
        editor, sections.a.pages["nl"], "Erkend concept", erkenning="goed-onderbouwd"
    )

    assert refresh(page).erkenning == "goed-onderbouwd"


def test_the_reviewer_is_asked_to_check_a_claimed_recognition(sections, editor, reviewer, mails):
    link = "https://interventies.example/thuisgezond"
    page = submitted(
        editor,
        sections,
        "Thuisgezond in Tilburg",
        erkenning="goed-onderbouwd",
        intervention_name="Thuisgezond",
        intervention_url=link,
    )

    html = reviewer.get(edit_url(page)).content.decode()
    assert "Te controleren claim" in html
    assert "Goed onderbouwd" in html and link in html
    # The municipal editor made the claim; the panel is for the reviewers.
    assert "Te controleren claim" not in editor.get(edit_url(page)).content.decode()

    to_reviewer = [message for message in mails if message.to == ["landelijk@example.org"]]
    assert len(to_reviewer) == 1
    assert "Te controleren claim" in to_reviewer[0].body
    assert "Goed onderbouwd" in to_reviewer[0].body and link in to_reviewer[0].body
    # Below Wagtail's own message, which is still there with its links.
    assert f"http://testserver{edit_url(page)}" in to_reviewer[0].body


def test_no_claim_to_check_without_a_recognition(sections, editor, reviewer, mails):
    page = submitted(editor, sections, "Zonder erkenning")

    assert "Te controleren claim" not in reviewer.get(edit_url(page)).content.decode()
    assert mails and not any("Te controleren claim" in message.body for message in mails)


# Changes requested -------------------------------------------------------------------------------


def request_changes(reviewer, page, comment=COMMENT):
    page = page.specific_class.objects.get(pk=page.pk)
    response = reviewer.post(workflow_action_url(page, "reject"), {"comment": comment})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_the_reviewers_comment_is_at_the_top_of_the_editor(sections, editor, reviewer):
    page = submitted(editor, sections)

    request_changes(reviewer, page)

    html = editor.get(edit_url(page)).content.decode()
    # The panel "Wijziging gevraagd" above the fields (Wagtail's own status dialog, hidden until
    # opened, has the comment too).
    panel = html.index('class="kb-review-comment"')
    assert COMMENT in html[panel : panel + 200]
    assert "Wijziging gevraagd" in html and "landelijk heeft op" in html
    assert panel < html.index('name="title"')

    # Submitted again, the request is answered and the panel leaves the editor.
    response = editor.post(
        edit_url(page),
        {
            **practice_form("Buurtcoaches", results=rich_text("<p>Minder schulden.</p>")),
            "action-submit": "1",
        },
    )
    assert response.status_code == 302
    assert 'class="kb-review-comment"' not in editor.get(edit_url(page)).content.decode()


def test_the_email_says_changes_were_requested(sections, editor, reviewer, mails, settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    page = submitted(editor, sections)
    mails.clear()

    request_changes(reviewer, page)

    assert len(mails) == 1
    message = mails[0]
    assert message.to == ["redacteur-tilburg@example.org"]
    assert message.subject == 'Wijziging gevraagd: "Buurtcoaches"'
    assert COMMENT in message.body
    assert f"http://testserver{edit_url(page)}" in message.body
    html = message.alternatives[0].content
    assert "landelijk vraagt om een wijziging in" in html and COMMENT in html
    for word in ("afgekeurd", "rejected", "Rejected"):
        assert word not in message.subject + message.body + html


def test_the_email_speaks_the_editors_language(sections, editor_a, reviewer, mails, settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    page = submitted(client_for(editor_a), sections)
    speaks(editor_a, "en")
    mails.clear()

    request_changes(reviewer, page)

    message = mails[0]
    assert message.subject == 'Changes requested: "Buurtcoaches"'
    assert "landelijk asks for changes to" in message.body and COMMENT in message.body
    assert "rejected" not in message.body
    # The HTML part too, although the reviewer who asked speaks Dutch (kennisbank/notifications.py).
    html = message.alternatives[0].content
    assert "landelijk asks for changes to" in html and "Hello redacteur-tilburg" in html
    assert "vraagt om een wijziging" not in html


def test_the_approach_is_an_item_like_the_others(sections, editor):
    response = editor.post(
        add_url(sections.a.pages["nl"]),
        {**practice_form("Geen aanpak", approach=streamfield([])), "action-submit": "1"},
    )

    assert set(errors(response)) == {"approach"}


def test_the_comment_also_returns_with_a_section_page(sections, editor, reviewer, tilburg):
    section = sections.a.pages["nl"]
    data = nested_form_data(
        {
            "title": "Tilburg",
            "slug": section.slug,
            "gemeente": tilburg.pk,
            "intro": rich_text("Gezond in Tilburg."),
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-submit": "1",
        }
    )
    assert editor.post(edit_url(section), data).status_code == 302

    request_changes(reviewer, section, comment="Noem ook de GGD.")

    html = editor.get(edit_url(section)).content.decode()
    panel = html.index('class="kb-review-comment"')
    assert "Noem ook de GGD." in html[panel : panel + 200]


@pytest.mark.parametrize(
    "block",
    [
        ("paragraph", rich_text("")),
        ("paragraph", rich_text("   ")),
        ("heading", {"text": "", "level": "h2"}),
        ("quote", {"text": "", "attribution": ""}),
        ("callout", {"kind": "tip", "text": rich_text("")}),
    ],
    ids=["paragraph", "paragraph-spaces", "heading", "quote", "callout"],
)
def test_an_empty_approach_block_counts_as_missing(sections, editor, block):
    """A block without words is no approach: submitting is refused, with the approach's message."""
    response = editor.post(
        add_url(sections.a.pages["nl"]),
        {**practice_form("Lege aanpak", approach=streamfield([block])), "action-submit": "1"},
    )

    found = errors(response)
    assert set(found) == {"approach"}
    if block[0] in ("paragraph", "callout"):
        # Wagtail itself accepts these empty; a heading or quote without text it refuses itself,
        # with "required" on the block's field.
        assert MISSING["approach"] in found["approach"]
    assert not PraktijkvoorbeeldPage.objects.filter(title="Lege aanpak").exists()


def test_an_empty_block_beside_a_filled_one_is_fine(sections, editor):
    approach = streamfield([("paragraph", rich_text("")), ("paragraph", rich_text("Elke week."))])
    response = editor.post(
        add_url(sections.a.pages["nl"]),
        {**practice_form("Halve aanpak", approach=approach), "action-submit": "1"},
    )
    assert response.status_code == 302


def test_the_terms_are_labelled_in_the_editors_language(sections, editor_a):
    """The themes' checkboxes name each (Dutch) term by its translation in the admin's
    language; a term without one keeps its Dutch name."""
    english = Locale.objects.get(language_code="en")
    poverty = practice_term(Thema, "Armoede en schulden")
    translated = poverty.copy_for_translation(english)
    translated.name = "Poverty and debt"
    translated.save()
    practice_term(Thema, "Eenzaamheid")
    terms.invalidate()

    html = client_for(speaks(editor_a, "en")).get(add_url(sections.a.pages["nl"])).content.decode()
    assert "Poverty and debt" in html and "Armoede en schulden" not in html
    assert "Eenzaamheid" in html
    html = client_for(speaks(editor_a, "nl")).get(add_url(sections.a.pages["nl"])).content.decode()
    assert "Armoede en schulden" in html and "Poverty and debt" not in html
