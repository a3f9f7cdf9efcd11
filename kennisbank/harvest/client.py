"""HTTP to another installation's read API (/api/v2/), defensive about the network and the peer.

Every request has a connect and a read timeout and a total deadline (connecting, retries,
headers and body; ``network.Deadline``); connection errors, 429 and 5xx answers are retried a few
times with exponential backoff (urllib3's Retry, with a capped Retry-After); bodies are streamed
and abandoned beyond a maximum size; JSON answers must say they are JSON and parse. Only public
addresses are fetched, unless their origin is allowed in the settings, and a redirect is followed
only within the same origin (scheme, host and port), a few times at most (``network``). Every
failure becomes a HarvestError with a message fit for the harvest report.
"""

import json
import logging
from dataclasses import dataclass
from urllib.parse import urljoin

import requests
from django.conf import settings
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from kennisbank.harvest.models import normalise_base_url
from kennisbank.harvest.network import (
    DeadlinePassed,
    GuardedAdapter,
    RefusedTarget,
    allowed_private_origins,
    format_origin,
    guarded,
    origin_of,
)

logger = logging.getLogger(__name__)

USER_AGENT = "GezondIn-harvester/1"
RETRY_STATUSES = (429, 500, 502, 503, 504)
CHUNK_SIZE = 64 * 1024
MAX_LISTED = 100_000  # a listing longer than this is a misbehaving peer
MAX_REDIRECTS = 3  # same-origin redirects followed per request
REDIRECT_STATUSES = (301, 302, 303, 307, 308)


class HarvestError(Exception):
    """A request to the source failed; the message says why, for the report.

    ``status`` is the HTTP status when the source answered; ``transient`` says whether trying
    again later may help (network trouble, 429 and 5xx answers)."""

    def __init__(self, message, *, status=None, transient=False):
        super().__init__(message)
        self.status = status
        self.transient = transient


@dataclass(frozen=True)
class ClientSettings:
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    # The longest a request may take, from connecting (retries and redirects included) to the
    # last byte of the answer (a peer that trickles).
    total_timeout: float = 120.0
    retries: int = 3
    backoff: float = 1.0  # urllib3's backoff factor: waits 0, 2, 4 ... times this (seconds)
    backoff_max: float = 30.0
    max_json_bytes: int = 10 * 1024 * 1024
    max_image_bytes: int = 5 * 1024 * 1024
    page_size: int = 100

    @classmethod
    def from_settings(cls, **overrides):
        """Defaults, then ``GEZONDIN_HARVEST`` in the Django settings, then ``overrides``."""
        values = {**getattr(settings, "GEZONDIN_HARVEST", {}), **overrides}
        known = {name: value for name, value in values.items() if name in cls.__dataclass_fields__}
        return cls(**known)


class _Retry(Retry):
    """urllib3's Retry, with a peer's Retry-After never longer than backoff_max."""

    def get_retry_after(self, response):
        value = super().get_retry_after(response)
        return None if value is None else min(value, self.backoff_max)


def _describe(error: requests.RequestException) -> str:
    # After retries, urllib3 wraps the last error in MaxRetryError; requests wraps that.
    reason = getattr(error.args[0], "reason", None) if error.args else None
    if isinstance(error, requests.exceptions.ReadTimeout) or isinstance(reason, ReadTimeoutError):
        return "no answer in time (read timeout)"
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return "connection timed out"
    if isinstance(error, requests.exceptions.RetryError):
        return "the server kept answering with an error"
    if isinstance(error, requests.exceptions.SSLError):
        return "TLS/certificate error"
    if isinstance(error, requests.exceptions.ConnectionError):
        text = str(error)
        if "Connection refused" in text or "Errno 111" in text:
            return "connection refused"
        if "Name or service not known" in text or "nodename nor servname" in text:
            return "unknown host name"
        if "RemoteDisconnected" in text or "Connection aborted" in text:
            return "the server closed the connection"
        return "could not connect"
    return error.__class__.__name__


