"""Site-wide settings editors manage in the admin (Settings > GezondIn)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class GezondInSettings(BaseSiteSetting):
    """Contact details and the pages every footer links to.

    Pages are chosen in the default language; templates show the visitor's translation.
    """

    organisation_name = models.CharField(
        _("naam van de organisatie"), max_length=120, default="GezondIn"
    )
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contactpagina"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacyverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("toegankelijkheidsverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Pagina's in de voettekst"),
        ),
    ]

    class Meta:
        verbose_name = _("GezondIn-instellingen")

    @classmethod
    def for_site(cls, site):
        """The saved settings of a site, or unsaved defaults: reading settings (every public
        page's footer) never writes to the database. The admin saves them when edited."""
        if site is None:
            raise cls.DoesNotExist(f"{cls.__name__} does not exist for site None.")
        return cls.base_queryset().filter(site=site).first() or cls(site=site)

    def footer_pages(self):
        """The footer's page links, in the order shown."""
        return [
            page for page in (self.contact_page, self.privacy_page, self.accessibility_page) if page
        ]
