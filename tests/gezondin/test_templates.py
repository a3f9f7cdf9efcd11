"""The public look: base layout, navigation, languages, footer, search, blocks and error pages.

Everything goes through the test client and reads the HTML the way a browser or screen reader
would (landmarks, headings, focus order, attributes). The home page, the about page in the menu
and the footer's pages are built once for the module (tests/shared.py): every test sees them.
"""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import get_template
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import PageViewRestriction, Site
from wagtail_factories import DocumentFactory, ImageFactory

from gezondin.models import GezondInSettings
from tests.factories import StandardPageFactory
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("about_page", "footer_pages")]

FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]"
VIDEO_URL = "https://www.youtube.com/watch?v=gezondin-test"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def publish(page):
    page.save_revision().publish()
    return page


def translate(page, locale, title):
    translation = page.copy_for_translation(locale)
    translation.title = title
    return publish(translation)


@shared_fixture
def about_page(home_page, locales):
    """A Dutch content page in the menu, with an English translation."""
    page = publish(
        StandardPageFactory(
            parent=home_page, title="Over GezondIn", slug="over-gezondin", show_in_menus=True
        )
    )
    translate(page, locales["en"], "About GezondIn")
    return page


@shared_fixture
def footer_pages(home_page, locales):
    privacy = publish(StandardPageFactory(parent=home_page, title="Privacyverklaring"))
    accessibility = publish(
        StandardPageFactory(parent=home_page, title="Toegankelijkheidsverklaring")
    )
    translate(privacy, locales["en"], "Privacy statement")
    translate(accessibility, locales["en"], "Accessibility statement")
    site_settings = GezondInSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = privacy
    site_settings.accessibility_page = accessibility
    site_settings.contact_email = "info@gezondin.example"
    site_settings.save()
    return {"privacy": privacy, "accessibility": accessibility}


# --- Base layout -------------------------------------------------------------------------------


def test_html_lang_follows_the_language_of_the_url(client, home_page):
    assert soup(client.get("/nl/")).html["lang"] == "nl"
    assert soup(client.get("/en/")).html["lang"] == "en"


def test_every_page_names_an_icon_the_site_serves(client, home_page):
    """Without one, browsers ask for /favicon.ico on every page and get a 404."""
    icon = soup(client.get("/nl/")).select_one("head link[rel=icon]")
    assert icon is not None
    assert icon["href"].startswith(settings.STATIC_URL)
    assert finders.find(icon["href"].removeprefix(settings.STATIC_URL))


def test_head_has_hreflang_alternates_for_both_languages_and_x_default(client, home_page):
    html = soup(client.get("/nl/"))
    alternates = {
        link["hreflang"]: link["href"] for link in html.head.select('link[rel="alternate"]')
    }
    assert alternates == {
        "nl": "http://testserver/nl/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/nl/",
    }
    assert html.head.select_one('link[rel="canonical"]')["href"] == "http://testserver/nl/"
    description = html.head.select_one('meta[name="description"]')["content"]
    assert description == "Kennis en praktijk voor gezondheid in alle beleidsdomeinen."


def test_no_hreflang_alternates_for_a_page_without_translation(client, home_page):
    publish(StandardPageFactory(parent=home_page, title="Alleen Nederlands", slug="alleen-nl"))
    html = soup(client.get("/nl/alleen-nl/"))
    assert html.head.select('link[rel="alternate"]') == []


@pytest.mark.parametrize("url", ["/nl/", "/en/", "/nl/over-gezondin/", "/nl/zoeken/?q=gezond"])
def test_exactly_one_h1(client, about_page, url):
    response = client.get(url)
    assert response.status_code == 200
    assert len(soup(response).find_all("h1")) == 1


def test_skip_link_is_the_first_focusable_element_and_targets_main(client, home_page):
    html = soup(client.get("/nl/"))
    first = html.body.select(FOCUSABLE)[0]
    assert first.name == "a"
    assert first["href"] == "#main"
    assert first.get_text(strip=True) == "Naar de inhoud"
    main = html.select_one("#main")
    assert main.name == "main"


