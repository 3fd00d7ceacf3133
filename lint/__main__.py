"""`python -m lint` is the `articlelint` command."""

from lint.cli import main

raise SystemExit(main())
