"""Public views of the sign-up: the form on each activity page, and the pages behind the signed
links in e-mails (confirm, see, cancel, accept an offered seat).

Views translate requests into calls of leerkringen.services and show the outcome; the rules are
in the services. No personal data goes into URLs (the form redirects to a fixed "check your
e-mail" page; links carry a signed token) or log records.
"""

from urllib.parse import urlencode

from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from gezondin.clients import client_ip
from gezondin.forms import privacy_url, private
from leerkringen import evaluations, filters, limits, retention, services, tokens
from leerkringen.calendar import activity_ics, agenda_ics, event_json_ld, ics_response
from leerkringen.feeds import AgendaAtomFeed, AgendaRssFeed
from leerkringen.forms import EvaluationForm, SignupForm
from leerkringen.models import Aanmelding, AanmeldingStatus, AgendaPage

Status = AanmeldingStatus


# The activity page and its form ------------------------------------------------------------------


def activity_context(request, page, form=None):
    """What an activity page shows besides its fields: meetings, seats, the form or why it is
    closed. Used by ActivityPage.get_context."""
    canonical = services.canonical(page)
    closed = services.closed_message(canonical)
    if form is None and not closed:
        form = SignupForm(max_per_gemeente=canonical.max_per_gemeente)
    meetings = page.meetings()
    seats = services.availability(canonical)
    return {
        "bijeenkomsten": meetings,
        "seats": seats,
        "event_json_ld": event_json_ld(request, page, meetings, seats),
        "ics_url": _route_url(request, page, "ics"),
        "registration_closed": closed,
        "cancellation_deadline": canonical.effective_cancellation_deadline,
        "form": form,
        "signup_url": _route_url(request, page, "signup"),
        "privacy_url": privacy_url(request),
        "is_past": page.is_past(),
    }


def _route_url(request, page, name):
    """The URL of one of the page's routes, with the words of the page's language."""
    url = page.get_url(request)
    return url + page.route_path(name) if url else ""


def to_route(request, page, name):
    """A route's path with another language's words: on for good to the page's own, keeping the
    query string."""
    url = _route_url(request, page, name)
    if not url:
        raise Http404
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def _render_page(request, page, form, status=200):
    response = page.render(request, context_overrides={"form": form})
    response.status_code = status
    return response


# The "check your e-mail" page's own fragment: the form posts to its route with the fragment of
# the error summary (includes/signup.html), which a redirect without a fragment of its own keeps.
SENT_FRAGMENT = "#main"
# The query parameter of the "check your e-mail" page saying why a new sign-up would wait.
WAITLIST_PARAMETER = "wachtlijst"


def _sent_url(request, page, reason=None):
    url = _route_url(request, page, "signup_sent")
    if reason:
        url += "?" + urlencode({WAITLIST_PARAMETER: reason})
    return url + SENT_FRAGMENT


def signup(request, page):
    """POST of the sign-up form. Success redirects to the "check your e-mail" page (PRG); errors
    re-render the page with everything typed kept.

    The answer is the same whether or not the address was signed up already (the e-mail says
    which): nobody learns from this page who is signed up. When a new sign-up would go on the
    waiting list (the activity is full, or the maximum of the municipality chosen in the form is
    reached), the "check your e-mail" page says so and why: the reason, never who or which
    municipality, is in its URL."""
    if request.method != "POST":
        return HttpResponseRedirect((page.get_url(request) or "/") + "#aanmelden")
    canonical = services.canonical(page)
    form = SignupForm(request.POST, max_per_gemeente=canonical.max_per_gemeente)
    if form.is_spam:
        # Tell a bot what it expects and do nothing.
        return HttpResponseRedirect(_sent_url(request, page))
    if not form.is_valid():
        return _render_page(request, page, form)
    email = Aanmelding.normalise_email(form.cleaned_data["email"])
    try:
        limits.spend((limits.ADDRESS, email), (limits.CLIENT, client_ip(request)))
    except limits.Limited as limited:
        form.add_error(None, limited.message)
        response = _render_page(request, page, form, status=429)
        response["Retry-After"] = str(limited.retry_after)
        return response
    try:
        services.request_signup(page, form.cleaned_data, get_language())
    except services.RegistrationClosed as error:
        form.add_error(None, error.message)
        return _render_page(request, page, form)
    reason = services.waitlist_reason(canonical, form.cleaned_data.get("gemeente"))
    return HttpResponseRedirect(_sent_url(request, page, reason))


