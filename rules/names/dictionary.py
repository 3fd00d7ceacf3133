"""N006 dictionary."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import field_validator

from lint import Article, Diagnostic, FixAvailability, Rule, RuleOptions, Severity
from rules.names._textfix import diagnostics
from rules.names._userfiles import builtin_dictionary, load_dictionary


class Dictionary(Rule):
    """## What it does
    Finds wrong forms listed in a dictionary of wrong → right entries and replaces them:
    a small built-in dictionary (common slips such as `同期与支持` for `同情与支持`) plus
    the user's files (the `dictionary = "words.toml"` setting). Checks visible text only.

    A dictionary is a TOML file of `[[entry]]` tables:

    ```toml
    [[entry]]
    wrong = "同期(与|和)(支持|理解)"   # plain text, or a regular expression with regex = true
    right = "同情\\\\1\\\\2"              # the replacement; with regex, \\\\1 is group 1
    regex = true                      # optional, default false
    context = "反恐"                  # optional: a regular expression the paragraph must match
    note = "同情 sympathy"            # optional: shown in the message
    examples = ["担忧的同期与支持"]    # optional: must be flagged, and fixed by `right`
    counter-examples = ["与去年同期相比"]  # optional: must not be flagged
    ```

    Examples are checked when the file is loaded: an example that is not flagged, or still
    flagged after the fix, and a counter-example that is flagged are configuration errors.
    Regular expressions use Python's `re` syntax; keep them simple (no nested repetition),
    since a paragraph is matched against every entry.

    ## Why is this bad?
    These are typos that a spell checker does not see, because each character is a real
    word on its own.

    ## Example
    ```
    <p>“他寻求美国对巴基斯坦反恐担忧的同期与支持。”</p>
    ```

    ## Use instead
    ```
    <p>“他寻求美国对巴基斯坦反恐担忧的同情与支持。”</p>
    ```

    ## Options
    - `paths` (list of file paths, default none): the user's dictionary files. The
      `dictionary` setting of the configuration fills it (resolved relative to the config
      file). Each file is loaded and validated when the configuration is read.
    - `builtin` (bool, default true): also use the built-in dictionary.

    ## Fix safety
    Safe: the replacement is the dictionary's; where a form is right in some sentences,
    the entry must say so with a regex or a context.
    """

    code = "N006"
    name = "dictionary"
    summary = "A word from the dictionary of known wrong forms"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SAFE

    class Options(RuleOptions):
        paths: tuple[str, ...] = ()
        builtin: bool = True

        @field_validator("paths")
        @classmethod
        def _load(cls, paths: tuple[str, ...]) -> tuple[str, ...]:
            for path in paths:
                load_dictionary(path)  # a bad file raises: a config error naming it
            return paths

    def check(self, article: Article) -> Iterator[Diagnostic]:
        paths: tuple[str, ...] = getattr(self.options, "paths", ())
        entries = list(builtin_dictionary()) if getattr(self.options, "builtin", True) else []
        entries += [entry for path in paths for entry in load_dictionary(path)]
        if entries:
            yield from diagnostics(self, article, entries)
