"""URLs of the GezondIn plugin that live inside the language prefix (see settings/urls.py)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from gezondin import views

app_name = "gezondin"

urlpatterns = [
    path(pgettext_lazy("URL", "zoeken/"), views.search, name="search"),
]
