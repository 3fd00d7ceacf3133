"""Configuration: every key, discovery (nearest file wins, --config), and bad configs."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from lint.config import ConfigError, read_config
from lint.registry import Registry
from lint.settings import Selection, build_settings
from tests.lint.rulekit import Bullet, cli, codes, test_registry, use_registry, write
from tests.support import article_text

BULLET = article_text("<div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>阿西姆•穆尼尔</p>")
CLEAN = article_text("<div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>")


@pytest.fixture(autouse=True)
def registry(monkeypatch: pytest.MonkeyPatch) -> Registry:
    reg = test_registry(builtins=False)  # only the test rules: output stays exact
    use_registry(monkeypatch, reg)
    return reg


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", BULLET)
    write(tmp_path / "sub" / "b.md", BULLET)
    write(tmp_path / "sub" / "c.markdown", BULLET)
    return tmp_path


def config(root: Path, body: str, name: str = "articlelint.toml") -> Path:
    if name == "pyproject.toml":
        body = "[tool.articlelint]\n" + body
    return write(root / name, body)


def found(*argv: str) -> list[str]:
    _, out = cli("check", "--output-format", "concise", *argv)
    return codes(out)


def test_no_config_runs_the_defaults(tree: Path) -> None:
    assert found(".") == ["a.md:5:54 Z901", "sub/b.md:5:54 Z901"]


@pytest.mark.parametrize("name", ["articlelint.toml", "pyproject.toml"])
def test_ignore(tree: Path, name: str) -> None:
    config(tree, 'ignore = ["Z901"]\n', name)
    assert found(".") == []


def test_pyproject_without_our_table_is_skipped(tree: Path) -> None:
    write(tree / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    config(tree, 'ignore = ["test-bullet"]\n')
    assert found(".") == []


def test_select_and_extend_select(tree: Path) -> None:
    config(tree, 'select = ["test-ping"]\n')
    write(tree / "p.md", article_text("<p>ping</p>"))
    assert found("p.md") == ["p.md:5:4 Z902"]
    config(tree, 'extend-select = ["Z902"]\n')
    assert found("p.md") == ["p.md:5:4 Z902"]
    config(tree, 'extend-select = ["Z9"]\n')  # a prefix does not turn on off-by-default rules
    assert found("p.md") == []


def test_command_line_select_replaces_the_configs(tree: Path) -> None:
    config(tree, 'select = ["Z902"]\n')
    assert found("--select", "Z901", "a.md") == ["a.md:5:54 Z901"]


def test_include_and_exclude(tree: Path) -> None:
    config(tree, 'include = ["*.markdown"]\n')
    assert found(".") == ["sub/c.markdown:5:54 Z901"]
    config(tree, 'exclude = ["sub/"]\n')
    assert found(".") == ["a.md:5:54 Z901"]
    # A file named explicitly is checked whatever the patterns say.
    assert found("sub/b.md") == ["sub/b.md:5:54 Z901"]


def test_per_file_ignores_globs(tree: Path) -> None:
    write(tree / "sub" / "deep" / "d.md", BULLET)
    config(tree, '[per-file-ignores]\n"sub/*.md" = ["Z901"]\n')
    assert found(".") == ["a.md:5:54 Z901", "sub/deep/d.md:5:54 Z901"]
    config(tree, '[per-file-ignores]\n"sub/**" = ["test-bullet"]\n"a.md" = ["Z9"]\n')
    assert found(".") == []


def test_severity_override(tree: Path) -> None:
    config(tree, '[severity]\nZ901 = "error"\n')
    code, out = cli("check", "--output-format", "json", "a.md")
    assert '"severity": "error"' in out and code == 1
    config(tree, '[severity]\ntest-bullet = "info"\n')
    code, out = cli("check", "--output-format", "json", "a.md")
    assert '"severity": "info"' in out and code == 0


@pytest.mark.parametrize("key", ["Z901", "test-bullet"])
@pytest.mark.parametrize("option", ["wanted-separator", "wanted_separator"])
def test_rule_options(tree: Path, key: str, option: str) -> None:
    config(tree, f'[rules.{key}]\n{option} = "-"\n')
    code, out = cli("check", "--fix", "a.md")
    assert (tree / "a.md").read_text(encoding="utf-8") == BULLET.replace("•", "-")


def test_nearest_config_wins(tree: Path) -> None:
    config(tree, 'ignore = ["Z901"]\n')
    config(tree / "sub", "select = ['Z901']\n", "pyproject.toml")
    assert found(".") == ["sub/b.md:5:54 Z901"]


def test_config_option_overrides_discovery(tree: Path) -> None:
    config(tree, 'ignore = ["Z901"]\n')
    other = write(tree / "elsewhere" / "strict.toml", 'select = ["Z901"]\n')
    assert found("--config", str(other), ".") == ["a.md:5:54 Z901", "sub/b.md:5:54 Z901"]


def test_stdin_filename_matches_config(tree: Path) -> None:
    config(tree, '[per-file-ignores]\n"sub/*" = ["Z901"]\n')
    _, out = cli("check", "--stdin-filename", "sub/x.md", "-", stdin=BULLET.encode())
    assert codes(out) == []
    _, out = cli("check", "--stdin-filename", "x.md", "-", stdin=BULLET.encode())
    assert codes(out) == ["x.md:5:54 Z901"]


# -- bad configurations: exit 2, a message naming the file, the key and the value --------

@pytest.mark.parametrize(("body", "expected"), [
    ('ignroe = ["Z901"]\n', ["unknown key `ignroe`", "did you mean `ignore`"]),
    ('select = ["Q999"]\n', ["`select[0]`", '"Q999"', "unknown rule code or name"]),
    ('select = ["test-buller"]\n', ["did you mean `test-bullet`"]),
    ('select = "Z901"\n', ["`select`", "expected a valid list"]),
    ("ignore = [5]\n", ["`ignore[0]` = 5", "valid string"]),
    ('[severity]\nZ901 = "fatal"\n', ["`severity.Z901`", "'error', 'warning' or 'info'"]),
    ('[severity]\nZ999 = "error"\n', ["`severity.Z999`", "unknown rule"]),
    ('[rules.Z901]\nwanted-separater = "-"\n',
     ["`rules.Z901.wanted-separater`", "did you mean `wanted-separator`", "allowed"]),
    ("[rules.Z901]\nwanted-separator = 3\n", ["`rules.Z901.wanted-separator` = 3"]),
    ('[rules.nope]\nx = 1\n', ["`rules.nope`", "unknown rule"]),
    ('[per-file-ignores]\n"*.md" = ["Z0001"]\n', ['`per-file-ignores."*.md"[0]`']),
    ('glossary = 5\n', ["`glossary` = 5"]),
    ('[per-file-ignores]\n"*.md" = "Z901"\n', ['`per-file-ignores."*.md"` = "Z901"']),
    ("[rules]\nZ901 = 3\n", ["`rules.Z901` = 3", "dictionary"]),
    ("select = [\n", ["not valid TOML"]),
])
def test_bad_config_exits_2_naming_it(tree: Path, capsys: pytest.CaptureFixture[str],
                                      body: str, expected: list[str]) -> None:
    path = config(tree, body)
    code, _ = cli("check", ".")
    message = capsys.readouterr().err
    assert code == 2
    assert str(path) in message and "Traceback" not in message
    for part in expected:
        assert part in message, message


def test_bad_pyproject_names_the_table(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config(tree, 'ignroe = ["Z901"]\n', "pyproject.toml")
    assert cli("check", ".")[0] == 2
    assert "`tool.articlelint.ignroe`" in capsys.readouterr().err


def test_missing_config_option_file(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("check", "--config", "nope.toml", ".")[0] == 2
    assert "nope.toml" in capsys.readouterr().err


# -- glossary / dictionary → rules.N005/N006.paths --------------------------------------

def _fake_paths_rule(code: str, name: str) -> type:
    from lint import Rule, RuleOptions

    class Options(RuleOptions):
        paths: tuple[str, ...] = ()

    return type(f"Fake{code}", (Rule,), {
        "code": code, "name": name, "summary": "fake", "Options": Options,
        "enabled_by_default": False, "check": lambda self, article: iter(()),
        "__module__": __name__})


def test_glossary_and_dictionary_become_rule_paths(tmp_path: Path) -> None:
    registry = test_registry(_fake_paths_rule("N005", "glossary"),
                             _fake_paths_rule("N006", "dictionary"), builtins=False)
    write(tmp_path / "names.toml", "")
    write(tmp_path / "words" / "a.toml", "")
    write(tmp_path / "words" / "b.toml", "")
    path = config(tmp_path, 'glossary = "names.toml"\n'
                            'dictionary = ["words/a.toml", "words/b.toml"]\n')
    settings = build_settings(registry, Selection(), read_config(path))
    options = {rule.code: rule.options for rule in settings.rules}
    assert options["N005"].paths == (str(tmp_path / "names.toml"),)
    assert options["N006"].paths == (str(tmp_path / "words/a.toml"),
                                     str(tmp_path / "words/b.toml"))


def test_rule_paths_are_relative_to_the_config(tmp_path: Path) -> None:
    registry = test_registry(_fake_paths_rule("N005", "glossary"), builtins=False)
    write(tmp_path / "a.toml", "")
    write(tmp_path / "b.toml", "")
    path = config(tmp_path, 'glossary = "a.toml"\n[rules.glossary]\npaths = ["b.toml"]\n')
    settings = build_settings(registry, Selection(), read_config(path))
    (rule,) = [r for r in settings.rules if r.code == "N005"]
    assert rule.options.paths == (str(tmp_path / "a.toml"), str(tmp_path / "b.toml"))


def test_glossary_errors(tmp_path: Path) -> None:
    registry = test_registry(_fake_paths_rule("N005", "glossary"), builtins=False)
    path = config(tmp_path, 'glossary = "missing.toml"\n')
    with pytest.raises(ConfigError, match="no such file"):
        build_settings(registry, Selection(), read_config(path))
    path = config(tmp_path, 'dictionary = "missing.toml"\n')
    with pytest.raises(ConfigError, match="no rule N006"):
        build_settings(registry, Selection(), read_config(path))


# -- profiles ----------------------------------------------------------------------------

class _StubProfiles:
    def __init__(self, overrides: dict[str, Any] | None = None) -> None:
        self.overrides = overrides or {}

    def with_overrides(self, overrides: dict[str, Any]) -> _StubProfiles:
        for name, table in overrides.items():
            if "hosts" not in table:
                raise ValueError(f"profile `{name}` needs `hosts`")
        return _StubProfiles(dict(overrides))

    def __repr__(self) -> str:
        return f"Stub({sorted(self.overrides)})"


def test_profile_override_reaches_the_article(tree: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    stub = types.ModuleType("lint.profiles")
    stub.DEFAULT_PROFILES = _StubProfiles()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "lint.profiles", stub)
    config(tree, 'select = ["Z904"]\n[profiles.mysite]\nhosts = ["example.org"]\n')
    _, out = cli("check", "a.md")
    assert "profiles: Stub(['mysite'])" in out
    config(tree, 'select = ["Z904"]\n[profiles.mysite]\nzone = "UTC"\n')
    assert cli("check", "a.md")[0] == 2
    assert "needs `hosts`" in capsys.readouterr().err


def test_profiles_without_profile_support(tree: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "lint.profiles", None)  # makes the import fail
    config(tree, '[profiles.mysite]\nhosts = ["example.org"]\n')
    assert cli("check", "a.md")[0] == 2
    assert "profiles are not supported" in capsys.readouterr().err


def test_real_profile_override(tree: Path) -> None:
    profiles = pytest.importorskip("lint.profiles")
    base = profiles.DEFAULT_PROFILES
    names = list(getattr(base, "profiles", None) or ())
    name = str(names[0] if names else "voa")
    if not isinstance(names[0] if names else "", str):
        name = str(getattr(names[0], "name", name))
    try:
        expected = base.with_overrides({name: {}})
    except (ValueError, TypeError):
        pytest.skip("cannot guess a valid override of the real profiles")
    config(tree, f'select = ["Z904"]\n[profiles.{name}]\n')
    code, out = cli("check", "a.md")
    assert code == 0 and f"profiles: {expected!r}" in out


def test_bullet_options_type() -> None:
    assert Bullet.Options(**{"wanted-separator": "-"}).wanted_separator == "-"
