"""Harvest practices from other GezondIn installations into this site's kennisbank.

    python manage.py harvest https://gezond.tilburg.nl --name "Gemeente Tilburg"
    python manage.py harvest --all              # every active source, one after the other
    python manage.py harvest --all --enqueue    # one background task per active source (cron)

Shared copies are added, updated, withdrawn and skipped as docs/sharing.md describes; the report
is printed and stored on the source (admin: Instellingen → Bronnen voor gedeelde
praktijkvoorbeelden). Exits with an error when a harvest failed or broke off.
"""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gezondin.dates import parse_moment
from gezondin.management.commands.load_demo import quiet_loggers
from kennisbank.harvest.client import Client, ClientSettings
from kennisbank.harvest.harvester import harvest
from kennisbank.harvest.models import HarvestSource, SharedCopy, normalise_base_url
from kennisbank.harvest.tasks import harvest_source

CHATTY_LOGGERS = ["wagtail", "django_tasks"]


class Command(BaseCommand):
    help = (
        "Harvest the practices of another GezondIn installation (its base URL) or of all active "
        "sources (--all) as read-only shared copies in this site's kennisbank."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "base_url",
            nargs="?",
            help="Address of the other installation, e.g. https://gezond.tilburg.nl.",
        )
        parser.add_argument("--name", help="Name of the source, shown as 'Gedeeld vanuit …'.")
        parser.add_argument(
            "--all", action="store_true", help="Harvest every active source configured here."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue a background task per source instead of harvesting now.",
        )
        parser.add_argument(
            "--since",
            metavar="DATE",
            help=(
                "Read only practices published at the source since this ISO date or date-time "
                "in full (withdrawals still compare against the complete listing)."
            ),
        )
        parser.add_argument(
            "--forget-removed",
            action="store_true",
            help=(
                "Bring back copies that editors of this site deleted or took offline, as if they "
                "were new."
            ),
        )
        parser.add_argument(
            "--retries", type=int, metavar="N", help="Retries per request (default 3)."
        )
        parser.add_argument(
            "--timeout",
            type=float,
            metavar="SECONDS",
            help="Read timeout per request (default 30).",
        )

    def handle(self, *args, **options):
        base_url, run_all = options["base_url"], options["all"]
        if bool(base_url) == bool(run_all):
            raise CommandError("Give the base URL of one source, or --all.")
        if options["enqueue"]:
            given = [name for name in ("since", "retries", "timeout") if options[name] is not None]
            if given:
                raise CommandError(
                    f"--{given[0]} applies to a harvest run here, not to --enqueue "
                    "(queued harvests use the settings)."
                )
        since = None
        if options["since"]:
            since = parse_moment(options["since"])
            if since is None:
                raise CommandError(f"--since {options['since']!r} is not an ISO date or date-time")
        overrides = {}
        if options["retries"] is not None:
            if options["retries"] < 0:
                raise CommandError("--retries must be 0 or more")
            overrides["retries"] = options["retries"]
        if options["timeout"] is not None:
            if options["timeout"] <= 0:
                raise CommandError("--timeout must be more than 0")
            overrides["read_timeout"] = options["timeout"]
        client_settings = ClientSettings.from_settings(**overrides)

        if run_all:
            if options["name"]:
                raise CommandError("--name goes with one base URL, not with --all.")
            sources = list(HarvestSource.objects.filter(is_active=True).order_by("name"))
            if not sources:
                if options["verbosity"] >= 1:
                    self.stdout.write("No active sources to harvest.")
                return
        else:
            sources = [self.source_for(base_url, options["name"])]

        if options["forget_removed"]:
            for source in sources:
                forgotten = SharedCopy.objects.filter(source=source, page__isnull=True).delete()[0]
                unblocked = SharedCopy.objects.filter(source=source, blocked=True).update(
                    blocked=False
                )
                if options["verbosity"] >= 1 and (forgotten or unblocked):
                    self.stdout.write(
                        f"{source}: {forgotten} deleted and {unblocked} offline copies will be "
                        "brought back."
                    )

        if options["enqueue"]:
            for source in sources:
                harvest_source.enqueue(source.pk)
                if options["verbosity"] >= 1:
                    self.stdout.write(f"Queued the harvest of {source} ({source.base_url}).")
            return

        failed = []
        # Wagtail logs every page it creates and publishes at INFO: quiet unless -v2 or more.
        chatty = CHATTY_LOGGERS if options["verbosity"] < 2 else []
        for source in sources:
            with quiet_loggers(chatty):
                report = harvest(
                    source,
                    client=Client(source.base_url, client_settings),
                    progress=self.progress_for(source, options["verbosity"]),
                    since=since,
                )
            if options["verbosity"] >= 1:
                self.stdout.write(report.as_text())
                if len(sources) > 1:
                    self.stdout.write("")
            if report.status != HarvestSource.Status.OK:
                failed.append(f"{source} ({report.status})")
        if failed:
            raise CommandError("Harvest not (completely) done: " + ", ".join(failed))

    def source_for(self, base_url, name):
        try:
            normalised = normalise_base_url(base_url)
        except ValueError as error:
            raise CommandError(str(error)) from None
        source = HarvestSource.objects.filter(base_url=normalised).first()
        if source is None:
            source = HarvestSource(
                base_url=normalised, name=(name or normalised.split("://", 1)[1])[:200]
            )
            try:
                source.full_clean()
            except ValidationError as error:
                raise CommandError(f"{base_url}: {' '.join(error.messages)}") from None
            source.save()
            if self.verbosity >= 1:
                self.stdout.write(f"New source: {source} ({source.base_url}).")
        elif name and name != source.name:
            source.name = name[:200]
            source.save(update_fields=["name"])
        return source

    def progress_for(self, source, verbosity):
        """A line per page of results on a terminal; nothing when piped or with -v0."""
        if verbosity < 1 or not self._is_terminal():
            return None

        def progress(language, done, total):
            self.stdout.write(f"{source}: {language} {done}/{total}")

        return progress

    def _is_terminal(self):
        stream = getattr(self.stdout, "_out", sys.stdout)
        return hasattr(stream, "isatty") and stream.isatty()

    def execute(self, *args, **options):
        self.verbosity = options.get("verbosity", 1)
        return super().execute(*args, **options)
