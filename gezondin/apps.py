from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GezondInConfig(AppConfig):
    name = "gezondin"
    label = "gezondin"
    verbose_name = _("GezondIn")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: gezondin.terms imports the models, which Django loads
        # only after every AppConfig (this module is imported while INSTALLED_APPS is read).
        from gezondin import terms

        terms.connect_signals()
