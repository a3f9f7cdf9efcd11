from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from gezondin import public_urls


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import the models, which Django loads only
        # after every AppConfig (this module is imported while INSTALLED_APPS is read). api, home,
        # jobs, jsonld and overviews register the kennisbank's endpoints, home page sections,
        # periodic steps, structured data, figures and regional sections with the core;
        # notifications takes the place of Wagtail's moderation e-mail receivers; alerts registers
        # the kennisbank's kind of e-mail alert.
        from kennisbank import (  # noqa: F401
            alerts,
            api,
            home,
            jobs,
            jsonld,
            notifications,
            overviews,
            signals,
            site_search,
        )

        alerts.register()
        signals.connect()
        notifications.connect()
        # "Praktijk delen": the form and its confirmation link (kennisbank/urls.py).
        public_urls.register("kennisbank.urls")
