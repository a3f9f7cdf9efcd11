"""Limits on the public sign-up form and on the mails it can trigger (docs/leerkringen.md §2).

Budgets are counted in fixed windows of one clock hour (10:00–11:00, 11:00–12:00, ...): a try
never extends a block, and the person can be told exactly when it lifts (the end of the window).
Counters live in the cache under a keyed hash of what they count, so no e-mail address or IP
address is stored.

- ``LEERKRINGEN_SIGNUPS_PER_ADDRESS`` (default 10): valid sign-ups per e-mail address per hour,
  over all activities;
- ``LEERKRINGEN_SIGNUPS_PER_CLIENT`` (default 60): valid sign-ups per client address per hour, so
  a municipal office behind one gateway can sign up a whole team;
- ``LEERKRINGEN_REPEAT_MAILS_PER_ADDRESS`` (default 3): mails per address per hour in answer to a
  sign-up with an address that was already signed up (leerkringen.services.request_signup).

Only valid submissions are counted: form errors and the honeypot cost nothing.

The client address is ``REMOTE_ADDR``, unless ``GEZONDIN_TRUSTED_PROXY_COUNT`` says how many
reverse proxies of your own stand in front of the site; then it is the address the outermost of
them saw, read from ``X-Forwarded-For`` by django-ipware. Entries a client put in that header
itself are never used, and with the default 0 the header is ignored altogether.
"""

import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import formats, timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

WINDOW_SECONDS = 3600

ADDRESS = "address"
CLIENT = "client"
REPEAT_MAIL = "repeat-mail"

DEFAULTS = {
    ADDRESS: ("LEERKRINGEN_SIGNUPS_PER_ADDRESS", 10),
    CLIENT: ("LEERKRINGEN_SIGNUPS_PER_CLIENT", 60),
    REPEAT_MAIL: ("LEERKRINGEN_REPEAT_MAILS_PER_ADDRESS", 3),
}

MESSAGES = {
    ADDRESS: _(
        "Met dit e-mailadres zijn dit uur al veel aanmeldingen verstuurd. U kunt het na "
        "%(time)s opnieuw proberen; wat u invulde, staat er nog."
    ),
    CLIENT: _(
        "Vanaf uw netwerk zijn dit uur al veel aanmeldingen verstuurd. U kunt het na %(time)s "
        "opnieuw proberen; wat u invulde, staat er nog."
    ),
}


def _clock():
    return time.time()


def budget(kind):
    name, default = DEFAULTS[kind]
    return getattr(settings, name, default)


class Limited(Exception):  # noqa: N818 - a condition, not an error
    """A budget is spent until ``until`` (a Unix time: the end of the current window)."""

    def __init__(self, kind, until):
        super().__init__(kind)
        self.kind = kind
        self.until = until

    @property
    def retry_after(self):
        """Whole seconds until the window ends (for the Retry-After header)."""
        return max(1, int(self.until - _clock() + 0.999))

    @property
    def message(self):
        moment = timezone.localtime(datetime.datetime.fromtimestamp(self.until, tz=datetime.UTC))
        return str(MESSAGES.get(self.kind, MESSAGES[CLIENT])) % {
            "time": formats.time_format(moment, "H:i")
        }


def _key(kind, value, window):
    digest = salted_hmac(f"leerkringen.limits.{kind}", str(value)).hexdigest()
    return f"leerkringen:limit:{kind}:{window}:{digest}"


def spend(*uses, now=None):
    """Count one use of each ``(kind, value)`` in the current window, e.g.
    ``spend((ADDRESS, email), (CLIENT, ip))``. Raises Limited, counting nothing, when any of
    them has no budget left."""
    now = _clock() if now is None else now
    window = int(now // WINDOW_SECONDS)
    until = (window + 1) * WINDOW_SECONDS
    keys = [(kind, _key(kind, value, window)) for kind, value in uses]
    used = cache.get_many([key for _kind, key in keys])
    for kind, key in keys:
        if used.get(key, 0) >= budget(kind):
            raise Limited(kind, until)
    # Kept a little beyond the window's end; the window number in the key ends it anyway.
    timeout = int(until - now) + 60
    for _kind, key in keys:
        if not cache.add(key, 1, timeout):
            try:
                cache.incr(key)
            except ValueError:  # expired meanwhile
                cache.set(key, 1, timeout)
            else:
                # Some cache backends store an incremented value with their default timeout.
                cache.touch(key, timeout)


def allow(kind, value, now=None):
    """Spend one use of a single budget; whether there was one."""
    try:
        spend((kind, value), now=now)
    except Limited:
        return False
    return True


def client_ip(request):
    """The client's address: REMOTE_ADDR, or behind ``GEZONDIN_TRUSTED_PROXY_COUNT`` proxies of
    your own the address the outermost of them put into X-Forwarded-For."""
    proxies = getattr(settings, "GEZONDIN_TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        from ipware import get_client_ip

        # Each proxy appends the address it was contacted from, so the client is the
        # ``proxies``-th entry from the right; ipware counts the proxies listed before the
        # last entry, hence ``proxies - 1``. Entries further left came from the client.
        ip, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if ip:
            return ip
    return request.META.get("REMOTE_ADDR", "")
