"""Checks that catch a wrong contact detail or incoherent hours before they go live."""

from collections import defaultdict

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from phonenumbers import shortnumberinfo

REGION = "BE"
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def check_phone(value: str) -> None:
    """A Belgian number as people dial it (02 539 27 44, 0800 30 030, +32 ...), or a Belgian
    short number (112, 101, 1712)."""
    try:
        number = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(f"“{value}” is not a phone number.") from exc
    if not (
        phonenumbers.is_valid_number(number)
        or shortnumberinfo.is_valid_short_number_for_region(number, REGION)
    ):
        raise ValidationError(
            f"“{value}” is not a valid Belgian phone number (for example 02 539 27 44, "
            "0800 30 030, +32 2 539 27 44, or a short number such as 112)."
        )


def check_channel_value(kind: str, value: str) -> None:
    """The value of a contact channel, checked according to its kind."""
    if kind == "phone":
        check_phone(value)
    elif kind == "email":
        EmailValidator(message=f"“{value}” is not a valid e-mail address.")(value)
    else:
        URLValidator(
            schemes=["https", "http"], message=f"“{value}” is not a web address (https://…)."
        )(value)


def overlapping_periods(periods) -> list[str]:
    """Descriptions of the periods (weekday, opens, closes) that overlap another one the same
    day, e.g. "Monday 09:00-12:00 and 11:00-17:00"."""
    by_day = defaultdict(list)
    for weekday, opens, closes in periods:
        by_day[weekday].append((opens, closes))
    problems = []
    for weekday, spans in sorted(by_day.items()):
        spans.sort()
        for (open_a, close_a), (open_b, close_b) in zip(spans, spans[1:], strict=False):
            if open_b < close_a:
                problems.append(
                    f"{DAY_NAMES[weekday]} {open_a:%H:%M}-{close_a:%H:%M} and "
                    f"{open_b:%H:%M}-{close_b:%H:%M}"
                )
    return problems


def record_problems(service) -> list[str]:
    """Everything the admin would refuse on a service record and its rows, each as
    "where: what": the models' own checks (`full_clean`) and overlapping opening periods.
    Works on an unsaved record; the organisation is checked by whoever assigns it."""
    problems = errors_of(service, "", exclude=["organisation"])
    for relation in ("channels", "hours", "languages"):
        for position, row in enumerate(getattr(service, relation).all()):
            problems += errors_of(row, f"{relation}[{position}]", exclude=["service"])
    periods = [(p.weekday, p.opens, p.closes) for p in service.hours.all()]
    problems += [f"hours: opening periods overlap: {o}." for o in overlapping_periods(periods)]
    return problems


def errors_of(instance, where: str, exclude: list[str] = ()) -> list[str]:
    """The model's own checks, as "where.field: message". Uniqueness is left to the caller,
    which knows whether the row is new."""
    try:
        instance.full_clean(
            exclude=list(exclude), validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        return [
            f"{'.'.join(part for part in (where, name) if part not in ('', '__all__')) or 'record'}"
            f": {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return []
