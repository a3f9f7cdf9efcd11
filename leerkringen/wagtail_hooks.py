"""Sign-ups in the Wagtail admin: the views (leerkringen.admin_views), the "Aanmeldingen" and
"Bereik en evaluatie" menu items, a button on activity pages, and a dashboard panel with
upcoming activities.

Everything is shown only to people who may see sign-ups (see admin_views: national editors and
superusers all, facilitators their own circles, nobody else).
"""

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from leerkringen import admin_views, services
from leerkringen.models import ActivityPage

app_name = "leerkringen_admin"
urlpatterns = [
    path("", admin_views.ActivityIndexView.as_view(), name="index"),
    path("<int:activity_id>/", admin_views.AanmeldingListView.as_view(), name="aanmeldingen"),
    path("<int:activity_id>/actie/", admin_views.aanmelding_action, name="action"),
    path(
        "<int:activity_id>/aanwezigheid/<int:meeting_id>/",
        admin_views.AttendanceView.as_view(),
        name="attendance",
    ),
    path("<int:activity_id>/toevoegen/", admin_views.AddParticipantView.as_view(), name="add"),
    path("<int:activity_id>/bericht/", admin_views.MessageView.as_view(), name="message"),
    path("<int:activity_id>/export.csv", admin_views.export, {"fmt": "csv"}, name="export_csv"),
    path("<int:activity_id>/export.xlsx", admin_views.export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("bereik/", admin_views.YearReachView.as_view(), name="reach_year"),
    path(
        "bereik/<int:year>.csv",
        admin_views.reach_year_export,
        {"fmt": "csv"},
        name="reach_year_csv",
    ),
    path(
        "bereik/<int:year>.xlsx",
        admin_views.reach_year_export,
        {"fmt": "xlsx"},
        name="reach_year_xlsx",
    ),
    path("<int:activity_id>/bereik/", admin_views.ActivityReachView.as_view(), name="reach"),
    path(
        "<int:activity_id>/bereik.csv",
        admin_views.reach_activity_export,
        {"fmt": "csv"},
        name="reach_csv",
    ),
    path(
        "<int:activity_id>/bereik.xlsx",
        admin_views.reach_activity_export,
        {"fmt": "xlsx"},
        name="reach_xlsx",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("aanmeldingen/", include((urlpatterns, app_name), namespace=app_name))]


class AanmeldingenMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_any(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return AanmeldingenMenuItem(
        _("Aanmeldingen"),
        reverse("leerkringen_admin:index"),
        name="aanmeldingen",
        icon_name="group",
        order=250,
    )


@hooks.register("register_admin_menu_item")
def register_reach_menu_item():
    return AanmeldingenMenuItem(
        _("Bereik en evaluatie"),
        reverse("leerkringen_admin:reach_year"),
        name="bereik",
        icon_name="table",
        order=251,
    )


def _activity_button(page, user):
    if not issubclass(page.specific_class or type(page), ActivityPage):
        return None
    if not admin_views.may_see_any(user) or not admin_views.may_see(user, page):
        return None
    activity = services.canonical(page)
    return Button(
        _("Aanmeldingen"),
        reverse("leerkringen_admin:aanmeldingen", args=[activity.pk]),
        icon_name="group",
        priority=5,
    )


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name=None, next_url=None):
    button = _activity_button(page, user)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    button = _activity_button(page, user)
    if button:
        yield button


class UpcomingActivitiesPanel(Component):
    """Upcoming activities the user may see, and how full they are."""

    name = "leerkringen_upcoming"
    order = 90
    template_name = "leerkringen/admin/dashboard_panel.html"

    def __init__(self, user, limit=8):
        self.user = user
        self.limit = limit

    def get_context_data(self, parent_context=None):
        activities = list(
            admin_views.visible_activities(self.user)
            .filter(last_ends_at__gte=timezone.now())
            .order_by("first_starts_at", "pk")[: self.limit]
        )
        availabilities = services.availabilities(activities)
        rows = []
        for activity in activities:
            seats = availabilities[activity.pk]
            percent = (
                min(100, round(100 * seats.taken / seats.capacity)) if seats.capacity else None
            )
            rows.append({"activity": activity, "seats": seats, "percent": percent})
        return {"rows": rows}


@hooks.register("construct_homepage_panels")
def add_upcoming_panel(request, panels):
    if admin_views.may_see_any(request.user):
        panels.append(UpcomingActivitiesPanel(request.user))
