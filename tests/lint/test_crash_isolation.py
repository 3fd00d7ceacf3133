"""Crash isolation (issue 10, item 4), through the CLI with a real plugin: the rules of
tests/lint/plugin_rules.py are registered through a faked `articlelint.rules` entry point
(installing a distribution into a throwaway venv would take most of a minute). A rule
that raises, exits, recurses without end, or returns a bad span, a bad edit or something
that is not a Diagnostic becomes one X002 naming the rule and the file; the other rules and
the other files go on; the exit code is 2. The same holds in worker processes
(`--jobs 2`) and for corpus rules (facts and the corpus pass)."""

from __future__ import annotations

import json
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

import lint.registry
from tests.lint.plugin_rules import (
    BadCorpus,
    BadFacts,
    BeyondEnd,
    CorpusBeyondEnd,
    Dies,
    EditOutOfRange,
    Exits,
    Fine,
    LongError,
    NotADiagnostic,
    Raises,
    Recurses,
    UnpicklableFacts,
    WrongLine,
)
from tests.lint.rulekit import cli, write
from tests.support import article_text

PLUGIN = "tests.lint.plugin_rules"
RULES = [Fine, LongError, Raises, BeyondEnd, WrongLine, EditOutOfRange, NotADiagnostic, Exits, Recurses,
         BadFacts, BadCorpus, CorpusBeyondEnd, UnpicklableFacts]
SELECT = ",".join(rule.code for rule in RULES)


def install(monkeypatch: pytest.MonkeyPatch, *values: str) -> None:
    """Fake the installed plugins: one entry point per `module[:attribute]`."""
    points = [EntryPoint(name=f"plugin{i}", value=value, group=lint.registry.ENTRY_POINT_GROUP)
              for i, value in enumerate(values)]

    def entry_points(**selection: Any) -> list[EntryPoint]:
        return [p for p in points if p.group == selection.get("group", p.group)]

    monkeypatch.setattr(lint.registry, "entry_points", entry_points)


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, PLUGIN)


