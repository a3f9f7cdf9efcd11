"""Sharing a practice without an account (kennisbank/share.py, docs/kennisbank.md): the form at
/nl/praktijk-delen/ (/en/share-a-practice/), its honeypot and limits, the confirmation link, the
draft in the municipality's section or the national inbox, the editors' mail and dashboard, and
the retention of the submitter's data.

Everything through the public interface: the test client, the links in the mails, the admin's
dashboard and ``manage.py gezondin_jobs``.
"""

# The fixtures imported from tests.kennisbank.sections are the tests' parameters.
# ruff: noqa: F811

import datetime
import logging
import re
import time

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.core.management import call_command
from django.utils import timezone
from wagtail.users.models import UserProfile

from gezondin.models import Gemeente, Organisatie
from kennisbank.models import (
    GemeentePage,
    KennisbankPage,
    PraktijkInzending,
    PraktijkvoorbeeldPage,
)
from tests.kennisbank.sections import (  # noqa: F401 - the tests' fixtures
    amsterdam,
    client_for,
    editor_a,
    national,
    sections,
    tilburg,
    tree,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("sections", "editor_a", "national")]

FORM_NL = "/nl/praktijk-delen/"
FORM_EN = "/en/share-a-practice/"
EMAIL = "sanne.devries@ggd.example"


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(response):
    return " ".join(soup(response).get_text(" ").split())


