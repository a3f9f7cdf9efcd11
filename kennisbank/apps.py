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
        # jobs and jsonld register the kennisbank's endpoints, home page sections, periodic
        # steps and structured data with the core; notifications takes the place of Wagtail's
        # moderation e-mail receivers.
        from kennisbank import (  # noqa: F401
            api,
            home,
            jobs,
            jsonld,
            notifications,
            signals,
            site_search,
        )

        signals.connect()
        notifications.connect()
        # "Praktijk delen": the form and its confirmation link (kennisbank/urls.py).
        public_urls.register("kennisbank.urls")
