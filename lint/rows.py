"""Diagnostics as plain tuples ("rows"), for where they cross a process or a file: worker
results, the corpus pass's spool and cache entries. Pickling a row costs a fraction of
pickling the pydantic models (whose state goes through Python-level `__getstate__`), and
reporters that only print fields (`concise`, `json`) read rows directly, so a file
checked in a worker or parked for the corpus pass never becomes models again.

A row: (code, name, severity value, message, path, offset, end_offset, line, column,
end_line, end_column, fix), where fix is None or (applicability value, message,
((offset, end_offset, content), …))."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lint.models import Applicability, Diagnostic, Edit, Fix, Severity, Span, trusted

Row = tuple[Any, ...]
ROW_SIZE = 12

# Enum values and members by a dict look-up: `member.value` and calling the enum cost
# ~1-2 µs each, more than the rest of a row.
_SEVERITY_VALUE = {member: member.value for member in Severity}
_APPLICABILITY_VALUE = {member: member.value for member in Applicability}
_SEVERITY = {member.value: member for member in Severity}
_APPLICABILITY = {member.value: member for member in Applicability}


def to_row(d: Diagnostic) -> Row:
    s, fix = d.span, d.fix
    fixed = None if fix is None else (
        _APPLICABILITY_VALUE[fix.applicability], fix.message,
        tuple([(e.offset, e.end_offset, e.content) for e in fix.edits]))
    return (d.code, d.name, _SEVERITY_VALUE[d.severity], d.message, d.path, s.offset,
            s.end_offset, s.line, s.column, s.end_line, s.end_column, fixed)


def to_rows(diagnostics: Iterable[Diagnostic]) -> list[Row]:
    return [to_row(d) for d in diagnostics]


def from_row(row: Row) -> Diagnostic:
    """The diagnostic `row` was made from (equal to it, built without validation)."""
    code, name, severity, message, path, offset, end_offset, line, column, end_line, \
        end_column, fixed = row
    fix = None if fixed is None else trusted(
        Fix, applicability=_APPLICABILITY[fixed[0]], message=fixed[1],
        edits=tuple([trusted(Edit, offset=o, end_offset=e, content=c)
                     for o, e, c in fixed[2]]))
    span = trusted(Span, offset=offset, end_offset=end_offset, line=line, column=column,
                   end_line=end_line, end_column=end_column)
    made: Diagnostic = trusted(Diagnostic, code=code, name=name,
                               severity=_SEVERITY[severity], message=message, span=span,
                               fix=fix, path=path)
    return made


def from_rows(rows: Iterable[Row]) -> list[Diagnostic]:
    return [from_row(row) for row in rows]


def row_key(row: Row) -> tuple[str, int, str, int]:
    """`Diagnostic.sort_key` of the row's diagnostic."""
    return (row[4], row[5], row[0], row[6])
