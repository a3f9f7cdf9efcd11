"""The reach of activities (bereik) and their evaluations, for the organiser's report per activity
and per year (leerkringen.admin_views).

- **participants**: the sign-ups with a seat (confirmed) or recorded present at a meeting;
  ``attended``: those present at one meeting or more;
- **organisations** and **municipalities** reached: the distinct organisations (the name as
  typed, compared without case and spacing) and municipalities of the participants, and the GIDS
  municipalities among them;
- **attendance rate**: the average over the participants of meetings present at / meetings
  held (recorded), as in the sign-up list (leerkringen.services.attendance); over a year, the
  average over all participants of its activities with recorded attendance;
- **evaluations**: how many answered, the average score and how many gave each score.

Anonymising (leerkringen.retention) clears a sign-up's municipality and organisation but keeps
its status and attendance; before it does, it writes a Bereik row per participant (``keep``):
the municipality, a one-way key of the organisation and whether they attended. So the figures
stay the same after anonymisation.
"""

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from gezondin.models import Gemeente
from leerkringen.models import (
    Aanmelding,
    AanmeldingStatus,
    Aanwezigheid,
    Bereik,
    Evaluatie,
)


def organisation_key(name):
    """A one-way key of an organisation's name as typed, the same for "GGD  Twente" and
    "ggd twente"; "" for no name."""
    normalised = " ".join((name or "").casefold().split())
    if not normalised:
        return ""
    return hashlib.sha256(normalised.encode()).hexdigest()


def _participant_filter():
    present = Aanwezigheid.objects.filter(present=True).values("aanmelding_id")
    return Q(status=AanmeldingStatus.CONFIRMED) | Q(pk__in=present)


def participants(activity_ids):
    """The participants (see above) of the activities, anonymised ones included."""
    return Aanmelding.objects.filter(activity_id__in=list(activity_ids)).filter(
        _participant_filter()
    )


def keep(aanmelding_ids):
    """Write the Bereik rows of the participants among ``aanmelding_ids`` (before they are
    anonymised; leerkringen.retention). Returns how many."""
    present = set(
        Aanwezigheid.objects.filter(aanmelding_id__in=aanmelding_ids, present=True).values_list(
            "aanmelding_id", flat=True
        )
    )
    recorded = set(
        Aanwezigheid.objects.filter(aanmelding_id__in=aanmelding_ids).values_list(
            "aanmelding_id", flat=True
        )
    )
    rows = [
        Bereik(
            activity_id=activity_id,
            gemeente_id=gemeente_id,
            organisation_key=organisation_key(organisation),
            attended=True if pk in present else (False if pk in recorded else None),
        )
        for pk, activity_id, gemeente_id, organisation in Aanmelding.objects.filter(
            _participant_filter(), pk__in=aanmelding_ids, anonymised_at__isnull=True
        ).values_list("pk", "activity_id", "gemeente_id", "organisation")
    ]
    Bereik.objects.bulk_create(rows)
    return len(rows)


@dataclass
class Reach:
    """The figures of one activity, or of a year (``activity`` None)."""

    activity: object = None
    participants: int = 0
    attended: int = 0
    organisations: set = field(default_factory=set)
    gemeenten: set = field(default_factory=set)  # Gemeente pks
    gids: set = field(default_factory=set)
    held: int = 0  # meetings with recorded attendance
    rates: list = field(default_factory=list)  # each counted participant's attendance rate
    scores: Counter = field(default_factory=Counter)

    @property
    def attendance_rate(self):
        return sum(self.rates) / len(self.rates) if self.rates else None

    @property
    def attendance_percent(self):
        rate = self.attendance_rate
        return None if rate is None else round(100 * rate)

    @property
    def evaluations(self):
        return sum(self.scores.values())

    @property
    def average_score(self):
        total = self.evaluations
        if not total:
            return None
        return round(sum(score * n for score, n in self.scores.items()) / total, 1)

    @property
    def distribution(self):
        """[(score, count, percent of the answers)] for 1 to 5."""
        total = self.evaluations
        return [
            (score, self.scores[score], round(100 * self.scores[score] / total) if total else 0)
            for score in Evaluatie.SCORES
        ]

    def add(self, other):
        self.participants += other.participants
        self.attended += other.attended
        self.organisations |= other.organisations
        self.gemeenten |= other.gemeenten
        self.gids |= other.gids
        self.held += other.held
        self.rates += other.rates
        self.scores += other.scores


def reach_of(activities):
    """{activity pk: Reach} for the activities (in a fixed number of queries)."""
    activities = list(activities)
    ids = [a.pk for a in activities]
    result = {a.pk: Reach(activity=a) for a in activities}
    counted = defaultdict(set)  # activity pk -> sign-up pks the attendance rate is over
    for pk, activity_id, status, anonymised_at, gemeente_id, organisation in participants(
        ids
    ).values_list("pk", "activity_id", "status", "anonymised_at", "gemeente_id", "organisation"):
        reach = result[activity_id]
        reach.participants += 1
        if status == AanmeldingStatus.CONFIRMED:
            counted[activity_id].add(pk)
        if anonymised_at is None:
            _reached(reach, gemeente_id, organisation_key(organisation))
    for activity_id, gemeente_id, key in Bereik.objects.filter(activity_id__in=ids).values_list(
        "activity_id", "gemeente_id", "organisation_key"
    ):
        _reached(result[activity_id], gemeente_id, key)
    _attendance(result, counted)
    gids = set(
        Gemeente.objects.filter(
            pk__in={pk for reach in result.values() for pk in reach.gemeenten}, is_gids=True
        ).values_list("pk", flat=True)
    )
    for reach in result.values():
        reach.gids = reach.gemeenten & gids
    for activity_id, score, n in (
        Evaluatie.objects.filter(activity_id__in=ids)
        .values_list("activity_id", "score")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        result[activity_id].scores[score] += n
    return result


def _reached(reach, gemeente_id, key):
    if gemeente_id is not None:
        reach.gemeenten.add(gemeente_id)
    if key:
        reach.organisations.add(key)


def _attendance(result, counted):
    """Each activity's meetings held and its participants' attendance rates (as
    leerkringen.services.attendance: over the sign-ups with a seat or recorded at a meeting)."""
    rows = Aanwezigheid.objects.filter(aanmelding__activity_id__in=list(result)).values_list(
        "aanmelding__activity_id", "aanmelding_id", "bijeenkomst_id", "present"
    )
    held = defaultdict(set)
    present = Counter()
    attended = defaultdict(set)
    for activity_id, aanmelding_id, meeting_id, was_present in rows:
        held[activity_id].add(meeting_id)
        counted[activity_id].add(aanmelding_id)
        if was_present:
            present[aanmelding_id] += 1
            attended[activity_id].add(aanmelding_id)
    for activity_id, reach in result.items():
        reach.attended = len(attended[activity_id])
        reach.held = len(held[activity_id])
        if reach.held:
            reach.rates = [present[pk] / reach.held for pk in counted[activity_id]]


def total(reaches):
    """The figures of several activities together: participants added up, organisations and
    municipalities counted once."""
    result = Reach()
    for reach in reaches:
        result.add(reach)
    return result


def gemeenten_reached(reach):
    """The municipalities reached, by the name people know, GIDS ones marked (``is_gids``)."""
    return list(Gemeente.objects.filter(pk__in=reach.gemeenten).by_known_name())
