"""The kennisbank's demo content (load_demo): index pages, municipalities with their sections
and editors, practices in Dutch and English, knowledge pages, dossiers and ``--practices N``.

The demo is loaded once for the class, in a transaction rolled back afterwards; each test runs
in its own savepoint, so the tests that load again leave nothing behind for the others.
"""

import datetime
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from gezondin.demo.site import DEFAULT_ADMIN_PASSWORD
from gezondin.demo.texts import read
from gezondin.models import Gemeente, HomePage, Thema
from gezondin.roles import NATIONAL_GROUP_NAME
from kennisbank.demo import steps
from kennisbank.demo.content import ARTICLES, DOSSIERS, PRACTICES, SECTIONS, rich, stream
from kennisbank.models import (
    VOCABULARY_FIELDS,
    GemeenteIndexPage,
    GemeentePage,
    KennisartikelPage,
    KennisbankPage,
    PraktijkvoorbeeldPage,
    ThemaPage,
)
from tests.bench.generator import SLUG_PREFIX
from tests.conftest import run_load_demo

pytestmark = pytest.mark.django_db


def live_practices(language):
    return PraktijkvoorbeeldPage.objects.live().filter(locale__language_code=language)


def generated(language="nl"):
    return live_practices(language).filter(slug__startswith=SLUG_PREFIX)


def row_counts():
    models = [Page, Revision, Redirect, Group, get_user_model(), Gemeente]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.usefixtures("demo_output")
