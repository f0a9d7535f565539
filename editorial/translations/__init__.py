"""Translations as editors and agencies work on them: PO files in the repository and the
out-of-date report."""
