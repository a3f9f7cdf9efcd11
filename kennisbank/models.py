"""The kennisbank: practice examples and knowledge pages, theme dossiers, municipality sections and
the filterable index.

Practices (PraktijkvoorbeeldPage) and knowledge pages (KennisartikelPage) share one concrete base,
KennisPage, holding everything the index filters and facets on (kind, vocabularies,
municipalities), so the index queries one table and its many-to-many links.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gezondin.api import fields as api
from gezondin.blocks import SECTION_FEATURES, BaseStreamBlock
from gezondin.models import BasePage, SectionPageMixin
from gezondin.search_text import DutchSearchField
from gezondin.terms import term_names
from gezondin.validators import WebAddressField
from gezondin.widgets import TermCheckboxes
from kennisbank.forms import PraktijkvoorbeeldForm
from kennisbank.panels import ErkenningClaimPanel, ReviewCommentPanel

STALE_AFTER = datetime.timedelta(days=365)
# A practice's rich-text sections and its plain-text "what is needed" fields, in reading order.
PRACTICE_SECTIONS = ["background", "goal", "working_elements", "results", "monitoring", "lessons"]
PRACTICE_NEEDS = ["needs_team", "needs_time", "needs_budget", "funding"]


class Erkenning(models.TextChoices):
    """Recognition levels of the Samenwerkingsverband Erkenning Interventies."""

    NIET_BEOORDEELD = "niet-beoordeeld", _("Niet beoordeeld")
    GOED_BESCHREVEN = "goed-beschreven", _("Goed beschreven")
    GOED_ONDERBOUWD = "goed-onderbouwd", _("Goed onderbouwd")
    EFFECTIEF_EERSTE = "effectief-eerste", _("Effectief – eerste aanwijzingen")
    EFFECTIEF_GOEDE = "effectief-goede", _("Effectief – goede aanwijzingen")
    EFFECTIEF_STERKE = "effectief-sterke", _("Effectief – sterke aanwijzingen")


class KennisType(models.TextChoices):
    """What a kennisbank item is: the `type` filter of the kennisbank."""

    PRAKTIJKVOORBEELD = "praktijkvoorbeeld", _("Praktijkvoorbeeld")
    KENNISARTIKEL = "kennisartikel", _("Kennisartikel")
    HANDREIKING = "handreiking", _("Handreiking")
    FACTSHEET = "factsheet", _("Factsheet")
    INSTRUMENT = "instrument", _("Instrument")


ARTICLE_KINDS = [choice for choice in KennisType.choices if choice[0] != "praktijkvoorbeeld"]


def _views():
    """kennisbank.views, which fills the pages' context (search, facets, profiles) and serves
    their feeds."""
    # Imported at call time: the views (and the search, filters, queries and feeds they use)
    # query these models, so importing them here would be a real cycle.
    from kennisbank import views

    return views


def default_language_terms():
    """Vocabulary links point at the default language's terms (see KennisPage)."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


def vocabulary_field(model_name, verbose_name, help_text=""):
    return ParentalManyToManyField(
        f"gezondin.{model_name}",
        verbose_name=verbose_name,
        blank=True,
        related_name="+",
        limit_choices_to=default_language_terms,
        help_text=help_text,
    )


# Facet name (GET parameter) → KennisPage field, in the order the filters are shown.
VOCABULARY_FIELDS = {
    "thema": "themas",
    "spoor": "sporen",
    "pijler": "pijlers",
    "doelgroep": "doelgroepen",
    "domein": "domeinen",
    "levensfase": "levensfasen",
}


