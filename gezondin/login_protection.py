"""Protection of the admin login against password guessing, with django-axes (configured in the
reference site's settings/base.py; see docs/publishing.md).

- :func:`client_ip_address` is the client address axes counts failures for. It trusts
  ``X-Forwarded-For`` only as far as the configured number of reverse proxies
  (``GEZONDIN_TRUSTED_PROXY_COUNT``): each proxy appends the address it saw, so the client is the
  n-th entry from the right; everything left of it can be made up by the client. With no proxies
  (the default) the header is ignored and the connection's address is used.
- :func:`lockout_response` is the page a locked-out login gets: the admin's sign-in layout with a
  translated message that says how long the lock lasts and who can lift it.
"""

import math

from django.conf import settings
from django.shortcuts import render


def trusted_proxy_count():
    return max(0, int(getattr(settings, "GEZONDIN_TRUSTED_PROXY_COUNT", 0) or 0))


def client_ip_address(request):
    """The client's address: REMOTE_ADDR, or with n trusted proxies the n-th address from the
    right in X-Forwarded-For (REMOTE_ADDR when the header has fewer entries)."""
    remote_addr = request.META.get("REMOTE_ADDR") or None
    count = trusted_proxy_count()
    if not count:
        return remote_addr
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        return remote_addr
    return forwarded[-count][:45]  # the longest textual IPv6 address


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page, with HTTP status 429 (Too Many Requests)."""
    from axes.helpers import get_cool_off  # axes is the reference site's, not the plugin's

    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    return render(
        request,
        "gezondin/admin/login_locked.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
