"""The shipped municipalities (loaded by migration 0002) and the update_gemeenten command.

Fixtures in tests/data:
- cbs-gemeenten-utf8.csv / cbs-gemeenten-cp1252.csv: CBS's "Gemeenten alfabetisch" format
  (semicolons, bare numeric codes; the first UTF-8 with a BOM and all six CBS columns, the second
  cp1252 with lower-case headers). Both hold the 2023 list without GM0037 Stadskanaal and GM0047
  Veendam, plus a new GM1995 Testgemeente Kanaalstreek.
- cbs-malformed-*.csv and cbs-empty.csv: files the command must refuse.
"""

import csv
import re
from collections import Counter
from io import StringIO
from pathlib import Path
from urllib.error import URLError

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gezondin.gemeenten import (
    GGD_BY_VEILIGHEIDSREGIO,
    REFERENCE_DATE,
    LoadResult,
    load_reference_list,
    parse_cbs_file,
    plan_update,
    read_reference_list,
)
from gezondin.management.commands import update_gemeenten
from gezondin.models import Gemeente, Provincie
from tests.factories import GemeenteFactory, OrganisatieFactory
from tests.kennisbank.factories import KennisbankPageFactory, PraktijkvoorbeeldPageFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data"
CBS_UTF8 = DATA / "cbs-gemeenten-utf8.csv"
CBS_CP1252 = DATA / "cbs-gemeenten-cp1252.csv"

# CBS's figures for 1 January 2023 (see /work/shared/data/README.md).
PROVINCE_COUNTS = {
    "noord-brabant": 56,
    "gelderland": 51,
    "zuid-holland": 50,
    "noord-holland": 44,
    "limburg": 31,
    "utrecht": 26,
    "overijssel": 25,
    "fryslan": 18,
    "zeeland": 13,
    "drenthe": 12,
    "groningen": 10,
    "flevoland": 6,
}
VR20 = "Midden- en West-Brabant"


