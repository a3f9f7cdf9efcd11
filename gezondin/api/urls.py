"""The read API's URLs, mounted at /api/v2/ outside the language prefixes.

gezondin.urls.shared includes the API with the sitemaps and robots.txt; a host site that wants
the API alone adds ``path("", include("gezondin.api.urls"))`` to its URLconf, outside
``i18n_patterns``.

API responses also report this module as their URLconf (``request.urlconf``, see
gezondin.api.views.GezondInAPIRouter) to the middleware that handles them afterwards: it has no
language prefix patterns, so Django's LocaleMiddleware leaves an API 404 a JSON 404 instead of
redirecting it to /nl/api/v2/...
"""

from django.urls import path

from gezondin.api import api_router

urlpatterns = [path("api/v2/", api_router.urls)]
