"""Field conventions shared by every HSDS document."""

from datetime import UTC


def drop_nulls(document):
    """HSDS leaves out what is unknown rather than sending null (at every level)."""
    if isinstance(document, dict):
        return {k: drop_nulls(v) for k, v in document.items() if v is not None}
    if isinstance(document, list):
        return [drop_nulls(item) for item in document]
    return document


def timestamp(moment) -> str | None:
    """An ISO 8601 date-time in UTC with millisecond accuracy, as HSDS asks of last_modified."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
