"""`articlelint report`: the archive health report.

The same per-file pipeline as `check` (`lint.run.lint_outcomes`) with one extra per-file
summary (`facts.article_summary`: outlet and month), folded into a `tally.Tally` as the
results stream in, then drawn as one self-contained HTML page (`page`, `svg`, `ruledocs`)
or as rich tables (`text`). `compare` diffs two `check --output-format json` results.
"""
