"""The Dutch municipalities: the reference list GezondIn ships, and updates from CBS's list.

The reference list (``data/gemeenten-2023.csv``) is loaded by migration 0002, so every installation
has the municipalities after ``migrate`` without network access. Later municipal reorganisations
come in through ``manage.py update_gemeenten`` from CBS's published CSV; see docs/gemeenten.md.

Business rules live here so that the migration, the command and tests share them:

- a municipality is identified by its CBS code, never by its name;
- a municipality that disappears is deactivated and kept (with a successor when known), never
  deleted, so that everything linked to it stays linked;
- ``is_gids`` is editorial data and is never touched by loading or updating.
"""

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from django.db.models import Count

from gezondin.models.snippets import Gemeente, Provincie

REFERENCE_DATE = date(2023, 1, 1)
REFERENCE_FILE = Path(__file__).resolve().parent / "data" / "gemeenten-2023.csv"
REFERENCE_SOURCE = (
    "Municipality list of the national COVID-19 dashboard (Ministry of Health, 2023); provinces "
    "derived from the safety regions, counts checked against CBS's 2023 figures."
)

# GGD region per safety region (veiligheidsregio), only where the GGD region follows
# unambiguously from the safety region: every municipality of the safety region belongs to that
# one GGD. That holds for 24 of the 25 safety regions; most are coterminous with their GGD, and
# VR21 Brabant-Noord lies wholly within GGD Hart voor Brabant.
# VR20 Midden- en West-Brabant is deliberately missing: its western municipalities belong to GGD
# West-Brabant and the Tilburg area (Hart van Brabant) to GGD Hart voor Brabant, so the safety
# region alone does not say which GGD a municipality has. Those municipalities get a blank
# ggd_regio, for an editor to fill in, rather than a guess.
GGD_BY_VEILIGHEIDSREGIO = {
    "VR01": "GGD Groningen",
    "VR02": "GGD Fryslân",
    "VR03": "GGD Drenthe",
    "VR04": "GGD IJsselland",
    "VR05": "GGD Twente",
    "VR06": "GGD Noord- en Oost-Gelderland",
    "VR07": "GGD Gelderland-Midden",
    "VR08": "GGD Gelderland-Zuid",
    "VR09": "GGD regio Utrecht",
    "VR10": "GGD Hollands Noorden",
    "VR11": "GGD Zaanstreek-Waterland",
    "VR12": "GGD Kennemerland",
    "VR13": "GGD Amsterdam",
    "VR14": "GGD Gooi en Vechtstreek",
    "VR15": "GGD Haaglanden",
    "VR16": "GGD Hollands Midden",
    "VR17": "GGD Rotterdam-Rijnmond",
    "VR18": "GGD Zuid-Holland Zuid",
    "VR19": "GGD Zeeland",
    # VR20 Midden- en West-Brabant: split between two GGDs, see above.
    "VR21": "GGD Hart voor Brabant",
    "VR22": "GGD Brabant-Zuidoost",
    "VR23": "GGD Limburg-Noord",
    "VR24": "GGD Zuid Limburg",
    "VR25": "GGD Flevoland",
}

CBS_CODE_RE = re.compile(r"^GM\d{4}$")
REFERENCE_COLUMNS = (
    "cbs_code",
    "naam",
    "weergavenaam",
    "provincie",
    "veiligheidsregio_code",
    "veiligheidsregio",
)
# The fields load_reference_list sets; is_gids, is_active and successor are left alone.
REFERENCE_FIELDS = ("name", "display_name", "provincie", "veiligheidsregio", "ggd_regio")

# Largest CBS file we accept (the real one is some 20 kB).
MAX_CBS_FILE_BYTES = 5 * 1024 * 1024
# An update that would deactivate more than this share of the active municipalities is almost
# certainly a partial or wrong file (one province, a filtered export); it needs explicit consent.
MAX_DEACTIVATION_SHARE = 0.1


class GemeentenDataError(ValueError):
    """A municipality file or an update request that cannot be used as it is."""


# --- The shipped reference list ----------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceGemeente:
    """One row of the shipped reference list."""

    cbs_code: str
    name: str
    display_name: str  # blank when people use the official name
    provincie: str  # a Provincie value (slug)
    veiligheidsregio_code: str
    veiligheidsregio: str

    @property
    def ggd_regio(self):
        return GGD_BY_VEILIGHEIDSREGIO.get(self.veiligheidsregio_code, "")

    def field_values(self):
        """The model field values this row sets."""
        return {
            "name": self.name,
            "display_name": self.display_name,
            "provincie": self.provincie,
            "veiligheidsregio": self.veiligheidsregio,
            "ggd_regio": self.ggd_regio,
        }


