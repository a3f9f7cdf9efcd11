"""System checks of the reference site's configuration that leerkringen depends on.

The links in sign-up e-mails (confirm, see, cancel, the activity and the URL in the calendar
file) are built without a request, from the public base URL (leerkringen.emails.base_url). A
site that still thinks it lives at localhost sends links nobody can open: ``manage.py check
--deploy`` warns about it (registered in LeerkringenConfig.ready).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning
from django.db import DatabaseError

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver"}  # noqa: S104


def is_local(hostname):
    hostname = (hostname or "").strip("[]").lower()
    return not hostname or hostname in LOCAL_HOSTS or hostname.endswith(".localhost")


def check_public_address(app_configs=None, **kwargs):
    warnings = []
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    if is_local(urlsplit(base).hostname):
        warnings.append(
            Warning(
                f"WAGTAILADMIN_BASE_URL is {base!r}, not the site's public address: the links in "
                "sign-up e-mails would not work.",
                hint="Set WAGTAILADMIN_BASE_URL to the address people use, e.g. "
                "https://gezondin.example.nl (docs/configuration.md).",
                id="leerkringen.W001",
            )
        )
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet: nothing to say about the site
        site = None
    if site is not None and is_local(site.hostname):
        warnings.append(
            Warning(
                f"The default Wagtail site's host name is {site.hostname!r}: links built from it "
                "(without WAGTAILADMIN_BASE_URL) would not work.",
                hint="Set the site's host name and port to the public address under Settings > "
                "Sites in the admin.",
                id="leerkringen.W002",
            )
        )
    return warnings
