"""Helpers for tests that use the admin as an editor would."""

import re

from bs4 import BeautifulSoup
from django.urls import reverse

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
