"""The way in, on the demo content: the home page as the front door (search box, themes, next
activities, newest practices, the call to share a practice) within a fixed query budget; no
orphan pages (every page in the sitemaps is reached from the home pages by following links); one
name per vocabulary on the practice page; the dossier on top of a one-theme selection.

The demo is loaded once for the class, in a transaction rolled back afterwards.
"""

import datetime
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gezondin.models import GezondInSettings, HomePage, Thema
from kennisbank.models import KennisbankPage, KennisType, PraktijkvoorbeeldPage, ThemaPage
from leerkringen.demo import steps as demo_steps
from leerkringen.models import ActivityPage, AgendaPage, Bijeenkomst
from tests.kennisbank.factories import PraktijkvoorbeeldPageFactory, ThemaPageFactory
from tests.leerkringen.factories import make_activity

pytestmark = pytest.mark.django_db

LANGUAGES = ["nl", "en"]
MAX_CLICKS = 4
# Links with a query string are followed only for these parameters (the pager, the agenda's
# archive): every page must be reachable without choosing filters, whose combinations are
# endless.
ORDINARY_PARAMETERS = {"page", "archief"}
# Feeds, calendars and the sign-up routes are no HTML pages to follow links from.
NOT_PAGES = re.compile(r"(/feed/|/feed/rss/|\.ics$|/aanmelden/|/sign-up/)")


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def home_of(language):
    return HomePage.objects.get(locale__language_code=language)


def url_of(page):
    return page.get_url()


def dossier_urls(language):
    return {
        dossier.thema.slug: dossier.get_url()
        for dossier in ThemaPage.objects.live().filter(locale__language_code=language)
    }


# The crawl ---------------------------------------------------------------------------------------


