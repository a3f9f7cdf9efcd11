"""The public pages of "Praktijk delen" (kennisbank/share.py, URLs in kennisbank/urls.py): the
form, the "check your e-mail" page after it, and the page behind the confirmation link.

No personal data goes into URLs (the form redirects to a fixed page; the link carries a signed
token naming the submission) or log records.
"""

import re

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gezondin import limits
from gezondin.clients import client_ip
from gezondin.forms import privacy_url, private
from gezondin.models import Gemeente
from kennisbank import share, tasks
from kennisbank.models import GemeentePage
from kennisbank.share_forms import PraktijkDelenForm

# What a municipality's CBS code looks like (GM0855); anything else is not looked up.
CBS_CODE = re.compile(r"GM\d{4}")
# The form posts to the error summary's fragment, so a page with errors opens at it.
ERRORS_FRAGMENT = "#delen-fouten"
# The "check your e-mail" page's own fragment: a redirect without one keeps the form's, which
# names an error summary that page does not have (as leerkringen.views.SENT_FRAGMENT).
SENT_FRAGMENT = "#main"


def _sent_redirect():
    return HttpResponseRedirect(reverse("kennisbank:share_sent") + SENT_FRAGMENT)


def _render_form(request, form, status=200):
    return TemplateResponse(
        request,
        "kennisbank/share/form.html",
        {
            "page_title": _("Deel een praktijkvoorbeeld"),
            "form": form,
            "action": reverse("kennisbank:share") + ERRORS_FRAGMENT,
            "privacy_url": privacy_url(request),
            "link_days": share.link_max_age().days,
            "retention_days": share.retention_days(),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def share_form(request):
    """GET shows the form; POST checks the honeypot, the fields and the limits, stores the
    submission, queues the confirmation mail and redirects to the "check your e-mail" page
    (PRG). Errors re-render the form with everything typed kept."""
    if request.method != "POST":
        # A municipality page links here with its CBS code (not personal): chosen already.
        code = request.GET.get("gemeente", "")
        gemeente = (
            Gemeente.objects.active().filter(cbs_code=code).first()
            if CBS_CODE.fullmatch(code)
            else None
        )
        return _render_form(request, PraktijkDelenForm(initial={"gemeente": gemeente}))
    form = PraktijkDelenForm(request.POST)
    if form.is_spam:
        # Tell a bot what it expects and do nothing.
        return _sent_redirect()
    if not form.is_valid():
        return _render_form(request, form)
    email = share.normalise_email(form.cleaned_data["email"])
    try:
        limits.spend((share.ADDRESS, email), (share.CLIENT, client_ip(request)))
    except limits.Limited as limited:
        form.add_error(None, limited.message)
        response = _render_form(request, form, status=429)
        response["Retry-After"] = str(limited.retry_after)
        return response
    inzending = share.submit(form.cleaned_data, get_language())
    tasks.send_inzending_confirmation.enqueue(inzending.pk)
    return _sent_redirect()


@require_http_methods(["GET", "HEAD"])
def sent(request):
    """After the form: check your e-mail, and what happens next."""
    return TemplateResponse(
        request,
        "kennisbank/share/sent.html",
        {"page_title": _("Kijk in uw e-mail"), "link_days": share.link_max_age().days},
    )


@private
@require_http_methods(["GET", "HEAD"])
def confirm(request, token):
    """The link in the mail: confirms the address, once, which makes the draft."""
    try:
        inzending = share.read_token(token)
    except share.LinkExpired as error:
        return _problem(request, error, 410)
    except share.LinkInvalid as error:
        return _problem(request, error, 404)
    inzending, confirmed_now = share.confirm(inzending)
    if confirmed_now:
        tasks.notify_inzending_editors.enqueue(inzending.pk)
    parent = inzending.page.get_parent() if inzending.page_id else None
    return TemplateResponse(
        request,
        "kennisbank/share/confirmed.html",
        {
            "page_title": _("Bedankt: uw praktijkvoorbeeld is ingestuurd"),
            "already": not confirmed_now,
            "title": inzending.data.get("title", ""),
            "gemeente": inzending.gemeente,
            "is_inbox": parent is None or not issubclass(parent.specific_class, GemeentePage),
            "retention_days": share.retention_days(),
        },
    )


def _problem(request, error, status):
    return TemplateResponse(
        request,
        "kennisbank/share/problem.html",
        {
            "page_title": _("Dat lukte niet"),
            "message": error.message,
            "expired": isinstance(error, share.LinkExpired),
        },
        status=status,
    )
