"""The install layer: the package built from this working tree, installed where a user installs it.

A session fixture builds the sdist and the wheel (`python -m build`), another one creates a new
virtualenv (`python -m venv`, no system site packages), installs Wagtail at the version
requirements.lock pins and the built wheel into it (the other pins of the lock as constraints),
and generates a project with `wagtail start`. The tests then follow docs/installing.md in that
project. The whole layer runs on one xdist worker (tests/conftest.py), so each fixture is built
once per run.

It needs `build` and pip in the suite's environment and a package index (PyPI, or a wheelhouse
given as INSTALL_WHEELHOUSE=<dir> for offline runs). Without them the tests skip with the reason;
with REQUIRE_INSTALL=1 (.ci/run) they fail instead. INSTALL_PYTHON=<interpreter> builds the host's
virtualenv with another Python (for example python3.13) than the one running the suite.
"""

import importlib.util
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.install.tools import (
    PYTHON,
    TIMINGS,
    WHEELHOUSE,
    Host,
    clean_env,
    copy_working_tree,
    locked_versions,
    run,
    skip_or_fail,
)


@pytest.fixture(scope="session")
def install_tools():
    """Skip (or fail with REQUIRE_INSTALL=1) when the layer cannot run here."""
    if importlib.util.find_spec("build") is None:
        skip_or_fail("the `build` package is not installed (it is in the dev extra)")
    if not Path(PYTHON).exists() and not shutil.which(PYTHON):
        skip_or_fail(f"INSTALL_PYTHON={PYTHON} does not exist")
    wagtail = locked_versions()["wagtail"]
    if WHEELHOUSE:
        if not Path(WHEELHOUSE).is_dir():
            skip_or_fail(f"INSTALL_WHEELHOUSE={WHEELHOUSE} is not a directory")
        return
    probe = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", "wagtail"],
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if probe.returncode != 0 or wagtail not in probe.stdout:
        skip_or_fail(
            f"no package index offers wagtail=={wagtail} (no network? set INSTALL_WHEELHOUSE "
            f"to a directory of wheels): {probe.stderr.strip()[-300:]}"
        )


@dataclass
class Dist:
    wheel: Path
    sdist: Path


@pytest.fixture(scope="session")
def dist(install_tools, tmp_path_factory):
    """The sdist and the wheel `python -m build` makes of this working tree (the wheel is built
    from the sdist, as a release is), built in a copy of the tree's files."""
    source = copy_working_tree(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", out, source], step="build sdist and wheel")
    wheels = sorted(out.glob("gezondin-*.whl"))
    sdists = sorted(out.glob("gezondin-*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in out.iterdir())
    return Dist(wheel=wheels[0], sdist=sdists[0])


@pytest.fixture(scope="session")
def host_venv(dist, tmp_path_factory):
    """A new virtualenv with Wagtail (the locked version) and the built wheel."""
    root = tmp_path_factory.mktemp("host")
    venv = root / "venv"
    # No pip inside (creating it costs 15 s): the suite's pip installs into the venv (--python).
    run([PYTHON, "-m", "venv", "--without-pip", venv], step="create virtualenv")
    constraints = root / "constraints.txt"
    constraints.write_text(
        "".join(f"{name}=={version}\n" for name, version in locked_versions().items()),
        encoding="utf-8",
    )
    source = ["--no-index", "--find-links", WHEELHOUSE] if WHEELHOUSE else []
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            venv / "bin" / "python",
            "install",
            "--quiet",
            # The host compiles what it imports; compiling all of Wagtail up front costs time.
            "--no-compile",
            *source,
            "--constraint",
            constraints,
            f"wagtail=={locked_versions()['wagtail']}",
            dist.wheel,
        ],
        step="pip install wagtail and the wheel",
        timeout=600,
    )
    return venv


@pytest.fixture(scope="session")
def host(host_venv):
    """`wagtail start hostsite` in the new virtualenv, before any GezondIn step."""
    site = host_venv.parent / "site"
    site.mkdir()
    run(
        [host_venv / "bin" / "wagtail", "start", "hostsite", site],
        env=Host(host_venv, site).env(),
        step="wagtail start",
    )
    return Host(venv=host_venv, site=site)


@pytest.fixture(autouse=True)
def _report_timings(request):
    """Hand the step durations to the run's summary (tests/conftest.py), also from an xdist
    worker."""
    yield
    request.node.user_properties.append(("install_timings", dict(TIMINGS)))
