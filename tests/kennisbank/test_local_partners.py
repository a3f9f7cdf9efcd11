"""Local partners: municipal editors add organisations for their municipality and edit only
those; national editors merge duplicates (gezondin/organisaties.py, docs/publishing.md).

Through the admin's snippet views and the merge view, logged in as the users of
tests/kennisbank/sections.py, each with the admin language set explicitly.
"""

# The fixtures imported from tests.kennisbank.sections are the tests' parameters.
# ruff: noqa: F811

import re

import pytest
from django.urls import reverse
from wagtail.models import ReferenceIndex
from wagtail.users.models import UserProfile

from gezondin import organisaties
from gezondin.models import Organisatie
from kennisbank.models import KennisartikelPage, PraktijkvoorbeeldPage
from tests.kennisbank.sections import (  # noqa: F401 - the tests' fixtures
    add_url,
    amsterdam,
    assert_denied,
    client_for,
    create_practice,
    edit_url,
    editor_a,
    national,
    practice_form,
    publish,
    refresh,
    sections,
    tilburg,
    tree,
)
from tests.shared import shared_fixture

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.shared_data("sections", "editor_a", "national", "duplicates"),
]

ADD = reverse("wagtailsnippets_gezondin_organisatie:add")
LIST = reverse("wagtailsnippets_gezondin_organisatie:list")


def edit(organisatie):
    return reverse("wagtailsnippets_gezondin_organisatie:edit", args=[organisatie.pk])


def merge_url(organisatie):
    return reverse("gezondin_merge_organisatie", args=[organisatie.pk])


