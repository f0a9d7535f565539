"""The translators' glossary holds: no ruled-out term in a FR or NL translation, and French
punctuation keeps its non-breaking spaces. docs/glossary.md is the single source."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
GLOSSARY = ROOT / "docs" / "glossary.md"
LANGUAGES = ["fr", "nl"]


def table(heading: str) -> list[list[str]]:
    """The body rows of the markdown table under `## heading` in the glossary."""
    section = GLOSSARY.read_text(encoding="utf-8").split(f"## {heading}\n", 1)[1].split("\n## ")[0]
    lines = [line.strip().strip("|") for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.split("|")] for line in lines[2:]]


def catalogues(language: str) -> list[Path]:
    return sorted((ROOT / "content" / "locale" / language).rglob("*.po")) + [
        ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    ]


def translations(language: str):
    """(file, entry, translated text) for every translated string in the language."""
    for path in catalogues(language):
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if text:
                    yield path.relative_to(ROOT), entry, text


def where(path: Path, entry: polib.POEntry) -> str:
    return f"{path}: msgctxt {entry.msgctxt!r}, msgid {entry.msgid[:60]!r}"


def test_the_glossary_rules_terms_out_in_both_languages():
    languages = {language for language, *_ in table("Ruled-out terms")}
    assert languages == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_uses_a_term_the_glossary_rules_out(language):
    ruled_out = [term for lang, term, *_ in table("Ruled-out terms") if lang == language]
    allowed = {(file, context, term.lower()) for file, context, term in table("Exceptions")}
    found = [
        f"{where(path, entry)}: {term!r}"
        for path, entry, text in translations(language)
        for term in ruled_out
        if re.search(rf"(?<!\w){re.escape(term)}", text, re.IGNORECASE)
        and (str(path), entry.msgctxt or "", term.lower()) not in allowed
    ]
    assert not found, "ruled out by docs/glossary.md:\n" + "\n".join(found)


def test_french_punctuation_keeps_its_non_breaking_spaces():
    rules = {
        "an ASCII space before : ; ? !": re.compile(r" [:;?!]"),
        "an ASCII space after «": re.compile(r"« "),
        "an ASCII space before »": re.compile(r" »"),
    }
    found = [
        f"{where(path, entry)}: {problem} ({text[max(0, m.start() - 20) : m.end() + 5]!r})"
        for path, entry, text in translations("fr")
        for problem, rule in rules.items()
        for m in rule.finditer(text)
    ]
    assert not found, "use U+00A0 (or U+202F):\n" + "\n".join(found)
