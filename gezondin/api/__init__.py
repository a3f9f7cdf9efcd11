"""GezondIn's read API under /api/v2/ (Wagtail API v2), described for integrators in docs/api.md.

- gezondin.api.fields: the shared serializer fields the models name in their ``api_fields``
  (rich text as front-end HTML with absolute links, StreamFields, vocabularies, municipalities,
  organisations). The models import this module, so it imports no models at load time.
- gezondin.api.filters: the query parameters (thema, gemeente, provincie, updated_since, type,
  upcoming, locale, order), each strict: a malformed or unknown value is a 400 with a message.
- gezondin.api.views: ``api_router``, the endpoint base classes and the generic pages endpoint,
  mounted outside the language prefixes at ``api/v2/`` by gezondin.urls.shared (or, for the API
  alone, gezondin.api.urls).

The feature apps register their endpoints and fields themselves (kennisbank.api: practices,
knowledge pages, municipalities; leerkringen.api: activities with their meetings and seats); the
core imports neither (tests/test_architecture.py).

``api_router`` is loaded on first use (``from gezondin.api import api_router``), so importing the
fields from a models module does not import the views (and through them every model).
"""


def __getattr__(name):
    if name == "api_router":
        from gezondin.api.views import api_router  # lazily: the views import every model

        return api_router
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
