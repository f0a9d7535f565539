"""Nothing lost: `export_content` writes the whole content, `import_content` restores exactly
that, and an import that cannot be completed, at any point, changes nothing."""

import json

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, Locale, Page, PageViewRestriction, Revision
from wagtail_localize.models import Translation

from changes.models import ChangeEvent
from changes.reconcile import ensure_current
from core.translations.status import translation_status
from editorial.export import FORMAT, PARTS, dumps_document, export_content
from editorial.export.spec import NOT_CONTENT, PROJECT_APPS
from editorial.translations.objects import object_key, translatable_objects
from editorial.translations.report import outdated_translations
from knowledge.models import SectionPage
from search.models import SynonymSet
from services.models import Service

API = "/api/v1"


@pytest.fixture(autouse=True)
def own_search_index(settings, tmp_path):
    """An import rebuilds the public search index: this test's own, embedded."""
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_PATH = tmp_path / "search" / "index.sqlite3"
    settings.SEARCH_INDEX_PATH.parent.mkdir()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "x" * 12)


def snapshot() -> list[dict]:
    """Every object of the content as the file holds it (JSON values)."""
    return json.loads(dumps_document(export_content()))["objects"]


def export(path) -> dict:
    call_command("export_content", output=path)
    return json.loads(path.read_text())


def write(path, document: dict) -> None:
    path.write_text(json.dumps(document))


def nl_section_numbers(client) -> list[str]:
    response = client.get(f"{API}/sections/", {"locale": "nl", "page_size": 100})
    assert response.status_code == 200
    return [s["number"] for s in response.json()["results"]]


def test_every_model_of_our_apps_is_exported_or_deliberately_left_out():
    exported = {part.model for part in PARTS}
    undecided = [
        model._meta.label
        for app in PROJECT_APPS
        for model in apps.get_app_config(app).get_models()
        if model not in exported and model._meta.label not in NOT_CONTENT
    ]
    assert undecided == [], "add them to PARTS or to NOT_CONTENT in editorial/export/spec.py"


def test_two_exports_are_identical_but_for_the_time(tmp_path, capsys, db):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("export_content", output=first)
    call_command("export_content", output=second)
    head_1, body_1 = first.read_text().split("\n", 1)
    head_2, body_2 = second.read_text().split("\n", 1)
    assert body_1 == body_2
    assert head_1.replace(json.loads(first.read_text())["exported_at"], "") == head_2.replace(
        json.loads(second.read_text())["exported_at"], ""
    )
    document = json.loads(first.read_text())
    assert document["format"] == FORMAT and document["version"] == 1
    assert document["counts"]["knowledge.sectionpage"] == 3 * 31
    assert document["counts"]["wagtailcore.locale"] == 3
    assert sum(document["counts"].values()) == len(document["objects"])
    order = [part.key for part in PARTS]
    keys = [(order.index(o["model"]), str(o["pk"]).zfill(40)) for o in document["objects"]]
    assert keys == sorted(keys)  # model order, then primary key
    assert "Exported" in capsys.readouterr().err


def test_export_writes_to_standard_output_by_default(capsys, db):
    call_command("export_content")
    captured = capsys.readouterr()
    assert json.loads(captured.out)["format"] == FORMAT
    assert "knowledge.sectionpage 93" in captured.err


def test_round_trip_is_exact_and_the_site_still_answers(client, tmp_path, section, capsys):
    before = snapshot()
    numbers = nl_section_numbers(client)
    events = list(ChangeEvent.objects.values_list("id", "occurred_at", "action", "object_id"))
    path = tmp_path / "content.json"
    export(path)

    call_command("import_content", path)

    assert snapshot() == before
    again = tmp_path / "again.json"
    export(again)
    assert again.read_text().split("\n", 1)[1] == path.read_text().split("\n", 1)[1]
    assert list(ChangeEvent.objects.values_list("id", "occurred_at", "action", "object_id")) == (
        events
    )  # to the microsecond
    assert Page.find_problems() == ([], [], [], [], [])  # treebeard: the tree is sound
    fr = Locale.objects.get(language_code="fr")
    for url in ("/fr/", section("A.5.3.1").get_translation(fr).url, section("B.2").url):
        assert client.get(url).status_code == 200, url
    assert nl_section_numbers(client) == numbers
    assert "Imported" in capsys.readouterr().out


