"""The URLs through which other installations and search engines read this site, for outside
the language prefix (docs/sharing.md, docs/api.md)::

    path("", include("gezondin.urls.shared")),

- ``api/v2/``: the read API (needs ``wagtail.api.v2`` and ``rest_framework`` installed);
- ``robots.txt``, ``sitemap.xml`` and ``<language>/sitemap.xml`` (need
  ``django.contrib.sitemaps`` and ``wagtail.contrib.sitemaps``);
- ``healthz``: the app server's health for the proxy (gezondin.health, docs/deployment.md).

``add_gezondin_apps(INSTALLED_APPS, sharing=True)`` adds those apps.
"""

from django.urls import path

from gezondin import health, views
from gezondin.api import api_router

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("robots.txt", views.robots_txt, name="gezondin_robots"),
    path("sitemap.xml", views.sitemap_index, name="gezondin_sitemap_index"),
    path("<slug:section>/sitemap.xml", views.sitemap, name="gezondin_sitemap"),
    path("healthz", health.healthz, name="gezondin_healthz"),
]
