from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeerkringenConfig(AppConfig):
    name = "leerkringen"
    verbose_name = _("Leerkringen en activiteiten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from leerkringen import (
            api,  # noqa: F401 - registers the API endpoint (gezondin.api)
            checks,  # noqa: F401 - registers the system checks
            jsonld,  # noqa: F401 - registers the JSON-LD (gezondin.jsonld)
        )
