"""Maintainers' scripts that are neither the application nor its tests."""
