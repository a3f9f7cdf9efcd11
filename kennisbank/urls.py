"""The kennisbank's public URLs outside its pages, inside the language prefix (registered with
gezondin.public_urls): sharing a practice without an account (kennisbank/share_views.py).

The paths are translated (the ``URL`` context of the catalogues): ``/nl/praktijk-delen/``,
``/en/share-a-practice/``, with ``verstuurd/`` (``sent/``) after the form and
``<token>/bevestigen/`` (``<token>/confirm/``) behind the link in the mail. Changing a
translation of these words breaks the links in e-mails already sent.
"""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from kennisbank import share_views

app_name = "kennisbank"

# Translators: the words of the "share a practice" pages' paths; lower case, without spaces.
DELEN = pgettext_lazy("URL", "praktijk-delen")
VERSTUURD = pgettext_lazy("URL", "verstuurd")
BEVESTIGEN = pgettext_lazy("URL", "bevestigen")

urlpatterns = [
    path(format_lazy("{}/", DELEN), share_views.share_form, name="share"),
    path(format_lazy("{}/{}/", DELEN, VERSTUURD), share_views.sent, name="share_sent"),
    path(
        format_lazy("{}/<str:token>/{}/", DELEN, BEVESTIGEN),
        share_views.confirm,
        name="share_confirm",
    ),
]
