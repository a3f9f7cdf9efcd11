"""Where shared copies come from and what they copy.

Imported at the end of kennisbank/models.py, so these are models of the kennisbank app.
"""

import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

# Namespace of the local translation keys of shared copies: uuid5(namespace, source + remote key),
# so the translations of one remote practice become translations of one another here.
TRANSLATION_KEY_NAMESPACE = uuid.UUID("6f1c54c2-8d8b-4c43-9a55-2f0f3c8e7a10")

_harvester_writes = ContextVar("kennisbank_harvester_writes", default=False)


@contextmanager
def harvester_writes():
    """Marks publishing and unpublishing done by the harvester, as opposed to an editor's."""
    token = _harvester_writes.set(True)
    try:
        yield
    finally:
        _harvester_writes.reset(token)


def harvester_is_writing() -> bool:
    return _harvester_writes.get()


def normalise_base_url(url: str) -> str:
    """``https://Example.nl/api/v2/`` → ``https://example.nl``; ValueError when it is not an
    http(s) URL of a site."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an http(s) address of a site")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"{url!r}: give the site's address without query, fragment or login")
    path = parts.path.rstrip("/")
    for suffix in ("/api/v2", "/api"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    netloc = parts.hostname.lower()
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return f"{parts.scheme.lower()}://{netloc}{path}"


def validate_base_url(value):
    try:
        normalise_base_url(value)
    except ValueError:
        raise ValidationError(
            _("Geef het webadres van de site, bijvoorbeeld https://gezond.gemeente.nl.")
        ) from None


class HarvestSource(index.Indexed, models.Model):
    """Another GezondIn installation whose practices this site harvests."""

    class Status(models.TextChoices):
        OK = "ok", _("Gelukt")
        PARTIAL = "partial", _("Gedeeltelijk gelukt")
        FAILED = "failed", _("Mislukt")

    name = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("Zo staat de bron bij gedeelde praktijkvoorbeelden: ‘Gedeeld vanuit …’."),
    )
    base_url = models.URLField(
        _("webadres"),
        max_length=300,
        unique=True,
        validators=[validate_base_url],
        help_text=_(
            "Het adres van de andere GezondIn-site, bijvoorbeeld https://gezond.tilburg.nl."
        ),
    )
    is_active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_(
            "Alleen actieve bronnen worden volgens schema opgehaald. Uitzetten laat de "
            "gedeelde kopieën staan zoals ze zijn."
        ),
    )
    created = models.DateTimeField(_("toegevoegd"), auto_now_add=True)
    last_harvested_at = models.DateTimeField(_("laatst opgehaald"), null=True, blank=True)
    last_status = models.CharField(
        _("resultaat"), max_length=10, choices=Status.choices, blank=True
    )
    last_report = models.TextField(_("verslag van de laatste keer"), blank=True)
    # The last harvest's counts and errors (Report.summary_data), so its summary is written in
    # the reader's language when shown (report_summary) rather than stored in one language.
    last_summary = models.JSONField(_("samenvatting van de laatste keer"), default=dict, blank=True)
    # Set while a harvest of this source runs, so two runs never work on it at the same time.
    harvest_started_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("base_url"),
        FieldPanel("is_active"),
        FieldPanel("last_harvested_at", read_only=True),
        FieldPanel("last_status", read_only=True),
        FieldPanel("last_report", read_only=True),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("base_url")]

    class Meta:
        verbose_name = _("bron voor gedeelde praktijkvoorbeelden")
        verbose_name_plural = _("bronnen voor gedeelde praktijkvoorbeelden")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.base_url:
            try:
                self.base_url = normalise_base_url(self.base_url)
            except ValueError:
                return  # the field validator reports it
            clash = HarvestSource.objects.filter(base_url=self.base_url).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"base_url": _("Deze bron bestaat al.")})

    def report_summary(self) -> str:
        """The last harvest in a sentence, in the active language: when, and what it did."""
        if self.last_harvested_at is None:
            return _("Nog niet opgehaald.")
        counts = self.last_summary or {}
        return _(
            "%(when)s: %(added)s nieuw, %(updated)s bijgewerkt, %(withdrawn)s ingetrokken, "
            "%(unchanged)s ongewijzigd, %(skipped)s overgeslagen, %(errors)s fouten."
        ) % {
            "when": date_format(timezone.localtime(self.last_harvested_at), "DATETIME_FORMAT"),
            **{
                name: counts.get(name, 0)
                for name in ("added", "updated", "withdrawn", "unchanged", "skipped", "errors")
            },
        }

    def report_errors(self) -> list:
        """The last harvest's errors, as the harvester wrote them (technical detail)."""
        return list((self.last_summary or {}).get("error_messages", []))

    def translation_key_for(self, remote_translation_key) -> uuid.UUID:
        """The local translation key shared by the copies of one remote practice's translations."""
        return uuid.uuid5(TRANSLATION_KEY_NAMESPACE, f"{self.base_url}|{remote_translation_key}")


class SharedCopy(models.Model):
    """Ties a local PraktijkvoorbeeldPage to the remote practice it copies.

    ``page`` becomes empty when an editor deletes the copy: the record stays behind so that the
    next harvest does not bring the practice back (``harvest --forget-removed`` lets it).
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shared_copy",
    )
    source = models.ForeignKey(
        HarvestSource,
        verbose_name=_("bron"),
        on_delete=models.PROTECT,
        related_name="copies",
    )
    remote_id = models.PositiveBigIntegerField(_("id bij de bron"))
    remote_locale = models.CharField(_("taal bij de bron"), max_length=20)
    remote_translation_key = models.UUIDField(_("vertaalsleutel bij de bron"))
    original_url = models.URLField(_("origineel"), max_length=500)
    remote_last_published_at = models.DateTimeField(
        _("laatst gepubliceerd bij de bron"), null=True, blank=True
    )
    fingerprint = models.CharField(_("vingerafdruk"), max_length=80)
    harvested_at = models.DateTimeField(_("laatst bijgewerkt"))
    withdrawn = models.BooleanField(
        _("ingetrokken door de bron"),
        default=False,
        help_text=_("De bron biedt dit praktijkvoorbeeld niet meer aan; de kopie is offline."),
    )
    blocked = models.BooleanField(
        _("offline gehaald op deze site"),
        default=False,
        help_text=_(
            "Een redacteur van deze site haalde de kopie offline; het ophalen zet haar niet "
            "terug. Weer publiceren heft dit op."
        ),
    )

    class Meta:
        verbose_name = _("gedeelde kopie")
        verbose_name_plural = _("gedeelde kopieën")
        constraints = [
            models.UniqueConstraint(fields=["source", "remote_id"], name="shared_copy_remote_id")
        ]

    def __str__(self):
        return self.original_url

    def hreflang_alternates(self):
        """(language code, URL of the original) for every live copy of the same remote practice,
        plus ``x-default``; empty when there is only one language."""
        if self.page_id is None:
            return []
        copies = (
            SharedCopy.objects.filter(
                source_id=self.source_id,
                page__translation_key=self.page.translation_key,
                page__live=True,
            )
            .select_related("page__locale")
            .order_by("page__locale__language_code")
        )
        alternates = [(copy.page.locale.language_code, copy.original_url) for copy in copies]
        if len(alternates) < 2:
            return []
        default = next(
            (url for code, url in alternates if code == settings.LANGUAGE_CODE), alternates[0][1]
        )
        return [*alternates, ("x-default", default)]


def shared_copy_of(page):
    """The SharedCopy of a page, or None for a page of this site's own."""
    try:
        return page.shared_copy
    except SharedCopy.DoesNotExist:
        return None
