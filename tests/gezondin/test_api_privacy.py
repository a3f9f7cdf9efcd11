"""What the read API never shows: a webinar's join link, anything about sign-ups, a person's
contact details without consent, unpublished or private pages and unpublished drafts. The raw
JSON of every response is searched, so a leak through any field (or a future field) fails."""

# The fixtures imported from test_api are the tests' parameters.
# ruff: noqa: F811

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from kennisbank.models import PraktijkvoorbeeldPage
from tests.factories import ThemaFactory
from tests.gezondin.conftest import API, get, item_ids
from tests.kennisbank.factories import PraktijkvoorbeeldPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("content", "activities")]


def raw(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, response.content
    return response.content.decode()


def every_activity_response(client, activities):
    """The raw JSON of every listing and detail that can show an activity."""
    urls = [
        f"{API}activiteiten/?fields=*",
        f"{API}activiteiten/?fields=*&upcoming=true&type=webinar",
        f"{API}pages/?fields=*",
        f"{API}pages/?type=leerkringen.WebinarPage&fields=*",
        f"{API}pages/?type=leerkringen.ActivityPage&fields=*",
        f"{API}pages/?type=leerkringen.LeerkringPage&fields=*",
    ]
    for page in (activities.webinar, activities.circle, activities.past):
        urls += [f"{API}activiteiten/{page.pk}/", f"{API}pages/{page.pk}/"]
    return {url: raw(client, url) for url in urls}


def test_a_webinars_join_link_is_in_no_response(client, activities):
    assert activities.webinar.join_url  # it is there to leak
    for url, body in every_activity_response(client, activities).items():
        assert "geheime-deelnamelink" not in body, url
        assert "meet.example" not in body, url


def test_the_join_link_cannot_be_asked_for_or_probed(client, activities):
    webinars = f"{API}pages/?type=leerkringen.WebinarPage"
    assert get(client, f"{webinars}&fields=join_url", status=400)["message"] == (
        "unknown fields: join_url"
    )
    # Filtering on it would tell a guess from a miss.
    guess = "https://meet.example/j/geheime-deelnamelink-4821"
    assert "join_url" in get(client, f"{webinars}&join_url={guess}", status=400)["message"]
    assert get(client, f"{API}activiteiten/?join_url={guess}", status=400)
    assert get(client, f"{API}activiteiten/?search=geheime-deelnamelink")["items"] == []
    assert get(client, f"{API}pages/?search=geheime-deelnamelink")["items"] == []


def test_no_sign_up_data_in_any_response(client, activities):
    personal = [
        "Joris Aanmelder",
        "joris.aanmelder@example.org",
        "Gemeente Zwolle",
        "deelnemer0@example.org",
        "Deelnemer 1",
        "aanmelding",
    ]
    for url, body in every_activity_response(client, activities).items():
        for value in personal:
            assert value.lower() not in body.lower(), (url, value)
    # Only a count of free seats: 10 seats, 2 confirmed (the cancelled one gives its seat back).
    circle = get(client, f"{API}activiteiten/{activities.circle.pk}/")
    assert circle["seats_available"] == 8
    assert get(client, f"{API}pages/?type=leerkringen.ActivityPage&fields=aanmeldingen", status=400)
    assert get(client, f"{API}activiteiten/?fields=facilitators", status=400)


def test_a_persons_contact_only_with_consent(client, content):
    url = f"{API}praktijkvoorbeelden/{content.national.pk}/"
    assert get(client, url)["contact"] == {
        "name": "Sanne de Vries",
        "email": "sanne.de.vries@example.nl",
        "phone": "06 12345678",
    }
    # The person withdraws their consent (validation keeps editors from saving this state; an
    # import or a database edit need not).
    PraktijkvoorbeeldPage.objects.filter(pk=content.national.pk).update(contact_consent=False)

    assert get(client, url)["contact"] is None
    for listing in [
        url,
        f"{API}praktijkvoorbeelden/?fields=*",
        f"{API}pages/?type=kennisbank.PraktijkvoorbeeldPage&fields=*",
        f"{API}pages/{content.national.pk}/",
    ]:
        body = raw(client, listing)
        for value in ["Sanne de Vries", "sanne.de.vries@example.nl", "06 12345678"]:
            assert value not in body, (listing, value)
    practices = f"{API}pages/?type=kennisbank.PraktijkvoorbeeldPage"
    assert get(client, f"{practices}&fields=contact_email", status=400)
    assert get(client, f"{practices}&contact_email=sanne.de.vries@example.nl", status=400)


def test_a_role_mailbox_is_shown(client, content):
    contact = get(client, f"{API}praktijkvoorbeelden/{content.practice.pk}/")["contact"]
    assert contact["email"] == "geldzorgen@amsterdam.example"


def public_ids(client, endpoint="praktijkvoorbeelden"):
    return set(item_ids(get(client, f"{API}{endpoint}/?limit=100")))


@pytest.mark.parametrize("logged_in", [False, True])
def test_unpublished_and_private_pages_are_absent(client, content, logged_in):
    if logged_in:  # an editor's session changes nothing: the API shows what everyone sees
        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
        client.force_login(admin)
    content.national.unpublish()
    PageViewRestriction.objects.create(page=content.section, restriction_type="login")
    draft_only = PraktijkvoorbeeldPageFactory(
        parent=content.kennisbank, title="Nooit gepubliceerd", live=False
    )
    hidden = [content.national, content.practice, content.section, draft_only]

    assert public_ids(client) == {content.opgroeien.pk}
    for page in hidden:
        assert page.pk not in public_ids(client, "pages")
        get(client, f"{API}pages/{page.pk}/", status=404)
    for page in [content.national, content.practice, draft_only]:
        get(client, f"{API}praktijkvoorbeelden/{page.pk}/", status=404)
    assert get(client, f"{API}praktijkvoorbeelden/?search=keukentafel")["items"] == []
    assert get(client, f"{API}pages/?search=keukentafel")["items"] == []
    amsterdam_item = get(client, f"{API}gemeenten/?cbs_code=GM0363")["items"][0]
    assert amsterdam_item["page"] is None and amsterdam_item["practice_count"] == 0
    # Nor can a hidden page be the anchor of a tree or translation filter.
    get(client, f"{API}pages/?child_of={content.section.pk}", status=400)
    get(client, f"{API}praktijkvoorbeelden/?translation_of={content.practice.pk}", status=400)


def test_password_protected_sections_are_absent_too(client, content):
    PageViewRestriction.objects.create(
        page=content.section, restriction_type="password", password="geheim"
    )
    assert content.practice.pk not in public_ids(client)
    assert content.practice.pk not in public_ids(client, "pages")


def test_draft_changes_of_a_live_page_do_not_leak(client, content):
    practice = content.practice
    practice.title = "Conceptversie met geheime plannen"
    practice.intro = "<p>Nog niet openbaar.</p>"
    practice.themas.set([ThemaFactory(name="Concept", slug="concept")])
    practice.save_revision()  # a draft: the live page stays as it was
    practice.refresh_from_db()
    assert practice.has_unpublished_changes

    for url in [
        f"{API}praktijkvoorbeelden/{practice.pk}/",
        f"{API}praktijkvoorbeelden/?fields=*",
        f"{API}pages/{practice.pk}/",
    ]:
        body = raw(client, url)
        assert "geheime plannen" not in body and "Nog niet openbaar" not in body, url
        assert '"concept"' not in body, url
    detail = get(client, f"{API}praktijkvoorbeelden/{practice.pk}/")
    assert detail["title"] == "Schuldhulp aan de keukentafel"
    assert [t["slug"] for t in detail["themas"]] == ["armoede-en-schulden"]
    practice.get_latest_revision().publish()
    assert get(client, f"{API}praktijkvoorbeelden/{practice.pk}/")["title"] == (
        "Conceptversie met geheime plannen"
    )
