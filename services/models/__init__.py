"""The service library: organisations and the services that the guidance refers people to."""

from .channels import ContactChannel, OpeningPeriod, ServiceLanguage
from .organisation import Organisation
from .service import Service

__all__ = ["ContactChannel", "OpeningPeriod", "Organisation", "Service", "ServiceLanguage"]
