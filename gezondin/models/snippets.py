"""Vocabularies (translatable snippets), municipalities, organisations and synonyms."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from gezondin.search_text import DutchSearchField, query_stems
from gezondin.validators import WebAddressField


class Vocabulary(TranslatableMixin, index.Indexed, models.Model):
    """A term of one of GezondIn's vocabularies.

    The slug is the term's identity across languages and installations (filters in URLs, the API,
    harvesting), so it is shared by all translations of a term and unique within a locale.
    """

    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Gebruikt in webadressen en filters; gelijk in alle talen."),
    )
    description = models.TextField(_("omschrijving"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Lagere nummers komen eerst in lijsten en filters.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [
        DutchSearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        # One slug per language in each vocabulary ("thema_slug_locale", ...).
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="%(class)s_slug_locale")
        ]

    def __str__(self):
        return self.name


class Thema(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")


class Spoor(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("spoor")
        verbose_name_plural = _("sporen")


class Pijler(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("pijler")
        verbose_name_plural = _("pijlers")


class Doelgroep(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


class Domein(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")


class Levensfase(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("levensfase")
        verbose_name_plural = _("levensfasen")


VOCABULARIES = [Thema, Spoor, Pijler, Doelgroep, Domein, Levensfase]


class Provincie(models.TextChoices):
    """The twelve provinces; the value is the slug used in filters and the API."""

    DRENTHE = "drenthe", "Drenthe"
    FLEVOLAND = "flevoland", "Flevoland"
    FRYSLAN = "fryslan", "Fryslân"
    GELDERLAND = "gelderland", "Gelderland"
    GRONINGEN = "groningen", "Groningen"
    LIMBURG = "limburg", "Limburg"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    OVERIJSSEL = "overijssel", "Overijssel"
    UTRECHT = "utrecht", "Utrecht"
    ZEELAND = "zeeland", "Zeeland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"

    @classmethod
    def from_name(cls, name):
        """The province for a name as CBS and others write it ("Fryslân", "Friesland")."""
        wanted = name.strip().lower().replace("â", "a")
        if wanted == "friesland":
            wanted = "fryslan"
        for member in cls:
            if member.label.lower().replace("â", "a") == wanted or member.value == wanted:
                return member
        raise ValueError(f"unknown province: {name!r}")


cbs_code_validator = RegexValidator(
    r"^GM\d{4}$", _("Een CBS-gemeentecode is ‘GM’ gevolgd door vier cijfers, bijvoorbeeld GM0363.")
)


class GemeenteQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def by_known_name(self):
        """In the order of the names people know: the display name, else the official name."""
        return self.order_by(Lower(Coalesce(NullIf("display_name", Value("")), "name")))


class Gemeente(index.Indexed, models.Model):
    """A Dutch municipality, identified by its CBS code.

    Municipalities that merged are kept (inactive, pointing at their successor) so that everything
    linked to them stays linked; see the update_gemeenten command.
    """

    cbs_code = models.CharField(
        _("CBS-code"), max_length=6, unique=True, validators=[cbs_code_validator]
    )
    name = models.CharField(
        _("officiële naam"), max_length=100, help_text=_("Zoals CBS hem schrijft.")
    )
    display_name = models.CharField(
        _("weergavenaam"),
        max_length=100,
        blank=True,
        help_text=_("De naam die mensen gebruiken als die afwijkt, bijvoorbeeld ‘Den Haag’."),
    )
    provincie = models.CharField(_("provincie"), max_length=20, choices=Provincie.choices)
    veiligheidsregio = models.CharField(_("veiligheidsregio"), max_length=60, blank=True)
    ggd_regio = models.CharField(
        _("GGD-regio"),
        max_length=60,
        blank=True,
        help_text=_("Leeg waar de GGD-regio niet eenduidig uit de veiligheidsregio volgt."),
    )
    is_gids = models.BooleanField(
        _("GIDS-gemeente"),
        default=False,
        help_text=_("Ontvangt de GIDS-middelen (Gezond In De Stad)."),
    )
    is_active = models.BooleanField(
        _("bestaat nog"),
        default=True,
        help_text=_(
            "Uit als de gemeente is opgegaan in een andere; gekoppelde inhoud blijft bewaard."
        ),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("opgegaan in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )

    objects = GemeenteQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("display_name"),
        FieldPanel("cbs_code"),
        FieldPanel("provincie"),
        FieldPanel("veiligheidsregio"),
        FieldPanel("ggd_regio"),
        FieldPanel("is_gids"),
        FieldPanel("is_active"),
        FieldPanel("successor"),
    ]
    search_fields = [
        DutchSearchField("name"),
        DutchSearchField("display_name"),
        index.AutocompleteField("name"),
        index.AutocompleteField("display_name"),
        DutchSearchField("cbs_code"),
        index.FilterField("provincie"),
        index.FilterField("is_gids"),
        index.FilterField("is_active"),
    ]

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name people know the municipality by."""
        return self.display_name or self.name


