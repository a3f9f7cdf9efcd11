from django.apps import AppConfig
from django.core import checks as django_checks
from django.utils.translation import gettext_lazy as _

from gezondin import checks


class GezondInConfig(AppConfig):
    name = "gezondin"
    label = "gezondin"
    verbose_name = _("GezondIn")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # What a host site must set up (docs/installing.md): gezondin.E0xx / W0xx.
        for check in checks.CHECKS:
            django_checks.register(check)
        # Imported here, not at the top: gezondin.terms imports the models, which Django loads
        # only after every AppConfig (this module is imported while INSTALLED_APPS is read).
        # alerts registers its periodic step (gezondin.jobs).
        from gezondin import alerts, cache_writes, page_indexing, synonyms, terms  # noqa: F401

        terms.connect_signals()
        page_indexing.connect_signals()
        cache_writes.connect_signals()
        synonyms.connect_signals()
