"""Where each kennisbank page type may live, and that each renders and previews: a Django test
case with a tree of its own (the visitor-side tests of these pages are in test_pages.py)."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from gezondin.models import HomePage
from kennisbank.models import (
    GemeenteIndexPage,
    GemeentePage,
    KennisartikelPage,
    KennisbankPage,
    KennisPage,
    PraktijkvoorbeeldPage,
    ThemaPage,
)
from tests.factories import (
    HomePageFactory,
    OrganisatieFactory,
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
)

# --- Page-type rules ---------------------------------------------------------------------------


class KennisbankPageTypeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory(parent=Page.get_first_root_node(), slug="start")
        Site.objects.update(root_page=cls.home)

    def test_the_kennisbank_and_the_municipality_overview_live_under_the_home_page(self):
        self.assertAllowedParentPageTypes(KennisbankPage, {HomePage})
        self.assertAllowedParentPageTypes(GemeenteIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, KennisbankPage)
        self.assertCanCreateAt(HomePage, GemeenteIndexPage)

    def test_what_the_kennisbank_holds(self):
        self.assertAllowedSubpageTypes(
            KennisbankPage, {PraktijkvoorbeeldPage, KennisartikelPage, ThemaPage}
        )

    def test_practices_live_in_the_kennisbank_or_a_municipality_section(self):
        self.assertAllowedParentPageTypes(PraktijkvoorbeeldPage, {KennisbankPage, GemeentePage})
        self.assertAllowedSubpageTypes(PraktijkvoorbeeldPage, set())
        self.assertCanCreateAt(GemeentePage, PraktijkvoorbeeldPage)
        self.assertCanNotCreateAt(HomePage, PraktijkvoorbeeldPage)
        self.assertCanNotCreateAt(ThemaPage, PraktijkvoorbeeldPage)

    def test_knowledge_pages_live_in_the_kennisbank_or_a_dossier(self):
        self.assertAllowedParentPageTypes(KennisartikelPage, {KennisbankPage, ThemaPage})
        self.assertAllowedSubpageTypes(KennisartikelPage, set())
        self.assertCanCreateAt(ThemaPage, KennisartikelPage)
        self.assertCanNotCreateAt(GemeentePage, KennisartikelPage)

    def test_dossiers_live_in_the_kennisbank(self):
        self.assertAllowedParentPageTypes(ThemaPage, {KennisbankPage})
        self.assertAllowedSubpageTypes(ThemaPage, {KennisartikelPage})
        self.assertCanNotCreateAt(HomePage, ThemaPage)

    def test_municipality_sections_live_in_the_overview_and_hold_practices(self):
        self.assertAllowedParentPageTypes(GemeentePage, {GemeenteIndexPage})
        self.assertAllowedSubpageTypes(GemeenteIndexPage, {GemeentePage})
        self.assertAllowedSubpageTypes(GemeentePage, {PraktijkvoorbeeldPage})
        self.assertCanNotCreateAt(HomePage, GemeentePage)
        self.assertCanNotCreateAt(KennisbankPage, GemeentePage)

    def test_the_shared_base_is_not_creatable(self):
        self.assertCanNotCreateAt(KennisbankPage, KennisPage)
        self.assertCanNotCreateAt(GemeentePage, KennisPage)

    def test_every_kennisbank_page_renders_and_previews(self):
        # Previews render the page from the edit form: in-memory terms, partners and picks.
        thema = ThemaFactory(name="Wonen", slug="wonen")
        organisatie = OrganisatieFactory()
        kennisbank = publish(KennisbankPageFactory(parent=self.home))
        gemeenten = publish(GemeenteIndexPageFactory(parent=self.home))
        section = publish(GemeentePageFactory(parent=gemeenten, gemeente=amsterdam()))
        practice = publish(PraktijkvoorbeeldPageFactory(parent=section))
        article = publish(KennisartikelPageFactory(parent=kennisbank))
        dossier = publish(ThemaPageFactory(parent=kennisbank, thema=thema))
        paragraph = streamfield([("paragraph", rich_text("Tekst."))])
        form_data = {
            section: {"gemeente": amsterdam().pk, "body": paragraph},
            practice: {
                "gemeenten": [amsterdam().pk],
                "background": rich_text("Het probleem."),
                "approach": paragraph,
                "needs_team": "Twee buurtcoaches",
                "partners": inline_formset([{"organisatie": organisatie.pk, "role": "helpt"}]),
                "contact_name": "Team Gezonde Wijk",
                "themas": [thema.pk],
                "erkenning": "goed-beschreven",
                "status": "lopend",
                "last_checked": "2025-01-06",
            },
            article: {"kind": "factsheet", "body": paragraph, "themas": [thema.pk]},
            dossier: {
                "thema": thema.pk,
                "body": paragraph,
                "picks": inline_formset([{"item": article.pk, "note": "Lezen!"}]),
            },
        }
        for page in [gemeenten, section, practice, article, dossier]:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)
                data = {"title": page.title, "slug": page.slug, "intro": rich_text("Over.")}
                data.update(form_data.get(page, {}))
                self.assertPageIsPreviewable(page, post_data=nested_form_data(data))
