"""System checks of what a host site must set up for GezondIn (docs/installing.md), so that
``manage.py check`` says what is missing instead of a page that 404s or a sign-up e-mail task
that fails later. Registered in GezondInConfig.ready().

- gezondin.E001 / E002 / W001: the one include ``path("", include("gezondin.urls"))``: missing,
  after Wagtail's own include (which then serves those URLs as pages: 404), or outside
  ``i18n_patterns``.
- gezondin.E003 / W002: django.middleware.locale.LocaleMiddleware missing, or in the wrong place.
- gezondin.E004: WAGTAIL_I18N_ENABLED is off.
- gezondin.E005 / E006 / W003: language settings Wagtail rejects, a LANGUAGE_CODE that is no
  content language, no Dutch among the content languages.
- gezondin.E007: ``gezondin.urls.shared`` is included but the apps it needs are not installed
  (the sitemaps and the API would answer with a server error).
- gezondin.W004: the database has no Locale for the default language (a site migrated before it
  used GezondIn's language settings): ``manage.py gezondin_adopt_locale``.
- gezondin.W005: wagtail-localize publishes a new translation of a live page at once, still in
  the source language, unless WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False.
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Warning
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant

from gezondin import SHARING_APPS

LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"
INCLUDE = 'path("", include("gezondin.urls"))'
# A URL of the core in gezondin.urls: it is there when the include is.
PROBE = "gezondin:search"


def _content_languages():
    try:
        return list(get_content_languages())
    except ImproperlyConfigured:
        return []


def _default_language():
    try:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except (LookupError, ImproperlyConfigured):
        return None


def check_urls(app_configs=None, **kwargs):
    problems = []
    default = _default_language()
    for code in _content_languages():
        with translation.override(code):
            try:
                url = reverse(PROBE)
            except NoReverseMatch:
                return [
                    Error(
                        "The plugin's URLs are not in the URL configuration: sign-up e-mails "
                        "cannot link to their pages, the agenda's calendar and the site search "
                        "are not found.",
                        hint=f"Add {INCLUDE} to ROOT_URLCONF ({settings.ROOT_URLCONF}), inside "
                        "i18n_patterns(...) and before include(wagtail_urls).",
                        id="gezondin.E001",
                    )
                ]
            try:
                match = resolve(url)
            except Resolver404:
                match = None
        if match is None or match.view_name != PROBE:
            return [
                Error(
                    f"{url} is served by {match.view_name if match else 'nothing'}, not by "
                    "GezondIn: the include of gezondin.urls comes after Wagtail's own "
                    "include(wagtail_urls), which takes every path.",
                    hint=f"Put {INCLUDE} before include(wagtail_urls) in {settings.ROOT_URLCONF}.",
                    id="gezondin.E002",
                )
            ]
        if code != default and f"/{code}/" not in url:
            problems.append(
                Warning(
                    f"The plugin's URLs have no language prefix ({url} in {code}): the sign-up "
                    "pages and e-mail links are not in the participant's language.",
                    hint=f"Put {INCLUDE} inside i18n_patterns(...) in {settings.ROOT_URLCONF}.",
                    id="gezondin.W001",
                )
            )
            break
    return problems


def check_middleware(app_configs=None, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    if LOCALE_MIDDLEWARE not in middleware:
        return [
            Error(
                f"{LOCALE_MIDDLEWARE} is not in MIDDLEWARE: every visitor gets the default "
                "language and the language prefixes of the URLs do not work.",
                hint='Add it right after "django.contrib.sessions.middleware.SessionMiddleware".',
                id="gezondin.E003",
            )
        ]
    position = middleware.index(LOCALE_MIDDLEWARE)
    before = [
        name
        for name in ("django.contrib.sessions.middleware.SessionMiddleware",)
        if name in middleware[position:]
    ]
    after = [
        name
        for name in ("django.middleware.common.CommonMiddleware",)
        if name in middleware[:position]
    ]
    if before or after:
        return [
            Warning(
                f"{LOCALE_MIDDLEWARE} must come after SessionMiddleware and before "
                "CommonMiddleware.",
                hint="Move it right after SessionMiddleware in MIDDLEWARE.",
                id="gezondin.W002",
            )
        ]
    return []


def check_languages(app_configs=None, **kwargs):
    problems = []
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        problems.append(
            Error(
                "WAGTAIL_I18N_ENABLED is not True: GezondIn's pages, vocabularies and "
                "sign-up e-mails are per language.",
                hint="Set WAGTAIL_I18N_ENABLED = True; on a site that already has pages, see "
                "docs/installing.md (manage.py gezondin_adopt_locale).",
                id="gezondin.E004",
            )
        )
    try:
        languages = list(get_content_languages())
    except ImproperlyConfigured as error:
        problems.append(
            Error(
                f"Wagtail rejects the language settings: {error}",
                hint='Use LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands"), '
                '("en", "English")].',
                id="gezondin.E005",
            )
        )
        return problems
    if _default_language() is None:
        problems.append(
            Error(
                f"LANGUAGE_CODE {settings.LANGUAGE_CODE!r} is none of the content languages "
                f"({', '.join(languages)}).",
                hint='Set LANGUAGE_CODE = "nl".',
                id="gezondin.E006",
            )
        )
    if "nl" not in languages:
        problems.append(
            Warning(
                "Dutch is not among the content languages (WAGTAIL_CONTENT_LANGUAGES): "
                "GezondIn's texts are Dutch first, and Dutch practices shared by other "
                "installations have nowhere to go.",
                hint='Add ("nl", "Nederlands") to LANGUAGES and WAGTAIL_CONTENT_LANGUAGES.',
                id="gezondin.W003",
            )
        )
    return problems


def check_default_locale(app_configs=None, **kwargs):
    from wagtail.models import Locale  # the models are loaded after this module

    default = _default_language()
    if default is None:
        return []
    try:
        codes = set(Locale.objects.values_list("language_code", flat=True))
    except DatabaseError:  # not migrated yet, or no database: nothing to say
        return []
    if not codes or default in codes:
        return []
    return [
        Warning(
            f"The database has no locale for the default language {default!r}, only "
            f"{', '.join(sorted(codes))}: the site was migrated with other language settings. "
            "Wagtail looks up pages and snippets in a locale that does not exist.",
            hint="Run `manage.py gezondin_adopt_locale --dry-run`, then without --dry-run "
            "(docs/installing.md, existing sites).",
            id="gezondin.W004",
        )
    ]


def check_sharing(app_configs=None, **kwargs):
    try:
        reverse("gezondin_sitemap_index")
    except NoReverseMatch:
        return []  # the site does not share: nothing more is needed
    missing = [name for name in SHARING_APPS if not apps.is_installed(name)]
    if not missing:
        return []
    return [
        Error(
            "gezondin.urls.shared is included, but the apps its sitemaps and API need are not "
            "installed: " + ", ".join(missing) + ".",
            hint="Use INSTALLED_APPS = add_gezondin_apps(INSTALLED_APPS, sharing=True), or add "
            "those apps, or leave out the include of gezondin.urls.shared.",
            id="gezondin.E007",
        )
    ]


def check_translation_drafts(app_configs=None, **kwargs):
    if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True) is False:
        return []
    return [
        Warning(
            "Translating a live page publishes its translation at once, before anyone has "
            "translated it: visitors of the other language see the page in the source language.",
            hint="Set WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False: a translation is "
            "then a draft until someone publishes it (docs/publishing.md).",
            id="gezondin.W005",
        )
    ]


CHECKS = [
    check_urls,
    check_middleware,
    check_languages,
    check_default_locale,
    check_sharing,
    check_translation_drafts,
]