def run(*args):
    out = StringIO()
    call_command("update_gemeenten", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def snapshot():
    """Every municipality's stored values, to compare before and after a command."""
    return list(
        Gemeente.objects.order_by("cbs_code").values_list(
            "cbs_code", "name", "display_name", "provincie", "is_active", "successor__cbs_code"
        )
    )


def write_cbs_file(path, rows, encoding="utf-8", delimiter=";"):
    """A CBS-format file with the given (code, name, province name) rows."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["Gemeentecode", "Gemeentenaam", "Provincienaam"])
        writer.writerows(rows)
    return path


def reference_rows():
    return [
        (record.cbs_code, record.name, Provincie(record.provincie).label)
        for record in read_reference_list()
    ]


# --- The shipped reference list -----------------------------------------------------------------


def test_migration_loads_the_342_municipalities_of_2023():
    assert REFERENCE_DATE.isoformat() == "2023-01-01"
    assert Gemeente.objects.count() == 342
    assert Gemeente.objects.active().count() == 342
    assert not Gemeente.objects.filter(is_gids=True).exists()
    assert not Gemeente.objects.filter(successor__isnull=False).exists()


def test_codes_are_unique_cbs_codes():
    codes = list(Gemeente.objects.values_list("cbs_code", flat=True))
    assert len(codes) == len(set(codes)) == 342
    assert all(re.fullmatch(r"GM\d{4}", code) for code in codes)


def test_amsterdam():
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    assert amsterdam.name == "Amsterdam"
    assert amsterdam.display_name == ""
    assert amsterdam.provincie == Provincie.NOORD_HOLLAND
    assert amsterdam.veiligheidsregio == "Amsterdam-Amstelland"
    assert amsterdam.ggd_regio == "GGD Amsterdam"


def test_official_name_and_the_name_people_use():
    den_haag = Gemeente.objects.get(cbs_code="GM0518")
    assert den_haag.name == "'s-Gravenhage"
    assert den_haag.label == "Den Haag"
    assert str(den_haag) == "Den Haag"
    assert Gemeente.objects.get(cbs_code="GM0796").label == "Den Bosch"
    # Only those two have a display name; the rest use the official name.
    assert Gemeente.objects.exclude(display_name="").count() == 2
    assert Gemeente.objects.get(cbs_code="GM1900").name == "Súdwest-Fryslân"


def test_province_counts_are_cbs_figures():
    counts = Counter(Gemeente.objects.values_list("provincie", flat=True))
    assert dict(counts) == PROVINCE_COUNTS
    assert set(counts) == set(Provincie.values)
    assert all(counts[provincie] >= 1 for provincie in Provincie.values)


def test_safety_regions_and_ggd_regions():
    assert Gemeente.objects.values("veiligheidsregio").distinct().count() == 25
    in_vr20 = Gemeente.objects.filter(veiligheidsregio=VR20)
    assert in_vr20.count() == 24
    assert set(in_vr20.values_list("ggd_regio", flat=True)) == {""}
    others = Gemeente.objects.exclude(veiligheidsregio=VR20)
    assert not others.filter(ggd_regio="").exists()
    assert set(others.values_list("ggd_regio", flat=True)) == set(GGD_BY_VEILIGHEIDSREGIO.values())
    assert Gemeente.objects.get(cbs_code="GM0796").ggd_regio == "GGD Hart voor Brabant"
    assert Gemeente.objects.get(cbs_code="GM0361").ggd_regio == "GGD Hollands Noorden"  # Alkmaar
    assert Gemeente.objects.get(cbs_code="GM0855").ggd_regio == ""  # Tilburg, VR20


def test_reference_list_maps_every_safety_region_but_vr20():
    records = read_reference_list()
    assert len(records) == 342
    codes = {record.veiligheidsregio_code for record in records}
    assert codes == set(GGD_BY_VEILIGHEIDSREGIO) | {"VR20"}
    assert "VR20" not in GGD_BY_VEILIGHEIDSREGIO


def test_loading_again_changes_nothing(django_assert_num_queries):
    before = snapshot()
    with django_assert_num_queries(1):
        result = load_reference_list(Gemeente)
    assert result == LoadResult(created=0, updated=0, unchanged=342)
    assert snapshot() == before


def test_loading_restores_reference_values_and_keeps_editorial_data(django_assert_num_queries):
    Gemeente.objects.filter(cbs_code="GM0363").update(name="Mokum", ggd_regio="")
    Gemeente.objects.filter(cbs_code="GM0599").update(is_gids=True)
    Gemeente.objects.filter(cbs_code="GM0014").delete()
    with django_assert_num_queries(3):
        result = load_reference_list(Gemeente)
    assert result == LoadResult(created=1, updated=1, unchanged=340)
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    assert (amsterdam.name, amsterdam.ggd_regio) == ("Amsterdam", "GGD Amsterdam")
    assert Gemeente.objects.get(cbs_code="GM0599").is_gids is True
    assert Gemeente.objects.get(cbs_code="GM0014").provincie == Provincie.GRONINGEN


# --- update_gemeenten ---------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", [CBS_UTF8, CBS_CP1252], ids=["utf8-bom", "cp1252"])
def test_update_creates_deactivates_and_sets_successors(fixture):
    veendam = Gemeente.objects.get(cbs_code="GM0047")
    # Something that links to Veendam, counted through the generic reverse relations.
    GemeenteFactory(cbs_code="GM9001", name="Oud-Veendam", is_active=False, successor=veendam)

    output = run(fixture, "--successor", "GM0037=GM1995", "--successor", "gm0047=1995")

    new = Gemeente.objects.get(cbs_code="GM1995")
    assert (new.name, new.provincie, new.is_active) == (
        "Testgemeente Kanaalstreek",
        Provincie.GRONINGEN,
        True,
    )
    assert (new.veiligheidsregio, new.ggd_regio) == ("", "")
    for code in ("GM0037", "GM0047"):
        gemeente = Gemeente.objects.get(cbs_code=code)  # kept, not deleted
        assert gemeente.is_active is False
        assert gemeente.successor == new
    assert Gemeente.objects.count() == 344  # 342 + the new one + GM9001
    assert Gemeente.objects.active().count() == 341
    # Names with non-ASCII letters were read correctly, so nothing else changed.
    assert Gemeente.objects.get(cbs_code="GM1900").name == "Súdwest-Fryslân"

    assert "Read 341 municipalities" in output
    assert "GM1995 Testgemeente Kanaalstreek (Groningen): needs attention" in output
    assert "GM0047 Veendam: 1 linked object (gezondin.Gemeente.successor: 1); successor GM1995" in (
        output
    )
    assert "GM0037 Stadskanaal: no linked objects; successor GM1995" in output
    assert "Summary: created 1, updated 0, deactivated 2, unchanged 340." in output

    before = snapshot()
    again = run(fixture, "--successor", "GM0037=GM1995", "--successor", "GM0047=GM1995")
    assert "Summary: created 0, updated 0, deactivated 0, unchanged 341." in again
    assert "No changes" in again
    assert snapshot() == before


def test_both_encodings_give_the_same_result():
    run(CBS_UTF8)
    from_utf8 = snapshot()
    Gemeente.objects.all().delete()
    load_reference_list(Gemeente)
    run(CBS_CP1252)
    assert snapshot() == from_utf8


def test_update_without_successor_asks_for_one_and_a_later_run_sets_it():
    output = run(CBS_UTF8)
    assert "GM0047 Veendam: no linked objects; no successor given: set one with " in output
    assert "--successor GM0047=<new code>" in output
    assert Gemeente.objects.get(cbs_code="GM0047").successor is None

    output = run(CBS_UTF8, "--successor", "GM0047=GM1995")
    assert "GM0047 Veendam: successor (blank) -> 'GM1995'" in output
    assert "Summary: created 0, updated 1, deactivated 0, unchanged 341." in output
    assert Gemeente.objects.get(cbs_code="GM0047").successor.cbs_code == "GM1995"
    assert Gemeente.objects.get(cbs_code="GM0037").successor is None


def test_dry_run_writes_nothing():
    before = snapshot()
    output = run(CBS_CP1252, "--dry-run", "--successor", "GM0037=GM1995")
    assert snapshot() == before
    assert not Gemeente.objects.filter(cbs_code="GM1995").exists()
    assert "Dry run: nothing was written." in output
    assert "Summary: created 1, updated 0, deactivated 2, unchanged 340." in output


def test_update_changes_names_and_provinces(tmp_path):
    rows = []
    for code, name, provincie in reference_rows():
        if code == "GM0060":
            name = "It Amelân"
        elif code == "GM0518":
            name = "Den Haag"
        elif code == "GM0034":
            provincie = "Noord-Holland"
        rows.append((str(int(code[2:])), name, provincie))
    source = write_cbs_file(tmp_path / "cbs.csv", rows, delimiter=",")

    output = run(source)

    assert "GM0060 Ameland: name 'Ameland' -> 'It Amelân'" in output
    assert "GM0034 Almere: provincie Flevoland -> Noord-Holland" in output
    assert "Summary: created 0, updated 3, deactivated 0, unchanged 339." in output
    assert Gemeente.objects.get(cbs_code="GM0060").name == "It Amelân"
    assert Gemeente.objects.get(cbs_code="GM0034").provincie == Provincie.NOORD_HOLLAND
    den_haag = Gemeente.objects.get(cbs_code="GM0518")
    assert (den_haag.name, den_haag.display_name, den_haag.label) == ("Den Haag", "", "Den Haag")
    # Safety region, GGD region and GIDS status are not CBS's to change.
    assert den_haag.ggd_regio == "GGD Haaglanden"


def test_a_municipality_back_in_the_list_is_reactivated(tmp_path):
    run(CBS_UTF8, "--successor", "GM0047=GM1995")
    full = [*reference_rows(), ("GM1995", "Testgemeente Kanaalstreek", "Groningen")]
    output = run(write_cbs_file(tmp_path / "cbs.csv", full))
    veendam = Gemeente.objects.get(cbs_code="GM0047")
    assert (veendam.is_active, veendam.successor) == (True, None)
    assert "Summary: created 0, updated 2, deactivated 0, unchanged 341." in output


def test_what_links_to_each_municipality_to_be_deactivated_is_reported(home_page):
    veendam = Gemeente.objects.get(cbs_code="GM0047")
    stadskanaal = Gemeente.objects.get(cbs_code="GM0037")
    OrganisatieFactory.create_batch(2, gemeente=veendam)
    OrganisatieFactory(gemeente=stadskanaal)
    kennisbank = KennisbankPageFactory(parent=home_page)
    PraktijkvoorbeeldPageFactory(parent=kennisbank, gemeenten=[veendam, stadskanaal])

    output = run(CBS_UTF8, "--dry-run")

    assert (
        "GM0047 Veendam: 3 linked objects "
        "(gezondin.Organisatie.gemeente: 2, kennisbank.KennisPage.gemeenten: 1)" in output
    )
    assert (
        "GM0037 Stadskanaal: 2 linked objects "
        "(gezondin.Organisatie.gemeente: 1, kennisbank.KennisPage.gemeenten: 1)" in output
    )


def test_the_links_of_hundreds_of_municipalities_take_one_query_per_relation(
    tmp_path, django_assert_max_num_queries
):
    source = write_cbs_file(tmp_path / "cbs.csv", reference_rows()[:20])
    listed = parse_cbs_file(source.read_bytes()).gemeenten
    with django_assert_max_num_queries(12):
        plan = plan_update(listed, {})
    assert len(plan.deactivated) == 322


def test_a_partial_file_does_not_deactivate_most_municipalities(tmp_path):
    source = write_cbs_file(tmp_path / "cbs.csv", reference_rows()[:20])
    before = snapshot()
    with pytest.raises(CommandError, match="322 of 342 active municipalities would be deact"):
        run(source)
    assert snapshot() == before
    output = run(source, "--dry-run")
    assert "is this the complete CBS list?" in output
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("cbs-empty.csv", "the file is empty"),
        (
            "cbs-malformed-no-code-column.csv",
            r"line 1: no code column found in the header; expected one of gemeentecodegm, "
            r"gemeentecode.*found: 'Gemeentenaam', 'Provincienaam'",
        ),
        (
            "cbs-malformed-bad-code.csv",
            r"line 4, column 'Gemeentecode': 'AM-363' is not a CBS municipality code",
        ),
    ],
)
def test_a_malformed_file_is_refused(name, message):
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        run(DATA / name)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Gemeentecode;Gemeentenaam;Provincienaam\r\n", r"header \(line 1\) but no rows"),
        (
            "Gemeentecode;Gemeentenaam;Provincienaam\n363;Amsterdam;Noord-Holland\n"
            "0363;Amsterdam;Noord-Holland\n",
            r"line 3, column 'Gemeentecode': GM0363 already occurs on line 2",
        ),
        (
            "Gemeentecode;Gemeentenaam;Provincienaam\n363;Amsterdam;Amstelland\n",
            r"line 2, column 'Provincienaam': 'Amstelland' is not a Dutch province",
        ),
        (
            "Gemeentecode;Gemeentenaam;Provincienaam\n363;;Noord-Holland\n",
            r"line 2, column 'Gemeentenaam': the value is empty",
        ),
        ("Gemeentecode Gemeentenaam\n363 Amsterdam\n", r"line 1: the header has a single column"),
    ],
)
def test_other_malformed_files_name_line_and_column(tmp_path, content, message):
    source = tmp_path / "cbs.csv"
    source.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run(source)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("GM0037", r"expected OLD=NEW with two CBS codes"),
        ("GM0037=Kanaalstreek", r"expected OLD=NEW with two CBS codes"),
        ("GM0037=GM0037", r"cannot succeed itself"),
        ("GM0363=GM1995", r"GM0363 \(Amsterdam\) is still in the CBS list"),
        ("GM0037=GM0047", r"GM0047 is not in the CBS list, so it cannot be the successor"),
        ("GM0001=GM1995", r"GM0001 is not a known municipality"),
    ],
)
def test_a_bad_successor_is_refused(value, message):
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        run(CBS_UTF8, "--successor", value)
    assert snapshot() == before


def test_conflicting_successors_are_refused():
    with pytest.raises(CommandError, match="GM0037 was already given successor GM1995"):
        run(CBS_UTF8, "--successor", "GM0037=GM1995", "--successor", "GM0037=GM0014")


def test_unreadable_sources_are_refused(tmp_path):
    with pytest.raises(CommandError, match="Could not read .*missing.csv"):
        run(tmp_path / "missing.csv")
    with pytest.raises(CommandError, match="only http and https URLs"):
        run("ftp://example.org/gemeenten.csv")
    with pytest.raises(CommandError, match="Could not read .*: Is a directory"):
        run(tmp_path)


def test_a_file_over_the_limit_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    monkeypatch.setattr(update_gemeenten, "MAX_CBS_FILE_BYTES", 1024 * 1024)
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    with pytest.raises(CommandError, match="big.csv is larger than 1 MB"):
        run(big)
    # A device reports no size and never ends.
    with pytest.raises(CommandError, match="/dev/zero is larger than 1 MB"):
        run("/dev/zero")


class FakeResponse:
    def __init__(self, data):
        self.data = data

    def read(self, limit):
        return self.data[:limit]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_update_from_a_url(monkeypatch):
    requests = []

    def fake_urlopen(request, timeout):
        requests.append((request.full_url, timeout))
        return FakeResponse(CBS_UTF8.read_bytes())

    monkeypatch.setattr(update_gemeenten, "urlopen", fake_urlopen)
    output = run("https://example.org/gemeenten-alfabetisch.csv")
    assert requests == [("https://example.org/gemeenten-alfabetisch.csv", 30)]
    assert "Summary: created 1, updated 0, deactivated 2, unchanged 340." in output
    assert Gemeente.objects.filter(cbs_code="GM1995").exists()


def test_a_failing_or_oversized_download_is_refused(monkeypatch):
    def failing_urlopen(request, timeout):
        raise URLError("Name or service not known")

    monkeypatch.setattr(update_gemeenten, "urlopen", failing_urlopen)
    with pytest.raises(CommandError, match="Could not fetch https://example.org/x.csv: Name or"):
        run("https://example.org/x.csv")

    monkeypatch.setattr(update_gemeenten, "MAX_CBS_FILE_BYTES", 1000)
    monkeypatch.setattr(
        update_gemeenten, "urlopen", lambda request, timeout: FakeResponse(b"x" * 5000)
    )
    with pytest.raises(CommandError, match="is larger than"):
        run("https://example.org/x.csv")
    assert not Gemeente.objects.filter(cbs_code="GM1995").exists()
