"""Update the municipalities from CBS's published list ("Gemeenten alfabetisch <jaar>").

    python manage.py update_gemeenten gemeenten-alfabetisch-2025.csv
    python manage.py update_gemeenten https://.../gemeenten-alfabetisch-2025.csv --dry-run
    python manage.py update_gemeenten FILE --successor GM0501=GM1992 --successor GM0530=GM1992

New codes are created, changed names and provinces updated, municipalities missing from the list
deactivated (never deleted). See docs/gemeenten.md.
"""

from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.core.management.base import BaseCommand, CommandError

from gezondin.gemeenten import (
    MAX_CBS_FILE_BYTES,
    MAX_DEACTIVATION_SHARE,
    GemeentenDataError,
    apply_update,
    parse_cbs_file,
    parse_successor,
    plan_update,
)
from gezondin.models import Provincie

FETCH_TIMEOUT = 30  # seconds


def fetch_url(url):
    """The bytes at an http(s) URL, at most MAX_CBS_FILE_BYTES; CommandError on any failure."""
    request = Request(url, headers={"User-Agent": "GezondIn update_gemeenten"})  # noqa: S310
    try:
        with urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 (scheme checked)
            data = response.read(MAX_CBS_FILE_BYTES + 1)
    except (URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise CommandError(f"Could not fetch {url}: {reason}") from error
    if len(data) > MAX_CBS_FILE_BYTES:
        raise CommandError(
            f"{url} is larger than {MAX_CBS_FILE_BYTES // (1024 * 1024)} MB; "
            "that is not CBS's list of municipalities"
        )
    return data


def read_source(source):
    scheme = urlsplit(source).scheme.lower()
    if scheme in ("http", "https"):
        return fetch_url(source)
    if "://" in source:
        raise CommandError(f"{source}: only http and https URLs, or a file path, are supported")
    path = Path(source)
    # Read up to one byte past the limit rather than trusting the file's size: a device or a
    # pipe (/dev/urandom, a process substitution) reports none and would be read forever.
    try:
        with path.open("rb") as file:
            data = file.read(MAX_CBS_FILE_BYTES + 1)
    except OSError as error:
        raise CommandError(f"Could not read {path}: {error.strerror or error}") from error
    if len(data) > MAX_CBS_FILE_BYTES:
        raise CommandError(f"{path} is larger than {MAX_CBS_FILE_BYTES // (1024 * 1024)} MB")
    return data


def describe_links(linked):
    if not linked:
        return "no linked objects"
    total = sum(linked.values())
    parts = ", ".join(f"{label}: {count}" for label, count in sorted(linked.items()))
    return f"{total} linked object{'s' if total != 1 else ''} ({parts})"


def describe_value(name, value):
    if name == "provincie" and value:
        return Provincie(value).label
    if value == "":
        return "(blank)"
    return repr(value) if isinstance(value, str) else str(value)


class Command(BaseCommand):
    help = (
        "Update the municipalities from CBS's CSV of municipalities (a file path or an http(s) "
        "URL): create new codes, update names and provinces, deactivate (never delete) "
        "municipalities that are no longer listed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source", help="Path or http(s) URL of CBS's 'Gemeenten alfabetisch' CSV file."
        )
        parser.add_argument(
            "--successor",
            action="append",
            default=[],
            metavar="OLD=NEW",
            help="Municipality OLD merged into NEW, e.g. GM0501=GM1992. Repeatable.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument(
            "--allow-mass-deactivation",
            action="store_true",
            help=(
                f"Proceed even if more than {MAX_DEACTIVATION_SHARE:.0%} of the active "
                "municipalities would be deactivated (normally a sign of a partial file)."
            ),
        )

    def handle(self, source, successor, dry_run, allow_mass_deactivation, **options):
        successors = {}
        try:
            for value in successor:
                old_code, new_code = parse_successor(value)
                if successors.get(old_code, new_code) != new_code:
                    raise GemeentenDataError(
                        f"--successor {value!r}: {old_code} was already given successor "
                        f"{successors[old_code]}"
                    )
                successors[old_code] = new_code
        except GemeentenDataError as error:
            raise CommandError(str(error)) from error

        data = read_source(source)
        try:
            cbs_list = parse_cbs_file(data)
            plan = plan_update(cbs_list.gemeenten, successors)
        except GemeentenDataError as error:
            raise CommandError(f"{source}: {error}") from error

        delimiter = {"\t": "tab"}.get(cbs_list.delimiter, repr(cbs_list.delimiter))
        self.stdout.write(
            f"Read {len(cbs_list.gemeenten)} municipalities from {source} "
            f"({cbs_list.encoding}, separated by {delimiter})."
        )
        if dry_run:
            self.stdout.write("Dry run: nothing will be written.")
        self.report(plan)

        if plan.too_many_deactivations and not allow_mass_deactivation:
            message = (
                f"{len(plan.deactivated)} of {plan.active_before} active municipalities would be "
                "deactivated; is this the complete CBS list? Use --allow-mass-deactivation if so."
            )
            if not dry_run:
                raise CommandError(f"{message} Nothing was written.")
            self.stdout.write(self.style.WARNING(message))

        if not plan.has_changes:
            self.stdout.write(self.style.SUCCESS("No changes: the municipalities match the list."))
        elif dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
        else:
            apply_update(plan)
            self.stdout.write(self.style.SUCCESS("The municipalities have been updated."))

    def report(self, plan):
        write = self.stdout.write
        if plan.created:
            write(f"Created ({len(plan.created)}):")
            for item in plan.created:
                write(
                    f"  {item.cbs_code} {item.name} ({Provincie(item.provincie).label}): "
                    "needs attention, set its veiligheidsregio and GGD-regio by hand"
                )
        if plan.updated:
            write(f"Updated ({len(plan.updated)}):")
            for update in plan.updated:
                changes = "; ".join(
                    f"{name} {describe_value(name, old)} -> {describe_value(name, new)}"
                    for name, (old, new) in update.changes.items()
                )
                write(f"  {update.code} {update.gemeente.label}: {changes}")
        if plan.deactivated:
            write(f"Deactivated ({len(plan.deactivated)}), kept with everything linked to them:")
            for update in plan.deactivated:
                if update.successor_code:
                    successor = f"successor {update.successor_code}"
                elif update.gemeente.successor_id:
                    successor = f"successor {update.gemeente.successor.cbs_code}"
                else:
                    successor = (
                        f"no successor given: set one with --successor {update.code}=<new code>"
                    )
                write(
                    f"  {update.code} {update.gemeente.label}: "
                    f"{describe_links(update.linked)}; {successor}"
                )
        write(
            f"Summary: created {len(plan.created)}, updated {len(plan.updated)}, "
            f"deactivated {len(plan.deactivated)}, unchanged {plan.unchanged}."
        )
