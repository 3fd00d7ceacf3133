"""The language server (`articlelint server`). Only `lint.lsp.server` imports pygls; the
other modules here are plain Python so that they can be tested and reused without it."""

from __future__ import annotations

import sys

INSTALL_HINT = "pip install 'articlelint[lsp]'"


def run_server() -> int:
    """`articlelint server`: exit 2 with an install hint when pygls is missing."""
    try:
        import pygls  # noqa: F401  (the optional `lsp` extra)
    except ImportError:
        print("articlelint: error: `articlelint server` needs pygls (the `lsp` extra): "
              f"{INSTALL_HINT}", file=sys.stderr)
        return 2
    from lint.lsp.server import serve

    return serve()
