"""Where the harvester may connect, and for how long (used by ``client``).

A harvest source is an address someone typed into the admin, and the practices it serves name
further addresses (images). Both make this server fetch URLs, so:

- **only public addresses**: the host name is resolved here, *every* address it resolves to must
  be a public (globally routable) one, and the connection goes to an address that was checked,
  so a name that resolves differently a moment later (DNS rebinding) can't slip through.
  Loopback, private, link-local, carrier-grade NAT, unspecified, multicast and reserved addresses
  are refused, unless the origin (scheme, host and port) is listed in the setting
  ``GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS`` (a test peer on 127.0.0.1, an installation on
  the internal network);
- **one deadline per request**: a watchdog closes the connection when a request (connecting,
  retries, headers and body) has taken longer than its total time, however slowly the peer
  trickles bytes; each socket read also has its own read timeout.

No proxy from the environment is used (``HTTP_PROXY`` etc.): a proxy would connect on our behalf
to addresses this module never sees.
"""

import contextvars
import ipaddress
import socket
import threading
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection as urllib3_connection

DEFAULT_PORTS = {"http": 80, "https": 443}
SETTING = "GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS"


class RefusedTarget(Exception):
    """The harvester won't connect there (a non-public address). Not retried."""


class DeadlinePassed(Exception):
    """The request's total time is up. Not retried."""


def origin_of(url):
    """``(scheme, host, port)`` of an http(s) URL, with the default port filled in; ValueError
    for anything else."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"{url!r} is not an http(s) URL")
    return scheme, parts.hostname.lower().rstrip("."), parts.port or DEFAULT_PORTS[scheme]


def format_origin(origin):
    scheme, host, port = origin
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}" + ("" if port == DEFAULT_PORTS[scheme] else f":{port}")


def allowed_private_origins():
    """The origins from the setting, as ``(scheme, host, port)``; a bad entry is an error."""
    origins = set()
    for entry in getattr(settings, SETTING, ()) or ():
        try:
            origins.add(origin_of(entry))
        except ValueError:
            raise ImproperlyConfigured(
                f"{SETTING}: {entry!r} is not an origin such as http://127.0.0.1:8001"
            ) from None
    return frozenset(origins)


def why_not_public(address):
    """None for a public address, else what kind of address it is ("loopback", ...)."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, test in (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
    ):
        if test:
            return kind
    if not ip.is_global:
        return "non-public"
    return None


class Deadline:
    """The end of one request's time: shuts the sockets it used down when the time is up."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._sockets = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def passed(self):
        return self.expired or time.monotonic() >= self.ends

    def check(self):
        if self.passed():
            raise DeadlinePassed(f"answer took longer than {self.seconds:g} s")

    def watch(self, sock):
        """Shut ``sock`` down at the deadline. The socket object itself is kept: the connection
        may hand it to the response and forget it (``Connection: close``)."""
        with self._lock:
            if not self.expired:
                self._sockets.append(sock)
                return
        _shut(sock)

    def cancel(self):
        self._timer.cancel()
        with self._lock:
            self._sockets.clear()

    def _expire(self):
        with self._lock:
            self.expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)


def _shut(sock):
    """Shut a socket down: a read blocked on it returns at once. A socket closed meanwhile (or
    detached into a TLS socket, which is watched itself) is left alone."""
    try:
        # socket.socket's own shutdown, also for an SSLSocket (no TLS state is touched from
        # this thread).
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


class _Request:
    def __init__(self, allowed, deadline):
        self.allowed = allowed
        self.deadline = deadline


_current = contextvars.ContextVar("kennisbank_harvest_request", default=None)


@contextmanager
def guarded(allowed, total_seconds):
    """Requests made inside go only to allowed addresses and end within ``total_seconds``;
    yields the Deadline."""
    deadline = Deadline(total_seconds)
    token = _current.set(_Request(allowed, deadline))
    try:
        yield deadline
    finally:
        _current.reset(token)
        deadline.cancel()


def resolve(host, port):
    """Every address ``host`` resolves to (an address literal is itself)."""
    addresses = []
    for *_rest, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        if sockaddr[0] not in addresses:
            addresses.append(sockaddr[0])
    return addresses


def checked_addresses(scheme, host, port, allowed):
    """The addresses to connect to for ``host``: all of them public, or the origin allowed.
    RefusedTarget names the first address that isn't public."""
    addresses = resolve(host, port)
    origin = (scheme, host.lower().strip("[]").rstrip("."), port)
    if origin not in allowed:
        for address in addresses:
            kind = why_not_public(address)
            if kind is not None:
                article = "an" if kind[0] in "aeiou" else "a"
                raise RefusedTarget(
                    f"{format_origin(origin)} is at {article} {kind} address ({address}): "
                    f"not fetched (allow the origin in {SETTING} if it is meant)"
                )
    return addresses


class _GuardedConnection:
    """Connects only to checked addresses, under the current request's deadline."""

    scheme = "http"

    def _new_conn(self):
        request = _current.get()
        allowed = request.allowed if request else frozenset()
        if request is not None:
            request.deadline.check()
        try:
            addresses = checked_addresses(self.scheme, self._dns_host, self.port, allowed)
        except socket.gaierror as error:
            raise NameResolutionError(self.host, self, error) from error
        error = None
        for address in addresses:
            try:
                sock = urllib3_connection.create_connection(
                    (address, self.port),
                    self.timeout,
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except TimeoutError as timeout:
                error = ConnectTimeoutError(
                    self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})"
                )
                error.__cause__ = timeout
            except OSError as failure:
                error = NewConnectionError(self, f"Failed to establish a new connection: {failure}")
                error.__cause__ = failure
            else:
                if request is not None:
                    request.deadline.watch(sock)  # also while a TLS handshake is under way
                return sock
        raise error

    def connect(self):
        super().connect()
        request = _current.get()
        if request is not None and self.sock is not None:
            request.deadline.watch(self.sock)  # the TLS socket, for HTTPS

    def request(self, *args, **kwargs):
        # A connection kept alive from an earlier request falls under this request's deadline.
        request = _current.get()
        if request is not None and self.sock is not None:
            request.deadline.watch(self.sock)
        return super().request(*args, **kwargs)


class GuardedHTTPConnection(_GuardedConnection, HTTPConnection):
    scheme = "http"


class GuardedHTTPSConnection(_GuardedConnection, HTTPSConnection):
    scheme = "https"


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """requests' adapter with the guarded connections."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
