"""epay_desktop/resources.py: the installed copy wins over the checkout, and a missing file is named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from epay_desktop import resources


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    installed, source = tmp_path / "site" / "_resources", tmp_path / "checkout" / "resources"
    monkeypatch.setattr(resources, "INSTALLED_DIR", installed)
    monkeypatch.setattr(resources, "SOURCE_DIR", source)
    resources.resources_dir.cache_clear()
    yield installed, source
    resources.resources_dir.cache_clear()


def test_the_checkout_when_nothing_is_installed(places: tuple[Path, Path]) -> None:
    _installed, source = places
    (source / "i18n").mkdir(parents=True)
    assert resources.translations_dir() == source / "i18n"


def test_the_installed_copy_wins(places: tuple[Path, Path]) -> None:
    installed, source = places
    (source / "i18n").mkdir(parents=True)
    (installed / "i18n").mkdir(parents=True)
    assert resources.resources_dir() == installed
    assert resources.resource_path("i18n") == installed / "i18n"


def test_a_missing_file_is_named(places: tuple[Path, Path]) -> None:
    installed, _source = places
    (installed / "icons").mkdir(parents=True)
    with pytest.raises(resources.ResourceMissingError, match=r"icons/nope\.svg is missing\. Reinstall"):
        resources.resource_path("icons", "nope.svg")
    with pytest.raises(resources.ResourceMissingError, match=r"epay-desktop\.svg is missing"):
        resources.app_icon_files()


def test_no_resource_folder_at_all(places: tuple[Path, Path]) -> None:
    installed, source = places
    with pytest.raises(resources.ResourceMissingError) as caught:
        resources.resources_dir()
    assert str(installed) in str(caught.value) and str(source) in str(caught.value)


def test_the_real_tree_has_the_icon_in_every_size() -> None:
    resources.resources_dir.cache_clear()
    files = resources.app_icon_files()
    assert files[0].suffix == ".svg" and len(files) == 1 + len(resources.ICON_SIZES)
    assert all(f.stat().st_size > 0 for f in files)
