"""The host of a plain web URL without `urllib.parse.urlsplit` (~3 µs for each URL not in
its cache, i.e. for each new article), for the title link (S002): nearly every one is
`https://host/path`. (Not for image sources: the archive's go through an image proxy,
`https://images.weserv.nl?url=…`, which S006 reads with urlsplit anyway.)"""

from __future__ import annotations

_HOST_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-."


def plain_web_host(url: str) -> str | None:
    """`urlsplit(url).hostname` when `url` starts `http://` or `https://` and its host is
    only ASCII letters, digits, `-` and `.` up to the end or a `/` (no user, port,
    brackets, blanks, `?` or `#`); then the scheme is `http(s)` and urlsplit would raise
    nothing. None for any other URL: the caller asks urlsplit."""
    if url.startswith("https://"):
        start = 8
    elif url.startswith("http://"):
        start = 7
    else:
        return None
    end = url.find("/", start)
    # (A `?` or `#` before any `/` is not a host character: such URLs go to urlsplit.)
    host = url[start:] if end == -1 else url[start:end]
    if not host or not host.isascii() or host.strip(_HOST_CHARS):
        return None
    return host.lower()
