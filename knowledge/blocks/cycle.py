"""The cycle of violence: ordered stages, each seen from the perpetrator's and the victim's side."""

from wagtail import blocks


class CycleStageBlock(blocks.StructBlock):
    """One stage of the cycle."""

    perpetrator_stage = blocks.CharBlock(label="Perpetrator's stage")
    perpetrator = blocks.TextBlock(label="Perpetrator's behaviour")
    victim_stage = blocks.CharBlock(label="Victim's stage")
    victim = blocks.TextBlock(label="Victim's experience")

    class Meta:
        icon = "repeat"
        label = "Stage"


class CycleBlock(blocks.StructBlock):
    """The cycle as an ordered list that loops back to its first stage."""

    title = blocks.CharBlock()
    intro = blocks.TextBlock(required=False)
    stages = blocks.ListBlock(CycleStageBlock())

    class Meta:
        icon = "repeat"
        label = "Cycle of violence"
        template = "blocks/cycle.html"