def form_data(**overrides):
    data = {
        "title": "Huisbezoeken bij schulden",
        "gemeente": "GM0855",
        "intro": "Buurtcoaches bezoeken gezinnen met geldzorgen.",
        "background": "In Tilburg-Noord hebben veel gezinnen schulden.\n\nDat maakt ziek.",
        "goal": "Eerder hulp bij geldzorgen.",
        "approach": "Buurtcoaches gaan op huisbezoek.",
        "lessons": "Begin klein.",
        "needs_team": "Twee buurtcoaches",
        "partners": "GGD Hart voor Brabant: huisbezoeken\nStichting Onbekend: ontmoeting",
        "name": "Sanne de Vries",
        "email": EMAIL,
        "organisation": "GGD Hart voor Brabant",
        "phone": "013 123 45 67",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def share(client, **overrides):
    return client.post(FORM_NL, form_data(**overrides), REMOTE_ADDR="192.0.2.10")


def confirm_link(mail):
    return re.search(r"https?://\S+/(?:bevestigen|confirm)/", mail.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def editor(editor_a):
    return speaks(editor_a, "nl")


@pytest.fixture
def landelijk(national):
    return speaks(national, "nl")


# The form --------------------------------------------------------------------------------------


def test_the_form_is_there_in_both_languages_without_an_account(client, tree):
    dutch = client.get(FORM_NL)
    english = client.get(FORM_EN)
    assert dutch.status_code == english.status_code == 200
    assert soup(dutch).h1.get_text(strip=True) == "Deel een praktijkvoorbeeld"
    assert soup(english).h1.get_text(strip=True) == "Share a practice"
    names = {field["name"] for field in soup(dutch).select("form [name]")}
    assert {
        "title",
        "gemeente",
        "intro",
        "background",
        "goal",
        "approach",
        "working_elements",
    } <= names
    assert {"results", "monitoring", "lessons", "needs_team", "funding", "partners"} <= names
    assert {"name", "email", "organisation", "phone", "contact_public", "consent"} <= names


def test_a_municipality_page_links_to_the_form_with_its_municipality_chosen(client, sections):
    page = sections.a.pages["nl"]
    link = soup(client.get(page.url)).select_one(".kb-share-link a")["href"]
    assert link == f"{FORM_NL}?gemeente=GM0855"
    chosen = soup(client.get(link)).select_one("[name=gemeente] option[selected]")
    assert chosen["value"] == "GM0855"


def test_home_and_kennisbank_link_to_the_form(client, tree):
    home = soup(client.get("/nl/"))
    assert home.select_one(".home-share a.button")["href"] == FORM_NL
    kennisbank = soup(client.get(tree.kennisbank.url))
    assert kennisbank.select_one(".kb-share-link a")["href"] == FORM_NL


def test_mistakes_are_listed_with_nothing_typed_lost_and_nothing_stored(client, tree, mailoutbox):
    response = share(client, title="", email="geen-adres", consent=None, gemeente="GM9999")

    assert response.status_code == 200
    page = soup(response)
    summary = page.select_one("#delen-fouten")
    assert summary.has_attr("autofocus") and summary["role"] == "alert"
    links = {a["href"]: a.get_text(strip=True) for a in summary.select("a")}
    assert links == {
        "#delen-title": "Geef uw praktijkvoorbeeld een naam.",
        "#delen-gemeente": "Kies een gemeente uit de lijst.",
        "#delen-email": "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.",
        "#delen-consent": (
            "Geef toestemming voor het gebruik van uw gegevens; zonder kunnen we uw inzending "
            "niet verwerken."
        ),
    }
    email = page.select_one("#delen-email")
    assert email["aria-invalid"] == "true"
    assert "delen-email-error" in email["aria-describedby"].split()
    assert page.select_one("#delen-background").get_text().strip().startswith("In Tilburg-Noord")
    assert page.select_one("#delen-name")["value"] == "Sanne de Vries"
    assert page.select_one("form.gi-form")["action"] == f"{FORM_NL}#delen-fouten"
    assert not PraktijkInzending.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    "value", ["\x00", "'\"><script>", "\u202e" * 50, "😀" * 300, "-1", str(2**64), " \t "]
)
def test_odd_input_never_breaks_the_form(client, tree, value):
    assert client.get(FORM_NL, {"gemeente": value}).status_code == 200
    odd = {name: value for name in form_data() if name != "website"}
    response = client.post(FORM_NL, odd)
    assert response.status_code == 200  # mistakes, each with its message
    assert soup(response).select("#delen-fouten li")
    assert not PraktijkInzending.objects.exists()


def test_too_long_texts_are_refused_with_a_specific_message(client, tree):
    response = share(client, background="x" * 5001)
    assert "Deze tekst is te lang: gebruik hoogstens 5000 tekens." in text_of(response)


def test_the_honeypot_gets_the_same_answer_and_nothing_is_done(client, tree, mailoutbox):
    response = share(client, website="https://spam.example")
    assert response.status_code == 302
    assert response["Location"] == "/nl/praktijk-delen/verstuurd/#main"
    assert not PraktijkInzending.objects.exists()
    assert mailoutbox == []


def test_sending_stores_the_submission_and_mails_the_link_without_personal_data_in_urls(
    client, tree, mailoutbox, caplog
):
    caplog.set_level(logging.DEBUG)
    response = share(client)

    assert response.status_code == 302
    assert response["Location"] == "/nl/praktijk-delen/verstuurd/#main"
    sent = client.get(response["Location"])
    assert "Kijk in uw e-mail" in text_of(sent)
    assert "Wat gebeurt er daarna?" in text_of(sent)
    inzending = PraktijkInzending.objects.get()
    assert inzending.confirmed_at is None and inzending.page is None
    assert inzending.email == EMAIL and inzending.gemeente.cbs_code == "GM0855"
    (mail,) = mailoutbox
    assert mail.to == [EMAIL]
    assert mail.subject == "Bevestig uw praktijkvoorbeeld: Huisbezoeken bij schulden"
    assert "redactie van Tilburg" in mail.body
    assert "Niets wordt gepubliceerd voordat de redactie het heeft bekeken" in mail.body
    link = confirm_link(mail)
    assert link.startswith("http") and "/nl/praktijk-delen/" in link
    assert "sanne" not in link.lower() and "ggd" not in link.lower()
    assert not PraktijkvoorbeeldPage.objects.filter(title="Huisbezoeken bij schulden").exists()
    for record in caplog.records:
        assert "sanne" not in record.getMessage().lower()


def test_the_english_form_mails_in_english(client, tree, mailoutbox):
    response = client.post(FORM_EN, form_data())
    assert response["Location"] == "/en/share-a-practice/sent/#main"
    (mail,) = mailoutbox
    assert mail.subject == "Confirm your practice: Huisbezoeken bij schulden"
    assert "/en/share-a-practice/" in confirm_link(mail)


# Limits ----------------------------------------------------------------------------------------


def test_a_client_over_its_budget_is_told_when_and_keeps_what_it_typed(client, tree, settings):
    settings.KENNISBANK_SHARES_PER_CLIENT = 2
    for number in range(2):
        assert share(client, email=f"p{number}@example.org").status_code == 302

    refused = share(client, email="derde@example.org")

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Vanaf uw netwerk zijn dit uur al veel praktijkvoorbeelden ingestuurd" in text_of(
        refused
    )
    assert soup(refused).select_one("[name=email]")["value"] == "derde@example.org"
    assert PraktijkInzending.objects.count() == 2
    # Another network is not affected.
    other = client.post(FORM_NL, form_data(email="vierde@example.org"), REMOTE_ADDR="192.0.2.99")
    assert other.status_code == 302


