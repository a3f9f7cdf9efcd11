"""The organiser's forms in the admin (leerkringen.admin_views): attendance at one meeting, a
participant added by hand, and a message to the participants. What they decide is done by
leerkringen.services."""

from django import forms
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gezondin.models import Gemeente
from leerkringen import services
from leerkringen.forms import GemeenteChoiceField
from leerkringen.models import BerichtAudience


def meeting_label(position, meeting):
    """ "Bijeenkomst 2 – 12 maart 2026, 13:30" (with its topic when it has one)."""
    when = formats.date_format(timezone.localtime(meeting.starts_at), "j F Y, H:i")
    label = gettext("Bijeenkomst %(n)s – %(when)s") % {"n": position, "when": when}
    return f"{label}: {meeting.topic}" if meeting.topic else label


class ParticipantChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        if obj.anonymised_at:
            return gettext("Geanonimiseerd (aanmelding %(id)s)") % {"id": obj.pk}
        return f"{obj.name} ({obj.organisation})" if obj.organisation else obj.name


class AttendanceForm(forms.Form):
    """Who was present at one meeting: a checkbox per person on the list."""

    present = ParticipantChoiceField(
        label=_("Aanwezig"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vink aan wie er was; wie niet is aangevinkt, telt als afwezig."),
    )

    def __init__(self, *args, people, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = people
        self.fields["present"].label = label


class AddParticipantForm(forms.Form):
    """What the sign-up form asks, filled in by the organiser, with the reason for adding."""

    name = forms.CharField(
        label=_("Naam"),
        max_length=200,
        error_messages={"required": _("Vul de naam in.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Hierheen gaat de bevestiging met de link om de aanmelding te bekijken."),
        error_messages={
            "required": _("Vul het e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
        },
    )
    organisation = forms.CharField(
        label=_("Organisatie"),
        max_length=200,
        error_messages={"required": _("Vul de organisatie in.")},
    )
    gemeente = GemeenteChoiceField(
        label=_("Gemeente (niet verplicht)"),
        queryset=Gemeente.objects.active().by_known_name(),
        required=False,
        to_field_name="cbs_code",
        empty_label=_("Geen gemeente of niet van toepassing"),
        error_messages={"invalid_choice": _("Kies een gemeente uit de lijst.")},
    )
    role = forms.CharField(label=_("Functie (niet verplicht)"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Taal van de e-mails"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "Waarom voegt u deze persoon met de hand toe? Bijvoorbeeld ‘aangemeld per telefoon’. "
            "Dit wordt bewaard bij de aanmelding."
        ),
        error_messages={"required": _("Vul de reden in.")},
    )
    over_capacity = forms.BooleanField(
        label=_("Een plaats geven, ook als de activiteit vol is"),
        required=False,
        help_text=_(
            "Zonder dit vinkje komt de persoon op de wachtlijst als er geen plaats voor hem of "
            "haar is (vol, of het maximum voor de gemeente bereikt)."
        ),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Vul de reden in."))
        return reason


class MessageForm(forms.Form):
    """A message to a group of participants: the group, a meeting for "present", and the text."""

    audience = forms.ChoiceField(
        label=_("Aan"),
        choices=BerichtAudience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies aan wie het bericht gaat.")},
    )
    bijeenkomst = forms.TypedChoiceField(
        label=_("Aanwezig bij"),
        required=False,
        coerce=int,
        help_text=_("Alleen bij ‘aanwezig geweest’."),
    )
    subject = forms.CharField(
        label=_("Onderwerp"),
        max_length=200,
        error_messages={"required": _("Vul het onderwerp in.")},
    )
    body = forms.CharField(
        label=_("Bericht"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=10000,
        help_text=_(
            "Platte tekst. Iedere ontvanger krijgt een eigen e-mail, in het Nederlands of "
            "Engels omlijst, met de link naar de eigen aanmelding."
        ),
        error_messages={"required": _("Vul het bericht in.")},
    )

    def __init__(self, *args, activity, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.meetings = {meeting.pk: meeting for _position, meeting in meetings}
        self.fields["bijeenkomst"].choices = [
            ("", gettext("Bij een of meer bijeenkomsten")),
            *((meeting.pk, meeting_label(position, meeting)) for position, meeting in meetings),
        ]
        self.fields["audience"].choices = [
            (value, f"{label} ({self.count(value)})") for value, label in BerichtAudience.choices
        ]

    def count(self, audience, meeting=None):
        return services.message_recipients(self.activity, audience, meeting).count()

    def clean(self):
        cleaned = super().clean()
        audience = cleaned.get("audience")
        if not audience:
            return cleaned
        meeting = None
        if audience == BerichtAudience.PRESENT:
            meeting = self.meetings.get(cleaned.get("bijeenkomst"))
        cleaned["meeting"] = meeting
        if not self.count(audience, meeting):
            self.add_error(
                "audience",
                _("Niemand in deze groep kan dit bericht krijgen; kies een andere groep."),
            )
        return cleaned
