"""Word-level differences between two versions of a text, as HTML for people: the words removed
in `<del>`, the words added in `<ins>`, a few words around each change, "…" where text is cut.

Texts are segments as wagtail-localize stores them (inline tags, HTML entities); the words
compared and shown are their plain text, escaped."""

import html
from difflib import SequenceMatcher

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

CONTEXT = 5  # unchanged words shown on each side of a change
LONGEST = 30  # words shown of one long removal or addition
OPENING = 20  # words shown of a new text
CUT = "…"


def words(text: str) -> list[str]:
    return html.unescape(strip_tags(text)).split()


def similarity(old: str, new: str) -> float:
    return SequenceMatcher(None, words(old), words(new), autojunk=False).ratio()


def shortened(run: list[str], limit: int) -> str:
    return " ".join(run[:limit]) + (f" {CUT}" if len(run) > limit else "")


def opening(text: str) -> SafeString:
    """The first words of the text."""
    return escape(shortened(words(text), OPENING))


def word_diff(old: str, new: str) -> SafeString | None:
    """The changed words with some context; None when the words are the same (only the
    markup changed)."""
    a, b = words(old), words(new)
    if a == b:
        return None
    groups = list(SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(CONTEXT))
    parts = []
    for group in groups:
        _, i1, _, j1, _ = group[0]
        if parts or i1 or j1:
            parts.append(CUT)
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                parts.append(escape(" ".join(b[j1:j2])))
            if tag in ("delete", "replace"):
                parts.append(f"<del>{escape(shortened(a[i1:i2], LONGEST))}</del>")
            if tag in ("insert", "replace"):
                parts.append(f"<ins>{escape(shortened(b[j1:j2], LONGEST))}</ins>")
    _, _, i2, _, j2 = groups[-1][-1]
    if i2 < len(a) or j2 < len(b):
        parts.append(CUT)
    return mark_safe(" ".join(parts))
