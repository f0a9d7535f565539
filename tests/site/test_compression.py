"""Public pages reach a phone compressed; nothing that could hold a secret is compressed, and the
feed keeps the bytes its ETags are computed on."""

import gzip

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip"}


@pytest.mark.parametrize("path", ["/en/", "/fr/", "/nl/diensten/", "/en/search/?q=help"])
def test_public_pages_are_sent_compressed_and_decompress_to_the_page(client, path):
    compressed = client.get(path, **GZIP)
    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    page = gzip.decompress(compressed.content)
    assert b"data-quick-exit" in page
    assert len(compressed.content) < len(page) / 2


def test_the_feed_and_the_admin_are_not_compressed_by_the_site(client, admin_user):
    assert not client.get("/api/v1/sections/", **GZIP).has_header("Content-Encoding")
    editor = Client()
    editor.force_login(admin_user)
    assert not editor.get("/admin/login/", **GZIP).has_header("Content-Encoding")
    assert not editor.get("/en/", **GZIP).has_header("Content-Encoding")