class Organisatie(index.Indexed, models.Model):
    """A partner organisation (GGD, welzijn, woningcorporatie, ...).

    National ones have no ``gemeente``; a local partner (a housing corporation, a GGD department)
    names the municipality whose editors added it and may edit it (gezondin/organisaties.py).
    """

    class Sector(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        GGD = "ggd", _("GGD")
        WELZIJN = "welzijn", _("Welzijn en sociaal werk")
        ZORG = "zorg", _("Zorg")
        ONDERWIJS = "onderwijs", _("Onderwijs en kinderopvang")
        WONEN = "wonen", _("Woningcorporatie")
        WERK_INKOMEN = "werk-inkomen", _("Werk, inkomen en schuldhulp")
        SPORT = "sport", _("Sport en bewegen")
        ZORGVERZEKERAAR = "zorgverzekeraar", _("Zorgverzekeraar")
        KENNIS = "kennis", _("Kennisinstituut of onderzoek")
        RIJK = "rijk", _("Rijksoverheid of landelijke organisatie")
        BEWONERS = "bewoners", _("Bewonersinitiatief of vrijwilligers")
        BEDRIJF = "bedrijf", _("Bedrijfsleven")
        OVERIG = "overig", _("Overig")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, default=Sector.OVERIG
    )
    website = WebAddressField(_("website"), blank=True)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("lokale partner van"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisaties",
        help_text=_(
            "De gemeente waar deze organisatie lokaal werkt; leeg voor een landelijke of "
            "regionale organisatie. De redactie van die gemeente mag haar bewerken."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("sector"),
        FieldPanel("website"),
        FieldPanel("gemeente"),
    ]
    search_fields = [
        DutchSearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("sector"),
    ]

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Synoniemen(models.Model):
    """One group of words or phrases that mean the same in a search ("geldzorgen, schulden,
    financiële problemen"): a query with one of them also finds the others (gezondin.synonyms,
    applied by gezondin.search_backend). Entered as one comma-separated text."""

    words = models.TextField(
        _("woorden"),
        help_text=_(
            "Woorden of woordgroepen die bij het zoeken hetzelfde betekenen, gescheiden door "
            "komma's, bijvoorbeeld: geldzorgen, schulden, financiële problemen. Wie op één ervan "
            "zoekt, vindt ook de andere."
        ),
    )

    panels = [FieldPanel("words")]

    class Meta:
        verbose_name = _("groep synoniemen")
        verbose_name_plural = _("synoniemen")
        ordering = ["words"]

    def __str__(self):
        return ", ".join(self.entries())

    def entries(self):
        """The group's words and phrases as typed (trimmed), each once: two entries that search
        for the same stems ("schuld", "schulden") count as one."""
        found, seen = [], set()
        for entry in self.words.replace("\n", ",").replace(";", ",").split(","):
            entry = " ".join(entry.split())
            stems = tuple(query_stems(entry))
            if entry and stems and stems not in seen:
                seen.add(stems)
                found.append(entry)
        return found

    def clean(self):
        super().clean()
        entries = self.entries()
        if len(entries) < 2:
            if entries:
                message = _(
                    "Een groep synoniemen heeft minstens twee verschillende woorden of "
                    "woordgroepen, gescheiden door komma's; ‘%(entry)s’ is er maar één."
                ) % {"entry": entries[0]}
            else:
                message = _(
                    "Een groep synoniemen heeft minstens twee verschillende woorden of "
                    "woordgroepen, gescheiden door komma's."
                )
            raise ValidationError({"words": message})
