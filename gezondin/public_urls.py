"""The registry of URL configurations that ``include("gezondin.urls")`` brings along.

The core's own public URLs (the site search) are in gezondin.urls; a feature app that has
public URLs of its own registers their module from its ``AppConfig.ready()``::

    public_urls.register("leerkringen.urls")

so a host site needs one include for all of them, and the core imports no feature app
(docs/architecture.md). gezondin.urls reads the registry when Django loads the URL
configuration, which is after every app is ready.
"""

_modules = []


def register(module):
    """Add the URLconf ``module`` (a dotted path; it keeps its own ``app_name`` namespace) to
    what gezondin.urls includes. Registering a module twice adds it once."""
    if module not in _modules:
        _modules.append(module)


def registered():
    """The registered URLconf modules, in the order they were registered."""
    return list(_modules)
