"""The kennisbank's pages as visitors see them: practices, knowledge pages, dossiers and the
municipality pages, through the test client; and where each page type may live.

The tree:

    home ─ Kennisbank ─ dossier "Armoede en schulden" (pick: the handreiking)
         │            ├ handreiking (armoede)
         │            └ national practice (armoede, jongeren)
         └ Gemeenten ─ Gemeente Amsterdam ─ Amsterdam practice (armoede, jongeren; every section)

It is built once for the module (tests/shared.py); where each page type may live is tested in
test_page_type_rules.py, a Django test case with a tree of its own.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gezondin.models import Doelgroep, Levensfase, Thema
from kennisbank.models import (
    PraktijkvoorbeeldPage,
)
from tests.factories import (
    DoelgroepFactory,
    GemeenteFactory,
    LevensfaseFactory,
    OrganisatieFactory,
    PijlerFactory,
    StandardPageFactory,
    ThemaFactory,
)
from tests.kennisbank.factories import (
    GemeenteIndexPageFactory,
    GemeentePageFactory,
    KennisartikelPageFactory,
    KennisbankPageFactory,
    PraktijkvoorbeeldPageFactory,
    ThemaPageFactory,
    amsterdam,
    publish,
    translate,
)
from tests.shared import shared_fixture

pytestmark = pytest.mark.shared_data("tree")

APPROACH = [
    ("heading", {"text": "Stap voor stap", "level": "h3"}),
    ("paragraph", "<p>Buurtcoaches gaan langs bij bewoners met betalingsachterstanden.</p>"),
]


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(node):
    return " ".join(node.get_text(" ").split())


def headings(page_soup, level):
    return [text_of(h) for h in page_soup.find_all(level)]


@shared_fixture
def terms(db):
    return {
        "armoede": ThemaFactory(name="Armoede en schulden", slug="armoede-en-schulden"),
        "wonen": ThemaFactory(name="Wonen", slug="wonen"),
        "jongeren": DoelgroepFactory(name="Jongeren", slug="jongeren"),
        "kind": LevensfaseFactory(name="Kind", slug="kind"),
        "burgers": PijlerFactory(
            name="Burgers zijn hoofdrolspelers", slug="burgers-zijn-hoofdrolspelers"
        ),
    }


@shared_fixture
def tree(home_page, terms):
    kennisbank = publish(KennisbankPageFactory(parent=home_page))
    gemeenten = publish(GemeenteIndexPageFactory(parent=home_page))
    section = publish(
        GemeentePageFactory(
            parent=gemeenten,
            gemeente=amsterdam(),
            title="Gemeente Amsterdam",
            slug="amsterdam",
            website="https://www.amsterdam.example/gezond",
        )
    )
    ggd = OrganisatieFactory(
        name="GGD Amsterdam", sector="ggd", website="https://www.ggd.amsterdam.example"
    )
    corporatie = OrganisatieFactory(name="Woonstichting De Buurt", sector="wonen")
    practice = publish(
        PraktijkvoorbeeldPageFactory(
            parent=section,
            title="Schuldhulp aan de keukentafel",
            slug="schuldhulp-aan-de-keukentafel",
            intro="<p>Buurtcoaches helpen gezinnen met schulden thuis.</p>",
            background="<p>In Nieuw-West heeft een op de vijf huishoudens schulden.</p>",
            goal="<p>Schulden eerder in beeld.</p>",
            approach=APPROACH,
            working_elements="<p>Vertrouwen en een vast gezicht.</p>",
            results="<p>Twee keer zoveel gezinnen bereikt.</p>",
            monitoring="",
            lessons="<p>Begin klein.</p>",
            needs_team="Twee buurtcoaches",
            needs_time="",
            needs_budget="€ 80.000 per jaar",
            funding="GIDS-middelen",
            contact_name="Team Gezonde Wijk",
            contact_email="gezondewijk@amsterdam.example",
            intervention_name="Vroegsignalering schulden",
            intervention_url="https://interventies.example/vroegsignalering",
            erkenning="goed-onderbouwd",
            erkenning_date=datetime.date(2021, 3, 12),
            status="lopend",
            start_date=datetime.date(2022, 3, 1),
            themas=[terms["armoede"]],
            doelgroepen=[terms["jongeren"]],
            levensfasen=[terms["kind"]],
            pijlers=[terms["burgers"]],
            gemeenten=[amsterdam()],
            partners=[(ggd, "voert de huisbezoeken uit"), (corporatie, "")],
        )
    )
    national = publish(
        PraktijkvoorbeeldPageFactory(
            parent=kennisbank,
            title="Landelijke aanpak jongeren met schulden",
            slug="landelijke-aanpak",
            themas=[terms["armoede"]],
            doelgroepen=[terms["jongeren"]],
        )
    )
    article = publish(
        KennisartikelPageFactory(
            parent=kennisbank,
            title="Handreiking bereik",
            slug="handreiking-bereik",
            source_organisatie=ggd,
            publication_date=datetime.date(2024, 5, 2),
            themas=[terms["armoede"]],
        )
    )
    untagged = publish(
        KennisartikelPageFactory(
            parent=kennisbank,
            title="Factsheet wonen",
            slug="factsheet-wonen",
            kind="factsheet",
            themas=[terms["wonen"]],
        )
    )
    dossier = publish(
        ThemaPageFactory(
            parent=kennisbank,
            thema=terms["armoede"],
            title="Dossier armoede en schulden",
            slug="armoede",
            picks=[(article, "Het beste startpunt voor beleidsmakers.")],
        )
    )
    return {
        "kennisbank": kennisbank,
        "gemeenten": gemeenten,
        "section": section,
        "practice": practice,
        "national": national,
        "article": article,
        "untagged": untagged,
        "dossier": dossier,
    }


# --- Practice ----------------------------------------------------------------------------------


def test_practice_shows_its_summary(client, tree, terms):
    page = soup(client.get(tree["practice"].url))

    assert headings(page, "h1") == ["Schuldhulp aan de keukentafel"]
    assert "Buurtcoaches helpen gezinnen met schulden thuis." in text_of(page.select_one(".lead"))
    summary = page.select_one(".kb-summary")
    assert summary.h2.get_text() == "In het kort"
    summary_text = text_of(summary)
    # The municipality links to its own section.
    assert summary.find("a", string="Amsterdam")["href"] == tree["section"].url
    assert "Lopend, sinds maart 2022" in summary_text
    assert "Goed onderbouwd" in summary_text
    assert "12 maart 2021" in summary_text
    intervention = summary.find("a", string="Vroegsignalering schulden")
    assert intervention["href"] == "https://interventies.example/vroegsignalering"
    # Terms link to the kennisbank filtered on them; a theme with a dossier to the dossier.
    kennisbank_url = tree["kennisbank"].url
    assert summary.find("a", string="Armoede en schulden")["href"] == tree["dossier"].url
    assert summary.find("a", string="Jongeren")["href"] == f"{kennisbank_url}?doelgroep=jongeren"
    assert summary.find("a", string="Kind")["href"] == f"{kennisbank_url}?levensfase=kind"


def test_practice_shows_filled_sections_in_order_and_hides_empty_ones(client, tree):
    page = soup(client.get(tree["practice"].url))

    sections = [text_of(section.h2) for section in page.select("section.kb-section")]
    assert sections == [
        "Aanleiding",
        "Doel",
        "Aanpak",
        "Werkzame elementen",
        "Resultaten",
        "Lessen en tips",
        "Wat is er nodig",
        "Partners",
        "Contact",
    ]
    assert "Hoe gemonitord" not in headings(page, "h2")
    assert "Buurtcoaches gaan langs" in text_of(page.find(id="aanpak").parent)
    needs = page.find(id="wat-is-er-nodig").parent
    assert [text_of(dt) for dt in needs.find_all("dt")] == [
        "Team en mensen",
        "Budget",
        "Financiering",
    ]
    partners = page.find(id="partners").parent
    assert partners.find("a", string="GGD Amsterdam")["href"] == "https://www.ggd.amsterdam.example"
    assert "voert de huisbezoeken uit" in text_of(partners)
    assert "Woonstichting De Buurt (Woningcorporatie)" in text_of(partners)
    contact = page.find(id="contact").parent
    assert "Team Gezonde Wijk" in text_of(contact)
    assert contact.find("a", href="mailto:gezondewijk@amsterdam.example")
    # Long pages get a table of contents pointing at the sections.
    toc = page.select_one("nav.toc")
    assert toc.find("a", href="#aanleiding")
    assert toc.find("a", href="#vergelijkbare-praktijkvoorbeelden")


def test_a_practice_with_few_sections_has_no_table_of_contents(client, tree):
    page = soup(client.get(tree["national"].url))

    assert [text_of(s.h2) for s in page.select("section.kb-section")] == ["Aanleiding", "Doel"]
    assert page.select_one("nav.toc") is None
    assert "Landelijk" in text_of(page.select_one(".kb-summary"))


def test_related_practices_appear_as_cards(client, tree):
    page = soup(client.get(tree["practice"].url))

    related = page.select_one("section.kb-related")
    assert related.h2.get_text() == "Vergelijkbare praktijkvoorbeelden"
    titles = [text_of(link) for link in related.select(".kb-card__title a")]
    assert titles == ["Landelijke aanpak jongeren met schulden"]
    assert related.select_one(".kb-card__title a")["href"] == tree["national"].url


def test_stale_notice_only_when_last_checked_over_a_year_ago(client, tree):
    practice = tree["practice"]
    today = timezone.localdate()

    practice.last_checked = today - datetime.timedelta(days=400)
    publish(practice)
    page = soup(client.get(practice.url))
    notice = page.select_one(".kb-stale")
    assert notice is not None
    assert "deze informatie kan verouderd zijn" in text_of(notice)
    assert f"Laatst gecontroleerd op {practice.last_checked.day}" in text_of(notice)
    assert page.select_one(".kb-checked") is None

    practice.last_checked = today - datetime.timedelta(days=300)
    publish(practice)
    page = soup(client.get(practice.url))
    assert page.select_one(".kb-stale") is None
    assert "verouderd" not in text_of(page)
    assert "Laatst gecontroleerd:" in text_of(page.select_one(".kb-checked"))


def test_a_person_without_consent_is_never_shown(client, tree):
    practice = tree["practice"]
    practice.contact_name = "Fatima de Vries"
    practice.contact_email = "f.devries@amsterdam.example"
    practice.contact_is_person = True
    practice.contact_consent = False

    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert "contact_consent" in error.value.message_dict

    # Even if it got saved some other way, the page leaves the person out.
    practice.save(clean=False)
    response = client.get(practice.url)
    page = soup(response)
    assert "Fatima" not in response.content.decode()
    assert "f.devries" not in response.content.decode()
    assert page.find(id="contact") is None

    practice.contact_consent = True
    practice.full_clean()
    publish(practice)
    assert "Fatima de Vries" in text_of(soup(client.get(practice.url)))


# What a practice page four levels below the home page costs with warm caches: Wagtail's serve
# (site, locale, routing — one query per level thanks to BasePage.route — alias and privacy
# checks), related practices (one ranking query and the cards' prefetches), the base layout and
# this template (partners, all term and municipality links in one query). Kennisbank and
# municipality page URLs come from the cache.
PRACTICE_PAGE_MAX_QUERIES = 17


def test_practice_page_query_count_is_pinned(client, tree, django_assert_max_num_queries):
    client.get(tree["practice"].url)  # warm the term and site caches
    with django_assert_max_num_queries(PRACTICE_PAGE_MAX_QUERIES):
        response = client.get(tree["practice"].url)
    assert response.status_code == 200


def test_result_cards_cost_no_queries_per_item(client, tree, terms, django_assert_num_queries):
    url = tree["dossier"].url
    # Both requests start from an empty cache, so every card is rendered (and its terms read).
    cache.clear()
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for number in range(2):
        publish(
            PraktijkvoorbeeldPageFactory(
                parent=tree["kennisbank"],
                slug=f"extra-{number}",
                themas=[terms["armoede"], terms["wonen"]],
                gemeenten=[amsterdam()],
                erkenning="effectief-eerste",
            )
        )
    cache.clear()
    with django_assert_num_queries(len(before)):
        response = client.get(url)
    assert len(soup(response).select(".result-list .kb-card")) == 5


def test_english_practice_shows_english_term_names(client, tree, terms, locales):
    english = locales["en"]
    for term, name in [(terms["armoede"], "Poverty and debt"), (terms["jongeren"], "Young people")]:
        translation = term.copy_for_translation(english)
        translation.name = name
        translation.save()
    translate(tree["kennisbank"], english, title="Knowledge base")
    practice = translate(tree["national"], english, title="National approach to youth debt")
    publish(tree["national"])  # copies the term links to the translation

    page = soup(client.get(practice.url))

    assert page.html["lang"] == "en"
    assert headings(page, "h1") == ["National approach to youth debt"]
    summary = page.select_one(".kb-summary")
    link = summary.find("a", string="Poverty and debt")
    assert link["href"] == f"{practice.get_parent().url}?thema=armoede-en-schulden"
    assert summary.find("a", string="Young people")
    assert "Armoede en schulden" not in text_of(summary)
    assert Thema.objects.filter(slug="armoede-en-schulden").count() == 2
    assert Doelgroep.objects.filter(slug="jongeren").count() == 2
    assert Levensfase.objects.count() == 1


# --- Knowledge page -------------------------------------------------------------------------------


def test_article_shows_kind_publisher_date_and_terms(client, tree):
    page = soup(client.get(tree["article"].url))

    assert headings(page, "h1") == ["Handreiking bereik"]
    assert text_of(page.select_one(".kb-page__kind")) == "Handreiking"
    byline = text_of(page.select_one(".kb-page__byline"))
    assert "Uitgegeven door GGD Amsterdam" in byline
    assert "2 mei 2024" in byline
    terms = page.select_one(".kb-summary--terms")
    assert terms.find("a", string="Armoede en schulden")["href"] == tree["dossier"].url


# --- Dossier -----------------------------------------------------------------------------------


def test_dossier_shows_the_pick_and_everything_on_its_theme(client, tree):
    page = soup(client.get(tree["dossier"].url))

    assert headings(page, "h1") == ["Dossier armoede en schulden"]
    picks = page.select_one("section.kb-picks")
    assert [text_of(a) for a in picks.select(".kb-card__title a")] == ["Handreiking bereik"]
    assert "Het beste startpunt voor beleidsmakers." in text_of(picks)

    results = page.select_one("section.kb-dossier-results")
    assert results.h2.get_text() == "Alles over Armoede en schulden"
    titles = {text_of(a) for a in results.select(".result-list .kb-card__title a")}
    assert titles == {
        "Schuldhulp aan de keukentafel",
        "Landelijke aanpak jongeren met schulden",
        "Handreiking bereik",
    }
    assert "3 resultaten" in text_of(results)
    assert results.find("a", href=f"{tree['kennisbank'].url}?thema=armoede-en-schulden")


def test_dossier_cards_show_kind_place_themes_and_recognition(client, tree):
    page = soup(client.get(tree["dossier"].url))

    card = next(
        card
        for card in page.select(".result-list .kb-card")
        if "keukentafel" in text_of(card.select_one(".kb-card__title"))
    )
    meta = text_of(card.select_one(".kb-card__meta"))
    assert "Praktijkvoorbeeld" in meta
    assert "Amsterdam" in meta
    assert "Buurtcoaches helpen gezinnen met schulden thuis." in text_of(card)
    tags = [text_of(tag) for tag in card.select(".kb-tag")]
    assert "Status: Lopend" in tags
    assert "Erkenning: Goed onderbouwd" in tags
    assert "Thema: Armoede en schulden" in tags


def test_dossier_takes_the_kennisbank_filters(client, tree):
    url = tree["dossier"].url
    page = soup(client.get(url, {"type": "handreiking", "thema": "bestaat-niet"}))

    results = page.select_one("section.kb-dossier-results")
    assert [text_of(a) for a in results.select(".result-list .kb-card__title a")] == [
        "Handreiking bereik"
    ]
    assert results.select_one(".active-filters")

    page = soup(client.get(url, {"type": "instrument"}))
    empty = page.select_one("section.kb-dossier-results .empty-state")
    assert "Er is niets gevonden" in text_of(empty)
    assert empty.find("a", href="?")


# --- Municipalities ----------------------------------------------------------------------------


def test_municipality_page_lists_its_practices_and_contact(client, tree):
    gemeente = amsterdam()
    gemeente.is_gids = False
    gemeente.save()

    page = soup(client.get(tree["section"].url))

    assert headings(page, "h1") == ["Gemeente Amsterdam"]
    assert "Noord-Holland" in text_of(page.select_one(".kb-page__kind"))
    assert page.select_one(".kb-badge--gids") is None
    contact = page.select_one(".kb-summary--contact")
    assert "Programma Gezonde Stad" in text_of(contact)
    assert contact.find("a", href="mailto:gezondestad@gemeente.example")
    assert contact.find("a", href="https://www.amsterdam.example/gezond")
    results = page.select_one("section.kb-gemeente-results")
    assert [text_of(a) for a in results.select(".kb-card__title a")] == [
        "Schuldhulp aan de keukentafel"
    ]


def test_municipality_page_shows_the_gids_badge(client, tree):
    gemeente = amsterdam()
    gemeente.is_gids = True
    gemeente.save()

    page = soup(client.get(tree["section"].url))

    assert text_of(page.select_one(".kb-badge--gids")) == "GIDS-gemeente"


def test_municipality_page_without_practices_says_so(client, tree):
    utrecht = GemeenteFactory(cbs_code="GM0344", name="Utrecht", provincie="utrecht")
    section = publish(
        GemeentePageFactory(parent=tree["gemeenten"], gemeente=utrecht, slug="utrecht")
    )

    page = soup(client.get(section.url))

    assert "Er staan nog geen praktijkvoorbeelden uit Utrecht" in text_of(
        page.select_one(".empty-state")
    )


def test_municipality_overview_groups_by_province(client, tree):
    den_haag = GemeenteFactory(cbs_code="GM0518")
    publish(GemeentePageFactory(parent=tree["gemeenten"], gemeente=den_haag, slug="den-haag"))
    draft = GemeentePageFactory(
        parent=tree["gemeenten"], gemeente=GemeenteFactory(cbs_code="GM0599"), slug="rotterdam"
    )
    draft.unpublish()

    page = soup(client.get(tree["gemeenten"].url))

    assert headings(page, "h1") == ["Gemeenten"]
    assert "2 gemeenten hebben hier een eigen pagina." in text_of(page)
    provinces = [text_of(h) for h in page.select("section.kb-provincie h2")]
    assert provinces == ["Noord-Holland (1 gemeente)", "Zuid-Holland (1 gemeente)"]
    assert page.find("a", string="Amsterdam")["href"] == tree["section"].url
    assert page.find("a", string="Den Haag")
    assert page.find("a", string="Rotterdam") is None
    assert page.select_one("nav.kb-jump").find("a", href="#provincie-zuid-holland")


def test_all_kennisbank_pages_render_with_breadcrumbs(client, tree):
    for key in ["practice", "national", "article", "dossier", "section", "gemeenten"]:
        page = soup(client.get(tree[key].url))
        trail = page.select_one("nav.breadcrumbs")
        assert trail is not None, key
        assert text_of(trail.select_one("[aria-current=page]")) == tree[key].title
        assert len(page.find_all("h1")) == 1, key
        assert page.find("link", href="/static/kennisbank/css/kennisbank.css"), key


def test_a_standard_page_is_unaffected(client, home_page):
    # The kennisbank stylesheet is only linked from kennisbank pages.
    page = publish(StandardPageFactory(parent=home_page, slug="over"))
    assert not soup(client.get(page.url)).find("link", href="/static/kennisbank/css/kennisbank.css")


def test_related_practices_follow_publishing(client, tree):
    """The related practices are cached per practice; an unpublished one disappears at once."""
    first = client.get(tree["practice"].url)
    related = [a.get_text(strip=True) for a in soup(first).select(".kb-related .kb-card__link")]
    assert related
    gone = PraktijkvoorbeeldPage.objects.get(title=related[0])
    gone.unpublish()
    again = client.get(tree["practice"].url)
    assert related[0] not in [
        a.get_text(strip=True) for a in soup(again).select(".kb-related .kb-card__link")
    ]
