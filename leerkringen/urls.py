"""The pages behind the signed links in sign-up e-mails, inside the language prefix:
/<lang>/aanmelding/<token>/ and its actions. The paths are not translated, so a link in an
e-mail keeps working whatever happens to the catalogues."""

from django.urls import path

from leerkringen import views

app_name = "leerkringen"

urlpatterns = [
    path("aanmelding/<str:token>/", views.manage, name="manage"),
    path("aanmelding/<str:token>/bevestigen/", views.confirm, name="confirm"),
    path("aanmelding/<str:token>/afmelden/", views.cancel, name="cancel"),
    path("aanmelding/<str:token>/plek-aannemen/", views.accept, name="accept"),
]