def test_import_restores_the_exported_state_after_edits(
    client, tmp_path, section, service, editor, capsys
):
    path = tmp_path / "content.json"
    export(path)
    before = json.loads(path.read_text())["objects"]
    cursor = ChangeEvent.objects.order_by("-id").first().id

    cpvcf = service("cpvcf")
    channels = list(cpvcf.channels.all())
    old_phone = channels[0].value
    channels[0].value = "02 999 99 99"
    cpvcf.channels = channels
    cpvcf.save_revision(user=editor).publish()
    section("A.5.7").delete()
    SynonymSet.objects.create(terms="hulplijn, helplijn", note="added after the export")
    added = SectionPage(title="Added after the export", number="A.5.9", slug="a-5-9-added")
    section("A.5").add_child(instance=added)
    added.save_revision(user=editor).publish()
    group = editor.groups.create(name="Reviewers of the new page")
    GroupPagePermission.objects.create(group=group, page=added, permission_type="change")
    ensure_current()  # what the next feed request does
    highest = ChangeEvent.objects.order_by("-id").first().id
    assert highest > cursor

    call_command("import_content", path)

    assert snapshot() == before
    assert not Page.objects.filter(pk=added.pk).exists()
    assert not GroupPagePermission.objects.filter(group=group).exists()  # went with its page
    assert service("cpvcf").channels.first().value == old_phone
    assert old_phone in client.get("/en/services/").content.decode()
    assert "partners that synced past cursor" in capsys.readouterr().err
    # A cursor partners saw is never given to another change (nor an id to another page).
    page = section("A.1")
    page.summary = "Edited after the import."
    page.save_revision(user=editor).publish()
    ensure_current()
    assert ChangeEvent.objects.order_by("-id").first().id > highest


def test_rows_outside_the_content_that_point_to_it_survive(tmp_path, sheet, django_user_model):
    group = django_user_model.objects.create(username="u").groups.create(name="Sheet editors")
    GroupPagePermission.objects.create(group=group, page=sheet, permission_type="publish")
    path = tmp_path / "content.json"
    export(path)

    call_command("import_content", path)

    assert GroupPagePermission.objects.filter(group=group, page=sheet).exists()


def test_users_are_named_and_an_unknown_user_becomes_empty(tmp_path, section, editor, capsys):
    page = section("A.2")
    revision = page.save_revision(user=editor)
    path = tmp_path / "content.json"
    document = export(path)
    saved = next(
        o
        for o in document["objects"]
        if o["model"] == "wagtailcore.revision" and o["pk"] == revision.pk
    )
    assert saved["fields"]["user"] == ["editor"]

    call_command("import_content", path)
    assert Revision.objects.get(pk=revision.pk).user == editor

    editor.delete()
    call_command("import_content", path)
    assert Revision.objects.get(pk=revision.pk).user is None
    assert "unknown users, left empty: editor" in capsys.readouterr().err


