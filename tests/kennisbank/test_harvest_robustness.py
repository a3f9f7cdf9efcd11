"""Harvesting against a bad network and bad peers: each problem gives a clear line in the report
and leaves what was harvested before intact (docs/sharing.md, "Robustness").

The peer is a real HTTP server on 127.0.0.1 (tests/servers.py CannedPeer) that misbehaves on
request; nothing in requests is mocked. Timeouts and backoff are set small so this stays fast.

The site and the three practices harvested before the trouble starts (``harvested``) are built
once for the module (tests/shared.py); the peer and the other sources are made for each test.
"""

import time

import pytest
from django.test import override_settings

from kennisbank.harvest.client import Client, ClientSettings, HarvestError
from kennisbank.harvest.harvester import harvest
from kennisbank.harvest.models import HarvestSource, SharedCopy
from tests.kennisbank.conftest import ORIGIN, PNG, figure, practice
from tests.servers import CannedPeer
from tests.shared import shared_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data("site", "harvested")]

JSON = {"Content-Type": "application/json"}


def settings(**overrides):
    values = {
        "connect_timeout": 1,
        "read_timeout": 2,
        "retries": 0,
        "backoff": 0,
        "page_size": 2,
        "max_json_bytes": 200_000,
    }
    return ClientSettings(**{**values, **overrides})


@pytest.fixture
def source(peer):
    return HarvestSource.objects.create(name="Gemeente Tilburg", base_url=peer.base_url)


def run(source, at=None, **overrides):
    """A harvest of ``source``, from its own address or from the peer ``at``."""
    url = at.base_url if at is not None else source.base_url
    return harvest(source, client=Client(url, settings(**overrides)))


def live_copies(source):
    copies = SharedCopy.objects.filter(source=source, page__live=True)
    return sorted(copies.values_list("remote_id", flat=True))


@shared_fixture
def harvested(site):
    """A source with three practices harvested before the trouble starts. Its address is the
    public one its practices name; they were harvested from a peer standing in for it, as the
    tests' own peer does later (``run(harvested, at=peer)``)."""
    source = HarvestSource.objects.create(name="Gemeente Tilburg", base_url=ORIGIN)
    peer = CannedPeer()
    try:
        peer.practices["nl"] = [practice(11), practice(12), practice(13)]
        with override_settings(GEZONDIN_HARVEST_ALLOWED_PRIVATE_ORIGINS=[peer.base_url]):
            report = run(source, at=peer)
    finally:
        peer.close()
    assert report.counts()["added"] == 3, report.as_text()
    assert live_copies(source) == [11, 12, 13]
    return source


# The client on its own -------------------------------------------------------------------------


def test_connection_errors_and_5xx_are_retried_with_backoff(peer):
    peer.responses = [(503, JSON, {"message": "busy"}), (502, {}, b"bad gateway")]
    client = Client(peer.base_url, settings(retries=2, backoff=0.05))

    data = client.get_json("praktijkvoorbeelden/", {"limit": 1})

    assert data == {"meta": {"total_count": 0}, "items": []}
    assert len(peer.requests) == 3


def test_retries_give_up_with_the_last_status(peer):
    peer.responses = [(503, JSON, {"message": "even geduld"})] * 3
    client = Client(peer.base_url, settings(retries=2))

    with pytest.raises(HarvestError, match="HTTP 503: even geduld") as caught:
        client.get_json("praktijkvoorbeelden/")
    assert caught.value.transient
    assert len(peer.requests) == 3


def test_a_long_retry_after_is_capped(peer):
    peer.responses = [(429, {**JSON, "Retry-After": "3600"}, {"message": "slow down"})]
    client = Client(peer.base_url, settings(retries=1, backoff=0.01, backoff_max=0.1))

    started = time.monotonic()
    client.get_json("praktijkvoorbeelden/")

    assert time.monotonic() - started < 3
    assert len(peer.requests) == 2


def test_4xx_are_not_retried(peer):
    client = Client(peer.base_url, settings(retries=3))

    with pytest.raises(HarvestError, match="HTTP 404: Not found.") as caught:
        client.get_json("bestaat-niet/")
    assert not caught.value.transient
    assert len(peer.requests) == 1


def test_a_slow_peer_times_out(peer):
    peer.delay = 1.5
    client = Client(peer.base_url, settings(read_timeout=0.2))

    with pytest.raises(HarvestError, match=r"no answer in time \(read timeout\)"):
        client.get_json("praktijkvoorbeelden/")


def test_a_trickling_answer_hits_the_overall_deadline(peer):
    body = b'{"meta": {"total_count": 0}, "items": []}' + b" " * 200
    # 16 bytes every 0.05 s, each well within the read timeout: 0.8 s for the whole answer.
    peer.route = lambda path, query: (200, {**JSON, "_trickle": "0.05"}, body)
    client = Client(peer.base_url, settings(read_timeout=2, total_timeout=0.25))

    started = time.monotonic()
    with pytest.raises(HarvestError, match="answer took longer than 0.25 s"):
        client.get_json("praktijkvoorbeelden/")
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-content-length"])
def test_an_answer_above_the_size_limit_is_abandoned(peer, declared):
    body = b'{"meta": {"total_count": 0}, "items": [' + b" " * 5000 + b"]}"
    headers = dict(JSON) if declared else {**JSON, "_no_length": "1"}
    peer.route = lambda path, query: (200, headers, body)
    client = Client(peer.base_url, settings(max_json_bytes=1000))

    with pytest.raises(HarvestError, match="answer too large"):
        client.get_json("praktijkvoorbeelden/")


