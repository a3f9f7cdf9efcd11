"""Honest about language, on the demo content: Dutch-only content on English pages carries
lang="nl" and "(in Dutch)" (dossier picks, untranslated terms, activity texts never translated);
the language switch goes to the translation with the same selection (kennisbank and agenda), or
stays on the page with a note when there is none; the English kennisbank says how many more
results exist only in Dutch and links to them.

The demo is loaded once for the class, in a transaction rolled back after each test.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from gezondin.models import Thema
from kennisbank.models import KennisPage, ThemaPage
from leerkringen.models import ActivityPage, Bijeenkomst

pytestmark = pytest.mark.django_db

THEME = "armoede-en-schulden"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def switch_links(html):
    """{language code: <a>} of the language switcher."""
    return {link["lang"]: link for link in html.select(".language-switcher__link")}


def english_of(page):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code="en")


def dutch_only_items(**filters):
    """The live Dutch kennisbank items without a live English translation."""
    english = KennisPage.objects.live().filter(locale__language_code="en")
    return (
        KennisPage.objects.live()
        .filter(locale__language_code="nl", **filters)
        .exclude(translation_key__in=english.values("translation_key"))
    )


def marked(element):
    """The text of ``element``'s "(in ...)" note, or None."""
    note = element.select_one(".language-note")
    return note.get_text(strip=True) if note else None


