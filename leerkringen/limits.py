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

The client address is the one the whole site uses (``gezondin.clients.client_ip``: trusting
``X-Forwarded-For`` only as far as ``GEZONDIN_TRUSTED_PROXY_COUNT`` reverse proxies).
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