def read_reference_list(path=REFERENCE_FILE):
    """The municipalities of the shipped reference list, validated, in file order."""
    path = Path(path)
    records = []
    seen = set()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [
            column for column in REFERENCE_COLUMNS if column not in (reader.fieldnames or [])
        ]
        if missing:
            raise GemeentenDataError(f"{path.name}: missing column(s) {', '.join(missing)}")
        for row in reader:
            where = f"{path.name}, line {reader.line_num}"
            code = row["cbs_code"].strip()
            if not CBS_CODE_RE.match(code):
                raise GemeentenDataError(f"{where}: {code!r} is not a CBS municipality code")
            if code in seen:
                raise GemeentenDataError(f"{where}: {code} occurs twice")
            seen.add(code)
            name = row["naam"].strip()
            if not name:
                raise GemeentenDataError(f"{where}: the name is empty")
            display_name = row["weergavenaam"].strip()
            try:
                provincie = Provincie.from_name(row["provincie"]).value
            except ValueError as error:
                raise GemeentenDataError(f"{where}: {error}") from None
            records.append(
                ReferenceGemeente(
                    cbs_code=code,
                    name=name,
                    display_name="" if display_name == name else display_name,
                    provincie=provincie,
                    veiligheidsregio_code=row["veiligheidsregio_code"].strip(),
                    veiligheidsregio=row["veiligheidsregio"].strip(),
                )
            )
    return records


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int


def load_reference_list(gemeente_model, records=None):
    """Create or update the municipalities of the reference list, matched by CBS code.

    Takes the model class so that a data migration can pass its historical model. Sets the name,
    display name, province, safety region and GGD region; never touches is_gids, is_active or
    successor. Idempotent; one query reads the existing rows, then one bulk insert and one bulk
    update write the differences.
    """
    if records is None:
        records = read_reference_list()
    manager = gemeente_model._default_manager
    existing = {gemeente.cbs_code: gemeente for gemeente in manager.all()}
    to_create = []
    to_update = []
    unchanged = 0
    for record in records:
        values = record.field_values()
        gemeente = existing.get(record.cbs_code)
        if gemeente is None:
            to_create.append(gemeente_model(cbs_code=record.cbs_code, **values))
            continue
        changed = False
        for name, value in values.items():
            if getattr(gemeente, name) != value:
                setattr(gemeente, name, value)
                changed = True
        if changed:
            to_update.append(gemeente)
        else:
            unchanged += 1
    if to_create:
        manager.bulk_create(to_create, batch_size=500)
    if to_update:
        manager.bulk_update(to_update, REFERENCE_FIELDS, batch_size=500)
    return LoadResult(created=len(to_create), updated=len(to_update), unchanged=unchanged)


# --- CBS's list of municipalities --------------------------------------------------------------

# Header names as CBS writes them, compared in lower case without spaces, underscores or dashes.
# A GM code column is preferred over a bare number column when a file has both.
CODE_COLUMNS = ("gemeentecodegm", "gemeentecode", "cbscode", "code")
NAME_COLUMNS = ("gemeentenaam", "naam")
PROVINCE_COLUMNS = ("provincienaam", "provincie")


@dataclass(frozen=True)
class CbsGemeente:
    """One municipality of a CBS list."""

    cbs_code: str
    name: str
    provincie: str  # a Provincie value (slug)
    line: int


@dataclass(frozen=True)
class CbsList:
    gemeenten: list
    encoding: str
    delimiter: str


def normalise_cbs_code(value):
    """GM0363 for "GM0363", "gm0363", "0363" or "363"; None when the value is no code."""
    value = value.strip().upper()
    if re.fullmatch(r"\d{1,4}", value):
        return f"GM{int(value):04d}"
    if CBS_CODE_RE.match(value):
        return value
    return None