def test_landmarks_and_no_positive_tabindex(client, about_page):
    html = soup(client.get("/nl/over-gezondin/"))
    assert len(html.find_all("header", class_="site-header")) == 1
    assert len(html.find_all("main")) == 1
    assert len(html.find_all("footer")) == 1
    nav_labels = {nav.get("aria-label") for nav in html.find_all("nav")}
    assert {"Hoofdmenu", "Kruimelpad", "Taalkeuze"} <= nav_labels
    for element in html.select("[tabindex]"):
        assert int(element["tabindex"]) <= 0
    # Every form field has a label.
    for field in html.select("input:not([type=hidden]), select, textarea"):
        assert html.select_one(f'label[for="{field["id"]}"]') is not None


def test_title_has_the_site_name_except_on_the_home_page(client, about_page):
    assert soup(client.get("/nl/")).title.string == "GezondIn"
    assert soup(client.get("/nl/over-gezondin/")).title.string == "Over GezondIn | GezondIn"


def test_stylesheet_is_local(client, home_page):
    html = soup(client.get("/nl/"))
    for link in html.select('link[rel="stylesheet"]'):
        assert link["href"].startswith("/static/")
    for script in html.select("script[src]"):
        assert script["src"].startswith("/static/")


# --- Language switcher --------------------------------------------------------------------------


def language_links(html):
    return {
        link["lang"]: link for link in html.select(".language-switcher a.language-switcher__link")
    }


def test_language_switcher_links_to_the_translation(client, about_page):
    links = language_links(soup(client.get("/nl/over-gezondin/")))
    assert links["en"]["href"] == "/en/over-gezondin/"
    assert links["en"]["lang"] == "en"
    assert links["en"].get_text(strip=True) == "English"
    assert links["nl"]["href"] == "/nl/over-gezondin/"
    assert links["nl"]["aria-current"] == "true"
    assert links["nl"].get_text(strip=True) == "Nederlands"
    assert "aria-current" not in links["en"].attrs

    links = language_links(soup(client.get("/en/over-gezondin/")))
    assert links["nl"]["href"] == "/nl/over-gezondin/"
    assert links["en"]["aria-current"] == "true"


def test_language_switcher_without_a_translation_stays_with_a_note(client, home_page):
    publish(StandardPageFactory(parent=home_page, title="Alleen Nederlands", slug="alleen-nl"))
    html = soup(client.get("/nl/alleen-nl/"))
    links = language_links(html)
    assert links["en"]["href"] == "#language-note-en"
    note = html.select_one("#language-note-en")
    assert note["lang"] == "en"
    assert note.select_one("a")["href"] == "/en/"


def test_language_switcher_on_the_search_page_keeps_the_query_but_not_the_page(client, home_page):
    links = language_links(soup(client.get("/nl/zoeken/?q=wonen&page=2")))
    assert links["en"]["href"].startswith("/en/")
    assert "q=wonen" in links["en"]["href"]
    assert "page=" not in links["en"]["href"]


# --- Main menu and breadcrumbs -------------------------------------------------------------------


def test_main_menu_shows_menu_pages_and_marks_the_current_one(client, about_page):
    publish(StandardPageFactory(parent=about_page, title="Het team", slug="team"))
    publish(StandardPageFactory(parent=about_page.get_parent(), title="Verborgen"))

    html = soup(client.get("/nl/"))
    menu = html.select_one('nav[aria-label="Hoofdmenu"]')
    titles = [a.get_text(strip=True) for a in menu.select("a")]
    assert titles == ["Over GezondIn"]
    assert "aria-current" not in menu.select_one("a").attrs

    menu = soup(client.get("/nl/over-gezondin/")).select_one('nav[aria-label="Hoofdmenu"]')
    assert menu.select_one("a")["aria-current"] == "page"

    # On a page further down, the section is marked.
    menu = soup(client.get("/nl/over-gezondin/team/")).select_one('nav[aria-label="Hoofdmenu"]')
    assert menu.select_one("a")["aria-current"] == "true"


