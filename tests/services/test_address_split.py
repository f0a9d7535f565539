"""The data migration that splits an old one-line street address into street and number."""

from importlib import import_module

import pytest

split = import_module("services.migrations.0004_bilingual_street_and_name_language").split


@pytest.mark.parametrize(
    ("street_address", "parts"),
    [
        ("Rue des Colonies 11", ("Rue des Colonies", "11")),
        ("Boulevard d'Anvers 34", ("Boulevard d'Anvers", "34")),
        ("Rue du Poinçon 19a", ("Rue du Poinçon", "19a")),
        ("Grote Markt, 1", ("Grote Markt", "1")),
        ("Place Rogier", ("Place Rogier", "")),
    ],
)
def test_the_number_is_split_off_and_a_street_without_one_is_kept_whole(street_address, parts):
    assert split(street_address) == parts
