"""FR and NL: real wagtail-localize translations, complete, faithful in facts, and honest status."""

import gettext
import re
import shutil
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

from core.translations.status import translation_status
from editorial.translations.files import export_po
from editorial.translations.objects import object_key, translatable_objects
from editorial.translations.report import outdated_translations
from knowledge.models import SectionPage
from services.models import Service
from tests.conftest import page_text
from tests.source_sheet import squash

CONTENT = Path(settings.BASE_DIR) / "content"
TARGETS = ["fr", "nl"]


@pytest.fixture
def locale(db):
    return lambda code: Locale.objects.get(language_code=code)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "x" * 12)


@pytest.mark.parametrize("code", TARGETS)
def test_every_page_and_record_has_a_live_complete_translation(locale, code):
    target = locale(code)
    originals = list(translatable_objects(Locale.get_default()))
    assert len(originals) == 42
    for key, original in originals:
        translated = original.get_translation(target)
        assert getattr(translated, "live", True), key
        assert object_key(translated) == key  # same number / slug in every language
        source = TranslationSource.objects.get_for_instance(original)
        total, done = Translation.objects.get(source=source, target_locale=target).get_progress()
        assert total > 0 and done == total, key
        assert translation_status(original, target).up_to_date, key


def source_sentences(source) -> list[str]:
    """Sentences of the source that carry meaning (eight words or more)."""
    text = re.sub(r"\s+", " ", source.text)
    sentences = re.split(r"(?<=[.!?:])\s+", text)
    return [squash(s) for s in sentences if len(s.split()) >= 8]


@pytest.mark.parametrize("code", TARGETS)
def test_translated_pages_contain_no_english_sentence_and_every_fact_unchanged(
    client, locale, source, code
):
    pages = Page.objects.live().filter(locale=locale(code)).specific()
    text = ""
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        hrefs = " ".join(re.findall(r'href="([^"]+)"', response.content.decode()))
        text += page_text(response) + " " + hrefs + " "
    squashed = squash(text)
    english = [s for s in source_sentences(source) if s in squashed]
    assert len(source_sentences(source)) > 150
    assert english == []
    for fact in [*source.phone_numbers, *source.emails]:
        assert fact in text, fact
    streets = {
        "fr": ("Rue des Colonies 11", "Boulevard d'Anvers 34", "Rue du Poinçon 19a"),
        "nl": ("Koloniënstraat 11", "Antwerpselaan 34", "Priemstraat 19a"),
    }
    for address in streets[code]:
        assert address in text


@pytest.mark.parametrize("code", TARGETS)
def test_institutional_vocabulary_of_each_language(client, locale, code):
    expected = {
        "fr": ["CPAS", "Office des étrangers", "regroupement familial", "violences conjugales",
               "demande de protection internationale"],
        "nl": ["OCMW", "Dienst Vreemdelingenzaken", "gezinshereniging", "partnergeweld",
               "verzoek om internationale bescherming"],
    }[code]  # fmt: skip
    text = " ".join(
        page_text(client.get(p.url)) for p in Page.objects.live().filter(locale=locale(code))
    )
    for term in expected:
        assert term in text, term


def test_language_switcher_leads_to_the_same_section_and_hreflang_resolves(client, db):
    for page in SectionPage.objects.live().filter(locale__language_code="en"):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        links = soup.select(".language-switcher a[hreflang]")
        assert {a["hreflang"] for a in links} == set(TARGETS)
        for link in links:
            other = client.get(link["href"])
            assert other.status_code == 200
            other_soup = BeautifulSoup(other.content, "html.parser")
            assert other_soup.html["lang"] == link["hreflang"]
            assert other_soup.select_one("h1 .number").get_text() == page.number
        alternates = soup.select('link[rel="alternate"][hreflang]')
        assert {a["hreflang"] for a in alternates} == {"en", *TARGETS, "x-default"}
        for alternate in alternates:
            assert alternate["href"].startswith("http")
            assert client.get(alternate["href"]).status_code == 200


def test_interface_is_translated_in_each_language(client, locale):
    for code, exit_label in (("fr", "Quitter cette page"), ("nl", "Deze pagina verlaten")):
        soup = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
        assert soup.html["lang"] == code
        assert soup.select_one(".quick-exit").get_text() == exit_label


