"""List-shaped blocks: criteria, definitions, warning signs, and do/instead advice."""

from wagtail import blocks


class CriteriaBlock(blocks.StructBlock):
    """Numbered criteria, such as what distinguishes violence from an argument."""

    intro = blocks.CharBlock(required=False)
    items = blocks.ListBlock(blocks.CharBlock(label="Criterion"))

    class Meta:
        icon = "list-ol"
        label = "Numbered criteria"
        template = "blocks/criteria.html"


class DefinitionBlock(blocks.StructBlock):
    """A term and what it covers, e.g. a type of violence with its examples."""

    term = blocks.CharBlock()
    description = blocks.TextBlock()

    class Meta:
        icon = "doc-full"
        label = "Definition"


class DefinitionListBlock(blocks.ListBlock):
    """A list of definitions, rendered as a description list."""

    def __init__(self, **kwargs):
        super().__init__(DefinitionBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        label = "Definitions"
        template = "blocks/definitions.html"


class WarningSignsBlock(blocks.StructBlock):
    """Warning signs of one kind (psychological, physical, behavioural)."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("psychological", "Psychological"),
            ("physical", "Physical"),
            ("behavioural", "Behavioural"),
        ]
    )
    intro = blocks.CharBlock(help_text='E.g. "Physical warning signs include".')
    signs = blocks.ListBlock(blocks.CharBlock(label="Sign"))

    class Meta:
        icon = "warning"
        label = "Warning signs"
        template = "blocks/warning_signs.html"


class DoDontBlock(blocks.StructBlock):
    """Paired advice: what not to do, and what to do instead."""

    do_not = blocks.ListBlock(blocks.CharBlock(label="Do not"), label="Do not")
    instead = blocks.ListBlock(blocks.CharBlock(label="Instead"), label="Instead")

    class Meta:
        icon = "tasks"
        label = "Do not / Instead"
        template = "blocks/do_dont.html"
