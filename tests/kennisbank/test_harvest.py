"""Harvesting another installation's practices as read-only shared copies (kennisbank/harvest,
docs/sharing.md), against a real HTTP server on 127.0.0.1 that answers like the other
installation's read API (tests/servers.py CannedPeer) with practices shaped as the API contract
says.

Robustness against the network and bad peers: test_harvest_robustness.py. The site (kennisbank in
two languages, a few terms) is built once for the module (tests/shared.py); the peer and the
source are made for each test.
"""

import datetime
import uuid
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.images import get_image_model

from gezondin.models import Organisatie, Thema
from kennisbank.harvest.client import Client, ClientSettings
from kennisbank.harvest.harvester import harvest
from kennisbank.harvest.models import HarvestSource, SharedCopy
from kennisbank.harvest.tasks import harvest_source
from kennisbank.models import PraktijkvoorbeeldPage
from tests.factories import OrganisatieFactory
from tests.kennisbank.conftest import ORIGIN, PNG, figure, practice, run
from tests.kennisbank.factories import (
    PraktijkvoorbeeldPageFactory,
    publish,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("site")]


@pytest.fixture
def source(peer):
    return HarvestSource.objects.create(name="Gemeente Tilburg", base_url=peer.base_url)


def copy_of(remote_id, source):
    return SharedCopy.objects.select_related("page").get(source=source, remote_id=remote_id)


# Adding ----------------------------------------------------------------------------------------


def test_practices_become_published_copies_in_the_kennisbank(site, peer, source):
    peer.practices["nl"] = [practice(11, title="Schuldhulp aan de keukentafel")]

    report = run(source)

    assert report.counts()["added"] == 1
    assert report.status == "ok"
    shared = copy_of(11, source)
    page = shared.page.specific
    assert isinstance(page, PraktijkvoorbeeldPage)
    assert page.live
    assert page.get_parent().pk == site["kennisbank"].pk
    assert page.title == "Schuldhulp aan de keukentafel"
    assert page.slug == "schuldhulp-aan-de-keukentafel"
    assert list(page.themas.all()) == [site["terms"]["armoede"]]
    assert list(page.doelgroepen.all()) == [site["terms"]["ouders"]]
    assert [g.cbs_code for g in page.gemeenten.all()] == ["GM0855"]
    assert page.erkenning == "goed-onderbouwd"
    assert page.intervention_url == "https://interventies.example/keukentafel"
    assert page.last_checked == datetime.date(2026, 1, 15)
    assert "Buurtcoaches" in page.intro
    assert [block.block_type for block in page.approach] == ["heading", "paragraph"]
    partner = page.partners.get()
    assert partner.organisatie.name == "GGD Hart voor Brabant"
    assert partner.role == "voert de huisbezoeken uit"
    # Contact details are not copied: consent was given to the source, not to us.
    assert (page.contact_name, page.contact_email) == ("", "")
    # Sorting by "newest" uses the first publication at the source.
    assert page.first_published_at.date() == datetime.date(2025, 5, 1)
    assert shared.original_url == f"{ORIGIN}/nl/kennisbank/schuldhulp-aan-de-keukentafel/"
    assert shared.remote_locale == "nl"
    source.refresh_from_db()
    assert source.last_status == "ok"
    assert "1 added" in source.last_report


def test_translations_of_a_remote_practice_are_translations_here(site, peer, source, locales):
    key = uuid.uuid4()
    peer.practices["nl"] = [practice(11, title="Schuldhulp thuis", key=key)]
    peer.practices["en"] = [practice(12, "en", title="Debt help at home", key=key)]

    report = run(source)

    assert report.counts()["added"] == 2
    dutch = copy_of(11, source).page
    english = copy_of(12, source).page
    assert english.get_parent().pk == site["en_kennisbank"].pk
    assert dutch.translation_key == english.translation_key == source.translation_key_for(key)
    assert dutch.get_translation(locales["en"]).pk == english.pk


def test_a_second_run_changes_nothing(site, peer, source):
    peer.practices["nl"] = [practice(11), practice(12), practice(13)]
    peer.practices["en"] = [practice(21, "en")]
    run(source)
    revisions = {c.page_id: c.page.specific.revisions.count() for c in SharedCopy.objects.all()}

    report = run(source)

    counts = report.counts()
    assert (counts["added"], counts["updated"], counts["withdrawn"]) == (0, 0, 0)
    assert counts["unchanged"] == 4
    assert "Result: 0 added, 0 updated, 0 withdrawn, 4 unchanged, 0 skipped" in report.as_text()
    after = {c.page_id: c.page.specific.revisions.count() for c in SharedCopy.objects.all()}
    assert after == revisions


