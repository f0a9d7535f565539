"""load_content: idempotent, keeps editors' work, refuses malformed files without a change."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from services.models import Service
from tests.conftest import edit_yaml

CONTENT = Path(settings.BASE_DIR) / "content"
SHEET_FILE = Path("fact-sheets") / "violence-between-ex-partners.en.yaml"


def tree_state():
    """Everything a reload could duplicate or damage: the page tree and the service library."""
    pages = [
        (p.path, p.slug, p.title, p.live, getattr(p, "number", None))
        for p in Page.objects.specific().order_by("path")
    ]
    services = [
        (s.slug, s.name, [c.value for c in s.channels.all()], [str(h) for h in s.hours.all()])
        for s in Service.objects.order_by("slug")
    ]
    return pages, services, Revision.objects.count()


def load(content_dir=CONTENT, **options):
    call_command("load_content", content_dir=content_dir, verbosity=0, **options)


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    before = tree_state()
    load()
    assert tree_state() == before


@pytest.mark.django_db
def test_a_changed_file_updates_in_place_without_duplicates(content_copy, section):
    edit_yaml(
        content_copy / SHEET_FILE,
        lambda d: d["sections"][0]["sections"][0].update(title="Definition of violence"),
    )
    pages_before = Page.objects.count()
    load(content_copy)
    assert Page.objects.count() == pages_before
    assert section("A.1").title == "Definition of violence"
    assert section("A.1").live


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "file", "message"),
    [
        (
            lambda d: d["sections"][0]["sections"][1]["body"].append({"type": "poem", "text": "x"}),
            SHEET_FILE,
            "sections[0] (number 'A').sections[1] (number 'A.2').body[",
        ),
        (
            lambda d: d["sections"][1]["sections"][0]["sections"][0].update(number="A.9"),
            SHEET_FILE,
            "section A.9 cannot be a child of B.1",
        ),
        (
            lambda d: d["sections"][0]["sections"][0]["body"][0].update(text="<script>x</script>"),
            SHEET_FILE,
            "HTML tag <script> is not allowed",
        ),
        (
            lambda d: d["sections"][1]["sections"][1]["sections"][0]["body"].append(
                {"type": "service", "slug": "no-such-service"}
            ),
            SHEET_FILE,
            "no-such-service",
        ),
        (
            lambda d: d["services"][0]["channels"][0].update(kind="pigeon"),
            Path("services.en.yaml"),
            "services[0] (slug 'cpvcf').channels[0].kind",
        ),
        (
            lambda d: d["services"][0]["hours"]["periods"][0].update(closes="08:00"),
            Path("services.en.yaml"),
            "closes (08:00:00) must be after opens (09:00:00)",
        ),
    ],
    ids=[
        "unknown-block",
        "misplaced-number",
        "unsafe-html",
        "unknown-service",
        "bad-channel",
        "hours",
    ],
)
def test_a_malformed_file_is_refused_naming_file_and_entry_and_nothing_changes(
    content_copy, change, file, message
):
    edit_yaml(content_copy / file, change)
    # A valid change elsewhere in the same load must not be applied either.
    if file != SHEET_FILE:
        edit_yaml(content_copy / SHEET_FILE, lambda d: d.update(title="Changed title"))
    before = tree_state()
    with pytest.raises(CommandError) as error:
        load(content_copy)
    assert str(content_copy / file) in str(error.value)
    assert message in str(error.value)
    assert "Nothing was loaded" in str(error.value)
    assert tree_state() == before


@pytest.mark.django_db
def test_invalid_yaml_is_refused_with_the_file_named(content_copy):
    (content_copy / "services.en.yaml").write_text("services: [unclosed\n")
    with pytest.raises(CommandError, match="services.en.yaml: not valid YAML"):
        load(content_copy)


@pytest.mark.django_db
def test_edits_made_in_the_admin_are_kept_unless_forced(content_copy, section, service):
    editor = get_user_model().objects.create_user("editor", password="x" * 12)
    page = section("A.1")
    page.summary = "Summary written by an editor."
    page.save_revision(user=editor).publish()
    cpvcf = service("cpvcf")
    cpvcf.description = "Description written by an editor."
    cpvcf.save_revision(user=editor).publish()

    load()
    assert section("A.1").summary == "Summary written by an editor."
    assert service("cpvcf").description == "Description written by an editor."

    load(force=True)
    assert section("A.1").summary != "Summary written by an editor."
    assert service("cpvcf").description != "Description written by an editor."


@pytest.mark.django_db
def test_a_section_moved_in_the_file_moves_in_the_tree(content_copy, section):
    def move_a53_first(data):
        part_a = data["sections"][0]["sections"]
        part_a.insert(0, part_a.pop(4))  # A.5 before A.1

    edit_yaml(content_copy / SHEET_FILE, move_a53_first)
    load(content_copy)
    assert [c.specific.number for c in section("A").get_children()][:2] == ["A.5", "A.1"]
