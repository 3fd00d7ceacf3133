"""articlelint benchmark: `python bench/run.py [--files N]`.

Builds a corpus of N real-sized articles (seeded from `examples/`, each body varied so no
two files are equal), then times, in one run and side by side:

- the parse floor: read + decode + lxml parse of each body, in one process;
- `articlelint check` cold with `--jobs 1` and with the default jobs;
- a warm run (the same command again: every file a cache hit, known by its stat key);
- a one-file run, cold and warm (start-up cost, what pre-commit and editors pay).

Prints files/s, the ratio to the floor and the main process's peak RSS. Timings are
wall-clock, best of `--repeat`. Byte-code is compiled once into a private folder, as for
an installed package, even when PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "examples").glob("*.md"))


_PARAGRAPH = re.compile(r"<p>(?:(?!</?p[ >]).)*</p>")


def build_corpus(folder: Path, count: int, seed: int = 7,
                 seeds: list[Path] | None = None) -> list[Path]:
    """Each file: a seed's header and body with its paragraphs shuffled, grown to ~8 KB
    with whole paragraphs of other seeds (none twice in a file), so the markup stays as
    well formed as the seeds' and no file repeats a paragraph."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in seeds or SEEDS]
    bodies = [t.partition("\n\n")[2] for t in texts]
    pool = sorted({m.group(0) for body in bodies for m in _PARAGRAPH.finditer(body)
                   if len(m.group(0)) > 40})
    paths = []
    for index in range(count):
        text = texts[index % len(texts)]
        header, _, body = text.partition("\n\n")
        found = list(_PARAGRAPH.finditer(body))
        paragraphs = [m.group(0) for m in found]
        rng.shuffle(paragraphs)  # same markup, different order per file
        head = body[:found[0].start()] if found else body
        tail = body[found[-1].end():] if found else ""
        used = set(paragraphs)
        joined = "".join(paragraphs)
        while len((head + joined + tail).encode()) < 8000 and len(used) < len(pool):
            extra = rng.choice(pool)
            if extra not in used:
                used.add(extra)
                joined += extra
        path = folder / f"{index // 1000:03d}" / f"article-{index:06d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + "\n\n" + head + joined + tail, encoding="utf-8")
        paths.append(path)
    return paths


def parse_floor(paths: list[Path]) -> float:
    from lxml import html

    start = time.perf_counter()
    for path in paths:
        text = path.read_bytes().decode("utf-8")
        body = text.split("\n", 4)[-1]
        html.fragments_fromstring(body)
    return time.perf_counter() - start


