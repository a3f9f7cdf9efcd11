"""The home page's section registry (gezondin.home): the core shows what the feature apps
register, in order and by region, and leaves out a section with nothing to show. What the
kennisbank and the agenda register is tested on the demo content in tests/test_front_door.py."""

import pytest
from bs4 import BeautifulSoup

from gezondin import home

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test; the apps' own sections come back afterwards."""
    monkeypatch.setattr(home, "_REGISTRY", {})
    return home


def test_the_feature_apps_register_their_sections():
    names = [item.name for item in home.registered()]
    assert names == [
        "kennisbank-search",
        "kennisbank-themes",
        "leerkringen-next",
        "kennisbank-newest",
        "kennisbank-share",
    ]
    assert {item.name: item.region for item in home.registered()}["kennisbank-search"] == "lead"


def test_sections_in_order_by_region_without_the_empty_ones(registry, rf, home_page):
    calls = []

    def builder(value):
        def build(request, home_page):
            calls.append(home_page.pk)
            return value

        return build

    registry.register("late", template="late.html", order=30)(builder({"n": 3}))
    registry.register("early", template="early.html", order=10, stylesheet="a.css")(
        builder({"n": 1})
    )
    registry.register("nothing", template="nothing.html", order=20)(builder(None))
    registry.register("top", template="top.html", order=5, region="lead", stylesheet="a.css")(
        builder({"n": 0})
    )
    sections = registry.sections(rf.get("/nl/"), home_page)
    assert [s.name for s in sections["lead"]] == ["top"]
    assert [(s.name, s.template, s.context) for s in sections["main"]] == [
        ("early", "early.html", {"n": 1}),
        ("late", "late.html", {"n": 3}),
    ]
    assert calls == [home_page.pk] * 4
    assert registry.stylesheets(sections) == ["a.css"]


def test_an_unknown_region_is_refused(registry):
    with pytest.raises(ValueError, match="region"):
        registry.register("x", template="x.html", order=1, region="sidebar")


def test_registering_a_name_again_replaces_it_and_unregister_drops_it(registry):
    registry.register("x", template="one.html", order=1)(lambda request, page: {})
    registry.register("x", template="two.html", order=1)(lambda request, page: {})
    assert [item.template for item in registry.registered()] == ["two.html"]
    registry.unregister("x")
    assert registry.registered() == []


def test_the_home_page_renders_the_sections_and_links_their_style_sheets(
    registry, client, home_page
):
    """A section's template gets its builder's context as ``section``; here an existing
    template of the kennisbank's, given the context it expects."""
    registry.register(
        "share",
        template="kennisbank/includes/home_share.html",
        order=1,
        stylesheet="kennisbank/css/kennisbank.css",
    )(lambda request, page: {"url": f"/{page.locale.language_code}/delen/"})
    registry.register("empty", template="does-not-exist.html", order=2)(lambda request, page: None)
    html = BeautifulSoup(client.get("/nl/").content.decode(), "html.parser")
    link = html.select_one("#main .home-share a")
    assert link["href"] == "/nl/delen/"
    sheets = [tag["href"] for tag in html.head.select("link[rel=stylesheet]")]
    assert sum("kennisbank/css/kennisbank" in sheet for sheet in sheets) == 1


def test_without_feature_content_the_home_page_shows_only_its_own(client, home_page):
    """No kennisbank, no agenda, no contact page: every section has nothing to show."""
    response = client.get("/nl/")
    assert response.status_code == 200
    assert response.context["home_sections"] == {"lead": [], "main": []}
