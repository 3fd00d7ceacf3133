"""The baseline file's shape (`--baseline`, `--write-baseline`): pydantic models, in a
module of their own so that runs without a baseline never create them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

VERSION = 1


class Entry(BaseModel):
    # Built when a baseline is first read or written, not at the import of every run.
    model_config = ConfigDict(defer_build=True)

    path: str
    code: str
    text: str  # the flagged text, `sha256:…` when long, `message:…` when the span is empty
    count: int = 1


class BaselineFile(BaseModel):
    model_config = ConfigDict(defer_build=True)

    tool: str = "articlelint"
    version: int = VERSION
    entries: list[Entry]
