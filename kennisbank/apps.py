from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import the models, which Django loads only
        # after every AppConfig (this module is imported while INSTALLED_APPS is read). api and
        # jsonld register the kennisbank's endpoints and structured data with the core.
        from kennisbank import api, jsonld, signals  # noqa: F401 - api, jsonld register

        signals.connect()
