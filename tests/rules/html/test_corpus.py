"""The H rules on real archives: the sample and the 135 VOA files.

Every diagnostic here was reviewed by hand and is a real defect; a new one (or a missing
one) after a change to the tokenizer or the rules must be reviewed the same way.
"""

from __future__ import annotations

from collections import Counter

from lint import SourceText
from lint.engine import check_source
from rules.html.block_in_inline import BlockInInline
from rules.html.duplicate_attribute import DuplicateAttribute
from rules.html.html_syntax import HtmlSyntax
from rules.html.unknown_element import UnknownElement
from rules.html.unsafe_content import UnsafeContent
from tests.support import FIXTURES, SAMPLE, parse

RULES = [HtmlSyntax(), BlockInInline(), DuplicateAttribute(), UnsafeContent(),
         UnknownElement()]
VOA = sorted((FIXTURES / "voa").glob("*.md"))

# file, line:col, code, and why it is a real defect.
EXPECTED = [
    # alt="独派学生组织"学生动源"前召集人…": the ASCII quotes around 学生动源 end the
    # value early; a browser reads `学生动源"前召集人…` as junk attribute names.
    ("1048187_港版国安法实施前多个政治组织解散 社运领袖谈山雨欲来感受.md", "5:2039", "H001"),
]


def test_the_corpus_is_complete() -> None:
    assert len(VOA) == 135


def test_every_h_diagnostic_on_the_real_files_is_a_reviewed_defect() -> None:
    found = []
    for path in VOA:
        result = check_source(path.name, SourceText(path.read_text(encoding="utf-8")), RULES)
        for d in result.diagnostics:
            found.append((path.name, f"{d.span.line}:{d.span.column}", d.code))
    assert found == EXPECTED


def test_tokenizer_problems_on_the_real_files() -> None:
    kinds: Counter[str] = Counter()
    for path in VOA:
        article = parse(path.read_text(encoding="utf-8"))
        assert article.body is not None
        kinds.update(problem.kind.value for problem in article.body.problems)
    assert kinds == {"bad-attribute": 1}


def test_the_sample_has_no_h_diagnostics() -> None:
    result = check_source("sample.md", SourceText(SAMPLE.read_text(encoding="utf-8")), RULES)
    assert result.diagnostics == []
