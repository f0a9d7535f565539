"""The shape of a fact-sheet content file (content/fact-sheets/<slug>.<locale>.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from core.content_files import Strict
from knowledge.loading.blocks import Block, ServiceReference
from knowledge.models.topics import Topic
from knowledge.numbers import SECTION_NUMBER


class SectionEntry(Strict):
    number: str = Field(pattern=SECTION_NUMBER)
    title: str = Field(min_length=1, max_length=255)
    summary: str = ""
    search_terms: str = ""
    topics: list[Literal[tuple(Topic.values)]] = []
    body: list[Block] = []
    sections: list[SectionEntry] = []

    @model_validator(mode="after")
    def children_are_numbered_under_this_section(self):
        for child in self.sections:
            if child.number.rpartition(".")[0] != self.number:
                raise ValueError(f"section {child.number} cannot be a child of {self.number}")
        return self

    def walk(self):
        yield self
        for child in self.sections:
            yield from child.walk()


class SiteEntry(Strict):
    home_title: str = Field(min_length=1)
    home_intro: str = ""
    directory_title: str = Field(min_length=1)
    directory_slug: str = Field(pattern=r"^[a-z0-9-]+$")
    directory_intro: str = ""


class FactSheetFile(Strict):
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=1, max_length=255)
    subtitle: str = ""
    summary: str = ""
    preface: list[Block] = []
    sections: list[SectionEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def numbers_are_unique_parts(self):
        for part in self.sections:
            if "." in part.number:
                raise ValueError(
                    f"top-level section {part.number} must be a part letter (A, B, ...)"
                )
        numbers = [s.number for s in self.all_sections()]
        if duplicates := sorted({n for n in numbers if numbers.count(n) > 1}):
            raise ValueError(f"duplicate section numbers: {', '.join(duplicates)}")
        return self

    def all_sections(self):
        for part in self.sections:
            yield from part.walk()

    def service_slugs(self) -> set[str]:
        blocks = [*self.preface, *(b for s in self.all_sections() for b in s.body)]
        return {b.slug for b in blocks if isinstance(b, ServiceReference)}
