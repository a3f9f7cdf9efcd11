import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from gezondin import views as gezondin_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Outside the language prefix: the read API (docs/api.md), sitemaps and robots.txt
    # (docs/sharing.md).
    path("", include("gezondin.urls.shared")),
    # The reference site's web manifest (linked from templates/base.html).
    path("manifest.webmanifest", gezondin_views.web_manifest, name="gezondin_manifest"),
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
    # Every public URL of the plugin: site search, sign-up links, the agenda's .ics.
    path("", include("gezondin.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
