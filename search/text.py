"""Language analysis shared by indexing, querying and highlighting: one chain per language.

Text is split into words, lower-cased, stripped of accents, then stemmed with Snowball in the
document's language, so "Violences" and "violence", "numéro" and "numero", "verblijfsvergunningen"
and "verblijfsvergunning" meet. Folding comes before stemming so that a word typed without its
accents gets exactly the stem of the accented word."""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer
from django.utils.html import escape

WORD = re.compile(r"\w+")
STEMMERS = {"en": "english", "fr": "french", "nl": "dutch"}
STOPWORDS_DIR = Path(__file__).parent / "stopwords"


def fold(text: str) -> str:
    """Lower case without accents: "Écoute" -> "ecoute"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return WORD.findall(fold(text))


def as_typed(text: str) -> dict[str, set[str]]:
    """Each folded word of a text with the ways it was typed: "Numéro numero" -> {"numero":
    {"Numéro", "numero"}}."""
    forms = {}
    for match in WORD.finditer(unicodedata.normalize("NFC", text)):
        for word in words(match.group()):
            forms.setdefault(word, set()).add(match.group())
    return forms


@cache
def stopwords(language: str) -> frozenset[str]:
    lines = (STOPWORDS_DIR / f"{language}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(w) for line in lines if not line.startswith("#") for w in line.split())


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS[language])


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The stem of one folded word; numbers and single letters stay as they are (cached: a
    language has far fewer distinct words than a corpus has words)."""
    return word if len(word) < 3 or word.isdigit() else _stemmer(language).stemWord(word)


def terms(text: str, language: str) -> list[str]:
    """What gets indexed: every word's stem, stop words included (phrases keep their shape)."""
    return [stem(w, language) for w in words(text)]


def significant(folded_words: list[str], language: str) -> list[str]:
    """The words a query is about: stop words dropped, unless nothing else is left."""
    kept = [w for w in folded_words if w not in stopwords(language)]
    return kept or folded_words


def marked(word: str, matched_stems: set[str], language: str) -> bool:
    """Whether a folded word of a text is one of the query's words: not a stop word, and with
    a matched stem."""
    return word not in stopwords(language) and stem(word, language) in matched_stems


def highlight(text: str, matched_stems: set[str], language: str, width: int = 30) -> str:
    """An HTML-escaped excerpt of about `width` words around the densest run of matched words,
    each matched word wrapped in <mark>; the opening words when nothing matches. A stop word is
    never marked, even when its stem is a query word's ("kans" and "kan", "tuer" and "tu")."""
    spans = list(WORD.finditer(text))
    if not spans:
        return ""
    hits = [i for i, m in enumerate(spans) if marked(fold(m.group()), matched_stems, language)]
    start = 0
    if hits:
        best = max(hits, key=lambda i: sum(1 for h in hits if i <= h < i + width))
        start = max(0, min(best - width // 4, len(spans) - width))
    window = spans[start : start + width]
    begin, end = window[0].start(), window[-1].end()
    out, cursor = [], begin
    hit_set = set(hits)
    for i, match in enumerate(window, start):
        out.append(escape(text[cursor : match.start()]))
        word = escape(match.group())
        out.append(f"<mark>{word}</mark>" if i in hit_set else word)
        cursor = match.end()
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < spans[-1].end() else ""
    return prefix + "".join(out) + suffix
