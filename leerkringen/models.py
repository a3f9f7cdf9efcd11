"""The agenda of learning circles (leerkringen), webinars and study days, and their sign-ups.

Activities share one concrete base, ActivityPage, holding everything the agenda lists and filters on
(kind, mode, themes, schedule) and everything the sign-up rules need (capacity, per-municipality
cap, registration window, cancellation deadline), so the agenda and the services query one table.

Sign-ups (Aanmelding) always belong to the activity in the default language: an activity and its
translations share one pool of seats. The rules live in leerkringen.services, not here.
"""

import secrets
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
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
from wagtail_localize.fields import SynchronizedField

from gezondin.api import fields as api
from gezondin.blocks import (
    RICH_TEXT_FEATURES,
    SECTION_FEATURES,
    DocumentBlock,
    LinkBlock,
    VideoBlock,
)
from gezondin.models import BasePage, Gemeente, SectionPageMixin
from gezondin.search_text import DutchSearchField
from gezondin.validators import WebAddressField
from kennisbank.models import default_language_terms

# Routes of the agenda page (AgendaPage.atom_feed, rss_feed) that an activity's slug would hide.
RESERVED_SLUGS = {"feed"}

# The words of an activity's sign-up routes, translated like leerkringen.urls' paths: in Dutch
# "aanmelden/" and "aanmelden/verstuurd/", in English "sign-up/" and "sign-up/sent/".
SIGN_UP = pgettext_lazy("URL", "aanmelden")
SENT = pgettext_lazy("URL", "verstuurd")


def _views():
    """leerkringen.views, which serves the pages' routes (feeds, calendars, sign-up)."""
    # Imported at call time: the views (and the feeds, filters and calendars they use) query
    # these models, so importing them here would be a real cycle.
    from leerkringen import views

    return views


def one_line(text):
    """A multi-line address on one line, its lines separated by commas."""
    return ", ".join(line.strip() for line in (text or "").splitlines() if line.strip())


@dataclass(frozen=True)
class Place:
    """Where one meeting takes place (see ActivityPage.place_of): the place's ``name`` and
    ``address`` (several lines; empty for an online-only activity), whether it can be attended
    ``online``, and whether it takes place somewhere (``physical``)."""

    name: str
    address: str
    online: bool
    physical: bool

    @property
    def address_line(self):
        return one_line(self.address)

    @property
    def line(self):
        """Name and address on one line ("Stadskantoor, Stationsplein 1, 3511 ED Utrecht"), or
        ""."""
        return ", ".join(part for part in (self.name, self.address_line) if part)

    @property
    def attendance(self):
        """How the meeting can be attended, as a Mode value: "online", "fysiek" or "hybride"."""
        if self.online and self.physical:
            return Mode.HYBRIDE.value
        return Mode.ONLINE.value if self.online else Mode.FYSIEK.value


class ActivityType(models.TextChoices):
    """What an activity is: the agenda's `type` filter."""

    LEERKRING = "leerkring", _("Leerkring")
    WEBINAR = "webinar", _("Webinar")
    STUDIEDAG = "studiedag", _("Studiedag")


class Mode(models.TextChoices):
    ONLINE = "online", _("Online")
    FYSIEK = "fysiek", _("Op locatie")
    HYBRIDE = "hybride", _("Op locatie en online")


# Blocks -------------------------------------------------------------------------------------


class MaterialLinkBlock(LinkBlock):
    description = blocks.CharBlock(label=_("Toelichting"), required=False, max_length=250)

    class Meta:
        icon = "link"
        label = _("Link")


class MaterialsBlock(blocks.StreamBlock):
    """What participants get afterwards: documents, links and recordings."""

    document = DocumentBlock()
    link = MaterialLinkBlock()
    video = VideoBlock()


