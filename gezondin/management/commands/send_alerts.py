"""Send the e-mail alerts that are due (gezondin.alerts): daily and weekly digests of what was
published in each confirmed alert's selection since its last digest; never-confirmed alerts are
deleted after the retention period. ``leerkringen_jobs`` runs the same as its step ``alerts``.

    manage.py send_alerts          # the digests that are due
    manage.py send_alerts --now    # every confirmed alert now, whatever its frequency

Prints counts only, never an address.
"""

from django.core.management.base import BaseCommand

from gezondin import alerts


def summary(result):
    return (
        f"{result.queued} alert digest(s) queued, {result.nothing_new} without anything new, "
        f"{result.deleted_unconfirmed} unconfirmed alert(s) deleted"
    )


class Command(BaseCommand):
    help = "Send the e-mail alerts that are due (with --now: every confirmed alert at once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send every confirmed alert now with what is new since its last digest.",
        )

    def handle(self, *args, now=False, **options):
        self.stdout.write(summary(alerts.send_due(force=now)))
