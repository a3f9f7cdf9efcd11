"""E-mail alerts on a selection (docs/architecture.md, gezondin.alerts): "send me the new
practices on Armoede en schulden in Limburg, weekly".

Only the e-mail address is stored, with what the alert is about (a kind registered by a
feature app and the normalised query string of its selection), the language and frequency of
the digest and three moments. ``secret`` is a random value that signed links carry (nothing
personal); an alert never confirmed is deleted after the retention period.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_SELECTION_LENGTH = 1000


def new_secret():
    return secrets.token_hex(8)


class Frequency(models.TextChoices):
    DAILY = "dagelijks", _("Dagelijks")
    WEEKLY = "wekelijks", _("Wekelijks")


class AttenderingQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def of_address(self, email):
        return self.filter(email=email)


class Attendering(models.Model):
    email = models.EmailField(_("e-mailadres"), max_length=254)
    kind = models.CharField(_("soort"), max_length=40)
    selection = models.CharField(
        _("selectie"), max_length=MAX_SELECTION_LENGTH, blank=True, default=""
    )
    language = models.CharField(_("taal"), max_length=10)
    frequency = models.CharField(
        _("frequentie"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bevestigd"), null=True, blank=True)
    # The end of the period the last digest covered (the confirmation, before the first one).
    last_sent_at = models.DateTimeField(_("laatst verstuurd"), null=True, blank=True)

    objects = AttenderingQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendering")
        verbose_name_plural = _("attenderingen")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "kind", "selection"], name="gezondin_attendering_unique"
            )
        ]
        indexes = [models.Index(fields=["confirmed_at", "last_sent_at"])]

    def __str__(self):
        return f"{self.kind} #{self.pk}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None
