"""The admin's page chooser on the demo site: an editor sees live pages and the pages they may
edit, never the titles of another section's drafts (gezondin.roles.page_chooser_queryset)."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify

from kennisbank.models import GemeentePage, PraktijkvoorbeeldPage

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.mark.usefixtures("demo_output")
class TestPageChooser:
    """The admin's page chooser shows an editor live pages and the pages they may edit, never the
    titles of another section's drafts (gezondin.roles.page_chooser_queryset)."""

    @pytest.fixture
    def drafts(self):
        """A draft practice in Rotterdam's section and one in Tilburg's (Dutch trees)."""
        sections = {
            code: GemeentePage.objects.get(gemeente__cbs_code=code, locale__language_code="nl")
            for code in ("GM0855", "GM0599")
        }
        made = {}
        for code, title in (("GM0599", "Geheim concept Rotterdam"), ("GM0855", "Concept Tilburg")):
            page = PraktijkvoorbeeldPage(title=title, slug=slugify(title), live=False)
            sections[code].add_child(instance=page)
            page.save_revision()
            made[code] = page
        return SimpleNamespace(sections=sections, rotterdam=made["GM0599"], tilburg=made["GM0855"])

    def browse(self, username, parent):
        client = Client()
        client.force_login(User.objects.get(username=username))
        response = client.get(reverse("wagtailadmin_choose_page_child", args=[parent.pk]))
        assert response.status_code == 200
        return response.json()["html"]

    def search(self, username, query):
        client = Client()
        client.force_login(User.objects.get(username=username))
        response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": query})
        assert response.status_code == 200
        return response.json()["html"] if "json" in response["Content-Type"] else response.text

    def test_a_municipal_editor_does_not_see_another_sections_drafts(self, drafts):
        html = self.browse("redactie-tilburg", drafts.sections["GM0599"])
        assert "Geheim concept Rotterdam" not in html
        # The live practices of that section stay choosable (to link to them).
        live = drafts.sections["GM0599"].get_children().live().first()
        assert live is not None and live.title in html
        assert "Geheim concept Rotterdam" not in self.search("redactie-tilburg", "Geheim concept")

    def test_a_municipal_editor_sees_the_drafts_of_their_own_section(self, drafts):
        assert "Concept Tilburg" in self.browse("redactie-tilburg", drafts.sections["GM0855"])
        assert "Concept Tilburg" in self.search("redactie-tilburg", "Concept Tilburg")

    @pytest.mark.parametrize("username", ["redactie-landelijk", "admin"])
    def test_national_editors_and_superusers_see_every_draft(self, drafts, username):
        assert "Geheim concept Rotterdam" in self.browse(username, drafts.sections["GM0599"])
        assert "Geheim concept Rotterdam" in self.search(username, "Geheim concept")
