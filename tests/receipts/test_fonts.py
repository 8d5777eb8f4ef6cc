"""The receipt fonts live in resources/fonts (decision 0042) and are found through epay_desktop.resources:
a missing font names its file and says to reinstall; the shipped ones carry their licence."""

from __future__ import annotations

from pathlib import Path

import pytest

from epay_desktop import resources
from epay_desktop.receipts import fonts
from epay_desktop.resources import ResourceMissingError
from epay_desktop.resources import resource_path


def test_the_fonts_and_their_licence_are_resources() -> None:
    folder = resource_path("fonts")
    assert folder == resources.resources_dir() / "fonts"
    assert {p.name for p in folder.iterdir()} >= {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"}
    assert "Bitstream" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert not (Path(fonts.__file__).parent / "fonts").exists()  # one place only
    assert fonts.register_fonts() == (fonts.REGULAR, fonts.BOLD)


def test_a_missing_font_is_named_with_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    monkeypatch.setattr(resources, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr(fonts.pdfmetrics, "getRegisteredFontNames", list)  # as in a fresh process
    monkeypatch.setattr(fonts, "_registered", False)
    with pytest.raises(ResourceMissingError, match=r"fonts.DejaVuSans\.ttf is missing.*Reinstall"):
        fonts.register_fonts()
