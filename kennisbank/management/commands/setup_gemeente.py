"""Give municipalities their own section and editorial group (see docs/publishing.md).

    python manage.py setup_gemeente GM0855
    python manage.py setup_gemeente gm0855 GM0363
    python manage.py setup_gemeente --all-gids

Idempotent: what exists is reported and left as it is.
"""

from django.core.management.base import BaseCommand, CommandError

from gezondin.models import Gemeente
from kennisbank.publishing import SetupError, setup_gemeente


class Command(BaseCommand):
    help = (
        "Create (where missing) a municipality's GemeentePage in every language, its editors' "
        "group 'Redactie <name>' and its image/document collection, and put the section under "
        "the review workflow 'Gemeentelijke publicatie'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "codes", nargs="*", metavar="CBS_CODE", help="CBS codes such as GM0855 (any case)"
        )
        parser.add_argument(
            "--all-gids",
            action="store_true",
            help="Also every active GIDS municipality (is_gids).",
        )

    def handle(self, *args, codes, all_gids, **options):
        if not codes and not all_gids:
            raise CommandError("Give one or more CBS codes (e.g. GM0855), or --all-gids.")
        gemeenten = self.by_codes(codes)
        if all_gids:
            gids = Gemeente.objects.filter(is_gids=True, is_active=True).order_by("name")
            gemeenten += [gemeente for gemeente in gids if gemeente not in gemeenten]
            if not gids:
                self.stdout.write("No active GIDS municipalities (is_gids) found.")

        created_pages = created_groups = 0
        for gemeente in gemeenten:
            try:
                result = setup_gemeente(gemeente, stdout=self.stdout)
            except SetupError as error:
                raise CommandError(str(error)) from error
            created_pages += len(result.created_pages)
            created_groups += int(result.created_group)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(gemeenten)} municipalit{'y' if len(gemeenten) == 1 else 'ies'} set up: "
                f"{created_pages} page(s) and {created_groups} group(s) created."
            )
        )

    def by_codes(self, codes):
        """The municipalities for the codes, in the order given; all codes are checked first."""
        wanted = list(dict.fromkeys(code.strip().upper() for code in codes))
        found = {
            gemeente.cbs_code: gemeente for gemeente in Gemeente.objects.filter(cbs_code__in=wanted)
        }
        unknown = [code for code in wanted if code not in found]
        if unknown:
            raise CommandError(f"Unknown CBS code(s): {', '.join(unknown)}")
        for code in wanted:
            gemeente = found[code]
            if not gemeente.is_active:
                successor = current_successor(gemeente)
                hint = (
                    f"; it merged into {successor.label}: use {successor.cbs_code}"
                    if successor is not None
                    else ""
                )
                raise CommandError(f"{code} ({gemeente.label}) no longer exists{hint}.")
        return [found[code] for code in wanted]


def current_successor(gemeente):
    """The municipality that carries on a merged one today (following repeated mergers)."""
    seen = {gemeente.pk}
    successor = gemeente.successor
    while successor is not None and not successor.is_active and successor.successor_id:
        if successor.successor_id in seen:
            break
        seen.add(successor.pk)
        successor = successor.successor
    return successor
