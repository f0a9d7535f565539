"""The index never lies: it follows every publish, unpublish, delete, move, translation and
privacy change when the transaction commits, and holds nothing the public site would not show."""

from django.core.management import call_command
from wagtail.models import Locale, PageViewRestriction

from knowledge.models import SectionPage
from search.engines.base import Filters
from search.indexing import rebuild
from search.searcher import search
from services.models import Service


def found(q, locale="en") -> list[str]:
    return [h.key for h in search(q, locale, Filters(), 0, 100).page.hits]


def test_publishing_indexes_and_unpublishing_removes(fresh_engine, section, editor, committed):
    page = section("A.5.2")
    assert found("loverboys") == []
    committed(lambda: page.save_revision(user=editor).publish())
    assert f"section:{page.pk}" in found("loverboys")
    committed(page.unpublish)
    assert f"section:{page.pk}" not in found("loverboys")


def test_an_update_replaces_the_old_text(fresh_engine, section, editor, committed):
    page = section("A.5.7")
    committed(lambda: page.save_revision(user=editor).publish())
    page.title = "Homelessness and rough sleeping"
    committed(lambda: page.save_revision(user=editor).publish())
    hits = search("rough sleeping", "en", Filters(), 0, 10).page.hits
    assert hits[0].key == f"section:{page.pk}"
    assert hits[0].title == "Homelessness and rough sleeping"


def test_drafts_are_never_found(fresh_engine, section, editor, committed):
    page = section("A.1")
    committed(lambda: page.save_revision(user=editor).publish())
    page.title = "Zanzibarian draft heading"
    committed(lambda: page.save_revision(user=editor))
    new = SectionPage(title="Zanzibarian new section", number="A.5.9", slug="a-5-9", live=False)
    committed(lambda: section("A.5").add_child(instance=new))
    committed(lambda: new.save_revision(user=editor))
    assert found("zanzibarian") == []
    assert f"section:{page.pk}" in found("definition")


def test_deleting_removes(fresh_engine, section, editor, committed):
    page = section("A.5.8")
    key = f"section:{page.pk}"
    committed(lambda: page.save_revision(user=editor).publish())
    assert key in found("disability")
    committed(page.delete)
    assert key not in found("disability")


def test_moving_updates_the_url(fresh_engine, section, editor, committed):
    page = section("A.5.8")
    committed(lambda: page.save_revision(user=editor).publish())
    committed(lambda: page.move(section("B"), pos="last-child"))
    hit = search("disability", "en", Filters(), 0, 1).page.hits[0]
    assert "/b-action" in hit.url and "/a-5-identification" not in hit.url


def test_private_pages_leave_the_index(fresh_engine, section, editor, committed):
    page = section("B.1.1")
    committed(lambda: page.save_revision(user=editor).publish())
    assert f"section:{page.pk}" in found("interpreter")
    restriction = PageViewRestriction(page=section("B.1"), restriction_type="login")
    committed(restriction.save)
    assert f"section:{page.pk}" not in found("interpreter")
    committed(restriction.delete)
    assert f"section:{page.pk}" in found("interpreter")


def test_a_published_translation_is_found_in_its_language(fresh_engine, section, editor, committed):
    french = section("A.5.2").get_translation(Locale.objects.get(language_code="fr"))
    committed(lambda: french.save_revision(user=editor).publish())
    assert found("loverboys", "fr") == [f"section:{french.pk}"]
    assert f"section:{french.pk}" not in found("loverboys", "en")


def test_a_service_edit_reaches_the_index_and_closing_removes_it(
    fresh_engine, service, editor, committed
):
    helpline = service("helpline-1712")
    helpline.description = "Listening line, also for questions about stalking."
    committed(lambda: helpline.save_revision(user=editor).publish())
    assert f"service:{helpline.pk}" in found("stalking")
    helpline.status = Service.Status.CLOSED
    committed(lambda: helpline.save_revision(user=editor).publish())
    assert f"service:{helpline.pk}" not in found("stalking")


def test_nothing_changes_the_index_when_the_transaction_rolls_back(fresh_engine, section, editor):
    section("A.5.2").save_revision(user=editor).publish()  # the test's transaction never commits
    assert found("loverboys") == []


def test_rebuild_indexes_exactly_what_is_public_and_reports_counts(fresh_engine, db, capsys):
    PageViewRestriction.objects.create(
        page=SectionPage.objects.get(number="B.1", locale__language_code="en"),
        restriction_type="login",
    )
    call_command("rebuild_search_index")
    expected = {}
    for code in ("en", "fr", "nl"):
        sections = SectionPage.objects.live().public().filter(locale__language_code=code).count()
        services = (
            Service.objects.filter(live=True, locale__language_code=code)
            .exclude(status=Service.Status.CLOSED)
            .count()
        )
        expected[code] = sections + services
    assert fresh_engine.counts() == expected
    total = sum(expected.values())
    assert (
        f"Search index rebuilt: {total} documents (en: {expected['en']}" in capsys.readouterr().out
    )
    assert found("interpreter") and "B.1.1" not in [
        h.number for h in search("interpreter", "en", Filters(), 0, 100).page.hits
    ]
    assert rebuild() == expected  # idempotent


def test_a_missed_index_update_never_shows_and_is_repaired(
    fresh_engine, section, editor, committed
):
    """An index write that never happened (here: the unpublish's commit hook did not run, as
    when the engine was locked) cannot show what is not public: results are checked against
    the public documents, and the stale entry is removed from the index."""
    from search.engines import get_engine
    from search.engines.base import Query
    from search.searcher import parse

    page = section("A.5.2")
    committed(lambda: page.save_revision(user=editor).publish())
    page.unpublish()  # its commit hook never runs: the index still holds the section
    raw = Query(locale="en", clauses=tuple(parse("loverboys", "en")[0]), limit=100)
    assert f"section:{page.pk}" in [hit.key for hit in get_engine().search(raw).hits]
    assert f"section:{page.pk}" not in found("loverboys")
    assert f"section:{page.pk}" not in [hit.key for hit in get_engine().search(raw).hits]
