"""Helpers for tests that use the admin as an editor would."""

import re

from bs4 import BeautifulSoup
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Page, WorkflowState

PASSWORD = "a-long-enough-passphrase"


def refused(response) -> bool:
    """Wagtail's admin answers a forbidden action with a redirect to the dashboard and a
    "Sorry, you do not have permission" message (or a 403 for some views)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def edit_form(client, url) -> dict:
    """The fields of an admin edit form as the browser would send them back."""
    response = client.get(url)
    assert response.status_code == 200
    forms = BeautifulSoup(response.content, "html.parser").find_all("form")
    form = max(forms, key=lambda f: len(f.find_all(["input", "textarea", "select"])))
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    for name in data:  # the admin's script numbers inline rows in page order
        if order := re.search(r"-(\d+)-ORDER$", name):
            data[name] = data[name] or str(int(order.group(1)) + 1)
    return data


def phone_field(data: dict, number: str) -> str:
    return next(k for k, v in data.items() if k.endswith("-value") and v == number)


def sign_in(client, username, password=PASSWORD):
    """What an editor does: fill in the Wagtail sign-in form."""
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, "next": "/admin/"},
    )


def save_segment(client, translation, segment, text: str):
    """What wagtail-localize's translation editor sends when a segment is saved: a multipart
    PUT to its own API."""
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    body = encode_multipart(BOUNDARY, {"value": text})
    return client.put(url, body, content_type=MULTIPART_CONTENT)


def workflow_action(client, instance, action: str, comment: str = ""):
    """A reviewer's action ("approve", "reject") on the review under way of a page or record, as
    the dashboard and the editor post it."""
    state = WorkflowState.objects.for_instance(instance).get(status="in_progress")
    args = [instance.pk, action, state.current_task_state.pk]
    if isinstance(instance, Page):
        url = reverse("wagtailadmin_pages:workflow_action", args=args)
    else:
        url = reverse(instance.snippet_viewset.get_url_name("workflow_action"), args=args)
    return client.post(url, {"comment": comment})
