from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: kennisbank.signals imports the models, which Django
        # loads only after every AppConfig (this module is imported while INSTALLED_APPS is read).
        from kennisbank import signals

        signals.connect()
