"""The finder of the kennisbank and the agenda in Chromium, on a phone (375 px) and a wide screen
(1280 px): the first result on the first screen, no page wider than the screen (also with a
300-character query), the filter dialog on a phone worked with the keyboard and checked with axe,
and a change of a facet applied at once with JavaScript. Every step also fails on a
Content-Security-Policy violation or a resource that did not load."""

import re
import time

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import (
    axe_violations,
    broken_resources,
    csp_violations,
    describe_violations,
    save_screenshot,
)

pytestmark = pytest.mark.browser

# A phone of 375 px (iPhone X to 13 mini) and a laptop screen.
# A small phone (iPhone SE, 8) and a laptop.
SCREENS = {375: {"width": 375, "height": 667}, 1280: {"width": 1280, "height": 800}}
FINDERS = {"kennisbank": "/nl/kennisbank/", "agenda": "/nl/agenda/"}
LONG_QUERY = "gezondheidsverschillen" * 13 + "x" * 14  # 300 characters, no space
assert len(LONG_QUERY) == 300


def count_in(text):
    return int(re.search(r"\d+", text).group())


def results_count(page):
    return count_in(page.locator("[data-finder-count]").inner_text())


def first_result_bottom_of_title(page):
    """Where the first result's title ends: the whole title must be on the first screen."""
    return page.evaluate(
        "() => { const item = document.querySelector('.result-list__item, .lk-agenda-list > li');"
        " return item ? item.querySelector('h2, h3').getBoundingClientRect().bottom : null; }"
    )


def first_option(page, skip=()):
    """(name, value, count) of the first checkbox of the first facet not in ``skip``."""
    return page.evaluate(
        """skip => {
          for (const box of document.querySelectorAll('.finder__facets input[type=checkbox]')) {
            if (skip.includes(box.name) || box.checked) continue;
            const count = document.querySelector(`label[for="${box.id}"] .facet__count`);
            return [box.name, box.value, parseInt(count.textContent, 10)];
          }
          return null;
        }""",
        list(skip),
    )


def wait_until(page, script, arg=None, timeout=10):
    """Poll ``script`` (a function of ``arg``) until it is true. Playwright's wait_for_function
    evaluates a string inside the page, which the site's CSP rightly refuses (no eval)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if page.evaluate(script, arg):
                return
        except PlaywrightError:  # the page is being loaded again
            pass
        assert time.monotonic() < deadline, f"timed out waiting for {script}"
        page.wait_for_timeout(50)


def no_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def assert_clean(page, step):
    assert csp_violations(page) == [], step
    assert broken_resources(page) == [], step


def with_two_filters(page, base, path):
    """The finder's URL with an option of two facets chosen (whatever the demo offers)."""
    page.goto(base + path)
    name, value, _count = first_option(page)
    page.goto(f"{base}{path}?{name}={value}")
    second, other, _count = first_option(page, skip=[name])
    return f"{path}?{name}={value}&{second}={other}"


@pytest.mark.parametrize("width", SCREENS)
@pytest.mark.parametrize("finder", FINDERS)
def test_the_first_result_is_on_the_first_screen(demo_site, page, finder, width):
    base, path = demo_site["base_url"], FINDERS[finder]
    page.set_viewport_size(SCREENS[width])
    filtered = with_two_filters(page, base, path)
    for url in (path, filtered):
        page.goto(base + url)
        assert results_count(page) > 0, url
        bottom = first_result_bottom_of_title(page)
        if bottom is None or bottom > SCREENS[width]["height"]:
            save_screenshot(page, re.sub(r"\W+", "-", f"first-result-{finder}-{width}"))
        assert bottom is not None, url
        assert bottom <= SCREENS[width]["height"], f"{url} at {width}: {bottom}"
        assert no_overflow(page), url
        assert_clean(page, url)


@pytest.mark.parametrize("width", SCREENS)
def test_a_long_query_never_makes_a_page_wider_than_the_screen(demo_site, page, width):
    page.set_viewport_size(SCREENS[width])
    base = demo_site["base_url"]
    urls = [
        f"/nl/kennisbank/?q={LONG_QUERY}",
        f"{demo_site['pages']['KennisbankPage[en]']}?q={LONG_QUERY}",
        f"/nl/kennisbank/?thema={LONG_QUERY}",
        f"/nl/zoeken/?q={LONG_QUERY}",
        f"/en/search/?q={LONG_QUERY}",
    ]
    for url in urls:
        page.goto(base + url)
        assert no_overflow(page), url
    # The query is shown back (cut to the maximum length) and wraps.
    page.goto(base + urls[0])
    heading = page.locator("[data-finder-count]")
    assert LONG_QUERY[:150] in heading.inner_text()
    assert heading.bounding_box()["width"] <= SCREENS[width]["width"]


def test_no_page_type_is_wider_than_a_phone(demo_site, page):
    page.set_viewport_size(SCREENS[375])
    wider = []
    for name, path in demo_site["pages"].items():
        page.goto(demo_site["base_url"] + path)
        if not no_overflow(page):
            wider.append(f"{name} {path}")
            save_screenshot(page, re.sub(r"\W+", "-", f"overflow-{name}"))
    assert wider == []


