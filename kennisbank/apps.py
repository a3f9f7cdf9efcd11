from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from kennisbank import signals

        signals.connect()
