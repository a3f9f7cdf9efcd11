"""``/healthz``: whether this app server can do its work, for the reverse proxy or load balancer.

The answer is 200 when the database answers a trivial query and the cache keeps a short-lived
value (set, then read back); otherwise 503, naming the part that failed. The body is a small JSON
object (``{"status": "ok", "database": "ok", "cache": "ok"}``) and never holds personal data or
the error's text (which may name hosts); the failure is logged by its kind only. The view reads
no session, sets no cookie, needs no CSRF token (GET and HEAD only) and is never cached.

It lives outside the language prefix (``gezondin.urls.shared``). A proxy checks it over plain
HTTP on the app server's own address, so the reference site exempts it from the HTTPS redirect
(``SECURE_REDIRECT_EXEMPT`` in settings/base.py); the ``Host`` the proxy sends must be one of
``ALLOWED_HOSTS`` (docs/deployment.md).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

logger = logging.getLogger(__name__)

OK = "ok"
FAILED = "unreachable"
# How long the probe's value may stay in the cache if the delete after it is lost.
PROBE_SECONDS = 10


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_keeps_values():
    """Set a key of this check's own (several servers check at once) and read it back."""
    key = f"gezondin:healthz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, PROBE_SECONDS)
    kept = cache.get(key) == value
    cache.delete(key)
    return kept


CHECKS = {"database": database_answers, "cache": cache_keeps_values}


def _run(name, check):
    try:
        if check():
            return OK
        logger.warning("Health check: the %s gave a wrong answer", name)
    except Exception as error:  # noqa: BLE001 - any failure makes this server unhealthy
        logger.warning("Health check: the %s failed (%s)", name, type(error).__name__)
    return FAILED


@never_cache
@require_http_methods(["GET", "HEAD"])
def healthz(request):
    """200 when the database and the cache answer, 503 naming the part that does not."""
    parts = {name: _run(name, check) for name, check in CHECKS.items()}
    healthy = all(state == OK for state in parts.values())
    return JsonResponse(
        {"status": OK if healthy else "error", **parts}, status=200 if healthy else 503
    )
