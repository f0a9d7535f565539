"""wagtail-localize's translation editor saves what a translator types, as its JavaScript sends
it (a multipart PUT per segment), for the translators of that language only."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests.admin_helpers import save_segment

TYPED = "Een zin die de vertaler net heeft verbeterd."


def segment_of(page, language):
    translation = Translation.objects.get(
        source__object_id=page.translation_key,
        target_locale=Locale.objects.get(language_code=language),
    )
    return translation, StringSegment.objects.filter(source=translation.source).first()


@pytest.mark.django_db
def test_a_translator_saves_a_sentence_in_the_translation_editor(client, people, section):
    translation, segment = segment_of(section("A.2"), "nl")
    client.force_login(people["Dutch translators"])
    editor = client.get(
        reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    )
    assert editor.status_code == 200

    response = save_segment(client, translation, segment, TYPED)

    assert response.status_code in (200, 201), response.content[:300]
    saved = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    )
    assert saved.data == TYPED and saved.last_translated_by.username == "dutch"


@pytest.mark.django_db
def test_another_languages_translator_cannot_save_there(client, people, section):
    translation, segment = segment_of(section("A.2"), "nl")
    client.force_login(people["French translators"])
    assert save_segment(client, translation, segment, TYPED).status_code == 403
    assert not StringTranslation.objects.filter(data=TYPED).exists()


@pytest.mark.django_db
def test_the_feed_still_reads_no_body(client):
    response = client.post("/api/v1/sections/", {"value": "x"})
    assert response.status_code == 405
