"""The agenda's periodic jobs in one command: run it every 10 minutes (cron, a systemd timer or
your platform's scheduler). See leerkringen.jobs and docs/leerkringen.md.

    manage.py leerkringen_jobs                      # all steps
    manage.py leerkringen_jobs --only materials     # one step (repeatable)

Every step is safe to run as often as you like and makes up for missed runs. A step that fails
does not stop the others; the command then ends with an error, so the scheduler reports it.
Prints counts only: never a name or an address.
"""

import logging

from django.core.management.base import BaseCommand, CommandError

from leerkringen import evaluations, jobs, retention, services

logger = logging.getLogger(__name__)


def _offers():
    return f"{services.expire_offers()} waiting-list offer(s) expired"


def _reminders():
    return f"{jobs.send_due_reminders()} reminder(s) queued"


def _materials():
    return f"{jobs.send_due_materials()} materials mail(s) queued"


def _evaluations():
    return f"{evaluations.send_due_evaluations()} evaluation mail(s) queued"


def _retention():
    result = retention.anonymise_due()
    return (
        f"{result.anonymised} sign-up(s) anonymised, "
        f"{result.deleted_pending} unconfirmed sign-up(s) deleted"
    )


# In this order: an expired offer frees a seat before reminders go out.
STEPS = {
    "offers": _offers,
    "reminders": _reminders,
    "materials": _materials,
    "evaluations": _evaluations,
    "retention": _retention,
}


class Command(BaseCommand):
    help = (
        "Run the agenda's periodic jobs: expire waiting-list offers, send reminders, the "
        "materials and evaluation mails, anonymise old sign-ups. Run it every 10 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            action="append",
            choices=list(STEPS),
            metavar="STEP",
            help=f"Run only this step (repeatable): {', '.join(STEPS)}.",
        )

    def handle(self, *args, only=None, **options):
        failed = []
        for name, step in STEPS.items():
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
