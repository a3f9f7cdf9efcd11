"""The Wagtail site of a request without a query on every request.

Wagtail finds the site of each request (``Site.find_for_request``) with a query that ranks every
site by how well it matches the host and port. Its SQL is the same every time but is built anew
each time: about 1.7 ms of Python per request on the development machine, more than a page's
other small queries, and the most frequent query of the site (the read API answers in 2 to 4 ms).

:class:`CachedSiteMiddleware` asks Wagtail's own lookup once per host and port and keeps which
site answered (its own fields, not its root page) in Django's cache, under the generation of
cached lookups (``gezondin.terms.version``), which a site's save or deletion replaces (signals in
``gezondin.terms``): an edited or deleted site is looked up anew by every process at its next
request. It puts the site where Wagtail keeps it for the rest of the request
(``request._wagtail_site``); the root page is read when something asks for it, as Wagtail reads
it (``site.root_page``), so a page's title or address is never taken from the cache.

Optional for a host site: without the middleware Wagtail looks the site up as before.
"""

import hashlib

from django.db import router
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from gezondin import terms

NO_SITE = 0  # cached when no site answers for the host (and there is no default site)


def _columns():
    """What is kept of a site: its own columns (the root page as its id), in the model's order."""
    return tuple(field.attname for field in Site._meta.concrete_fields)


def _key(hostname, port):
    # The host comes from the request: hashed, so any Host header makes a valid, short key.
    digest = hashlib.blake2b(f"{hostname}:{port}".encode(), digest_size=12).hexdigest()
    return f"gezondin:site:{terms.version()}:{digest}"


def find_site(request):
    """The site Wagtail's ``Site.find_for_request`` gives for this request, from the cache."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    key = _key(hostname, port)
    values = terms.cached(key)
    if values is None:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            site = None
        values = NO_SITE if site is None else tuple(getattr(site, f) for f in _columns())
        terms.keep(key, values)
        return site
    if values == NO_SITE:
        return None
    return Site.from_db(router.db_for_read(Site), _columns(), values)


class CachedSiteMiddleware:
    """Finds the request's Wagtail site from the cache (see the module). Place it after
    Django's ``CommonMiddleware`` (which refuses hosts not in ``ALLOWED_HOSTS``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            try:
                request._wagtail_site = find_site(request)
            except Exception:  # noqa: BLE001, S110 - Wagtail's own lookup takes over
                # The cache or the database does not answer. Requests that need no site (the
                # health check, which says what is down) still get their answer; a page looks
                # the site up as Wagtail does, failing (or not) as it would without this.
                pass
        return self.get_response(request)
