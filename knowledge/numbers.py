"""Section numbers, the stable public identifiers of the guidance, the same in every language:
a part letter, then the sheet's own numbering (A, A.5, A.5.3.1). Each level has at most three
digits, so no absurd value reaches a query."""

from django.core.validators import RegexValidator

SECTION_NUMBER = r"^[A-Z](\.[1-9][0-9]{0,2})*$"
PART_NUMBER = r"^[A-Z]$"

section_number_validator = RegexValidator(
    SECTION_NUMBER, "A section number is a part letter, then numbers: A, A.5, A.5.3.1."
)
