"""A strict, offset-preserving HTML tokenizer and tree builder for article bodies.

lxml reports no columns, so the body is tokenized here: every tag, attribute, text node and
character reference keeps its exact code-point offsets. The tree is built from the same
tokens, so offsets and tree can never disagree. The reading is strict on purpose (the body
is a fragment written by a feed renderer): every non-void element must be closed
explicitly and in order; whatever is not is recorded as an `HtmlProblem` instead of being
silently repaired.

Everything here is linear in the input: tags are found with `str.find` and anchored
regexes without nested quantifiers; closing tags are matched against per-name counts of
open elements, so stray end tags never rescan the stack. Nothing is fetched or expanded:
no DTDs, no entity definitions, only the fixed HTML5 character-reference table.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from lint.html_names import FOREIGN_ROOTS, INVISIBLE_ELEMENTS, RAW_TEXT_ELEMENTS, VOID_ELEMENTS
from lint.html_tags import TAG_NAME, WS, TagReader
from lint.html_tree import (
    ROOT_TAG,
    Attribute,
    Comment,
    Element,
    HtmlProblem,
    ProblemKind,
    TextNode,
)
from lint.textrun import RunBuilder, TextRun, decode_references, snip

__all__ = ["ROOT_TAG", "Attribute", "Comment", "Element", "HtmlProblem", "ParsedBody",
           "ProblemKind", "TextNode", "parse_fragment"]


@dataclass(slots=True)
class ParsedBody:
    root: Element
    elements: list[Element]
    comments: list[Comment]
    problems: list[HtmlProblem]
    runs: list[TextRun]


def parse_fragment(text: str, start: int, end: int) -> ParsedBody:
    """Tokenize `text[start:end]` and build the strict tree; offsets are into `text`."""
    return _Parser(text, start, end).run()


class _Positions:
    """`offset -> "line:col"` for messages (LF lines, code-point columns, as
    `SourceText.position`); the line table is built on first use only."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None

    def __call__(self, offset: int) -> str:
        if self.starts is None:
            starts, find, pos = [0], self.text.find, self.text.find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self.starts = starts
        index = bisect_right(self.starts, offset) - 1
        return f"{index + 1}:{offset - self.starts[index] + 1}"


