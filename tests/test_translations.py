"""The NL and EN catalogues are complete and their compiled .mo files match the .po files."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(ROOT.glob("*/locale/*/LC_MESSAGES/django.po")) + sorted(
    (ROOT / "locale").glob("*/LC_MESSAGES/django.po")
)


def test_there_are_catalogues_for_both_languages():
    languages = {path.parents[1].name for path in CATALOGUES}
    assert {"nl", "en"} <= languages


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete_and_compiled(path):
    po = polib.pofile(str(path))
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()][:10]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()][:10]
    mo_path = path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run make messages"
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path)) if e.msgid}
    source = {(e.msgctxt, e.msgid): e.msgstr for e in po if not e.obsolete and not e.msgid_plural}
    stale = {key for key, value in source.items() if compiled.get(key) != value}
    assert not stale, f"{mo_path} is out of date (make messages): {sorted(stale)[:5]}"