@pytest.mark.parametrize("finder", FINDERS)
def test_the_filter_dialog_on_a_phone_works_with_the_keyboard(demo_site, page, finder):
    base, path = demo_site["base_url"], FINDERS[finder]
    page.set_viewport_size(SCREENS[375])
    page.goto(base + path)
    total = results_count(page)
    opener = page.locator("[data-finder-open]")
    sheet = page.locator("[data-finder-sheet]")
    # Results first: the filters are behind the button, which says how many are chosen.
    assert opener.is_visible() and not sheet.is_visible()
    assert opener.inner_text().strip() == "Filters"
    assert opener.get_attribute("aria-expanded") == "false"

    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Filter de resultaten")
    assert dialog.is_visible()
    assert opener.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('[data-finder-sheet]') !== null")
    apply = dialog.locator("button[type=submit]")
    assert apply.inner_text().strip() == f"Toon {total} resultaten"
    violations = axe_violations(page)
    if violations:
        save_screenshot(page, f"axe-finder-dialog-{finder}")
    assert not violations, describe_violations(violations)
    # The rest of the page is out of reach while the dialog is open.
    assert page.evaluate("document.querySelector('main h1').closest('[inert]') !== null")

    # Choosing an option (Space on its checkbox) shows at once what it gives.
    name, value, count = first_option(page)
    page.locator(f'.finder__facets input[name="{name}"][value="{value}"]').focus()
    page.keyboard.press("Space")
    expected = f"Toon {count} resultaat" if count == 1 else f"Toon {count} resultaten"
    wait_until(
        page,
        "text => document.querySelector('.finder__apply-count').textContent.trim() === text",
        expected,
    )
    assert f"{name}={value}" in page.url
    # The focus stays on the checkbox, which stays checked.
    assert page.evaluate("document.activeElement.type") == "checkbox"
    assert page.evaluate("document.activeElement.checked")
    # ...and the new count is announced (in the live region inside the dialog).
    wait_until(
        page,
        "n => document.querySelector('[data-finder-status]').textContent.startsWith(n)",
        str(count),
    )

    # Escape closes it; focus goes back to "Filters (1)"; the results are those chosen.
    page.keyboard.press("Escape")
    assert not sheet.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-finder-open')")
    assert re.sub(r"\s+", " ", opener.inner_text()).startswith("Filters (1)")
    assert opener.get_attribute("aria-expanded") == "false"
    assert results_count(page) == count
    assert page.evaluate("document.querySelector('[inert]') === null")

    # "Toon n resultaten" closes the dialog as well.
    opener.focus()
    page.keyboard.press("Enter")
    assert dialog.is_visible()
    dialog.locator("button[type=submit]").focus()
    page.keyboard.press("Enter")
    wait_until(page, "() => !document.querySelector('.finder__panel.is-modal')")
    assert page.evaluate("document.activeElement.hasAttribute('data-finder-open')")
    assert results_count(page) == count
    assert_clean(page, "the filter dialog")


@pytest.mark.parametrize("finder", FINDERS)
def test_a_facet_change_applies_at_once_beside_the_results(demo_site, page, finder):
    base, path = demo_site["base_url"], FINDERS[finder]
    page.set_viewport_size(SCREENS[1280])
    page.goto(base + path)
    page.evaluate("window.samePage = true")
    # On a wide screen the filters stand beside the results and the apply button is in view.
    assert page.locator("[data-finder-sheet]").is_visible()
    assert not page.locator("[data-finder-open]").is_visible()
    page.mouse.wheel(0, 600)
    box = page.locator(".finder__apply").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= SCREENS[1280]["height"]

    name, value, count = first_option(page)
    page.locator(f'.finder__facets input[name="{name}"][value="{value}"]').check()
    wait_until(
        page,
        "n => parseInt(document.querySelector('[data-finder-count]').textContent, 10) === n",
        count,
    )
    assert page.evaluate("window.samePage") is True  # swapped in, not loaded again
    assert f"{name}={value}" in page.url
    assert page.locator(".active-filters__chip").count() == 1
    assert page.locator(".result-list__item, .lk-agenda-list > li").count() == min(count, 20)
    # Back leads to the selection before.
    page.go_back()
    wait_until(page, "() => !location.search && !document.querySelector('.active-filters__chip')")
    assert_clean(page, "a facet change")


def test_a_query_typed_into_the_kennisbank_is_ordered_by_best_match(demo_site, page):
    """The kennisbank without a query is sorted newest first; a query typed into its search box
    is ordered by best match all the same (the select's own order is not sent)."""
    base = demo_site["base_url"]
    titles = "() => [...document.querySelectorAll('.result-list__item h3')].map(h => h.innerText)"
    page.goto(base + "/nl/kennisbank/?q=schulden")
    best_match = page.evaluate(titles)[:3]
    page.goto(base + "/nl/kennisbank/?q=schulden&sort=nieuwste")
    assert page.evaluate(titles)[:3] != best_match  # else this test could not tell them apart

    page.goto(base + "/nl/kennisbank/")
    box = page.locator("form.finder input[name=q]")
    box.fill("schulden")
    box.press("Enter")
    wait_until(page, "t => location.search.includes('q=schulden')")
    wait_until(
        page,
        "expected => [...document.querySelectorAll('.result-list__item h3')]"
        ".slice(0, 3).map(h => h.innerText).join('|') === expected",
        "|".join(best_match),
        timeout=5,
    )
    assert "sort=" not in page.url
    assert page.locator("select[name=sort] option:checked").inner_text() == "Best passend"
    assert_clean(page, "a query typed into the kennisbank")
