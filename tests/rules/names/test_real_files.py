"""Golden tests of the names family on the sample and the 135 real VOA files.

Reviewed flags on the 135 files:
- N003 at 1047979…:5:1254, `弗雷（Christopher Wray）`: 弗雷 does not transcribe Wray
  (other files write 克里斯托弗·雷); the Chinese is a non-standard rendering, a fair flag.
- N004 at 1047787…:5:784, `克里斯托弗·雷（Chris Wray）` while two other files gloss the
  same Chinese name `Christopher Wray`.
"""

from __future__ import annotations

from pathlib import Path

from lint import Diagnostic, SourceText
from lint.engine import check_corpus, check_source
from rules.names._candidates import glosses
from rules.names.dictionary import Dictionary
from rules.names.gloss_case import GlossCase
from rules.names.gloss_inconsistent import GlossInconsistent
from rules.names.gloss_parts import GlossParts
from rules.names.gloss_phonetic import GlossPhonetic
from rules.names.glossary import Glossary
from tests.support import FIXTURES, SAMPLE, parse

FILE_RULES = (GlossCase, GlossParts, GlossPhonetic, Glossary, Dictionary)
VOA = sorted((FIXTURES / "voa").glob("*.md"))


def _found(path: Path) -> list[Diagnostic]:
    article = parse(path.read_text("utf-8"), path.name)
    return sorted((d for rule in FILE_RULES for d in rule().check(article)),
                  key=Diagnostic.sort_key)


def test_sample_defects_and_nothing_else() -> None:
    found = [(d.span.line, d.span.column, d.code,
              d.fix.edits[0].content if d.fix else None) for d in _found(SAMPLE)]
    assert found == [(5, 497, "N006", "同情与支持"), (5, 819, "N001", "Jan"),
                     (5, 819, "N003", "Jan")]


def test_sample_glosses_are_all_seen() -> None:
    seen = [(g.gloss.name, g.gloss.english)
            for g in glosses(parse(SAMPLE.read_text("utf-8")))]
    assert seen == [
        ("阿西姆·穆尼尔", "Asim Munir"), ("迈克尔·库格曼", "Michael Kugelman"),
        ("劳埃德·奥斯汀", "Lloyd Austin"), ("艾曼·扎瓦希里", "Ayman al-Zawahiri"),
        ("简·阿恰克扎伊", "an Achakzai"), ("托马斯·韦斯特", "Thomas West"),
        ("罗伯特·格雷尼尔", "Robert Grenier"), ("伊姆兰·汗", "Imran Khan")]


def test_voa_files() -> None:
    assert len(VOA) == 135
    seen = sum(len(glosses(parse(p.read_text("utf-8")))) for p in VOA)
    assert seen >= 80  # 86 name glosses when this was written
    found = [(p.name[:7], d.span.line, d.span.column, d.code) for p in VOA
             for d in _found(p)]
    assert found == [("1047979", 5, 1254, "N003")]


def test_voa_files_corpus_pass() -> None:
    rule = GlossInconsistent()
    results = [check_source(p.name, SourceText(p.read_text("utf-8")), [rule]) for p in VOA]
    check_corpus([rule], results)
    found = [(r.path[:7], d.span.line, d.span.column, d.code)
             for r in results for d in r.diagnostics]
    assert found == [("1047787", 5, 784, "N004")]
