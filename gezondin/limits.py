"""Limits on public forms and on the mails they can trigger: the mechanism the feature apps'
forms share (leerkringen's sign-up, kennisbank's "share a practice").

A :class:`Budget` names what is counted, the setting that sizes it, its default and the message a
visitor gets when it is spent. Budgets are counted in fixed windows of one clock hour (10:00–11:00,
11:00–12:00, ...): a try never extends a block, and the person can be told exactly when it lifts
(the end of the window). Counters live in the cache under a keyed hash of what they count, so no
e-mail address or IP address is stored.

Count only valid submissions: form errors and a honeypot should cost nothing.
"""

import datetime
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import formats, timezone
from django.utils.crypto import salted_hmac

WINDOW_SECONDS = 3600


def _clock():
    return time.time()


@dataclass(frozen=True)
class Budget:
    """``name``: a namespace for the counters (e.g. ``"kennisbank.shares.address"``);
    ``setting``: the Django setting with the number of uses per window; ``default`` when it is
    not set; ``message``: what a visitor reads when it is spent, with ``%(time)s``."""

    name: str
    setting: str
    default: int
    message: str = ""

    def size(self):
        return getattr(settings, self.setting, self.default)


class Limited(Exception):  # noqa: N818 - a condition, not an error
    """``budget`` is spent until ``until`` (a Unix time: the end of the current window)."""

    def __init__(self, budget, until, now=None):
        super().__init__(budget.name)
        self.budget = budget
        self.until = until
        self.now = _clock() if now is None else now

    @property
    def retry_after(self):
        """Whole seconds until the window ends (for the Retry-After header)."""
        return max(1, int(self.until - self.now + 0.999))

    @property
    def message(self):
        moment = timezone.localtime(datetime.datetime.fromtimestamp(self.until, tz=datetime.UTC))
        return str(self.budget.message) % {"time": formats.time_format(moment, "H:i")}


def _key(budget, value, window):
    digest = salted_hmac(f"gezondin.limits.{budget.name}", str(value)).hexdigest()
    return f"gezondin:limit:{budget.name}:{window}:{digest}"


def spend(*uses, now=None):
    """Count one use of each ``(budget, value)`` in the current window, e.g.
    ``spend((ADDRESS, email), (CLIENT, ip))``. Raises Limited, counting nothing, when any of
    them has no budget left."""
    now = _clock() if now is None else now
    window = int(now // WINDOW_SECONDS)
    until = (window + 1) * WINDOW_SECONDS
    keys = [(budget, _key(budget, value, window)) for budget, value in uses]
    used = cache.get_many([key for _budget, key in keys])
    for budget, key in keys:
        if used.get(key, 0) >= budget.size():
            raise Limited(budget, until, now)
    # Kept a little beyond the window's end; the window number in the key ends it anyway.
    timeout = int(until - now) + 60
    for _budget, key in keys:
        if not cache.add(key, 1, timeout):
            try:
                cache.incr(key)
            except ValueError:  # expired meanwhile
                cache.set(key, 1, timeout)
            else:
                # Some cache backends store an incremented value with their default timeout.
                cache.touch(key, timeout)


def allow(budget, value, now=None):
    """Spend one use of a single budget; whether there was one."""
    try:
        spend((budget, value), now=now)
    except Limited:
        return False
    return True
