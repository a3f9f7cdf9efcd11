"""Page-type rules (where each page type may live) and rendering, with Wagtail's own assertions."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from gezondin.models import HomePage, StandardPage
from tests.factories import HomePageFactory, StandardPageFactory


class PageTypeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=cls.root, slug="start")
        Site.objects.update(root_page=cls.home)
        cls.content = StandardPageFactory(parent=cls.home, title="Over GezondIn")

    def test_home_page_lives_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_pages_live_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_home_page_allows_standard_pages(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_an_editor_can_create_a_standard_page_through_the_admin_form(self):
        # force_login: WagtailTestUtils.login calls authenticate() without a request, which
        # django-axes refuses (settings/base.py).
        self.client.force_login(self.create_superuser("redactie", password="x"))
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Privacyverklaring",
                    "slug": "privacy",
                    "intro": rich_text("Hoe wij met persoonsgegevens omgaan."),
                    "body": streamfield([("heading", {"text": "Welke gegevens", "level": "h2"})]),
                }
            ),
        )

    def test_pages_are_renderable_and_editable(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsRenderable(self.content)
        form_data = nested_form_data(
            {
                "title": "Over GezondIn",
                "slug": self.content.slug,
                "intro": rich_text("Wat GezondIn is."),
                "body": streamfield([("paragraph", rich_text("Tekst."))]),
            }
        )
        self.assertPageIsEditable(self.content, form_data)
        self.assertPageIsPreviewable(self.content, post_data=form_data)
