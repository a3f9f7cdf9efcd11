"""The signed links in e-mails: a token names a sign-up by its id and secret (nothing
personal), signed and timestamped with Django's signing (the helpers in gezondin.tokens).

``make_token`` writes them (leerkringen.emails builds the links); leerkringen.services.read_token
reads them back and says why a link no longer works.

The evaluation link (leerkringen.evaluations) is signed the same way with a salt of its own,
so a sign-up's link can never be used as an evaluation link or the other way round.

Settings: ``LEERKRINGEN_CONFIRM_LINK_DAYS`` (default 7): how long a confirmation link is valid;
``LEERKRINGEN_EVALUATION_LINK_DAYS`` (default 60): how long an evaluation link is valid.
"""

from gezondin import tokens

TOKEN_SALT = "leerkringen.aanmelding"  # noqa: S105 - a namespace, not a secret
EVALUATION_SALT = "leerkringen.evaluatie"


def signer():
    return tokens.signer(TOKEN_SALT)


def confirm_link_max_age():
    return tokens.days_setting("LEERKRINGEN_CONFIRM_LINK_DAYS", 7)


def make_token(aanmelding):
    """A signed, timestamped token naming the sign-up (its id and secret; nothing personal)."""
    return tokens.make_token(TOKEN_SALT, aanmelding.pk, aanmelding.secret)


def evaluation_signer():
    return tokens.signer(EVALUATION_SALT)


def evaluation_link_max_age():
    return tokens.days_setting("LEERKRINGEN_EVALUATION_LINK_DAYS", 60)


def make_evaluation_token(aanmelding):
    """The evaluation link's token: like ``make_token``, signed with the evaluation's salt."""
    return tokens.make_token(EVALUATION_SALT, aanmelding.pk, aanmelding.secret)
