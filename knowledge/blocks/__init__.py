"""StreamField blocks for the fact sheets, one module per family."""

from .cycle import CycleBlock
from .lists import CriteriaBlock, DefinitionListBlock, DoDontBlock, WarningSignsBlock
from .references import FactSheetReferenceBlock, FurtherInformationBlock, ServiceReferenceBlock
from .section_body import SectionBodyBlock
from .text import CalloutBlock, CitationBlock, HeadingBlock, ParagraphBlock

__all__ = [
    "CalloutBlock",
    "CitationBlock",
    "CriteriaBlock",
    "CycleBlock",
    "DefinitionListBlock",
    "DoDontBlock",
    "FactSheetReferenceBlock",
    "FurtherInformationBlock",
    "HeadingBlock",
    "ParagraphBlock",
    "SectionBodyBlock",
    "ServiceReferenceBlock",
    "WarningSignsBlock",
]
