"""Applies fixes to a text: edits by offset, never two overlapping ones."""

from __future__ import annotations

from collections.abc import Iterable

from lint.models import Applicability, Diagnostic, Edit, Fix


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and (unsafe or fix.applicability is Applicability.SAFE)


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic],
                unsafe: bool = False) -> tuple[str, int]:
    """Apply the fixes of `diagnostics` (safe ones, plus unsafe ones if asked) in offset
    order. A fix whose edits overlap an already accepted fix is skipped whole (it will be
    reconsidered on the next lint pass). Returns the new text and how many fixes applied."""
    accepted: list[Edit] = []
    taken: list[tuple[int, int]] = []
    count = 0
    fixes = [d.fix for d in diagnostics if applicable(d.fix, unsafe)]
    fixes.sort(key=lambda f: min((e.offset for e in f.edits), default=0))  # type: ignore[union-attr]
    for fix in fixes:
        assert fix is not None
        if any(_overlaps(edit, taken) for edit in fix.edits):
            continue
        for edit in fix.edits:
            accepted.append(edit)
            taken.append((edit.offset, edit.end_offset))
        count += 1
    pieces: list[str] = []
    pos = 0
    for edit in sorted(accepted, key=lambda e: (e.offset, e.end_offset)):
        pieces.append(text[pos:edit.offset])
        pieces.append(edit.content)
        pos = edit.end_offset
    pieces.append(text[pos:])
    return "".join(pieces), count


def _overlaps(edit: Edit, taken: list[tuple[int, int]]) -> bool:
    for start, end in taken:
        # Two insertions at one point conflict too: their order would be arbitrary.
        if edit.offset < end and start < edit.end_offset:
            return True
        if edit.offset == edit.end_offset == start == end:
            return True
        if edit.offset == edit.end_offset and start < edit.offset < end:
            return True
    return False
