"""The periodic steps the apps registered in gezondin.jobs, in one command: run it every 10
minutes (cron, a systemd timer or your platform's scheduler).

    manage.py gezondin_jobs                          # all steps
    manage.py gezondin_jobs --only share-retention   # one step (repeatable)

A step that fails does not stop the others; the command then ends with an error, so the
scheduler reports it. Prints counts only: never a name or an address.
"""

import logging

from django.core.management.base import BaseCommand, CommandError

from gezondin import jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the periodic steps the apps registered (gezondin.jobs). Run it every 10 minutes."

    def add_arguments(self, parser):
        names = list(jobs.steps())
        parser.add_argument(
            "--only",
            action="append",
            choices=names,
            metavar="STEP",
            help=f"Run only this step (repeatable): {', '.join(names)}.",
        )

    def handle(self, *args, only=None, **options):
        failed = []
        for name, step in jobs.steps().items():
            if only and name not in only:
                continue
            try:
                summary = step()
            except Exception as error:
                # The type only: a database error's message can quote the row it failed on.
                logger.error("Periodic job %s failed: %s", name, type(error).__name__)
                self.stderr.write(f"{name}: failed ({type(error).__name__})")
                failed.append(name)
            else:
                self.stdout.write(f"{name}: {summary}")
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)}.")
