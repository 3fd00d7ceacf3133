"""articlelint benchmark: `python bench/run.py [--files N]`.

Builds a corpus of N real-sized articles (seeded from `examples/`, each body varied so no
two files are equal), then times, in one run and side by side:

- the parse floor: read + decode + lxml parse of each body, in one process;
- `articlelint check` cold with `--jobs 1` and with the default jobs;
- a warm run (the same command again: a cache hit once the cache exists);
- a one-file run (start-up cost, what pre-commit and editors pay).

Prints files/s and the ratio to the floor. Timings are wall-clock, best of `--repeat`.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "examples").glob("*.md"))


def build_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    paths = []
    for index in range(count):
        text = texts[index % len(texts)]
        header, _, body = text.partition("\n\n")
        paragraphs = body.split("</p><p>")
        rng.shuffle(paragraphs)  # same markup and size, different order per file
        # Grow or trim towards ~8 KB, the size of a typical archived article.
        joined = "</p><p>".join(paragraphs)
        while len(joined.encode()) < 8000:
            joined += "<p>" + rng.choice(paragraphs).split(">")[-1] + "</p>"
        path = folder / f"{index // 1000:03d}" / f"article-{index:06d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + "\n\n" + joined, encoding="utf-8")
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


def timed(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              cwd=REPO, check=False, text=True)
        best = min(best, time.perf_counter() - start)
        if done.returncode not in (0, 1):  # a failed run would time nothing useful
            raise SystemExit(f"{' '.join(command[2:])} failed: {done.stderr.strip()}")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="articlelint-bench-"))
    try:
        paths = build_corpus(folder, args.files)
        size = sum(p.stat().st_size for p in paths) / len(paths)
        base = [sys.executable, "-m", "lint", "check", "--exit-zero", "--quiet",
                "--output-format", "concise"]
        floor = min(parse_floor(paths) for _ in range(args.repeat))
        rows = [("parse floor (read+decode+lxml, 1 process)", floor, len(paths))]
        rows.append(("check cold, --jobs 1", timed([*base, "--jobs", "1", "--no-cache",
                                                    str(folder)], args.repeat), len(paths)))
        rows.append(("check cold, default jobs", timed([*base, "--no-cache", str(folder)],
                                                       args.repeat), len(paths)))
        rows.append(("check warm (second run)", timed([*base, str(folder)], args.repeat),
                     len(paths)))
        rows.append(("check one file", timed([*base, str(paths[0])], args.repeat), 1))
        print(f"{len(paths)} files, {size / 1024:.1f} KB each on average; "
              f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}")
        print(f"{'what':45} {'seconds':>9} {'files/s':>9} {'x floor':>8}")
        for label, seconds, count in rows:
            ratio = seconds / floor * (len(paths) / count) if count == len(paths) else float("nan")
            ratio_text = f"{ratio:8.1f}" if count == len(paths) else "       -"
            print(f"{label:45} {seconds:9.3f} {count / seconds:9.0f} {ratio_text}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
