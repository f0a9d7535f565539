"""Translations through wagtail-localize: PO files in the repository and translation status."""