def speaking(user, language="nl"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return client_for(user)


def organisation_form(name, gemeente=None, **extra):
    return {"name": name, "sector": "wonen", "website": "", "gemeente": gemeente or "", **extra}


def gemeente_options(html):
    select = re.search(r'<select name="gemeente".*?</select>', html, re.DOTALL).group(0)
    return [value for value in re.findall(r'<option value="(\d*)"', select) if value]


# Local partners ----------------------------------------------------------------------------------


def test_the_setup_lets_municipal_editors_add_organisations(sections):
    codenames = set(sections.a.group.permissions.values_list("codename", flat=True))
    assert {"add_organisatie", "change_organisatie", "view_organisatie"} <= codenames
    assert "delete_organisatie" not in codenames


def test_a_municipal_editor_adds_a_local_partner_of_their_municipality(editor_a, tilburg):
    client = speaking(editor_a)
    form = client.get(ADD)
    assert form.status_code == 200
    assert gemeente_options(form.content.decode()) == [str(tilburg.pk)]

    response = client.post(ADD, organisation_form("Woonstichting 't Heem", tilburg.pk))
    assert response.status_code == 302
    partner = Organisatie.objects.get(name="Woonstichting 't Heem")
    assert partner.gemeente == tilburg


def test_a_local_partner_must_name_the_editors_own_municipality(editor_a, amsterdam):
    # Not a name of the module's shared organisations (``duplicates``).
    client = speaking(editor_a)
    for gemeente, message in [
        (None, "Kies uw gemeente: een lokale partner hoort bij een gemeente."),
        (amsterdam.pk, "U kunt alleen partners van uw eigen gemeente toevoegen"),
    ]:
        response = client.post(ADD, organisation_form("Stichting Wijkwerk", gemeente))
        assert response.status_code == 200
        assert message in response.content.decode()
        # What was typed stays.
        assert 'value="Stichting Wijkwerk"' in response.content.decode()
    assert not Organisatie.objects.filter(name="Stichting Wijkwerk").exists()


def test_national_editors_still_add_national_organisations(national):
    response = speaking(national).post(ADD, organisation_form("Pharos"))
    assert response.status_code == 302
    assert Organisatie.objects.get(name="Pharos").gemeente is None


def test_a_municipal_editor_edits_only_their_own_partners(editor_a, tilburg, amsterdam):
    own = Organisatie.objects.create(name="Contour de Twern", gemeente=tilburg)
    national_one = Organisatie.objects.create(name="GGD GHOR Nederland")
    elsewhere = Organisatie.objects.create(name="Ymere", gemeente=amsterdam)
    client = speaking(editor_a)

    assert client.get(edit(own)).status_code == 200
    response = client.post(edit(own), organisation_form("Contour de Twern", tilburg.pk))
    assert response.status_code == 302

    for other in (national_one, elsewhere):
        response = client.get(edit(other), follow=True)
        assert response.redirect_chain[-1][0] == LIST
        assert "geen lokale partner van uw gemeente" in response.content.decode()
        client.post(edit(other), organisation_form("Gekaapt", tilburg.pk))
        other.refresh_from_db()
        assert other.name != "Gekaapt" and other.gemeente_id != tilburg.pk


def test_municipal_editors_neither_delete_nor_merge(editor_a, tilburg):
    own = Organisatie.objects.create(name="Traverse", gemeente=tilburg)
    client = speaking(editor_a)
    delete = reverse("wagtailsnippets_gezondin_organisatie:delete", args=[own.pk])
    assert_denied(client.post(delete))
    assert_denied(client.get(merge_url(own)))
    assert Organisatie.objects.filter(pk=own.pk).exists()
    assert "Samenvoegen" not in client.get(LIST).content.decode()


def test_a_new_local_partner_is_used_in_a_practice(editor_a, sections, tilburg):
    client = speaking(editor_a)
    client.post(ADD, organisation_form("WonenBreburg", tilburg.pk))
    partner = Organisatie.objects.get(name="WonenBreburg")
    response = client.post(
        add_url(sections.a.pages["nl"]), _partners(practice_form("Gezond wonen"), partner)
    )
    assert response.status_code == 302, response.content[:300]
    page = PraktijkvoorbeeldPage.objects.get(title="Gezond wonen")
    draft = page.get_latest_revision_as_object()
    assert [p.organisatie for p in draft.partners.all()] == [partner]


def test_a_municipal_editor_finds_partners_in_the_chooser(editor_a, tilburg):
    """The partner field's chooser (Wagtail's snippet chooser) opens for them and searches."""
    Organisatie.objects.create(name="Woonstichting Leyten", gemeente=tilburg)
    Organisatie.objects.create(name="GGD West-Brabant")
    chooser = reverse("wagtailsnippetchoosers_gezondin_organisatie:choose_results")
    response = speaking(editor_a).get(chooser, {"q": "leyten"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Woonstichting Leyten" in html and "GGD West-Brabant" not in html


def _partners(data, partner):
    """The practice's POST data with one partner row."""
    data = {key: value for key, value in data.items() if not key.startswith("partners-")}
    data.update(
        {
            "partners-TOTAL_FORMS": "1",
            "partners-INITIAL_FORMS": "0",
            "partners-MIN_NUM_FORMS": "0",
            "partners-MAX_NUM_FORMS": "1000",
            "partners-0-organisatie": str(partner.pk),
            "partners-0-role": "huisbezoeken",
            "partners-0-ORDER": "1",
            "partners-0-DELETE": "",
            "partners-0-id": "",
        }
    )
    return data


# Merging duplicates ------------------------------------------------------------------------------


@shared_fixture
def duplicates(tree, sections):
    """Two records of one organisation, the duplicate used by a live practice (partner), a
    knowledge page (publisher), and the draft of another practice (only in its revision).
    Built once for the module: every test sees these two organisations and three pages."""
    keep = Organisatie.objects.create(name="GGD Hart voor Brabant", sector="ggd")
    duplicate = Organisatie.objects.create(name="GGD Hart v. Brabant", sector="ggd")
    live = PraktijkvoorbeeldPage(title="Gezonde wijk", slug="gezonde-wijk")
    sections.a.pages["nl"].add_child(instance=live)
    live.partners.add(live.partners.model(organisatie=duplicate, role="uitvoering"))
    live.save_revision().publish()
    draft = PraktijkvoorbeeldPage(title="Nog niet af", slug="nog-niet-af", live=False)
    sections.a.pages["nl"].add_child(instance=draft)
    draft.partners.add(draft.partners.model(organisatie=duplicate, role="advies"))
    draft.save_revision()
    article = publish(
        tree.kennisbank,
        KennisartikelPage(title="Handreiking", slug="handreiking", source_organisatie=duplicate),
    )
    return {"keep": keep, "duplicate": duplicate, "live": live, "draft": draft, "article": article}


def test_national_editors_merge_a_duplicate_into_the_one_kept(
    national, duplicates, django_capture_on_commit_callbacks
):
    keep, duplicate = duplicates["keep"], duplicates["duplicate"]
    client = speaking(national)
    assert merge_url(duplicate) in client.get(LIST).content.decode()
    form = client.get(merge_url(duplicate))
    assert form.status_code == 200
    assert "‘GGD Hart v. Brabant’ wordt 2 keer gebruikt" in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            merge_url(duplicate), {"keep": keep.pk, "confirm": "on"}, follow=True
        )
    assert response.redirect_chain[-1][0] == LIST
    assert "2 verwijzingen zijn verplaatst" in response.content.decode()

    assert not Organisatie.objects.filter(pk=duplicate.pk).exists()
    live = PraktijkvoorbeeldPage.objects.get(pk=duplicates["live"].pk)
    assert [p.organisatie for p in live.partners.all()] == [keep]
    # The draft's revision names the one kept, so publishing it works.
    draft = PraktijkvoorbeeldPage.objects.get(pk=duplicates["draft"].pk)
    revision = draft.get_latest_revision()
    assert [p.organisatie for p in revision.as_object().partners.all()] == [keep]
    assert KennisartikelPage.objects.get(pk=duplicates["article"].pk).source_organisatie == keep
    # Wagtail's usage count of the one kept sees the pages that use it now.
    used_by = {ref.object_id for ref in ReferenceIndex.get_references_to(keep)}
    assert used_by == {str(duplicates["live"].pk), str(duplicates["article"].pk)}
    revision.publish()
    assert [p.organisatie for p in refresh(draft).partners.all()] == [keep]


def test_merging_into_itself_is_refused(national, duplicates):
    duplicate = duplicates["duplicate"]
    response = speaking(national).post(
        merge_url(duplicate), {"keep": duplicate.pk, "confirm": "on"}
    )
    assert response.status_code == 200
    assert "Dat is de dubbele organisatie zelf" in response.content.decode()
    assert Organisatie.objects.filter(pk=duplicate.pk).exists()


def test_a_merge_that_fails_changes_nothing(national, duplicates, monkeypatch):
    def broken(*args):
        raise RuntimeError("revisions unreadable")

    monkeypatch.setattr(organisaties, "_move_in_revisions", broken)
    with pytest.raises(RuntimeError):
        organisaties.merge_organisaties(duplicates["duplicate"], duplicates["keep"])
    live = PraktijkvoorbeeldPage.objects.get(pk=duplicates["live"].pk)
    assert [p.organisatie for p in live.partners.all()] == [duplicates["duplicate"]]
    assert (
        KennisartikelPage.objects.get(pk=duplicates["article"].pk).source_organisatie
        == (duplicates["duplicate"])
    )


CHOOSE = reverse("wagtailsnippetchoosers_gezondin_organisatie:choose")
CHOOSE_RESULTS = reverse("wagtailsnippetchoosers_gezondin_organisatie:choose_results")
CHOOSER_CREATE = reverse("wagtailsnippetchoosers_gezondin_organisatie:create")


def test_the_chooser_lists_own_and_national_organisations_only(
    editor_a, national, tilburg, amsterdam
):
    Organisatie.objects.create(name="Woonstichting Leyten", gemeente=tilburg)
    Organisatie.objects.create(name="GGD GHOR Nederland")
    Organisatie.objects.create(name="Ymere", gemeente=amsterdam)
    html = speaking(editor_a).get(CHOOSE_RESULTS).content.decode()
    assert "Woonstichting Leyten" in html and "GGD GHOR Nederland" in html
    assert "Ymere" not in html
    assert "Ymere" not in speaking(editor_a).get(CHOOSE_RESULTS, {"q": "ymere"}).content.decode()
    # National editors choose among all of them.
    assert "Ymere" in speaking(national).get(CHOOSE_RESULTS).content.decode()


def test_a_new_organisation_is_made_in_the_chooser(editor_a, tilburg, amsterdam):
    client = speaking(editor_a)
    modal = client.get(CHOOSE).json()["html"]
    assert "Nieuwe organisatie" in modal and "Organisatie toevoegen" in modal
    assert gemeente_options(modal) == [str(tilburg.pk)]

    # Another municipality is refused in the modal, with what was typed kept.
    refused = client.post(CHOOSER_CREATE, organisation_form("Woonbedrijf", amsterdam.pk)).json()
    assert refused["step"] == "reshow_creation_form"
    assert "U kunt alleen partners van uw eigen gemeente toevoegen" in refused["htmlFragment"]
    assert 'value="Woonbedrijf"' in refused["htmlFragment"]
    assert not Organisatie.objects.filter(name="Woonbedrijf").exists()

    chosen = client.post(CHOOSER_CREATE, organisation_form("Woonbedrijf", tilburg.pk)).json()
    assert chosen["step"] == "chosen"
    partner = Organisatie.objects.get(name="Woonbedrijf")
    assert partner.gemeente == tilburg and chosen["result"]["id"] == str(partner.pk)
