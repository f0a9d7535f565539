"""wagtail-localize's translation editor saves what a translator types, as its JavaScript sends
it (a multipart PUT per segment), for the translators of that language only."""

import pytest
from django.contrib.auth.models import Group
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

TYPED = "Een zin die de vertaler net heeft verbeterd."


@pytest.fixture
def translator(django_user_model):
    def make(role):
        user = django_user_model.objects.create_user(role.split()[0].lower(), password="x" * 14)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


def segment_of(page, language):
    translation = Translation.objects.get(
        source__object_id=page.translation_key,
        target_locale=Locale.objects.get(language_code=language),
    )
    return translation, StringSegment.objects.filter(source=translation.source).first()


def save_segment(client, translation, segment, text):
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    body = encode_multipart(BOUNDARY, {"value": text})
    return client.put(url, body, content_type=MULTIPART_CONTENT)


@pytest.mark.django_db
def test_a_translator_saves_a_sentence_in_the_translation_editor(client, translator, section):
    translation, segment = segment_of(section("A.2"), "nl")
    client.force_login(translator("Dutch translators"))
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
def test_another_languages_translator_cannot_save_there(client, translator, section):
    translation, segment = segment_of(section("A.2"), "nl")
    client.force_login(translator("French translators"))
    assert save_segment(client, translation, segment, TYPED).status_code == 403
    assert not StringTranslation.objects.filter(data=TYPED).exists()


@pytest.mark.django_db
def test_the_feed_still_reads_no_body(client):
    response = client.post("/api/v1/sections/", {"value": "x"})
    assert response.status_code == 405
