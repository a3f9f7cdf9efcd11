"""The GezondIn apps install into another Wagtail site (its own home.HomePage, base.html and
settings, set up as docs/installing.md says): check is clean, the sections live under the
host's home page and render inside its base.html."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_apps_render_inside_a_minimal_host_site():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.hostsite.settings"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "tests.hostsite.check_host"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "host site OK" in result.stdout