def decode_cbs_file(data):
    """The text of a CBS file and the encoding it was in (UTF-8 with or without BOM, or cp1252)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _header_key(name):
    return re.sub(r"[\s_\-]", "", (name or "").strip().lstrip("\ufeff").strip('"').lower())


def _find_column(keys, candidates):
    for candidate in candidates:
        if candidate in keys:
            return keys.index(candidate)
    return None


def parse_cbs_file(data):
    """Read CBS's CSV of municipalities ("Gemeenten alfabetisch <jaar>").

    Accepts semicolon-, comma- or tab-separated files, a BOM, UTF-8 or cp1252, headers in any case,
    codes as GM0363 or as a bare number. Raises GemeentenDataError naming the line and column of
    the first problem.
    """
    text, encoding = decode_cbs_file(data)
    lines = text.splitlines()
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        raise GemeentenDataError("the file is empty")
    header_line = lines[header_index]
    delimiter = max(";,\t", key=header_line.count)
    if header_line.count(delimiter) == 0:
        raise GemeentenDataError(
            f"line {header_index + 1}: the header has a single column ({header_line.strip()!r}); "
            "expected columns separated by ';' or ','"
        )
    reader = csv.reader(io.StringIO("\n".join(lines[header_index:])), delimiter=delimiter)
    header = next(reader)
    keys = [_header_key(name) for name in header]
    columns = {}
    for role, candidates in (
        ("code", CODE_COLUMNS),
        ("name", NAME_COLUMNS),
        ("provincie", PROVINCE_COLUMNS),
    ):
        index = _find_column(keys, candidates)
        if index is None:
            raise GemeentenDataError(
                f"line {header_index + 1}: no {role} column found in the header; expected one of "
                f"{', '.join(candidates)} (case-insensitive), found: "
                f"{', '.join(repr(name.strip()) for name in header)}"
            )
        columns[role] = index

    gemeenten = []
    seen = {}
    for row in reader:
        line = header_index + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = {}
        for role, index in columns.items():
            column = header[index].strip().lstrip("\ufeff")
            value = row[index].strip() if index < len(row) else ""
            if not value:
                raise GemeentenDataError(f"line {line}, column {column!r}: the value is empty")
            cells[role] = (column, value)
        column, raw_code = cells["code"]
        code = normalise_cbs_code(raw_code)
        if code is None:
            raise GemeentenDataError(
                f"line {line}, column {column!r}: {raw_code!r} is not a CBS municipality code "
                "(expected GM and four digits, or a number such as 363)"
            )
        if code in seen:
            raise GemeentenDataError(
                f"line {line}, column {column!r}: {code} already occurs on line {seen[code]}"
            )
        seen[code] = line
        column, province_name = cells["provincie"]
        try:
            provincie = Provincie.from_name(province_name).value
        except ValueError:
            raise GemeentenDataError(
                f"line {line}, column {column!r}: {province_name!r} is not a Dutch province"
            ) from None
        gemeenten.append(
            CbsGemeente(cbs_code=code, name=cells["name"][1], provincie=provincie, line=line)
        )
    if not gemeenten:
        raise GemeentenDataError(f"the file has a header (line {header_index + 1}) but no rows")
    return CbsList(gemeenten=gemeenten, encoding=encoding, delimiter=delimiter)


# --- Updating from a CBS list ------------------------------------------------------------------


def parse_successor(value):
    """("GM0501", "GM1992") for "GM0501=GM1992"; raises GemeentenDataError otherwise."""
    old, separator, new = value.partition("=")
    old_code, new_code = normalise_cbs_code(old), normalise_cbs_code(new)
    if not separator or old_code is None or new_code is None:
        raise GemeentenDataError(
            f"--successor {value!r}: expected OLD=NEW with two CBS codes, e.g. GM0501=GM1992"
        )
    if old_code == new_code:
        raise GemeentenDataError(f"--successor {value!r}: a municipality cannot succeed itself")
    return old_code, new_code


def linked_object_counts_of(gemeenten):
    """{municipality pk: how many objects link to it, per relation ("app.Model.field": count)}.

    Walks the model's reverse relations generically, so models added later that link to Gemeente
    are counted without changes here. Hidden relations (related_name="+") count too; the rows of
    an automatic many-to-many table are counted once, through the many-to-many relation. One
    query per relation for all the municipalities (a partial CBS file lists hundreds).
    """
    counts = {gemeente.pk: {} for gemeente in gemeenten}
    if not counts:
        return counts
    model = type(next(iter(gemeenten)))
    for relation in model._meta.get_fields(include_hidden=True):
        if not (relation.is_relation and relation.auto_created and not relation.concrete):
            continue
        related_model = relation.related_model
        if related_model._meta.auto_created:
            continue  # an automatic many-to-many table: counted via the many-to-many relation
        through = getattr(relation, "through", None)
        if relation.many_to_many and through is not None and not through._meta.auto_created:
            continue  # an explicit through model has its own foreign key, counted by itself
        name = relation.field.name
        rows = (
            related_model._base_manager.filter(**{f"{name}__in": list(counts)})
            .values_list(name)
            .annotate(count=Count("pk", distinct=True))
            .order_by()
        )
        for pk, count in rows:
            counts[pk][f"{related_model._meta.label}.{name}"] = count
    return counts


@dataclass
class GemeenteUpdate:
    """What an update does to one existing municipality."""

    gemeente: object
    changes: dict = field(default_factory=dict)  # field name -> (old, new)
    linked: dict = field(default_factory=dict)  # filled for deactivated municipalities
    successor_code: str = ""  # the successor being set, if any

    @property
    def code(self):
        return self.gemeente.cbs_code


@dataclass
class UpdatePlan:
    created: list = field(default_factory=list)  # CbsGemeente
    updated: list = field(default_factory=list)  # GemeenteUpdate
    deactivated: list = field(default_factory=list)  # GemeenteUpdate
    unchanged: int = 0
    active_before: int = 0

    @property
    def has_changes(self):
        return bool(self.created or self.updated or self.deactivated)

    @property
    def too_many_deactivations(self):
        return len(self.deactivated) > max(1, MAX_DEACTIVATION_SHARE * self.active_before)


def plan_update(cbs_gemeenten, successors=None):
    """Compare a CBS list with the database; returns an UpdatePlan and writes nothing.

    successors maps old CBS codes to new ones (from --successor). The old municipality must be
    missing from the CBS list, the new one present in it.
    """
    successors = dict(successors or {})
    listed = {item.cbs_code: item for item in cbs_gemeenten}
    existing = {
        gemeente.cbs_code: gemeente for gemeente in Gemeente.objects.select_related("successor")
    }

    for old_code, new_code in successors.items():
        if old_code not in existing:
            raise GemeentenDataError(
                f"--successor {old_code}={new_code}: {old_code} is not a known municipality"
            )
        if old_code in listed:
            raise GemeentenDataError(
                f"--successor {old_code}={new_code}: {old_code} ({existing[old_code].label}) is "
                "still in the CBS list, so it still exists and cannot have a successor"
            )
        if new_code not in listed:
            raise GemeentenDataError(
                f"--successor {old_code}={new_code}: {new_code} is not in the CBS list, so it "
                "cannot be the successor"
            )

    plan = UpdatePlan(active_before=sum(1 for g in existing.values() if g.is_active))
    for item in cbs_gemeenten:
        gemeente = existing.get(item.cbs_code)
        if gemeente is None:
            plan.created.append(item)
            continue
        update = GemeenteUpdate(gemeente)
        if gemeente.name != item.name:
            update.changes["name"] = (gemeente.name, item.name)
            if gemeente.display_name == item.name:
                # The official name is now the name people use; the display name is redundant.
                update.changes["display_name"] = (gemeente.display_name, "")
        if gemeente.provincie != item.provincie:
            update.changes["provincie"] = (gemeente.provincie, item.provincie)
        if not gemeente.is_active:
            update.changes["is_active"] = (False, True)
            if gemeente.successor_id is not None:
                update.changes["successor"] = (gemeente.successor.cbs_code, "")
        if update.changes:
            plan.updated.append(update)
        else:
            plan.unchanged += 1

    for code, gemeente in sorted(existing.items()):
        if code in listed:
            continue
        update = GemeenteUpdate(gemeente)
        new_code = successors.get(code, "")
        current = gemeente.successor.cbs_code if gemeente.successor_id else ""
        if new_code and new_code != current:
            update.changes["successor"] = (current, new_code)
            update.successor_code = new_code
        if gemeente.is_active:
            update.changes["is_active"] = (True, False)
            plan.deactivated.append(update)
        elif update.changes:
            plan.updated.append(update)
    linked = linked_object_counts_of([update.gemeente for update in plan.deactivated])
    for update in plan.deactivated:
        update.linked = linked[update.gemeente.pk]
    return plan


def apply_update(plan):
    """Write an UpdatePlan in one transaction.

    Saves object by object (an update touches a handful of rows) so that the save signals run and
    the search index follows.
    """
    with transaction.atomic():
        for item in plan.created:
            Gemeente.objects.create(
                cbs_code=item.cbs_code, name=item.name, provincie=item.provincie
            )
        changed = plan.updated + plan.deactivated
        successor_codes = {u.changes["successor"][1] for u in changed if "successor" in u.changes}
        successors = {g.cbs_code: g for g in Gemeente.objects.filter(cbs_code__in=successor_codes)}
        for update in changed:
            gemeente = update.gemeente
            for name, (_old, new) in update.changes.items():
                if name == "successor":
                    gemeente.successor = successors.get(new) if new else None
                else:
                    setattr(gemeente, name, new)
            gemeente.save()
