"""The one-folder bundle carries the data files of the dependencies that read them at run time.

``confusable-homoglyphs`` (user names that look alike, decision 0073) reads ``confusables.json`` and
``categories.json`` next to its modules; PyInstaller bundles only imported modules unless the spec
collects the data. ``packaging/check_bundle.py`` proves it on a built bundle (a look-alike name is
refused, not a missing-file crash); this test keeps the spec and the package's files in step.
"""

from __future__ import annotations

import re
from pathlib import Path

import confusable_homoglyphs

SPEC = Path(__file__).resolve().parents[2] / "packaging" / "epay-desktop.spec"


def test_the_spec_collects_the_confusables_data_the_package_reads() -> None:
    collected = set(re.findall(r'collect_data_files\("([\w.]+)"', SPEC.read_text(encoding="utf-8")))
    assert "confusable_homoglyphs" in collected
    package = Path(confusable_homoglyphs.__file__).parent
    data = sorted(p.name for p in package.iterdir() if p.is_file() and p.suffix not in {".py", ".pyc"})
    assert data == ["categories.json", "confusables.json"]  # what collect_data_files picks up


def test_the_bundle_check_refuses_a_look_alike_name() -> None:
    check = (SPEC.parent / "check_bundle.py").read_text(encoding="utf-8")
    assert "check_user_names(exe, Path(tmp))" in check


def test_the_spec_collects_python_escpos_capabilities() -> None:
    """python-escpos reads ``capabilities.json`` beside its modules when a printer is opened (0105)."""
    import escpos

    collected = set(re.findall(r'collect_data_files\("([\w.]+)"', SPEC.read_text(encoding="utf-8")))
    assert "escpos" in collected
    assert (Path(escpos.__file__).parent / "capabilities.json").is_file()


def test_the_spec_collects_the_word_tables_beside_their_modules() -> None:
    """The receipts', reports' and decline texts are JSON beside their modules (decision 0162), read
    at import: ``collect_data_files("epay_desktop")`` takes every file of the package that is not a
    module, these among them (``check_bundle.py``'s console run would fail to import without them)."""
    collected = set(re.findall(r'collect_data_files\("([\w.]+)"', SPEC.read_text(encoding="utf-8")))
    assert "epay_desktop" in collected
    package = SPEC.parents[1] / "epay_desktop"
    tables = {"receipts/receipt_words.json", "receipts/shift_words.json", "receipts/shift_notes.json"}
    tables.add("domain/decline_texts.json")
    assert all((package / name).is_file() for name in tables)
