"""Demo steps for the site itself: content locales, GezondIn settings and the demo admin user."""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Site

from gezondin.models import GezondInSettings

from .registry import CREATED, PRESENT, UPDATED, DemoContext, register_step

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@example.nl"
DEFAULT_ADMIN_PASSWORD = "gezondin-demo"  # noqa: S105 (a documented demo login, not a secret)
ADMIN_PASSWORD_ENV = "GEZONDIN_DEMO_ADMIN_PASSWORD"  # noqa: S105

CONTACT_EMAIL = "gezondin@example.nl"


@register_step("locales", order=0)
def ensure_locales(ctx: DemoContext) -> None:
    """A Locale for every content language, the default language first."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    codes.sort(key=lambda code: code != default)
    for code in codes:
        locale, created = Locale.objects.get_or_create(language_code=code)
        ctx.record("Locales", CREATED if created else PRESENT, label=code)
        ctx.locales[code] = locale


@register_step("site-address", order=350)
def ensure_site_address(ctx: DemoContext) -> None:
    """The default site's host name and port are those of WAGTAILADMIN_BASE_URL (``make run``
    passes the address it serves), so every link built from the site works."""
    base = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    if not base.hostname:
        return
    hostname = base.hostname
    port = base.port or (443 if base.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    if (site.hostname, site.port) == (hostname, port):
        ctx.record("Site address", PRESENT, label=f"{hostname}:{port}")
        return
    if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        ctx.log(f"  Another site already has {hostname}:{port}; the default site keeps its own.", 1)
        return
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    ctx.record("Site address", UPDATED, label=f"{hostname}:{port}")


@register_step("site-settings", order=400)
def ensure_site_settings(ctx: DemoContext) -> None:
    """GezondIn settings of the default site; only empty fields are filled in."""
    site = Site.objects.get(is_default_site=True)
    site_settings = GezondInSettings.objects.filter(site=site).first()
    created = site_settings is None
    if created:
        site_settings = GezondInSettings(site=site)

    pages = ctx.objects.get("pages", {})
    language = ctx.default_locale.language_code
    wanted = {
        "organisation_name": "GezondIn",
        "contact_email": CONTACT_EMAIL,
        "contact_page": pages.get("contact", {}).get(language),
        "privacy_page": pages.get("privacyverklaring", {}).get(language),
        "accessibility_page": pages.get("toegankelijkheidsverklaring", {}).get(language),
    }
    changed = False
    for name, value in wanted.items():
        if value is not None and not getattr(site_settings, name):
            setattr(site_settings, name, value)
            changed = True
    if created or changed:
        site_settings.save()
    status = CREATED if created else UPDATED if changed else PRESENT
    ctx.record("GezondIn settings", status, label=str(site))


def demo_admin_password(options) -> str:
    return (
        options.get("admin_password")
        or os.environ.get(ADMIN_PASSWORD_ENV)
        or DEFAULT_ADMIN_PASSWORD
    )


@register_step("admin-user", order=900)
def ensure_admin_user(ctx: DemoContext) -> None:
    """The demo superuser. An existing user's password is only changed on request."""
    User = get_user_model()  # noqa: N806
    password = demo_admin_password(ctx.options)
    user = User.objects.filter(**{User.USERNAME_FIELD: ADMIN_USERNAME}).first()

    if user is None:
        User.objects.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, password)
        ctx.record("Admin user", CREATED, label=ADMIN_USERNAME)
        ctx.closing_lines += [f"  username: {ADMIN_USERNAME}", f"  password: {password}"]
    elif ctx.options.get("reset_admin_password"):
        user.set_password(password)
        # The login printed below has to work: make sure the account can use the admin.
        user.is_active = user.is_staff = user.is_superuser = True
        user.save()
        ctx.record("Admin user", UPDATED, label=ADMIN_USERNAME)
        ctx.closing_lines += [
            f"  username: {ADMIN_USERNAME}",
            f"  password: {password} (reset)",
        ]
    else:
        ctx.record("Admin user", PRESENT, label=ADMIN_USERNAME)
        if user.is_active and user.check_password(password):
            ctx.closing_lines.append(
                f"  The admin login is unchanged: username {ADMIN_USERNAME}, password {password}"
            )
        else:
            ctx.closing_lines.append(
                f"  The admin login is unchanged: user {ADMIN_USERNAME} keeps its own password "
                "(use --reset-admin-password to set the demo password)."
            )
