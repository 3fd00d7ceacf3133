"""N005 glossary."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import ClassVar

from pydantic import field_validator

from lint import Article, Diagnostic, FixAvailability, Rule, RuleOptions, Severity
from rules.names._textfix import diagnostics
from rules.names._userfiles import DATA, load_glossary

EXAMPLE_GLOSSARY = os.path.join(DATA, "example-glossary.toml")


class Glossary(Rule):
    """## What it does
    Checks names against the user's glossary (the `glossary = "names.toml"` setting): a
    gloss of a glossary name written another way (`阿西姆·穆尼尔（Asim Muneer）`), a
    glossary English name glossed with another Chinese form, and any listed wrong variant
    anywhere in the visible text. The glossary's form is the fix.

    The glossary is a TOML file of `[[name]]` tables:

    ```toml
    [[name]]
    zh = "阿西姆·穆尼尔"          # the Chinese form (any name separator matches)
    en = "Asim Munir"             # the English form
    variants = ["Asim Muneer"]    # optional: wrong forms to find anywhere (either side)
    examples = ["阿西姆·穆尼尔（Asim Muneer）"]          # optional: must be flagged
    counter-examples = ["阿西姆·穆尼尔（Asim Munir）"]   # optional: must not be flagged
    ```

    The examples are checked when the file is loaded: an example that the entry does not
    flag, or that its fix does not repair, is a configuration error.

    ## Why is this bad?
    An archive's names should be spelled one way; a glossary records the agreed form.

    ## Example
    ```
    <p>巴基斯坦陆军参谋长阿西姆·穆尼尔（Asim Muneer）说。</p>
    ```

    ## Use instead
    ```
    <p>巴基斯坦陆军参谋长阿西姆·穆尼尔（Asim Munir）说。</p>
    ```

    ## Options
    - `paths` (list of file paths, default none): the glossary files. The `glossary`
      setting of the configuration fills it (resolved relative to the config file). Each
      file is loaded and validated when the configuration is read.

    ## Fix safety
    Safe: the replacement is the form the user's glossary prescribes.
    """

    code = "N005"
    name = "glossary"
    summary = "A name is written differently from the user's glossary"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SAFE
    docs_options: ClassVar[dict[str, object]] = {"paths": (EXAMPLE_GLOSSARY,)}

    class Options(RuleOptions):
        paths: tuple[str, ...] = ()

        @field_validator("paths")
        @classmethod
        def _load(cls, paths: tuple[str, ...]) -> tuple[str, ...]:
            for path in paths:
                load_glossary(path)  # a bad file raises: a config error naming it
            return paths

    def check(self, article: Article) -> Iterator[Diagnostic]:
        paths: tuple[str, ...] = getattr(self.options, "paths", ())
        entries = [entry for path in paths for entry in load_glossary(path)]
        if entries:
            yield from diagnostics(self, article, entries)
