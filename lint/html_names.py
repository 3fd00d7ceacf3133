"""Facts about HTML element names (from the WHATWG HTML Living Standard, §4 and §13.1.2).

Data only, shared by the tokenizer (void and raw-text elements) and by rules that need to
know what is HTML, what is inline and what is a block.
"""

from __future__ import annotations

# Elements that never have content or an end tag (HTML §13.1.2 "Void elements").
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta source track wbr param keygen".split()
)

# Elements whose content is raw text up to their end tag (HTML §13.1.2.1).
RAW_TEXT_ELEMENTS = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes"})
ESCAPABLE_RAW_TEXT_ELEMENTS = frozenset({"textarea", "title"})

# Phrasing content that does not interrupt a sentence: text on both sides of these tags
# reads as one run. Anything else (blocks, line breaks, images, unknown elements) ends a run.
INLINE_ELEMENTS = frozenset(
    """a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q rp rt ruby
    s samp small span strike strong sub sup time tt u var""".split()
)

# Elements that never contribute visible text.
INVISIBLE_ELEMENTS = frozenset(
    {"script", "style", "template", "noscript", "iframe", "object", "embed", "head", "title"}
)

# Every element defined by the HTML Living Standard, plus obsolete ones still met in feeds
# and the SVG/MathML roots.
KNOWN_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo blockquote body br button
    canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl dt
    em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr
    html i iframe img input ins kbd label legend li link main map mark menu meta meter nav
    noscript object ol optgroup option output p param picture pre progress q rp rt ruby s
    samp script search section select slot small source span strong style sub summary sup
    table tbody td template textarea tfoot th thead time title tr track u ul var video wbr
    acronym big center font nobr strike tt marquee noembed noframes xmp keygen svg math
    applet basefont bgsound blink dir frame frameset image isindex listing menuitem multicol
    nextid plaintext rb rtc spacer
    """.split()
)
# The obsolete names above are HTML §16.2 "Non-conforming features": known, if outdated.

# Roots of foreign content (SVG, MathML): inside them `<x/>` is a complete element and
# element names come from those languages, not from HTML.
FOREIGN_ROOTS = frozenset({"svg", "math"})

# Elements that are flow content but not phrasing content (HTML §3.2.5.2): they make a
# block of their own and cannot sit inside a paragraph or an inline element.
BLOCK_ELEMENTS = frozenset(
    """address article aside blockquote center details dialog dir div dl dd dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li listing
    main menu nav ol p plaintext pre search section summary table caption colgroup col
    tbody thead tfoot tr td th ul xmp frameset""".split()
)

# Elements whose content model is phrasing content only: no block may sit inside them.
# `a`, `ins`, `del`, `map` are transparent (HTML §3.2.5.3): they take their parent's
# content model, so `<div><a href=…><div>…</div></a></div>` is valid and not listed here.
PHRASING_CONTAINERS = frozenset(
    (INLINE_ELEMENTS - {"a", "ins", "del"})
    | {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "label", "button", "output",
       "progress", "meter"}
)
TRANSPARENT_ELEMENTS = frozenset({"a", "ins", "del", "map", "object", "video", "audio",
                                  "canvas", "noscript"})
