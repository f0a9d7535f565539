"""What partners sync from: every public item's document, rebuilt after each write to content,
and the change log of how those documents changed."""