def test_a_changed_practice_is_updated_in_place(site, peer, source):
    peer.practices["nl"] = [practice(11, title="Schuldhulp thuis")]
    run(source)
    page_id = copy_of(11, source).page_id

    changed = practice(
        11,
        title="Schuldhulp thuis en in de buurt",
        published="2026-04-01",
        themas=[{"slug": "wonen", "name": "Wonen"}],
    )
    peer.practices["nl"] = [changed]
    report = run(source)

    assert report.counts()["updated"] == 1
    page = PraktijkvoorbeeldPage.objects.get(pk=page_id)
    assert page.title == "Schuldhulp thuis en in de buurt"
    assert list(page.themas.all()) == [site["terms"]["wonen"]]
    assert page.live and not page.has_unpublished_changes
    assert copy_of(11, source).remote_last_published_at.date() == datetime.date(2026, 4, 1)
    assert PraktijkvoorbeeldPage.objects.count() == 1


def test_a_practice_the_source_no_longer_lists_is_withdrawn_and_comes_back(site, peer, source):
    peer.practices["nl"] = [practice(11), practice(12)]
    run(source)

    peer.practices["nl"] = [practice(11)]
    report = run(source)
    assert report.counts()["withdrawn"] == 1
    assert "#12" in report.withdrawn[0]
    assert not copy_of(12, source).page.live
    assert copy_of(12, source).withdrawn

    peer.practices["nl"] = [practice(11), practice(12)]
    report = run(source)
    assert report.counts()["updated"] == 1
    assert "published again" in report.updated[0]
    assert copy_of(12, source).page.live

    assert run(source).counts()["updated"] == 0


def test_an_incremental_run_withdraws_only_what_the_full_listing_lacks(site, peer, source):
    peer.practices["nl"] = [practice(11, published="2026-01-01"), practice(12)]
    run(source)
    peer.practices["nl"] = [practice(11, title="Nieuw", published="2026-05-01")]

    report = run(source, since=datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC))

    assert report.counts()["updated"] == 1
    assert report.counts()["withdrawn"] == 1
    assert copy_of(11, source).page.title == "Nieuw"
    listed = [query for path, query in peer.requests if query.get("locale") == "nl"]
    assert any(query.get("updated_since") for query in listed)
    assert any("fields" not in query for query in listed)  # the listing of ids


# What is reported and skipped ------------------------------------------------------------------


def test_unknown_terms_and_municipalities_are_reported_not_created(site, peer, source):
    peer.practices["nl"] = [
        practice(
            11,
            themas=[
                {"slug": "armoede-en-schulden", "name": "Armoede en schulden"},
                {"slug": "ruimtevaart", "name": "Ruimtevaart"},
            ],
            gemeenten=[{"cbs_code": "GM9999", "name": "Nergenshuizen", "provincie": "utrecht"}],
            erkenning="heel-erg-goed",
        )
    ]
    themas_before = Thema.objects.count()

    report = run(source)

    assert report.counts()["added"] == 1
    text = report.as_text()
    assert "thema 'ruimtevaart' (in 1 practice)" in text
    assert "gemeente 'GM9999'" in text
    assert "erkenning 'heel-erg-goed'" in text
    assert Thema.objects.count() == themas_before
    page = copy_of(11, source).page.specific
    assert list(page.themas.all()) == [site["terms"]["armoede"]]
    assert not page.gemeenten.exists()
    assert page.erkenning == "niet-beoordeeld"


def test_partner_organisations_are_matched_by_name_or_created(site, peer, source):
    existing = OrganisatieFactory(name="GGD Hart voor Brabant", website="https://ggdhvb.example")
    partners = [
        {"organisatie": {"name": "ggd hart voor brabant", "website": ""}, "role": "huisbezoeken"},
        {"organisatie": {"name": "Stichting Schuldvrij", "website": "javascript:x"}, "role": ""},
    ]
    peer.practices["nl"] = [practice(11, partners=partners)]

    report = run(source)

    page = copy_of(11, source).page.specific
    assert [p.organisatie for p in page.partners.all()][0] == existing
    created = Organisatie.objects.get(name="Stichting Schuldvrij")
    assert created.website == ""
    assert "Organisations created:\n  - Stichting Schuldvrij" in report.as_text()


