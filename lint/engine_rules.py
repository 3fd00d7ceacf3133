"""Codes the engine itself reports. They are rules in the registry (so that they can be
selected, ignored and documented like any other) but their `check` finds nothing: the
engine raises them while reading files and running the other rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from lint.models import Diagnostic, FixAvailability, Severity
from lint.rule import Rule

if TYPE_CHECKING:
    from lint.article import Article


class EngineRule(Rule):
    engine: ClassVar[bool] = True

    def check(self, article: Article) -> Iterator[Diagnostic]:
        return iter(())


class InternalError(EngineRule):
    """## What it does
    Reports a rule that crashed, or that returned a diagnostic whose position lies outside
    the file, while checking a file. The other rules still run on that file, and the other
    files are still checked; the run exits with code 2.

    ## Why is this bad?
    A crashed rule checked nothing, so a clean result for that file would be a lie.

    ## Example
    A plugin rule that raises `KeyError` on an article without a date.

    ## Use instead
    Report the message (it names the rule and the exception) to the rule's authors, and
    `--ignore` the rule until it is fixed.

    ## Options
    None.

    ## Fix safety
    No fix.
    """

    code = "X002"
    name = "internal-error"
    summary = "A rule failed on this file"
    severity = Severity.ERROR


class UnreadableFile(EngineRule):
    """## What it does
    Reports a file that cannot be read, or that is not valid UTF-8 (with the byte offset of
    the first bad byte and its line and column).

    ## Why is this bad?
    Article files are UTF-8. A file in another encoding, a truncated multi-byte sequence or
    binary data under a `.md` name cannot be checked at all.

    ## Example
    A file saved as GBK, or holding the byte `0xFF`.

    ## Use instead
    Re-encode the file as UTF-8 (`iconv -f GBK -t UTF-8`).

    ## Options
    None.

    ## Fix safety
    No fix: only a person can tell which encoding was meant.
    """

    code = "X003"
    name = "unreadable-file"
    summary = "The file cannot be read or is not UTF-8"
    severity = Severity.ERROR


class UnusedSuppression(EngineRule):
    """## What it does
    Reports an inline suppression comment (`<!-- articlelint-disable … -->`,
    `articlelint-disable-next`, `articlelint-disable-file`) that suppressed no diagnostic,
    a code in a suppression that matched nothing while its other codes did, and an
    `articlelint-enable` that ends no disabled range.

    ## Why is this bad?
    A stale suppression hides nothing today but will silently hide a real problem that
    appears later in its range. Archived text should carry as few tool comments as possible.

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><!-- articlelint-disable-next S011 --><p>正文。</p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Options
    None. A suppression of a rule that is not selected for the file is unused too.

    ## Fix safety
    Safe: the fix removes the comment (and the `articlelint-enable` comments that end only
    its ranges), or just the unused code, and nothing else.
    """

    code = "X001"
    name = "unused-suppression"
    summary = "An inline suppression that suppresses nothing"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SAFE


class InvalidSuppression(EngineRule):
    """## What it does
    Reports a comment that starts with `articlelint` but is not a valid directive
    (`articlelint-disable`, `articlelint-enable`, `articlelint-disable-next`,
    `articlelint-disable-file`), and a code or name in a directive that no rule has.

    ## Why is this bad?
    A misspelt directive or code suppresses nothing, so the diagnostic it was meant to
    silence still shows up, or (worse) the writer believes the text was checked.

    ## Example
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><!-- articlelint-disabel-next Q999 --><p>正文。</p>
    ```

    ## Use instead
    ```
    <div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文。</p>
    ```

    ## Options
    None.

    ## Fix safety
    No fix: only a person knows which rule was meant.
    """

    code = "X004"
    name = "invalid-suppression"
    summary = "A malformed inline suppression or an unknown code in one"
    severity = Severity.ERROR


ENGINE_RULES: tuple[type[Rule], ...] = (UnusedSuppression, InternalError, UnreadableFile,
                                        InvalidSuppression)
# Codes the engine reports itself; inline suppressions never hide them.
ENGINE_CODES: frozenset[str] = frozenset(rule.code for rule in ENGINE_RULES)
