"""A strict, offset-preserving HTML tokenizer and tree builder for article bodies.

lxml reports no columns, so the body is tokenized here: every tag, attribute, text node and
character reference keeps its exact code-point offsets. The tree is built from the same
tokens, so offsets and tree can never disagree. The reading is strict on purpose (the body
is a fragment written by a feed renderer): every non-void element must be closed
explicitly and in order; whatever is not is recorded as an `HtmlProblem` instead of being
silently repaired.

The body is split at every `<` (one C call); the main loop here handles the tags that
make up nearly every body (`<p>`, `</strong>`, `<br>`: no attributes, nothing special)
and their text itself, and hands everything else to the careful reading in
`lint.html_build` / `lint.html_tags`, at its offset.

Everything here is linear in the input: tags are found with `str.split`, `str.find` and
anchored regexes without nested quantifiers; closing tags that do not close the top
element are matched against per-name counts of open elements, so stray end tags never
rescan the stack. Nothing is fetched or expanded: no DTDs, no entity definitions, only the
fixed HTML5 character-reference table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lint.html_build import SPECIAL_TAGS, TreeBuilder, new_instance
from lint.html_names import INLINE_ELEMENTS, VOID_ELEMENTS
from lint.html_tags import TOKEN
from lint.html_tree import (
    ROOT_TAG,
    Attribute,
    Comment,
    Element,
    HtmlProblem,
    ProblemKind,
    TextNode,
)
from lint.textrun import TextRun, decode_references

# `TOKEN`'s groups with only its text part: every tag takes the careful path.
_TEXT_ONLY = re.compile(r"([^<]*+)(?:(?!)()()()())?")

_OPEN, _VOID, _CLOSE = "open", "void", "close"


def _classify(inside: str) -> tuple[str, str, bool, bool] | None:
    """What the tag `<inside>` is, if `TOKEN` reads it whole and the main loop may handle
    it by itself: `(kind, tag, self_closing, ends_a_run)`; None for anything else
    (attributes, special elements, a self-closed non-void element, broken markup)."""
    match = TOKEN.fullmatch("<" + inside + ">")
    if match is None:
        return None
    _, name, attributes, slash, closing = match.groups()
    tag = (name if closing is None else closing or "").lower()
    if attributes or tag in SPECIAL_TAGS or not tag:
        return None
    if closing is not None:
        return _CLOSE, tag, False, tag not in INLINE_ELEMENTS
    if tag in VOID_ELEMENTS:
        return _VOID, tag, slash == "/", tag not in INLINE_ELEMENTS
    return None if slash else (_OPEN, tag, False, tag not in INLINE_ELEMENTS)


# `_classify`, remembered by `_Parser.tag_at`: the same few tag insides (`p`, `/p`,
# `br`) make up most of every body. Bounded, so that hostile input cannot grow it without
# end; None for an inside that is not simple.
_SIMPLE: dict[str, tuple[str, str, bool, bool] | None] = {}
_NOTHING: dict[str, tuple[str, str, bool, bool] | None] = {}

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


class _Parser(TreeBuilder):
    """One parse: the main loop; the careful reading is `TreeBuilder`'s."""

    def run(self, fast: bool = True) -> ParsedBody:
        """`fast=False` reads every tag carefully (tests compare both readings)."""
        # The body split at every `<`: each piece after the first is a tag and the text up
        # to the next `<` (one C call finds them all).
        start = self.pos
        pieces = self.text[start:self.limit].split("<")
        lt = start + len(pieces[0])  # the first `<`
        if lt > start:
            self.add_text(start, lt, pieces[0])
        self.scan(pieces, lt, _SIMPLE.get if fast else _NOTHING.get, fast)
        self.finish()
        self.root._content_end = self.limit
        return ParsedBody(self.root, self.elements, self.comments, self.problems,
                          self.runs.finish())

    def scan(self, pieces: list[str], lt: int,
             known: Callable[[str], tuple[str, str, bool, bool] | None], fast: bool) -> None:
        """Read `pieces[1:]` (`pieces[0]` is dropped), the first one starting after the `<`
        at `lt`. A tag whose whole inside is `known` (`p`, `/strong`, `br/`: nearly all)
        is handled right here, with its text: one function for all, since a call per tag
        would cost more than the work. Any other is read at its offset by `tag_at`, and
        the pieces that this reading swallowed (a `<` in a quoted value, a script's
        content) are skipped."""
        text, stack, runs, elements, pending = (self.text, self.stack, self.runs,
                                                self.elements, self.pending)
        pos = lt  # everything before `pos` has been read
        del pieces[0]
        for piece in pieces:
            after = lt + len(piece) + 1  # the next `<`, or the limit
            if pos == lt:
                inside, gt, raw = piece.partition(">")
                info = known(inside) if gt else None
                if info is None:
                    pos = self.tag_at(lt, inside if gt else None, fast)
                    raw = text[pos:after] if pos < after else ""
                else:
                    kind, tag, self_closing, block = info
                    pos = end = lt + len(inside) + 2
                    parent = stack[-1]
                    if kind is _CLOSE:
                        if parent.tag != tag or pending:
                            self.close_tag(tag, lt, end)
                        else:  # the common case: the element on top closes
                            parent.close_start = parent._content_end = lt
                            parent.close_end = end
                            stack.pop()
                            if self.open_counts is not None:
                                self.open_counts[tag] -= 1
                            if block and runs.pending:
                                runs.flush()
                    else:
                        element = new_instance(Element)  # as `html_build._new_element` does
                        element.tag = tag
                        element.start = lt
                        element.end = end
                        element.parent = parent
                        element.attributes = []
                        element.children = []
                        element.self_closing = self_closing
                        element.close_start = element.close_end = None
                        element.depth = parent.depth + 1  # = len(stack)
                        parent.children.append(element)
                        elements.append(element)
                        if block and runs.pending:
                            runs.flush()
                        if kind is _OPEN:
                            element._content_end = None
                            stack.append(element)
                            if self.open_counts is not None:
                                self.open_counts[tag] = self.open_counts.get(tag, 0) + 1
                        else:
                            element._content_end = end
            elif pos < after:  # a careful reading ended inside this piece
                raw = text[pos:after]
            else:  # or beyond it
                lt = after
                continue
            if raw:  # the text after the tag, up to the next `<`
                parent = stack[-1]
                node = new_instance(TextNode)  # = TextNode(pos, after, raw, parent)
                node.start = pos
                node.end = after
                node.raw = raw
                node.parent = parent
                parent.children.append(node)
                if self.invisible_depth:
                    if "&" in raw:  # still decoded, so that bad references are reported
                        decode_references(text, pos, after, False, self.problems.append)
                elif runs.pending is None and "&" not in raw:
                    runs.pending = node  # a run starts with this literal text
                else:
                    runs.add_text(pos, after, parent, raw)
                pos = after
            lt = after
        self.pos = pos

    def tag_at(self, lt: int, inside: str | None, fast: bool) -> int:
        """Read the markup at `lt` (a `<`) the careful way; return the offset after it.
        `inside` is the text up to the next `>` (None without one): once classified, a
        tag that is seen again may be handled by `scan` itself."""
        if fast and inside is not None and len(inside) <= 24 and inside not in _SIMPLE \
                and len(_SIMPLE) < 2048:
            _SIMPLE[inside] = _classify(inside)
        match = (TOKEN if fast else _TEXT_ONLY).match(self.text, lt, self.limit)
        assert match is not None  # for type checkers: both patterns match anywhere
        _, name, attributes, slash, closing = match.groups()
        if name is not None:
            return self.clean_start_tag(lt, match.end(), name, attributes, slash)
        if closing is not None:
            return self.clean_end_tag(lt, match.end(), closing)
        self.pos = lt
        self.markup(lt)
        return self.pos
