"""Blocks: each renders through its own template, carries a stable id, and can be translated."""

from django.core.management import call_command
from wagtail_localize.models import TranslationSource

from knowledge.blocks import SectionBodyBlock
from knowledge.models import SectionPage


def test_every_block_type_has_a_template_a_label_and_a_docstring():
    for name, block in SectionBodyBlock().child_blocks.items():
        assert block.meta.template, name
        assert block.meta.label, name
        assert block.__class__.__doc__, name


def test_loaded_content_uses_every_block_type_and_every_block_has_an_id(sheet):
    used = set()
    for page in [*SectionPage.objects.descendant_of(sheet), sheet]:
        stream = page.body if isinstance(page, SectionPage) else page.preface
        for block in stream:
            assert block.id, (page, block.block_type)
            used.add(block.block_type)
    assert used == set(SectionBodyBlock().child_blocks)


def test_block_ids_survive_a_reload(section):
    before = [b.id for b in section("A.3").body]
    call_command("load_content", verbosity=0, force=True)
    assert [b.id for b in section("A.3").body] == before


def test_wagtail_localize_extracts_every_text_of_nested_blocks(section):
    page = section("A.3")
    source, _ = TranslationSource.get_or_create_from_instance(page)
    segments = {s.string.data for s in source.stringsegment_set.select_related("string")}
    cycle = next(b for b in page.body if b.block_type == "cycle")
    for stage in cycle.value["stages"]:
        for field in ("perpetrator_stage", "perpetrator", "victim_stage", "victim"):
            assert stage[field] in segments
