"""Configuration files: finding them, reading them and checking their shape.

`[tool.articlelint]` in `pyproject.toml`, or the same keys at the top level of
`articlelint.toml`. The nearest file above a linted file wins (no merging between files);
`--config FILE` names one file for every linted file. This module only checks the shape
of a file (known keys, value types); `lint.settings` checks codes and rule options
against the registry. Every problem is a `ConfigError` that names the file, the key path,
the bad value and what is allowed, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lint.fastpath_key import CONFIG_NAMES  # in this order within one folder
from lint.inputs import Inputs
from lint.models import Severity



class ConfigError(Exception):
    """A configuration problem, already phrased for the user (exit code 2)."""


class RawConfig(BaseModel):
    """The keys of `[tool.articlelint]` / `articlelint.toml`, as written."""

    # defer_build: its validator is built when a config file is first read, not at the
    # import of every run (~20 ms; a run without a config file never needs it).
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              defer_build=True)

    select: list[str] | None = None
    ignore: list[str] = []
    extend_select: list[str] = Field(default=[], alias="extend-select")
    include: list[str] | None = None
    exclude: list[str] = []
    per_file_ignores: dict[str, list[str]] = Field(default={}, alias="per-file-ignores")
    severity: dict[str, Severity] = {}
    rules: dict[str, dict[str, Any]] = {}
    profiles: dict[str, dict[str, Any]] = {}
    glossary: str | list[str] | None = None
    dictionary: str | list[str] | None = None


TOP_KEYS = tuple(field.alias or name for name, field in RawConfig.model_fields.items())


class ConfigFile(NamedTuple):  # not a dataclass: ~0.5 ms less start-up
    path: Path  # absolute
    prefix: str  # "tool.articlelint." for pyproject.toml, "" for articlelint.toml
    raw: RawConfig

    @property
    def root(self) -> Path:
        """The folder that relative paths and globs in this file are relative to."""
        return self.path.parent

    def where(self, key: str) -> str:
        """`file: key path` as shown in messages."""
        return f"{self.path}: `{self.prefix}{key}`"


def read_config(path: Path) -> ConfigFile | None:
    """The config in `path`, or None for a `pyproject.toml` without `[tool.articlelint]`."""
    path = path.absolute()
    import tomllib  # here: a run without a configuration file never needs it (~3 ms)

    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        section = document.get("tool", {}).get("articlelint")
        if section is None:
            return None
        prefix = "tool.articlelint."
    else:
        section, prefix = document, ""
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: `{prefix.rstrip('.')}` must be a table")
    try:
        raw = RawConfig.model_validate(section)
    except ValidationError as error:
        raise ConfigError(describe_errors(path, prefix, error, TOP_KEYS)) from None
    return ConfigFile(path, prefix, raw)


def find_config(directory: Path, cache: dict[Path, ConfigFile | None],
                inputs: Inputs | None = None) -> ConfigFile | None:
    """The config that applies to files in `directory`: the nearest one at or above it.
    `inputs` records each candidate looked at."""
    directory = directory.absolute()
    walked: list[Path] = []
    found: ConfigFile | None = None
    for folder in (directory, *directory.parents):
        if folder in cache:
            found = cache[folder]
            break
        walked.append(folder)
        found = _config_in(folder, inputs)
        if found is not None:
            break
    for folder in walked:
        cache[folder] = found
    return found


def _config_in(folder: Path, inputs: Inputs | None = None) -> ConfigFile | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        present = candidate.is_file()
        if inputs is not None:
            inputs.saw(candidate, present)
        if present:
            config = read_config(candidate)
            if config is not None:
                return config
    return None


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    import difflib  # only error messages need it

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


def describe_errors(path: Path, prefix: str, error: ValidationError,
                    allowed_keys: tuple[str, ...] | list[str]) -> str:
    """One line per pydantic error: file, key path, bad value and what is allowed."""
    lines: dict[str, str] = {}
    wrong: dict[str, tuple[Any, list[str]]] = {}
    for item in error.errors():
        location = [str(part) for part in item["loc"]]
        key = prefix + key_path(location)
        if item["type"] == "extra_forbidden":
            name = location[-1] if location else "?"
            choices = allowed_keys if len(location) == 1 else []
            hint = did_you_mean(name, choices) if choices else ""
            allowed = f"; allowed keys: {', '.join(choices)}" if choices else ""
            lines[key] = f"{path}: unknown key `{key}`{hint}{allowed}"
        elif item["msg"].startswith(("Value error, ", "Assertion failed, ")):
            # A validator's own words: already say what is wrong and what is wanted.
            key = key.rstrip(".")
            shown = f" = {show(item.get('input'))}" if location else ""
            lines[key] = f"{path}: `{key}`{shown}: {item['msg'].split(', ', 1)[1]}"
        else:
            # A union (`str | list[str]`) fails once per branch: one line says both.
            key = key.rstrip(".")
            value, messages = wrong.setdefault(key, (item.get("input"), []))
            messages.append(item["msg"].removeprefix("Input should be "))
            lines[key] = (f"{path}: `{key}` = {show(value)}: expected "
                          f"{' or '.join(dict.fromkeys(messages))}")
    return "\n".join(lines.values())


def key_path(parts: list[str]) -> str:
    """`rules.T002.separator`, `select[1]` (list indices in brackets)."""
    out = ""
    for part in parts:
        if part.isdigit():
            out += f"[{part}]"
        else:
            if part in ("str", "list[str]"):  # pydantic's union-branch labels
                continue
            bare = part.replace("-", "").replace("_", "").isalnum()
            out += ("." if out else "") + (part if bare else f'"{part}"')
    return out


def show(value: Any) -> str:
    """A value as it would look in TOML (shortened)."""
    if isinstance(value, str):
        text = f'"{value}"'
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (list, tuple)):
        text = "[" + ", ".join(show(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k} = {show(v)}" for k, v in value.items()) + "}"
    else:
        text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"
