"""The kinds of e-mail a sign-up can get.

The sign-up rules (leerkringen.services) and the periodic jobs (leerkringen.jobs) decide which
mail a sign-up gets and queue it by id and kind (leerkringen.tasks); leerkringen.emails renders
and sends it. This module sits below all of them, so each imports it at module level.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailKind(models.TextChoices):
    CONFIRM_EMAIL = "confirm", _("Bevestig uw aanmelding")
    SEAT_CONFIRMED = "confirmed", _("U bent geplaatst")
    WAITLISTED = "waitlisted", _("U staat op de wachtlijst")
    SEAT_FREED = "promoted", _("Er is een plek vrijgekomen")
    OFFER = "offer", _("Er is een plek voor u")
    OFFER_EXPIRED = "offer_expired", _("Aanbod verlopen")
    CANCELLED = "cancelled", _("U bent afgemeld")
    REMINDER = "reminder", _("Herinnering")
    MATERIALS = "materials", _("Materialen")
    ALREADY_SIGNED_UP = "already", _("U was al aangemeld")
    EVALUATION = "evaluation", _("Evaluatie")
