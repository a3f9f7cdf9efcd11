"""GezondIn core: home and content pages, municipalities, vocabularies, site settings."""

# The apps a host Wagtail site adds to INSTALLED_APPS to run GezondIn (before the Wagtail apps).
# wagtail_localize.locales replaces wagtail.locales.
GEZONDIN_APPS = [
    "gezondin",
    "kennisbank",
    "leerkringen",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "django_filters",
]
