"""The agenda's demo content for ``python manage.py load_demo`` (discovered as the app's ``demo``
module): the agenda page, learning circles, webinars and a study day, in the future and the past.

Importing this package registers the steps (see :mod:`leerkringen.demo.steps`).
"""

from . import steps  # noqa: F401