@pytest.mark.parametrize(
    ("headers", "body", "message"),
    [
        ({"Content-Type": "text/html"}, b"<html>Welkom</html>", "expected JSON, got text/html"),
        ({}, b"{}", "expected JSON, got no content type"),
        (JSON, b'{"meta": {"total_count": 1}, "items": [', "invalid JSON"),
        (JSON, b"\xff\xfe\x00garbage", "invalid JSON"),
        (JSON, b"[1, 2, 3]", "expected a JSON object"),
    ],
)
def test_answers_that_are_not_json_objects_are_refused(peer, headers, body, message):
    peer.route = lambda path, query: (200, headers, body)

    with pytest.raises(HarvestError, match=message):
        Client(peer.base_url, settings()).get_json("praktijkvoorbeelden/")


def test_a_listing_without_meta_or_items_is_refused(peer):
    peer.route = lambda path, query: (200, JSON, {"meta": {"total_count": "veel"}, "items": []})

    with pytest.raises(HarvestError, match="meta.total_count is not a number"):
        list(Client(peer.base_url, settings()).listing("praktijkvoorbeelden"))


# Whole harvests ----------------------------------------------------------------------------------


def test_an_address_that_is_not_a_gezondin_site_fails_clearly(site, peer, source):
    peer.route = lambda path, query: (200, {"Content-Type": "text/html"}, b"<html></html>")

    report = run(source)

    assert report.status == "failed"
    assert "is this the address of a GezondIn site?" in report.as_text()
    assert "expected JSON, got text/html" in report.as_text()
    source.refresh_from_db()
    assert source.last_status == "failed"
    assert "expected JSON" in source.last_report


def test_a_peer_that_is_down_changes_nothing(harvested, peer):
    peer.close()

    report = run(harvested, at=peer)

    assert report.status == "failed"
    assert "connection refused" in report.as_text()
    assert live_copies(harvested) == [11, 12, 13]


def test_a_peer_that_disappears_halfway_keeps_what_was_harvested(harvested, peer):
    peer.practices["nl"] = [
        practice(11, title="Bijgewerkt", published="2026-05-01"),
        practice(13),
        practice(14),
    ]
    # The probe and the first page of two practices are answered; then the peer is gone.
    peer.stop_after(2)

    report = run(harvested, at=peer)

    assert report.status == "partial"
    text = report.as_text()
    assert "nl: the listing broke off after 2 practices: connection refused" in text
    assert "nothing withdrawn in nl" in text
    assert report.counts()["updated"] == 1  # the first page was handled
    assert report.counts()["withdrawn"] == 0  # #12 is missing, but the listing was incomplete
    assert live_copies(harvested) == [11, 12, 13]
    assert SharedCopy.objects.get(source=harvested, remote_id=11).page.title == "Bijgewerkt"


def test_a_bad_page_in_the_middle_withdraws_nothing(harvested, peer):
    peer.practices["nl"] = [practice(11), practice(13)]

    def broken_second_page(path, query):
        if query.get("locale") == "nl" and query.get("offset") == "2":
            return 200, JSON, b"{not json"
        return None

    peer.practices["nl"] = [practice(11), practice(13), practice(15)]
    peer.route = broken_second_page

    report = run(harvested, at=peer)

    assert "nl: the listing broke off after 2 practices: invalid JSON" in report.as_text()
    assert report.counts()["withdrawn"] == 0
    assert live_copies(harvested) == [11, 12, 13]


def test_a_listing_that_stops_short_of_its_count_withdraws_nothing(harvested, peer):
    def short(path, query):
        if query.get("locale") == "nl":
            items = [practice(11)] if query.get("offset") == "0" else []
            return 200, JSON, {"meta": {"total_count": 3}, "items": items}
        return None

    peer.route = short

    report = run(harvested, at=peer)

    assert "the source listed 1 of the 3 practices it counts" in report.as_text()
    assert report.counts()["withdrawn"] == 0
    assert live_copies(harvested) == [11, 12, 13]


def test_server_errors_on_one_language_leave_the_other_harvested(site, peer, source):
    peer.practices["nl"] = [practice(11)]
    peer.practices["en"] = [practice(21, "en")]
    peer.route = lambda path, query: (
        (500, JSON, {"message": "stuk"}) if query.get("locale") == "en" else None
    )

    report = run(source)

    assert report.status == "partial"
    assert "en: the listing broke off after 0 practices: HTTP 500: stuk" in report.as_text()
    assert live_copies(source) == [11]


def test_items_that_are_not_objects_are_skipped(site, peer, source):
    peer.route = lambda path, query: (
        (200, JSON, {"meta": {"total_count": 3}, "items": ["x", None, practice(11)]})
        if query.get("locale") == "nl"
        else None
    )

    report = run(source, page_size=100)

    assert report.counts()["added"] == 1
    assert report.counts()["skipped"] == 2
    assert "an item: not an object" in report.as_text()


def test_an_image_download_that_fails_is_retried_next_time(site, peer, source):
    url = peer.url("/media/images/coach.png")
    peer.practices["nl"] = [practice(11, approach=[figure(url)])]
    peer.route = lambda path, query: (503, {}, b"") if path.startswith("/media/") else None

    first = run(source)
    assert first.counts()["added"] == 1
    assert "not copied: HTTP 503" in first.as_text()
    assert len(SharedCopy.objects.get(source=source, remote_id=11).page.specific.approach) == 0

    peer.route = None
    peer.files["/media/images/coach.png"] = ("image/png", PNG.getvalue())
    second = run(source)
    assert second.counts()["updated"] == 1
    approach = SharedCopy.objects.get(source=source, remote_id=11).page.specific.approach
    assert approach[0].block_type == "figure"
    assert run(source).counts()["updated"] == 0
