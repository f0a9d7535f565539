"""Shared building blocks that know nothing of the domain: content files, languages and the
translation status of any translatable object."""
