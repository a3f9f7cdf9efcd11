"""The GezondIn apps render inside another Wagtail site with its own base.html and settings."""

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