class TestKennisbankDemo:
    def test_report_lists_the_kennisbank_content_and_the_editors(self, demo_output):
        assert "Kennisbank pages: 4 created" in demo_output
        assert "Gemeentepagina's: 20 created" in demo_output
        assert "Praktijkvoorbeelden:" in demo_output
        assert "Demo editors: 11 created" in demo_output
        assert "redactie-tilburg" in demo_output
        assert "redactie-landelijk (national)" in demo_output
        assert "Search index:" in demo_output

    @pytest.mark.parametrize(
        ("model", "slugs"),
        [
            (KennisbankPage, {"nl": "kennisbank", "en": "knowledge-base"}),
            (GemeenteIndexPage, {"nl": "gemeenten", "en": "municipalities"}),
        ],
    )
    def test_index_pages_in_both_languages(self, model, slugs):
        pages = {page.locale.language_code: page for page in model.objects.live()}
        assert {language: page.slug for language, page in pages.items()} == slugs
        assert pages["en"].translation_key == pages["nl"].translation_key
        assert all(page.intro and page.show_in_menus for page in pages.values())

    @pytest.mark.parametrize("language", ["nl", "en"])
    def test_kennisbank_agenda_and_gemeenten_lead_the_menu(self, language):
        home = HomePage.objects.get(locale__language_code=language)
        menu = list(home.get_children().live().in_menu().specific())
        # The agenda's demo step puts the agenda right after the kennisbank.
        assert [type(page).__name__ for page in menu[:3]] == [
            KennisbankPage.__name__,
            "AgendaPage",
            GemeenteIndexPage.__name__,
        ]
        assert len(menu) >= 3, "the core's content pages stay in the menu"

    def test_practices_in_dutch_and_english(self):
        dutch = live_practices("nl")
        english = live_practices("en")
        assert dutch.count() >= 40
        assert english.count() >= 10
        keys = set(dutch.values_list("translation_key", flat=True))
        for page in english:
            assert page.translation_key in keys
            source = page.get_translation(dutch.first().locale).specific
            assert page.title != source.title and page.slug != source.slug
            for field in VOCABULARY_FIELDS.values():
                assert set(getattr(page, field).all()) == set(getattr(source, field).all())
            assert set(page.gemeenten.all()) == set(source.gemeenten.all())
            assert page.partners.count() == source.partners.count()

    def test_practices_are_complete_and_varied(self):
        practices = list(live_practices("nl").prefetch_related("themas", "partners"))
        assert all(page.intro and page.approach for page in practices)
        # Like real submissions, some are short: no background, results or lessons.
        assert len(practices) * 0.7 < sum(bool(page.background) for page in practices)
        assert sum(bool(page.lessons) for page in practices) < len(practices)
        assert all(1 <= page.partners.count() <= 4 for page in practices)
        assert all(page.contact_name and page.contact_email for page in practices)
        for page in practices:
            assert 1 <= page.themas.count() <= 3, page
            if page.contact_is_person:
                assert page.contact_consent, page
        assert 1 <= sum(page.contact_is_person for page in practices) <= 3
        assert 4 <= sum(page.is_stale for page in practices) <= 8
        statuses = Counter(page.status for page in practices)
        assert statuses["lopend"] and statuses["afgerond"]
        recognised = [page for page in practices if page.erkenning != "niet-beoordeeld"]
        assert 3 <= len(recognised) <= len(practices) // 4
        assert all(page.intervention_name for page in recognised)
        national = [
            page for page in practices if isinstance(page.get_parent().specific, KennisbankPage)
        ]
        assert 4 <= len(national) < len(practices) // 2
        block_types = {block.block_type for page in practices for block in page.approach}
        assert {"heading", "paragraph", "quote", "callout"} <= block_types

    def test_every_theme_has_at_least_two_practices(self):
        counts = Counter(
            PraktijkvoorbeeldPage.themas.through.objects.filter(
                kennispage__live=True, kennispage__locale__language_code="nl"
            ).values_list(f"{Thema._meta.model_name}__slug", flat=True)
        )
        themes = Thema.objects.filter(locale__language_code="nl")
        assert themes.count() == 10
        assert {theme.slug: counts[theme.slug] >= 2 for theme in themes} == {
            theme.slug: True for theme in themes
        }

    def test_vocabulary_links_point_at_dutch_terms(self):
        through = PraktijkvoorbeeldPage.themas.through
        assert not through.objects.exclude(thema__locale__language_code="nl").exists()

    def test_each_municipality_has_its_section_group_and_editor(self):
        users = get_user_model().objects
        for section in SECTIONS:
            gemeente = Gemeente.objects.get(cbs_code=section.cbs_code)
            pages = GemeentePage.objects.live().filter(gemeente=gemeente)
            assert {page.locale.language_code for page in pages} == {"nl", "en"}
            assert all(page.intro and page.contact_email for page in pages)
            group = Group.objects.get(name=f"Redactie {gemeente.label}")
            editor = users.get(username=f"redactie-{section.key}")
            assert editor.groups.filter(pk=group.pk).exists()
            assert editor.check_password(DEFAULT_ADMIN_PASSWORD)
            assert not editor.is_superuser
            if section.gids:
                assert gemeente.is_gids
        national = users.get(username="redactie-landelijk")
        assert national.groups.filter(name=NATIONAL_GROUP_NAME).exists()

    def test_knowledge_pages_and_dossiers(self):
        articles = KennisartikelPage.objects.live()
        assert articles.filter(locale__language_code="nl").count() == len(ARTICLES)
        assert articles.filter(locale__language_code="en").count() >= 2
        assert {page.kind for page in articles} == {
            "kennisartikel",
            "handreiking",
            "factsheet",
            "instrument",
        }
        dossiers = ThemaPage.objects.live()
        assert dossiers.filter(locale__language_code="nl").count() == len(DOSSIERS) == 3
        assert dossiers.filter(locale__language_code="en").count() >= 1
        for dossier in dossiers:
            picks = list(dossier.picks.all())
            assert 1 <= len(picks) <= 3
            assert all(pick.item.live for pick in picks)

    def test_pages_answer(self, client):
        practice = live_practices("nl").first()
        english = live_practices("en").first()
        urls = [
            "/nl/kennisbank/",
            "/en/knowledge-base/",
            "/nl/gemeenten/",
            practice.url,
            english.url,
            GemeentePage.objects.live().first().url,
            ThemaPage.objects.live().first().url,
            KennisartikelPage.objects.live().first().url,
        ]
        for url in urls:
            assert client.get(url).status_code == 200, url
        response = client.get("/nl/kennisbank/", {"q": "keukentafel"})
        assert "Schuldhulp aan de keukentafel" in response.text

    def test_second_run_adds_nothing(self):
        before = row_counts()

        output = run_load_demo()

        assert row_counts() == before
        assert " created" not in output and " updated" not in output
        assert "Praktijkvoorbeelden:" in output and "already present" in output

    def test_generated_practices_are_added_once(self):
        before = live_practices("nl").count()

        output = run_load_demo("--practices", "25")

        assert "Generated practices: 25 created" in output
        assert live_practices("nl").count() == before + 25
        slugs = sorted(generated().values_list("slug", flat=True))
        assert slugs == [f"{SLUG_PREFIX}{number:05d}" for number in range(1, 26)]

        output = run_load_demo("--practices", "25")

        assert "Generated practices: 25 already present" in output
        assert generated().count() == 25
        assert live_practices("nl").count() == before + 25

    def test_generated_practices_behave_as_published(self, client):
        run_load_demo("--practices", "25")

        assert Page.find_problems() == ([], [], [], [], [])
        pages = list(generated().prefetch_related("themas", "gemeenten"))
        for page in pages:
            assert page.first_published_at and page.last_published_at
            assert page.live_revision_id == page.latest_revision_id
            assert not page.has_unpublished_changes
            assert page.themas.exists() and page.gemeenten.exists()
            assert page.url.endswith(f"/{page.slug}/")
        assert client.get(pages[0].url).status_code == 200
        revision = pages[-1].latest_revision.as_object()
        assert revision.title == pages[-1].title
        assert set(revision.themas.all()) == set(pages[-1].themas.all())
        # In the search index, as the kennisbank's search sees it.
        word = max(pages[0].title.replace(":", " ").split(), key=len)
        found = PraktijkvoorbeeldPage.objects.live().search(word)
        assert pages[0].pk in {page.pk for page in found}

    def test_practices_without_the_benchmark_generator_is_a_clear_error(self, monkeypatch):
        # As in an installed plugin without the repository's tests/ folder.
        monkeypatch.setattr(steps, "GENERATOR", "tests.bench.not_there")

        with pytest.raises(CommandError, match="benchmark generator"):
            run_load_demo("--practices", "3")

    def test_generated_practices_are_deterministic(self):
        run_load_demo("--practices", "3")
        first = {page.slug: (page.title, page.get_parent().pk) for page in generated()}
        generated().delete()

        run_load_demo("--practices", "3")

        again = {page.slug: (page.title, page.get_parent().pk) for page in generated()}
        assert again == first


