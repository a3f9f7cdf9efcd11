"""Every stylesheet the apps ship is well formed: a rule left open (as a merge once left two)
makes the browser drop everything after it, and the pages look unstyled though every test of
their HTML passes."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STYLESHEETS = sorted(
    path
    for app in ("gezondin", "kennisbank", "leerkringen")
    for path in (ROOT / app).rglob("*.css")
)


def test_there_are_stylesheets():
    assert len(STYLESHEETS) >= 4


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_block_is_closed(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
    assert "/*" not in text, "an unclosed comment"
    line, opened = 1, []
    for char in text:
        if char == "\n":
            line += 1
        elif char == "{":
            opened.append(line)
        elif char == "}":
            assert opened, f"a '}}' without its '{{' near line {line}"
            opened.pop()
    assert not opened, f"blocks opened near lines {opened} are never closed"
