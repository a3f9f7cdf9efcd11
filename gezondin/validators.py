"""Strict web addresses for everything editors or other installations give us as a link: partner
and municipal websites, videos, external links, recordings.

Django's URLValidator checks the scheme and the host but accepts almost anything after the first
slash, so ``https://example.org/">`` or an address with a stray quote passed and was stored. A web
address here is:

- ``http`` or ``https`` (no ``javascript:``, ``ftp:`` or ``data:``),
- with a proper host: a domain name with a top-level domain or an IP address (not ``localhost``),
  and no ``user:password@`` in front of it (``https://gemeente.nl@example.com`` goes elsewhere),
- without whitespace, control characters, quotes, angle brackets or other characters that may not
  appear unencoded in a URL (``" ' < > \\ ^ ` { | }``).

Surrounding whitespace is removed before the check (forms strip it), so a pasted address is
stored clean.
"""

import re
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Whitespace, control characters, and what RFC 3986 never allows unencoded (plus the apostrophe,
# which it allows but which only ever arrives here from a broken paste or an attack).
_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\^`{|}]")


@deconstructible
class WebAddressValidator:
    message = _(
        "Geef een volledig webadres dat begint met https:// of http://, bijvoorbeeld "
        "https://www.gemeente.nl/gezond, zonder spaties, aanhalingstekens of punthaken."
    )
    code = "invalid_web_address"
    _url_validator = URLValidator(schemes=["http", "https"])

    def __init__(self, allow_localhost=False):
        # The harvester accepts another installation's own addresses, which may be localhost.
        self.allow_localhost = allow_localhost

    def __call__(self, value):
        if not isinstance(value, str) or _FORBIDDEN.search(value):
            raise ValidationError(self.message, code=self.code)
        try:
            self._url_validator(value)
        except ValidationError:
            raise ValidationError(self.message, code=self.code) from None
        parts = urlsplit(value)
        host = (parts.hostname or "").rstrip(".")
        if not host or "@" in parts.netloc or (host == "localhost" and not self.allow_localhost):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return (
            isinstance(other, WebAddressValidator) and other.allow_localhost == self.allow_localhost
        )


validate_web_address = WebAddressValidator()


def is_web_address(value) -> bool:
    try:
        validate_web_address(value)
    except ValidationError:
        return False
    return True


class WebAddressFormField(forms.URLField):
    default_validators = [validate_web_address]
    default_error_messages = {"invalid": WebAddressValidator.message}

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class WebAddressField(models.URLField):
    """A URLField that accepts only strict web addresses (see the module docstring).

    Validators are not part of the database schema, so it deconstructs as a plain URLField:
    switching a field to it needs no migration.
    """

    default_validators = [validate_web_address]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.URLField", args, kwargs
