"""Open Referral HSDS 3.0 view of the service library (/api/hsds/): the standard that service
directories exchange, so partners can load our records into their own directory software.

HSDS is one language per document: `?locale=` chooses a list's language (else Accept-Language,
else English); an item answers in its record's language. Identifiers are UUIDs derived from
each record's translation key and language, stable across databases (ids.py).

- ids.py: the identifiers and their resolution; records.py: what is public, list filters
- documents/: the documents (services, locations, services at locations, organisations, the
  taxonomy of service kinds); fields.py, paging.py: conventions they share
- params.py: the operations' query parameters; views/: the operations; openapi.py: their shapes
"""

from feed.hsds.ids import hsds_id, organisation_id, service_id

__all__ = ["hsds_id", "organisation_id", "service_id"]