def test_main_menu_is_in_the_visitors_language(client, about_page):
    menu = soup(client.get("/en/")).select_one('nav[aria-label="Main menu"]')
    link = menu.select_one("a")
    assert link.get_text(strip=True) == "About GezondIn"
    assert link["href"] == "/en/over-gezondin/"


def test_main_menu_leaves_out_private_and_draft_pages(client, about_page):
    private = publish(
        StandardPageFactory(parent=about_page.get_parent(), title="Intern", show_in_menus=True)
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = StandardPageFactory(parent=about_page.get_parent(), title="Concept", live=False)
    draft.show_in_menus = True
    draft.save()
    menu = soup(client.get("/nl/")).select_one('nav[aria-label="Hoofdmenu"]')
    assert [a.get_text(strip=True) for a in menu.select("a")] == ["Over GezondIn"]


def test_main_menu_follows_publications_though_it_is_cached(client, about_page):
    def menu_titles():
        menu = soup(client.get("/nl/")).select_one('nav[aria-label="Hoofdmenu"]')
        return [a.get_text(strip=True) for a in menu.select("a")]

    assert menu_titles() == ["Over GezondIn"]
    agenda = publish(
        StandardPageFactory(parent=about_page.get_parent(), title="Agenda", show_in_menus=True)
    )
    assert menu_titles() == ["Over GezondIn", "Agenda"]
    agenda.title = "Activiteiten"
    agenda.save_revision().publish()
    assert menu_titles() == ["Over GezondIn", "Activiteiten"]
    PageViewRestriction.objects.create(page=agenda, restriction_type="login")
    assert menu_titles() == ["Over GezondIn"]
    PageViewRestriction.objects.filter(page=agenda).delete()
    agenda.unpublish()
    assert menu_titles() == ["Over GezondIn"]


def test_breadcrumbs_on_a_standard_page(client, about_page):
    publish(StandardPageFactory(parent=about_page, title="Het team", slug="team"))
    html = soup(client.get("/nl/over-gezondin/team/"))
    nav = html.select_one('nav[aria-label="Kruimelpad"]')
    items = nav.select("ol > li")
    assert [item.get_text(strip=True) for item in items] == ["Home", "Over GezondIn", "Het team"]
    assert items[0].a["href"] == "/nl/"
    assert items[1].a["href"] == "/nl/over-gezondin/"
    assert items[-1].select_one('[aria-current="page"]').get_text(strip=True) == "Het team"
    # Breadcrumbs are above the main content, not inside it.
    assert html.select_one("main nav.breadcrumbs") is None


def test_no_breadcrumbs_on_the_home_page(client, home_page):
    assert soup(client.get("/nl/")).select_one('nav[aria-label="Kruimelpad"]') is None


# --- Footer ------------------------------------------------------------------------------------


def test_footer_links_from_the_site_settings(client, footer_pages):
    footer = soup(client.get("/nl/")).find("footer")
    links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
    assert links["Privacyverklaring"] == f"/nl/{footer_pages['privacy'].slug}/"
    assert links["Toegankelijkheidsverklaring"] == f"/nl/{footer_pages['accessibility'].slug}/"
    assert links["info@gezondin.example"] == "mailto:info@gezondin.example"


def test_footer_links_are_english_on_english_pages(client, footer_pages):
    footer = soup(client.get("/en/")).find("footer")
    links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
    assert links["Privacy statement"].startswith("/en/")
    assert links["Accessibility statement"].startswith("/en/")
    assert "Privacyverklaring" not in links


def test_footer_leaves_out_unpublished_pages(client, footer_pages):
    # Seen first, so the footer is in the cache: the unpublication must still reach it.
    assert "Privacyverklaring" in soup(client.get("/nl/")).find("footer").get_text()
    footer_pages["privacy"].unpublish()
    footer_pages["privacy"].get_translations().get().unpublish()
    footer = soup(client.get("/nl/")).find("footer")
    texts = [a.get_text(strip=True) for a in footer.select("a")]
    assert "Privacyverklaring" not in texts
    assert "Toegankelijkheidsverklaring" in texts


# --- Search ------------------------------------------------------------------------------------


def test_search_page_without_a_query(client, home_page):
    response = client.get("/nl/zoeken/")
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Zoeken"
    field = html.select_one("main input[name=q]")
    assert html.select_one(f'label[for="{field["id"]}"]') is not None
    assert html.select_one(".search-results") is None


def test_search_page_with_a_query_lists_results(client, about_page):
    publish(
        StandardPageFactory(
            parent=about_page, title="Schuldhulp in de wijk", intro="<p>Over schulden.</p>"
        )
    )
    response = client.get("/nl/zoeken/", {"q": "Schuldhulp"})
    assert response.status_code == 200
    html = soup(response)
    titles = [a.get_text(strip=True) for a in html.select(".search-results .card__link")]
    assert "Schuldhulp in de wijk" in titles
    assert html.select_one("main input[name=q]")["value"] == "Schuldhulp"


@pytest.mark.parametrize("page_number", ["abc", "9999", "-1", ""])
def test_search_page_survives_bad_page_numbers(client, about_page, page_number):
    response = client.get("/nl/zoeken/", {"q": "GezondIn", "page": page_number})
    assert response.status_code == 200


def test_search_pagination_links_keep_the_query(client, home_page):
    for number in range(12):
        publish(StandardPageFactory(parent=home_page, title=f"Wonen en gezondheid {number}"))
    overview = soup(client.get("/nl/zoeken/", {"q": "Wonen"}))
    assert len(overview.select("#search-group-paginas ~ ol .card__link")) == 3
    more = overview.select_one(".search-group__more a")["href"]
    assert "q=Wonen" in more and "soort=paginas" in more
    html = soup(client.get("/nl/zoeken/" + more))
    assert len(html.select(".search-results .card__link")) == 10
    nav = html.select_one('nav[aria-label="Paginering"]')
    assert nav is not None
    assert nav.select_one('a[aria-current="page"]').get_text(strip=True).endswith("1")
    next_link = nav.select_one('a[rel="next"]')
    assert "q=Wonen" in next_link["href"] and "page=2" in next_link["href"]
    assert "soort=paginas" in next_link["href"]
    assert len(soup(client.get("/nl/zoeken/" + next_link["href"])).select(".card__link")) == 2


def test_search_query_is_escaped(client, home_page):
    response = client.get("/nl/zoeken/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


# --- Blocks ------------------------------------------------------------------------------------


@pytest.fixture
def page_with_every_block(home_page):
    image = ImageFactory(title="Wijk", file__width=1200, file__height=800)
    document = DocumentFactory(title="Handreiking", file__filename="handreiking.pdf")
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe width="560" height="315" src="https://www.youtube.com/embed/x"></iframe>',
        width=560,
        height=315,
    )
    link_target = publish(StandardPageFactory(parent=home_page, title="Leerkringen"))
    body = [
        {"type": "heading", "value": {"text": "Waarom een lokale aanpak?", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Gezondheid begint <b>buiten</b> de zorg.</p>"},
        {
            "type": "figure",
            "value": {
                "image": {"image": image.pk, "alt_text": "Rijtjeshuizen", "decorative": False},
                "caption": "Een wijk in beeld",
            },
        },
        {
            "type": "figure",
            "value": {
                "image": {"image": image.pk, "alt_text": "", "decorative": True},
                "caption": "",
            },
        },
        {"type": "quote", "value": {"text": "Begin bij bewoners.", "attribution": "Wijkverpleger"}},
        {
            "type": "video",
            "value": {
                "video": VIDEO_URL,
                "title": "Wat is GezondIn?",
                "transcript": "<p>In deze video vertellen we wat GezondIn doet.</p>",
            },
        },
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {"type": "callout", "value": {"kind": "let-op", "text": "<p>De aanmelding sluit.</p>"}},
        {
            "type": "accordion",
            "value": {
                "title": "Veelgestelde vragen",
                "items": [{"question": "Wat kost het?", "answer": "<p>Niets.</p>"}],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "title": "Doe mee",
                "text": "Leer van collega's.",
                "link": {"page": link_target.pk, "url": "", "text": "Naar de leerkringen"},
            },
        },
    ]
    return publish(
        StandardPageFactory(
            parent=home_page,
            title="Alle blokken",
            slug="alle-blokken",
            body=body,
            show_table_of_contents=True,
        )
    )


def test_standard_page_renders_every_block_type(client, page_with_every_block):
    response = client.get("/nl/alle-blokken/")
    assert response.status_code == 200
    main = soup(response).find("main")

    heading = main.select_one("h2#waarom-een-lokale-aanpak")
    assert heading.get_text(strip=True) == "Waarom een lokale aanpak?"
    assert main.select_one(".block-paragraph b").get_text() == "buiten"

    figures = main.select("figure.block-figure")
    image = figures[0].img
    assert image["alt"] == "Rijtjeshuizen"
    assert image.get("width") and image.get("height") and image.get("srcset")
    assert figures[0].figcaption.get_text(strip=True) == "Een wijk in beeld"
    assert figures[1].img["alt"] == ""  # decorative
    assert figures[1].figcaption is None

    quote = main.select_one("figure.block-quote")
    assert quote.blockquote.get_text(strip=True) == "Begin bij bewoners."
    assert "Wijkverpleger" in quote.figcaption.get_text()

    video = main.select_one("figure.block-video")
    assert video.iframe["title"] == "Wat is GezondIn?"
    assert video.select_one("details summary") is not None
    assert "wat GezondIn doet" in video.select_one("details").get_text()

    document = main.select_one(".block-document a")
    assert "Handreiking" in document.get_text()
    assert "PDF" in document.get_text()

    assert "Let op" in main.select_one(".block-callout--let-op").get_text()

    accordion = main.select_one(".block-accordion")
    assert accordion.h2.get_text(strip=True) == "Veelgestelde vragen"
    assert accordion.select_one("details > summary").get_text(strip=True) == "Wat kost het?"

    button = main.select_one(".block-cta a")
    assert button["href"] == "/nl/leerkringen/"
    assert button.get_text(strip=True) == "Naar de leerkringen"


def test_table_of_contents_links_to_the_headings(client, page_with_every_block):
    main = soup(client.get("/nl/alle-blokken/")).find("main")
    toc = main.select_one("nav.toc")
    targets = [a["href"] for a in toc.select("ol a")]
    assert targets == ["#waarom-een-lokale-aanpak"]
    for target in targets:
        assert main.select_one(target) is not None


def test_video_without_an_embed_links_to_the_video(client, home_page):
    Embed.objects.create(hash=get_embed_hash(VIDEO_URL), url=VIDEO_URL, type="video", html="")
    publish(
        StandardPageFactory(
            parent=home_page,
            slug="video",
            body=[{"type": "video", "value": {"video": VIDEO_URL, "title": "Uitleg"}}],
        )
    )
    video = soup(client.get("/nl/video/")).select_one("figure.block-video")
    assert video.select_one("a")["href"] == VIDEO_URL


# --- Error pages and performance ----------------------------------------------------------------


def test_404_page(client, home_page):
    response = client.get("/nl/bestaat-niet/")
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == "nl"
    assert html.h1.get_text(strip=True) == "Pagina niet gevonden"
    assert len(html.find_all("h1")) == 1
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert html.select_one("main a")["href"] == "/nl/"


def test_500_page_needs_no_context():
    content = get_template("500.html").render()
    assert "Er ging iets mis" in content
    assert "Something went wrong" in content
    assert "{%" not in content and "{{" not in content


def test_home_page_query_count(client, footer_pages, about_page, django_assert_max_num_queries):
    client.get("/nl/")  # warm Wagtail's site-root-path cache, as in production
    with django_assert_max_num_queries(12):
        response = client.get("/nl/")
    assert response.status_code == 200
