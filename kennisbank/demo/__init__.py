"""The kennisbank's demo content for ``python manage.py load_demo`` (discovered as the app's
``demo`` module): index pages, municipalities with their sections and editors, practices,
knowledge pages and dossiers in Dutch (some in English), and ``--practices N``.

Importing this package registers the steps (see :mod:`kennisbank.demo.steps`).
"""

from . import steps  # noqa: F401
