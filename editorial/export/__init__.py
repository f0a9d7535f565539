"""The whole content as one JSON document, and back: `manage.py export_content` and
`import_content` (see spec.py for what the content is, dump.py and load.py for how)."""

from editorial.export.dump import dumps_document, export_content
from editorial.export.load import ContentFileError, ImportReport, import_content
from editorial.export.spec import FORMAT, PARTS, VERSION

__all__ = [
    "FORMAT",
    "PARTS",
    "VERSION",
    "ContentFileError",
    "ImportReport",
    "dumps_document",
    "export_content",
    "import_content",
]
