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

# Enum members by value with a dict look-up: calling the enum costs ~2 µs. The other
# way, a member's `_value_` (the enum's own attribute that `.value` returns) is read
# from its instance dict, where `.value` is a Python-level property.
_SEVERITY = {member.value: member for member in Severity}
_APPLICABILITY = {member.value: member for member in Applicability}


def to_row(d: Diagnostic) -> Row:
    # The fields through the models' `__dict__`: reading a model's attribute costs ~3x a
    # dict look-up (the class's long attribute resolution comes first).
    fields = d.__dict__
    span, fix = fields["span"].__dict__, fields["fix"]
    fixed = None if fix is None else _fix_row(fix.__dict__)
    return (fields["code"], fields["name"], fields["severity"]._value_, fields["message"],
            fields["path"], span["offset"], span["end_offset"], span["line"],
            span["column"], span["end_line"], span["end_column"], fixed)


def _fix_row(fix: dict[str, Any]) -> tuple[Any, ...]:
    edits = []
    for edit in fix["edits"]:
        e = edit.__dict__
        edits.append((e["offset"], e["end_offset"], e["content"]))
    return (fix["applicability"]._value_, fix["message"], tuple(edits))


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
