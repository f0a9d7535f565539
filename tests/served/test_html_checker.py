"""Every page type in every language, as the served site sends it, checked by the Nu HTML
Checker (vnu.jar, the W3C's validator, from the npm package `vnu-jar` pinned in package.json):
no error. One JVM checks every file. `make html-checker` installs Java when it is missing; CI
requires both (.ci/run)."""

import json
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.browser import LANGUAGES, ROOT
from tests.stack import sqlite_pass_only

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")

pytestmark = [
    sqlite_pass_only("the markup is the same on PostgreSQL"),
    pytest.mark.skipif(
        not (JAVA and VNU_JAR.exists()),
        reason=f"the Nu HTML Checker needs Java ({JAVA or 'missing'}) and {VNU_JAR} "
        f"({'present' if VNU_JAR.exists() else 'missing'}): `make html-checker` installs them",
    ),
]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def check_html(files: list) -> list[dict]:
    """The Nu HTML Checker's errors on `files`, in one run."""
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(result.stderr)["messages"]  # vnu writes its report to stderr


def test_every_page_type_is_valid_html(page_types, private_section, site, tmp_path):
    pages = {}  # file name → (language, page type, URL)
    for language in LANGUAGES:
        for name, (url, expected_status) in {
            **page_types[language],
            "password page": (site + private_section.paths[language], 200),
        }.items():
            status, html = fetch(url)
            assert status == expected_status, (language, name, url, status)
            file = tmp_path / f"{language}-{re.sub(r'[^a-z0-9]+', '-', name.lower())}.html"
            file.write_text(html)
            pages[file.name] = (language, name, url)

    started = time.monotonic()
    messages = check_html([tmp_path / name for name in pages])
    checked_in = time.monotonic() - started
    errors = []
    for message in messages:
        file = message.get("url", "?").rsplit("/", 1)[-1]
        language, name, url = pages.get(file, ("", file, "not a page of this test"))
        errors.append(
            f"{language} {name} ({url}), line {message.get('lastLine', '?')}: "
            f"{message['message']}\n"
            f"    {' '.join(message.get('extract', '').split())[:160]}"
        )
    print(f"\nNu HTML Checker on {len(pages)} pages in {checked_in:.1f} s: {len(errors)} errors")
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
