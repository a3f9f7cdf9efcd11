"""Editors translate pages and vocabularies to English through wagtail-localize's admin."""

import pytest

from gezondin.models import StandardPage, Thema
from tests.factories import StandardPageFactory, ThemaFactory

pytestmark = pytest.mark.django_db


def test_a_content_page_is_submitted_for_english_translation(admin_client, home_page, locales):
    page = StandardPageFactory(parent=home_page, title="Over GezondIn", slug="over")
    page.save_revision().publish()

    response = admin_client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [locales["en"].pk]}
    )

    assert response.status_code == 302
    english = page.get_translation(locales["en"])
    assert isinstance(english.specific, StandardPage)
    assert english.get_parent().specific.locale == locales["en"]
    # The translation editor for the new page opens.
    assert admin_client.get(response["Location"]).status_code == 200


def test_translating_a_live_page_makes_a_draft(
    admin_client, home_page, locales, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_page, title="Contact", slug="contact")
    page.save_revision().publish()

    # wagtail-localize would publish once the transaction commits: run what it leaves for then.
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            f"/admin/localize/submit/page/{page.pk}/", {"locales": [locales["en"].pk]}
        )

    english = page.get_translation(locales["en"])
    assert not english.live and english.live_revision is None
    assert english.has_unpublished_changes
    assert admin_client.get("/en/contact/").status_code == 404


def test_a_vocabulary_term_is_submitted_for_english_translation(admin_client, locales):
    thema = ThemaFactory(name="Armoede en schulden", slug="armoede-en-schulden")

    response = admin_client.post(
        f"/admin/localize/submit/snippet/gezondin/thema/{thema.pk}/",
        {"locales": [locales["en"].pk]},
    )

    assert response.status_code == 302
    english = Thema.objects.get(locale=locales["en"], translation_key=thema.translation_key)
    assert english.slug == "armoede-en-schulden"
