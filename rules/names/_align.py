"""Pairs the parts of a Chinese name with the tokens of its gloss and compares each pair.

`简·阿恰克扎伊（an Achakzai）`: 简 ↔ an, 阿恰克扎伊 ↔ Achakzai. A name in one part is
usually the surname alone (`特鲁多（Justin Trudeau）`): it fits when any token fits.
Parts may skip gloss tokens (middle names, a dropped given name: `范·荷伦（Chris Van
Hollen）`), so the pairing is the monotone alignment with the most fitting pairs; when
that leaves a part unmatched, the part is compared with the token in its position.
"""

from __future__ import annotations

from typing import NamedTuple

from rules.names._candidates import Gloss, Piece, Token
from rules.names._phonetic import Mismatch, compare


class Pair(NamedTuple):  # a named tuple: immutable, and cheaper to build than a dataclass
    part: Piece
    token: Token
    mismatch: Mismatch | None


def aligned(gloss: Gloss) -> list[Pair]:
    """The compared pairs of a gloss; those with a `mismatch` do not sound alike. Empty
    when the gloss has fewer tokens than the name has parts (a parts problem)."""
    parts = gloss.parts
    words = list(gloss.tokens)  # initials too: 约翰·菲茨杰拉德·肯尼迪（John F. Kennedy）
    core = [w for w in words if w.kind in ("name", "lower")]
    if not core or len(parts) > len(words):
        return []
    if len(parts) == 1:
        part = parts[0]
        for word in reversed(core):
            if _compare(gloss, part, word) is None:
                return [Pair(part, word, None)]
        target = core[-1]
        return [Pair(part, target, compare(part.text, target.text))]
    if len(parts) == len(words) and all(
            compare(p.text, w.text) is None for p, w in zip(parts, words)):
        # Each part fits the token in its place (most glosses): that is the alignment
        # `_best_alignment` finds, with every pair fitting, at a fraction of the cost.
        return [Pair(part, word, None) for part, word in zip(parts, words)]
    best = _best_alignment(parts, words)
    if len(best) == len(parts):
        return [Pair(parts[i], words[j], None) for i, j in best]
    if len(parts) == len(core):
        chosen = list(zip(parts, core))
    elif len(parts) == len(words):
        chosen = list(zip(parts, words))
    else:
        chosen = [(parts[0], core[0]), (parts[-1], core[-1])]
    return [Pair(part, word, _compare(gloss, part, word)) for part, word in chosen]


def mismatched(gloss: Gloss) -> list[Pair]:
    """The pairs of `aligned(gloss)` that have a mismatch. Most glosses have none, and
    when each part fits its token (or a one-part name fits the last name token, which
    `aligned` tries first), that is known before any pair is built."""
    parts, tokens = gloss.parts, gloss.tokens
    if len(parts) > len(tokens):
        return []
    if len(parts) == 1:
        for word in reversed(tokens):
            if word.kind == "name" or word.kind == "lower":  # `core[-1]` of `aligned`
                if compare(parts[0].text, word.text) is None:
                    return []
                break
        else:
            return []  # no name token: `aligned` gives no pairs
    elif len(parts) == len(tokens):
        for part, word in zip(parts, tokens):
            if compare(part.text, word.text) is not None:
                break
        else:
            return []
    return [pair for pair in aligned(gloss) if pair.mismatch is not None]


def _compare(gloss: Gloss, part: Piece, word: Token) -> Mismatch | None:
    """`compare`, giving the first part the benefit of its uncertain start."""
    found = compare(part.text, word.text)
    if found is None or part is not gloss.parts[0]:
        return found
    for size in range(1, len(gloss.lead) + 1):
        if compare(gloss.lead[-size:] + part.text, word.text) is None:
            return None
    return found


def _best_alignment(parts: tuple[Piece, ...], words: list[Token]) -> list[tuple[int, int]]:
    """The monotone part→word assignment with the most fitting pairs (ties: earliest)."""
    rows, cols = len(parts), len(words)
    fits = [[compare(p.text, w.text) is None for w in words] for p in parts]
    score = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            score[i][j] = max(score[i - 1][j], score[i][j - 1],
                              score[i - 1][j - 1] + fits[i - 1][j - 1])
    pairs = []
    i, j = rows, cols
    while i and j:
        if fits[i - 1][j - 1] and score[i][j] == score[i - 1][j - 1] + 1:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j]:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs
