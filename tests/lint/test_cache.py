"""The result cache: hits, invalidation (content, config, version), corrupt entries,
concurrent runs, corpus rules on a warm run, --no-cache and --cache-dir."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint import batch, cache, cache_key, cli
from lint.article import Article
from tests.support import REPO, article_text

MUNIR = "<p>阿西姆·穆尼尔（Asim Munir）说。</p>"
MUNEER = "<p>阿西姆·穆尼尔（Asim Muneer）说。</p>"
HALFWIDTH = "<p>巴基斯坦塔利班(TTP)说。</p>"
OLD = 1_600_000_000_000_000_000  # an mtime long past: the stat key is trusted


def check(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(["check", "--output-format", "json", *args], stdout=out)
    return code, out.getvalue()


def found(output: str) -> list[tuple[str, str, int, int]]:
    return [(Path(d["path"]).name, d["code"], d["line"], d["column"])
            for d in json.loads(output)["diagnostics"]]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Paths of the articles parsed in this process."""
    seen: list[str] = []
    original = Article.parse.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Article], source: object, path: str = "", *rest: object) -> Article:
        seen.append(path)
        return original(cls, source, path, *rest)  # type: ignore[no-any-return]

    monkeypatch.setattr(Article, "parse", classmethod(counting))
    return seen


def write(path: Path, body: str, old: bool = True) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article_text(body), encoding="utf-8")
    if old:
        os.utime(path, ns=(OLD, OLD))
    return path


def test_a_warm_run_parses_nothing_and_says_the_same(tmp_path: Path,
                                                      parses: list[str]) -> None:
    write(tmp_path / "a.md", HALFWIDTH)
    write(tmp_path / "b.md", MUNIR)
    cold = check(str(tmp_path))
    assert len(parses) == 2 and found(cold[1])
    parses.clear()
    assert check(str(tmp_path)) == cold
    assert parses == []


def test_a_changed_file_is_linted_again(tmp_path: Path, parses: list[str]) -> None:
    path = write(tmp_path / "a.md", HALFWIDTH)
    write(tmp_path / "b.md", MUNIR)
    check(str(tmp_path))
    parses.clear()
    write(path, MUNIR)
    _, out = check(str(tmp_path))
    assert [Path(p).name for p in parses] == ["a.md"]
    assert "T001" not in {code for _, code, _, _ in found(out)}


def test_a_change_within_the_same_mtime_tick_is_seen(tmp_path: Path,
                                                     parses: list[str]) -> None:
    # Same size, same mtime, same inode: only the content differs. The file is recent
    # when first recorded, so its stat key is never trusted.
    path = write(tmp_path / "a.md", "<p>巴基斯坦塔利班(TTP)说。</p>", old=False)
    stamp = path.stat().st_mtime_ns
    check(str(path))
    _edit_in_place(path, stamp)
    parses.clear()
    _, out = check(str(path))
    assert parses and "T001" not in {code for _, code, _, _ in found(out)}


