from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GezondInConfig(AppConfig):
    name = "gezondin"
    label = "gezondin"
    verbose_name = _("GezondIn")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from gezondin import terms

        terms.connect_signals()