def test_copies_of_copies_are_skipped(site, peer, source):
    item = practice(11)
    item["meta"]["shared_from"] = {"name": "Landelijke hub", "url": "https://hub.example"}
    peer.practices["nl"] = [item]

    report = run(source)

    assert report.counts()["skipped"] == 1
    assert "a shared copy itself (from Landelijke hub)" in report.as_text()
    assert not SharedCopy.objects.exists()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"themas": "armoede-en-schulden"}, "field 'themas' should be a list"),
        ({"intro": {"html": "<p>x</p>"}}, "field 'intro' should be text"),
        ({"start_date": "begin 2023"}, "field 'start_date' is not a date"),
        ({"title": ""}, "field 'title' is missing or empty"),
        ({"partners": [{"role": "x"}]}, "field 'partners[0].organisatie' is missing"),
    ],
)
def test_ill_typed_or_missing_fields_skip_only_that_item(site, peer, source, change, reason):
    bad = practice(12)
    bad.update(change)
    peer.practices["nl"] = [practice(11), bad, practice(13)]

    report = run(source)

    assert report.counts()["added"] == 2
    assert report.counts()["skipped"] == 1
    assert reason in report.as_text()
    assert not SharedCopy.objects.filter(remote_id=12).exists()


def test_missing_identity_skips_the_item(site, peer, source):
    item = practice(11)
    del item["meta"]["translation_key"]
    peer.practices["nl"] = [item, practice(12)]

    report = run(source)

    assert "field 'meta.translation_key' is missing or not a UUID" in report.as_text()
    assert report.counts()["added"] == 1


def test_a_language_the_source_lacks_is_noted_not_an_error(site, peer, source):
    peer.practices = {"nl": [practice(11)]}

    report = run(source)

    assert report.status == "ok"
    assert "the source has no pages in en" in report.as_text()


# Editors and shared copies -----------------------------------------------------------------------


def test_a_copy_an_editor_took_offline_stays_offline(site, peer, source):
    peer.practices["nl"] = [practice(11)]
    run(source)
    page = copy_of(11, source).page.specific
    page.unpublish()  # as an editor does in the admin

    assert copy_of(11, source).blocked
    peer.practices["nl"] = [practice(11, title="Veranderd", published="2026-06-01")]
    report = run(source)

    assert "taken offline on this site by an editor" in report.as_text()
    page.refresh_from_db()
    assert not page.live
    assert page.title != "Veranderd"

    call_command("harvest", peer.base_url, "--forget-removed", stdout=StringIO())
    page.refresh_from_db()
    assert page.live
    assert page.title == "Veranderd"


def test_forget_removed_brings_back_an_unchanged_copy_too(site, peer, source):
    peer.practices["nl"] = [practice(11)]
    run(source)
    copy_of(11, source).page.specific.unpublish()
    assert run(source).counts()["skipped"] == 1

    call_command("harvest", peer.base_url, "--forget-removed", stdout=StringIO())

    assert copy_of(11, source).page.live
    assert run(source).counts()["unchanged"] == 1


def test_a_copy_an_editor_deleted_is_not_brought_back(site, peer, source):
    peer.practices["nl"] = [practice(11)]
    run(source)
    copy_of(11, source).page.delete()

    report = run(source)

    assert "deleted on this site by an editor" in report.as_text()
    assert not PraktijkvoorbeeldPage.objects.exists()
    assert copy_of(11, source).page is None

    call_command("harvest", peer.base_url, "--forget-removed", stdout=StringIO())
    assert PraktijkvoorbeeldPage.objects.count() == 1


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    client.force_login(user)
    return client


def test_editors_cannot_edit_a_shared_copy(site, peer, source, admin_client):
    peer.practices["nl"] = [practice(11)]
    run(source)
    page = copy_of(11, source).page
    own = publish(PraktijkvoorbeeldPageFactory(parent=site["kennisbank"], title="Eigen"))

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[site["kennisbank"].pk])
    message = str(list(get_messages(response.wsgi_request))[0])
    assert "gedeeld vanuit Gemeente Tilburg" in message
    assert "niet worden bewerkt" in message

    posted = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {"title": "Gekaapt"}
    )
    assert posted.status_code == 302
    page.refresh_from_db()
    assert page.title != "Gekaapt"

    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    # Unpublishing stays possible.
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    assert admin_client.get(unpublish).status_code == 200