def _edit_in_place(path: Path, mtime_ns: int) -> None:
    """`(TTP)` -> `[TTP]`, rewritten in place (the inode and size stay), with the mtime
    then set to `mtime_ns`."""
    with open(path, "r+b") as handle:
        data = handle.read().replace(b"(TTP)", b"[TTP]")
        handle.seek(0)
        handle.write(data)
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_an_edit_that_restores_size_and_mtime_is_seen(tmp_path: Path, parses: list[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # An old file whose stat key is trusted at once (RACY_NS 0); the edit keeps the size,
    # the inode and (put back) the mtime, as `touch -r` or `rsync -t` would: only the
    # ctime tells.
    monkeypatch.setattr(cache, "RACY_NS", 0)
    path = write(tmp_path / "a.md", HALFWIDTH)
    check(str(path))
    _edit_in_place(path, OLD)
    parses.clear()
    _, out = check(str(path))
    assert parses and "T001" not in {code for _, code, _, _ in found(out)}


def test_a_config_change_misses(tmp_path: Path, parses: list[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", HALFWIDTH)
    assert "T001" in {c for _, c, _, _ in found(check("a.md")[1])}
    (tmp_path / "articlelint.toml").write_text('ignore = ["T001"]\n', encoding="utf-8")
    parses.clear()
    assert "T001" not in {c for _, c, _, _ in found(check("a.md")[1])}
    assert parses
    parses.clear()
    assert "T001" not in {c for _, c, _, _ in found(check("a.md", "--select", "T")[1])}
    assert parses  # command-line selection is part of the key too


def test_a_new_version_misses(tmp_path: Path, parses: list[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.md", HALFWIDTH)
    check(str(tmp_path))
    monkeypatch.setattr(cache_key, "__version__", "999.0")
    parses.clear()
    check(str(tmp_path))
    assert parses


def test_a_corrupt_entry_is_rebuilt(tmp_path: Path, parses: list[str]) -> None:
    write(tmp_path / "a.md", HALFWIDTH)
    cold = check(str(tmp_path))
    folder = Path(os.environ["ARTICLELINT_CACHE_DIR"])
    for entry in folder.rglob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:7])  # truncated, as by a crash
    parses.clear()
    assert check(str(tmp_path)) == cold
    assert parses
    parses.clear()
    assert check(str(tmp_path)) == cold
    assert parses == []  # and rebuilt


def test_corpus_diagnostics_on_a_warm_run(tmp_path: Path, parses: list[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "MIN_FILES_PER_WORKER", 1)
    write(tmp_path / "a.md", MUNIR)
    write(tmp_path / "b.md", MUNEER)
    write(tmp_path / "c.md", MUNIR)
    # b suppresses nothing; c's directive is unused unless N004 fires there.
    write(tmp_path / "c.md", "<!-- articlelint-disable N004 -->" + MUNIR)
    runs = [check("--select", "N004,X001", "--jobs", jobs, str(tmp_path))
            for jobs in ("1", "2", "1", "2")]
    assert runs[0] == runs[1] == runs[2] == runs[3]
    assert found(runs[0][1]) == [("b.md", "N004", 5, 12), ("c.md", "X001", 5, 1)]
    assert len(parses) == 3  # only the first run parsed (the --jobs 2 runs hit)
    assert check("--no-cache", "--select", "N004,X001", "--jobs", "2",
                 str(tmp_path)) == runs[0]  # and cold in workers


def test_results_from_workers_are_cached(tmp_path: Path, parses: list[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers send rows that go to the corpus pass as they are: they are stored too, so
    a run after a cold `--jobs 2` run parses nothing and prints the same."""
    monkeypatch.setattr(batch, "MIN_FILES_PER_WORKER", 1)
    write(tmp_path / "a.md", MUNIR)
    write(tmp_path / "b.md", MUNEER)
    write(tmp_path / "c.md", HALFWIDTH)
    cold = check("--jobs", "2", str(tmp_path))
    assert parses == []  # parsed in the workers, not here
    assert check("--jobs", "1", str(tmp_path)) == cold
    assert parses == []  # every file a hit
    assert ("b.md", "N004", 5, 12) in found(cold[1])


def test_no_cache_writes_nothing(tmp_path: Path, parses: list[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTICLELINT_CACHE_DIR")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", HALFWIDTH)
    check("--no-cache", "a.md")
    check("--no-cache", "a.md")
    assert len(parses) == 2
    assert not (tmp_path / ".articlelint_cache").exists()


def test_default_folder_and_cache_dir(tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTICLELINT_CACHE_DIR")
    project = tmp_path / "project"
    write(project / "docs" / "a.md", HALFWIDTH)
    (project / "articlelint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(project / "docs")
    check("a.md")
    default = project / ".articlelint_cache"  # the config file's folder
    assert default.is_dir()
    assert (default / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    check("--cache-dir", str(tmp_path / "elsewhere"), "a.md")
    assert (tmp_path / "elsewhere" / ".gitignore").is_file()


def test_an_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.md", HALFWIDTH)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, out = check("--cache-dir", str(blocker / "cache"), str(tmp_path / "a.md"))
    assert code == 1 and found(out)


def test_concurrent_runs(tmp_path: Path) -> None:
    for index in range(12):
        write(tmp_path / f"a{index:02}.md", HALFWIDTH if index % 2 else MUNIR)
    command = [sys.executable, "-m", "lint", "check", "--output-format", "json",
               "--jobs", "1", "--cache-dir", str(tmp_path / "cache"), str(tmp_path)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    expected = subprocess.run([*command[:-3], "--no-cache", str(tmp_path)], env=env,
                              capture_output=True, check=False, cwd=REPO).stdout
    racers = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, cwd=REPO)
              for _ in range(3)]
    outputs = [racer.communicate()[0] for racer in racers]
    assert outputs == [expected] * 3
    warm = subprocess.run(command, env=env, capture_output=True, check=False, cwd=REPO)
    assert warm.stdout == expected
    leftovers = [p.name for p in (tmp_path / "cache").rglob(".tmp-*")]
    assert leftovers == []


@pytest.mark.parametrize("output", ["full", "concise", "json", "sarif", "github", "junit"])
def test_every_format_says_the_same_warm(tmp_path: Path, output: str) -> None:
    write(tmp_path / "a.md", HALFWIDTH + MUNIR)
    write(tmp_path / "b.md", MUNEER)
    write(tmp_path / "c.md", "<!-- articlelint-disable N004 -->" + MUNIR)

    def run(*extra: str) -> tuple[int, str]:
        out = io.StringIO()
        code = cli.main(["check", "--output-format", output, *extra, str(tmp_path)],
                        stdout=out)
        return code, out.getvalue()

    cold = run("--no-cache")
    assert run() == cold  # fills the cache
    assert run() == cold  # every file a hit
    assert run("--jobs", "2") == cold


def test_a_baseline_filters_cache_hits(tmp_path: Path) -> None:
    files = tmp_path / "files"
    write(files / "a.md", HALFWIDTH)
    baseline = str(tmp_path / "baseline.json")
    assert cli.main(["check", "--write-baseline", baseline, str(files)],
                    stdout=io.StringIO()) == 0
    for _ in range(2):  # the second run is all hits, its text re-read for the baseline
        code, out = check("--baseline", baseline, str(files))
        assert code == 0 and found(out) == []


def test_fix_is_not_skipped_by_a_hit(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", HALFWIDTH)
    check(str(path))  # the entry now holds a fixable T001
    check("--fix", str(path))
    assert "（TTP）" in path.read_text(encoding="utf-8")
    code, out = check(str(path))  # the fixed text: a new entry, nothing left to fix
    assert "T001" not in {c for _, c, _, _ in found(out)}


def test_an_entry_of_the_wrong_shape_is_a_miss(tmp_path: Path, parses: list[str]) -> None:
    import pickle

    write(tmp_path / "a.md", HALFWIDTH)
    cold = check(str(tmp_path))
    entries = [p for p in Path(os.environ["ARTICLELINT_CACHE_DIR"]).rglob("*.pickle")
               if not p.name.startswith("index-")]
    for entry in entries:
        name, payload, version = pickle.loads(entry.read_bytes())
        payload.rows = [("T001",)]  # unpicklable fine, but not a diagnostic
        entry.write_bytes(pickle.dumps((name, payload, version)))
    parses.clear()
    assert check(str(tmp_path)) == cold
    assert parses


@pytest.mark.parametrize("as_rows", [False, True])
@pytest.mark.parametrize("code, stored", [("T001", True), ("X002", False), ("S001", False)])
def test_what_is_not_stored(tmp_path: Path, as_rows: bool, code: str, stored: bool) -> None:
    """An internal error (a half-run is not a result) and a finding of a clock-dependent
    rule (S001) keep a file out of the cache, whether its diagnostics arrive as models or
    as a worker's rows."""
    from lint.batch import Job
    from lint.cached_run import _store
    from lint.engine import FileResult
    from lint.fix_run import Checked, Mode, Outcome
    from lint.models import Diagnostic, Severity
    from lint.rows import to_row
    from lint.source import SourceText

    diagnostic = Diagnostic(code=code, name="n", severity=Severity.ERROR, message="m",
                            span=SourceText("ab").span(0, 1), path="a.md")
    outcome = Outcome(Checked(FileResult("a.md", None, [] if as_rows else [diagnostic]),
                              None), content="hash", stat=(1, 2, 3, 4))
    if as_rows:
        outcome.rows = [to_row(diagnostic)]
    calls: list[object] = []

    class Recording:
        def store(self, *args: object) -> None:
            calls.append(args)

    _store(Recording(), Job("a.md", tmp_path / "a.md", 0), "fingerprint", outcome,  # type: ignore[arg-type]
           Mode(), frozenset({"S001"}))
    assert bool(calls) is stored