def test_compiled_interface_catalogues_match_their_po_files():
    for code in TARGETS:
        folder = Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES"
        po = polib.pofile(str(folder / "django.po"))
        assert po.percent_translated() == 100 and not po.fuzzy_entries()
        with open(folder / "django.mo", "rb") as mo_file:
            catalogue = gettext.GNUTranslations(mo_file)
        for entry in po:
            if entry.msgid_plural:
                one, many = entry.msgstr_plural[0], entry.msgstr_plural[1]
                assert catalogue.ngettext(entry.msgid, entry.msgid_plural, 1) == one
                assert catalogue.ngettext(entry.msgid, entry.msgid_plural, 5) == many
            elif entry.msgctxt:
                assert catalogue.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, entry.msgid
            else:
                assert catalogue.gettext(entry.msgid) == entry.msgstr, entry.msgid


def test_a_missing_translation_is_never_shown_as_another_language(client, section, locale):
    english = section("A.5.8")
    french = english.get_translation(locale("fr"))
    french_url = french.url
    french.delete()
    response = client.get(french_url)
    assert response.status_code == 404
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "fr"
    # the switcher on the English page says it is not translated instead of linking
    soup = BeautifulSoup(client.get(english.url).content, "html.parser")
    assert not soup.select('.language-switcher a[hreflang="fr"]')
    assert "not translated" in soup.select_one(".language-switcher").get_text()


def test_a_language_without_its_home_page_does_not_fall_back_to_english(client, locale):
    Page.objects.get(locale=locale("nl"), depth=2).delete()
    response = client.get("/nl/")
    assert response.status_code == 404
    assert "nog niet beschikbaar" in response.content.decode()
    assert "Violence between (ex-)partners in Brussels" not in page_text(response)


def test_an_untranslated_service_shows_in_english_and_says_so(client, section, locale, service):
    english_1712 = service("helpline-1712")
    english_1712.get_translation(locale("nl")).delete()
    nl_page = section("B.2.3").get_translation(locale("nl"))
    for block in nl_page.body:  # as wagtail-localize leaves a reference it could not translate
        if block.block_type == "service" and block.value["service"] is None:
            block.value["service"] = english_1712
    nl_page.save_revision().publish()
    soup = BeautifulSoup(client.get(nl_page.url).content, "html.parser")
    card = soup.select_one("#service-helpline-1712")
    assert card["lang"] == "en"
    assert "nog niet vertaald" in card.select_one(".not-translated").get_text()
    assert english_1712.name in card.get_text()


def test_changing_an_english_segment_flags_exactly_that_translation(section, editor, locale):
    assert outdated_translations() == []
    page = section("A.5.4")
    page.summary = "A new English summary that nobody has translated yet."
    page.save_revision(user=editor).publish()

    flagged = outdated_translations()
    assert {(object_key(s.source_object), s.locale.language_code) for s in flagged} == {
        ("fact-sheets/violence-between-ex-partners/A.5.4", "fr"),
        ("fact-sheets/violence-between-ex-partners/A.5.4", "nl"),
    }
    assert flagged[0].changed == [("summary", page.summary)]

    # Translators sync and translate in wagtail-localize; the flag clears.
    fr = locale("fr")
    source, _ = TranslationSource.update_or_create_from_instance(section("A.5.4"))
    translation = Translation.objects.get(source=source, target_locale=fr)
    po = translation.export_po()
    for entry in po:
        if entry.msgid == page.summary:
            entry.msgstr = "Un nouveau résumé."
    translation.import_po(po)
    translation.save_target(publish=True)
    assert [s.locale.language_code for s in outdated_translations()] == ["nl"]
    assert section("A.5.4").get_translation(fr).summary == "Un nouveau résumé."


def test_the_report_and_the_page_record_show_out_of_date_translations(client, section, editor):
    page = section("A.5.4")
    page.summary = "Changed in English."
    page.save_revision(user=editor).publish()
    client.force_login(editor)

    report = client.get(reverse("outdated_translations"), {"locale": "nl"})
    soup = BeautifulSoup(report.content, "html.parser")
    rows = soup.select("tr.outdated-translation")
    assert [row["data-locale"] for row in rows] == ["nl"]
    assert "Changed in English." in rows[0].get_text()
    assert "A.5.4" in rows[0].get_text() or page.title in rows[0].get_text()

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    status = BeautifulSoup(edit.content, "html.parser").select(".translation-status__row")
    assert {row["data-locale"]: row["data-up-to-date"] for row in status} == {
        "fr": "false",
        "nl": "false",
    }
    untouched = client.get(reverse("wagtailadmin_pages:edit", args=[section("A.5.3").pk]))
    rows = BeautifulSoup(untouched.content, "html.parser").select(".translation-status__row")
    assert {row["data-up-to-date"] for row in rows} == {"true"}


def test_new_translations_start_as_drafts_for_review(section, editor, locale):
    new = SectionPage(title="Older people", number="A.5.9", slug="a-5-9-older-people")
    section("A.5").add_child(instance=new)
    new.save_revision(user=editor).publish()
    translate_object(new, [locale("fr")], user=editor)
    french = new.get_translation(locale("fr"))
    assert not french.live