def environment(cache: Path) -> dict[str, str]:
    """The runs' environment: byte-code compiled once into a private folder (as an
    installed package has it; PYTHONDONTWRITEBYTECODE would compile every module on every
    run, ~0.3 s), the result cache in `cache`."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = f"{cache}-pycache"
    env["ARTICLELINT_CACHE_DIR"] = str(cache)
    return env


# Runs a command and prints the largest peak RSS (KiB) of any process it started: the
# kernel's RUSAGE_CHILDREN of this wrapper covers the command and, once they are waited
# for, its worker processes. A wrapper, because the benchmark's own RUSAGE_CHILDREN only
# ever grows across runs.
_PEAK_WRAPPER = ("import resource, subprocess, sys; "
                 "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL); "
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
                 "sys.exit(code)")


def timed(command: list[str], repeat: int, env: dict[str, str]) -> tuple[float, float]:
    """Best wall time of `repeat` runs, and the largest peak RSS (MiB) of the command's
    main process (worker processes are not included: see `peak_any`)."""
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 cwd=REPO, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        best = min(best, time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss / 1024)
        stderr = child.stderr.read().decode() if child.stderr else ""
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):  # a failed run would time nothing useful
            raise SystemExit(f"{' '.join(command[2:])} failed: {stderr.strip()}")
    return best, peak


def peak_any(command: list[str], env: dict[str, str]) -> float:
    """The largest peak RSS (MiB) of the command or any worker process it started."""
    done = subprocess.run([sys.executable, "-c", _PEAK_WRAPPER, *command], cwd=REPO,
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command[2:])} failed: {done.stderr.strip()}")
    return int(done.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scaling", action="store_true",
                        help="also time the cold default-jobs run on a tenth of the files "
                             "(same recipe) to show whether time grows linearly")
    parser.add_argument("--seeds", type=Path, default=REPO / "examples",
                        help="folder of seed articles (default: examples/, which hold many "
                             "known defects; tests/fixtures/voa/ holds 135 real articles)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="articlelint-bench-"))
    try:
        paths = build_corpus(folder, args.files, seeds=sorted(args.seeds.glob("*.md")))
        size = sum(p.stat().st_size for p in paths) / len(paths)
        base = [sys.executable, "-m", "lint", "check", "--exit-zero", "--quiet",
                "--output-format", "concise"]
        floor = min(parse_floor(paths) for _ in range(args.repeat))
        env = environment(folder.parent / f"{folder.name}-cache")
        timed([*base, "--no-cache", str(paths[0])], 1, env)  # compile the byte-code once
        rows: list[tuple[str, float, float, int]] = [
            ("parse floor (read+decode+lxml, 1 process)", floor, 0.0, len(paths))]

        def row(label: str, extra: list[str], count: int) -> None:
            seconds, peak = timed([*base, *extra], args.repeat, env)
            rows.append((label, seconds, peak, count))

        row("check cold, --jobs 1", ["--jobs", "1", "--no-cache", str(folder)], len(paths))
        row("check cold, default jobs", ["--no-cache", str(folder)], len(paths))
        workers_peak = peak_any([*base, "--no-cache", str(folder)], env)
        if args.scaling:
            small = folder.parent / f"{folder.name}-tenth"  # not inside: warm runs read folder
            build_corpus(small, max(1, args.files // 10), seeds=sorted(args.seeds.glob("*.md")))
            row("check cold, default jobs, 1/10 of the files",
                ["--no-cache", str(small)], max(1, args.files // 10))
        timed([*base, str(folder)], 1, env)  # fill the cache
        # Files younger than 2 s are always re-hashed (see lint/cache.py): a corpus written
        # a moment ago is trusted by its stat key from the next run after that.
        time.sleep(2.1)
        timed([*base, str(folder)], 1, env)
        row("check warm (cache hit), default jobs", [str(folder)], len(paths))
        row("check one file (cold)", ["--no-cache", str(paths[0])], 1)
        row("check one file (warm)", [str(paths[0])], 1)
        listed = subprocess.run([*base[:-1], "concise", str(folder)], cwd=REPO, env=env,
                                capture_output=True, text=True, check=False).stdout
        print(f"{len(paths)} files, {size / 1024:.1f} KB each on average, "
              f"{len(listed.splitlines()) / len(paths):.1f} diagnostics each; "
              f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"{'what':45} {'seconds':>9} {'files/s':>9} {'x floor':>8} {'peak MiB':>9}")
        for label, seconds, peak, count in rows:
            ratio = f"{seconds / floor:8.1f}" if count == len(paths) else "       -"
            memory = f"{peak:9.0f}" if peak else "        -"
            print(f"{label:45} {seconds:9.3f} {count / seconds:9.0f} {ratio} {memory}")
        print(f"peak RSS of any process (main or worker), cold default jobs: "
              f"{workers_peak:.0f} MiB")
        if args.scaling:
            cold = next(r for r in rows if r[0] == "check cold, default jobs")
            tenth = next(r for r in rows if r[0].endswith("1/10 of the files"))
            one = next(r for r in rows if r[0] == "check one file (cold)")
            # Start-up (≈ the one-file run) is paid once whatever the number of files.
            print(f"scaling: {cold[3] / tenth[3]:.1f}x the files took "
                  f"{cold[1] / tenth[1]:.2f}x the time, "
                  f"{(cold[1] - one[1]) / max(tenth[1] - one[1], 1e-9):.2f}x without start-up "
                  f"(the one-file run's time)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(folder.parent / f"{folder.name}-cache", ignore_errors=True)
        shutil.rmtree(folder.parent / f"{folder.name}-tenth", ignore_errors=True)
        shutil.rmtree(folder.parent / f"{folder.name}-cache-pycache", ignore_errors=True)


if __name__ == "__main__":
    main()
