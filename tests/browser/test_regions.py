"""The overviews in Chromium on a phone (375 px) and a wide screen (1280 px): a regional page,
the kennisbank with the regio facet chosen, and "GezondIn in cijfers" (NL and EN) pass axe (WCAG
2.0/2.1 A and AA) with the site's Content-Security-Policy on, load every resource, fit the
screen, and are saved as screenshots to look at (test artifacts)."""

import re

import pytest

from tests.browser.conftest import (
    axe_violations,
    broken_resources,
    csp_violations,
    describe_violations,
    save_screenshot,
)

pytestmark = pytest.mark.browser

PAGES = {
    "region": "/nl/regio/midden-en-west-brabant/",
    "regions": "/nl/regio/",
    "kennisbank-regio": "/nl/kennisbank/?regio=midden-en-west-brabant",
    "figures": "/nl/cijfers/",
    "figures-en": "/en/figures/",
}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", list(PAGES))
def test_the_overviews_pass_axe_and_fit_the_screen(demo_site, page, width, name):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(demo_site["base_url"] + PAGES[name])
    assert response.status == 200
    violations = axe_violations(page)
    save_screenshot(page, f"regions-{name}-{width}")
    assert not violations, describe_violations(violations)
    assert not csp_violations(page)
    assert not broken_resources(page)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"{name} is {overflow} px wide at {width} px"


def test_the_regio_facet_counts_and_narrows(demo_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site["base_url"] + "/nl/kennisbank/")
    box = page.locator('input[name="regio"][value="midden-en-west-brabant"]')
    assert box.count() == 1
    label = page.locator(f'label[for="{box.get_attribute("id")}"] .facet__count')
    count = int(re.search(r"\d+", label.text_content()).group())  # folded: no inner text
    assert count > 0
    page.goto(demo_site["base_url"] + "/nl/kennisbank/?regio=midden-en-west-brabant")
    heading = page.locator("#kennisbank-results-heading").inner_text()
    assert int(re.search(r"\d+", heading).group()) == count


def test_the_figures_grid_shows_its_numbers_and_the_table_is_there_for_screen_readers(
    demo_site, page
):
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(demo_site["base_url"] + "/nl/cijfers/")
    cells = page.locator(".figures-grid__cell")
    assert cells.count() == 12 + 25  # provinces and regions
    assert all(re.search(r"\d", text) for text in cells.all_inner_texts())
    tables = page.get_by_role("table")
    assert tables.count() >= 4
    assert page.get_by_role("table", name="Praktijkvoorbeelden per veiligheidsregio").count() == 1