def test_resyncing_without_publishing_leaves_the_live_translation_unchanged(
    client, section, editor, locale
):
    page = section("A.5.4")
    french_before = page.get_translation(locale("fr")).summary
    page.summary = "Changed again in English."
    page.save_revision(user=editor).publish()
    client.force_login(editor)
    source = TranslationSource.objects.get_for_instance(page)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    assert page.get_translation(locale("fr")).summary == french_before


def entries(po):
    return [(e.msgctxt, e.msgid, e.msgstr) for e in po]


def test_po_files_round_trip_through_wagtail_localize(locale):
    for key, original in translatable_objects(Locale.get_default()):
        for code in TARGETS:
            path = CONTENT / "locale" / code / f"{key}.po"
            source = TranslationSource.objects.get_for_instance(original)
            translation = Translation.objects.get(source=source, target_locale=locale(code))
            previous = polib.pofile(str(path))
            exported = export_po(translation, key, previous)
            assert entries(exported) == entries(previous), key
            assert exported.metadata == previous.metadata, key


def test_reloading_the_translations_changes_nothing(db):
    revisions = Revision.objects.count()
    call_command("load_content", verbosity=0)
    assert Revision.objects.count() == revisions


@pytest.fixture
def content_copy(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda text: re.sub('msgstr "(.+)"', r'msgstr "<b>\1"', text, count=1), "keep the tags"),
        (lambda text: text.replace("msgctxt", "msgctx", 1), "not a valid PO file"),
        (
            lambda text: re.sub(r'msgstr ".+"\n', 'msgstr ""\n', text, count=1),
            "not translated",
        ),
    ],
    ids=["tags", "syntax", "empty"],
)
def test_a_broken_po_file_is_refused_and_nothing_changes(content_copy, service, breakage, message):
    path = content_copy / "locale" / "nl" / "services" / "cpvcf.po"
    path.write_text(breakage(path.read_text()))
    other = content_copy / "locale" / "fr" / "services" / "helpline-1712.po"
    po = polib.pofile(str(other))
    po.find("1712: helpline on violence, abuse and child abuse", by="msgid").msgstr = "Changé"
    po.save(str(other))
    revisions = Revision.objects.count()
    with pytest.raises(CommandError) as error:
        call_command("load_content", content_dir=content_copy, verbosity=0)
    assert str(path) in str(error.value) and message in str(error.value)
    assert Revision.objects.count() == revisions
    french_1712 = service("helpline-1712").get_translation(Locale.objects.get(language_code="fr"))
    assert french_1712.name != "Changé"


def test_phone_numbers_are_synchronised_not_translated(service, locale):
    for slug in ("cpvcf", "emergency-112", "domestic-violence-helpline"):
        original = service(slug)
        for code in TARGETS:
            translated = Service.objects.get(slug=slug, locale=locale(code))
            assert [c.value for c in translated.channels.all()] == [
                c.value for c in original.channels.all()
            ]
            assert translated.street_number == original.street_number
            assert translated.postal_code == original.postal_code


def test_a_fact_changed_in_english_reaches_every_language_at_once(
    client, service, section, locale, editor
):
    cpvcf = service("cpvcf")
    channels = list(cpvcf.channels.all())
    channels[0].value = "02 999 99 99"
    cpvcf.channels = channels
    cpvcf.hours = []
    cpvcf.hours_mode = Service.HoursMode.APPOINTMENT
    cpvcf.save_revision(user=editor).publish()
    for code in TARGETS:
        translated = service("cpvcf").get_translation(locale(code))
        assert translated.live
        assert translated.hours_mode == Service.HoursMode.APPOINTMENT
        assert not translated.hours.exists()
        labels = [c.label for c in translated.channels.all()]
        assert labels[0] not in ("Telephone", "")  # the translated label is kept
        html = client.get(section("B.2.1").get_translation(locale(code)).url).content.decode()
        assert "02 999 99 99" in html and "02 539 27 44" not in html


def test_a_channel_added_in_english_appears_everywhere_and_flags_the_label(
    client, service, locale, editor
):
    helpline = service("domestic-violence-helpline")
    chat = helpline.channels.model(
        kind="chat", value="https://chat.example.org", label="Chat line", purpose="chat"
    )
    helpline.channels = [*helpline.channels.all(), chat]
    helpline.save_revision(user=editor).publish()
    for code in TARGETS:
        translated = helpline.get_translation(locale(code))
        assert "https://chat.example.org" in [c.value for c in translated.channels.all()]
        status = translation_status(service("domestic-violence-helpline"), locale(code))
        assert [text for _, text in status.changed] == ["Chat line"]
