"""Which files a run checks and with which settings: discovery plus configuration.

Each file gets the settings of the nearest configuration file above it (or of
`--config FILE` for every file). Directories are walked for every file, and each walked
file is then kept or dropped by its own configuration's `include`/`exclude` (matched
relative to that configuration file's folder); files named explicitly are always checked.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from lint.batch import Job
from lint.config import ConfigError, ConfigFile, find_config, read_config
from lint.discovery import discover
from lint.inputs import Inputs
from lint.registry import Registry
from lint.settings import Selection, Settings, build_settings



class Planner:
    def __init__(self, registry: Registry, cli: Selection,
                 config_path: str | None = None, inputs: Inputs | None = None) -> None:
        self.registry = registry
        self.cli = cli
        self.inputs = inputs  # records the configuration files and folders looked at
        self.override: ConfigFile | None = None
        self.use_override = config_path is not None
        if config_path is not None:
            path = Path(config_path)
            if inputs is not None:
                inputs.saw(path, path.is_file())
            if not path.is_file():
                raise ConfigError(f"--config {config_path}: no such file")
            self.override = read_config(path)
            if self.override is None:
                raise ConfigError(f"{path.absolute()}: has no [tool.articlelint] table")
        self.settings: list[Settings] = []
        self._index: dict[Path | None, int] = {}
        self._cache: dict[Path, ConfigFile | None] = {}
        self._by_folder: dict[str, int] = {}  # a file's folder, as given -> settings

    def settings_for(self, file: Path | str) -> int:
        """Index of the settings that apply to the file at `file`."""
        # Files of one folder share their configuration: look it up once per folder
        # (finding it walks up through every parent, ~10 µs a file).
        folder = os.path.dirname(file)
        index = self._by_folder.get(folder)
        if index is None:
            index = self._by_folder[folder] = self._settings_for(Path(file))
        return index

    def _settings_for(self, file: Path) -> int:
        if self.use_override:
            config = self.override
        else:
            config = find_config(file.absolute().parent, self._cache, self.inputs)
        key = config.path if config is not None else None
        index = self._index.get(key)
        if index is None:
            index = self._index[key] = len(self.settings)
            self.settings.append(build_settings(self.registry, self.cli, config))
        return index

    def jobs(self, paths: Sequence[str]) -> list[Job]:
        """Jobs for the files under `paths` (raises discovery's PathNotFound)."""
        explicit = {p.replace(os.sep, "/") for p in paths if not Path(p).is_dir()}
        jobs = []
        # Every file of the folders walked: each is then kept or dropped by its own
        # configuration's include/exclude (`_walked`).
        for target in discover(paths, include=None, inputs=self.inputs):
            index = self.settings_for(target.path)
            settings = self.settings[index]
            if target.display not in explicit and not _walked(settings, target.path,
                                                              target.display):
                continue
            jobs.append(Job(target.display, target.path, index,
                            settings.ignored_for(target.path) if settings.per_file
                            else _NONE_IGNORED))
        return jobs

    def stdin_job(self, display: str, filename: str | None, data: bytes) -> Job:
        where = Path(filename) if filename else Path.cwd() / "-"
        index = self.settings_for(where)
        ignored = self.settings[index].ignored_for(where) if filename else frozenset()
        return Job(display, None, index, ignored, data)


_NONE_IGNORED: frozenset[str] = frozenset()


def _walked(settings: Settings, path: str, display: str) -> bool:
    """Include/exclude, relative to the config's folder (or as displayed, without one
    or for a file outside that folder)."""
    rel = settings.relative(path) if settings.config is not None else display
    if rel.startswith("../"):
        rel = display
    # An empty exclude (the usual case) matches nothing: skip normalising the path for it.
    return bool(settings.include.match_file(rel)) and not (
        settings.exclude_lines and settings.exclude.match_file(rel))
