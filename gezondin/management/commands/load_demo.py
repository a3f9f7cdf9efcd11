"""Load the reference site's demo content: idempotent, so safe to run again (``make run`` does).

    python manage.py load_demo
    python manage.py load_demo --admin-password geheim --reset-admin-password
    python manage.py load_demo --practices 500   # needs a step that generates practices

The content comes from steps registered in ``gezondin.demo`` and in the ``demo`` module of any
other installed app (see gezondin/demo/__init__.py). Everything runs in one transaction.
"""

import argparse
import logging
from contextlib import contextmanager
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils.module_loading import autodiscover_modules
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from gezondin.demo import DemoContext, get_steps, provided_options
from gezondin.demo.site import ADMIN_PASSWORD_ENV, DEFAULT_ADMIN_PASSWORD
from gezondin.page_indexing import (
    REFERENCES,
    collected_index_updates,
    held_back_objects,
    queue_index_updates,
)

# Loggers that report every task and page publication at INFO: quiet unless --verbosity 2+.
CHATTY_LOGGERS = ["django_tasks", "wagtail"]

# Options that only mean something when a registered step provides them, with what to install.
OPTIONAL_FEATURES = {"practices": "the kennisbank"}


def non_negative_int(value):
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {number}")
    return number


class Command(BaseCommand):
    help = "Load idempotent demo content: pages in Dutch and English, vocabularies, organisations."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-password",
            help=(
                f"Password for the demo superuser 'admin' (default: ${ADMIN_PASSWORD_ENV} or "
                f"'{DEFAULT_ADMIN_PASSWORD}'). Only used when the user is created or reset."
            ),
        )
        parser.add_argument(
            "--reset-admin-password",
            action="store_true",
            help="Set the password of an existing 'admin' user to the demo password.",
        )
        parser.add_argument(
            "--practices",
            type=non_negative_int,
            default=0,
            metavar="N",
            help="Also generate N practice examples (for benchmarks; needs the kennisbank).",
        )

    def handle(self, *args, **options):
        autodiscover_modules("demo")
        steps = get_steps()
        provided = provided_options()
        for option, feature in OPTIONAL_FEATURES.items():
            if options.get(option) and option not in provided:
                raise CommandError(f"--{option} needs {feature} (not available yet)")

        ctx = DemoContext(
            options=options,
            stdout=self.stdout,
            style=self.style,
            verbosity=options["verbosity"],
        )
        with quiet_loggers(CHATTY_LOGGERS if ctx.verbosity < 2 else []), transaction.atomic():
            # A page is saved several times while it is built (created, linked, published): its
            # search-index and reference-index updates wait for the end, once
            # (gezondin.page_indexing).
            with collected_index_updates() as held_back:
                for step in steps:
                    ctx.log(self.style.MIGRATE_LABEL(f"Step {step.name}"))
                    step.func(ctx)
            queue_index_updates(held_back, kinds=[REFERENCES])
            to_index = once_each([*held_back_objects(held_back), *ctx.objects_to_index()])
            if to_index and not all_backends_auto_update():
                ctx.reindex_everything = True
            if not ctx.reindex_everything:
                # Indexed here, not queued: a task worker may not be running yet.
                for obj in to_index:
                    index.insert_or_update_object(obj)
        if ctx.reindex_everything:
            call_command("update_index", stdout=StringIO(), verbosity=0)

        if options["verbosity"] >= 1:
            for line in ctx.report.lines():
                self.stdout.write(line)
            if ctx.reindex_everything:
                self.stdout.write("Search index: rebuilt")
            elif to_index:
                self.stdout.write(f"Search index: {len(to_index)} objects updated")
            else:
                self.stdout.write("Search index: nothing new to index")
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
        self.stdout.write(f"Admin: {admin_url()}")
        for line in ctx.closing_lines:
            self.stdout.write(line)


def once_each(objects):
    """The objects without repeats (by model and primary key), the first of each kept."""
    unique = {}
    for obj in objects:
        unique.setdefault((obj._meta.label_lower, obj.pk), obj)
    return list(unique.values())


def all_backends_auto_update():
    """Whether every search backend is updated on save (``insert_or_update_object`` skips the
    others)."""
    auto = list(get_search_backends(with_auto_update=True))
    return len(auto) == len(list(get_search_backends()))


@contextmanager
def quiet_loggers(names, level=logging.WARNING):
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, previous, strict=True):
            logger.setLevel(old_level)


def admin_url():
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://127.0.0.1:8000"
    return base.rstrip("/") + reverse("wagtailadmin_home")