def _ordinary(url):
    """The same-site path (with its query string) an <a href> leads to, or None when the crawl
    does not follow it (another host, mailto:, a filter selection, a feed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None
    if not parts.path.startswith("/") or NOT_PAGES.search(parts.path):
        return None
    if parts.path.startswith(("/admin/", "/documents/", "/static/", "/media/")):
        return None
    params = parse_qsl(parts.query, keep_blank_values=True)
    if any(name not in ORDINARY_PARAMETERS for name, _value in params):
        return None
    return parts.path + (f"?{urlencode(params)}" if params else "")


def crawl(client, starts, max_clicks):
    """{path: clicks} of every page reached from ``starts`` by following ordinary links, at
    most ``max_clicks`` of them. Pages at the last click are reached, not read."""
    reached = dict.fromkeys(starts, 0)
    frontier = list(starts)
    for clicks in range(1, max_clicks + 1):
        following = []
        for path in frontier:
            response = client.get(path)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            base = urlsplit(path).path
            for link in soup(response).select("a[href]"):
                href = link["href"].split("#", 1)[0]
                if not href:
                    continue
                if href.startswith("?"):
                    href = base + href
                target = _ordinary(href)
                if target and target not in reached:
                    reached[target] = clicks
                    following.append(target)
        frontier = following
    return reached


def sitemap_paths(client):
    """The paths of every URL the sitemaps list."""
    locations = re.compile(r"<loc>([^<]+)</loc>")
    index = client.get("/sitemap.xml").content.decode()
    paths = set()
    for sitemap in locations.findall(index):
        body = client.get(urlsplit(sitemap).path).content.decode()
        paths |= {urlsplit(location).path for location in locations.findall(body)}
    return paths


@pytest.mark.usefixtures("demo_output")
class TestFrontDoor:
    # The home page -------------------------------------------------------------------------

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_search_box_sends_the_query_to_the_kennisbank(self, client, language):
        html = soup(client.get(f"/{language}/"))
        form = html.select_one("main form.home-search")
        kennisbank = KennisbankPage.objects.get(locale__language_code=language)
        assert form["method"] == "get" and form["action"] == url_of(kennisbank)
        field = form.select_one("input[name=q]")
        assert html.select_one(f"label[for={field['id']}]").get_text(strip=True)
        results = client.get(form["action"], {"q": "schulden"})
        assert results.status_code == 200
        assert results.context["search"].query == "schulden"

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_each_theme_leads_to_its_dossier_or_the_filtered_kennisbank(self, client, language):
        html = soup(client.get(f"/{language}/"))
        links = html.select("main .home-themes__link")
        assert len(links) >= 5
        dossiers = dossier_urls(language)
        assert dossiers, "the demo has dossiers"
        kennisbank = url_of(KennisbankPage.objects.get(locale__language_code=language))
        to_dossiers = {link["href"] for link in links if link["href"] in dossiers.values()}
        assert to_dossiers == set(dossiers.values())
        for link in links:
            if link["href"] not in dossiers.values():
                path, _, query = link["href"].partition("?")
                assert path == kennisbank and query.startswith("thema="), link["href"]
                slug = query.removeprefix("thema=")
                assert slug not in dossiers
                # The filtered kennisbank has what the tile counts.
                counted = link.find_next_sibling(class_="home-themes__meta").get_text()
                number = int(re.search(r"\d+", counted).group())
                assert client.get(link["href"]).context["search"].count == number

    def test_theme_counts_use_the_plural_only_for_more_than_one(self, client):
        metas = [
            meta.get_text(" ", strip=True)
            for meta in soup(client.get("/nl/")).select("main .home-themes__meta")
        ]
        for text in metas:
            number = int(re.search(r"(\d+) item", text).group(1))
            word = "item" if number == 1 else "items"
            assert f"{number} {word} in de kennisbank" in text, text

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_next_activities_with_date_and_seats(self, client, language):
        html = soup(client.get(f"/{language}/"))
        section = html.select_one("main .home-activities")
        agenda = AgendaPage.objects.get(locale__language_code=language)
        upcoming = list(
            ActivityPage.objects.live()
            .descendant_of(agenda)
            .filter(last_ends_at__gte=timezone.now())
            .order_by("first_starts_at", "pk")[:3]
        )
        assert upcoming, "the demo has upcoming activities"
        cards = section.select("article")
        assert [card.select_one("h3 a")["href"] for card in cards] == [
            url_of(page) for page in upcoming
        ]
        for card, page in zip(cards, upcoming, strict=True):
            moment = timezone.localtime(page.first_starts_at)
            assert card.select_one("time")["datetime"] == moment.isoformat()
        seats = [card.select_one(".lk-seats").get_text() for card in cards]
        assert any(re.search(r"\d+", text) for text in seats), seats
        links = {link["href"] for link in section.select(".home-section__links a")}
        assert links == {url_of(agenda), f"{url_of(agenda)}?archief=1"}

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_newest_practices(self, client, language):
        html = soup(client.get(f"/{language}/"))
        section = html.select_one("main .home-newest")
        newest = (
            PraktijkvoorbeeldPage.objects.live()
            .filter(locale__language_code=language)
            .order_by("-first_published_at", "-id")[:3]
        )
        assert [a["href"] for a in section.select(".kb-card__title a")] == [
            url_of(page) for page in newest
        ]
        more = section.select_one(".home-section__more a")["href"]
        assert client.get(more).context["search"].data.getlist("type") == [
            KennisType.PRAKTIJKVOORBEELD
        ]

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_a_clear_call_to_share_a_practice(self, client, language):
        section = soup(client.get(f"/{language}/")).select_one("main .home-share")
        contact = GezondInSettings.objects.get().contact_page
        contact = contact.get_translation(home_of(language).locale)
        assert section.select_one("h2").get_text(strip=True)
        # The form "Praktijk delen" (no account needed), and the contact page for questions.
        share = {"nl": "/nl/praktijk-delen/", "en": "/en/share-a-practice/"}[language]
        assert section.select_one("a.button")["href"] == share
        assert section.select_one(".home-share__contact a")["href"] == url_of(contact)

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_agenda_follows_the_kennisbank_in_the_menu_and_is_not_last(self, client, language):
        menu = [a["href"] for a in soup(client.get(f"/{language}/")).select(".main-menu__list a")]
        kennisbank = url_of(KennisbankPage.objects.get(locale__language_code=language))
        agenda = url_of(AgendaPage.objects.get(locale__language_code=language))
        assert menu.index(agenda) == menu.index(kennisbank) + 1
        assert menu[-1] != agenda

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_a_finders_introduction_folds_once_a_selection_is_made(self, client, language):
        """The results come first on a phone: after a filter or a query the introduction is a
        closed <details>, still there to open."""
        summary = {"nl": "Inleiding", "en": "Introduction"}[language]
        for model, selection in [(KennisbankPage, "q=schulden"), (AgendaPage, "type=webinar")]:
            url = url_of(model.objects.get(locale__language_code=language))
            plain = soup(client.get(url)).select_one("main .lead")
            assert plain is not None and plain.find_parent("details") is None, url
            folded = soup(client.get(f"{url}?{selection}")).select_one("details.finder-intro")
            assert folded is not None and not folded.has_attr("open"), url
            assert folded.summary.get_text(strip=True) == summary
            assert folded.select_one(".lead").get_text(strip=True) == plain.get_text(strip=True)

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_home_page_has_a_query_budget(
        self, client, language, django_assert_max_num_queries
    ):
        """Measured on the demo: 36 and 37 queries with an empty cache, of which nine read the
        facet index of the kennisbank (the theme counts and the newest practices; after a
        publication a task reads it, kennisbank.tasks), 16 and 18 with a warm one (the page's
        menu, breadcrumbs, languages and footer included)."""
        cache.clear()
        with django_assert_max_num_queries(37):
            assert client.get(f"/{language}/").status_code == 200
        with django_assert_max_num_queries(18):
            assert client.get(f"/{language}/").status_code == 200

    def test_the_query_count_does_not_grow_with_the_content(self, client):
        def count():
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/nl/").status_code == 200
            return len(queries)

        before = count()
        kennisbank = KennisbankPage.objects.get(locale__language_code="nl")
        agenda = AgendaPage.objects.get(locale__language_code="nl")
        themes = list(Thema.objects.filter(locale__language_code="nl").order_by("sort_order")[:3])
        for number in range(4):
            practice = PraktijkvoorbeeldPageFactory(
                parent=kennisbank, title=f"Nieuw voorbeeld {number}", themas=themes
            )
            practice.save_revision().publish()
        for number in range(4):
            make_activity(
                agenda,
                title=f"Nieuwe leerkring {number}",
                start=timezone.now() + datetime.timedelta(days=1, hours=number),
                capacity=10,
            )
        html = soup(client.get("/nl/"))
        assert "Nieuw voorbeeld 3" in html.select_one(".home-newest").get_text()
        assert "Nieuwe leerkring 0" in html.select_one(".home-activities").get_text()
        assert count() == before

    # No orphan pages -------------------------------------------------------------------------

    def test_every_page_in_the_sitemaps_is_reached_from_the_home_pages(self, client):
        wanted = sitemap_paths(client)
        assert len(wanted) > 100, "the demo's sitemaps list its pages"
        reached = crawl(client, [f"/{language}/" for language in LANGUAGES], MAX_CLICKS)
        missing = sorted(wanted - set(reached))
        assert not missing, f"not reached within {MAX_CLICKS} clicks: {missing}"
        past = ActivityPage.objects.live().filter(last_ends_at__lt=timezone.now())
        assert past, "the demo has past activities"
        assert all(url_of(page) in reached for page in past)

    def test_the_crawl_counts_clicks(self, client):
        """One click from the home pages reaches the menu, not a practice in a section: the
        crawl above can fail."""
        reached = crawl(client, ["/nl/"], 1)
        assert url_of(KennisbankPage.objects.get(locale__language_code="nl")) in reached
        deep = PraktijkvoorbeeldPage.objects.live().filter(locale__language_code="nl")
        deep = deep.exclude(pk__in=[p.pk for p in deep if url_of(p) in reached]).first()
        assert deep is not None and url_of(deep) not in reached

    def test_the_demo_meetings_are_on_working_days(self):
        days = [
            timezone.localtime(moment).weekday()
            for moment in Bijeenkomst.objects.values_list("starts_at", flat=True)
        ]
        assert days and all(day < 5 for day in days), days

    # Dossiers from the kennisbank and the practices ------------------------------------------

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_one_theme_chosen_shows_its_dossier_above_the_results(self, client, language):
        kennisbank = url_of(KennisbankPage.objects.get(locale__language_code=language))
        dossiers = dossier_urls(language)
        slug, dossier = next(iter(dossiers.items()))
        html = soup(client.get(kennisbank, {"thema": slug}))
        banner = html.select_one(".kennisbank-results .kb-dossier-banner")
        assert banner.select_one("a")["href"] == dossier
        first_result = html.select_one(".kennisbank-results .result-list")
        assert first_result is not None
        assert banner.sourceline < first_result.sourceline
        other = next(
            option["value"]
            for option in html.select("input[name=thema]")
            if option["value"] not in dossiers
        )
        for params in ({"thema": [slug, other]}, {"thema": other}, {}):
            assert not soup(
                client.get(
                    kennisbank,
                    params,
                )
            ).select(".kb-dossier-banner"), params

    def test_a_new_dossier_is_linked_at_once_and_forgotten_when_unpublished(self, client):
        """The dossier URLs are cached; publishing or unpublishing a dossier renews them."""
        kennisbank = KennisbankPage.objects.get(locale__language_code="nl")
        client.get("/nl/")  # fills the cache
        slug = next(
            link["href"].split("thema=")[1]
            for link in soup(client.get("/nl/")).select(".home-themes__link")
            if "thema=" in link["href"]
        )
        thema = Thema.objects.get(locale__language_code="nl", slug=slug)
        dossier = ThemaPageFactory(parent=kennisbank, thema=thema, slug="nieuw-dossier")
        dossier.save_revision().publish()
        url = url_of(dossier)
        hrefs = [a["href"] for a in soup(client.get("/nl/")).select(".home-themes__link")]
        assert url in hrefs
        banner = soup(client.get(url_of(kennisbank), {"thema": slug})).select_one(
            ".kb-dossier-banner a"
        )
        assert banner["href"] == url
        dossier.unpublish()
        hrefs = [a["href"] for a in soup(client.get("/nl/")).select(".home-themes__link")]
        assert url not in hrefs

    def test_theme_chips_on_cards_link_to_the_dossier(self, client):
        dossiers = dossier_urls("nl")
        kennisbank = url_of(KennisbankPage.objects.get(locale__language_code="nl"))
        html = soup(client.get(kennisbank))
        chips = [a["href"] for a in html.select(".kb-card .kb-tag--theme a")]
        assert set(dossiers.values()) & set(chips)
        assert all(
            href in dossiers.values() or href.startswith(f"{kennisbank}?thema=") for href in chips
        )

    def test_a_practice_names_every_vocabulary_as_the_filters_do(self, client):
        practice = next(
            page
            for page in PraktijkvoorbeeldPage.objects.live().filter(locale__language_code="nl")
            if page.sporen.exists() and page.domeinen.count() > 1 and page.pijlers.count() > 1
        )
        html = soup(client.get(url_of(practice)))
        rows = {
            row.dt.get_text(strip=True): [a["href"] for a in row.select("dd a")]
            for row in html.select(".kb-summary__row")
        }
        assert "Pijlers" in rows and "Beleidsdomeinen" in rows
        assert ("Sporen" if practice.sporen.count() > 1 else "Spoor") in rows
        assert "Succesfactoren" not in html.get_text()
        assert len(rows["Beleidsdomeinen"]) == practice.domeinen.count()
        dossiers = dossier_urls("nl")
        themes = rows.get("Thema's") or rows.get("Thema")
        for slug in practice.themas.values_list("slug", flat=True):
            if slug in dossiers:
                assert dossiers[slug] in themes


@pytest.mark.parametrize("offset", range(7))
def test_demo_meetings_fall_on_working_days_whatever_day_it_is_loaded(offset):
    """The demo's activities, computed for a first run on each day of a week (a Saturday
    first): no meeting in a weekend."""
    first_run = datetime.date(2026, 12, 5) + datetime.timedelta(days=offset)
    days = [
        meeting.starts_at.date()
        for spec in demo_steps.ACTIVITIES
        for meeting in demo_steps._meetings(spec["meetings"], first_run, {})
    ]
    assert len(days) >= 8
    assert all(day.weekday() < 5 for day in days), [(day, day.strftime("%A")) for day in days]