def test_one_address_has_a_budget_of_its_own(client, tree, settings):
    settings.KENNISBANK_SHARES_PER_ADDRESS = 1
    assert share(client).status_code == 302
    refused = share(client, email=EMAIL.upper())
    assert refused.status_code == 429
    assert "Met dit e-mailadres zijn dit uur al veel praktijkvoorbeelden ingestuurd" in text_of(
        refused
    )


def test_only_valid_submissions_count(client, tree, settings):
    settings.KENNISBANK_SHARES_PER_CLIENT = 1
    for _attempt in range(3):
        assert share(client, title="").status_code == 200
        assert share(client, website="bot").status_code == 302
    assert share(client).status_code == 302
    assert share(client, email="ander@example.org").status_code == 429


# Confirming ------------------------------------------------------------------------------------


def test_confirming_makes_a_draft_in_the_section_and_tells_its_editors(
    client, sections, editor, landelijk, mailoutbox
):
    speaks(editor, "en")
    share(client)
    link = confirm_link(mailoutbox[0])
    mailoutbox.clear()

    response = client.get(path_of(link))

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    text = text_of(response)
    assert "staat nu als concept klaar voor de redactie van Tilburg" in text
    assert "Niets wordt gepubliceerd voordat de redactie het heeft bekeken" in text
    page = PraktijkvoorbeeldPage.objects.get(title="Huisbezoeken bij schulden")
    assert not page.live and page.has_unpublished_changes and page.first_published_at is None
    assert page.latest_revision is not None
    assert page.get_parent().specific == sections.a.pages["nl"]
    assert list(page.gemeenten.values_list("cbs_code", flat=True)) == ["GM0855"]
    assert "<p>In Tilburg-Noord hebben veel gezinnen schulden.</p>" in page.background
    assert page.approach[0].block_type == "paragraph"
    assert [partner.organisatie.name for partner in page.partners.all()] == []
    assert page.contact_name == "" and not page.contact_is_person  # no consent to be named
    assert client.get(page.url).status_code == 404
    inzending = PraktijkInzending.objects.get()
    assert inzending.page_id == page.pk and inzending.confirmed_at

    # The section's editor, in their own language; not the national editors.
    (mail,) = mailoutbox
    assert mail.to == [editor.email]
    assert mail.subject == "New practice shared by a visitor: Huisbezoeken bij schulden"
    assert f"/admin/pages/{page.pk}/edit/" in mail.body
    assert "Stichting Onbekend: ontmoeting" in mail.body  # a partner the editors must add


def test_a_known_partner_and_consent_to_be_named_go_into_the_draft(client, sections, mailoutbox):
    ggd = Organisatie.objects.create(name="GGD Hart voor Brabant")
    share(client, contact_public="on")
    client.get(path_of(confirm_link(mailoutbox[0])))
    page = PraktijkvoorbeeldPage.objects.get(title="Huisbezoeken bij schulden")
    assert [(p.organisatie, p.role) for p in page.partners.all()] == [(ggd, "huisbezoeken")]
    assert (page.contact_name, page.contact_email) == ("Sanne de Vries", EMAIL)
    assert page.contact_is_person and page.contact_consent


def test_the_link_works_once(client, sections, mailoutbox):
    share(client)
    link = path_of(confirm_link(mailoutbox[0]))
    client.get(link)
    mailoutbox.clear()

    again = client.get(link)

    assert again.status_code == 200
    assert "U had uw praktijkvoorbeeld al bevestigd" in text_of(again)
    assert PraktijkvoorbeeldPage.objects.filter(title="Huisbezoeken bij schulden").count() == 1
    assert mailoutbox == []


