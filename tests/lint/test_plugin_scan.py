"""`lint.plugin_scan.may_declare` against `importlib.metadata`: whenever it says no, the
real look-up finds nothing; plugins declared by a distribution (installed normally or
editable, from a dist-info, an egg-info or an egg) are always seen, and so are loaded by
`lint.registry.plugin_rules` exactly as through `importlib.metadata`."""

from __future__ import annotations

import sys
import zipfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import lint.registry
from lint.plugin_scan import may_declare
from lint.registry import ENTRY_POINT_GROUP, plugin_rules
from tests.lint.plugin_rules import Fine

GROUPS = (ENTRY_POINT_GROUP, "console_scripts", "pytest11", "no.such.group")


def _agrees(group: str) -> None:
    declared = list(entry_points(group=group))
    if not may_declare(group):
        assert declared == [], group
    if declared:
        assert may_declare(group), group


@pytest.mark.parametrize("group", GROUPS)
def test_it_agrees_with_importlib_metadata_here(group: str) -> None:
    _agrees(group)


def test_declared_groups_of_this_environment_are_seen() -> None:
    assert may_declare("console_scripts")  # pip, pytest, articlelint itself...
    assert not may_declare("no.such.group")


def _dist(folder: Path, name: str, text: str, kind: str = "dist-info") -> Path:
    info = folder / f"{name}-1.0.{kind}"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(text)
    return info


PLUGIN = f"[{ENTRY_POINT_GROUP}]\nfine = tests.lint.plugin_rules:Fine\n"


@pytest.mark.parametrize("kind", ["dist-info", "egg-info", "DIST-INFO"])
def test_a_declared_plugin_is_seen_and_loaded_as_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    _dist(tmp_path, "someplugin", "[console_scripts]\nx = y:z\n\n" + PLUGIN, kind)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert may_declare(ENTRY_POINT_GROUP)
    _agrees(ENTRY_POINT_GROUP)
    assert Fine in plugin_rules()


def test_an_editable_plugin_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editable install: the metadata in site-packages, the code elsewhere (a `.pth`
    folder or an import hook)."""
    site, code = tmp_path / "site", tmp_path / "src"
    _dist(site, "editableplugin", f"[{ENTRY_POINT_GROUP}]\nmine = myplugin\n")
    (code / "myplugin").mkdir(parents=True)
    (code / "myplugin" / "__init__.py").write_text(
        "from tests.lint.plugin_rules import Fine as _Fine\n\n"
        "class Mine(_Fine):\n    code = 'P990'\n    name = 'mine'\n")
    monkeypatch.syspath_prepend(str(code))
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, "myplugin", raising=False)
    _agrees(ENTRY_POINT_GROUP)
    assert [rule.code for rule in plugin_rules()] == ["P990"]


def test_an_egg_folder_is_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    egg = tmp_path / "old-1.0-py3.11.egg"
    (egg / "EGG-INFO").mkdir(parents=True)
    (egg / "EGG-INFO" / "PKG-INFO").write_text("Metadata-Version: 1.1\nName: old\nVersion: 1.0\n")
    (egg / "EGG-INFO" / "entry_points.txt").write_text(PLUGIN)
    monkeypatch.syspath_prepend(str(egg))
    assert may_declare(ENTRY_POINT_GROUP)
    _agrees(ENTRY_POINT_GROUP)


def test_other_groups_do_not_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _dist(tmp_path, "other", "[console_scripts]\narticlelint-x = a:b\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    _agrees(ENTRY_POINT_GROUP)
    _agrees("console_scripts")


def test_what_it_cannot_read_cheaply_goes_to_importlib(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped-1.0.dist-info/METADATA", "Name: zipped\nVersion: 1.0\n")
        zipped.writestr("zipped-1.0.dist-info/entry_points.txt", PLUGIN)
    with monkeypatch.context() as patch:
        patch.syspath_prepend(str(archive))
        assert may_declare("no.such.group")
        _agrees(ENTRY_POINT_GROUP)
    info = _dist(tmp_path / "bad", "bad", "")
    (info / "entry_points.txt").write_bytes(b"[x]\n\xff = y\n")
    with monkeypatch.context() as patch:
        patch.syspath_prepend(str(tmp_path / "bad"))
        assert may_declare("no.such.group")


def test_another_distribution_finder_goes_to_importlib(monkeypatch: pytest.MonkeyPatch) -> None:
    class Finder:
        @staticmethod
        def find_distributions(context: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    assert may_declare("no.such.group")


def test_no_plugin_means_importlib_metadata_is_not_asked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lint.registry, "may_declare", lambda group: False)
    monkeypatch.setitem(sys.modules, "importlib.metadata", None)  # an import would fail
    assert list(lint.registry.entry_points(ENTRY_POINT_GROUP)) == []


def test_a_path_object_on_sys_path_goes_to_importlib(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "path", [*sys.path, tmp_path])
    assert may_declare("no.such.group")
