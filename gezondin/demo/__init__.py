"""Demo content for the reference site, loaded by ``python manage.py load_demo``.

The loader is a sequence of steps (see :mod:`gezondin.demo.registry`); each step is a function
taking the shared :class:`DemoContext`. The core's steps live in this package and register
themselves on import. Another app adds content by providing its own ``demo`` module, which
imports ``DemoContext`` and ``register_step`` from here and the builders (``PageSpec``,
``ensure_page``, ``publish_pending_pages``) from :mod:`gezondin.demo.builder`, e.g.::

    # kennisbank/demo.py
    @register_step("kennisbank-practices", order=500, provides={"practices"})
    def load_practices(ctx: DemoContext) -> None:
        home = ctx.objects["pages"]["home"]["nl"]
        ...  # ctx.options["practices"] is the N of --practices N

``load_demo`` imports every installed app's ``demo`` module, then runs all steps in order inside
one transaction. Use the helpers in :mod:`gezondin.demo.builder` so that every step stays
idempotent: find objects by a stable key, create only what is missing, record each outcome with
``ctx.record(kind, status, obj)``.
"""

# Importing the core step modules registers their steps.
from . import organisaties, pages, site, synonyms, vocabularies  # noqa: F401
from .registry import (
    CREATED,
    DELETED,
    PRESENT,
    UPDATED,
    DemoContext,
    Step,
    get_steps,
    provided_options,
    register_step,
    unregister_step,
)

__all__ = [
    "CREATED",
    "DELETED",
    "PRESENT",
    "UPDATED",
    "DemoContext",
    "Step",
    "get_steps",
    "provided_options",
    "register_step",
    "unregister_step",
]
