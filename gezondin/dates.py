"""Reading a moment that a person or another program wrote down."""

import datetime
import re

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime


def parse_moment(value):
    """An ISO 8601 date (the start of that day in the site's time zone) or date-time (without
    an offset: in the site's time zone) as an aware datetime; None when ``value`` is neither."""
    # An unencoded "+02:00" in a query string arrives as " 02:00" (after a time of day).
    value = re.sub(r"(\d\d:\d\d(?::\d\d(?:\.\d+)?)?) (\d\d:?\d\d)$", r"\1+\2", value.strip())
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                return None
            moment = datetime.datetime.combine(day, datetime.time.min)
    except ValueError:  # well formed, but not a real date ("2024-02-30")
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment
