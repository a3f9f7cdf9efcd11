"""The address every link in an e-mail starts with.

No request is at hand when a mail is built (a task or a periodic job builds it), so the address
the site is served at comes from configuration: the public base URL (``WAGTAILADMIN_BASE_URL``)
when set, else the root URL of the page's Wagtail site (or of the default site). ``make run``
sets both to the address it serves. Used by the sign-up e-mails (leerkringen.emails) and the
alerts (gezondin.alerts).
"""

from django.conf import settings
from wagtail.models import Site


def base_url(page=None):
    """Scheme, host and port of every link in e-mails and their calendar files, without a
    trailing slash ("" when nothing is configured and there is no site)."""
    configured = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    if configured:
        return configured
    site = page.get_site() if page is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else ""
