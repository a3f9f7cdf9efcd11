"""Remind confirmed participants of each meeting that starts soon (also a step of
leerkringen_jobs; the rule is leerkringen.jobs.send_due_reminders).

For every meeting of a live activity that starts within the next ``--hours`` (default
``LEERKRINGEN_REMINDER_HOURS``, 48), each confirmed sign-up gets the reminder e-mail once: a
VerzondenHerinnering row records it before the mail is queued, so running the command again (or
twice at the same time) sends nothing twice. Prints counts only.
"""

from django.core.management.base import BaseCommand, CommandError

from leerkringen.jobs import DEFAULT_REMINDER_HOURS, send_due_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to confirmed participants of meetings that start soon (once each)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=None,
            help=f"How far ahead to look (default LEERKRINGEN_REMINDER_HOURS or "
            f"{DEFAULT_REMINDER_HOURS}).",
        )

    def handle(self, *args, hours=None, **options):
        if hours is not None and hours <= 0:
            raise CommandError("--hours must be more than 0.")
        queued = send_due_reminders(hours=hours)
        self.stdout.write(f"Queued {queued} reminder(s).")
