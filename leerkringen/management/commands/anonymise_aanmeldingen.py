"""Anonymise sign-ups after the retention period (and withdrawn ones a day after they were
withdrawn) and delete stale unconfirmed ones. ``manage.py leerkringen_jobs`` runs this too; this
command is for a run by hand, with ``--dry-run`` or another ``--days``.

Prints counts only: never a name or address.
"""

from django.core.management.base import BaseCommand, CommandError

from leerkringen.retention import anonymise_due, retention_days


class Command(BaseCommand):
    help = (
        "Anonymise sign-ups of activities that ended more than the retention period ago "
        "(LEERKRINGEN_RETENTION_DAYS, default 90) and withdrawn ones a day after they were "
        "withdrawn; delete never-confirmed ones whose confirmation link expired."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Retention period in days.")
        parser.add_argument("--dry-run", action="store_true", help="Count only; change nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 0:
            raise CommandError("--days must be 0 or more.")
        days = retention_days() if days is None else days
        result = anonymise_due(days=days, dry_run=dry_run)
        if dry_run:
            self.stdout.write(
                f"Dry run, nothing changed. Would anonymise {result.anonymised} sign-up(s) "
                f"(activities ended more than {days} days ago, or withdrawn) and delete "
                f"{result.deleted_pending} unconfirmed sign-up(s) with an expired link."
            )
        else:
            self.stdout.write(
                f"Anonymised {result.anonymised} sign-up(s) (activities ended more than {days} "
                f"days ago, or withdrawn); deleted {result.deleted_pending} unconfirmed "
                "sign-up(s) with an expired link."
            )
