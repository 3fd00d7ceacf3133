"""Where the result cache lives: `--cache-dir DIR`, else `$ARTICLELINT_CACHE_DIR`, else
`.articlelint_cache/` in the project root (the folder of `--config FILE`, else of the
configuration file that applies to the current directory, else the current directory)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from lint.config import ConfigError, find_config
from lint.fastpath_key import CACHE_ENVIRONMENT as ENVIRONMENT
from lint.fastpath_key import CACHE_FOLDER_NAME as FOLDER_NAME
from lint.inputs import Inputs


def cache_folder(args: argparse.Namespace, inputs: Inputs | None = None) -> Path:
    """`inputs` records the configuration candidates looked at."""
    if args.cache_dir:
        return Path(args.cache_dir)
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT])
    if args.config:
        return Path(args.config).absolute().parent / FOLDER_NAME
    try:
        config = find_config(Path.cwd(), {}, inputs)
    except ConfigError:
        config = None
    root = config.root if config is not None else Path.cwd()
    return root / FOLDER_NAME