class _Parser:
    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.pos = start
        self.limit = end
        self.root = Element(ROOT_TAG, start, start, depth=0)
        self.stack: list[Element] = [self.root]
        self.open_counts: Counter[str] = Counter()
        self.elements: list[Element] = []
        self.comments: list[Comment] = []
        self.problems: list[HtmlProblem] = []
        self.runs = RunBuilder(text, self.problems.append)
        self.where = _Positions(text)
        self.tags = TagReader(text, end, self.problems.append, self.where)
        self.invisible_depth = 0
        self.foreign_depth = 0  # inside <svg> or <math>, `<x/>` is a complete element
        # Elements that an ancestor's end tag closed early, per the element that was open
        # after that end tag: their own end tag may still follow (`<p><i>x</p></i>`).
        self.pending: dict[Element, list[tuple[Element, int]]] = {}

    def problem(self, kind: ProblemKind, start: int, end: int, detail: str,
                related: int | None = None) -> None:
        self.problems.append(HtmlProblem(kind, start, end, detail, related))

    # -- main loop ---------------------------------------------------------------------

    def run(self) -> ParsedBody:
        text, limit = self.text, self.limit
        while self.pos < limit:
            lt = text.find("<", self.pos, limit)
            if lt == -1:
                self.add_text(self.pos, limit)
                break
            if lt > self.pos:
                self.add_text(self.pos, lt)
            self.pos = lt
            self.markup(lt)
        self.finish()
        self.root._content_end = limit
        return ParsedBody(self.root, self.elements, self.comments, self.problems,
                          self.runs.finish())

    def markup(self, lt: int) -> None:
        text = self.text
        nxt = text[lt + 1] if lt + 1 < self.limit else ""
        if nxt.isascii() and nxt.isalpha():
            element = self.tags.start_tag(lt)
            self.pos = element.end
            self.open_element(element, keep_open=not self.tags.last_broken)
        elif nxt == "/":
            after = text[lt + 2] if lt + 2 < self.limit else ""
            if after.isascii() and after.isalpha():
                self.end_tag(lt)
            elif after == ">":
                self.bogus(lt, lt + 2, "empty end tag `</>`; remove it")
            else:
                self.bogus(lt, lt + 2, "`</` not followed by an element name; write `&lt;/` "
                           "if it is meant as text")
        elif nxt == "!":
            if text.startswith("<!--", lt):
                self.comment(lt)
            elif text[lt + 2 : lt + 9].lower() == "doctype":
                self.doctype(lt)
            else:
                self.bogus(lt, lt + 2, "`<!` that is neither a comment nor a doctype; "
                           "remove it")
        elif nxt == "?":
            self.bogus(lt, lt + 2, "processing instruction `<?…>` in HTML; remove it")
        else:
            self.problem(ProblemKind.BARE_LESS_THAN, lt, lt + 1,
                         "`<` not followed by an element name; write `&lt;`")
            self.add_text(lt, lt + 1)
            self.pos = lt + 1

    # -- tokens ------------------------------------------------------------------------

    def add_text(self, start: int, end: int) -> None:
        parent = self.stack[-1]
        parent.children.append(TextNode(start, end, self.text[start:end], parent))
        if self.invisible_depth == 0:
            self.runs.add_text(start, end, parent)
        else:
            # Still decode references so that bad ones are reported everywhere.
            decode_references(self.text, start, end, False, self.problems.append)

    def comment(self, lt: int) -> None:
        close = self.text.find("-->", lt + 4, self.limit)
        if close == -1:
            self.problem(ProblemKind.UNTERMINATED_COMMENT, lt, lt + 4,
                         f"the comment opened at {self.where(lt)} is never closed with "
                         "`-->`; it hides the rest of the body")
            end, content_end = self.limit, self.limit
        else:
            end, content_end = close + 3, close
        self.comments.append(
            Comment(lt, end, lt + 4, content_end, self.text[lt + 4 : content_end]))
        self.pos = end

    def doctype(self, lt: int) -> None:
        """Skip a DOCTYPE whole, internal subset included: it is reported, never read (no
        entity is defined or expanded, no external DTD is fetched)."""
        text = self.text
        gt = text.find(">", lt, self.limit)
        bracket = text.find("[", lt, gt if gt != -1 else self.limit)
        if bracket != -1:
            close = text.find("]", bracket, self.limit)
            gt = text.find(">", close, self.limit) if close != -1 else -1
        end = self.limit if gt == -1 else gt + 1
        self.problem(ProblemKind.DOCTYPE, lt, end,
                     "a DOCTYPE does not belong in an article body; remove it")
        self.pos = end

    def bogus(self, lt: int, after: int, detail: str) -> None:
        gt = self.text.find(">", after, self.limit)
        end = self.limit if gt == -1 else gt + 1
        self.problem(ProblemKind.BOGUS_MARKUP, lt, end, detail)
        self.pos = end

    def open_element(self, element: Element, keep_open: bool = True) -> None:
        parent = self.stack[-1]
        element.parent, element.depth = parent, len(self.stack)
        parent.children.append(element)
        self.elements.append(element)
        tag = element.tag
        self.runs.boundary_open(element)
        if tag in VOID_ELEMENTS or not keep_open:
            element._content_end = element.end
            return
        if element.self_closing:
            if self.foreign_depth == 0:
                self.problem(
                    ProblemKind.SELF_CLOSING_NON_VOID, element.start, element.end,
                    f"`<{tag}/>` is not an empty element in HTML (browsers read an open "
                    f"`<{tag}>`); write `<{tag}></{tag}>`")
            element._content_end = element.end
            return
        self.stack.append(element)
        self.open_counts[tag] += 1
        if tag in INVISIBLE_ELEMENTS:
            self.invisible_depth += 1
        if tag in FOREIGN_ROOTS:
            self.foreign_depth += 1
        if tag in RAW_TEXT_ELEMENTS:
            self.raw_text(element)

    def raw_text(self, element: Element) -> None:
        """Script-like content runs to the matching end tag, whatever it holds."""
        closer = re.compile(r"</" + re.escape(element.tag) + r"[ \t\n\f\r/>]", re.IGNORECASE)
        match = closer.search(self.text, self.pos, self.limit)
        end = self.limit if match is None else match.start()
        if end > self.pos:
            element.children.append(TextNode(self.pos, end, self.text[self.pos:end], element))
        self.pos = end

    def end_tag(self, lt: int) -> None:
        text = self.text
        match = TAG_NAME.match(text, lt + 2, self.limit)
        assert match is not None
        tag = match.group().lower()
        gt = text.find(">", match.end(), self.limit)
        end = self.limit if gt == -1 else gt + 1
        shown = snip(tag)
        if gt == -1:
            self.problem(ProblemKind.UNTERMINATED_TAG, lt, lt + 2,
                         f"the end tag `</{shown}` is never closed with `>`")
        elif text[match.end():gt].strip(WS):
            self.problem(ProblemKind.END_TAG_ATTRIBUTES, lt, end,
                         f"the end tag `</{shown}>` carries attributes; remove them")
        self.pos = end
        if tag in VOID_ELEMENTS:
            advice = "write `<br>`" if tag == "br" else "remove it"
            self.problem(ProblemKind.VOID_END_TAG, lt, end,
                         f"`</{tag}>`: `<{tag}>` is a void element and takes no end tag; "
                         f"{advice}")
            return
        if self.open_counts[tag] == 0:
            if not self.late_end_tag(tag, lt, end):
                self.problem(ProblemKind.STRAY_END_TAG, lt, end,
                             f"the end tag `</{shown}>` has no open `<{shown}>`; remove it")
            return
        closed: list[tuple[Element, int]] = []
        while self.stack[-1].tag != tag:
            top = self.stack[-1]
            closed.append((top, len(self.problems)))
            self.problem(ProblemKind.UNCLOSED_ELEMENT, top.start, top.end,
                         f"`<{top.tag}>` opened at {self.where(top.start)} is never closed "
                         f"before `</{tag}>` at {self.where(lt)}", related=lt)
            self.close_top(lt)
        top = self.stack[-1]
        top.close_start, top.close_end = lt, end
        self.close_top(lt)
        if closed:
            self.pending.setdefault(self.stack[-1], []).extend(
                (element, index) for element, index in closed)

    def late_end_tag(self, tag: str, lt: int, end: int) -> bool:
        """`</i>` in `<p><i>x</p></i>`: the end tag of an element that an outer end tag
        already closed. Turn that element's unclosed problem into one misnesting problem
        at this end tag; True if it was one."""
        waiting = self.pending.get(self.stack[-1])
        if not waiting:
            return False
        for position in range(len(waiting) - 1, -1, -1):
            element, index = waiting[position]
            if element.tag == tag:
                del waiting[position]
                outer = self.problems[index].related
                assert outer is not None
                outer_tag = snip(TAG_NAME.match(self.text, outer + 2).group())  # type: ignore[union-attr]
                self.problems[index] = HtmlProblem(
                    ProblemKind.MISNESTED_END_TAG, lt, end,
                    f"`</{tag}>` closes `<{tag}>` (opened at {self.where(element.start)}) "
                    f"after `</{outer_tag}>` at {self.where(outer)} closed the element "
                    f"around it; move `</{tag}>` before `</{outer_tag}>`",
                    related=element.start)
                return True
        return False

    def close_top(self, at: int) -> None:
        element = self.stack.pop()
        element._content_end = at
        self.open_counts[element.tag] -= 1
        if element.tag in INVISIBLE_ELEMENTS:
            self.invisible_depth -= 1
        if element.tag in FOREIGN_ROOTS:
            self.foreign_depth -= 1
        self.pending.pop(element, None)
        self.runs.boundary_close(element)

    def finish(self) -> None:
        while len(self.stack) > 1:
            top = self.stack[-1]
            self.problem(ProblemKind.UNCLOSED_ELEMENT, top.start, top.end,
                         f"`<{top.tag}>` opened at {self.where(top.start)} is never closed")
            self.close_top(self.limit)
