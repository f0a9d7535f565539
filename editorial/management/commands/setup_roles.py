"""Create the editorial roles (groups and permissions) and the review workflow, as
editorial/roles.py describes them."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from editorial.roles import REVIEW_TASK, REVIEW_WORKFLOW, ROLES, WAGTAIL_DEFAULT_GROUPS
from services.models import Organisation, Service


def permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


class Command(BaseCommand):
    help = "Create or update the editorial roles and the review workflow (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        homes = {
            home.locale.language_code: home
            for home in Page.objects.filter(depth=2).select_related("locale")
        }
        for role in ROLES:
            group, _ = Group.objects.get_or_create(name=role.name)
            group.permissions.set([permission(p) for p in role.permissions])
            pages = [homes[role.language]] if role.language in homes else list(homes.values())
            wanted = {
                (page.pk, permission(f"wagtailcore.{action}").pk)
                for page in pages
                for action in role.page_actions
            }
            current = {
                (p.page_id, p.permission_id): p
                for p in GroupPagePermission.objects.filter(group=group)
            }
            for key, row in current.items():
                if key not in wanted:
                    row.delete()
            for page_id, permission_id in wanted - current.keys():
                GroupPagePermission.objects.create(
                    group=group, page_id=page_id, permission_id=permission_id
                )
        self.review_workflow()
        self.remove_wagtail_default_groups()
        languages = ", ".join(Locale.objects.values_list("language_code", flat=True))
        self.stdout.write(f"Roles ready: {', '.join(r.name for r in ROLES)} ({languages}).")

    def remove_wagtail_default_groups(self):
        """Wagtail's "Editors" and "Moderators" go when empty; with members they stay, named, so
        that an administrator moves the members to a role first (nobody loses access unseen)."""
        for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
            members = group.user_set.count()
            if members:
                self.stderr.write(
                    f"Wagtail's default group {group.name!r} kept: it has {members} member(s). "
                    "Give them one of the roles, then run setup_roles again."
                )
            else:
                group.delete()

    def review_workflow(self):
        """Every page, service record and organisation goes through one review step before it goes
        live: editors submit, a reviewer approves (or asks for changes) and publishes."""
        reviewers = Group.objects.get(name=next(r.name for r in ROLES if r.reviews))
        task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
        task.groups.set([reviewers])
        workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        root = Page.get_first_root_node()
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
        for model in (Service, Organisation):
            WorkflowContentType.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(model),
                defaults={"workflow": workflow},
            )
