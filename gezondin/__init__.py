"""GezondIn core: home and content pages, municipalities, vocabularies, site settings.

This module is imported by a host's settings (``add_gezondin_apps``), so it imports nothing
from Django or from the rest of the plugin.
"""

# The plugin's own apps, in this order before the host's Wagtail apps (docs/installing.md).
PLUGIN_APPS = ["gezondin", "kennisbank", "leerkringen", "wagtail_localize"]
# Apps GezondIn needs that a Wagtail site may not have yet. wagtail_localize.locales takes the
# place of wagtail.locales: the two must not both be installed.
NEEDED_APPS = [
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "django_filters",
]
# What the URLs outside the language prefix need (gezondin.urls.shared: the read API, sitemaps
# and robots.txt).
SHARING_APPS = [
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "django.contrib.sitemaps",
]
REPLACED_APPS = {"wagtail.locales": "wagtail_localize.locales"}

# For a host that writes INSTALLED_APPS by hand: everything above, to be put before the Wagtail
# apps, leaving out what the list already has (and wagtail.locales, if it is there).
GEZONDIN_APPS = [*PLUGIN_APPS, *NEEDED_APPS]


def _app_name(entry):
    """The app's module of an INSTALLED_APPS entry: "x" for "x" and for "x.apps.XConfig"."""
    return entry.split(".apps.")[0]


def _is_wagtail_app(entry):
    name = _app_name(entry)
    return name == "wagtail" or name.startswith("wagtail.")


def add_gezondin_apps(apps, *, sharing=False):
    """``apps`` (a host's INSTALLED_APPS) with what GezondIn needs, as a new list.

    The plugin's apps go before the first Wagtail app, so their templates win, followed by the
    Wagtail apps it needs that the host lacks (wagtail_localize.locales instead of
    wagtail.locales, which is left out); the others go at the end. Nothing already in
    the list is added twice and the host's own order is kept. ``sharing=True`` also adds what
    gezondin.urls.shared needs (SHARING_APPS).
    """
    result = list(dict.fromkeys(entry for entry in apps if _app_name(entry) not in REPLACED_APPS))
    present = {_app_name(entry) for entry in result}
    wanted = [*PLUGIN_APPS, *NEEDED_APPS, *(SHARING_APPS if sharing else [])]
    missing = [app for app in wanted if app not in present]
    first_wagtail = next((index for index, entry in enumerate(result) if _is_wagtail_app(entry)), 0)
    result[first_wagtail:first_wagtail] = [
        app for app in missing if app in PLUGIN_APPS or app.startswith("wagtail")
    ]
    result += [app for app in missing if not (app in PLUGIN_APPS or app.startswith("wagtail"))]
    return result
