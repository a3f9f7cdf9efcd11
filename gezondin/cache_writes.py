"""Cache writes that can wait until the response has gone out.

A kennisbank page nobody asked for renders up to twenty result cards and works out its counts,
and keeps each in the cache for the next visitor: one round trip to the cache per card and per
aggregate, while the visitor waits. Within a request, :func:`set_after_response` collects them
instead, and when the request finishes (Django's ``request_finished``, sent when the WSGI server
closes the response, after it has sent it) they are written with one ``set_many`` per timeout.
Outside a request (a task, a management command, a test calling a function directly) it writes
at once. A value written later is looked up by nobody in between but the request that made it,
which has it at hand; another request for the same page in that moment renders it again.
"""

import threading

from django.core.cache import cache
from django.core.signals import request_finished, request_started

_local = threading.local()


def set_after_response(key, value, timeout):
    """``cache.set(key, value, timeout)``, at the end of the current request if there is one
    (the last value given for a key wins)."""
    pending = getattr(_local, "pending", None)
    if pending is None:
        cache.set(key, value, timeout)
    else:
        pending.setdefault(timeout, {})[key] = value


def start_collecting(**kwargs):
    """Signal receiver (request_started)."""
    _local.pending = {}


def write_collected(**kwargs):
    """Signal receiver (request_finished): write what the request collected."""
    pending = getattr(_local, "pending", None)
    _local.pending = None
    for timeout, values in (pending or {}).items():
        cache.set_many(values, timeout)


def connect_signals():
    request_started.connect(start_collecting, dispatch_uid="gezondin-cache-writes-start")
    request_finished.connect(write_collected, dispatch_uid="gezondin-cache-writes-end")
