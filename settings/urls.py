import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from gezondin import views as gezondin_views
from gezondin.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The read API, outside the language prefix (docs/api.md)
    path("api/v2/", api_router.urls),
    # Sitemaps, robots.txt and the web manifest, outside the language prefix (docs/sharing.md)
    path("robots.txt", gezondin_views.robots_txt, name="gezondin_robots"),
    path("manifest.webmanifest", gezondin_views.web_manifest, name="gezondin_manifest"),
    path("sitemap.xml", gezondin_views.sitemap_index, name="gezondin_sitemap_index"),
    path("<slug:section>/sitemap.xml", gezondin_views.sitemap, name="gezondin_sitemap"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.SERVE_MEDIA and not settings.MEDIA_URL.startswith(("http://", "https://")):
    # Not django.conf.urls.static.static(), which serves nothing while DEBUG is off.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Public pages under /nl/ and /en/; "/" redirects to the visitor's language.
urlpatterns += i18n_patterns(
    path("", include("gezondin.urls")),
    path("", include("leerkringen.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
