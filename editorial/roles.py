"""Who may do what in the admin: the editorial roles of the two support centres.

Editors of CPVCF and CAW edit the fact sheet and the service records of their own organisation,
and submit their changes for review; reviewers approve and publish; translators work in one
language. `manage.py setup_roles` creates the groups, their permissions and the review workflow
from this file (idempotent; `make run` and the docker-compose `migrate` service run it)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

REVIEW_WORKFLOW = "Review before publishing"
REVIEW_TASK = "Review by a reviewer"

# Page actions (Wagtail's page permissions) per kind of role.
EDIT_PAGES = ("add_page", "change_page", "lock_page", "unlock_page")
REVIEW_PAGES = (*EDIT_PAGES, "publish_page", "bulk_delete_page")
TRANSLATE_PAGES = ("change_page",)

ADMIN = ("wagtailadmin.access_admin",)
EDIT_SERVICES = ("services.add_service", "services.change_service", "services.view_service")
TRANSLATE_SERVICES = ("services.change_service", "services.view_service")
REVIEW_EVERYTHING = (
    *EDIT_SERVICES,
    "services.publish_service",
    "services.delete_service",
    "services.lock_service",
    "services.unlock_service",
    "services.add_organisation",
    "services.change_organisation",
    "services.publish_organisation",
    "services.lock_organisation",
    "services.unlock_organisation",
    "search.add_synonymset",
    "search.change_synonymset",
    "search.delete_synonymset",
    "search.add_bestbet",
    "search.change_bestbet",
    "search.delete_bestbet",
    "search.add_dangersignal",
    "search.change_dangersignal",
    "search.delete_dangersignal",
)


@dataclass(frozen=True)
class Role:
    """A group of editors and what it may touch."""

    name: str
    description: str  # lazily translated: the user form shows it in the admin's language
    page_actions: tuple[str, ...]
    permissions: tuple[str, ...]
    organisation: str | None = None  # editors: only this organisation's service records
    language: str | None = None  # translators: only this language's pages and records
    reviews: bool = False  # approves changes in the review workflow

    def may_edit_service(self, service) -> bool:
        if self.reviews:
            return True
        if self.language:
            return service.locale.language_code == self.language
        organisation = service.organisation
        return organisation is not None and organisation.slug == self.organisation


ROLES = (
    Role(
        "CPVCF editors",
        _("Edit the fact sheet and CPVCF's service records; submit changes for review."),
        EDIT_PAGES,
        ADMIN + EDIT_SERVICES,
        organisation="cpvcf",
    ),
    Role(
        "CAW editors",
        _("Edit the fact sheet and CAW Brussel's service records; submit changes for review."),
        EDIT_PAGES,
        ADMIN + EDIT_SERVICES,
        organisation="caw-brussel",
    ),
    Role(
        "Reviewers",
        _("Review and publish changes to any page, service record and search setting."),
        REVIEW_PAGES,
        ADMIN + REVIEW_EVERYTHING,
        reviews=True,
    ),
    Role(
        "French translators",
        _("Translate pages and service records into French, in wagtail-localize's editor."),
        TRANSLATE_PAGES,
        ADMIN + TRANSLATE_SERVICES,
        language="fr",
    ),
    Role(
        "Dutch translators",
        _("Translate pages and service records into Dutch, in wagtail-localize's editor."),
        TRANSLATE_PAGES,
        ADMIN + TRANSLATE_SERVICES,
        language="nl",
    ),
)
BY_NAME = {role.name: role for role in ROLES}
# The groups Wagtail's own migrations create, which mean nothing here (a member of "Editors"
# could publish translations): `setup_roles` removes them when nobody is in them.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def roles_of(user) -> list[Role]:
    """The roles of a user, from the groups they belong to."""
    names = getattr(user, "_role_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
        user._role_names = names
    return [BY_NAME[name] for name in names if name in BY_NAME]
