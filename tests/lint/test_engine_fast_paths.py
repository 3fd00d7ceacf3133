"""The engine's and the batch runner's shortcuts give exactly what the long way gives: the
plain-data check of corpus facts agrees with `json.dumps`, an unsorted check holds the same
diagnostics, and a file sent back from a worker as rows is rebuilt equal."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from lint.batch import Job, _process_in_worker, _received, process
from lint.engine import _plain, check_source
from lint.fix_run import Mode
from lint.models import Diagnostic
from lint.registry import Registry
from lint.rows import from_rows
from lint.settings import Selection, build_settings
from lint.source import SourceText
from tests.support import FIXTURES

def _nested(depth: int) -> list[Any]:
    value: list[Any] = ["deep"]
    for _ in range(depth):
        value = [value]
    return value


VALUES: list[Any] = [
    None, True, 0, -3, 2**80, 1.5, math.nan, "", "名字", [], (), {},
    [{"name": "史密斯", "span": {"offset": 1, "line": 5}}, ("a", 1, None)],
    {1: "int key"}, {None: 1}, {(1, 2): "tuple key"}, {"set": {1, 2}}, [b"bytes"],
    {"nested": _nested(40)},
    [object()], {"f": len}, Path("a"),
]


def _encodes(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_plain_data_is_only_what_json_encodes(value: Any) -> None:
    # `_plain` may say False for data that encodes (json.dumps then decides), never True
    # for data that does not.
    if _plain(value):
        assert _encodes(value)


def test_plain_data_recognises_the_usual_facts() -> None:
    facts = [{"name": "史密斯", "english": "Smith", "span": {"offset": 1, "end_offset": 3}}]
    assert _plain(facts)


def test_circular_facts_are_left_to_json() -> None:
    loop: list[Any] = []
    loop.append(loop)
    assert not _plain(loop)


def test_unsorted_check_holds_the_same_diagnostics() -> None:
    rules = [rule() for rule in Registry.default().select(["ALL"], (), ())]
    for path in sorted((FIXTURES / "voa").glob("*.md"))[:10]:
        source = SourceText(path.read_text(encoding="utf-8"))
        ordered = check_source(path.name, source, rules).diagnostics
        loose = check_source(path.name, source, rules, sort=False).diagnostics
        assert sorted(loose, key=Diagnostic.sort_key) == ordered


def test_a_file_sent_back_by_a_worker_is_rebuilt_equal(monkeypatch: pytest.MonkeyPatch) -> None:
    import lint.batch

    settings = (build_settings(Registry.default(), Selection(["ALL"], (), ()), None),)
    mode = Mode()
    monkeypatch.setattr(lint.batch, "_worker", (settings, mode, True))
    paths = sorted((FIXTURES / "voa").glob("*.md"))[:20]
    compared = []
    for path in paths:
        job = Job(str(path), path, 0)
        here = process(job, settings, mode)
        there = _received(_process_in_worker(job), lazy=False)
        assert there.checked.result.diagnostics == here.checked.result.diagnostics
        assert there.checked.result.facts == here.checked.result.facts
        assert there.checked.suppressions == here.checked.suppressions
        # For a consumer that takes rows: the same diagnostics, left as rows.
        rows = _received(_process_in_worker(job), lazy=True)
        assert rows.checked.result.diagnostics == []
        assert from_rows(rows.rows or []) == here.checked.result.diagnostics
        assert rows.checked.result.facts == here.checked.result.facts
        assert rows.built().diagnostics == here.checked.result.diagnostics
        assert rows.rows is None
        compared += there.checked.result.diagnostics
    # The fixtures have findings to compare, fixes among them.
    assert any(d.fix is not None for d in compared)


def test_the_collector_threshold_is_raised_while_checking_and_restored() -> None:
    import gc

    from lint.batch import GC_YOUNG, run_jobs

    before = gc.get_threshold()
    settings = (build_settings(Registry.default(), Selection(None, (), ()), None),)
    paths = sorted((FIXTURES / "voa").glob("*.md"))[:2]
    seen, frozen = [], []
    for _ in run_jobs([Job(str(p), p, 0) for p in paths], settings, Mode(), 1):
        seen.append(gc.get_threshold()[0])
        frozen.append(gc.get_freeze_count())
    assert seen and all(threshold >= GC_YOUNG for threshold in seen)
    assert gc.get_threshold() == before
    # What existed before the files is kept out of full collections, then given back.
    assert all(count > 0 for count in frozen) and gc.get_freeze_count() == 0


def test_worker_results_come_in_job_order_through_a_small_window(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """More chunks than the window holds, finishing in any order: taken in job order."""
    from concurrent.futures import ThreadPoolExecutor

    import lint.batch
    from lint.batch import _in_order

    settings = (build_settings(Registry.default(), Selection(None, (), ()), None),)
    mode = Mode()
    monkeypatch.setattr(lint.batch, "_worker", (settings, mode, True))
    jobs = [Job(str(path), path, 0) for path in sorted((FIXTURES / "voa").glob("*.md"))[:23]]
    monkeypatch.setattr(lint.batch, "_worker_jobs", jobs)
    with ThreadPoolExecutor(max_workers=3) as pool:
        sent = list(_in_order(pool, jobs, chunk=2, window=3))
    assert [path for path, *_ in sent] == [j.display for j in jobs]


def test_spooled_facts_read_back_what_was_parked(tmp_path: Path) -> None:
    from lint.corpus_run import Spool, SpooledFacts

    with open(tmp_path / "spool", "w+b") as file:
        spool = Spool(file)
        assert SpooledFacts.park(spool, {}) == {}
        first = SpooledFacts.park(spool, {"N004": [{"name": "甲", "span": {"offset": 1}}]})
        second = SpooledFacts.park(spool, {"N004": [], "Z900": {"k": (1, 2)}})
        assert first["N004"]  # a read moved the position: parking still appends
        third = SpooledFacts.park(spool, {"N004": ["x"]})
        assert first["N004"] == [{"name": "甲", "span": {"offset": 1}}]
        assert dict(second.items()) == {"N004": [], "Z900": {"k": (1, 2)}}
        assert third["N004"] == ["x"] and first["N004"][0]["name"] == "甲"
        assert "N004" in first and "Z900" not in first and list(second) == ["N004", "Z900"]
        assert len(second) == 2
        with pytest.raises(KeyError):
            first["Z900"]
