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

from lint.html_build import SPECIAL_TAGS, TreeBuilder, new_instance
from lint.html_names import INLINE_ELEMENTS, VOID_ELEMENTS
from lint.html_tags import TOKEN, clean_attributes
from lint.html_tree import (
    ROOT_TAG,
    Attribute,
    Comment,
    Element,
    HtmlProblem,
    ProblemKind,
    TextNode,
)
from lint.records import Value
from lint.textrun import TextRun, decode_references

# `TOKEN`'s groups with only its text part: every tag takes the careful path.
_TEXT_ONLY = re.compile(r"([^<]*+)(?:(?!)()()()())?")

_OPEN, _VOID, _CLOSE = "open", "void", "close"


def _classify(inside: str) -> tuple[str, str, bool, bool, int] | None:
    """What the tag `<inside>` is, if `TOKEN` reads it whole and the main loop may handle
    it by itself: `(kind, tag, self_closing, ends_a_run, width)`, `width` being the
    length of the whole tag; None for anything else (attributes, special elements, a
    self-closed non-void element, broken markup)."""
    match = TOKEN.fullmatch("<" + inside + ">")
    if match is None:
        return None
    _, name, attributes, slash, closing = match.groups()
    tag = (name if closing is None else closing or "").lower()
    if attributes or tag in SPECIAL_TAGS or not tag:
        return None
    width = len(inside) + 2
    if closing is not None:
        return _CLOSE, tag, False, tag not in INLINE_ELEMENTS, width
    if tag in VOID_ELEMENTS:
        return _VOID, tag, slash == "/", tag not in INLINE_ELEMENTS, width
    return None if slash else (_OPEN, tag, False, tag not in INLINE_ELEMENTS, width)


# `_classify`, remembered by `_Parser.tag_at`: the same few tag insides (`p`, `/p`,
# `br`) make up most of every body. Bounded, so that hostile input cannot grow it without
# end; None for an inside that is not simple.
_Simple = tuple[str, str, bool, bool, int]
_SIMPLE: dict[str, _Simple | None] = {}
_NOTHING: dict[str, _Simple | None] = {}

__all__ = ["ROOT_TAG", "Attribute", "Comment", "Element", "HtmlProblem", "ParsedBody",
           "ProblemKind", "TextNode", "parse_fragment"]


