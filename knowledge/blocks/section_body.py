"""The body of a fact sheet section: the block set that represents the sheet."""

from wagtail import blocks

from .cycle import CycleBlock
from .lists import CriteriaBlock, DefinitionListBlock, DoDontBlock, WarningSignsBlock
from .references import FactSheetReferenceBlock, FurtherInformationBlock, ServiceReferenceBlock
from .text import CalloutBlock, CitationBlock, HeadingBlock, ParagraphBlock


class SectionBodyBlock(blocks.StreamBlock):
    """Everything a section of a fact sheet can contain, in the order the editor chooses."""

    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    callout = CalloutBlock()
    criteria = CriteriaBlock()
    definitions = DefinitionListBlock()
    cycle = CycleBlock()
    warning_signs = WarningSignsBlock()
    do_dont = DoDontBlock()
    further_information = FurtherInformationBlock()
    citation = CitationBlock()
    factsheet_reference = FactSheetReferenceBlock()
    service = ServiceReferenceBlock()