def test_view_restrictions_keep_their_groups_by_name(tmp_path, section, capsys):
    readers, partners = Group.objects.create(name="Readers"), Group.objects.create(name="Partners")
    restriction = PageViewRestriction.objects.create(
        page=section("B.1"), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([readers, partners])
    path = tmp_path / "content.json"
    document = export(path)
    saved = next(o for o in document["objects"] if o["model"] == "wagtailcore.pageviewrestriction")
    assert saved["fields"]["groups"] == [["Partners"], ["Readers"]]

    call_command("import_content", path)
    assert set(PageViewRestriction.objects.get(pk=restriction.pk).groups.all()) == {
        readers,
        partners,
    }

    partners.delete()
    call_command("import_content", path)
    assert list(PageViewRestriction.objects.get(pk=restriction.pk).groups.all()) == [readers]
    assert "unknown groups, left out: Partners" in capsys.readouterr().err


def statuses() -> dict:
    english = Locale.get_default()
    return {
        (object_key(instance), locale.language_code): (
            status.translated_object.pk if status.translated_object else None,
            status.up_to_date,
            status.changed,
            status.removed,
        )
        for _key, instance in translatable_objects(english)
        for locale in Locale.objects.exclude(pk=english.pk)
        for status in [translation_status(instance, locale)]
    }


def test_translations_survive_with_their_status(tmp_path, section, editor):
    page = section("A.5.4")
    page.summary = "Changed in English after the translation."
    page.save_revision(user=editor).publish()
    translations = sorted(
        Translation.objects.values_list("uuid", "source_id", "target_locale_id", "enabled")
    )
    status = statuses()
    outdated = [
        (object_key(s.source_object), s.locale.language_code) for s in outdated_translations()
    ]
    assert len(outdated) == 2
    per_locale = {
        code: Page.objects.filter(locale__language_code=code).count() for code in ("fr", "nl")
    }
    path = tmp_path / "content.json"
    export(path)
    Translation.objects.all().delete()
    for code in ("fr", "nl"):
        home = Page.objects.get(depth=2, locale__language_code=code)
        home.get_children().first().delete()

    call_command("import_content", path)

    assert (
        sorted(Translation.objects.values_list("uuid", "source_id", "target_locale_id", "enabled"))
        == translations
    )
    assert statuses() == status
    assert [
        (object_key(s.source_object), s.locale.language_code) for s in outdated_translations()
    ] == outdated
    for code, n in per_locale.items():
        assert Page.objects.filter(locale__language_code=code).count() == n


def last(document, model):
    return max((i for i, o in enumerate(document["objects"]) if o["model"] == model), default=None)


def duplicate_unique_translation(document):
    """A second translation of the same string, context and language, written last: the database
    refuses it after having written (and deleted) everything else."""
    original = document["objects"][last(document, "wagtail_localize.stringtranslation")]
    highest = max(o["pk"] for o in document["objects"] if o["model"] == original["model"])
    document["objects"].append({**original, "pk": highest + 1})
    document["counts"][original["model"]] += 1
    return f"object #{len(document['objects'])} (wagtail_localize.stringtranslation"


def wrong_type(document):
    obj = document["objects"][last(document, "changes.changeevent")]
    obj["fields"]["object_id"] = "not-a-number"
    index = last(document, "changes.changeevent") + 1
    return f"object #{index} (changes.changeevent pk={obj['pk']})"


def duplicate_primary_key(document):
    index = last(document, "changes.changeevent")
    document["objects"][index]["pk"] = document["objects"][index - 1]["pk"]
    return f"the same primary key as object #{index}"


def missing_reference(document):
    obj = document["objects"][last(document, "knowledge.sectiontopic")]
    obj["fields"]["page"] = 999_999
    return "page refers to knowledge.sectionpage 999999, not in the file"


def broken_tree(document):
    """The last section takes the path of another page: the tree's unique path refuses it."""
    pages = [o for o in document["objects"] if o["model"] == "wagtailcore.page"]
    pages[-1]["fields"]["path"] = pages[-2]["fields"]["path"]
    return "(wagtailcore.page pk="


def stream_of(fields, name):
    """A StreamField's blocks as the file holds them (JSON text or a list), and how to put them
    back."""
    value = fields[name]
    data = json.loads(value) if isinstance(value, str) else value

    def put(blocks):
        fields[name] = json.dumps(blocks) if isinstance(value, str) else blocks

    return data, put


def page_title(document, pk):
    return next(
        o["fields"]["title"]
        for o in document["objects"]
        if o["model"] == "wagtailcore.page" and o["pk"] == pk
    )


def first_block(document, model, block_type, field="body"):
    """(object number, object, blocks, put, block index) of the first `block_type` block."""
    for number, obj in enumerate(document["objects"], start=1):
        if obj["model"] != model or not obj["fields"].get(field):
            continue
        blocks, put = stream_of(obj["fields"], field)
        for index, block in enumerate(blocks):
            if block["type"] == block_type:
                return number, obj, blocks, put, index
    raise AssertionError(f"no {block_type} block in {model}")


def script_in_a_paragraph(document):
    """What a raw database write could leave in a section, exported and imported elsewhere."""
    number, obj, blocks, put, index = first_block(document, "knowledge.sectionpage", "paragraph")
    blocks[index]["value"] += "<script>alert(1)</script>"
    put(blocks)
    title = page_title(document, obj["pk"])
    return (
        f"object #{number} (knowledge.sectionpage pk={obj['pk']}) {title!r}: "
        f"body[{index}]: HTML tag <script> is not allowed"
    )


def javascript_link_in_a_callout(document):
    number, obj, blocks, put, index = first_block(
        document, "knowledge.factsheetpage", "callout", field="preface"
    )
    blocks[index]["value"]["text"] += '<p><a href="javascript:alert(1)">x</a></p>'
    put(blocks)
    return f"preface[{index}].text: link 'javascript:alert(1)' must start with one of"


def javascript_citation(document):
    number, obj, blocks, put, index = first_block(document, "knowledge.sectionpage", "citation")
    blocks[index]["value"]["url"] = "javascript:alert(1)"
    put(blocks)
    return f"body[{index}].url: 'javascript:alert(1)' is not a web address"


def handler_in_offers(document):
    number, obj = next(
        (n, o)
        for n, o in enumerate(document["objects"], start=1)
        if o["model"] == "services.service" and o["fields"]["offers"]
    )
    obj["fields"]["offers"] += '<img src="x" onerror="alert(1)">'
    return (
        f"object #{number} (services.service pk={obj['pk']}) {obj['fields']['name']!r}: "
        "offers: HTML tag <img> is not allowed"
    )


def script_in_a_revision(document):
    """A draft revision that someone would publish later."""
    for number, obj in enumerate(document["objects"], start=1):
        content = obj["fields"].get("content") if obj["model"] == "wagtailcore.revision" else None
        if not (content and content.get("body")):
            continue
        blocks, put = stream_of(content, "body")
        index = next((i for i, b in enumerate(blocks) if b["type"] == "paragraph"), None)
        if index is not None:
            blocks[index]["value"] += '<p onclick="alert(1)">x</p>'
            put(blocks)
            return (
                f"object #{number} (wagtailcore.revision pk={obj['pk']}) 'revision of "
                f"{obj['fields']['object_str']}': body[{index}]: attributes ['onclick'] on <p>"
            )
    raise AssertionError("no revision with a paragraph")


def javascript_channel(document):
    number, obj = next(
        (n, o)
        for n, o in enumerate(document["objects"], start=1)
        if o["model"] == "services.contactchannel" and o["fields"]["kind"] == "web"
    )
    obj["fields"]["value"] = "javascript:alert(1)"
    return (
        f"object #{number} (services.contactchannel pk={obj['pk']}) 'Website: javascript:alert(1)'"
        ": value: 'javascript:alert(1)' is not a web address"
    )


@pytest.mark.parametrize(
    "corrupt",
    [
        duplicate_unique_translation,
        broken_tree,
        wrong_type,
        duplicate_primary_key,
        missing_reference,
        script_in_a_paragraph,
        javascript_link_in_a_callout,
        javascript_citation,
        handler_in_offers,
        script_in_a_revision,
        javascript_channel,
    ],
)
def test_an_import_that_fails_changes_nothing(tmp_path, service, editor, corrupt):
    path = tmp_path / "content.json"
    document = export(path)
    expected = corrupt(document)
    write(path, document)
    cpvcf = service("cpvcf")
    cpvcf.name = "Edited after the export"
    cpvcf.save_revision(user=editor).publish()
    before = snapshot()

    with pytest.raises(CommandError) as error:
        call_command("import_content", path)

    assert "Nothing was imported" in str(error.value)
    assert str(path) in str(error.value)
    assert expected in str(error.value)
    assert snapshot() == before


def test_a_database_refusal_half_way_undoes_what_was_written(tmp_path, db):
    path = tmp_path / "content.json"
    document = export(path)
    duplicate_unique_translation(document)
    write(path, document)
    before = snapshot()

    with CaptureQueriesContext(connection) as queries, pytest.raises(CommandError):
        call_command("import_content", path)

    written = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert any("wagtailcore_page" in sql for sql in written)  # it had got that far
    assert any("cms_changeevent" in sql for sql in written)
    assert snapshot() == before


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not JSON"),
        ("[]", "not a content export"),
        (json.dumps({"format": "something-else", "version": 1, "objects": []}), "format"),
        (json.dumps({"format": FORMAT, "version": 2, "objects": []}), "version 2"),
        (json.dumps({"format": FORMAT, "version": 1, "objects": {}}), '"objects" must be a list'),
        (
            json.dumps(
                {
                    "format": FORMAT,
                    "version": 1,
                    "objects": [{"model": "auth.user", "pk": 1, "fields": {"username": "x"}}],
                }
            ),
            "model 'auth.user' is not part of the content",
        ),
        (
            json.dumps(
                {
                    "format": FORMAT,
                    "version": 1,
                    "counts": {"changes.changeevent": 2},
                    "objects": [],
                }
            ),
            "counts say 2 changes.changeevent, the file holds 0",
        ),
        (json.dumps({"format": FORMAT, "version": 1, "objects": []}), '"counts" must be'),
        (
            json.dumps({"format": FORMAT, "version": 1, "counts": {}, "objects": []}),
            "no wagtailcore.locale: the site would have no language",
        ),
    ],
)
def test_malformed_files_are_refused_and_nothing_changes(tmp_path, db, content, message):
    path = tmp_path / "content.json"
    path.write_text(content)
    before = snapshot()
    with pytest.raises(CommandError, match="Nothing was imported") as error:
        call_command("import_content", path)
    assert message in str(error.value)
    assert snapshot() == before


def test_a_missing_file_is_refused(tmp_path, db):
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("import_content", tmp_path / "nowhere.json")


def test_the_search_index_is_rebuilt_after_an_import(tmp_path, service, editor, capsys):
    path = tmp_path / "content.json"
    export(path)
    call_command("import_content", path)
    assert "Search index rebuilt (en: 37, fr: 37, nl: 37)" in capsys.readouterr().out
    assert Service.objects.filter(live=True).count() == 18
