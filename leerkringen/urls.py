"""The pages behind the signed links in sign-up e-mails, inside the language prefix:
/<lang>/aanmelding/<token>/ and its actions. The paths are not translated, so a link in an
e-mail keeps working whatever happens to the catalogues.

``<agenda url>agenda.ics`` is the agenda's calendar feed: Wagtail's catch-all pattern does not
match dotted names, so it is routed here and handed to the agenda page."""

from django.urls import path, re_path

from leerkringen import views

app_name = "leerkringen"

urlpatterns = [
    path("aanmelding/<str:token>/", views.manage, name="manage"),
    path("aanmelding/<str:token>/bevestigen/", views.confirm, name="confirm"),
    path("aanmelding/<str:token>/afmelden/", views.cancel, name="cancel"),
    path("aanmelding/<str:token>/plek-aannemen/", views.accept, name="accept"),
    re_path(r"^(?P<path>(?:[\w\-]+/)+)agenda\.ics$", views.agenda_feed, name="agenda_feed"),
]
