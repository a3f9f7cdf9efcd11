from django.apps import AppConfig
from django.core import checks as django_checks
from django.utils.translation import gettext_lazy as _

from gezondin import public_urls
from leerkringen import checks


class LeerkringenConfig(AppConfig):
    name = "leerkringen"
    verbose_name = _("Leerkringen en activiteiten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        django_checks.register(checks.check_public_address, deploy=True)
        # The sign-up pages behind the links in e-mails and the agenda's .ics come with the
        # host's include("gezondin.urls").
        public_urls.register("leerkringen.urls")
        # Imported here, not at the top: they import the models, which Django loads only after
        # every AppConfig. They register the agenda's API endpoint, home page section, JSON-LD,
        # figures, regional section and kind of e-mail alert with the core.
        from leerkringen import alerts, api, home, jsonld, overviews, site_search  # noqa: F401

        alerts.register()