@pytest.fixture(autouse=True)
def _workers_for_few_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--jobs 2` starts workers for the few files of these tests too."""
    import lint.batch

    monkeypatch.setattr(lint.batch, "MIN_FILES_PER_WORKER", 1)


def check(*paths: Path, jobs: int = 1) -> tuple[int, list[dict[str, Any]]]:
    code, out = cli("check", "--select", SELECT, "--output-format", "json", "--jobs", str(jobs),
                    *paths)
    return code, json.loads(out)["diagnostics"]


def files(folder: Path, words: list[str]) -> list[Path]:
    """One article per word (the word triggers a misbehaving rule), plus clean ones."""
    return [write(folder / f"{i:02}-{word or 'clean'}.md", article_text(f"<p>正文{word}</p>"))
            for i, word in enumerate(words)]


CASES = {
    "boom": "rule P901 (plugin-raises) failed: RuntimeError: boom at plugin_rules.py:",
    "beyond": "rule P902 (plugin-beyond-end) reported offsets ",
    "wrongline": "rule P903 (plugin-wrong-line) reported a line/column that does not match "
                 "offsets 3..5",
    "badedit": "rule P904 (plugin-bad-edit) proposed an edit at ",
    "junk": "rule P905 (plugin-not-a-diagnostic) returned str instead of a Diagnostic",
    "exit": "rule P906 (plugin-exits) failed: SystemExit: 3",
    "recurse": "rule P907 (plugin-recurses) failed: RecursionError: maximum recursion depth",
    "badfacts": "rule P910 (plugin-bad-facts) collecting facts failed: ValueError: no facts",
    # An exception's text becomes one line of at most 300 characters.
    "longerror": "rule P909 (plugin-long-error) failed: ValueError: first line second line "
                 "<!--1",
}


@pytest.mark.usefixtures("plugin")
@pytest.mark.parametrize("jobs", [1, 2])
def test_each_misbehaviour_is_one_internal_error_and_the_rest_goes_on(
        tmp_path: Path, jobs: int) -> None:
    paths = files(tmp_path, [*CASES, *[""] * 10])
    code, diagnostics = check(tmp_path, jobs=jobs)
    assert code == 2
    internal = {Path(d["path"]).name: d["message"] for d in diagnostics if d["code"] == "X002"}
    for path, word in zip(paths, CASES):
        message = internal.pop(path.name)
        assert message.startswith(CASES[word]), word
        assert "\n" not in message and len(message) < 500
    assert internal == {}  # the clean files have none
    # Every file was checked by the well-behaved rule, the failing ones included.
    assert sorted(Path(d["path"]).name for d in diagnostics if d["code"] == "P900") == \
        sorted(p.name for p in paths)
    # Nothing a failing rule found before it failed is kept (a half-run is not a result).
    assert not [d for d in diagnostics if d["code"].startswith("P9") and d["code"] != "P900"]


@pytest.mark.usefixtures("plugin")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_corpus_pass_is_an_internal_error_and_the_files_are_still_reported(
        tmp_path: Path, jobs: int) -> None:
    paths = files(tmp_path, ["badcorpus", "corpuspast", *[""] * 16])
    code, diagnostics = check(tmp_path, jobs=jobs)
    assert code == 2
    messages = sorted(d["message"] for d in diagnostics if d["code"] == "X002")
    assert len(messages) == 2
    assert messages[0].startswith("rule P911 (plugin-bad-corpus) corpus pass failed: KeyError")
    assert messages[1].startswith("rule P912 (plugin-corpus-beyond) reported offsets")
    assert len([d for d in diagnostics if d["code"] == "P900"]) == len(paths)


@pytest.mark.usefixtures("plugin")
@pytest.mark.parametrize("jobs", [1, 2])
def test_facts_that_are_not_data_do_not_take_the_run_down(tmp_path: Path, jobs: int) -> None:
    """Facts must be JSON-like data (they cross process boundaries); a function is not."""
    paths = files(tmp_path, ["notdata", *[""] * 17])
    code, diagnostics = check(tmp_path, jobs=jobs)
    assert code == 2
    (internal,) = [d for d in diagnostics if d["code"] == "X002"]
    assert Path(internal["path"]).name == paths[0].name
    assert internal["message"].startswith(
        "rule P913 (plugin-unpicklable-facts) collecting facts failed: TypeError: Object of "
        "type function is not JSON serializable")
    assert len([d for d in diagnostics if d["code"] == "P900"]) == len(paths)


@pytest.mark.parametrize("value, reason", [
    ("tests.lint.no_such_plugin", "ModuleNotFoundError: No module named "
                                  "'tests.lint.no_such_plugin'"),
    (f"{PLUGIN}:Missing", "AttributeError"),
    (f"{PLUGIN}:PLUGIN_IS_NOT_HERE", "AttributeError"),
])
def test_a_plugin_that_fails_to_load_is_a_clear_usage_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        value: str, reason: str) -> None:
    install(monkeypatch, value)
    path = files(tmp_path, [""])[0]
    code, out = cli("check", path)
    err = capsys.readouterr().err
    assert code == 2 and out == ""
    assert err.startswith(f"articlelint: error: plugin `plugin0` ({value}) failed to load: ")
    assert reason in err and "Traceback" not in err


def test_a_plugin_that_is_not_a_rule_is_a_clear_usage_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    install(monkeypatch, "tests.lint.plugin_rules:PLUGIN_CODE")
    monkeypatch.setattr("tests.lint.plugin_rules.PLUGIN_CODE", 42, raising=False)
    code, _ = cli("check", files(tmp_path, [""])[0])
    assert code == 2
    assert "is not a Rule class, a module of rules or a list of rules" in capsys.readouterr().err


@pytest.mark.usefixtures("plugin")
def test_a_worker_that_dies_is_an_internal_error_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only in a worker can the run outlive a rule that ends its process."""
    files(tmp_path, ["die", *[""] * 17])
    code, out = cli("check", "--select", f"P900,{Dies.code}", "--output-format", "json",
                    "--jobs", "2", tmp_path)
    assert code == 2 and "Traceback" not in capsys.readouterr().err
    report = json.loads(out)
    assert report["summary"]["files"] == 18
    died = [d for d in report["diagnostics"] if d["code"] == "X002"]
    assert died and all("a worker process died" in d["message"] for d in died)
    assert "00-die.md" in {Path(d["path"]).name for d in died}
