"""The one-way layers contract (.importlinter, run by `make lint`) refuses an import that runs
up a layer."""

import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("core", "services", "knowledge", "changes", "search", "feed", "editorial", "cms")
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=tree, capture_output=True, text=True, timeout=120
    )


def copy_of_the_code(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tree / package, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / ".importlinter", tree / ".importlinter")
    return tree


def test_the_code_keeps_its_layers(tmp_path):
    result = lint_imports(copy_of_the_code(tmp_path))
    assert result.returncode == 0, result.stdout


def test_an_import_up_a_layer_breaks_the_contract(tmp_path):
    """The service library reaching into the feed, as knowledge/blocks once did."""
    tree = copy_of_the_code(tmp_path)
    with (tree / "services" / "hours.py").open("a") as module:
        module.write("\nfrom feed.base import FeedView  # noqa: E402, F401\n")
    result = lint_imports(tree)
    assert result.returncode == 1
    assert "services is not allowed to import feed" in result.stdout
    assert "services.hours -> feed.base" in result.stdout
