"""The sign-ups in the Wagtail admin, the organiser's back office: per activity a list with
status filter, counts, seats left and the waiting list's positions, manual actions (through
leerkringen.services, never by setting a status here), attendance per meeting with each
person's attendance rate, participants added by hand, messages to the participants (kept on the
activity), export to CSV and XLSX, and the reach and evaluation report ("Bereik en evaluatie")
per activity and per year (figures from leerkringen.reach), with its own exports.

Who sees what:
- superusers and national editors (GezondIn-redactie) see every activity and may do everything;
- a facilitator (a user in LeerkringPage.facilitators) sees only the sign-ups of their own
  learning circles and may record attendance, add participants by hand, send messages and
  export; confirming, cancelling and promoting from the waiting list stay with the national
  editors;
- everyone else, municipal editors included, sees no sign-ups at all (403).
"""

import csv
import io

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from gezondin.roles import is_national_editor
from leerkringen import reach, services
from leerkringen.admin_forms import (
    AddParticipantForm,
    AttendanceForm,
    MessageForm,
    meeting_label,
)
from leerkringen.models import (
    Aanmelding,
    AanmeldingStatus,
    Aanwezigheid,
    ActivityPage,
    Bericht,
    Evaluatie,
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

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

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


def numbered_meetings(activity):
    """[(1, first meeting), (2, second), ...] in date order."""
    return list(enumerate(activity.meetings(), start=1))


def percent(rate):
    return None if rate is None else round(100 * rate)


class ActivityAdminMixin(WagtailAdminTemplateMixin):
    """A view of one activity's sign-ups: the activity from the URL, for those who may see it;
    its title in the header (and in the browser's title)."""

    header_icon = "group"

    def dispatch(self, request, activity_id, *args, **kwargs):
        self.activity = get_activity_or_403(request.user, activity_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.activity.title

    def get_breadcrumbs_items(self):
        """Home › Aanmeldingen › the activity's title › this view: the activity's title is
        visible in the header of every view of its sign-ups."""
        return [
            *self.breadcrumbs_items,
            {"url": reverse("leerkringen_admin:index"), "label": _("Aanmeldingen")},
            {"url": self.list_url, "label": self.activity.title},
            {"url": "", "label": self.get_page_title()},
        ]

    @property
    def list_url(self):
        return reverse("leerkringen_admin:aanmeldingen", args=[self.activity.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(activity=self.activity, list_url=self.list_url)
        return context


class AanmeldingListView(ActivityAdminMixin, TemplateView):
    template_name = "leerkringen/admin/aanmelding_list.html"

    def get_page_title(self):
        return _("Aanmeldingen")

    def get_breadcrumbs_items(self):
        """Home › Aanmeldingen › the activity's title."""
        *items, activity, _this = super().get_breadcrumbs_items()
        return [*items, {**activity, "url": ""}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        if status not in Status.values:
            status = ""
        aanmeldingen = Aanmelding.objects.filter(activity_id=self.activity.pk).select_related(
            "gemeente", "added_by"
        )
        if status == Status.WAITLISTED:
            aanmeldingen = aanmeldingen.waitlist()  # in the order seats are given
        elif status:
            aanmeldingen = aanmeldingen.filter(status=status)
        positions = services.waitlist_positions(self.activity)
        attendance = services.attendance(self.activity)
        rows = list(aanmeldingen)
        for a in rows:
            a.waitlist_position = positions.get(a.pk)
            counted = a.pk in attendance.counted and attendance.held
            a.present_count = attendance.present.get(a.pk, 0) if counted else None
            a.attendance_percent = percent(attendance.rate(a.pk)) if counted else None
        context.update(
            aanmeldingen=rows,
            status=status,
            counts=status_counts(self.activity),
            availability=services.availability(self.activity),
            sees_all=sees_all(self.request.user),
            Status=Status,
            attendance=attendance,
            average_percent=percent(attendance.average),
            meetings=self.meeting_rows(),
            berichten=Bericht.objects.filter(activity_id=self.activity.pk).select_related(
                "sent_by", "bijeenkomst"
            ),
        )
        return context

    def meeting_rows(self):
        """Each meeting with whether it has begun and its recorded attendance (present, listed)."""
        now = timezone.now()
        recorded = {
            row["bijeenkomst_id"]: row
            for row in Aanwezigheid.objects.filter(aanmelding__activity_id=self.activity.pk)
            .values("bijeenkomst_id")
            .annotate(listed=Count("pk"), present=Count("pk", filter=Q(present=True)))
            .order_by()
        }
        return [
            {
                "position": position,
                "meeting": meeting,
                "label": meeting_label(position, meeting),
                "started": meeting.starts_at <= now,
                "recorded": recorded.get(meeting.pk),
            }
            for position, meeting in numbered_meetings(self.activity)
        ]


class AttendanceView(ActivityAdminMixin, FormView):
    """Record who was present at one meeting (from its start): a checkbox per person with a
    seat (and anyone recorded at it before)."""

    template_name = "leerkringen/admin/attendance.html"
    form_class = AttendanceForm

    def dispatch(self, request, activity_id, meeting_id, *args, **kwargs):
        self.meeting_id = meeting_id
        return super().dispatch(request, activity_id, *args, **kwargs)

    def setup_meeting(self):
        for position, meeting in numbered_meetings(self.activity):
            if meeting.pk == self.meeting_id:
                self.position, self.meeting = position, meeting
                return
        raise Http404

    def get(self, request, *args, **kwargs):
        self.setup_meeting()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_meeting()
        if not self.has_started():
            messages.error(request, self.not_started_message())
            return redirect(self.list_url)
        return super().post(request, *args, **kwargs)

    def has_started(self):
        return self.meeting.starts_at <= timezone.now()

    def not_started_message(self):
        return _(
            "Deze bijeenkomst is nog niet begonnen; de aanwezigheid kunt u vastleggen vanaf het "
            "begin."
        )

    def get_page_title(self):
        return _("Aanwezigheid")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["people"] = services.attendance_list(self.activity, self.meeting)
        kwargs["label"] = _("Aanwezig bij bijeenkomst %(n)s") % {"n": self.position}
        kwargs["initial"] = {
            "present": list(
                Aanwezigheid.objects.filter(bijeenkomst=self.meeting, present=True).values_list(
                    "aanmelding_id", flat=True
                )
            )
        }
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            meeting_label=meeting_label(self.position, self.meeting),
            started=self.has_started(),
            not_started_message=self.not_started_message(),
        )
        return context

    def form_valid(self, form):
        present, listed = services.record_attendance(
            self.activity,
            self.meeting,
            [a.pk for a in form.cleaned_data["present"]],
            by=self.request.user,
        )
        messages.success(
            self.request,
            _("Aanwezigheid bij bijeenkomst %(n)s opgeslagen: %(present)s van %(listed)s aanwezig.")
            % {"n": self.position, "present": present, "listed": listed},
        )
        return redirect(self.list_url)


class AddParticipantView(ActivityAdminMixin, FormView):
    """Add someone by hand, with the reason (services.add_participant)."""

    template_name = "leerkringen/admin/add_participant.html"
    form_class = AddParticipantForm

    def get_page_title(self):
        return _("Deelnemer toevoegen")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["availability"] = services.availability(self.activity)
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            aanmelding = services.add_participant(
                self.activity,
                data,
                data["reason"],
                self.request.user,
                over_capacity=data["over_capacity"],
            )
        except services.AlreadySignedUp as error:
            form.add_error("email", error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(aanmelding)s toegevoegd: %(status)s.")
            % {"aanmelding": aanmelding, "status": aanmelding.get_status_display()},
        )
        return redirect(self.list_url)


class MessageView(ActivityAdminMixin, FormView):
    """Write to a group of participants; one e-mail each, through the task queue
    (services.send_message)."""

    template_name = "leerkringen/admin/message.html"
    form_class = MessageForm

    def get_page_title(self):
        return _("Bericht aan deelnemers")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["activity"] = self.activity
        kwargs["meetings"] = numbered_meetings(self.activity)
        return kwargs

    def form_valid(self, form):
        data = form.cleaned_data
        bericht = services.send_message(
            self.activity,
            data["audience"],
            data["subject"],
            data["body"],
            self.request.user,
            meeting=data.get("meeting"),
        )
        messages.success(
            self.request,
            ngettext(
                "Het bericht gaat naar %(n)s deelnemer.",
                "Het bericht gaat naar %(n)s deelnemers; ieder krijgt een eigen e-mail.",
                bericht.recipient_count,
            )
            % {"n": bericht.recipient_count},
        )
        return redirect(self.list_url)


ACTIONS = {"confirm", "promote", "cancel"}


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
    if not sees_all(request.user):
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
        else:
            services.cancel(aanmelding, by_staff=True)
            messages.success(request, _("%(aanmelding)s is afgemeld.") % {"aanmelding": aanmelding})
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
    ("waitlist_position", gettext_lazy("Plaats op de wachtlijst")),
    ("created_at", gettext_lazy("Aangemeld op")),
    ("confirmed_at", gettext_lazy("Bevestigd op")),
    ("added_reason", gettext_lazy("Handmatig toegevoegd, reden")),
    ("attended", gettext_lazy("Aanwezig")),
    ("attendance", gettext_lazy("Aanwezigheid (bijeenkomsten)")),
]


def export_rows(activity):
    """The header, then a row per sign-up: its fields, then per meeting "ja", "nee" or "" (not
    recorded)."""
    meetings = numbered_meetings(activity)
    yield [
        *(str(label) for _field, label in EXPORT_FIELDS),
        *(
            _("Bijeenkomst %(n)s (%(date)s)")
            % {"n": n, "date": timezone.localtime(m.starts_at).strftime("%Y-%m-%d")}
            for n, m in meetings
        ),
    ]
    positions = services.waitlist_positions(activity)
    attendance = services.attendance(activity)
    recorded = {}
    for aanmelding_id, meeting_id, present in Aanwezigheid.objects.filter(
        aanmelding__activity_id=activity.pk
    ).values_list("aanmelding_id", "bijeenkomst_id", "present"):
        recorded[aanmelding_id, meeting_id] = present
    yes_no = {True: _("ja"), False: _("nee"), None: ""}
    for a in Aanmelding.objects.filter(activity_id=activity.pk).select_related("gemeente"):
        counted = a.pk in attendance.counted and attendance.held
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
                positions.get(a.pk, ""),
                _local(a.created_at),
                _local(a.confirmed_at),
                a.added_reason,
                str(yes_no[a.attended]),
                (
                    _("%(present)s van %(held)s")
                    % {"present": attendance.present.get(a.pk, 0), "held": attendance.held}
                    if counted
                    else ""
                ),
                *(str(yes_no[recorded.get((a.pk, m.pk))]) for _n, m in meetings),
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
    return spreadsheet(export_rows(activity), filename, _("Aanmeldingen"), fmt)


def spreadsheet(rows, filename, title, fmt):
    """A download of ``rows`` (already made safe with ``_safe``) as CSV or XLSX."""
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        response.write("\ufeff")  # so Excel reads UTF-8
        writer = csv.writer(response, delimiter=";")
        for row in rows:
            writer.writerow(row)
    else:
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(title)[:31]
        for row in rows:
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


# Reach and evaluation --------------------------------------------------------------------------


def _percent_text(value):
    return "" if value is None else f"{value}%"


def reach_figures(figures):
    """[(label, value)] of a Reach, in the order of the report's table."""
    return [
        (_("Deelnemers"), figures.participants),
        (_("Aanwezig geweest"), figures.attended),
        (_("Organisaties bereikt"), len(figures.organisations)),
        (_("Gemeenten bereikt"), len(figures.gemeenten)),
        (_("waarvan GIDS-gemeenten"), len(figures.gids)),
        (_("Gemiddelde aanwezigheid"), _percent_text(figures.attendance_percent)),
        (_("Evaluaties ingevuld"), figures.evaluations),
        (_("Gemiddelde waardering (1–5)"), figures.average_score or ""),
    ]


def _bars(items):
    """[(label, value, width in % of the largest)] for a bar chart."""
    largest = max((value for _label, value in items), default=0)
    return [
        (label, value, round(100 * value / largest) if largest else 0) for label, value in items
    ]


class ActivityReachView(ActivityAdminMixin, TemplateView):
    """One activity's reach, its scores and the comments."""

    template_name = "leerkringen/admin/reach_activity.html"

    def get_page_title(self):
        return _("Bereik en evaluatie")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = reach.reach_of([self.activity])[self.activity.pk]
        context.update(
            figures=figures,
            rows=reach_figures(figures),
            gemeenten=reach.gemeenten_reached(figures),
            score_bars=_bars([(str(score), n) for score, n, _percent in figures.distribution]),
            comments=Evaluatie.objects.filter(activity_id=self.activity.pk).exclude(comment=""),
            year_url=reverse("leerkringen_admin:reach_year")
            + (
                f"?jaar={timezone.localtime(self.activity.first_starts_at).year}"
                if self.activity.first_starts_at
                else ""
            ),
        )
        return context


def reach_activity_rows(activity):
    """The export of one activity's report: the figures, the scores, the comments."""
    figures = reach.reach_of([activity])[activity.pk]
    yield [_safe(activity.title), ""]
    for label, value in reach_figures(figures):
        yield [str(label), value]
    yield []
    yield [_("Waardering"), _("Aantal")]
    for score, n, _percent in figures.distribution:
        yield [score, n]
    yield []
    yield [_("Ingevuld op"), _("Waardering"), _("Opmerking")]
    for evaluatie in Evaluatie.objects.filter(activity_id=activity.pk):
        yield [evaluatie.answered_on.isoformat(), evaluatie.score, _safe(evaluatie.comment)]


def reach_activity_export(request, activity_id, fmt):
    activity = get_activity_or_403(request.user, activity_id)
    filename = f"bereik-{slugify(activity.title)[:50] or activity.pk}"
    return spreadsheet(reach_activity_rows(activity), filename, _("Bereik en evaluatie"), fmt)


def report_years(user):
    """The years (newest first) in which an activity the user may see began."""
    return sorted(
        {
            timezone.localtime(when).year
            for when in visible_activities(user)
            .filter(first_starts_at__lte=timezone.now())
            .values_list("first_starts_at", flat=True)
            if when
        },
        reverse=True,
    )


def year_report(user, year):
    """(rows, total): each activity the user may see that began in ``year`` (and has begun)
    with its Reach, and the year's Reach."""
    activities = (
        visible_activities(user)
        .filter(first_starts_at__year=year, first_starts_at__lte=timezone.now())
        .order_by("first_starts_at", "pk")
    )
    figures = reach.reach_of(activities)
    rows = [figures[activity.pk] for activity in activities]
    return rows, reach.total(rows)


class YearReachView(WagtailAdminTemplateMixin, TemplateView):
    """The reach and evaluations of a year's activities: a table, a bar chart, the exports."""

    template_name = "leerkringen/admin/reach_year.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_any(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Bereik en evaluatie")

    def get_page_subtitle(self):
        return str(self.year) if self.year else ""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        self.years = report_years(request.user)
        asked = request.GET.get("jaar", "")
        if asked.isdigit() and int(asked) in self.years:
            self.year = int(asked)
        elif timezone.localdate().year in self.years:
            self.year = timezone.localdate().year
        else:
            self.year = self.years[0] if self.years else None
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, year_total = year_report(self.request.user, self.year) if self.year else ([], None)
        context.update(
            years=self.years,
            year=self.year,
            rows=rows,
            total=year_total,
            total_rows=reach_figures(year_total) if year_total else [],
            participant_bars=_bars([(row.activity.title, row.participants) for row in rows]),
        )
        return context


def reach_year_rows(user, year):
    """The export of a year's report: a row per activity, then the year's total."""
    rows, year_total = year_report(user, year)
    labels = [str(label) for label, _value in reach_figures(reach.Reach())]
    yield [_("Activiteit"), _("Begint"), *labels]
    for row in rows:
        yield [
            _safe(row.activity.title),
            _local(row.activity.first_starts_at),
            *(value for _label, value in reach_figures(row)),
        ]
    yield [
        _("Totaal %(year)s") % {"year": year},
        "",
        *(value for _label, value in reach_figures(year_total)),
    ]


def reach_year_export(request, year, fmt):
    if not may_see_any(request.user):
        raise PermissionDenied
    if year not in report_years(request.user):
        raise Http404
    return spreadsheet(
        reach_year_rows(request.user, year), f"bereik-{year}", _("Bereik en evaluatie"), fmt
    )
