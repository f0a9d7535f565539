"""The OpenAPI shapes of a section's body: one component per block type of
`knowledge.blocks.SectionBodyBlock`, each as its `get_api_representation` returns it (Wagtail's
defaults for the blocks that keep them: a struct block is an object of its children, a list
block a plain list), combined as `oneOf` with a discriminator on `type`."""

import copy

from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers

from feed.schema import RICH_TEXT_HELP, Constant
from feed.services import ServiceSerializer


def block(name: str, value, description: str):
    """The component of one block type: `type` (always `name`), `id` and `value`."""
    attrs = {
        "type": Constant(name),
        "id": serializers.CharField(help_text="Stable across edits and translations."),
        "value": copy.deepcopy(value),  # a copy made now is declared after `type` and `id`
        "__doc__": description,
    }
    component = "".join(part.title() for part in name.split("_")) + "Block"
    return type(component, (serializers.Serializer,), attrs)


class HtmlValue(serializers.Serializer):
    html = serializers.CharField(help_text=RICH_TEXT_HELP)


class CalloutValue(serializers.Serializer):
    title = serializers.CharField()
    html = serializers.CharField(help_text=RICH_TEXT_HELP)


class CriteriaValue(serializers.Serializer):
    intro = serializers.CharField(allow_blank=True)
    items = serializers.ListField(child=serializers.CharField())


class Definition(serializers.Serializer):
    term = serializers.CharField()
    description = serializers.CharField()


class CycleStage(serializers.Serializer):
    perpetrator_stage = serializers.CharField()
    perpetrator = serializers.CharField(help_text="The perpetrator's behaviour at this stage.")
    victim_stage = serializers.CharField()
    victim = serializers.CharField(help_text="The victim's experience at this stage.")


class CycleValue(serializers.Serializer):
    title = serializers.CharField()
    intro = serializers.CharField(allow_blank=True)
    stages = CycleStage(many=True, help_text="In order; the last loops back to the first.")


class WarningSignsValue(serializers.Serializer):
    kind = serializers.ChoiceField(["psychological", "physical", "behavioural"])
    intro = serializers.CharField()
    signs = serializers.ListField(child=serializers.CharField())


class DoDontValue(serializers.Serializer):
    do_not = serializers.ListField(child=serializers.CharField())
    instead = serializers.ListField(child=serializers.CharField())


class FurtherInformationValue(serializers.Serializer):
    url = serializers.URLField(
        allow_null=True, help_text="Null when the value is no web address: show no link."
    )
    publisher = serializers.CharField(allow_blank=True)
    title = serializers.CharField(allow_blank=True, help_text="Empty: show the address.")


class CitationValue(serializers.Serializer):
    url = serializers.URLField(
        allow_null=True, help_text="Null when the value is no web address: show no link."
    )
    title = serializers.CharField(allow_blank=True, help_text="Empty: show the address.")


class FactSheetReferenceValue(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True, help_text="Null until that sheet is published.")


class ServiceBlockValue(serializers.Serializer):
    display = serializers.ChoiceField(
        ["full", "contact", "compact"],
        help_text="full: what it offers, to whom and how to reach it; contact: contact "
        "details, hours, languages and referral rule; compact: address and channels.",
    )
    service = ServiceSerializer(
        allow_null=True,
        help_text="The current record, in the section's language (without `translations`); "
        "null while the service is closed or unpublished: show nothing in its place.",
    )


BLOCKS = [
    block("paragraph", HtmlValue(), "Running text."),
    block("heading", serializers.CharField(), "A subheading inside the section."),
    block("callout", CalloutValue(), "A boxed message that must not be missed."),
    block("criteria", CriteriaValue(), "Numbered criteria."),
    block("definitions", Definition(many=True), "Terms and what each covers."),
    block("cycle", CycleValue(), "The cycle of violence, stage by stage."),
    block("warning_signs", WarningSignsValue(), "Warning signs of one kind."),
    block("do_dont", DoDontValue(), "What not to do, and what to do instead."),
    block("further_information", FurtherInformationValue(), "A link for further reading."),
    block("citation", CitationValue(), "Where the preceding material comes from."),
    block("factsheet_reference", FactSheetReferenceValue(), "Another fact sheet of the series."),
    block("service", ServiceBlockValue(), "A service of the library, as it is now."),
]


def section_body(**kwargs):
    """A section's body: its blocks in order, each typed by `type`."""
    return PolymorphicProxySerializer(
        component_name="Block", serializers=BLOCKS, resource_type_field_name="type", **kwargs
    )