class TimeSlotBlock(blocks.StructBlock):
    """One slot of a study day's programme."""

    starts = blocks.TimeBlock(label=_("Begintijd"))
    ends = blocks.TimeBlock(label=_("Eindtijd"), required=False)
    title = blocks.CharBlock(label=_("Onderdeel"), max_length=200)
    speaker = blocks.CharBlock(
        label=_("Spreker of begeleider"),
        required=False,
        max_length=200,
        help_text=_("Naam en organisatie, bijvoorbeeld ‘Fatima El Amrani, GGD Hollands Noorden’."),
    )
    description = blocks.RichTextBlock(
        label=_("Beschrijving"), required=False, features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "time"
        label = _("Programmaonderdeel")


class ProgrammeBlock(blocks.StreamBlock):
    slot = TimeSlotBlock()


# The agenda ---------------------------------------------------------------------------------


class AgendaPage(SectionPageMixin, RoutablePageMixin, BasePage):
    """The agenda: upcoming learning circles, webinars and study days (one per language).

    Besides the page itself it serves, for the same selection as the page (its filter
    parameters, see leerkringen.filters), an Atom feed at ``feed/`` and an RSS 2.0 feed at
    ``feed/rss/`` (leerkringen.feeds), and an iCalendar feed of all upcoming meetings at
    ``<agenda url>agenda.ics`` (routed in leerkringen.urls: Wagtail's own URL pattern serves no
    dotted names). The feed routes are tried before the activities below the agenda, so no
    activity may have the slug ``feed`` (ActivityPage.clean says so).
    """

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Under which page types: the setting GEZONDIN_PARENT_PAGE_TYPES (SectionPageMixin).
    subpage_types = [
        "leerkringen.LeerkringPage",
        "leerkringen.WebinarPage",
        "leerkringen.StudiedagPage",
    ]
    max_count_per_parent = 1
    template = "leerkringen/agenda_page.html"

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda's")

    def upcoming(self, now=None):
        """The live, public activities below this page that have not ended, soonest first."""
        now = now or timezone.now()
        return (
            ActivityPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(last_ends_at__gte=now)
            .order_by("first_starts_at", "pk")
            .specific()
        )

    def past(self, now=None):
        """The live, public activities below this page that have ended, most recent first."""
        now = now or timezone.now()
        return (
            ActivityPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(last_ends_at__lt=now)
            .order_by("-last_ends_at", "-pk")
            .specific()
        )

    def selection(self, request):
        """What the page and its feeds list for this request's GET parameters (a
        leerkringen.filters.AgendaSelection)."""
        return _views().agenda_selection(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selection = self.selection(request)
        context.update(
            {
                "activities": selection.activities,
                "filter": selection.filterset,
                "selection": selection,
                "filters_active": selection.filters_active,
                "archive": selection.archive,
                **self.subscribe_urls(request, selection.query_string()),
            }
        )
        return context

    def ics_url(self, request=None):
        url = self.get_url(request)
        return f"{url}agenda.ics" if url else ""

    def subscribe_urls(self, request=None, query_string="", page_url=None):
        """The agenda's feeds (with ``query_string``, the selection's filters) and its .ics,
        relative to ``page_url`` (default: the page's URL for ``request``)."""
        url = self.get_url(request) if page_url is None else page_url
        if not url:
            return {"feed_url": "", "rss_url": "", "ics_url": ""}
        query = f"?{query_string}" if query_string else ""
        return {
            "feed_url": f"{url}{self.reverse_subpage('feed')}{query}",
            "rss_url": f"{url}{self.reverse_subpage('feed_rss')}{query}",
            "ics_url": f"{url}agenda.ics",
        }

    @path("feed/", name="feed")
    def atom_feed(self, request, *args, **kwargs):
        return _views().agenda_atom_feed(request, self)

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request, *args, **kwargs):
        return _views().agenda_rss_feed(request, self)

    def serve_ics(self, request):
        return _views().agenda_calendar(request, self)


# Activities ---------------------------------------------------------------------------------


class ActivityPage(RoutablePageMixin, BasePage):
    """What learning circles, webinars and study days share.

    The sign-up form posts to the ``aanmelden/`` route of the page (``sign-up/`` on an English
    page: the route's words are translated, see ``route_path``); ``aanmelden/verstuurd/``
    (``sign-up/sent/``) is the "check your e-mail" page it redirects to. The Dutch routes also
    answer on pages in other languages. ``first_starts_at`` and ``last_ends_at`` are kept
    from the meetings on every save, so the agenda, reminders and data retention can query them.
    """

    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=ActivityType.choices,
        default=ActivityType.LEERKRING,
        editable=False,
    )
    themas = ParentalManyToManyField(
        "gezondin.Thema",
        verbose_name=_("thema's"),
        blank=True,
        related_name="+",
        limit_choices_to=default_language_terms,
    )
    for_whom = models.TextField(
        _("voor wie"),
        blank=True,
        help_text=_("Bijvoorbeeld ‘beleidsmedewerkers gezondheid en sociaal domein, GGD’."),
    )
    mode = models.CharField(_("vorm"), max_length=10, choices=Mode.choices, default=Mode.FYSIEK)

    organisatie = models.ForeignKey(
        "gezondin.Organisatie",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De organisatie die de activiteit organiseert."),
    )
    organiser_name = models.CharField(
        _("georganiseerd door"),
        max_length=200,
        blank=True,
        help_text=_("Zoals bezoekers het lezen, bijvoorbeeld ‘Pharos en Platform31’."),
    )
    contact_email = models.EmailField(
        _("e-mailadres voor vragen"),
        blank=True,
        help_text=_("Een functiemailbox; staat op de pagina en in de e-mails aan deelnemers."),
    )

    signup_enabled = models.BooleanField(
        _("aanmelden via de website"),
        default=True,
        help_text=_("Uit voor activiteiten met een eigen uitnodiging of aanmelding elders."),
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        help_text=_("Leeg voor onbeperkt."),
    )
    max_per_gemeente = models.PositiveIntegerField(
        _("maximaal aantal plaatsen per gemeente"),
        null=True,
        blank=True,
        help_text=_("Voor een eerlijke verdeling; leeg voor geen maximum."),
    )
    registration_opens_at = models.DateTimeField(
        _("aanmelding opent"), null=True, blank=True, help_text=_("Leeg: meteen.")
    )
    registration_closes_at = models.DateTimeField(
        _("aanmelding sluit"),
        null=True,
        blank=True,
        help_text=_("Leeg: bij het begin van de eerste bijeenkomst."),
    )
    cancellation_deadline = models.DateTimeField(
        _("afmelden kan tot"),
        null=True,
        blank=True,
        help_text=_("Leeg: tot het begin van de eerste bijeenkomst."),
    )

    summary = RichTextField(
        _("verslag"),
        blank=True,
        features=SECTION_FEATURES,
        help_text=_("Na afloop: wat is er besproken, wat kwam eruit?"),
    )
    materials = StreamField(MaterialsBlock(), verbose_name=_("materialen"), blank=True)

    first_starts_at = models.DateTimeField(
        _("begint"), null=True, blank=True, editable=False, db_index=True
    )
    last_ends_at = models.DateTimeField(
        _("eindigt"), null=True, blank=True, editable=False, db_index=True
    )

    search_fields = [
        *BasePage.search_fields,
        DutchSearchField("for_whom"),
        DutchSearchField("summary"),
        index.FilterField("kind"),
        index.FilterField("mode"),
        index.FilterField("locale_id"),
        index.FilterField("first_starts_at"),
        index.FilterField("last_ends_at"),
    ]
    # The read API's fields (gezondin.api; leerkringen.api): seats as counts, nothing about who
    # signed up.
    api_fields = [
        *BasePage.api_fields,
        "kind",
        "mode",
        "for_whom",
        api.terms("themas"),
        api.deferred("dates", "leerkringen.api.ActivityDates"),
        api.deferred("bijeenkomsten", "leerkringen.api.Bijeenkomsten"),
        api.deferred("capacity", "leerkringen.api.Capacity"),
        api.deferred("seats_available", "leerkringen.api.SeatsAvailable"),
        api.deferred("registration_open", "leerkringen.api.RegistrationOpen"),
        api.deferred("ics_url", "leerkringen.api.ICSURL"),
        api.rich_text("summary"),
        api.deferred("materials", "leerkringen.api.Materials"),
    ]

    is_creatable = False
    parent_page_types = ["leerkringen.AgendaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    # Panels shared by the three page types.
    @classmethod
    def about_panels(cls, with_mode=True):
        return [
            FieldPanel("intro"),
            FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
            FieldPanel("for_whom"),
            *([FieldPanel("mode")] if with_mode else []),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("organisatie"), FieldPanel("organiser_name")]),
                    FieldPanel("contact_email"),
                ],
                heading=_("Organisatie"),
            ),
        ]

    @classmethod
    def signup_panel(cls):
        return MultiFieldPanel(
            [
                FieldPanel("signup_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_per_gemeente")]),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldPanel("cancellation_deadline"),
            ],
            heading=_("Aanmelden"),
        )

    @classmethod
    def afterwards_panels(cls):
        return [
            FieldPanel("summary"),
            FieldPanel("materials"),
            InlinePanel(
                "kennis_links",
                heading=_("Resultaten in de kennisbank"),
                label=_("Kennisbankpagina"),
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("De aanmelding moet sluiten nadat ze geopend is.")
        if self.max_per_gemeente and self.capacity and self.max_per_gemeente > self.capacity:
            errors["max_per_gemeente"] = _(
                "Het maximum per gemeente kan niet groter zijn dan het aantal plaatsen."
            )
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _(
                "Dit webadres is gereserveerd voor de feeds van de agenda. Kies een ander."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.kind = self.activity_type
        self.update_schedule()
        super().save(*args, **kwargs)

    # Set by each concrete page type.
    activity_type = ActivityType.LEERKRING

    def update_schedule(self):
        """Keep first_starts_at / last_ends_at in step with the meetings (in memory or stored)."""
        meetings = [m for m in self.bijeenkomsten.all() if m.starts_at]
        self.first_starts_at = min((m.starts_at for m in meetings), default=None)
        self.last_ends_at = max((m.ends_at or m.starts_at for m in meetings), default=None)

    def is_past(self, now=None):
        return self.last_ends_at is not None and self.last_ends_at < (now or timezone.now())

    @property
    def effective_cancellation_deadline(self):
        """Until when a seat can be given back through the website: the deadline set on the
        page, else the start of the first meeting."""
        return self.cancellation_deadline or self.first_starts_at

    @property
    def organiser_label(self):
        return self.organiser_name or (str(self.organisatie) if self.organisatie_id else "")

    @property
    def has_afterwards(self):
        """Whether there is a summary or materials (no query; see has_materials)."""
        return bool(strip_tags(self.summary or "").strip() or self.materials)

    @cached_property
    def has_materials(self):
        """Whether the page has anything for participants afterwards: a summary, materials, a
        webinar's recording or slides, or results in the kennisbank (live pages)."""
        return self.has_afterwards or self.kennis_links.filter(kennis_page__live=True).exists()

    def meetings(self):
        """The meetings in date order, each with its host municipality (one query for all) and
        its ``place`` (see place_of)."""
        items = [m for m in self.bijeenkomsten.all() if m.starts_at]
        items.sort(key=lambda m: m.starts_at)
        host_ids = {m.host_gemeente_id for m in items if m.host_gemeente_id}
        hosts = Gemeente.objects.in_bulk(host_ids) if host_ids else {}
        for meeting in items:
            if meeting.host_gemeente_id:
                meeting.host_gemeente = hosts.get(meeting.host_gemeente_id)
            meeting.place = self.place_of(meeting)
        return items

    def place_of(self, meeting):
        """Where ``meeting`` (or, for None, the activity) takes place: the meeting's location,
        else the venue of the page (a study day's); nowhere when the activity is online only.
        A meeting can be attended online when the activity is online or hybrid, or the meeting
        is marked online. The API, the calendar files, the Event JSON-LD and the e-mails all
        say where a meeting is from this, and so do the activity page and the sign-up's page
        (``meeting.place``, set by ``meetings()``)."""
        name = address = ""
        if self.mode != Mode.ONLINE:
            if meeting is not None and (meeting.location_name or meeting.address_line):
                name, address = meeting.location_name, meeting.address
            else:
                name = getattr(self, "venue_name", "")
                address = getattr(self, "venue_address", "")
        online = self.mode in (Mode.ONLINE, Mode.HYBRIDE) or bool(meeting and meeting.online)
        place = Place(name=name, address=address, online=online, physical=False)
        physical = self.mode != Mode.ONLINE and (
            bool(place.line) or self.mode in (Mode.FYSIEK, Mode.HYBRIDE)
        )
        return Place(name=name, address=address, online=online, physical=physical)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_views().activity_context(request, self))
        return context

    # Routes (the page itself is the default route) -------------------------------------------

    @path("ics/", name="ics")
    def ics(self, request, *args, **kwargs):
        return _views().activity_calendar(request, self)

    @path(format_lazy("{}/", SIGN_UP), name="signup")
    @path("aanmelden/", name="signup_nl")
    def signup(self, request, *args, **kwargs):
        return _views().signup(request, self)

    @path(format_lazy("{}/{}/", SIGN_UP, SENT), name="signup_sent")
    def signup_sent(self, request, *args, **kwargs):
        return _views().signup_sent(request, self)

    @path("aanmelden/verstuurd/", name="signup_sent_nl")
    def signup_sent_nl(self, request, *args, **kwargs):
        """The Dutch path on a page in another language: on to the page's own."""
        return _views().to_route(request, self, "signup_sent")

    def route_path(self, name):
        """The path of the route ``name`` below the page's URL, in the page's language."""
        with translation.override(self.locale.language_code):
            return self.reverse_subpage(name)


class ActivityKennisLink(Orderable):
    """A kennisbank page that came out of (or belongs with) an activity."""

    page = ParentalKey(
        "leerkringen.ActivityPage", on_delete=models.CASCADE, related_name="kennis_links"
    )
    kennis_page = models.ForeignKey(
        "kennisbank.KennisPage",
        verbose_name=_("kennisbankpagina"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(_("toelichting"), max_length=250, blank=True)

    panels = [PageChooserPanel("kennis_page"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("kennisbankpagina")
        verbose_name_plural = _("kennisbankpagina's")


class Bijeenkomst(Orderable):
    """One meeting of a learning circle, or the single occasion of a webinar or study day.

    Times are stored in UTC and shown in Europe/Amsterdam (TIME_ZONE).
    """

    page = ParentalKey(
        "leerkringen.ActivityPage", on_delete=models.CASCADE, related_name="bijeenkomsten"
    )
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    topic = models.CharField(_("onderwerp"), max_length=200, blank=True)
    host_gemeente = models.ForeignKey(
        "gezondin.Gemeente",
        verbose_name=_("gastgemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_bijeenkomsten",
    )
    online = models.BooleanField(_("online"), default=False)
    location_name = models.CharField(
        _("locatie"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld ‘Stadskantoor, zaal 3’; leeg bij alleen online."),
    )
    address = models.TextField(_("adres"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("topic"),
        FieldPanel("host_gemeente"),
        FieldPanel("online"),
        FieldRowPanel([FieldPanel("location_name"), FieldPanel("address")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")

    def __str__(self):
        when = (
            timezone.localtime(self.starts_at).strftime("%Y-%m-%d %H:%M") if self.starts_at else ""
        )
        return f"{self.topic or _('Bijeenkomst')} ({when})"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Een bijeenkomst eindigt na het begin.")})

    @property
    def is_physical(self):
        return bool(self.location_name or self.address)

    @property
    def address_line(self):
        """The address on one line ("Stationsplein 1, 3511 ED Utrecht")."""
        return one_line(self.address)


# The three page types -------------------------------------------------------------------------


class LeerkringPage(ActivityPage):
    """A learning circle: a cohort of professionals meeting several times, often hosted in turn by
    the participating municipalities, with intervision on cases the participants bring."""

    what_to_bring = RichTextField(
        _("wat deelnemers inbrengen"),
        blank=True,
        features=SECTION_FEATURES,
        help_text=_("Bijvoorbeeld een casus uit de eigen gemeente voor intervisie."),
    )
    body = StreamField(
        blocks.StreamBlock(
            [
                ("paragraph", blocks.RichTextBlock(label=_("Tekst"), features=SECTION_FEATURES)),
            ]
        ),
        verbose_name=_("meer over de leerkring"),
        blank=True,
    )
    facilitator_names = models.TextField(
        _("begeleiding"),
        blank=True,
        help_text=_("Zoals bezoekers het lezen: namen en organisaties van de begeleiders."),
    )
    facilitators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("begeleiders met toegang tot de aanmeldingen"),
        blank=True,
        related_name="facilitated_leerkringen",
        help_text=_("Deze gebruikers zien in het beheer de aanmeldingen van deze leerkring."),
    )

    activity_type = ActivityType.LEERKRING

    search_fields = [*ActivityPage.search_fields, DutchSearchField("what_to_bring")]
    api_fields = [
        *ActivityPage.api_fields,
        api.rich_text("what_to_bring"),
        api.stream("body"),
        "facilitator_names",
    ]
    content_panels = [
        *Page.content_panels,
        *ActivityPage.about_panels(),
        FieldPanel("what_to_bring"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("facilitator_names"), FieldPanel("facilitators")],
            heading=_("Begeleiding"),
        ),
        InlinePanel("bijeenkomsten", heading=_("Bijeenkomsten"), label=_("Bijeenkomst"), min_num=1),
        ActivityPage.signup_panel(),
        MultiFieldPanel(ActivityPage.afterwards_panels(), heading=_("Na afloop")),
    ]

    template = "leerkringen/leerkring_page.html"

    class Meta:
        verbose_name = _("leerkring")
        verbose_name_plural = _("leerkringen")


class WebinarPage(ActivityPage):
    """An online session. The join link is e-mailed to confirmed participants only: it is never
    rendered on the public page, in the API or in search."""

    speakers = models.TextField(_("sprekers"), blank=True)
    join_url = WebAddressField(
        _("link om deel te nemen"),
        max_length=500,
        blank=True,
        help_text=_(
            "Alleen voor geplaatste deelnemers: staat in hun bevestiging en herinnering, "
            "nooit op de website."
        ),
    )
    recording_url = WebAddressField(
        _("opname"),
        blank=True,
        help_text=_("Na afloop: een YouTube- of Vimeo-link naar de opname."),
    )
    slides = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("presentatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    activity_type = ActivityType.WEBINAR

    search_fields = [*ActivityPage.search_fields, DutchSearchField("speakers")]
    # Never the join_url: it goes to confirmed participants only.
    api_fields = [
        *ActivityPage.api_fields,
        "speakers",
        "recording_url",
        api.APIField("slides", serializer=api.DocumentLink()),
    ]
    content_panels = [
        *Page.content_panels,
        *ActivityPage.about_panels(with_mode=False),
        FieldPanel("speakers"),
        InlinePanel(
            "bijeenkomsten",
            heading=_("Datum en tijd"),
            label=_("Uitzending"),
            min_num=1,
            max_num=1,
        ),
        FieldPanel("join_url"),
        ActivityPage.signup_panel(),
        MultiFieldPanel(
            [
                FieldPanel("recording_url"),
                FieldPanel("slides"),
                *ActivityPage.afterwards_panels(),
            ],
            heading=_("Na afloop"),
        ),
    ]
    # The join link is the same in every language and never goes through translation.
    override_translatable_fields = [SynchronizedField("join_url")]

    template = "leerkringen/webinar_page.html"

    class Meta:
        verbose_name = _("webinar")
        verbose_name_plural = _("webinars")

    def save(self, *args, **kwargs):
        self.mode = Mode.ONLINE  # a webinar is online by definition
        super().save(*args, **kwargs)

    def recording_html(self):
        """The embed HTML of the recording, or "" when there is none or it cannot be fetched."""
        if not self.recording_url:
            return ""
        from wagtail.embeds.embeds import get_embed
        from wagtail.embeds.exceptions import EmbedException

        try:
            return get_embed(self.recording_url).html or ""
        except EmbedException:
            return ""

    @property
    def has_afterwards(self):
        return bool(super().has_afterwards or self.recording_url or self.slides_id)


class StudiedagPage(ActivityPage):
    """A one-off study day at a venue, with a programme of time slots."""

    venue_name = models.CharField(_("locatie"), max_length=200, blank=True)
    venue_address = models.TextField(_("adres"), blank=True)
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programma"), blank=True)

    activity_type = ActivityType.STUDIEDAG

    search_fields = [*ActivityPage.search_fields, DutchSearchField("programme")]
    api_fields = [*ActivityPage.api_fields, "venue_name", "venue_address", api.stream("programme")]
    content_panels = [
        *Page.content_panels,
        *ActivityPage.about_panels(),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address")], heading=_("Locatie")
        ),
        InlinePanel(
            "bijeenkomsten", heading=_("Datum en tijd"), label=_("Dag"), min_num=1, max_num=1
        ),
        FieldPanel("programme"),
        ActivityPage.signup_panel(),
        MultiFieldPanel(ActivityPage.afterwards_panels(), heading=_("Na afloop")),
    ]

    template = "leerkringen/studiedag_page.html"

    class Meta:
        verbose_name = _("studiedag")
        verbose_name_plural = _("studiedagen")

    @property
    def venue_address_line(self):
        return one_line(self.venue_address)


# Sign-ups -----------------------------------------------------------------------------------


class AanmeldingStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op bevestiging")
    CONFIRMED = "confirmed", _("Geplaatst")
    WAITLISTED = "waitlisted", _("Op de wachtlijst")
    OFFERED = "offered", _("Plek aangeboden")
    CANCELLED = "cancelled", _("Afgemeld")
    EXPIRED = "expired", _("Verlopen")


ACTIVE_STATUSES = [
    AanmeldingStatus.PENDING,
    AanmeldingStatus.CONFIRMED,
    AanmeldingStatus.WAITLISTED,
    AanmeldingStatus.OFFERED,
]
# Statuses that hold a seat: an offer reserves the seat until it is accepted or expires.
SEAT_STATUSES = [AanmeldingStatus.CONFIRMED, AanmeldingStatus.OFFERED]


def new_secret():
    return secrets.token_hex(10)


class AanmeldingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def holding_seat(self):
        return self.filter(status__in=SEAT_STATUSES)

    def waitlist(self):
        """Waiting sign-ups in the order they confirmed their e-mail address."""
        return self.filter(status=AanmeldingStatus.WAITLISTED).order_by("confirmed_at", "pk")

    def not_anonymised(self):
        return self.filter(anonymised_at__isnull=True)


class Aanmelding(models.Model):
    """A person's sign-up for an activity.

    Personal data (name, e-mail, organisation, role, municipality) is what the form asks and no
    more; it is anonymised a while after the activity (part of the retention rules) and never
    appears in URLs or logs. Links in e-mails carry a signed token over the id and ``secret``
    (see leerkringen.services.make_token); renewing the secret invalidates every old link.

    ``confirmed_at`` is when the person confirmed their e-mail address (the double opt-in); it
    orders the waiting list. ``seated_at`` is when they got a seat. ``materials_sent_at`` is
    when the "afterwards, the materials" e-mail was queued (leerkringen.jobs), so it goes once.
    ``confirm_sent_at`` is when the latest confirmation link went out: a pending sign-up is
    deleted once that link has expired (leerkringen.retention), not counted from ``created_at``.
    ``evaluation_sent_at`` is when the evaluation e-mail was queued (leerkringen.evaluations), so
    it goes once; ``evaluation_answered`` says the evaluation link was used (one answer per link;
    the answer itself, an Evaluatie, is not linked to the sign-up).
    """

    Status = AanmeldingStatus

    activity = models.ForeignKey(
        ActivityPage,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="aanmeldingen",
    )
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    gemeente = models.ForeignKey(
        "gezondin.Gemeente",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(_("functie"), max_length=200, blank=True)
    language = models.CharField(
        _("taal"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AanmeldingStatus.choices,
        default=AanmeldingStatus.PENDING,
        db_index=True,
    )

    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    consent_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("e-mailadres bevestigd op"), null=True, blank=True)
    seated_at = models.DateTimeField(_("geplaatst op"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("aanbod geldig tot"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    materials_sent_at = models.DateTimeField(
        _("materialen verstuurd op"), null=True, blank=True, editable=False
    )
    confirm_sent_at = models.DateTimeField(
        _("laatste bevestigingslink verstuurd op"), null=True, blank=True, editable=False
    )
    evaluation_sent_at = models.DateTimeField(
        _("evaluatie verstuurd op"), null=True, blank=True, editable=False
    )
    evaluation_answered = models.BooleanField(
        _("evaluatie ingevuld"), default=False, editable=False
    )
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handmatig toegevoegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    added_reason = models.TextField(_("reden van handmatig toevoegen"), blank=True, editable=False)

    secret = models.CharField(max_length=40, default=new_secret, editable=False)

    objects = AanmeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "email"],
                condition=Q(status__in=ACTIVE_STATUSES, anonymised_at__isnull=True),
                name="aanmelding_one_active_per_email",
                violation_error_message=_("Met dit e-mailadres is al aangemeld."),
            )
        ]
        indexes = [models.Index(fields=["activity", "status"], name="aanmelding_activity_status")]

    def __str__(self):
        # No personal data: this text can end up in logs and admin messages.
        return _("Aanmelding %(id)s") % {"id": self.pk}

    def save(self, *args, **kwargs):
        self.email = self.normalise_email(self.email)
        super().save(*args, **kwargs)

    @staticmethod
    def normalise_email(email):
        return (email or "").strip().lower()

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES

    @property
    def holds_seat(self):
        return self.status in SEAT_STATUSES


class VerzondenHerinnering(models.Model):
    """A reminder about one meeting that went to one sign-up, so it is sent only once."""

    aanmelding = models.ForeignKey(
        Aanmelding,
        verbose_name=_("aanmelding"),
        on_delete=models.CASCADE,
        related_name="herinneringen",
    )
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="herinneringen",
    )
    sent_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)

    class Meta:
        verbose_name = _("verzonden herinnering")
        verbose_name_plural = _("verzonden herinneringen")
        constraints = [
            models.UniqueConstraint(
                fields=["aanmelding", "bijeenkomst"], name="herinnering_once_per_meeting"
            )
        ]

    def __str__(self):
        return _("Herinnering %(id)s") % {"id": self.pk}


class Aanwezigheid(models.Model):
    """Whether one sign-up was present at one meeting, as the organiser recorded it.

    A meeting whose attendance was recorded has a row for everyone listed when it was saved (present
    or not); a meeting without rows has not been recorded. See leerkringen.services
    (``record_attendance``, ``attendance_rates``).
    """

    aanmelding = models.ForeignKey(
        Aanmelding,
        verbose_name=_("aanmelding"),
        on_delete=models.CASCADE,
        related_name="aanwezigheden",
    )
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="aanwezigheden",
    )
    present = models.BooleanField(_("aanwezig"), default=False)
    recorded_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [
            models.UniqueConstraint(
                fields=["aanmelding", "bijeenkomst"], name="aanwezigheid_once_per_meeting"
            )
        ]

    def __str__(self):
        return _("Aanwezigheid %(id)s") % {"id": self.pk}


class BerichtAudience(models.TextChoices):
    """Who an organiser's message goes to (leerkringen.services.message_recipients)."""

    ALL = "all", _("Alle deelnemers (geplaatst, plek aangeboden en wachtlijst)")
    CONFIRMED = "confirmed", _("Geplaatst")
    WAITLIST = "waitlist", _("Wachtlijst")
    PRESENT = "present", _("Aanwezig geweest")


class Bericht(models.Model):
    """A message an organiser sent to the participants of an activity from the admin: kept on the
    activity with its audience, how many it went to, who sent it and when. Each recipient got
    their own e-mail (leerkringen.tasks.send_bericht_mail); who they were is not kept here."""

    Audience = BerichtAudience

    activity = models.ForeignKey(
        ActivityPage,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="berichten",
    )
    audience = models.CharField(_("aan"), max_length=12, choices=BerichtAudience.choices)
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Bij ‘aanwezig geweest’: bij deze bijeenkomst; leeg: bij een bijeenkomst."),
    )
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("bericht"))
    recipient_count = models.PositiveIntegerField(_("aantal ontvangers"), default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verstuurd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)

    class Meta:
        verbose_name = _("bericht aan deelnemers")
        verbose_name_plural = _("berichten aan deelnemers")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.subject


# Evaluation and reach -----------------------------------------------------------------------------


class Evaluatie(models.Model):
    """One participant's answer to the evaluation of an activity: a score from 1 to 5 and an
    optional comment. Anonymous: nothing links it to the sign-up or the person (the day it was
    answered only, no time). See leerkringen.evaluations."""

    SCORES = range(1, 6)

    activity = models.ForeignKey(
        ActivityPage,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="evaluaties",
    )
    score = models.PositiveSmallIntegerField(
        _("waardering"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("opmerking"), blank=True)
    answered_on = models.DateField(_("ingevuld op"), default=timezone.localdate)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["-answered_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="evaluatie_score_1_to_5"
            )
        ]

    def __str__(self):
        return _("Evaluatie %(id)s") % {"id": self.pk}


class Bereik(models.Model):
    """What the reach report needs of one participant of an activity, kept when the sign-up is
    anonymised (leerkringen.retention): the municipality, the organisation as a one-way key (its
    normalised name hashed: organisations can be counted, not read) and whether the participant
    was present at a meeting. Nothing links it to the sign-up. See leerkringen.reach."""

    activity = models.ForeignKey(
        ActivityPage,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="bereik",
    )
    gemeente = models.ForeignKey(
        "gezondin.Gemeente",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_key = models.CharField(_("organisatie (sleutel)"), max_length=64, blank=True)
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)

    class Meta:
        verbose_name = _("bereik")
        verbose_name_plural = _("bereik")

    def __str__(self):
        return _("Bereik %(id)s") % {"id": self.pk}