def signup_sent(request, page):
    """The "check your e-mail" page after signing up: the same for a new and a known address,
    saying when a new sign-up goes on the waiting list and why."""
    try:
        reason = services.WaitlistReason(request.GET.get(WAITLIST_PARAMETER, ""))
    except ValueError:
        reason = None
    canonical = services.canonical(page)
    return TemplateResponse(
        request,
        "leerkringen/signup_sent.html",
        {
            "page": page,
            "self": page,
            "confirm_link_days": tokens.confirm_link_max_age().days,
            "waitlist_reason": reason,
            "max_per_gemeente": canonical.max_per_gemeente,
        },
    )


# The agenda's selection, feeds and calendars (the routes of AgendaPage and ActivityPage) -------


def agenda_selection(request, agenda):
    """What an agenda page and its feeds list for the request's GET parameters."""
    language = get_language() or agenda.locale.language_code
    return filters.select(agenda, request.GET, language)


def agenda_atom_feed(request, agenda):
    return AgendaAtomFeed()(request, agenda=agenda)


def agenda_rss_feed(request, agenda):
    return AgendaRssFeed()(request, agenda=agenda)


def agenda_calendar(request, agenda):
    return ics_response(agenda_ics(agenda, agenda.upcoming()), agenda.slug)


def activity_calendar(request, activity):
    return ics_response(activity_ics(activity), activity.slug)


# The agenda's calendar feed ---------------------------------------------------------------------


@require_http_methods(["GET", "HEAD"])
def agenda_feed(request, path):
    """``<agenda url>agenda.ics``: the page at ``path`` must be a live, public AgendaPage."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in path.split("/") if component]
    page = site.root_page.localized.specific.route(request, components).page.specific
    if not isinstance(page, AgendaPage) or not page.live or page.get_view_restrictions():
        raise Http404
    return page.serve_ics(request)


# Pages behind the signed links -----------------------------------------------------------------


def _problem(request, error, status, aanmelding=None, expired_link=None):
    activity = _activity_for(aanmelding) if aanmelding is not None else None
    if expired_link is None:
        expired_link = isinstance(error, services.LinkExpired)
    return TemplateResponse(
        request,
        "leerkringen/aanmelding_problem.html",
        {
            "page_title": _("Dat lukte niet"),
            "message": error.message,
            "activity": activity,
            "expired_link": expired_link,
        },
        status=status,
    )


def _activity_for(aanmelding):
    """The activity of a sign-up in the visitor's language, where translated and live."""
    return aanmelding.activity.localized.specific


def _details(request, aanmelding, template, **extra):
    activity = _activity_for(aanmelding)
    canonical = aanmelding.activity
    token = extra.pop("token")
    context = {
        "aanmelding": aanmelding,
        "activity": activity,
        "bijeenkomsten": activity.meetings(),
        "token": token,
        "cancellation_deadline": canonical.effective_cancellation_deadline,
        "can_cancel": _can_cancel(aanmelding, canonical),
        "waitlist_position": _waitlist_position(aanmelding),
        "waitlist_reason": (
            services.waitlist_reason(canonical, aanmelding.gemeente_id)
            if aanmelding.status == Status.WAITLISTED
            else None
        ),
        "retention_days": retention.retention_days(),
        **extra,
    }
    context.setdefault("page_title", activity.title)
    return TemplateResponse(request, template, context)


def _waitlist_position(aanmelding):
    if aanmelding.status != Status.WAITLISTED:
        return None
    ahead = (
        type(aanmelding)
        .objects.filter(activity_id=aanmelding.activity_id)
        .waitlist()
        .values_list("pk", flat=True)
    )
    ids = list(ahead)
    return ids.index(aanmelding.pk) + 1 if aanmelding.pk in ids else None


def _can_cancel(aanmelding, activity):
    if not aanmelding.is_active:
        return False
    if not aanmelding.holds_seat:
        return True
    deadline = activity.effective_cancellation_deadline
    return deadline is None or timezone.now() < deadline


def legacy_link(request, token, name):
    """A sign-up link with the Dutch words under another language's prefix (the paths were not
    translated before): a GET goes for good to the path in the language of the prefix; anything
    else (a form on a page rendered before) is served as it is."""
    if request.method in ("GET", "HEAD"):
        url = reverse(f"leerkringen:{name}", kwargs={"token": token})
        query = request.META.get("QUERY_STRING", "")
        return _permanent_redirect(request, f"{url}?{query}" if query else url)
    return LINK_VIEWS[name](request, token)


@private
def _permanent_redirect(request, url):
    return HttpResponsePermanentRedirect(url)


