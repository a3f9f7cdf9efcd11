"""Keeping personal data out of the logs.

Django writes the path of every 4xx answer (``django.request``: "Not Found: /nl/aanmelding/
<token>/"), the development server every request line (``django.server``) and the CSRF check the
path it refused (``django.security.csrf``). Paths of the sign-up pages and of the e-mail alerts'
pages (``/attenderingen/``, ``/alerts/``) hold the signed token that gives access to a sign-up or
an alert, and a mistyped URL can hold an e-mail address.

``RedactPersonalData`` is a logging filter that replaces, in a record's message and formatted
exception, signed sign-up tokens with ``[token]`` and e-mail addresses with ``[e-mail]``. The
reference site's ``LOGGING`` (settings/base.py) puts it on every handler, so whatever reaches a
log line passes it, and on the Django loggers named above, so the records themselves are clean
before any handler (an error tracker, a test's log capture) sees them.

``BadHostWarning`` turns Django's ERROR with a traceback for a request to a host the site does
not serve into one WARNING line.
"""

import logging
import re

TOKEN_REPLACEMENT = "[token]"  # noqa: S105 - a placeholder, not a secret
EMAIL_REPLACEMENT = "[e-mail]"

# The token of a sign-up link (leerkringen.tokens.make_token): "<id>-<secret>:<time>:<signature>",
# the colons possibly percent-encoded.
SIGNED_TOKEN = re.compile(r"\b\d+-[0-9a-f]{6,}(?::|%3a)[0-9a-z]+(?::|%3a)[\w-]+", re.IGNORECASE)
# Whatever follows /aanmelding/ or /evaluatie/ (in English /registration/, /evaluation/,
# leerkringen.urls) or /attenderingen/ (/alerts/, the e-mail alerts of gezondin.urls) in a path,
# also a token cut short or mangled by a mail program; the alerts' own fixed words ("nieuw",
# "afgemeld") are no token.
TOKEN_PATH = re.compile(
    r"(/(?:aanmelding|registration|evaluatie|evaluation|attenderingen|alerts)/)"
    r"(?!\[token\]|(?:nieuw|new|afgemeld|unsubscribed)/)[^/\s?#\"'<>]+",
    re.IGNORECASE,
)
# An e-mail address, also percent-encoded in a query string (%40 for @). The local part starts
# where a run of its characters starts (the lookbehind): tried from every character of a long
# run, the search took time quadratic in the run's length (a second per log line for a 10,000-
# character path, which anyone can request), and a match from the run's start covers the others.
LOCAL_PART = r"[\w.!#$%&'*+=?^`{|}~-]"
EMAIL = re.compile(
    rf"(?<!{LOCAL_PART}){LOCAL_PART}+(?:@|%40)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+",
    re.IGNORECASE,
)


def redact(text):
    """``text`` without sign-up tokens and e-mail addresses."""
    text = SIGNED_TOKEN.sub(TOKEN_REPLACEMENT, text)
    text = TOKEN_PATH.sub(rf"\1{TOKEN_REPLACEMENT}", text)
    return EMAIL.sub(EMAIL_REPLACEMENT, text)


class RedactPersonalData(logging.Filter):
    """Redacts sign-up tokens and e-mail addresses from a record's message and exception text.
    Never drops a record."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is logging's problem, not ours
            return True
        clean = redact(message)
        if clean != message:
            record.msg = clean
            record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class BadHostWarning(logging.Filter):
    """For ``django.security.DisallowedHost``: a request for a host the site does not serve
    (``ALLOWED_HOSTS``; scanners that call a server by its IP address, a misrouted proxy) gets
    Django's 400, and Django logs it at ERROR with a traceback through its own code. This makes
    the record one line at WARNING: nothing in the site failed, and an alert on ERROR lines should
    not fire for every scanner. Never drops a record."""

    def filter(self, record):
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        record.exc_info = None
        record.exc_text = None
        return True
