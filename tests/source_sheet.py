"""Expectations read from the source fact sheet itself, so tests never restate it by hand."""

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The repository keeps a copy of the source so it is self-contained; shared/ holds the original.
SOURCE = ROOT / "content" / "source" / "violence-between-ex-partners.en.txt"
SHARED_SOURCE = ROOT.parent / "shared" / "seed" / "000_b85d88c7a5b29ddb.txt"

TOC_LINE = re.compile(
    r"^(?:(?P<part>[AB])|(?P<num>\d+(?:\.\d+)*))\.\s+(?P<title>.*?)\s*(?P<page>\d+)?$"
)
LONG_PHONE = re.compile(r"\b0\d{1,3}(?: \d{2,3}){2,3}\b")
SHORT_PHONE = re.compile(r"(?:\bcall |^\W*)(1\d{2,3})\b(?=[:\s.,]|$)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WEB = re.compile(r"(?:https?://|www\.)[^\s<>]+")
LIST_MARKER = re.compile(r"^-\s*(?:\*\*X\*\*|[✗✓X](?=\s))?\s*")


def squash(text: str) -> str:
    """Compare text regardless of case and spacing ("(EX-) PARTNERS" == "(ex-)partners")."""
    return re.sub(r"\s+", "", text).lower()


@dataclass(frozen=True)
class TocEntry:
    number: str
    title: str


class SourceSheet:
    """The fact sheet as extracted from the PDF, with the lists tests check against."""

    def __init__(self, path: Path = SOURCE):
        self.text = path.read_text(encoding="utf-8")
        self.lines = [line.strip() for line in self.text.splitlines()]

    def between(self, start: str, end: str) -> list[str]:
        """Non-empty lines after the line equal to `start`, up to the next matching regex `end`."""
        first = self.lines.index(start) + 1
        last = next(i for i in range(first, len(self.lines)) if re.match(end, self.lines[i]))
        return [line for line in self.lines[first:last] if line]

    @cached_property
    def table_of_contents(self) -> list[TocEntry]:
        lines = self.between("Table of contents", r"A\. RECOGNISING .*PARTNERS$")
        entries, part, pending = [], None, ""
        for raw in lines:
            line = f"{pending} {raw}".strip() if pending else raw
            match = TOC_LINE.match(line)
            if match is None or not match["page"]:
                pending = line  # a title wrapped onto the next line
                continue
            pending = ""
            if match["part"]:
                part = match["part"]
                entries.append(TocEntry(part, match["title"]))
            else:
                entries.append(TocEntry(f"{part}.{match['num']}", match["title"]))
        return entries

    @cached_property
    def phone_numbers(self) -> set[str]:
        numbers = set(LONG_PHONE.findall(self.text))
        for line in self.lines:
            numbers.update(SHORT_PHONE.findall(line))
        return numbers

    @cached_property
    def emails(self) -> set[str]:
        return set(EMAIL.findall(self.text))

    @cached_property
    def web_addresses(self) -> set[str]:
        """Addresses without scheme, trailing punctuation or markup, as a reader would type them."""
        found = set()
        for match in WEB.findall(self.text):
            address = re.sub(r"^https?://", "", match.split("</u>")[0]).rstrip(".,;)")
            found.add(address)
        return found

    @cached_property
    def types_of_violence(self) -> list[tuple[str, str]]:
        lines = self.between("2. Types of violence between (ex-)partners", "Source:")
        pairs = []
        for term, description in zip(lines, lines[1:], strict=False):
            if term.endswith(":") and not description.endswith(":") and not term.startswith(">"):
                pairs.append((term.rstrip(":"), description))
        return pairs

    @cached_property
    def cycle_stages(self) -> list[tuple[str, str]]:
        lines = self.between("3. The cycle of violence", "Source:")[1:]  # skip the icon legend
        return [
            (name, description)
            for name, description in zip(lines, lines[1:], strict=False)
            if len(name.split()) <= 3 and len(description.split()) >= 4 and name[0].isupper()
        ]

    def _marked_list(self, start: str, end: str) -> list[str]:
        return [
            LIST_MARKER.sub("", line) for line in self.between(start, end) if line.startswith("-")
        ]

    @cached_property
    def do_not(self) -> list[str]:
        return self._marked_list("DO NOT...", r"INSTEAD\.\.\.$")

    @cached_property
    def instead(self) -> list[str]:
        return self._marked_list("INSTEAD...", r"2\. Referral$")
