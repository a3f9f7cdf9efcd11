"""Signed links in e-mails (double opt-in, personal pages): a token names a record by its id and
a secret (nothing personal), signed and timestamped with Django's signing under a salt of its
own, so a token of one kind never passes for another.

The feature apps use it for their links: leerkringen's sign-ups (leerkringen.tokens) and
kennisbank's shared practices (kennisbank.share).
"""

import datetime

from django.conf import settings
from django.core import signing


def signer(salt):
    return signing.TimestampSigner(salt=salt)


def make_token(salt, pk, secret):
    """A signed, timestamped token naming ``pk`` with its ``secret``."""
    return signer(salt).sign(f"{pk}-{secret}")


def days_setting(name, default):
    """A link's lifetime: the setting ``name`` in days, else ``default``."""
    return datetime.timedelta(days=getattr(settings, name, default))


class BadToken(Exception):  # noqa: N818 - a condition
    """The token was not made here (or was changed)."""


class ExpiredToken(Exception):  # noqa: N818 - a condition
    """A real token, older than allowed: ``pk`` and ``secret`` say what it named."""

    def __init__(self, pk, secret):
        super().__init__(pk)
        self.pk = pk
        self.secret = secret


def _split(value):
    pk, _sep, secret = value.partition("-")
    if not pk.isdigit() or not secret:
        raise BadToken
    return int(pk), secret


def read_token(salt, token, max_age=None):
    """``(pk, secret)`` of a token. Raises BadToken, or ExpiredToken (with what it named) when
    older than ``max_age`` (a timedelta)."""
    try:
        return _split(signer(salt).unsign(token, max_age=max_age))
    except signing.SignatureExpired:
        try:
            value = signer(salt).unsign(token)
        except signing.BadSignature as error:
            raise BadToken from error
        pk, secret = _split(value)
        raise ExpiredToken(pk, secret) from None
    except signing.BadSignature as error:
        raise BadToken from error
