"""Lint the archive with `check`'s own pipeline and fold the results into a `Tally`, and
describe the run (tool version, selection, configuration files) so that two reports can
be compared."""

from __future__ import annotations

import hashlib
import json
import os
import platform
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from lint import __version__
from lint.batch import Job
from lint.docs import rule_page
from lint.fix_run import Mode
from lint.health.facts import article_summary
from lint.health.tally import TOP_FILES, Tally
from lint.plan import Planner
from lint.registry import Registry
from lint.run import lint_outcomes
from lint.settings import Selection, Settings


@dataclass(frozen=True, slots=True)
class ConfigInfo:
    source: str  # the configuration file, or a note that there was none
    files: int  # how many of the run's files it applied to
    rules: tuple[str, ...]  # the codes it enables
    table: dict[str, Any]  # what the file sets (defaults left out)


@dataclass(frozen=True, slots=True)
class RunInfo:
    version: str
    python: str
    generated: str  # UTC; `SOURCE_DATE_EPOCH` fixes it for reproducible reports
    paths: tuple[str, ...]
    selection: dict[str, list[str]]  # the command line's select/ignore/extend-select
    configs: tuple[ConfigInfo, ...]
    fingerprint: str  # of version, selection and configurations: equal ⇒ same rules

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs, as both formats show them."""
        rows = [("articlelint", self.version), ("Python", self.python),
                ("generated", self.generated), ("paths", " ".join(self.paths)),
                ("configuration fingerprint", self.fingerprint)]
        rows += [(f"--{key}", ",".join(value)) for key, value in self.selection.items()]
        return rows


@dataclass(slots=True)
class Collected:
    tally: Tally
    info: RunInfo
    pages: dict[str, str] = field(default_factory=dict)  # code -> `articlelint rule` page
    summaries: dict[str, str] = field(default_factory=dict)  # code -> rule summary


def collect(paths: Sequence[str], selection: Selection, config: str | None, workers: int,
            top: int = TOP_FILES) -> Collected:
    """Raises what `Planner` raises (ConfigError, RegistryError, PathNotFound)."""
    registry = Registry.default()
    planner = Planner(registry, selection, config)
    jobs = planner.jobs(paths)
    tally = Tally(top=top)
    for outcome in lint_outcomes(jobs, planner.settings, Mode(summarize=article_summary),
                                 workers):
        tally.add_result(outcome.checked.result)
    collected = Collected(tally, run_info(paths, selection, planner.settings, jobs))
    for code in sorted(tally.rules):
        rule = registry.by_code.get(code)
        if rule is not None:
            collected.pages[code] = rule_page(rule)
            collected.summaries[code] = rule.summary
    return collected


def run_info(paths: Sequence[str], selection: Selection, settings: Sequence[Settings],
             jobs: Sequence[Job]) -> RunInfo:
    used = Counter(job.settings for job in jobs)
    configs = []
    for index, chosen in enumerate(settings):
        config = chosen.config
        table = {} if config is None else config.raw.model_dump(
            mode="json", by_alias=True, exclude_defaults=True)
        source = str(config.path) if config is not None else "none (built-in defaults)"
        configs.append(ConfigInfo(source, used[index], tuple(sorted(chosen.codes)), table))
    chosen_selection = {key: list(value) for key, value in (
        ("select", selection.select or ()), ("ignore", selection.ignore),
        ("extend-select", selection.extend_select)) if value}
    # Paths and config file locations are left out: the same configuration run on another
    # checkout, or another archive, has the same fingerprint.
    material = json.dumps({"version": __version__, "selection": chosen_selection,
                           "configs": sorted(json.dumps([list(c.rules), c.table],
                                                        sort_keys=True) for c in configs)},
                          sort_keys=True, ensure_ascii=False)
    return RunInfo(__version__, platform.python_version(), _now(), tuple(paths),
                   chosen_selection, tuple(configs),
                   hashlib.sha256(material.encode()).hexdigest()[:16])


def _now() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = (datetime.fromtimestamp(int(epoch), tz=timezone.utc) if epoch.isdigit()
            else datetime.now(timezone.utc))
    return when.strftime("%Y-%m-%d %H:%M UTC")
