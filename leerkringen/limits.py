"""Limits on the public sign-up form and on the mails it can trigger (docs/leerkringen.md §2),
counted by the core's mechanism (gezondin.limits).

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

import time

from django.utils.translation import gettext_lazy as _

from gezondin import limits as core
from gezondin.limits import WINDOW_SECONDS, Limited  # noqa: F401 - this module's public names

ADDRESS = "address"
CLIENT = "client"
REPEAT_MAIL = "repeat-mail"

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

BUDGETS = {
    ADDRESS: core.Budget(
        "leerkringen.address", "LEERKRINGEN_SIGNUPS_PER_ADDRESS", 10, MESSAGES[ADDRESS]
    ),
    CLIENT: core.Budget(
        "leerkringen.client", "LEERKRINGEN_SIGNUPS_PER_CLIENT", 60, MESSAGES[CLIENT]
    ),
    REPEAT_MAIL: core.Budget(
        "leerkringen.repeat-mail", "LEERKRINGEN_REPEAT_MAILS_PER_ADDRESS", 3, MESSAGES[CLIENT]
    ),
}
DEFAULTS = {kind: (budget.setting, budget.default) for kind, budget in BUDGETS.items()}


def _clock():
    return time.time()


def budget(kind):
    return BUDGETS[kind].size()


def spend(*uses, now=None):
    """Count one use of each ``(kind, value)`` in the current window, e.g.
    ``spend((ADDRESS, email), (CLIENT, ip))``. Raises Limited, counting nothing, when any of
    them has no budget left."""
    now = _clock() if now is None else now
    core.spend(*((BUDGETS[kind], value) for kind, value in uses), now=now)


def allow(kind, value, now=None):
    """Spend one use of a single budget; whether there was one."""
    try:
        spend((kind, value), now=now)
    except Limited:
        return False
    return True
