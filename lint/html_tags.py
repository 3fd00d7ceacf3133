"""Start tags and their attributes, read with exact offsets and a careful recovery.

The tree builder in `lint.html` hands every `<name` to `TagReader.start_tag`, which reads
the element name and the attributes up to the closing `>`. Real archives hold a few kinds
of broken tags, and each is reported once, with a recovery that keeps the rest of the body
readable:

* `<divclass="x">` (no space after the name): the known prefix `div` is the element.
* `alt="独派"学生"…"` (an unescaped quote inside a value): the value runs to the quote that
  really ends it (one followed by a space, `/` or `>`), not to the first one.
* `href="x"target="_blank"` (no space between attributes): both attributes are kept.
* a quote that is never closed: the value stops at the next `>`, so the rest of the body
  still parses (instead of vanishing into one attribute, as it would in a browser).

Every search is linear: searches that may run to the end of the body remember their
answer, so hostile input (thousands of unclosed quotes) never rescans the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from lint.html_names import KNOWN_ELEMENTS
from lint.html_tree import Attribute, Element, HtmlProblem, ProblemKind
from lint.textrun import decode_references, snip

WS = " \t\n\f\r"
_SKIP_WS = re.compile(r"[ \t\n\f\r]*")
TAG_NAME = re.compile(r"[A-Za-z][^ \t\n\f\r/>]*")
VALID_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-:.][A-Za-z0-9]+)*\Z")
_ATTR_NAME = re.compile(r"[^ \t\n\f\r/>][^ \t\n\f\r/>=]*")
_PLAIN_ATTR_NAME = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]*(?=[ \t\n\f\r/>=]|\Z)")
_UNQUOTED_VALUE = re.compile(r"[^ \t\n\f\r>]+")
_BAD_IN_ATTR_NAME = re.compile(r"[\"'<]")
_BAD_IN_UNQUOTED = re.compile(r"[\"'<=`]")
_JUNK = re.compile(r"[^ \t\n\f\r/>]+")
_CLOSERS = {
    '"': re.compile(r'"(?=[ \t\n\f\r/>]|\Z)'),
    "'": re.compile(r"'(?=[ \t\n\f\r/>]|\Z)"),
}


class _Finder:
    """`find` with a memory: the answer for a later start is reused while still valid, so
    a search that failed (or found something far ahead) is never repeated from scratch."""

    def __init__(self, text: str, limit: int, search: Callable[[int], int]) -> None:
        self.text, self.limit, self.search = text, limit, search
        self.searched_from = limit + 1
        self.found = -1

    def __call__(self, start: int) -> int:
        if start >= self.searched_from and (self.found == -1 or self.found >= start):
            return self.found
        self.searched_from, self.found = start, self.search(start)
        return self.found


class TagReader:
    """Reads start tags of one body; `report` receives every problem."""

    def __init__(self, text: str, limit: int, report: Callable[[HtmlProblem], object],
                 where: Callable[[int], str]) -> None:
        self.text = text
        self.limit = limit
        self.report = report
        self.where = where  # offset -> "line:col", for messages
        self.find_quote = {q: _Finder(text, limit, self._quote_search(q)) for q in "\"'"}
        self.find_closer = {q: _Finder(text, limit, self._closer_search(q)) for q in "\"'"}
        self.find_gt = _Finder(text, limit, lambda start: text.find(">", start, limit))
        self.find_lt = _Finder(text, limit, lambda start: text.find("<", start, limit))
        # Whether the last start tag read is unusable as an open element: its name is not
        # valid, or its `>` never came. The tree builder then does not keep it open, so
        # one broken tag does not also read as an unclosed element.
        self.last_broken = False

    # The searches close over the text and limit, not over `self`: a closure that held
    # the reader would make a reference cycle (reader -> finder -> closure -> reader)
    # that only the cycle collector frees.
    def _quote_search(self, quote: str) -> Callable[[int], int]:
        text, limit = self.text, self.limit
        return lambda start: text.find(quote, start, limit)

    def _closer_search(self, quote: str) -> Callable[[int], int]:
        pattern, text, limit = _CLOSERS[quote], self.text, self.limit

        def search(start: int) -> int:
            match = pattern.search(text, start, limit)
            return -1 if match is None else match.start()

        return search

    def problem(self, kind: ProblemKind, start: int, end: int, detail: str,
                related: int | None = None) -> None:

        self.report(HtmlProblem(kind, start, end, detail, related))

    # -- the element name ------------------------------------------------------------

    def start_tag(self, lt: int) -> Element:
        """Read the tag at `lt` (`<` + a letter) into an Element without parent; its `end`
        is just past the tag."""

        match = TAG_NAME.match(self.text, lt + 1, self.limit)
        assert match is not None
        raw_name = match.group()
        pos = match.end()
        self.last_broken = False
        if not VALID_TAG_NAME.match(raw_name):
            known = _known_prefix(raw_name)
            if known and raw_name[len(known)] not in "\"'=":
                # `<divclass="x">`: a known name glued to its first attribute.
                pos = lt + 1 + len(known)
                glued = _ATTR_NAME.match(self.text, pos, self.limit)
                glued_end = glued.end() if glued is not None else pos + 1
                self.problem(
                    ProblemKind.MISSING_SPACE_IN_TAG, lt, glued_end,
                    f"no space between the element name and the attribute in "
                    f"`<{snip(self.text[lt + 1:glued_end])}`; write "
                    f"`<{known} {snip(self.text[pos:glued_end])}`", related=pos)
                raw_name = known
            else:
                self.last_broken = True
                self.problem(ProblemKind.BAD_TAG_NAME, lt, match.end(),
                             f"`{snip(raw_name)}` is not a valid element name; write `&lt;` "
                             "if the `<` is meant as text")
        element = Element(raw_name.lower(), lt, lt)
        element.end = self.attributes(element, pos)
        return element

    # -- attributes --------------------------------------------------------------------

    def attributes(self, element: Element, pos: int) -> int:
        """Parse attributes from `pos`; return the offset just past the tag."""

        text, limit = self.text, self.limit
        while True:
            pos = _SKIP_WS.match(text, pos, limit).end()  # type: ignore[union-attr]
            if pos >= limit:
                if self.last_broken:  # an unclosed quote ran to the end: reported
                    return limit
                self.last_broken = True
                self.problem(ProblemKind.UNTERMINATED_TAG, element.start, element.start + 1,
                             f"the tag `<{element.tag}` opened at {self.where(element.start)} "
                             "is never closed with `>`")
                return limit
            char = text[pos]
            if char == ">":
                return pos + 1
            if char == "/":
                if text.startswith("/>", pos):
                    element.self_closing = True
                    return pos + 2
                self.problem(ProblemKind.BAD_ATTRIBUTE, pos, pos + 1,
                             f"stray `/` inside the tag `<{element.tag}>`; remove it")
                pos += 1
                continue
            pos = self.attribute(element, pos)

    def attribute(self, element: Element, pos: int) -> int:
        """Read one attribute at `pos`; return the offset just past it."""

        text, limit = self.text, self.limit
        name_match = _ATTR_NAME.match(text, pos, limit)
        assert name_match is not None
        raw = name_match.group()
        attribute = Attribute(raw.lower(), pos, name_match.end(), end=name_match.end())
        element.attributes.append(attribute)
        if raw.startswith("=") or _BAD_IN_ATTR_NAME.search(raw):
            self.problem(ProblemKind.BAD_ATTRIBUTE, pos, name_match.end(),
                         f"`{snip(raw)}` is not a valid attribute name")
        after_name = name_match.end()
        pos = _SKIP_WS.match(text, after_name, limit).end()  # type: ignore[union-attr]
        if pos >= limit or text[pos] != "=":
            return after_name
        pos = _SKIP_WS.match(text, pos + 1, limit).end()  # type: ignore[union-attr]
        if pos >= limit or text[pos] == ">":
            self.problem(ProblemKind.BAD_ATTRIBUTE, attribute.name_start, pos,
                         f"attribute `{snip(raw)}` has `=` but no value")
            attribute.value, attribute.value_start, attribute.value_end = "", pos, pos
            attribute.end = pos
            return pos
        if text[pos] in "\"'":
            end = self.quoted_value(attribute, raw, pos)
        else:
            value_match = _UNQUOTED_VALUE.match(text, pos, limit)
            assert value_match is not None
            attribute.value_start, attribute.value_end = pos, value_match.end()
            bad = _BAD_IN_UNQUOTED.search(value_match.group())
            if bad:
                self.problem(ProblemKind.BAD_ATTRIBUTE, pos + bad.start(), pos + bad.end(),
                             f"`{bad.group()}` in the unquoted value of `{snip(raw)}`; "
                             "quote the value")
            end = value_match.end()
        assert attribute.value_start is not None and attribute.value_end is not None
        attribute.value = decode_references(
            text, attribute.value_start, attribute.value_end, True, self.report).text
        attribute.end = end
        return end

    def quoted_value(self, attribute: Attribute, raw: str, pos: int) -> int:
        """Read the quoted value opening at `pos`; return the offset past it."""

        text, limit = self.text, self.limit
        quote = text[pos]
        attribute.quote = quote
        attribute.value_start = pos + 1
        close = self.find_quote[quote](pos + 1)
        if close == -1:
            gt = self.find_gt(pos + 1)
            stop = limit if gt == -1 else gt
            self.last_broken = self.last_broken or gt == -1
            self.problem(ProblemKind.UNTERMINATED_QUOTE, pos, pos + 1,
                         f"the value of `{snip(raw)}` opens a quote at {self.where(pos)} "
                         f"that is never closed; add the closing `{quote}`")
            attribute.value_end = stop
            return stop
        end = close + 1
        attribute.value_end = close
        if end >= limit or text[end] in WS + "/>":
            return end
        if _PLAIN_ATTR_NAME.match(text, end, limit):
            # `href="x"target="_blank"`: only the space is missing.
            self.problem(ProblemKind.BAD_ATTRIBUTE, end, end + 1,
                         f"no space between the value of `{snip(raw)}` and the next "
                         "attribute")
            return end
        real = self.find_closer[quote](end)
        if real != -1 and not self.has_tag_chars(end, real):
            # `alt="a"b"c"`: quotes inside the value were not escaped.
            self.problem(ProblemKind.BAD_ATTRIBUTE, close, end,
                         f"unescaped `{quote}` inside the value of `{snip(raw)}` ends it "
                         f"early; write `{_ESCAPED[quote]}` (the value is read up to "
                         f"{self.where(real)})", related=real)
            attribute.value_end = real
            return real + 1
        junk = _JUNK.match(text, end, limit)
        junk_end = end + 1 if junk is None else junk.end()
        self.problem(ProblemKind.BAD_ATTRIBUTE, end, junk_end,
                     f"`{snip(text[end:junk_end])}` follows the value of `{snip(raw)}` "
                     "without a space; it is ignored")
        return junk_end

    def has_tag_chars(self, start: int, end: int) -> bool:
        """True when `text[start:end]` holds `<` or `>`: a quote there that would close
        the value belongs to a later tag, so the value does not run that far."""
        return any(0 <= found < end for found in (self.find_lt(start), self.find_gt(start)))


# The common case, a well-formed tag, read in one step at C speed. `TOKEN` matches the text
# up to the next `<` and then, if it is one, a clean start tag (a valid name; attributes
# separated by white space, each a plain name with an optional value that is quoted or
# unquoted without any character the careful reader complains about) or a clean end tag.
# It accepts exactly what `TagReader` would read without reporting anything, and nothing
# else, so that everything unusual still takes the careful path. Possessive quantifiers:
# no backtracking, so a failed attempt costs no more than one pass over the tag.


def _clean_attribute(group: str) -> str:
    """The pattern of one clean attribute; `group` is "(" to capture its name and value,
    "(?:" not to."""
    value = (f'(?:"{group}[^"]*+)"' f"|'{group}[^']*+)'"
             f'|{group}[^ \\t\\n\\f\\r>"\'<=`]++))')
    return (rf"[ \t\n\f\r]++{group}[A-Za-z_:][-A-Za-z0-9_:.]*+)"
            rf"(?:[ \t\n\f\r]*+=[ \t\n\f\r]*+{value})?+")


_FAST_ATTRIBUTE_ITEM = re.compile(_clean_attribute("("))
TOKEN = re.compile(
    r"([^<]*+)(?:<(?:"
    r"([A-Za-z][A-Za-z0-9]*+(?:[-:.][A-Za-z0-9]++)*+)"  # a valid start tag name,
    r"((?:" + _clean_attribute("(?:") + r")*+)[ \t\n\f\r]*+(/?)>"  # clean attributes, end
    r"|/([A-Za-z][^ \t\n\f\r/>]*+)[ \t\n\f\r]*+>"  # or an end tag without attributes
    r"))?+")
_QUOTE_OF_GROUP = {2: '"', 3: "'", 4: ""}


def clean_attributes(text: str, start: int, end: int,
                     report: Callable[[HtmlProblem], object]) -> list[Attribute]:
    """The attributes in `text[start:end]`, which `TOKEN` matched as clean attributes:
    the same `Attribute`s that `TagReader.attribute` reads, without its checks."""
    attributes = []
    for match in _FAST_ATTRIBUTE_ITEM.finditer(text, start, end):
        name_start, name_end = match.span(1)
        name = match.group(1).lower()
        group = match.lastindex or 1  # (never None: group 1 always takes part)
        if group == 1:
            attributes.append(Attribute(name, name_start, name_end, None, None, None, "",
                                        name_end))
            continue
        value_start, value_end = match.span(group)
        value = match.group(group)
        if "&" in value:
            value = decode_references(text, value_start, value_end, True, report).text
        attributes.append(Attribute(name, name_start, name_end, value, value_start, value_end,
                                    _QUOTE_OF_GROUP[group], match.end()))  # type: ignore[index]
    return attributes


_ESCAPED = {'"': "&quot;", "'": "&#39;"}


def _known_prefix(name: str) -> str:
    """The longest known element name that `name` starts with (case-insensitive)."""
    lowered = name.lower()
    for length in range(min(len(lowered) - 1, 10), 0, -1):
        if lowered[:length] in KNOWN_ELEMENTS:
            return name[:length]
    return ""
