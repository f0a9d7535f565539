"""Page types of the knowledge base."""

from .directory import ServiceDirectoryPage
from .factsheet import FactSheetPage, SectionPage
from .home import HomePage
from .topics import SectionTopic, Topic

__all__ = [
    "FactSheetPage",
    "HomePage",
    "SectionPage",
    "SectionTopic",
    "ServiceDirectoryPage",
    "Topic",
]
