"""What the install layer's fixtures and tests share (tests/install/conftest.py)."""

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRE_INSTALL = os.environ.get("REQUIRE_INSTALL") == "1"
WHEELHOUSE = os.environ.get("INSTALL_WHEELHOUSE", "")
PYTHON = os.environ.get("INSTALL_PYTHON") or sys.executable

# What each step of the layer took, in seconds; shown at the end of the run (tests/conftest.py).
TIMINGS = {}

# Variables of the suite's own environment that must not reach the host project's processes.
SUITE_VARIABLES = {
    "DJANGO_SETTINGS_MODULE",
    "PYTHONPATH",
    "PYTHONHOME",
    "VIRTUAL_ENV",
    "DATABASE_URL",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "CACHE_URL",
    "WAGTAILADMIN_BASE_URL",
    "PYTEST_XDIST_WORKER",
    "PYTEST_CURRENT_TEST",
}


def skip_or_fail(reason):
    if REQUIRE_INSTALL:
        pytest.fail(f"REQUIRE_INSTALL=1 but {reason}")
    pytest.skip(reason)


def clean_env(**extra):
    env = {key: value for key, value in os.environ.items() if key not in SUITE_VARIABLES}
    env.update(extra)
    return env


def run(args, *, cwd=None, env=None, timeout=300, step=None):
    """Run a command; fail the test with its output when it does not succeed."""
    started = time.monotonic()
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if step:
        TIMINGS[step] = round(time.monotonic() - started, 1)
    if result.returncode != 0:
        pytest.fail(
            f"`{' '.join(str(arg) for arg in args)}` exited with {result.returncode}\n"
            f"--- stdout ---\n{result.stdout[-6000:]}\n--- stderr ---\n{result.stderr[-6000:]}",
            pytrace=False,
        )
    return result


def locked_versions():
    """{canonical name: version} of requirements.lock."""
    versions = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "-")) and "==" in line:
            name, version = line.split("==", 1)
            versions[name.strip().lower().replace("_", "-")] = version.strip()
    return versions


@dataclass
class Host:
    """A `wagtail start` project in a virtualenv of its own, with GezondIn installed."""

    venv: Path
    site: Path

    @property
    def python(self):
        return self.venv / "bin" / "python"

    def env(self, **extra):
        return clean_env(
            PATH=f"{self.venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
            VIRTUAL_ENV=str(self.venv),
            **extra,
        )

    def manage(self, *args, step=None, timeout=300, **extra_env):
        return run(
            [self.python, "manage.py", *args],
            cwd=self.site,
            env=self.env(**extra_env),
            step=step,
            timeout=timeout,
        )


def working_tree_files(*folders):
    """The files of the working tree (under ``folders``, if given) that git tracks or would
    track: not ignored, so no virtualenv, bytecode or leftovers of an earlier build."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *folders],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        skip_or_fail("not a git checkout: the package is built from the files git lists")
    return sorted(name for name in listed if (ROOT / name).is_file())


def copy_working_tree(target):
    """Copy the working tree's files to ``target``: a build there cannot pick up a stale
    ``*.egg-info`` or ``build/`` of this checkout (setuptools reads an old SOURCES.txt)."""
    for name in working_tree_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
    return target
