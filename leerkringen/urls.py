"""The pages behind the signed links in sign-up e-mails, inside the language prefix, and the
agenda's calendar feed.

The paths are translated (Django's translated URL patterns, with the words in the ``URL``
context of the catalogues): ``/nl/aanmelding/<token>/bevestigen/``,
``/en/registration/<token>/confirm/``; the evaluation after an activity
``/nl/evaluatie/<token>/``, ``/en/evaluation/<token>/``. E-mails and pages link with the words
of their language
(``reverse`` in the active language). The Dutch paths keep working under every language prefix
(``LEGACY``), so links in e-mails sent before the paths were translated still lead somewhere:
a GET answers with a permanent redirect to the translated path, a POST (a page's form) is
served. Changing a translation of these words breaks the links in e-mails already sent.

``<agenda url>agenda.ics`` is the agenda's calendar feed: Wagtail's catch-all pattern does not
match dotted names, so it is routed here and handed to the agenda page."""

from django.urls import path, re_path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from leerkringen import views

app_name = "leerkringen"

# Translators: the words of the sign-up's personal links; keep them lower case, without spaces.
AANMELDING = pgettext_lazy("URL", "aanmelding")
# {view name: (the Dutch word, the word in the active language)}
ACTIONS = {
    "confirm": ("bevestigen", pgettext_lazy("URL", "bevestigen")),
    "cancel": ("afmelden", pgettext_lazy("URL", "afmelden")),
    "accept": ("plek-aannemen", pgettext_lazy("URL", "plek-aannemen")),
}
# Translators: the word of the evaluation link's path; lower case, without spaces.
EVALUATIE = pgettext_lazy("URL", "evaluatie")
# The Dutch paths, untranslated: those of the links in e-mails sent before the translation.
LEGACY = {"manage": "aanmelding/<str:token>/"} | {
    name: f"aanmelding/<str:token>/{dutch}/" for name, (dutch, _word) in ACTIONS.items()
}

urlpatterns = [
    path(format_lazy("{}/<str:token>/", AANMELDING), views.manage, name="manage"),
    *(
        path(format_lazy("{}/<str:token>/{}/", AANMELDING, word), getattr(views, name), name=name)
        for name, (_dutch, word) in ACTIONS.items()
    ),
    path(format_lazy("{}/<str:token>/", EVALUATIE), views.evaluation, name="evaluation"),
    # Tried after the translated paths: for Dutch they are the same and never reached.
    *(
        path(route, views.legacy_link, {"name": name}, name=f"legacy_{name}")
        for name, route in LEGACY.items()
    ),
    re_path(r"^(?P<path>(?:[\w\-]+/)+)agenda\.ics$", views.agenda_feed, name="agenda_feed"),
]
