"""What the public forms share (leerkringen's sign-up, kennisbank's "share a practice", the
e-mail alerts), and the pages behind their signed links (:func:`private`).

:class:`PublicForm` has the honeypot ``website``: hidden from people (and from assistive
technology), filled in by bots; a view checks ``form.is_spam`` before anything else and then
does nothing. Each visible field gets ``aria-describedby`` pointing at its hint and error (ids
``<field id>-hint`` and ``<field id>-error``, as gezondin/includes/form_field.html writes them),
and ``aria-invalid`` when it has an error.
"""

import functools

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gezondin.models import GezondInSettings

HONEYPOT_FIELD = "website"


class GemeenteChoiceField(forms.ModelChoiceField):
    """A municipality by the name people know it by (``Gemeente.label``). A value with a NUL
    character is not in the list (PostgreSQL refuses it in a query, which would be a 500)."""

    def label_from_instance(self, obj):
        return obj.label

    def to_python(self, value):
        if isinstance(value, str) and "\x00" in value:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class GemeenteSelect(forms.Select):
    """Django's select with its options written in one template: Django's own renders each of
    the 342 municipalities through an include of its own, which made rendering a form with it
    most of the cost of an activity page."""

    template_name = "gezondin/widgets/gemeente_select.html"


class PublicForm(forms.Form):
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._describe_fields()

    @property
    def is_spam(self):
        """Whether the honeypot was filled in (checked before anything else is done)."""
        return bool((self.data.get(self.add_prefix(HONEYPOT_FIELD)) or "").strip())

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def field_id(self, name):
        """A field's id as its BoundField will have it (not made here: a BoundField keeps the
        help text its field had when it was made, and subclasses may still change it)."""
        html_name = self.add_prefix(name)
        if self.auto_id and "%s" in str(self.auto_id):
            return str(self.auto_id) % html_name
        return html_name if self.auto_id else ""

    def hint_id(self, name):
        return f"{self.field_id(name)}-hint"

    def error_id(self, name):
        return f"{self.field_id(name)}-error"

    def _describe_fields(self):
        errors = self._errors or {}
        for name, field in self.fields.items():
            if name == HONEYPOT_FIELD:
                continue
            described_by = []
            if field.help_text:
                described_by.append(self.hint_id(name))
            if name in errors:
                described_by.append(self.error_id(name))
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)
            else:
                field.widget.attrs.pop("aria-describedby", None)


def privacy_url(request):
    """The URL of the site's privacy statement in the request's language (GezondIn settings),
    for the consent of a public form; "" when there is none live."""
    try:
        site_settings = GezondInSettings.for_request(request)
    except GezondInSettings.DoesNotExist:
        return ""
    page = site_settings.privacy_page
    if page is None:
        return ""
    page = page.localized
    return page.get_url(request) if page.live else ""


def private(view):
    """For the pages behind a form's signed links: never cached or indexed, the token kept out
    of the Referer header.

    "same-origin", not "no-referrer": with no-referrer browsers send `Origin: null` with the
    page's own forms, and Django's CSRF check rightly refuses those."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store, private"
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper
