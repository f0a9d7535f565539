"""Content-file entries for body blocks, converted to StreamField data with stable ids."""

import uuid
from typing import Annotated, Literal

from pydantic import Field, field_validator

from core.content_files import Strict, check_html

BLOCK_ID_NAMESPACE = uuid.UUID("6f0d3c3e-2b8a-4d5e-9a51-0c2f7d7b9e10")


class StableIds:
    """Block ids derived from where a block sits, so reloading the same file keeps every id."""

    def __init__(self, seed: str):
        self.seed, self.count = seed, 0

    def __call__(self) -> str:
        self.count += 1
        return str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{self.seed}/{self.count}"))


def list_value(items, ids: StableIds) -> list[dict]:
    return [{"type": "item", "value": item, "id": ids()} for item in items]


class Html(Strict):
    @field_validator("text", check_fields=False)
    @classmethod
    def safe_html(cls, value):
        return check_html(value)


class Paragraph(Html):
    type: Literal["paragraph"]
    text: str = Field(min_length=1)

    def value(self, ids, services):
        return self.text


class Heading(Strict):
    type: Literal["heading"]
    text: str = Field(min_length=1)

    def value(self, ids, services):
        return self.text


class Callout(Html):
    type: Literal["callout"]
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)

    def value(self, ids, services):
        return {"title": self.title, "text": self.text}


class Criteria(Strict):
    type: Literal["criteria"]
    intro: str = ""
    items: list[str] = Field(min_length=1)

    def value(self, ids, services):
        return {"intro": self.intro, "items": list_value(self.items, ids)}


class Definition(Strict):
    term: str = Field(min_length=1)
    description: str = Field(min_length=1)


class Definitions(Strict):
    type: Literal["definitions"]
    items: list[Definition] = Field(min_length=1)

    def value(self, ids, services):
        return list_value([d.model_dump() for d in self.items], ids)


class Stage(Strict):
    perpetrator_stage: str = Field(min_length=1)
    perpetrator: str = Field(min_length=1)
    victim_stage: str = Field(min_length=1)
    victim: str = Field(min_length=1)


class Cycle(Strict):
    type: Literal["cycle"]
    title: str = Field(min_length=1)
    intro: str = ""
    stages: list[Stage] = Field(min_length=2)

    def value(self, ids, services):
        stages = [s.model_dump() for s in self.stages]
        return {"title": self.title, "intro": self.intro, "stages": list_value(stages, ids)}


class WarningSigns(Strict):
    type: Literal["warning_signs"]
    kind: Literal["psychological", "physical", "behavioural"]
    intro: str = Field(min_length=1)
    signs: list[str] = Field(min_length=1)

    def value(self, ids, services):
        return {"kind": self.kind, "intro": self.intro, "signs": list_value(self.signs, ids)}


class DoDont(Strict):
    type: Literal["do_dont"]
    do_not: list[str] = Field(min_length=1)
    instead: list[str] = Field(min_length=1)

    def value(self, ids, services):
        return {"do_not": list_value(self.do_not, ids), "instead": list_value(self.instead, ids)}


class FurtherInformation(Strict):
    type: Literal["further_information"]
    url: str = Field(pattern=r"^https?://\S+$")
    publisher: str = ""
    title: str = ""

    def value(self, ids, services):
        return {"url": self.url, "publisher": self.publisher, "title": self.title}


class Citation(Strict):
    type: Literal["citation"]
    url: str = Field(pattern=r"^https?://\S+$")
    title: str = ""

    def value(self, ids, services):
        return {"url": self.url, "title": self.title}


class FactSheetReference(Strict):
    type: Literal["factsheet_reference"]
    title: str = Field(min_length=1)

    def value(self, ids, services):
        return {"title": self.title, "page": None}


class ServiceReference(Strict):
    type: Literal["service"]
    slug: str = Field(min_length=1)
    display: Literal["full", "contact", "compact"] = "contact"

    def value(self, ids, services):
        return {"service": services[self.slug].pk, "display": self.display}


Block = Annotated[
    Paragraph
    | Heading
    | Callout
    | Criteria
    | Definitions
    | Cycle
    | WarningSigns
    | DoDont
    | FurtherInformation
    | Citation
    | FactSheetReference
    | ServiceReference,
    Field(discriminator="type"),
]


def stream_data(blocks: list[Block], seed: str, services: dict) -> list[dict]:
    """Raw StreamField data for a list of entries; ids depend only on `seed` and position."""
    data = []
    for index, block in enumerate(blocks):
        ids = StableIds(f"{seed}/{index}")
        data.append({"type": block.type, "value": block.value(ids, services), "id": ids()})
    return data
