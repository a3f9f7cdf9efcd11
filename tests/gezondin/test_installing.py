"""What a host site does to install GezondIn (docs/installing.md): ``add_gezondin_apps`` and the
system checks (gezondin.E0xx / W0xx) that say what is missing."""

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.conf.urls.i18n import i18n_patterns
from django.core.checks import run_checks
from django.test import override_settings
from django.urls import include, path
from wagtail import urls as wagtail_urls

from gezondin import GEZONDIN_APPS, add_gezondin_apps

# add_gezondin_apps --------------------------------------------------------------------------------

# What `wagtail start` (Wagtail 8.0) writes.
WAGTAIL_START_APPS = [
    "home",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]


def test_a_wagtail_start_project_gets_the_plugin_before_the_wagtail_apps():
    apps = add_gezondin_apps(WAGTAIL_START_APPS)
    assert apps[:9] == [
        "home",
        "search",
        "gezondin",
        "kennisbank",
        "leerkringen",
        "wagtail_localize",
        "wagtail_localize.locales",
        "wagtail.contrib.settings",
        "wagtail.contrib.routable_page",
    ]
    assert apps[9:] == WAGTAIL_START_APPS[2:]  # the host's own order, django_filters once
    assert len(apps) == len(set(apps))


def test_the_hosts_list_is_not_changed():
    host = list(WAGTAIL_START_APPS)
    add_gezondin_apps(host)
    assert host == WAGTAIL_START_APPS


def test_apps_the_host_lacks_are_added_once():
    host = [app for app in WAGTAIL_START_APPS if app != "django_filters"]
    apps = add_gezondin_apps(host)
    assert apps.count("django_filters") == 1
    assert apps[-1] == "django_filters"
    assert add_gezondin_apps(apps) == apps  # applying it twice changes nothing


def test_wagtail_locales_is_replaced():
    host = [*WAGTAIL_START_APPS[:2], "wagtail.locales", *WAGTAIL_START_APPS[2:]]
    apps = add_gezondin_apps(host)
    assert "wagtail.locales" not in apps
    assert apps == add_gezondin_apps(WAGTAIL_START_APPS)


def test_apps_named_by_their_config_class_count_as_present():
    host = [*WAGTAIL_START_APPS, "wagtail_localize.apps.WagtailLocalizeAppConfig"]
    apps = add_gezondin_apps(host)
    assert "wagtail_localize" not in apps
    assert apps[-1] == "wagtail_localize.apps.WagtailLocalizeAppConfig"


def test_sharing_adds_what_the_api_and_sitemaps_need():
    apps = add_gezondin_apps(WAGTAIL_START_APPS, sharing=True)
    for app in ["wagtail.api.v2", "rest_framework", "wagtail.contrib.sitemaps"]:
        assert apps.count(app) == 1
    assert apps.index("wagtail.api.v2") < apps.index("wagtail.contrib.forms")


def test_gezondin_apps_lists_only_the_plugin_and_what_a_host_may_lack():
    assert GEZONDIN_APPS == [
        "gezondin",
        "kennisbank",
        "leerkringen",
        "wagtail_localize",
        "wagtail_localize.locales",
        "wagtail.contrib.settings",
        "wagtail.contrib.routable_page",
        "django_filters",
    ]


# System checks ------------------------------------------------------------------------------------


def gezondin_check_ids():
    return sorted(message.id for message in run_checks() if message.id.startswith("gezondin."))


# Host URL configurations (ROOT_URLCONF may be any object with `urlpatterns`).
class WithoutInclude:
    urlpatterns = i18n_patterns(path("", include(wagtail_urls)))


class IncludeAfterWagtail:
    urlpatterns = i18n_patterns(path("", include(wagtail_urls)), path("", include("gezondin.urls")))


class IncludeOutsideLanguagePrefix:
    urlpatterns = [
        path("", include("gezondin.urls")),
        *i18n_patterns(path("", include(wagtail_urls))),
    ]


