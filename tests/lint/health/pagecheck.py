"""Checks of a report page's DOM shared by the tests: links, ids and what may be fetched."""

from __future__ import annotations

import re

import lxml.html

URL_ATTRIBUTES = ("src", "srcset", "data", "poster", "action", "formaction", "background",
                  "cite", "xlink:href", "{http://www.w3.org/1999/xlink}href", "ping")
ACTIVE_TAGS = ("script", "iframe", "object", "embed", "link", "img", "image", "video",
               "audio", "source", "frame", "form", "base", "meta[@http-equiv='refresh']")


def parse(document: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(document)


def broken_links(tree: lxml.html.HtmlElement) -> list[str]:
    """`href="#x"` without an element whose id is x."""
    ids = {element.get("id") for element in tree.iter() if element.get("id")}
    return [href for href in (a.get("href") for a in tree.iter() if a.get("href"))
            if href.startswith("#") and href[1:] not in ids]


def duplicate_ids(tree: lxml.html.HtmlElement) -> list[str]:
    seen: set[str] = set()
    twice = []
    for element in tree.iter():
        key = element.get("id")
        if key is not None:
            if key in seen:
                twice.append(key)
            seen.add(key)
    return twice


def outside_references(tree: lxml.html.HtmlElement) -> list[str]:
    """Everything that points outside the page, except the article source links (plain
    `<a class="source">` links, which are never fetched by the page itself)."""
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name in URL_ATTRIBUTES:
            if element.get(name):
                found.append(f"{element.tag} {name}={element.get(name)}")
        href = element.get("href")
        if href and not href.startswith("#") and not (
                element.tag == "a" and element.get("class") == "source"
                and re.match(r"https?://", href)):
            found.append(f"{element.tag} href={href}")
        style = element.get("style") or (element.text if element.tag == "style" else "")
        if style and ("url(" in style or "@import" in style):
            found.append(f"{element.tag} style {style[:80]}")
    return found


def active_elements(tree: lxml.html.HtmlElement) -> list[str]:
    """Elements that run code or fetch something when the page opens."""
    found = []
    for tag in ACTIVE_TAGS:
        found += [lxml.html.tostring(e, encoding="unicode")[:120]
                  for e in tree.xpath(f"//{tag}")]
    for element in tree.iter():
        if isinstance(element.tag, str):
            found += [f"{element.tag} {name}" for name in element.attrib
                      if name.lower().startswith("on")]
    return found
