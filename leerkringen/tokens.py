"""The signed links in e-mails: a token names a sign-up by its id and secret (nothing
personal), signed and timestamped with Django's signing (the helpers in gezondin.tokens).

``make_token`` writes them (leerkringen.emails builds the links); leerkringen.services.read_token
reads them back and says why a link no longer works.

Setting: ``LEERKRINGEN_CONFIRM_LINK_DAYS`` (default 7): how long a confirmation link is valid.
"""

from gezondin import tokens

TOKEN_SALT = "leerkringen.aanmelding"  # noqa: S105 - a namespace, not a secret


def signer():
    return tokens.signer(TOKEN_SALT)


def confirm_link_max_age():
    return tokens.days_setting("LEERKRINGEN_CONFIRM_LINK_DAYS", 7)


def make_token(aanmelding):
    """A signed, timestamped token naming the sign-up (its id and secret; nothing personal)."""
    return tokens.make_token(TOKEN_SALT, aanmelding.pk, aanmelding.secret)
