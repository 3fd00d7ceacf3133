"""The tree builder's careful half: everything `lint.html`'s main loop does not handle
by itself (broken or unusual markup, attributes, special elements, misnesting).

`TreeBuilder` holds the state of one parse (the stack of open elements, the element list,
the text runs in the making) and reads any markup at an offset with exact positions; the
strict rules (every non-void element closed explicitly and in order) and the problems
recorded when they are broken are described in `lint.html`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lint.html_names import (
    FOREIGN_ROOTS,
    INLINE_ELEMENTS,
    INVISIBLE_ELEMENTS,
    RAW_TEXT_ELEMENTS,
    VOID_ELEMENTS,
)
from lint.html_tags import TAG_NAME, WS, TagReader, clean_attributes
from lint.html_tree import (
    ROOT_TAG,
    Attribute,
    Comment,
    Element,
    HtmlProblem,
    ProblemKind,
    TextNode,
)
from lint.textrun import RunBuilder, decode_references, snip

# Objects of the hot path are made without a call to their `__init__` (a third of their
# cost): the slots are set directly, to the same values `__init__` would set.
new_instance = object.__new__


def _new_element(tag: str, start: int, end: int, parent: Element, attributes: list[Attribute],
                 self_closing: bool, depth: int) -> Element:
    """`Element(tag, start, end, parent, attributes, [], self_closing, depth=depth)`."""
    element = new_instance(Element)
    element.tag, element.start, element.end, element.parent = tag, start, end, parent
    element.attributes, element.children, element.self_closing = attributes, [], self_closing
    element.close_start = element.close_end = element._content_end = None
    element.depth = depth
    return element


# Tags that need more than being pushed on the stack (the set is only a quick test).
SPECIAL_TAGS = INVISIBLE_ELEMENTS | FOREIGN_ROOTS | RAW_TEXT_ELEMENTS


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

class TreeBuilder:
    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.pos = start
        self.limit = end
        self.root = Element(ROOT_TAG, start, start, depth=0)
        self.stack: list[Element] = [self.root]
        self.open_counts: dict[str, int] | None = None  # see `count_open`
        self.elements: list[Element] = []
        self.comments: list[Comment] = []
        self.problems: list[HtmlProblem] = []
        self.runs = RunBuilder(text, self.problems.append)
        self.where = _Positions(text)
        self._tags: TagReader | None = None  # the careful reader, made when first needed
        self.invisible_depth = 0
        self.foreign_depth = 0  # inside <svg> or <math>, `<x/>` is a complete element
        # Elements that an ancestor's end tag closed early, per the element that was open
        # after that end tag: their own end tag may still follow (`<p><i>x</p></i>`).
        self.pending: dict[Element, list[tuple[Element, int]]] = {}

    @property
    def tags(self) -> TagReader:
        if self._tags is None:
            self._tags = TagReader(self.text, self.limit, self.problems.append, self.where)
        return self._tags

    def problem(self, kind: ProblemKind, start: int, end: int, detail: str,
                related: int | None = None) -> None:
        self.problems.append(HtmlProblem(kind, start, end, detail, related))

    def count_open(self) -> dict[str, int]:
        """Per tag, how many elements are open. Counted from the stack when an end tag
        first does not close the top element (rare), then kept up to date."""
        if self.open_counts is None:
            counts: dict[str, int] = {}
            for element in self.stack[1:]:
                counts[element.tag] = counts.get(element.tag, 0) + 1
            self.open_counts = counts
        return self.open_counts

    def clean_start_tag(self, lt: int, end: int, name: str, attributes: str,
                        slash: str) -> int:
        """The start tag `text[lt:end]`, which `TOKEN` matched whole; return the offset
        after it (after its content, for a raw-text element)."""
        if attributes:
            first = lt + 1 + len(name)
            read = clean_attributes(self.text, first, first + len(attributes),
                                    self.problems.append)
        else:
            read = []
        return self.start_element(name.lower(), lt, end, read, slash == "/")

    def start_element(self, tag: str, lt: int, end: int, read: list[Attribute],
                      self_closing: bool) -> int:
        """The clean start tag `text[lt:end]` of `<tag>` with the attributes `read`;
        return the offset after it (after its content, for a raw-text element)."""
        parent = self.stack[-1]
        element = _new_element(tag, lt, end, parent, read, self_closing, len(self.stack))
        if self_closing or tag in SPECIAL_TAGS or tag in VOID_ELEMENTS:
            self.pos = end
            self.place(element)
            return self.pos
        # The common case, inline: an ordinary element opens.
        parent.children.append(element)
        self.elements.append(element)
        if tag not in INLINE_ELEMENTS and self.runs.pending:
            self.runs.flush()
        self.stack.append(element)
        if self.open_counts is not None:
            self.open_counts[tag] = self.open_counts.get(tag, 0) + 1
        return end

    def clean_end_tag(self, lt: int, end: int, name: str) -> int:
        """The end tag `text[lt:end]`, which `TOKEN` matched whole; return `end`."""
        tag = name.lower()
        top = self.stack[-1]
        if top.tag != tag or tag in SPECIAL_TAGS or self.pending:
            self.pos = end
            self.close_tag(tag, lt, end)
            return end
        # The common case, inline: the element on top closes.
        top.close_start, top.close_end, top._content_end = lt, end, lt
        self.stack.pop()
        if self.open_counts is not None:
            self.open_counts[tag] -= 1
        if tag not in INLINE_ELEMENTS and self.runs.pending:
            self.runs.flush()
        return end

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

    def add_text(self, start: int, end: int, raw: str | None = None) -> None:
        """Add the text node `text[start:end]` (`raw`, when the caller has that slice)."""
        parent = self.stack[-1]
        if raw is None:
            raw = self.text[start:end]
        parent.children.append(TextNode(start, end, raw, parent))
        if self.invisible_depth == 0:
            self.runs.add_text(start, end, parent, raw)
        elif "&" in raw:
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
        element.parent, element.depth = self.stack[-1], len(self.stack)
        self.place(element, keep_open)

    def place(self, element: Element, keep_open: bool = True) -> None:
        """Add `element` (its parent and depth set) to the tree and, unless it is void,
        self-closed or broken, open it."""
        element.parent.children.append(element)  # type: ignore[union-attr]
        self.elements.append(element)
        tag = element.tag
        if tag not in INLINE_ELEMENTS and self.runs.pending:
            self.runs.flush()
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
        if self.open_counts is not None:
            self.open_counts[tag] = self.open_counts.get(tag, 0) + 1
        if tag in SPECIAL_TAGS:
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
        """An end tag that `TOKEN` did not take: it may be unterminated or carry
        attributes."""
        text = self.text
        match = TAG_NAME.match(text, lt + 2, self.limit)
        assert match is not None
        tag = match.group().lower()
        gt = text.find(">", match.end(), self.limit)
        end = self.limit if gt == -1 else gt + 1
        if gt == -1:
            self.problem(ProblemKind.UNTERMINATED_TAG, lt, lt + 2,
                         f"the end tag `</{snip(tag)}` is never closed with `>`")
        elif text[match.end():gt].strip(WS):
            self.problem(ProblemKind.END_TAG_ATTRIBUTES, lt, end,
                         f"the end tag `</{snip(tag)}>` carries attributes; remove them")
        self.pos = end
        self.close_tag(tag, lt, end)

    def close_tag(self, tag: str, lt: int, end: int) -> None:
        """Apply the end tag `</tag>` at `text[lt:end]` to the open elements."""
        top = self.stack[-1]
        if top.tag == tag:  # the common case, well nested (a void element is never open)
            top.close_start, top.close_end = lt, end
            self.close_top(lt)
            return
        if tag in VOID_ELEMENTS:
            advice = "write `<br>`" if tag == "br" else "remove it"
            self.problem(ProblemKind.VOID_END_TAG, lt, end,
                         f"`</{tag}>`: `<{tag}>` is a void element and takes no end tag; "
                         f"{advice}")
            return
        if not self.count_open().get(tag):
            if not self.late_end_tag(tag, lt, end):
                shown = snip(tag)
                self.problem(ProblemKind.STRAY_END_TAG, lt, end,
                             f"the end tag `</{shown}>` has no open `<{shown}>`; remove it")
            return
        self.close_misnested(tag, lt, end)

    def close_misnested(self, tag: str, lt: int, end: int) -> None:
        """`</tag>` closes an element that is open, but not on top: the elements above it
        are unclosed, and their own end tags may still follow."""
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
        tag = element.tag
        if self.open_counts is not None:
            self.open_counts[tag] -= 1
        if tag in SPECIAL_TAGS:
            if tag in INVISIBLE_ELEMENTS:
                self.invisible_depth -= 1
            if tag in FOREIGN_ROOTS:
                self.foreign_depth -= 1
        if self.pending:
            self.pending.pop(element, None)
        if tag not in INLINE_ELEMENTS and self.runs.pending:
            self.runs.flush()

    def finish(self) -> None:
        while len(self.stack) > 1:
            top = self.stack[-1]
            self.problem(ProblemKind.UNCLOSED_ELEMENT, top.start, top.end,
                         f"`<{top.tag}>` opened at {self.where(top.start)} is never closed")
            self.close_top(self.limit)
