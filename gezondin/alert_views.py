"""The public pages of e-mail alerts (gezondin.alerts): subscribe to a selection, the "check
your e-mail" page, and the pages behind the signed links in the mails (confirm, manage all
alerts of the address, unsubscribe).

No personal data goes into URLs (links carry a signed token naming an alert) or log records
(gezondin.logging redacts the token paths). Unsubscribing answers a POST without a CSRF token:
mail programs send ``List-Unsubscribe=One-Click`` to the link of the ``List-Unsubscribe`` header
(RFC 8058), and the token is the proof.
"""

from django import forms
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from gezondin import alerts
from gezondin.clients import client_ip
from gezondin.forms import PublicForm, private
from gezondin.models.alerts import Attendering, Frequency


class AlertForm(PublicForm):
    """The address and how often; the honeypot and the fields' descriptions of PublicForm."""

    email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        max_length=254,
        help_text=gettext_lazy("Hierheen sturen we de link om de attendering te bevestigen."),
        error_messages={
            "required": gettext_lazy("Vul uw e-mailadres in."),
            "invalid": gettext_lazy("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
            "max_length": gettext_lazy("Dit e-mailadres is te lang."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    frequency = forms.ChoiceField(
        label=gettext_lazy("Hoe vaak?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Kies hoe vaak u een e-mail wilt krijgen."),
            "invalid_choice": gettext_lazy("Kies dagelijks of wekelijks."),
        },
    )
    field_order = ["email", "frequency", "website"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "attendering-%s")
        super().__init__(*args, **kwargs)


def _kind_or_404(name):
    kind = alerts.get_kind(name)
    if kind is None:
        raise Http404
    return kind


def _subscribe_context(request, kind, selection, form):
    language = get_language()
    probe = Attendering(kind=kind.name, selection=selection or "", language=language)
    return {
        "page_title": _("Attendering per e-mail"),
        "kind": kind,
        "form": form,
        "selection": selection,
        "description": alerts.description(probe),
        "page_url": kind.page_url(selection or "", language),
        "too_long": selection is None,
    }


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request, kind):
    """GET: the form for the selection in the query string; POST: ask for the alert. The
    selection travels in the query string of both (only its known values, normalised)."""
    kind = _kind_or_404(kind)
    language = get_language()
    selection = alerts.normalise(kind, request.GET, language)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "gezondin/alerts/subscribe.html",
            _subscribe_context(request, kind, selection, AlertForm()),
        )
    form = AlertForm(request.POST)
    sent_url = reverse("gezondin:alert_sent", kwargs={"kind": kind.name})
    if form.is_spam:
        return HttpResponseRedirect(sent_url)  # tell a bot what it expects and do nothing
    if selection is None:
        return TemplateResponse(
            request,
            "gezondin/alerts/subscribe.html",
            _subscribe_context(request, kind, selection, form),
            status=400,
        )
    if not form.is_valid():
        return TemplateResponse(
            request,
            "gezondin/alerts/subscribe.html",
            _subscribe_context(request, kind, selection, form),
        )
    email = alerts.normalise_email(form.cleaned_data["email"])
    try:
        alerts.spend(email, client_ip(request))
    except alerts.Limited as limited:
        form.add_error(None, limited.message)
        response = TemplateResponse(
            request,
            "gezondin/alerts/subscribe.html",
            _subscribe_context(request, kind, selection, form),
            status=429,
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
    alerts.subscribe(email, kind, selection, language, form.cleaned_data["frequency"])
    return HttpResponseRedirect(sent_url)


def sent(request, kind):
    """ "Check your e-mail": the same for a new and a known address."""
    kind = _kind_or_404(kind)
    return TemplateResponse(
        request,
        "gezondin/alerts/sent.html",
        {
            "page_title": _("Kijk in uw e-mail"),
            "kind": kind,
            "confirm_link_days": alerts.confirm_link_max_age().days,
        },
    )


def _problem(request, error, status):
    return TemplateResponse(
        request,
        "gezondin/alerts/problem.html",
        {"page_title": _("Dat lukte niet"), "message": error.message},
        status=status,
    )


def _alerts_of(alert):
    """The confirmed alerts of the same address, each with its description and token."""
    found = Attendering.objects.confirmed().of_address(alert.email).order_by("created_at", "pk")
    return [
        {
            "alert": other,
            "description": alerts.description(other),
            "kind": alerts.get_kind(other.kind),
            "token": alerts.make_token(other),
        }
        for other in found
    ]


@private
@require_http_methods(["GET", "HEAD"])
def confirm(request, token):
    try:
        alert = alerts.read_token(token, max_age=alerts.confirm_link_max_age())
    except alerts.LinkExpired as error:
        if not error.alert.is_confirmed:
            return _problem(request, error, 410)
        alert = error.alert
    except alerts.LinkInvalid as error:
        return _problem(request, error, 404)
    already = alert.is_confirmed
    alert = alerts.confirm(alert)
    return TemplateResponse(
        request,
        "gezondin/alerts/confirmed.html",
        {
            "page_title": _("Attendering bevestigd"),
            "alert": alert,
            "already": already,
            "description": alerts.description(alert),
            "kind": alerts.get_kind(alert.kind),
            "token": token,
        },
    )


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(choices=Frequency.choices)


@private
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """All confirmed alerts of the address the token's alert belongs to: change how often, or
    stop one. A POST names the alert it changes by its own token (``alert``)."""
    try:
        alert = alerts.read_token(token)
    except alerts.LinkInvalid as error:
        return _problem(request, error, 404)
    message = ""
    if request.method == "POST":
        try:
            target = alerts.read_token(request.POST.get("alert", ""))
        except alerts.LinkInvalid as error:
            return _problem(request, error, 404)
        if target.email != alert.email:
            return _problem(request, alerts.LinkInvalid(), 404)
        if request.POST.get("action") == "delete":
            own = target.pk == alert.pk
            target.delete()
            remaining = Attendering.objects.confirmed().of_address(alert.email).first()
            if remaining is None:
                return redirect("gezondin:alert_gone")
            if own:
                token = alerts.make_token(remaining)
            return redirect(reverse("gezondin:alert_manage", kwargs={"token": token}) + "?ok=1")
        form = FrequencyForm(request.POST)
        if form.is_valid():
            target.frequency = form.cleaned_data["frequency"]
            target.save(update_fields=["frequency"])
            return redirect(reverse("gezondin:alert_manage", kwargs={"token": token}) + "?ok=1")
        message = _("Kies dagelijks of wekelijks.")
    return TemplateResponse(
        request,
        "gezondin/alerts/manage.html",
        {
            "page_title": _("Uw attenderingen"),
            "alerts": _alerts_of(alert),
            "token": token,
            "saved": request.GET.get("ok") == "1",
            "message": message,
            "frequencies": Frequency.choices,
        },
    )


@csrf_exempt
@private
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET shows one button (link scanners must not unsubscribe anyone); a POST, from that
    button or a mail program's one-click (RFC 8058), deletes the alert."""
    try:
        alert = alerts.read_token(token)
    except alerts.AlertGone:
        return redirect("gezondin:alert_gone")  # a second click: the wish is fulfilled
    except alerts.LinkInvalid as error:
        return _problem(request, error, 404)
    if request.method == "POST":
        alert.delete()
        return redirect("gezondin:alert_gone")
    return TemplateResponse(
        request,
        "gezondin/alerts/unsubscribe.html",
        {
            "page_title": _("Afmelden voor deze attendering"),
            "alert": alert,
            "description": alerts.description(alert),
            "kind": alerts.get_kind(alert.kind),
            "token": token,
        },
    )


@private
def gone(request):
    return TemplateResponse(
        request,
        "gezondin/alerts/gone.html",
        {"page_title": _("U bent afgemeld voor de attendering")},
    )
