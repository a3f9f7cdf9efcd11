"""Home page and the general content page."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import resolve_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from gezondin import home as home_sections
from gezondin import page_indexing
from gezondin.api import fields as api
from gezondin.blocks import BaseStreamBlock
from gezondin.search_text import DutchSearchField, dutch_fields

INTRO_FEATURES = ["bold", "italic", "link"]


class BasePage(Page):
    """Fields and behaviour every GezondIn page shares: an introduction used on the page,
    in listings and as the meta description when no search description is set."""

    # The link to Wagtail's Page row, declared here instead of left to Django so that its reverse
    # accessor carries the app label: Page.gezondin_homepage, Page.kennisbank_kennisbankpage, ...
    # A host's own page models (a `wagtail start` project has home.HomePage, i.e. Page.homepage)
    # can then have any name (fields.E304/E305 otherwise). Every concrete page model directly
    # below BasePage gets its own copy, with %(app_label)s and %(class)s filled in. auto_created
    # as Django's own link is, so the migration that introduced it changes nothing in the database.
    page_ptr = models.OneToOneField(
        Page,
        on_delete=models.CASCADE,
        parent_link=True,
        auto_created=True,
        primary_key=True,
        serialize=False,
        related_name="%(app_label)s_%(class)s",
    )

    # Related objects the page's own template always reads, fetched with the page when it is
    # served (e.g. a practice's shared-copy record): one query instead of two.
    serve_select_related = ()

    # Routing through a GezondIn page to a page below it uses the child's specific class
    # without loading its specific fields: one query less for every level passed through.
    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        try:
            child = self.get_children().get(slug=path_components[0])
        except Page.DoesNotExist as exc:
            raise Http404 from exc
        if len(path_components) > 1:
            child = child.specific_deferred
        else:
            model = child.specific_class
            related = getattr(model, "serve_select_related", ())
            if model is None:
                raise Http404
            if related:
                child = model.objects.select_related(*related).get(pk=child.pk)
            else:
                child = child.specific
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_("Eén of twee zinnen die zeggen waar de pagina over gaat."),
    )

    search_fields = [
        *dutch_fields(Page.search_fields),
        DutchSearchField("intro"),
        # Listings and searches leave out untranslated copies (gezondin.terms.listed_q).
        index.FilterField("alias_of"),
    ]
    api_fields = [api.rich_text("intro")]
    # The search index follows these pages through gezondin.page_indexing, which leaves out
    # Wagtail's bookkeeping saves of a draft (modelsearch would index the page again on each).
    search_auto_update = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with page_indexing.references_kept(kwargs.get("update_fields")):
            return super().save(*args, **kwargs)

    def get_meta_description(self):
        from django.utils.html import strip_tags

        return self.search_description or strip_tags(self.intro).strip()


class SectionPageMixin:
    """A section a host site puts into its own page tree: the kennisbank, the agenda, the
    overview of municipalities (docs/installing.md).

    Where it may be created is not fixed in the class but read from the setting
    ``GEZONDIN_PARENT_PAGE_TYPES``: a list of page types ("app_label.ModelName"), or None (the
    default) for under any page type. Wagtail reads ``parent_page_types`` once per class; the
    setting is read each time, so it can differ per site and per test.
    """

    @classmethod
    def clean_parent_page_models(cls):
        names = getattr(settings, "GEZONDIN_PARENT_PAGE_TYPES", None)
        if names is None:
            return get_page_models()
        return [resolve_model_string(name) for name in names]


def section_page_models():
    """The page models of every installed app that are sections (SectionPageMixin)."""
    return [model for model in get_page_models() if issubclass(model, SectionPageMixin)]


class HomePage(BasePage):
    heading = models.CharField(
        _("kop"),
        max_length=150,
        blank=True,
        help_text=_("De grote kop bovenaan; laat leeg om de paginatitel te gebruiken."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, DutchSearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "gezondin/home_page.html"

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The feature apps' sections: search, themes, activities, practices (gezondin.home).
        sections = home_sections.sections(request, self)
        context["home_sections"] = sections
        context["home_stylesheets"] = home_sections.stylesheets(sections)
        return context


class StandardPage(BasePage):
    """A general content page: about, privacy statement, accessibility statement, background."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)
    show_table_of_contents = models.BooleanField(
        _("inhoudsopgave tonen"),
        default=False,
        help_text=_("Toont bovenaan een lijst van de tussenkoppen (kop 2) met links ernaartoe."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel([FieldPanel("show_table_of_contents")], heading=_("Weergave")),
    ]
    search_fields = [*BasePage.search_fields, DutchSearchField("body")]
    api_fields = [*BasePage.api_fields, api.stream("body")]

    parent_page_types = ["gezondin.HomePage", "gezondin.StandardPage"]
    subpage_types = ["gezondin.StandardPage"]
    template = "gezondin/standard_page.html"

    class Meta:
        verbose_name = _("inhoudspagina")
        verbose_name_plural = _("inhoudspagina's")

    def table_of_contents(self):
        """(anchor, text) for each level-2 heading block, in order."""
        from django.utils.text import slugify

        entries = []
        for block in self.body:
            if block.block_type == "heading" and block.value["level"] == "h2":
                entries.append((slugify(block.value["text"]), block.value["text"]))
        return entries