@pytest.mark.usefixtures("demo_output")
class TestLanguage:
    # Dutch content on English pages ------------------------------------------------------------

    def test_a_dossier_pick_only_in_dutch_is_marked_on_the_english_dossier(self, client):
        dossier = ThemaPage.objects.live().get(locale__language_code="en", thema__slug=THEME)
        html = soup(client.get(dossier.get_url()))
        cards = html.select(".kb-card")
        dutch = [
            card for card in cards if card.select_one(".kb-card__link")["href"].startswith("/nl/")
        ]
        english = [card for card in cards if card not in dutch]
        assert dutch and english
        for card in dutch:
            link = card.select_one(".kb-card__link")
            assert link["hreflang"] == "nl"
            assert (
                link.select_one('[lang="nl"]').get_text(strip=True) == link.contents[0].get_text()
            )
            assert marked(link) == "(in Dutch)"
            assert card.select_one(".kb-card__text")["lang"] == "nl"
        for card in english:
            assert not card.select('[lang="nl"]')
            assert marked(card) is None

    def test_the_same_pick_on_the_dutch_dossier_is_not_marked(self, client):
        dossier = ThemaPage.objects.live().get(locale__language_code="nl", thema__slug=THEME)
        html = soup(client.get(dossier.get_url()))
        assert html.select(".kb-card")
        assert not html.select("main .language-note")
        assert not html.select('main [lang="nl"]')

    def test_a_term_without_english_name_is_marked(self, client):
        Thema.objects.get(locale__language_code="en", slug=THEME).delete()
        html = soup(client.get("/en/knowledge-base/"))
        tags = [tag for tag in html.select(".kb-tag--theme") if tag.select('[lang="nl"]')]
        assert tags
        assert tags[0].select_one('[lang="nl"]').get_text() == "Armoede en schulden"
        assert marked(tags[0]) == "(in Dutch)"
        other = [tag for tag in html.select(".kb-tag--theme") if tag not in tags]
        assert other and all(marked(tag) is None for tag in other)

    def test_activity_texts_never_translated_are_marked(self, client):
        dutch = ActivityPage.objects.get(
            locale__language_code="nl", slug="leerkring-armoede-en-gezondheid"
        )
        english = english_of(dutch).specific
        first_meeting = dutch.bijeenkomsten.order_by("starts_at").first()
        english.for_whom = dutch.for_whom  # as wagtail-localize leaves an untranslated segment
        english.intro = dutch.specific.intro
        english.save()
        meeting = Bijeenkomst.objects.filter(page=english).order_by("starts_at").first()
        meeting.topic = first_meeting.topic
        meeting.save()

        html = soup(client.get(english.get_url()))
        facts = html.select_one(".lk-facts")
        for_whom = next(dt for dt in facts.select("dt") if dt.get_text() == "For whom")
        value = for_whom.find_next_sibling("dd")
        assert value.select_one('[lang="nl"]').get_text() == dutch.for_whom
        assert marked(value) == "(in Dutch)"
        lead = html.select_one("header .lead")
        assert lead["lang"] == "nl"
        assert marked(lead.parent) == "(in Dutch)"
        titles = html.select(".lk-meeting__title")
        assert titles[0].select_one('[lang="nl"]').get_text() == first_meeting.topic
        assert marked(titles[0]) == "(in Dutch)"
        # What was translated is not marked: the title, the other meetings' topics.
        assert not html.select_one("h1").select('[lang="nl"]')
        assert all(marked(title) is None for title in titles[1:])

    def test_a_translated_activity_has_no_dutch_marks(self, client):
        english = ActivityPage.objects.get(
            locale__language_code="en", slug="learning-circle-poverty-and-health"
        )
        html = soup(client.get(english.get_url()))
        assert not html.select('main [lang="nl"]')
        assert not html.select("main .language-note")

    # The language switch -----------------------------------------------------------------------

    def test_the_switch_goes_to_the_translation(self, client):
        english = ActivityPage.objects.get(
            locale__language_code="en", slug="learning-circle-poverty-and-health"
        )
        links = switch_links(soup(client.get(english.get_url())))
        assert links["nl"]["href"] == "/nl/agenda/leerkring-armoede-en-gezondheid/"
        assert links["nl"]["hreflang"] == "nl"
        assert links["en"]["aria-current"] == "true"

    def test_without_translation_the_switch_stays_with_a_note(self, client):
        item = dutch_only_items().first()
        html = soup(client.get(item.get_url()))
        link = switch_links(html)["en"]
        assert link["href"] == "#language-note-en"
        assert "hreflang" not in link.attrs  # it is no English page
        assert "This page is only available in Dutch." in link.get_text()
        note = html.select_one("#language-note-en")
        assert note["lang"] == "en"
        assert note.get_text(" ", strip=True).startswith("This page is only available in Dutch.")
        assert note.select_one("a")["href"] == "/en/"
        assert note.select_one("a").get_text() == "Go to the home page in English"
        assert not html.head.select('link[rel="alternate"][hreflang]')

    def test_a_translated_page_has_no_note(self, client):
        html = soup(client.get("/nl/kennisbank/"))
        assert not html.select(".language-unavailable")
        assert switch_links(html)["en"]["href"] == "/en/knowledge-base/"

    def test_switching_keeps_the_kennisbank_selection_but_not_the_page_number(self, client):
        query = f"thema={THEME}&type=praktijkvoorbeeld&q=schulden&page=2"
        html = soup(client.get(f"/en/knowledge-base/?{query}"))
        href = switch_links(html)["nl"]["href"]
        parts = urlsplit(href)
        assert parts.path == "/nl/kennisbank/"
        assert parse_qs(parts.query) == {
            "thema": [THEME],
            "type": ["praktijkvoorbeeld"],
            "q": ["schulden"],
        }
        # The values are the same in Dutch: nothing is ignored, every filter is chosen there.
        dutch = soup(client.get(href))
        assert not dutch.select(".notice--warning")
        chosen = {box["value"] for box in dutch.select(".finder input[type=checkbox][checked]")}
        assert {THEME, "praktijkvoorbeeld"} <= chosen
        # The search engines' alternates stay without the selection.
        alternates = {
            link["hreflang"]: link["href"]
            for link in html.head.select('link[rel="alternate"][hreflang]')
        }
        assert alternates["nl"] == "http://testserver/nl/kennisbank/"

    def test_switching_keeps_the_agenda_selection(self, client):
        html = soup(client.get("/en/events/?type=webinar&mode=online&archief=1"))
        parts = urlsplit(switch_links(html)["nl"]["href"])
        assert parts.path == "/nl/agenda/"
        assert parse_qs(parts.query) == {
            "type": ["webinar"],
            "mode": ["online"],
            "archief": ["1"],
        }
        dutch = soup(client.get(switch_links(html)["nl"]["href"]))
        chosen = {box["value"] for box in dutch.select(".finder input[type=checkbox][checked]")}
        assert {"webinar", "online"} <= chosen

    # More in Dutch -----------------------------------------------------------------------------

    def test_the_english_kennisbank_counts_what_exists_only_in_dutch(self, client):
        expected = dutch_only_items().count()
        assert expected > 1
        html = soup(client.get("/en/knowledge-base/"))
        note = html.select_one(".kb-elsewhere")
        assert note.get_text(" ", strip=True).startswith(
            f"{expected} more results are only available in Dutch."
        )
        link = note.select_one("a")
        assert link["href"] == "/nl/kennisbank/"
        assert link["hreflang"] == "nl"

    def test_the_count_follows_the_filters_and_links_with_them(self, client):
        expected = dutch_only_items(themas__slug=THEME).distinct().count()
        html = soup(client.get(f"/en/knowledge-base/?thema={THEME}&page=2"))
        note = html.select_one(".kb-elsewhere")
        assert note.get_text(" ", strip=True).startswith(f"{expected} more result")
        assert note.select_one("a")["href"] == f"/nl/kennisbank/?thema={THEME}"

    def test_the_dutch_kennisbank_has_no_such_note(self, client):
        # Every English item is a translation of a Dutch one.
        assert not soup(client.get("/nl/kennisbank/")).select(".kb-elsewhere")