def test_a_forged_link_is_refused(client, sections, mailoutbox):
    share(client)
    link = path_of(confirm_link(mailoutbox[0]))
    token = link.split("/")[-3]
    forged = link.replace(token, token[:-2] + ("aa" if not token.endswith("aa") else "bb"))
    other_kind = link.replace(
        token, signing.TimestampSigner(salt="leerkringen.aanmelding").sign(token.split(":")[0])
    )
    for url in (forged, other_kind, "/nl/praktijk-delen/niets/bevestigen/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Deze link werkt niet (meer)" in text_of(response)
    assert not PraktijkvoorbeeldPage.objects.filter(title="Huisbezoeken bij schulden").exists()


def test_an_expired_link_makes_nothing(client, sections, mailoutbox, monkeypatch):
    eight_days_ago = int(time.time()) - 8 * 86400
    with monkeypatch.context() as patch:
        patch.setattr(
            signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(eight_days_ago)
        )
        share(client)
    response = client.get(path_of(confirm_link(mailoutbox[0])))
    assert response.status_code == 410
    assert "Deze link is verlopen" in text_of(response)
    assert PraktijkInzending.objects.get().confirmed_at is None
    assert not PraktijkvoorbeeldPage.objects.filter(title="Huisbezoeken bij schulden").exists()


def test_without_a_section_the_draft_goes_to_the_national_inbox(
    client, sections, editor, landelijk, mailoutbox
):
    assert not GemeentePage.objects.filter(gemeente__cbs_code="GM0344").exists()
    share(client, gemeente="GM0344")  # Utrecht: no section of its own
    assert "landelijke redactie" in mailoutbox[0].body
    link = confirm_link(mailoutbox[0])
    mailoutbox.clear()

    response = client.get(path_of(link))

    assert "staat nu als concept klaar voor de landelijke redactie" in text_of(response)
    page = PraktijkvoorbeeldPage.objects.get(title="Huisbezoeken bij schulden")
    assert page.get_parent().specific == KennisbankPage.objects.get(locale__language_code="nl")
    assert not page.live
    assert list(page.gemeenten.all()) == [Gemeente.objects.get(cbs_code="GM0344")]
    assert [mail.to for mail in mailoutbox] == [[landelijk.email]]
    assert mailoutbox[0].subject == "Nieuw ingestuurd praktijkvoorbeeld: Huisbezoeken bij schulden"


# The editors' dashboard ------------------------------------------------------------------------


def test_the_section_editor_and_the_national_editors_see_it_on_their_dashboard(
    client, sections, editor, landelijk, mailoutbox
):
    share(client)
    client.get(path_of(confirm_link(mailoutbox[0])))
    page = PraktijkvoorbeeldPage.objects.get(title="Huisbezoeken bij schulden")

    for user, panel in (
        (editor, "#mijn-gemeente-GM0855-section"),
        (landelijk, "#ingestuurd-door-bezoekers-section"),
    ):
        dashboard = soup(client_for(user).get("/admin/"))
        section = dashboard.select_one(panel)
        text = " ".join(section.get_text(" ").split())
        assert "Ingestuurd door bezoekers" in text, user
        assert "Huisbezoeken bij schulden" in text
        assert "Sanne de Vries" in text
        assert section.select_one(f"a[href='/admin/pages/{page.pk}/edit/']")
    # The editor may open the draft.
    assert client_for(editor).get(f"/admin/pages/{page.pk}/edit/").status_code == 200


# Retention -------------------------------------------------------------------------------------


def test_retention_deletes_unconfirmed_and_anonymises_the_submitter(
    client, sections, mailoutbox, settings
):
    share(client, title="Niet bevestigd", email="a@example.org")
    share(client, title="Bevestigd", email="b@example.org")
    share(client, title="Net bevestigd", email="c@example.org")
    links = {mail.subject.split(": ", 1)[1]: path_of(confirm_link(mail)) for mail in mailoutbox}
    client.get(links["Bevestigd"])
    client.get(links["Net bevestigd"])
    now = timezone.now()
    PraktijkInzending.objects.filter(data__title="Niet bevestigd").update(
        created_at=now - datetime.timedelta(days=8)
    )
    PraktijkInzending.objects.filter(data__title="Bevestigd").update(
        confirmed_at=now - datetime.timedelta(days=91)
    )

    call_command("gezondin_jobs", "--only", "share-retention", stdout=(out := _Out()))

    assert "1 unconfirmed shared practice(s) deleted, 1 submitter(s) anonymised" in out.text
    assert not PraktijkInzending.objects.filter(data__title="Niet bevestigd").exists()
    old = PraktijkInzending.objects.get(data__title="Bevestigd")
    assert old.anonymised_at and old.name == "–" and "@" not in old.email
    assert old.organisation == old.phone == ""
    assert old.page.title == "Bevestigd"  # the draft stays
    recent = PraktijkInzending.objects.get(data__title="Net bevestigd")
    assert recent.email == "c@example.org" and recent.anonymised_at is None
    # Its link no longer works; running again changes nothing.
    assert client.get(links["Bevestigd"]).status_code == 404
    call_command("gezondin_jobs", "--only", "share-retention", stdout=(again := _Out()))
    assert "0 unconfirmed shared practice(s) deleted, 0 submitter(s) anonymised" in again.text


class _Out:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass
