"""An English service's facts reach every translation, and nothing a reviewer has not approved
goes live on the way: an unpublished translation stays unpublished, a translator's pending
draft keeps their text (with the new facts) and stays a draft."""

from wagtail.models import Locale

API = "/api/v1"


def translation(service, code):
    return service.get_translation(Locale.objects.get(language_code=code))


def publish_new_phone(service, number):
    channels = list(service.channels.all())
    channels[0].value = number
    service.channels = channels
    service.save_revision().publish()


def test_an_unpublished_translation_stays_unpublished_with_the_new_facts(client, service):
    helpline = service("helpline-1712")
    dutch = translation(helpline, "nl")
    dutch.unpublish()
    publish_new_phone(helpline, "1713")
    dutch.refresh_from_db()
    assert not dutch.live
    assert "1713" in [c.value for c in dutch.latest_revision.as_object().channels.all()]
    assert client.get(f"{API}/services/{dutch.pk}/").status_code == 410
    directory = client.get("/nl/diensten/")
    assert directory.status_code == 200 and dutch.name not in directory.content.decode()


def test_a_translators_pending_draft_survives_an_english_publish(client, service):
    cpvcf = service("cpvcf")
    french = translation(cpvcf, "fr")
    published_description = french.description
    french.description = "Texte du traducteur, en attente de relecture."
    french.save_revision()
    publish_new_phone(cpvcf, "02 539 27 45")
    french.refresh_from_db()
    draft = french.latest_revision.as_object()
    assert french.has_unpublished_changes
    assert draft.description == "Texte du traducteur, en attente de relecture."
    assert "02 539 27 45" in [c.value for c in draft.channels.all()]
    # live: the new number, with the text a reviewer approved
    live = client.get(f"{API}/services/{french.pk}/").json()["data"]
    assert "02 539 27 45" in [c["value"] for c in live["channels"]]
    assert live["description"] == published_description


def test_a_published_translation_gets_the_new_facts_at_once(client, service):
    cpvcf = service("cpvcf")
    publish_new_phone(cpvcf, "02 539 27 46")
    for code in ("fr", "nl"):
        live = client.get(f"{API}/services/{translation(cpvcf, code).pk}/").json()["data"]
        assert "02 539 27 46" in [c["value"] for c in live["channels"]], code