class Client:
    """Requests to one installation. ``sleep`` is injectable so tests need not wait."""

    def __init__(self, base_url: str, client_settings: ClientSettings | None = None):
        self.base_url = normalise_base_url(base_url)
        self.api_url = f"{self.base_url}/api/v2/"
        self.settings = client_settings or ClientSettings.from_settings()
        # Origins that may be at a loopback or private address (GEZONDIN_HARVEST_ALLOWED_...).
        self.allowed_private = allowed_private_origins()
        retry = _Retry(
            total=self.settings.retries,
            connect=self.settings.retries,
            read=self.settings.retries,
            status=self.settings.retries,
            other=0,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            backoff_factor=self.settings.backoff,
            backoff_max=self.settings.backoff_max,
            raise_on_status=False,
            respect_retry_after_header=True,
        )
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        # No proxies or .netrc from the environment: a proxy would connect to addresses that
        # were never checked.
        self.session.trust_env = False
        adapter = GuardedAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self):
        self.session.close()

    # Low level --------------------------------------------------------------------------------

    def _get(self, url, params=None, *, max_bytes, accept):
        """(response, body bytes) of a GET, at most ``max_bytes``, within the total time.

        Redirects within the URL's origin are followed (at most MAX_REDIRECTS); a redirect to
        another origin is refused, as are non-public addresses (``network``)."""
        total = self.settings.total_timeout
        too_slow = f"answer took longer than {total:g} s"
        with guarded(self.allowed_private, total) as deadline:
            try:
                answer = self._fetch(url, params, max_bytes=max_bytes, accept=accept)
            except RefusedTarget as error:
                logger.warning("harvest: refused to fetch %s: %s", url, error)
                raise HarvestError(str(error)) from error
            except DeadlinePassed as error:
                raise HarvestError(too_slow, transient=True) from error
            except HarvestError as error:
                if deadline.passed():
                    raise HarvestError(too_slow, transient=True) from error
                raise
            if deadline.expired:
                # The watchdog closed the connection: without a length the body just ended.
                raise HarvestError(too_slow, transient=True)
            return answer

    def _fetch(self, url, params, *, max_bytes, accept):
        try:
            origin = origin_of(url)
        except ValueError:
            raise HarvestError(f"not an http(s) address: {url[:200]}") from None
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                response = self.session.get(
                    url,
                    params=params,
                    timeout=timeout,
                    stream=True,
                    allow_redirects=False,
                    headers={"Accept": accept},
                )
            except requests.RequestException as error:
                raise HarvestError(_describe(error), transient=True) from error
            location = response.headers.get("Location")
            if response.status_code not in REDIRECT_STATUSES or not location:
                return self._read(response, max_bytes)
            response.close()
            target = urljoin(response.url, location.strip())
            try:
                target_origin = origin_of(target)
            except ValueError:
                target_origin = None
            if target_origin != origin:
                shown = format_origin(target_origin) if target_origin else target[:200]
                logger.warning(
                    "harvest: %s redirected to another site (%s): not followed", url, shown
                )
                raise HarvestError(
                    f"redirected to another site ({shown}): not followed, only redirects "
                    f"within {format_origin(origin)} are"
                )
            url, params = target, None
        raise HarvestError(f"more than {MAX_REDIRECTS} redirects")

    def _read(self, response, max_bytes):
        """(response, body) read in chunks; the watchdog of ``guarded`` ends a trickle."""
        try:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise HarvestError(
                    f"answer too large ({_size(int(declared))}, limit {_size(max_bytes)})"
                )
            body = bytearray()
            try:
                for chunk in response.iter_content(CHUNK_SIZE):
                    body += chunk
                    if len(body) > max_bytes:
                        raise HarvestError(f"answer too large (over {_size(max_bytes)})")
            except (requests.RequestException, Urllib3Error, OSError) as error:
                raise HarvestError(
                    f"answer broke off: {_describe(error)}", transient=True
                ) from error
            return response, bytes(body)
        finally:
            response.close()

    def get_json(self, path_or_url, params=None):
        """The parsed JSON object at an API path (relative to /api/v2/) or absolute URL."""
        url = urljoin(self.api_url, path_or_url)
        response, body = self._get(
            url, params, max_bytes=self.settings.max_json_bytes, accept="application/json"
        )
        if response.status_code != 200:
            message = _error_message(body)
            raise HarvestError(
                f"HTTP {response.status_code}" + (f": {message}" if message else ""),
                status=response.status_code,
                transient=_transient(response.status_code),
            )
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type != "application/json" and not content_type.endswith("+json"):
            raise HarvestError(f"expected JSON, got {content_type or 'no content type'}")
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as error:
            raise HarvestError(f"invalid JSON ({error})") from error
        if not isinstance(data, dict):
            raise HarvestError("invalid answer: expected a JSON object")
        return data

    # The API ------------------------------------------------------------------------------------

    def listing(self, endpoint, params=None):
        """Yield (items, total_count) for each page of a listing, in order of id.

        Raises HarvestError when a page can't be fetched or is not a listing; what was yielded
        before stays valid.
        """
        offset = 0
        limit = self.settings.page_size
        while True:
            query = {**(params or {}), "order": "id", "limit": limit, "offset": offset}
            data = self.get_json(f"{endpoint}/", query)
            items, total = _listing_parts(data)
            yield items, total
            offset += len(items)
            if not items or offset >= total:
                return
            if offset >= MAX_LISTED:
                raise HarvestError(f"the listing goes on beyond {MAX_LISTED} items")

    def download(self, url, allowed_types, max_bytes=None):
        """(bytes, content type) of a file, e.g. an image; HarvestError if it is not one of
        ``allowed_types`` or larger than ``max_bytes``."""
        max_bytes = max_bytes or self.settings.max_image_bytes
        response, body = self._get(url, max_bytes=max_bytes, accept=", ".join(allowed_types))
        if response.status_code != 200:
            raise HarvestError(
                f"HTTP {response.status_code}",
                status=response.status_code,
                transient=_transient(response.status_code),
            )
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in allowed_types:
            raise HarvestError(f"unexpected content type {content_type or '(none)'}")
        return body, content_type


def _transient(status):
    return status in RETRY_STATUSES or status >= 500


def _listing_parts(data):
    meta = data.get("meta")
    items = data.get("items")
    if not isinstance(meta, dict) or not isinstance(items, list):
        raise HarvestError("not an API listing (no meta and items)")
    total = meta.get("total_count")
    if not isinstance(total, int) or isinstance(total, bool) or total < 0:
        raise HarvestError("not an API listing (meta.total_count is not a number)")
    return items, total


def _error_message(body):
    """The API's own error message ({"message": ...}), shortened, if the body has one."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return ""
    if isinstance(data, dict):
        message = data.get("message") or data.get("detail")
        if isinstance(message, str):
            return message[:200]
    return ""


def _size(number):
    if number >= 1024 * 1024:
        return f"{number / (1024 * 1024):.1f} MB"
    return f"{number / 1024:.0f} kB"
