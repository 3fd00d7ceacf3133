"""The warm-run fast path: when a `check` run is the same command as a recorded one
(`lint.fastpath_record`) and nothing it read has changed, print what that run printed and
exit as it exited, without configuring, linting or formatting anything.

"Nothing changed" is decided from cheap facts only: the key (options, working directory,
environment, terminal, interpreter, tool version and code folders), the distributions on
`sys.path`, and one `stat` per input (each linted file, walked folder, configuration
candidate, `.gitignore`, glossary, baseline, source file of the tool and its plugins).
Any difference, or a snapshot that is missing, torn, foreign or of another format, means
the normal run, which records a new snapshot. The output is the recorded bytes, so it is
identical to the normal path's in every format.

Only the standard library and `lint.fastpath_key` are imported.
"""

from __future__ import annotations

import codecs
import marshal
import os
import sys

from lint.fastpath_key import (
    FOLDER,
    FORMAT,
    MAGIC,
    PREFIX,
    code_roots,
    distributions,
    eligible,
    encoding_of,
    quick_cache_folder,
    run_key,
    snapshot_name,
    state,
)

TYPE_CHECKING = False  # typing itself is not imported at run time: it costs milliseconds
if TYPE_CHECKING:
    import argparse
    from typing import IO, Any, TextIO

CHUNK = 1 << 20  # bytes copied to stdout at a time: a huge report need not be in memory


def replay(args: argparse.Namespace, out: TextIO) -> int | None:
    """The exit code of the replayed run, or None when it cannot be replayed."""
    if not eligible(args):
        return None
    try:
        found = _matching(args, out)
    except Exception:  # noqa: BLE001 - an optimisation must never be why a run fails
        return None
    if found is None:
        return None
    handle, body, errors, code = found
    with handle:
        _emit(handle, body, out)
    if errors:
        sys.stderr.write(errors)
    return code


def _matching(args: argparse.Namespace,
              out: TextIO) -> tuple[IO[bytes], int, str, int] | None:
    """The open snapshot (positioned at its body), its body's length, its stderr and its
    exit code, when every check passes."""
    folder = quick_cache_folder(args)
    if folder is None:
        return None
    key = run_key(args, out, folder, code_roots())
    try:
        handle = open(os.path.join(folder, FOLDER, snapshot_name(key)), "rb")
    except OSError:
        return None
    try:
        header = _header(handle)
        if header is not None and header[1] == key and _unchanged(header):
            return handle, header[7], header[5], header[6]
    except BaseException:
        handle.close()
        raise
    handle.close()
    return None


def _header(handle: IO[bytes]) -> tuple[Any, ...] | None:
    """The header, checked for shape, plus the body's length; None for a torn or foreign
    file."""
    prefix = handle.read(PREFIX)
    if len(prefix) != PREFIX or not prefix.startswith(MAGIC):
        return None
    head = int.from_bytes(prefix[len(MAGIC):len(MAGIC) + 8], "little")
    body = int.from_bytes(prefix[len(MAGIC) + 8:], "little")
    if os.fstat(handle.fileno()).st_size != PREFIX + head + body:
        return None
    header = marshal.loads(handle.read(head))
    if not (type(header) is tuple and len(header) == 7 and header[0] == FORMAT
            and type(header[2]) is list and type(header[3]) is list
            and type(header[4]) is list and len(header[3]) == len(header[4])
            and type(header[5]) is str and header[6] in (0, 1)):
        return None
    return (*header, body)


def _unchanged(header: tuple[Any, ...]) -> bool:
    recorded = header[2]
    now = distributions(recorded)
    if [(e, n) for e, _, n in now] != [(e, n) for e, _, n in recorded]:
        return False
    for path, expected in zip(header[3], header[4]):
        if state(path) != expected:
            return False
    return True


def _emit(handle: IO[bytes], length: int, out: TextIO) -> None:
    """Write the body as the normal run wrote it: bytes straight to the binary stream
    under `out` when `out` would have encoded them so, else decoded text."""
    buffer = getattr(out, "buffer", None)
    direct = buffer is not None and os.linesep == "\n" and getattr(out, "encoding", None)
    decoder = None if direct else codecs.getincrementaldecoder(encoding_of(out)[0])(
        encoding_of(out)[1])
    if direct:
        out.flush()
    left = length
    while left > 0:
        chunk = handle.read(min(CHUNK, left))
        if not chunk:
            break
        left -= len(chunk)
        if decoder is None:
            buffer.write(chunk)  # type: ignore[union-attr]
        else:
            out.write(decoder.decode(chunk, final=left == 0))
    if decoder is None:
        buffer.flush()  # type: ignore[union-attr]
