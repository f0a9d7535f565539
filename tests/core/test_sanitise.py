"""The one rule for HTML and links that reach a reader (core/sanitise.py)."""

import pytest

from core.sanitise import LINK_SCHEMES, STORED_ATTRIBUTES, clean_html, html_problems, safe_url


@pytest.mark.parametrize(
    "url, web, link",
    [
        ("https://www.cpvcf.org/x?y=1", True, True),
        ("http://example.org", True, True),
        ("mailto:info@example.org", False, True),
        ("tel:+3225392744", False, True),
        ("javascript:alert(1)", False, False),
        ("JavaScript:alert(1)", False, False),
        ("java\tscript:alert(1)", False, False),
        (" javascript:alert(1)", False, False),
        ("data:text/html,<script>alert(1)</script>", False, False),
        ("vbscript:x", False, False),
        ("//example.org", False, False),
        ("/en/", False, False),
        ("http:/no-host", False, False),
        ("", False, False),
        (None, False, False),
    ],
)
def test_only_web_addresses_and_mail_or_phone_links_pass(url, web, link):
    assert (safe_url(url) is not None) is web
    assert (safe_url(url, LINK_SCHEMES) is not None) is link


def test_clean_html_keeps_the_allowed_features_and_drops_the_rest():
    html = clean_html(
        '<p data-block-key="k">a <b>b</b> <i>i</i><br><script>evil()</script>'
        '<img src=x onerror="evil()"><a href="javascript:evil()">j</a>'
        '<a href="https://example.org" target="_blank" onclick="evil()">w</a></p>'
        "<ul><li>u</li></ul><ol><li>o</li></ol><iframe>x</iframe><h1 style='x'>h</h1>"
    )
    assert html == (
        '<p>a <b>b</b> <i>i</i><br><a rel="noreferrer noopener">j</a>'
        '<a href="https://example.org" rel="noreferrer noopener">w</a></p>'
        "<ul><li>u</li></ul><ol><li>o</li></ol>h"
    )


def test_html_problems_name_what_is_not_allowed():
    assert html_problems("<p>a <b>b</b> <a href='https://example.org'>x</a></p>") == []
    assert html_problems('<p data-block-key="k"><a linktype="page" id="3">x</a></p>') != []
    assert html_problems('<p data-block-key="k"><a linktype="page" id="3">x</a></p>',
                         STORED_ATTRIBUTES) == []  # fmt: skip
    problems = html_problems('<p onclick="x">a<script>x</script><a href="data:x">d</a></p>')
    assert any("onclick" in p for p in problems)
    assert any("<script>" in p for p in problems)
    assert any("'data:x'" in p for p in problems)
