from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from kennisbank import (
            api,  # noqa: F401 - registers the API endpoints (gezondin.api)
            jsonld,  # noqa: F401 - registers the JSON-LD (gezondin.jsonld)
            signals,
        )

        signals.connect()