class ParsedBody(Value):
    """A plain class with slots rather than a dataclass (~0.5 ms of start-up to create),
    as `@dataclass(slots=True)` made it: compared field by field, unhashable."""

    __slots__ = __match_args__ = ("root", "elements", "comments", "problems", "runs")

    root: Element
    elements: list[Element]
    comments: list[Comment]
    problems: list[HtmlProblem]
    runs: list[TextRun]

    def __init__(self, root: Element, elements: list[Element], comments: list[Comment],
                 problems: list[HtmlProblem], runs: list[TextRun]) -> None:
        self.root = root
        self.elements = elements
        self.comments = comments
        self.problems = problems
        self.runs = runs


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
        del pieces[0]
        self.scan(pieces, lt, _SIMPLE.get if fast else _NOTHING.get, fast)
        self.finish()
        self.root._content_end = self.limit
        return ParsedBody(self.root, self.elements, self.comments, self.problems,
                          self.runs.finish())

    def scan(self, pieces: list[str], lt: int, known: Callable[[str], _Simple | None],
             fast: bool) -> None:
        """Read `pieces`, the body split at every `<` less its first piece, the first one
        starting after the `<` at `lt`. A tag whose whole inside is `known` (`p`,
        `/strong`, `br/`: nearly all) is handled right here, with its text: one function
        for all, since a call per tag would cost more than the work. Any other is read at
        its offset by `tag_at`, which may read beyond its piece (a `<` in a quoted value,
        a script's content): the pieces that it swallowed are skipped, and the text after
        where it stopped is a text node."""
        stack, runs, elements, pending = self.stack, self.runs, self.elements, self.pending
        open_counts = self.open_counts
        after = lt
        remaining = iter(pieces)
        for piece in remaining:
            lt = after
            after = lt + len(piece) + 1  # the next `<`, or the limit
            inside, gt, raw = piece.partition(">")
            info = known(inside) if gt else None
            if info is None:
                pos = self.tag_at(lt, inside if gt else None, fast)
                open_counts = self.open_counts
                while pos > after:  # swallowed: the pieces up to where the reading ended
                    swallowed = next(remaining, None)
                    if swallowed is None:
                        break
                    after += len(swallowed) + 1
                if pos < after:
                    self.text_at(pos, after)
                continue
            kind, tag, self_closing, block, width = info
            end = lt + width
            top = stack[-1]
            if kind is _CLOSE:
                if top.tag != tag or pending:
                    self.close_tag(tag, lt, end)
                    open_counts = self.open_counts
                else:  # the common case: the element on top closes
                    top.close_start = top._content_end = lt
                    top.close_end = end
                    stack.pop()
                    if open_counts is not None:
                        open_counts[tag] -= 1
                    if block and runs.pending is not None:
                        runs.end_block(top)
                if not raw:
                    continue
                top = stack[-1]
            else:
                element = new_instance(Element)  # as `html_build._new_element` does
                element.tag = tag
                element.start = lt
                element.end = end
                element.parent = top
                element.attributes = []
                element.children = []
                element.self_closing = self_closing
                element.close_start = element.close_end = None
                element.depth = top.depth + 1  # = len(stack)
                top.children.append(element)
                elements.append(element)
                if block and runs.pending:
                    runs.flush()
                if kind is _OPEN:
                    element._content_end = None
                    stack.append(element)
                    if open_counts is not None:
                        open_counts[tag] = open_counts.get(tag, 0) + 1
                    top = element
                else:
                    element._content_end = end
                if not raw:
                    continue
            # The text after the tag, up to the next `<` (= `text_at`).
            node = new_instance(TextNode)  # = TextNode(end, after, raw, top)
            node.start = end
            node.end = after
            node.raw = raw
            node.parent = top
            top.children.append(node)
            if self.invisible_depth:
                if "&" in raw:  # still decoded, so that bad references are reported
                    decode_references(self.text, end, after, False, self.problems.append)
            elif runs.pending is None and "&" not in raw:
                runs.pending = node  # a run starts with this literal text
            else:
                runs.add_text(end, after, top, raw)

    def text_at(self, start: int, end: int) -> None:
        """The text node `text[start:end]` after markup read the careful way, as the main
        loop adds one after a tag."""
        raw = self.text[start:end]
        parent = self.stack[-1]
        node = TextNode(start, end, raw, parent)
        parent.children.append(node)
        if self.invisible_depth:
            if "&" in raw:
                decode_references(self.text, start, end, False, self.problems.append)
        elif self.runs.pending is None and "&" not in raw:
            self.runs.pending = node
        else:
            self.runs.add_text(start, end, parent, raw)

    def tag_at(self, lt: int, inside: str | None, fast: bool) -> int:
        """Read the markup at `lt` (a `<`) the careful way; return the offset after it.
        `inside` is the text up to the next `>` (None without one): once classified, a
        tag that is seen again may be handled by `scan` itself, and a clean start tag
        with attributes is read from its template (`_TEMPLATES`)."""
        if fast and inside is not None:
            template = _TEMPLATES.get(inside)
            if template is not None:
                tag, self_closing, kept = template
                return self.start_element(tag, lt, lt + len(inside) + 2,
                                          _attributes_at(kept, lt), self_closing)
            if len(inside) <= 24 and inside not in _SIMPLE and len(_SIMPLE) < 2048:
                _SIMPLE[inside] = _classify(inside)
        match = (TOKEN if fast else _TEXT_ONLY).match(self.text, lt, self.limit)
        assert match is not None  # for type checkers: both patterns match anywhere
        _, name, attributes, slash, closing = match.groups()
        if name is not None:
            end = match.end()
            if attributes and inside is not None and end == lt + len(inside) + 2 \
                    and fast and len(inside) <= _TEMPLATE_MAX and "&" not in inside:
                return self.remembered_start_tag(lt, end, name, attributes, slash, inside)
            return self.clean_start_tag(lt, end, name, attributes, slash)
        if closing is not None:
            return self.clean_end_tag(lt, match.end(), closing)
        self.pos = lt
        self.markup(lt)
        return self.pos

    def remembered_start_tag(self, lt: int, end: int, name: str, attributes: str,
                             slash: str, inside: str) -> int:
        """`clean_start_tag` for the tag `<inside>`, whose template is then kept: its
        name, whether it is self-closed and its attributes, with offsets from `lt`."""
        first = lt + 1 + len(name)
        read = clean_attributes(self.text, first, first + len(attributes), self.problems.append)
        if len(_TEMPLATES) >= _TEMPLATES_KEPT:
            _TEMPLATES.clear()  # (bounded; and the tags of the files read now matter most)
        _TEMPLATES[inside] = (name.lower(), slash == "/", tuple(
            (a.name, a.name_start - lt, a.name_end - lt, a.value,
             None if a.value_start is None else a.value_start - lt,
             None if a.value_end is None else a.value_end - lt, a.quote, a.end - lt)
            for a in read))
        return self.start_element(name.lower(), lt, end, read, slash == "/")


# Clean start tags with attributes (`<a class="x" href="…">`), by their inside: the tag,
# whether it is self-closed, and each attribute (name, its span, value, the value's span,
# quote, end) with offsets from the `<`. An outlet's templates repeat the same tags in
# every article (`<small style="color: #999;">`), and building their attributes again
# costs a fraction of matching them. Only tags whose `>` is the first one after the `<`
# (so that the inside determines the whole tag) and without `&` (whose decoding may report
# a problem at its offset) are kept.
_Template = tuple[str, bool, tuple[tuple[str, int, int, "str | None", "int | None",
                                         "int | None", str, int], ...]]
_TEMPLATES: dict[str, _Template] = {}
_TEMPLATE_MAX = 400  # characters of a tag's inside
_TEMPLATES_KEPT = 1024


def _attributes_at(template: tuple[tuple[str, int, int, str | None, int | None, int | None,
                                         str, int], ...], lt: int) -> list[Attribute]:
    """The attributes of a `_TEMPLATES` entry for the tag at `lt`, as `clean_attributes`
    reads them."""
    made = []
    for name, name_start, name_end, value, value_start, value_end, quote, end in template:
        attribute = new_instance(Attribute)  # = Attribute(name, lt + name_start, …)
        attribute.name = name
        attribute.name_start = lt + name_start
        attribute.name_end = lt + name_end
        attribute.value = value
        if value_start is None:
            attribute.value_start = attribute.value_end = None
        else:
            attribute.value_start = lt + value_start
            attribute.value_end = lt + value_end  # type: ignore[operator]
        attribute.quote = quote
        attribute.end = lt + end
        made.append(attribute)
    return made
