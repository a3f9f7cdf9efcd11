"""gezondin.dates.parse_moment: the one reader of dates and date-times (the harvest's --since,
the API's updated_since)."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from gezondin.dates import parse_moment

UTC = datetime.UTC


@pytest.fixture
def amsterdam(settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    return zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-05-01T09:00:00Z", datetime.datetime(2026, 5, 1, 9, tzinfo=UTC)),
        ("2026-05-01T09:00:00+02:00", datetime.datetime(2026, 5, 1, 7, tzinfo=UTC)),
        # "+" not encoded in a query string: it arrives as a space.
        ("2026-05-01T09:00:00 02:00", datetime.datetime(2026, 5, 1, 7, tzinfo=UTC)),
        ("2026-05-01 09:00 0200", datetime.datetime(2026, 5, 1, 7, tzinfo=UTC)),
    ],
)
def test_a_moment_with_an_offset(value, expected):
    assert parse_moment(value) == expected


def test_a_date_is_the_start_of_that_day_in_the_sites_time_zone(amsterdam):
    moment = parse_moment("2026-05-01")
    assert timezone.is_aware(moment)
    assert moment == datetime.datetime(2026, 5, 1, tzinfo=amsterdam)


def test_a_date_time_without_an_offset_is_in_the_sites_time_zone(amsterdam):
    assert parse_moment(" 2026-05-01 02:00 ") == datetime.datetime(2026, 5, 1, 2, tzinfo=amsterdam)


@pytest.mark.parametrize("value", ["", "gisteren", "2026-02-30", "2026-13-01", "01-05-2026"])
def test_anything_else_is_none(value):
    assert parse_moment(value) is None
