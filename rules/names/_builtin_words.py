"""The built-in dictionary of wrong -> right forms (rule N006, `dictionary`): the user
files' `[[entry]]` tables as `tomllib` reads them, kept as Python data so that a plain
check does not import `tomllib` (~4 ms of a one-file run) to read them. Each entry is
checked against its own examples when loaded. Keep entries specific: a form that can be
right in some sentence needs a regex or a context."""

from __future__ import annotations

ENTRIES: tuple[dict[str, object], ...] = (
    # 同期 "the same period" is a word; before 与/和 支持/理解 it is a slip for 同情.
    {"wrong": "同期(与|和)(支持|理解)",
     "right": "同情\\1\\2",
     "regex": True,
     "note": "同情 sympathy, not 同期 same period",
     "examples": ["他寻求美国对巴基斯坦反恐担忧的同期与支持"],
     "counter-examples": ["与去年同期相比", "同情与支持"]},
    {"wrong": "再接再励", "right": "再接再厉", "examples": ["我们要再接再励。"]},
    {"wrong": "迫不急待", "right": "迫不及待", "examples": ["他迫不急待地回应。"]},
    {"wrong": "一愁莫展", "right": "一筹莫展", "examples": ["当局一愁莫展。"]},
    {"wrong": "按步就班", "right": "按部就班", "examples": ["按步就班地推进。"]},
    {"wrong": "走头无路", "right": "走投无路", "examples": ["难民走头无路。"]},
    {"wrong": "默守成规", "right": "墨守成规", "examples": ["不能默守成规。"]},
    {"wrong": "甘败下风", "right": "甘拜下风", "examples": ["对手甘败下风。"]},
    {"wrong": "美仑美奂", "right": "美轮美奂", "examples": ["建筑美仑美奂。"]},
    {"wrong": "穿流不息", "right": "川流不息", "examples": ["车辆穿流不息。"]},
)
