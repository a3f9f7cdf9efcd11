"""The demo loader's step registry and the context every step receives.

A step is a function taking a :class:`DemoContext`. Steps run in ascending ``order`` inside one
transaction. The core registers its steps when ``gezondin.demo`` is imported; another app adds
its own by providing a ``demo`` module (``kennisbank/demo.py`` or a ``kennisbank/demo/``
package) that calls :func:`register_step` at import time. ``load_demo`` imports the ``demo``
module of every installed app (Django's ``autodiscover_modules``) before it runs the steps.

Orders used so far (leave gaps so that later steps can go in between):

====  ==========================================================
   0  locales
 100  vocabularies
 150  synonyms
 200  organisations
 300  home page and content pages
 400  site settings
 500  (kennisbank: index pages, practices, ``--practices N``)
 600  (leerkringen: agenda, learning circles, activities)
 900  demo admin user
====  ==========================================================
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

CREATED = "created"
UPDATED = "updated"
PRESENT = "already present"
DELETED = "deleted"
STATUSES = (CREATED, UPDATED, DELETED, PRESENT)


@dataclass(frozen=True)
class Step:
    name: str
    func: Callable[[DemoContext], None]
    order: int
    provides: frozenset[str] = frozenset()
    """Command options this step handles, e.g. ``{"practices"}`` for ``--practices N``."""


_steps: dict[str, Step] = {}


def register_step(name: str, *, order: int, provides: Iterable[str] = ()):
    """Decorator registering ``func(ctx)`` as a demo step.

    Registering a name again replaces the earlier step, so importing a module twice is harmless
    and an app can deliberately override a core step.
    """

    def decorator(func):
        _steps[name] = Step(name=name, func=func, order=order, provides=frozenset(provides))
        return func

    return decorator


def unregister_step(name: str) -> None:
    _steps.pop(name, None)


def get_steps() -> list[Step]:
    """The registered steps in the order they run."""
    return sorted(_steps.values(), key=lambda step: (step.order, step.name))


def provided_options() -> set[str]:
    """The command options some registered step knows how to handle."""
    return {option for step in _steps.values() for option in step.provides}


class Report:
    """Counts per kind of object (``"Thema"``, ``"Pages"``) and status, in first-seen order."""

    def __init__(self):
        self.counts: dict[str, Counter] = {}

    def add(self, kind: str, status: str, amount: int = 1) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self.counts.setdefault(kind, Counter())[status] += amount

    @property
    def changed(self) -> bool:
        return any(counter[status] for counter in self.counts.values() for status in STATUSES[:3])

    def lines(self) -> list[str]:
        lines = []
        for kind, counter in self.counts.items():
            parts = [f"{counter[status]} {status}" for status in STATUSES if counter[status]]
            lines.append(f"{kind}: {', '.join(parts)}")
        return lines


@dataclass
class DemoContext:
    """What the steps share: options, locales, objects made by earlier steps, the report."""

    options: dict[str, Any]
    stdout: Any = None
    style: Any = None
    verbosity: int = 1
    locales: dict[str, Any] = field(default_factory=dict)
    """Locale per language code, default language first (filled by the locales step)."""
    objects: dict[str, Any] = field(default_factory=dict)
    """Objects later steps need, e.g. ``objects["pages"]["home"]["nl"]``."""
    report: Report = field(default_factory=Report)
    closing_lines: list[str] = field(default_factory=list)
    """Lines printed after "Demo loaded." (e.g. the admin login)."""
    reindex_everything: bool = False
    """Set by steps that bulk-create objects (no save signals): run update_index afterwards."""
    _to_index: dict[tuple[str, Any], models.Model] = field(default_factory=dict)

    @property
    def default_locale(self):
        return next(iter(self.locales.values()))

    @property
    def translation_locales(self):
        """Every content locale except the default one."""
        return list(self.locales.values())[1:]

    def log(self, message: str, verbosity: int = 2) -> None:
        if self.stdout is not None and self.verbosity >= verbosity:
            self.stdout.write(message)

    def record(self, kind: str, status: str, obj: models.Model | None = None, label: str = ""):
        """Count an outcome; objects created or updated are (re)indexed for search at the end."""
        self.report.add(kind, status)
        if obj is not None and status in (CREATED, UPDATED):
            self.index_later(obj)
        label = label or (str(obj) if obj is not None else "")
        self.log(f"  {kind} ‘{label}’: {status}" if label else f"  {kind}: {status}")

    def index_later(self, obj: models.Model) -> None:
        self._to_index[(obj._meta.label_lower, obj.pk)] = obj

    def objects_to_index(self) -> list[models.Model]:
        return list(self._to_index.values())