def test_markdown_helpers():
    assert rich("Een *klein* **voorbeeld** & meer.") == (
        "<p>Een <i>klein</i> <b>voorbeeld</b> &amp; meer.</p>"
    )
    assert rich("- een\n- twee\n  lang") == "<ul><li>een</li><li>twee lang</li></ul>"
    blocks = stream(
        "## Kop\n"
        "Tekst onder de kop.\n\n"
        "> Een citaat\n"
        "> over twee regels.\n"
        ">\n"
        "> -- Wijkverpleegkundige\n\n"
        "TIP: Doe het zo.\n"
    )
    assert [block["type"] for block in blocks] == [
        "heading",
        "paragraph",
        "quote",
        "callout",
    ]
    assert blocks[0]["value"] == {"text": "Kop", "level": "h2"}
    assert blocks[1]["value"] == "<p>Tekst onder de kop.</p>"
    assert blocks[2]["value"] == {
        "text": "Een citaat over twee regels.",
        "attribution": "Wijkverpleegkundige",
    }
    assert blocks[3]["value"] == {"kind": "tip", "text": "<p>Doe het zo.</p>"}


def test_a_content_file_has_front_matter_and_named_sections(tmp_path):
    path = tmp_path / "voorbeeld.nl.md"
    path.write_text(
        "---\nslug: voorbeeld\nthemas: [leefstijl]\nstart: 2024-05-01\n---\n"
        "# intro\nKort.\n\n# approach\n## Aanpak\nZo.\n",
        encoding="utf-8",
    )
    meta, sections = read(path)
    start = datetime.date(2024, 5, 1)
    assert meta == {"slug": "voorbeeld", "themas": ["leefstijl"], "start": start}
    assert sections == {"intro": "Kort.", "approach": "## Aanpak\nZo."}


def test_demo_content_is_consistent():
    """Slugs are unique, English texts have their own slug and translated partner roles."""
    slugs = [practice.slug for practice in PRACTICES]
    assert len(slugs) == len(set(slugs))
    for practice in PRACTICES:
        if practice.en:
            assert practice.en["slug"] != practice.slug
            assert len(practice.en.get("roles", [])) == len(practice.partners), practice.slug
        if practice.status == "afgerond":
            assert practice.end is not None, practice.slug
