"""The sign-ups in the Wagtail admin: per activity a list with status filter, counts and seats
left, manual actions (through leerkringen.services, never by setting a status here), attendance,
and export to CSV and XLSX.

Who sees what:
- superusers and national editors (GezondIn-redactie) see every activity and may do everything;
- a facilitator (a user in LeerkringPage.facilitators) sees only the sign-ups of their own
  learning circles and may mark attendance and export them;
- everyone else, municipal editors included, sees no sign-ups at all (403).
"""

import csv
import io

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from gezondin.roles import is_national_editor
from leerkringen import services
from leerkringen.models import (
    Aanmelding,
    AanmeldingStatus,
    ActivityPage,
    LeerkringPage,
)

Status = AanmeldingStatus


# Permissions -----------------------------------------------------------------------------------


def sees_all(user):
    """Memoised on the user object: listings ask once per row."""
    cached = getattr(user, "_leerkringen_sees_all", None)
    if cached is None:
        cached = bool(user.is_authenticated and user.is_active and is_national_editor(user))
        user._leerkringen_sees_all = cached
    return cached


def visible_activities(user):
    """The activities (in the default language, which holds the sign-ups) whose sign-ups the
    user may see."""
    activities = ActivityPage.objects.all()
    try:
        activities = activities.filter(locale=Locale.get_default())
    except Locale.DoesNotExist:
        pass
    if sees_all(user):
        return activities
    if not (user.is_authenticated and user.is_active):
        return activities.none()
    own = LeerkringPage.objects.filter(facilitators=user).values("pk")
    return activities.filter(pk__in=own)


def may_see_any(user):
    cached = getattr(user, "_leerkringen_may_see_any", None)
    if cached is None:
        cached = sees_all(user) or visible_activities(user).exists()
        user._leerkringen_may_see_any = cached
    return cached


def may_see(user, activity):
    return visible_activities(user).filter(pk=services.canonical(activity).pk).exists()


def get_activity_or_403(user, activity_id):
    page = get_object_or_404(ActivityPage, pk=activity_id)
    activity = services.canonical(page)
    if not may_see(user, activity):
        raise PermissionDenied
    return activity.specific


# Views -----------------------------------------------------------------------------------------


def status_counts(activity):
    counts = dict(
        Aanmelding.objects.filter(activity_id=activity.pk)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(value, label, counts.get(value, 0)) for value, label in Status.choices]


class ActivityIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The activities whose sign-ups the user may see, upcoming first."""

    template_name = "leerkringen/admin/activity_index.html"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_any(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Aanmeldingen")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        activities = list(
            visible_activities(self.request.user)
            .order_by("-first_starts_at", "pk")
            .annotate(active_count=Count("aanmeldingen", distinct=True))
        )
        seats = services.availabilities(activities)
        rows = [(activity, seats[activity.pk]) for activity in activities]
        context["upcoming"] = [row for row in rows if not row[0].is_past(now)][
            ::-1
        ]  # soonest first
        context["past"] = [row for row in rows if row[0].is_past(now)]
        return context


class AanmeldingListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "leerkringen/admin/aanmelding_list.html"
    header_icon = "group"

    def dispatch(self, request, activity_id, *args, **kwargs):
        self.activity = get_activity_or_403(request.user, activity_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Aanmeldingen")

    def get_page_subtitle(self):
        return self.activity.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        if status not in Status.values:
            status = ""
        aanmeldingen = Aanmelding.objects.filter(activity_id=self.activity.pk).select_related(
            "gemeente"
        )
        if status:
            aanmeldingen = aanmeldingen.filter(status=status)
        context.update(
            activity=self.activity,
            aanmeldingen=aanmeldingen,
            status=status,
            counts=status_counts(self.activity),
            availability=services.availability(self.activity),
            sees_all=sees_all(self.request.user),
            Status=Status,
        )
        return context


ACTIONS = {"confirm", "promote", "cancel", "attended", "absent", "attendance_unknown"}
STAFF_ACTIONS = {"confirm", "promote", "cancel"}


@require_POST
def aanmelding_action(request, activity_id):
    """Manual actions; the rules stay in the services."""
    activity = get_activity_or_403(request.user, activity_id)
    action = request.POST.get("action", "")
    list_url = reverse("leerkringen_admin:aanmeldingen", args=[activity.pk])
    if request.GET.get("status") in Status.values:
        list_url += f"?status={request.GET['status']}"
    if action not in ACTIONS:
        messages.error(request, _("Onbekende actie."))
        return redirect(list_url)
    if action in STAFF_ACTIONS and not sees_all(request.user):
        raise PermissionDenied
    if action == "promote":
        moved = services.promote_waitlist(activity)
        if moved:
            messages.success(
                request, _("%(n)s aanmelding(en) van de wachtlijst geplaatst.") % {"n": len(moved)}
            )
        else:
            messages.warning(request, _("Er is geen plek vrij voor de wachtlijst."))
        return redirect(list_url)
    aanmelding = get_object_or_404(
        Aanmelding, pk=request.POST.get("aanmelding"), activity_id=activity.pk
    )
    try:
        if action == "confirm":
            result = services.confirm(aanmelding)
            messages.success(
                request,
                _("%(aanmelding)s: %(status)s.")
                % {"aanmelding": result, "status": result.get_status_display()},
            )
        elif action == "cancel":
            services.cancel(aanmelding, by_staff=True)
            messages.success(request, _("%(aanmelding)s is afgemeld.") % {"aanmelding": aanmelding})
        else:
            value = {"attended": True, "absent": False, "attendance_unknown": None}[action]
            Aanmelding.objects.filter(pk=aanmelding.pk).update(attended=value)
            messages.success(
                request,
                _("Aanwezigheid van %(aanmelding)s opgeslagen.") % {"aanmelding": aanmelding},
            )
    except services.AanmeldingError as error:
        messages.error(request, error.message)
    return redirect(list_url)


EXPORT_FIELDS = [
    ("pk", gettext_lazy("Nummer")),
    ("name", gettext_lazy("Naam")),
    ("email", gettext_lazy("E-mailadres")),
    ("organisation", gettext_lazy("Organisatie")),
    ("gemeente", gettext_lazy("Gemeente")),
    ("role", gettext_lazy("Functie")),
    ("language", gettext_lazy("Taal")),
    ("status", gettext_lazy("Status")),
    ("created_at", gettext_lazy("Aangemeld op")),
    ("confirmed_at", gettext_lazy("Bevestigd op")),
    ("attended", gettext_lazy("Aanwezig")),
]


def export_rows(activity):
    yield [str(label) for _field, label in EXPORT_FIELDS]
    for a in Aanmelding.objects.filter(activity_id=activity.pk).select_related("gemeente"):
        attended = {True: _("ja"), False: _("nee"), None: ""}[a.attended]
        yield [
            _safe(value)
            for value in (
                a.pk,
                a.name,
                a.email,
                a.organisation,
                str(a.gemeente) if a.gemeente_id else "",
                a.role,
                a.language,
                a.get_status_display(),
                _local(a.created_at),
                _local(a.confirmed_at),
                str(attended),
            )
        ]


def _safe(value):
    """Text a spreadsheet will not run as a formula (people type their own name)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _local(when):
    return timezone.localtime(when).strftime("%Y-%m-%d %H:%M") if when else ""


def export(request, activity_id, fmt):
    activity = get_activity_or_403(request.user, activity_id)
    filename = f"aanmeldingen-{slugify(activity.title)[:50] or activity.pk}"
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        response.write("\ufeff")  # so Excel reads UTF-8
        writer = csv.writer(response, delimiter=";")
        for row in export_rows(activity):
            writer.writerow(row)
    else:
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(_("Aanmeldingen"))
        for row in export_rows(activity):
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response