@private
@require_http_methods(["GET", "HEAD"])
def confirm(request, token):
    """The link in the first e-mail: confirms the address and gives a seat or a waiting place."""
    try:
        aanmelding = services.read_token(token, max_age=tokens.confirm_link_max_age())
    except services.LinkExpired as error:
        if error.aanmelding.status == Status.PENDING:
            return _problem(request, error, 410, error.aanmelding)
        aanmelding = error.aanmelding  # already confirmed: just show where they stand
    except services.LinkInvalid as error:
        return _problem(request, error, 404)
    already = aanmelding.status != Status.PENDING
    try:
        aanmelding = services.confirm(aanmelding)
    except services.AanmeldingError as error:
        return _problem(request, error, 409, aanmelding)
    return _details(
        request,
        aanmelding,
        "leerkringen/aanmelding_confirmed.html",
        token=token,
        already=already,
        page_title=_("Aanmelding bevestigd"),
    )


@private
@require_http_methods(["GET", "HEAD"])
def manage(request, token):
    """What we store about the sign-up, its status, and the ways to change it."""
    try:
        aanmelding = services.read_token(token)
    except services.LinkInvalid as error:
        return _problem(request, error, 404)
    return _details(
        request,
        aanmelding,
        "leerkringen/aanmelding_manage.html",
        token=token,
        page_title=_("Uw aanmelding"),
    )


@private
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, token):
    """GET asks to be sure (link scanners must not cancel anything); POST cancels."""
    try:
        aanmelding = services.read_token(token)
    except services.LinkInvalid as error:
        return _problem(request, error, 404)
    if request.method != "POST":
        return _details(
            request,
            aanmelding,
            "leerkringen/aanmelding_cancel.html",
            token=token,
            page_title=_("Afmelden"),
            seat_goes_to_waitlist=services.seat_would_move_someone_up(aanmelding),
        )
    try:
        aanmelding = services.cancel(aanmelding)
    except services.AanmeldingError as error:
        return _problem(request, error, 409, aanmelding)
    return redirect("leerkringen:manage", token=token)


@private
@require_http_methods(["GET", "HEAD", "POST"])
def accept(request, token):
    """Accept a seat offered from the waiting list: GET asks, POST accepts."""
    try:
        aanmelding = services.read_token(token)
    except services.LinkInvalid as error:
        return _problem(request, error, 404)
    if request.method != "POST":
        if aanmelding.status != Status.OFFERED:
            return redirect("leerkringen:manage", token=token)
        return _details(
            request,
            aanmelding,
            "leerkringen/aanmelding_accept.html",
            token=token,
            page_title=_("Plek aannemen"),
        )
    try:
        aanmelding = services.accept_offer(aanmelding)
    except services.AanmeldingError as error:
        return _problem(request, error, 409, aanmelding)
    return redirect("leerkringen:manage", token=token)


@private
@require_http_methods(["GET", "HEAD", "POST"])
def evaluation(request, token):
    """The evaluation after an activity (leerkringen.evaluations): GET shows the form, or the
    thanks once answered; POST keeps the answer, anonymously, once per link, and comes back
    here (PRG). A bad link is a 404, an expired one a 410, a second answer a 409."""
    try:
        aanmelding = evaluations.read_token(token)
    except evaluations.EvaluationLinkExpired as error:
        return _problem(request, error, 410, error.aanmelding, expired_link=False)
    except services.LinkInvalid as error:
        return _problem(request, error, 404)
    activity = _activity_for(aanmelding)
    context = {"activity": activity, "token": token}
    if request.method != "POST":
        if aanmelding.evaluation_answered:
            return TemplateResponse(
                request,
                "leerkringen/evaluation_thanks.html",
                {**context, "page_title": _("Dank u voor uw antwoord")},
            )
        form = EvaluationForm()
    else:
        form = EvaluationForm(request.POST)
        if form.is_valid():
            try:
                evaluations.answer(
                    aanmelding, form.cleaned_data["score"], form.cleaned_data["comment"]
                )
            except evaluations.AlreadyAnswered as error:
                return _problem(request, error, 409, aanmelding, expired_link=False)
            return redirect("leerkringen:evaluation", token=token)
    return TemplateResponse(
        request,
        "leerkringen/evaluation.html",
        {
            **context,
            "form": form,
            "page_title": _("Evaluatie: %(title)s") % {"title": activity.title},
        },
        status=200,
    )


LINK_VIEWS = {"manage": manage, "confirm": confirm, "cancel": cancel, "accept": accept}