def test_sources_are_managed_in_the_admin_with_their_last_report(site, peer, source, admin_client):
    peer.practices["nl"] = [practice(11)]
    run(source)

    listing = admin_client.get(reverse("wagtailsnippets_kennisbank_harvestsource:list"))
    assert listing.status_code == 200
    assert "Gemeente Tilburg" in listing.content.decode()
    inspect = admin_client.get(
        reverse("wagtailsnippets_kennisbank_harvestsource:inspect", args=[source.pk])
    )
    assert inspect.status_code == 200
    assert "1 added" in inspect.content.decode()

    edit = admin_client.get(
        reverse("wagtailsnippets_kennisbank_harvestsource:edit", args=[source.pk])
    )
    assert edit.status_code == 200
    assert "1 added" in edit.content.decode()  # the last report, read-only

    add = admin_client.post(
        reverse("wagtailsnippets_kennisbank_harvestsource:add"),
        {"name": "Dubbel", "base_url": peer.base_url + "/api/v2/", "is_active": "on"},
    )
    assert add.status_code == 200  # the form again, with an error
    assert "Deze bron bestaat al" in add.content.decode()

    added = admin_client.post(
        reverse("wagtailsnippets_kennisbank_harvestsource:add"),
        {
            "name": "Utrecht",
            "base_url": "HTTPS://Gezond.Utrecht.example/api/v2/",
            "is_active": "on",
        },
    )
    assert added.status_code == 302
    assert HarvestSource.objects.get(name="Utrecht").base_url == "https://gezond.utrecht.example"


def test_a_source_with_copies_is_not_deleted(site, peer, source, admin_client):
    peer.practices["nl"] = [practice(11)]
    run(source)
    empty = HarvestSource.objects.create(name="Leeg", base_url="https://leeg.example")
    listing = reverse("wagtailsnippets_kennisbank_harvestsource:list")

    single = reverse("wagtailsnippets_kennisbank_harvestsource:delete", args=[source.pk])
    for response in (admin_client.get(single), admin_client.post(single)):
        assert response.status_code == 302 and response.url == listing
    bulk = reverse("wagtail_bulk_action", args=["kennisbank", "harvestsource", "delete"])
    response = admin_client.post(f"{bulk}?id={source.pk}&id={empty.pk}")
    assert response.status_code == 302
    message = str(list(get_messages(response.wsgi_request))[-1])
    assert "Gemeente Tilburg heeft nog gedeelde kopieën" in message
    assert HarvestSource.objects.count() == 2

    response = admin_client.post(
        reverse("wagtailsnippets_kennisbank_harvestsource:delete", args=[empty.pk])
    )
    assert response.status_code == 302
    assert not HarvestSource.objects.filter(pk=empty.pk).exists()


def test_sources_need_their_permissions_in_the_admin(site, source, client):
    editor = get_user_model().objects.create_user("redacteur", "r@example.org", "x")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_kennisbank_harvestsource:list"))
    assert response.status_code == 302  # no permission: back to the dashboard


# The public page ---------------------------------------------------------------------------------


