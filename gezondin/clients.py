"""The client's address, for everything that counts or limits per client (the admin login lock,
the sign-up limits).

``GEZONDIN_TRUSTED_PROXY_COUNT`` says how many reverse proxies of your own stand in front of the
site (docs/configuration.md). With 0, the default, the address is the connection's
(``REMOTE_ADDR``) and ``X-Forwarded-For`` is ignored, so nobody can fake it. With N, each proxy
appended the address it was contacted from, so the client is the N-th entry from the right;
entries further left came from the client itself and are never used. The header is read with
django-ipware.
"""

from django.conf import settings
from ipware import get_client_ip


def trusted_proxy_count():
    return max(0, int(getattr(settings, "GEZONDIN_TRUSTED_PROXY_COUNT", 0) or 0))


def client_ip(request):
    """The client's address (REMOTE_ADDR when the header has fewer entries than proxies)."""
    remote_addr = request.META.get("REMOTE_ADDR") or ""
    proxies = trusted_proxy_count()
    if proxies == 0:
        return remote_addr
    # ipware counts the proxies listed in the header before the client's entry; the last proxy
    # is the connection itself, so N proxies leave N - 1 entries right of the client.
    ip, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    return ip or remote_addr
