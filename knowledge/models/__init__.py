"""Page types of the knowledge base."""

from .directory import ServiceDirectoryPage
from .factsheet import FactSheetPage, SectionPage
from .home import HomePage

__all__ = ["FactSheetPage", "HomePage", "SectionPage", "ServiceDirectoryPage"]