def test_the_public_page_names_the_source_and_the_original_as_canonical(site, peer, source, client):
    key = uuid.uuid4()
    peer.practices["nl"] = [practice(11, title="Schuldhulp thuis", key=key)]
    peer.practices["en"] = [practice(12, "en", title="Debt help at home", key=key)]
    run(source)
    page = copy_of(11, source).page

    response = client.get(page.url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    original = f"{ORIGIN}/nl/kennisbank/schuldhulp-thuis/"
    assert soup.find("link", rel="canonical")["href"] == original
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", hreflang=True)}
    assert alternates == {
        "nl": original,
        "en": f"{ORIGIN}/en/kennisbank/debt-help-at-home/",
        "x-default": original,
    }
    note = soup.select_one(".kb-shared")
    assert note["role"] == "note"
    assert "Gedeeld vanuit Gemeente Tilburg." in note.get_text(" ", strip=True)
    link = note.find("a")
    assert link["href"] == original
    assert link.get_text(strip=True) == "Bekijk het origineel bij Gemeente Tilburg"
    assert "wijk@tilburg.example" not in response.content.decode()


def test_a_page_of_this_site_keeps_its_own_canonical(site, client):
    own = publish(PraktijkvoorbeeldPageFactory(parent=site["kennisbank"], title="Eigen"))

    soup = BeautifulSoup(client.get(own.url).content, "html.parser")

    assert soup.find("link", rel="canonical")["href"] == f"http://testserver{own.url}"
    assert not soup.select(".kb-shared")


def test_copies_are_found_and_filtered_in_the_kennisbank(site, peer, source, client):
    peer.practices["nl"] = [
        practice(11, title="Schuldhulp thuis"),
        practice(12, title="Gezond wonen", themas=[{"slug": "wonen", "name": "Wonen"}]),
    ]
    run(source)
    url = site["kennisbank"].url

    found = client.get(url, {"thema": "wonen"}).content.decode()
    assert "Gezond wonen" in found and "Schuldhulp thuis" not in found
    by_gemeente = client.get(url, {"gemeente": "GM0855"}).content.decode()
    assert "Gezond wonen" in by_gemeente and "Schuldhulp thuis" in by_gemeente
    searched = client.get(url, {"q": "Schuldhulp"}).content.decode()
    assert "Schuldhulp thuis" in searched


# Rich text, images and documents ----------------------------------------------------------------


HOSTILE = (
    '<p onclick="steal()">Hallo <script>alert("x")</script><b style="color:red">vet</b> '
    '<a href="javascript:alert(1)">klik</a> <a href="/nl/elders/">elders</a> '
    '<a data-linktype="page" data-id="1">intern</a> <a href="jav&#x09;ascript:alert(2)">tab</a>'
    '<img src="x" onerror="alert(3)"><iframe src="https://evil.example"></iframe>'
    "<style>body{display:none}</style></p><h1>Kop</h1>"
)


def test_html_and_script_are_sanitised_as_wagtail_sanitises_rich_text(site, peer, source, client):
    peer.practices["nl"] = [
        practice(
            11,
            intro=HOSTILE,
            background=HOSTILE,
            approach=[{"type": "paragraph", "value": HOSTILE, "id": "x"}],
            needs_team='<script>alert("team")</script>Twee <b>coaches</b>',
        )
    ]
    run(source)
    page = copy_of(11, source).page.specific

    for stored in (page.intro, page.background, page.approach.raw_data[0]["value"]):
        assert "<script" not in stored and "alert" not in stored
        assert "onclick" not in stored and "onerror" not in stored
        assert "javascript" not in stored.lower()
        assert "style" not in stored and "iframe" not in stored and "<img" not in stored
        assert "linktype" not in stored and "data-" not in stored
        assert "<b>vet</b>" in stored
        assert 'href="https://gezond.tilburg.example/nl/elders/"' in stored
    assert "<h1>" not in page.background  # not a feature of the field: unwrapped
    assert page.needs_team == "Twee coaches"

    html = client.get(page.url).content.decode()
    assert "steal()" not in html and 'alert("x")' not in html and "alert(1)" not in html


def test_images_are_copied_once_into_a_collection_of_the_source(site, peer, source):
    peer.files["/media/images/coach.png"] = ("image/png", PNG.getvalue())
    url = peer.url("/media/images/coach.png")
    peer.practices["nl"] = [
        practice(11, approach=[figure(url)]),
        practice(12, approach=[figure(url, alt="")]),
    ]

    run(source)

    Image = get_image_model()
    image = Image.objects.get()
    assert image.collection.name == "Gedeeld: Gemeente Tilburg"
    assert (image.width, image.height) == (40, 30)
    block = copy_of(11, source).page.specific.approach[0]
    assert block.block_type == "figure"
    assert block.value["image"].pk == image.pk
    assert block.value["image"].contextual_alt_text == "Buurtcoach op bezoek"
    assert copy_of(12, source).page.specific.approach[0].value["image"].decorative
    run(source)
    assert Image.objects.count() == 1


def test_a_failed_practice_leaves_no_image_behind_for_the_next(site, peer, source):
    peer.files["/media/images/coach.png"] = ("image/png", PNG.getvalue())
    url = peer.url("/media/images/coach.png")
    key = uuid.uuid4()
    # A page of this site already holds the translation key the first copy would get.
    own = PraktijkvoorbeeldPageFactory(parent=site["kennisbank"], title="Eigen")
    own.translation_key = source.translation_key_for(key)
    own.save()
    peer.practices["nl"] = [
        practice(11, key=key, approach=[figure(url)]),
        practice(12, approach=[figure(url)]),
    ]

    report = run(source)

    assert "this site already has its translation in nl" in report.as_text()
    image = copy_of(12, source).page.specific.approach[0].value["image"]
    assert get_image_model().objects.get().pk == image.pk
    assert image.collection.name == "Gedeeld: Gemeente Tilburg"


@pytest.mark.parametrize(
    ("content_type", "body", "reason"),
    [
        ("text/html", b"<html></html>", "unexpected content type text/html"),
        ("image/png", b"GIF89a not really", "not a valid image"),
        ("image/svg+xml", b"<svg onload='alert(1)'/>", "unexpected content type image/svg+xml"),
        ("image/png", b"\x89PNG" + b"0" * 3000, "answer too large"),
    ],
)
def test_unsafe_images_are_left_out_with_a_note(site, peer, source, content_type, body, reason):
    peer.files["/media/bad"] = (content_type, body)
    peer.practices["nl"] = [practice(11, approach=[figure(peer.url("/media/bad"))])]
    client = Client(source.base_url, ClientSettings(retries=0, max_image_bytes=2000))

    report = harvest(source, client=client)

    assert report.counts()["added"] == 1
    assert reason in report.as_text()
    assert not get_image_model().objects.exists()
    assert len(copy_of(11, source).page.specific.approach) == 0


def test_documents_and_buttons_link_to_the_source(site, peer, source):
    peer.practices["nl"] = [
        practice(
            11,
            approach=[
                {
                    "type": "document",
                    "value": {
                        "document": {"url": f"{ORIGIN}/documents/3/plan.pdf", "title": "Plan"},
                        "title": "Het plan van aanpak",
                    },
                    "id": "d",
                },
                {
                    "type": "call_to_action",
                    "value": {
                        "title": "Doe mee",
                        "text": "",
                        "link": {"page": 5, "url": "https://doe.example/mee", "text": "Aanmelden"},
                    },
                    "id": "c",
                },
                {"type": "poll", "value": {"question": "?"}, "id": "p"},
            ],
        )
    ]

    report = run(source)

    approach = copy_of(11, source).page.specific.approach
    assert [block.block_type for block in approach] == ["paragraph", "call_to_action"]
    assert (
        str(approach[0].value.source)
        == f'<p><a href="{ORIGIN}/documents/3/plan.pdf">Het plan van aanpak</a></p>'
    )
    assert approach[1].value["link"]["url"] == "https://doe.example/mee"
    assert "unknown type 'poll'" in report.as_text()


def test_every_kind_of_block_is_rebuilt_from_its_api_form(site, peer, source):
    approach = [
        {"type": "quote", "value": {"text": "Eindelijk <b>rust</b>.", "attribution": "Bewoner"}},
        {"type": "callout", "value": {"kind": "onbekend", "text": "<p>Begin <i>klein</i>.</p>"}},
        {
            "type": "accordion",
            "value": {
                "title": "Vragen",
                "items": [
                    {"question": "Voor wie?", "answer": "<p>Iedereen.</p>"},
                    {"question": "Leeg", "answer": ""},
                ],
            },
        },
        {
            "type": "video",
            "value": {
                "video": "https://www.youtube.com/watch?v=abc",
                "title": "Uitleg",
                "transcript": "<p>Tekst<script>x()</script></p>",
            },
        },
        {"type": "video", "value": {"video": "javascript:alert(1)", "title": "Kwaad"}},
        {"type": "heading", "value": {"text": "Kop", "level": "h1"}},
        {"type": "paragraph", "value": "<p><script>alleen code</script></p>"},
    ]
    peer.practices["nl"] = [practice(11, approach=approach)]

    report = run(source)

    blocks = copy_of(11, source).page.specific.approach.raw_data
    assert [block["type"] for block in blocks] == [
        "quote",
        "callout",
        "accordion",
        "video",
        "heading",
    ]
    assert blocks[0]["value"] == {"text": "Eindelijk rust.", "attribution": "Bewoner"}
    assert blocks[1]["value"] == {"kind": "info", "text": "<p>Begin <i>klein</i>.</p>"}
    assert blocks[2]["value"]["items"] == [{"question": "Voor wie?", "answer": "<p>Iedereen.</p>"}]
    assert blocks[3]["value"]["video"] == "https://www.youtube.com/watch?v=abc"
    assert blocks[3]["value"]["transcript"] == "<p>Tekst</p>"
    assert blocks[4]["value"] == {"text": "Kop", "level": "h2"}
    assert "approach block 5 (video) left out: the video has no http(s) URL" in report.as_text()


# The command and the task ----------------------------------------------------------------------


class TerminalOutput(StringIO):
    def isatty(self):
        return True


def test_the_command_creates_the_source_and_prints_progress_and_report(site, peer, settings):
    settings.GEZONDIN_HARVEST = {"page_size": 2}
    peer.practices["nl"] = [practice(11), practice(12), practice(13)]
    out = TerminalOutput()

    call_command("harvest", peer.base_url + "/", "--name", "Gemeente Tilburg", stdout=out)

    output = out.getvalue()
    source = HarvestSource.objects.get()
    assert source.base_url == peer.base_url and source.name == "Gemeente Tilburg"
    assert "Gemeente Tilburg: nl 2/3" in output and "Gemeente Tilburg: nl 3/3" in output
    assert "Result: 3 added, 0 updated, 0 withdrawn, 0 unchanged, 0 skipped" in output
    assert "Status: OK" in output


def test_the_command_shows_no_progress_when_piped_or_quiet(site, peer):
    peer.practices["nl"] = [practice(11)]
    piped = StringIO()
    call_command("harvest", peer.base_url, stdout=piped)
    assert "nl 1/1" not in piped.getvalue()
    assert "Result: 1 added, 0 updated, 0 withdrawn, 0 unchanged" in piped.getvalue()

    quiet = TerminalOutput()
    call_command("harvest", peer.base_url, verbosity=0, stdout=quiet)
    assert quiet.getvalue() == ""


def test_the_command_harvests_all_active_sources(site, peer):
    peer.practices["nl"] = [practice(11)]
    HarvestSource.objects.create(name="Tilburg", base_url=peer.base_url)
    HarvestSource.objects.create(name="Uit", base_url="http://127.0.0.1:9", is_active=False)
    out = StringIO()

    call_command("harvest", "--all", stdout=out)

    assert "Harvest of Tilburg" in out.getvalue()
    assert "Uit" not in out.getvalue()
    assert SharedCopy.objects.count() == 1


def test_the_scheduled_run_queues_a_task_per_active_source(site, peer):
    peer.practices["nl"] = [practice(11)]
    source = HarvestSource.objects.create(name="Tilburg", base_url=peer.base_url)
    out = StringIO()

    # The test settings run tasks immediately.
    call_command("harvest", "--all", "--enqueue", stdout=out)

    assert "Queued the harvest of Tilburg" in out.getvalue()
    source.refresh_from_db()
    assert source.last_status == "ok"
    assert SharedCopy.objects.count() == 1
    result = harvest_source.enqueue(source.pk)
    assert result.return_value["unchanged"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Give the base URL of one source, or --all."),
        (["ftp://example.org"], r"is not an http\(s\) address of a site"),
        (["https://example.org", "--all"], "Give the base URL of one source, or --all."),
        (["--all", "--since", "gisteren"], "is not an ISO date or date-time"),
        (["--all", "--since", "2026-02-30"], "is not an ISO date or date-time"),
        (["--all", "--retries", "-1"], "--retries must be 0 or more"),
        (["--all", "--enqueue", "--since", "2026-01-01"], "--since applies to a harvest run"),
    ],
)
def test_the_command_refuses_bad_arguments(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("harvest", *args, stdout=StringIO())


def test_the_command_fails_after_printing_the_report_when_the_source_fails(site, settings):
    settings.GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS = ["http://127.0.0.1:9"]
    out = StringIO()
    with pytest.raises(CommandError, match=r"Harvest not \(completely\) done"):
        call_command("harvest", "http://127.0.0.1:9", "--retries", "0", stdout=out)
    assert "connection refused" in out.getvalue()
    assert HarvestSource.objects.get().last_status == "failed"


def test_two_runs_of_one_source_never_overlap(site, peer, source):
    peer.practices["nl"] = [practice(11)]
    HarvestSource.objects.filter(pk=source.pk).update(
        harvest_started_at=datetime.datetime.now(datetime.UTC)
    )

    report = run(source)

    assert report.status == "failed"
    assert "another harvest of this source is still running" in report.as_text()
    assert not SharedCopy.objects.exists()
