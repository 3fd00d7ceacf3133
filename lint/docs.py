"""`articlelint rules`, `articlelint rule CODE|NAME` and `articlelint schema`."""

from __future__ import annotations

import json
from typing import TextIO

from lint.cli import EXIT_OK, UsageError
from lint.registry import Registry, RegistryError
from lint.rule import Rule


def _registry() -> Registry:
    try:
        return Registry.default()
    except RegistryError as error:
        raise UsageError(str(error)) from None


def print_rules(out: TextIO) -> int:
    rows = [("code", "name", "severity", "fix", "default", "summary")]
    for rule in _registry().rules:
        rows.append((rule.code, rule.name, rule.severity.value, rule.fix_availability.value,
                     "on" if rule.enabled_by_default else "off", rule.summary))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)]
        out.write("  ".join([*cells, row[5]]).rstrip() + "\n")
    return EXIT_OK


def rule_page(rule: type[Rule]) -> str:
    default = "on" if rule.enabled_by_default else "off (select it by code or name)"
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        rule.summary,
        "",
        f"Default severity: {rule.severity.value}. Fix: {rule.fix_availability.value}. "
        f"Enabled by default: {default}.",
        "",
        rule.documentation(),
    ]
    schema = rule.Options.model_json_schema().get("properties", {})
    if schema:
        lines += ["", "## Option schema", ""]
        for key, spec in schema.items():
            default_value = json.dumps(spec.get("default")) if "default" in spec else "-"
            lines.append(f"- `{key}` (default {default_value}): {spec.get('description', '')}")
    return "\n".join(lines).rstrip() + "\n"


def print_rule(selector: str, out: TextIO) -> int:
    registry = _registry()
    rule = registry.get(selector)
    if rule is None:
        suggestion = registry.suggest(selector)
        hint = f" (did you mean `{suggestion}`?)" if suggestion else ""
        raise UsageError(f"unknown rule `{selector}`{hint}; `articlelint rules` lists them")
    out.write(rule_page(rule))
    return EXIT_OK


def print_schema(out: TextIO) -> int:
    from lint.report.json_report import JsonReport

    out.write(json.dumps(JsonReport.model_json_schema(), indent=2) + "\n")
    return EXIT_OK
