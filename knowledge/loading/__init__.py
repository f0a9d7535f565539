"""Loading fact sheets from their structured content files into Wagtail pages."""