class KeepingTheHostsUrls:
    urlpatterns = i18n_patterns(
        path("", include("gezondin.urls")),
        path("", include(wagtail_urls)),
        prefix_default_language=False,
    )


@pytest.mark.django_db
def test_the_reference_site_passes_the_checks():
    assert gezondin_check_ids() == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "urlconf,expected",
    [
        (WithoutInclude, ["gezondin.E001"]),
        (IncludeAfterWagtail, ["gezondin.E002"]),
        (IncludeOutsideLanguagePrefix, ["gezondin.W001"]),
        (KeepingTheHostsUrls, []),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else None,
)
def test_the_include_of_gezondin_urls_is_checked(urlconf, expected):
    with override_settings(ROOT_URLCONF=urlconf):
        assert gezondin_check_ids() == expected


@pytest.mark.django_db
def test_a_missing_include_says_what_to_add_and_where():
    with override_settings(ROOT_URLCONF=WithoutInclude):
        (error,) = [message for message in run_checks() if message.id == "gezondin.E001"]
    assert 'include("gezondin.urls")' in error.hint
    assert "i18n_patterns" in error.hint


@pytest.mark.django_db
def test_locale_middleware_is_checked():
    middleware = list(django_settings.MIDDLEWARE)
    middleware.remove("django.middleware.locale.LocaleMiddleware")
    with override_settings(MIDDLEWARE=middleware):
        assert gezondin_check_ids() == ["gezondin.E003"]
    with override_settings(MIDDLEWARE=[*middleware, "django.middleware.locale.LocaleMiddleware"]):
        assert gezondin_check_ids() == ["gezondin.W002"]


@pytest.mark.django_db
@override_settings(WAGTAIL_I18N_ENABLED=False)
def test_wagtail_i18n_must_be_on():
    assert gezondin_check_ids() == ["gezondin.E004"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language_settings,expected",
    [
        # A content language Django does not know: Wagtail refuses it.
        ({"LANGUAGES": [("nl", "Nederlands")]}, ["gezondin.E005"]),
        ({"LANGUAGE_CODE": "de"}, ["gezondin.E006"]),
        (
            {
                "LANGUAGE_CODE": "en",
                "LANGUAGES": [("en", "English")],
                "WAGTAIL_CONTENT_LANGUAGES": [("en", "English")],
            },
            ["gezondin.W003"],
        ),
    ],
)
def test_language_settings_the_plugin_cannot_work_with(language_settings, expected, locales):
    with override_settings(**language_settings):
        assert gezondin_check_ids() == expected


@pytest.mark.django_db
@override_settings(LANGUAGE_CODE="en")
def test_a_database_without_the_default_languages_locale_is_pointed_at_the_command():
    # Only the Dutch locale exists (Wagtail's migration made it); the default is now English.
    (warning,) = [message for message in run_checks() if message.id == "gezondin.W004"]
    assert "gezondin_adopt_locale" in warning.hint


@pytest.mark.django_db
@pytest.mark.parametrize("value", [True, None])
def test_translations_published_at_once_are_reported(value, settings):
    if value is None:
        del settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE  # wagtail-localize's default
    else:
        settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = value

    (warning,) = [message for message in run_checks() if message.id == "gezondin.W005"]
    assert "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False" in warning.hint


class SharingWithoutItsApps:
    urlpatterns = [
        path("", include("gezondin.urls.shared")),
        *i18n_patterns(path("", include("gezondin.urls")), path("", include(wagtail_urls))),
    ]


@pytest.mark.django_db
def test_the_sharing_urls_without_their_apps_are_reported(monkeypatch):
    installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name != "django.contrib.sitemaps" and installed(name)
    )
    with override_settings(ROOT_URLCONF=SharingWithoutItsApps):
        (error,) = [message for message in run_checks() if message.id == "gezondin.E007"]
        assert "django.contrib.sitemaps" in error.msg
        assert "sharing=True" in error.hint
    # Without the shared include, nothing is asked of the installed apps.
    with override_settings(ROOT_URLCONF=KeepingTheHostsUrls):
        assert "gezondin.E007" not in gezondin_check_ids()
