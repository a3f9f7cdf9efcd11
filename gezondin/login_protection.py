"""Protection of the admin login against password guessing, with django-axes (configured in the
reference site's settings/base.py; see docs/publishing.md).

- :func:`client_ip_address` is the client address axes counts failures for: the one the whole site
  uses (:func:`gezondin.clients.client_ip`, which trusts ``X-Forwarded-For`` only as far as
  ``GEZONDIN_TRUSTED_PROXY_COUNT`` reverse proxies).
- :func:`lockout_response` is the page a locked-out login gets: the admin's sign-in layout with a
  translated message that says how long the lock lasts and who can lift it.
"""

import math

from django.conf import settings
from django.shortcuts import render

from gezondin.clients import client_ip


def client_ip_address(request):
    """AXES_CLIENT_IP_CALLABLE: the same client address as the rest of the site."""
    return client_ip(request) or None


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page, with HTTP status 429 (Too Many Requests)."""
    from axes.helpers import get_cool_off  # axes is the reference site's, not the plugin's

    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    return render(
        request,
        "gezondin/admin/login_locked.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


# Unlocking in the admin ---------------------------------------------------------------------------
# Settings → Inlogblokkades: superusers and whoever has axes' "delete access attempt" permission
# (the national editors get it from kennisbank.publishing.ensure_national_editors) see the
# accounts and addresses that are locked now and can unlock them. Registered in
# gezondin/wagtail_hooks.py only when django-axes is installed.

UNLOCK_PERMISSION = "axes.delete_accessattempt"


def may_unlock(user) -> bool:
    return bool(
        getattr(user, "is_active", False)
        and (user.is_superuser or user.has_perm(UNLOCK_PERMISSION))
    )


def current_locks():
    """The accounts and addresses locked now: [{"kind", "value", "failures", "last"}]."""
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt
    from django.db.models import Max, Sum
    from django.utils import timezone

    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - get_cool_off())
    locks = []
    for kind, field in (("username", "username"), ("ip", "ip_address")):
        rows = (
            recent.exclude(**{f"{field}__isnull": True})
            .values(field)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
            .order_by("-last")
        )
        locks += [
            {"kind": kind, "value": row[field], "failures": row["failures"], "last": row["last"]}
            for row in rows
            if row[field]
        ]
    return locks


def lockouts_view_class():
    """The admin view, built on first use so that the plugin does not need axes or the admin."""
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _
    from django.views.generic import TemplateView
    from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

    class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
        template_name = "gezondin/admin/lockouts.html"
        header_icon = "lock"

        def dispatch(self, request, *args, **kwargs):
            if not may_unlock(request.user):
                raise PermissionDenied
            return super().dispatch(request, *args, **kwargs)

        def get_page_title(self):
            return _("Inlogblokkades")

        def get_context_data(self, **kwargs):
            return {**super().get_context_data(**kwargs), "locks": current_locks()}

        def post(self, request, *args, **kwargs):
            from axes.utils import reset

            kind, value = request.POST.get("kind"), request.POST.get("value", "")
            if kind == "username" and value:
                reset(username=value)
                messages.success(
                    request, _("Account ‘%(value)s’ is ontgrendeld.") % {"value": value}
                )
            elif kind == "ip" and value:
                reset(ip=value)
                messages.success(request, _("Adres %(value)s is ontgrendeld.") % {"value": value})
            return redirect(request.path)

    return LockoutsView
