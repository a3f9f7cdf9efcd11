"""The screenshots in docs/screenshots/: the first screen of the home page, the kennisbank, the
agenda and an activity, on a phone (375 x 667) and a laptop (1280 x 800), in Dutch.

    make screenshots                                   # serves the demo itself
    .venv/bin/python scripts/screenshots.py --base-url http://127.0.0.1:8000   # a running site

Without --base-url the script migrates a new SQLite database in a temporary folder, loads the
demo and serves it with runserver on a free port, as `make run` does, and removes it all after.
It needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and Playwright for Python (in .venv).
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SCREENS = {375: (375, 667), 1280: (1280, 800)}
PAGES = {"home": "/nl/", "kennisbank": "/nl/kennisbank/", "agenda": "/nl/agenda/"}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium():
    for path in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if path and Path(path).exists():
            return path
    sys.exit("Chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH)")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - our own loopback server
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def demo_site():
    """The reference site with the demo, on a free loopback port; yields its base URL."""
    folder = Path(tempfile.mkdtemp(prefix="gezondin-screenshots-"))
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "WAGTAILADMIN_BASE_URL": base_url,
    }

    def manage(*args, **kwargs):
        return subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs
        )

    server = None
    try:
        print("Migrating and loading the demo ...", flush=True)
        manage("migrate", "--noinput", stdout=subprocess.DEVNULL)
        manage("load_demo", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        server = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(base_url + "/nl/")
        yield base_url
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def first_activity(page, base_url):
    """The first upcoming activity the agenda lists."""
    page.goto(base_url + PAGES["agenda"])
    href = page.locator(".lk-agenda-list > li a").first.get_attribute("href")
    return re.sub(r"^https?://[^/]+", "", href)


def take(base_url):
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            pages = {**PAGES, "activiteit": first_activity(page, base_url)}
            for width, (w, h) in SCREENS.items():
                page.set_viewport_size({"width": w, "height": h})
                for name, path in pages.items():
                    page.goto(base_url + path)
                    target = OUT / f"{name}-{width}.png"
                    page.screenshot(path=target)
                    print(f"{target.relative_to(ROOT)}  {path}")
        finally:
            browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="a running site (default: serve the demo here)")
    options = parser.parse_args()
    if options.base_url:
        take(options.base_url.rstrip("/"))
    else:
        with demo_site() as base_url:
            take(base_url)


if __name__ == "__main__":
    main()