class KennisPage(BasePage):
    """What practices and knowledge pages share: kind, vocabularies and municipalities.

    Vocabulary links point at the default language's terms, whose slug every translation shares;
    templates show the visitor's translation of each term, and translations of a page keep the
    links of their source (see kennisbank.signals).
    """

    kind = models.CharField(
        _("soort"), max_length=20, choices=KennisType.choices, default=KennisType.KENNISARTIKEL
    )
    themas = vocabulary_field("Thema", _("thema's"))
    sporen = vocabulary_field("Spoor", _("sporen"))
    pijlers = vocabulary_field("Pijler", _("pijlers"), _("Welke succesfactoren zijn zichtbaar?"))
    doelgroepen = vocabulary_field("Doelgroep", _("doelgroepen"))
    domeinen = vocabulary_field("Domein", _("beleidsdomeinen"))
    levensfasen = vocabulary_field("Levensfase", _("levensfasen"))
    gemeenten = ParentalManyToManyField(
        "gezondin.Gemeente",
        verbose_name=_("gemeenten"),
        blank=True,
        related_name="kennis_pages",
        help_text=_("De gemeente(n) waar dit speelt; leeg voor landelijke kennis."),
    )

    search_fields = [
        *BasePage.search_fields,
        DutchSearchField("search_context"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        *BasePage.api_fields,
        "kind",
        *(api.terms(name) for name in VOCABULARY_FIELDS.values()),
        api.APIField("gemeenten", serializer=api.Gemeenten()),
    ]

    is_creatable = False

    class Meta:
        verbose_name = _("kennisbankitem")
        verbose_name_plural = _("kennisbankitems")

    @classmethod
    def get_indexed_objects(cls):
        # search_context reads the municipalities and terms of every page: one query per link
        # table for a whole chunk of `update_index` instead of six per page.
        return (
            super()
            .get_indexed_objects()
            .select_related("locale")
            .prefetch_related(*cls.search_prefetch)
        )

    search_prefetch = ("gemeenten", *VOCABULARY_FIELDS.values())

    def search_context(self):
        """What the page is about beyond its own text, for search: its municipalities (name and
        province) and the names of its terms (themes, target groups, ...) in its language."""
        language = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
        parts = []
        for gemeente in self.gemeenten.all():
            parts += [gemeente.name, gemeente.display_name, gemeente.get_provincie_display()]
        for field in VOCABULARY_FIELDS.values():
            terms = getattr(self, field).all()
            names = term_names(terms.model, language)
            parts += [names.get(term.slug, term.name) for term in terms]
        return " ".join(str(part) for part in parts if part)

    @classmethod
    def vocabulary_panel(cls):
        return MultiFieldPanel(
            [FieldPanel(field, widget=TermCheckboxes) for field in VOCABULARY_FIELDS.values()],
            heading=_("Trefwoorden"),
            help_text=_(
                "Hiermee vinden mensen dit in de kennisbank; kies wat echt van toepassing is."
            ),
        )


class PraktijkvoorbeeldPartner(Orderable):
    page = ParentalKey(
        "kennisbank.PraktijkvoorbeeldPage", on_delete=models.CASCADE, related_name="partners"
    )
    organisatie = models.ForeignKey(
        "gezondin.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(
        _("rol"),
        max_length=200,
        blank=True,
        help_text=_("Wat deed deze partner, bijvoorbeeld ‘voert de huisbezoeken uit’."),
    )

    panels = [FieldPanel("organisatie"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.organisatie}: {self.role}" if self.role else str(self.organisatie)


class PraktijkvoorbeeldPage(KennisPage):
    """A local practice example: what a municipality did, why, with whom, what came of it."""

    class Status(models.TextChoices):
        LOPEND = "lopend", _("Lopend")
        AFGEROND = "afgerond", _("Afgerond")

    background = RichTextField(
        _("aanleiding"),
        blank=True,
        features=SECTION_FEATURES,
        help_text=_("Het lokale probleem: de wijk, de mensen, wat er speelde."),
    )
    goal = RichTextField(_("doel"), blank=True, features=SECTION_FEATURES)
    approach = StreamField(BaseStreamBlock(), verbose_name=_("aanpak"), blank=True)
    working_elements = RichTextField(
        _("werkzame elementen"),
        blank=True,
        features=SECTION_FEATURES,
        help_text=_("Wat maakte het verschil?"),
    )
    results = RichTextField(_("resultaten"), blank=True, features=SECTION_FEATURES)
    monitoring = RichTextField(
        _("monitoring"),
        blank=True,
        features=SECTION_FEATURES,
        help_text=_("Hoe zijn de resultaten gevolgd of gemeten?"),
    )
    lessons = RichTextField(_("lessen en tips"), blank=True, features=SECTION_FEATURES)
    needs_team = models.TextField(_("team en mensen"), blank=True)
    needs_time = models.TextField(_("tijd"), blank=True)
    needs_budget = models.TextField(_("budget"), blank=True)
    funding = models.TextField(_("financiering"), blank=True)

    contact_name = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_(
            "Een functie of team (‘Team Gezonde Wijk’) of een persoon die toestemming gaf."
        ),
    )
    contact_email = models.EmailField(_("e-mailadres contact"), blank=True)
    contact_phone = models.CharField(_("telefoon contact"), max_length=40, blank=True)
    contact_is_person = models.BooleanField(
        _("contact is een persoon"),
        default=False,
        help_text=_("Aanvinken als naam of e-mailadres bij één persoon hoort."),
    )
    contact_consent = models.BooleanField(
        _("persoon gaf toestemming voor publicatie"),
        default=False,
    )

    intervention_name = models.CharField(_("erkende interventie"), max_length=200, blank=True)
    intervention_url = WebAddressField(_("link naar de interventie"), blank=True)
    erkenning = models.CharField(
        _("erkenning"),
        max_length=20,
        choices=Erkenning.choices,
        default=Erkenning.NIET_BEOORDEELD,
    )
    erkenning_date = models.DateField(_("datum erkenning"), null=True, blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.LOPEND
    )
    start_date = models.DateField(_("gestart"), null=True, blank=True)
    end_date = models.DateField(_("afgerond op"), null=True, blank=True)
    last_checked = models.DateField(
        _("laatst gecontroleerd"),
        default=datetime.date.today,
        help_text=_("Wanneer is gecontroleerd dat de informatie nog klopt?"),
    )

    search_fields = [
        *KennisPage.search_fields,
        DutchSearchField("background"),
        DutchSearchField("goal"),
        DutchSearchField("approach"),
        DutchSearchField("working_elements"),
        DutchSearchField("results"),
        DutchSearchField("monitoring"),
        DutchSearchField("lessons"),
        *(DutchSearchField(field) for field in PRACTICE_NEEDS),
        DutchSearchField("intervention_name"),
        DutchSearchField("search_partners"),
    ]
    search_prefetch = (*KennisPage.search_prefetch, "partners__organisatie")

    # Drafts may be incomplete; submitting or publishing needs what a reader needs.
    base_form_class = PraktijkvoorbeeldForm

    content_panels = [
        ReviewCommentPanel(),
        ErkenningClaimPanel(),
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("gemeenten"),
        MultiFieldPanel(
            [
                FieldPanel("background"),
                FieldPanel("goal"),
                FieldPanel("approach"),
                FieldPanel("working_elements"),
                FieldPanel("results"),
                FieldPanel("monitoring"),
                FieldPanel("lessons"),
            ],
            heading=_("De praktijk"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("needs_team"),
                FieldPanel("needs_time"),
                FieldPanel("needs_budget"),
                FieldPanel("funding"),
            ],
            heading=_("Wat is er nodig"),
        ),
        InlinePanel("partners", heading=_("Partners"), label=_("Partner")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("contact_is_person"),
                FieldPanel("contact_consent"),
            ],
            heading=_("Contact"),
        ),
        KennisPage.vocabulary_panel(),
        MultiFieldPanel(
            [
                FieldPanel("intervention_name"),
                FieldPanel("intervention_url"),
                FieldRowPanel([FieldPanel("erkenning"), FieldPanel("erkenning_date")]),
            ],
            heading=_("Erkende interventie"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("last_checked"),
            ],
            heading=_("Status en actualiteit"),
        ),
    ]

    # The read API's fields (gezondin.api; contact only when show_contact allows it).
    api_fields = [
        *KennisPage.api_fields,
        *(api.rich_text(name) for name in ("background", "goal")),
        api.stream("approach"),
        *(api.rich_text(name) for name in ("working_elements", "results", "monitoring", "lessons")),
        *("status", "start_date", "end_date", "last_checked", "erkenning"),
        api.APIField("erkenning_label", serializer=api.ChoiceLabel("erkenning")),
        *("erkenning_date", "intervention_name", "intervention_url"),
        *("needs_team", "needs_time", "needs_budget", "funding"),
        api.deferred("partners", "kennisbank.api.Partners"),
        api.deferred("contact", "kennisbank.api.Contact"),
    ]

    parent_page_types = ["kennisbank.KennisbankPage", "kennisbank.GemeentePage"]
    subpage_types = []
    template = "kennisbank/praktijkvoorbeeld_page.html"
    # Whether it is a harvested copy (kennisbank.harvest), read by the template and JSON-LD.
    serve_select_related = ("shared_copy__source",)

    class Meta:
        verbose_name = _("praktijkvoorbeeld")
        verbose_name_plural = _("praktijkvoorbeelden")

    def search_partners(self):
        """The partner organisations' names and roles, for search."""
        return " ".join(
            f"{partner.organisatie.name} {partner.role}"
            for partner in self.partners.all()
            if partner.organisatie_id
        )

    def save(self, *args, **kwargs):
        self.kind = KennisType.PRAKTIJKVOORBEELD
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.contact_is_person and not self.contact_consent:
            errors["contact_consent"] = _(
                "Een persoon als contact mag alleen met diens toestemming; gebruik anders een "
                "functie of team."
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("De einddatum ligt vóór de startdatum.")
        if self.intervention_url and not self.intervention_name:
            errors["intervention_name"] = _("Geef de naam van de interventie bij de link.")
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def is_erkenning_claim(level):
        """Whether a recognition level claims more than "niet beoordeeld": a claim the reviewer
        checks against the intervention's record (docs/publishing.md)."""
        return bool(level) and level != Erkenning.NIET_BEOORDEELD

    @property
    def erkenning_claimed(self):
        return self.is_erkenning_claim(self.erkenning)

    @property
    def is_stale(self):
        """Shown to readers: the information was last checked over a year ago."""
        return self.last_checked is not None and (
            timezone.localdate() - self.last_checked > STALE_AFTER
        )

    @property
    def show_contact(self):
        return bool(self.contact_name or self.contact_email or self.contact_phone) and (
            not self.contact_is_person or self.contact_consent
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_views().practice_context(request, self))
        return context


class KennisartikelPage(KennisPage):
    """Knowledge beside practices: an article, guide (handreiking), factsheet or instrument."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)
    source_organisatie = models.ForeignKey(
        "gezondin.Organisatie",
        verbose_name=_("uitgegeven door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publication_date = models.DateField(_("publicatiedatum"), null=True, blank=True)

    search_fields = [*KennisPage.search_fields, DutchSearchField("body")]
    api_fields = [
        *KennisPage.api_fields,
        api.stream("body"),
        "publication_date",
        api.APIField("source_organisatie", serializer=api.Organisatie()),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind", widget=forms.Select(choices=ARTICLE_KINDS)),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("source_organisatie"), FieldPanel("publication_date")]),
        FieldPanel("gemeenten"),
        KennisPage.vocabulary_panel(),
    ]
    parent_page_types = ["kennisbank.KennisbankPage", "kennisbank.ThemaPage"]
    subpage_types = []
    template = "kennisbank/kennisartikel_page.html"

    class Meta:
        verbose_name = _("kennisartikel of instrument")
        verbose_name_plural = _("kennisartikelen en instrumenten")

    def clean(self):
        super().clean()
        if self.kind == KennisType.PRAKTIJKVOORBEELD:
            raise ValidationError(
                {
                    "kind": _(
                        "Kies een andere soort: een praktijkvoorbeeld maakt u als pagina van "
                        "het type Praktijkvoorbeeld."
                    )
                }
            )


class ThemaPagePick(Orderable):
    page = ParentalKey("kennisbank.ThemaPage", on_delete=models.CASCADE, related_name="picks")
    item = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(
        _("toelichting"),
        max_length=250,
        blank=True,
        help_text=_("Waarom dit de moeite waard is (optioneel)."),
    )
    panels = [PageChooserPanel("item", ["kennisbank.KennisPage"]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("aanrader")
        verbose_name_plural = _("aanraders")


class ThemaPage(BasePage):
    """A dossier: everything on one theme gathered automatically, plus the editors' picks."""

    thema = models.ForeignKey(
        "gezondin.Thema",
        verbose_name=_("thema"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=default_language_terms,
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("inleidende tekst"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("thema"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("picks", heading=_("Aanraders van de redactie"), label=_("Aanrader")),
    ]
    search_fields = [*BasePage.search_fields, DutchSearchField("body")]
    parent_page_types = ["kennisbank.KennisbankPage"]
    subpage_types = ["kennisbank.KennisartikelPage"]
    template = "kennisbank/thema_page.html"

    class Meta:
        verbose_name = _("themadossier")
        verbose_name_plural = _("themadossiers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_views().dossier_context(request, self))
        return context


class GemeenteIndexPage(SectionPageMixin, BasePage):
    """The overview of municipalities with a section on this site."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Under which page types: the setting GEZONDIN_PARENT_PAGE_TYPES (SectionPageMixin).
    subpage_types = ["kennisbank.GemeentePage"]
    max_count_per_parent = 1
    template = "kennisbank/gemeente_index_page.html"

    class Meta:
        verbose_name = _("overzicht van gemeenten")
        verbose_name_plural = _("overzichten van gemeenten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            GemeentePage.objects.live()
            .public()
            .child_of(self)
            .select_related("gemeente")
            .order_by("gemeente__name")
        )
        return context


class GemeentePage(BasePage):
    """A municipality's own section and public profile; its editors publish practices in it."""

    gemeente = models.ForeignKey(
        "gezondin.Gemeente",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="pages",
    )
    body = StreamField(
        BaseStreamBlock(), verbose_name=_("over de aanpak in deze gemeente"), blank=True
    )
    contact_name = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Een functie of team, bijvoorbeeld ‘Programma Gezond Tilburg’."),
    )
    contact_email = models.EmailField(_("e-mailadres contact"), blank=True)
    website = WebAddressField(_("website"), blank=True)

    content_panels = [
        ReviewCommentPanel(),
        *Page.content_panels,
        FieldPanel("gemeente"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("website")],
            heading=_("Contact"),
        ),
    ]
    search_fields = [*BasePage.search_fields, DutchSearchField("body")]
    parent_page_types = ["kennisbank.GemeenteIndexPage"]
    subpage_types = ["kennisbank.PraktijkvoorbeeldPage"]
    template = "kennisbank/gemeente_page.html"

    class Meta:
        verbose_name = _("gemeentepagina")
        verbose_name_plural = _("gemeentepagina's")

    def clean(self):
        super().clean()
        if self.gemeente_id and (
            GemeentePage.objects.filter(gemeente_id=self.gemeente_id, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError({"gemeente": _("Deze gemeente heeft al een eigen pagina.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_views().gemeente_context(request, self))
        return context


class KennisbankPage(SectionPageMixin, RoutablePageMixin, BasePage):
    """The kennisbank's filterable, searchable index of practices and knowledge pages.

    The filters are GET parameters (q, thema, spoor, pijler, doelgroep, domein, levensfase,
    gemeente, provincie, erkenning, type, sort, page), so every selection is a shareable URL.
    The same selection is an Atom feed at ``feed/`` and an RSS feed at ``feed/rss/``
    (kennisbank.feeds).
    """

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Under which page types: the setting GEZONDIN_PARENT_PAGE_TYPES (SectionPageMixin).
    subpage_types = [
        "kennisbank.PraktijkvoorbeeldPage",
        "kennisbank.KennisartikelPage",
        "kennisbank.ThemaPage",
    ]
    max_count_per_parent = 1
    template = "kennisbank/kennisbank_page.html"

    class Meta:
        verbose_name = _("kennisbank")
        verbose_name_plural = _("kennisbanken")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_views().kennisbank_context(request, self))
        return context

    # Routes (the index itself is the default route) ------------------------------------------

    @path("feed/", name="feed")
    def atom_feed(self, request, *args, **kwargs):
        return _views().atom_feed(request, self)

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request, *args, **kwargs):
        return _views().rss_feed(request, self)


class PraktijkInzending(models.Model):
    """A practice shared through the public form "Praktijk delen" (kennisbank/share.py,
    docs/kennisbank.md "Sharing a practice without an account").

    It holds what the visitor typed (``data``: the practice's sections as plain text) and who
    they are, until they confirm their e-mail address by the link in the mail; confirming turns
    it into a draft PraktijkvoorbeeldPage (``page``) in the municipality's section, or in the
    kennisbank's national inbox. The submitter's data follows the retention rules of sign-ups
    (kennisbank.share.apply_retention): never-confirmed submissions are deleted when the link
    expires, confirmed ones anonymised after the retention period.
    """

    email = models.EmailField(_("e-mailadres"), max_length=254)
    name = models.CharField(_("naam"), max_length=200)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    contact_public = models.BooleanField(
        _("als contact bij het praktijkvoorbeeld"),
        default=False,
        help_text=_(
            "De inzender gaf toestemming om als contact bij het praktijkvoorbeeld te staan."
        ),
    )
    consent_at = models.DateTimeField(_("toestemming gegeven op"))
    gemeente = models.ForeignKey(
        "gezondin.Gemeente",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    data = models.JSONField(_("ingevulde velden"), default=dict, blank=True)
    language = models.CharField(_("taal"), max_length=10)
    secret = models.CharField(max_length=40, editable=False)
    created_at = models.DateTimeField(_("ingestuurd op"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    page = models.ForeignKey(
        "kennisbank.PraktijkvoorbeeldPage",
        verbose_name=_("concept"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inzendingen",
    )
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("ingestuurd praktijkvoorbeeld")
        verbose_name_plural = _("ingestuurde praktijkvoorbeelden")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.data.get("title", "") or str(_("ingestuurd praktijkvoorbeeld"))


from kennisbank.harvest.models import HarvestSource, SharedCopy  # noqa: E402, F401
