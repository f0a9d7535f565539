"""The change log partners sync from, and the recorder that turns Wagtail's signals into it."""
