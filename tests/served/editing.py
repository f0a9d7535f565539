"""An editor's process beside a served site: the operations editors make in the admin, made
with Wagtail's own API on the site's database, each committed on its own as a request would.

Run as `python -m tests.served.editing` with the server's environment; it reads one JSON
operation a line ({"op": name, "pick": n}) and answers one JSON line ({"done": description})."""

import json
import sys
from datetime import timedelta

import django

CANDIDATES = 40  # `pick` chooses among the first candidates, in a stable order


def main():
    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, PageViewRestriction

    from knowledge.models import SectionPage
    from services.models import Organisation, Service

    def pick(queryset, n):
        items = list(queryset.order_by("pk")[:CANDIDATES])
        return items[n % len(items)] if items else None

    def sections(**filters):
        return SectionPage.objects.filter(**filters)

    def edit_section(n):
        page = pick(sections(live=True), n)
        page.summary = f"{page.summary.split(' ~')[0]} ~{n}"
        page.save_revision().publish()
        return f"edited {page.locale.language_code} {page.number}"

    def save_draft(n):
        page = pick(sections(live=True), n)
        page.summary = f"Draft only {n}"
        page.save_revision()
        return f"draft of {page.number}"

    def reorder(n):
        page = pick(sections(live=True, locale__language_code="en"), n)
        siblings = page.get_siblings(inclusive=False)
        if not siblings.exists():
            return "no sibling"
        target = siblings.order_by("path").first()
        page.move(target, pos="left")
        return f"moved {page.number} before {target.specific.number}"

    def move_elsewhere(n):
        page = pick(sections(live=True, numchild=0, locale__language_code="en"), n)
        parent = page.get_parent()
        target = pick(sections(live=True, depth=parent.depth, locale=page.locale), n + 1)
        if target is None or target.pk == parent.pk:
            return "nowhere to move"
        page.move(target, pos="last-child")
        return f"moved {page.number} under {target.number}"

    def unpublish_parent(n):
        page = pick(sections(live=True, numchild__gt=0), n)
        page.unpublish()
        return f"unpublished parent {page.number}"

    def republish(n):
        page = pick(sections(live=False), n)
        if page is None:
            return "nothing to republish"
        page.save_revision().publish()
        return f"republished {page.number}"

    def delete_leaf(n):
        page = pick(sections(numchild=0), n)
        number = page.number
        page.delete()
        return f"deleted {number}"

    def make_private(n):
        page = pick(sections(live=True, numchild__gt=0), n)
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        return f"private {page.number}"

    def make_public(n):
        restriction = pick(PageViewRestriction.objects.all(), n)
        if restriction is None:
            return "nothing private"
        restriction.delete()
        return "public again"

    def edit_organisation(n):
        organisation = pick(Organisation.objects.all(), n)
        organisation.name = f"{organisation.name.split(' ~')[0]} ~{n}"
        organisation.save()
        return f"renamed organisation {organisation.slug}"

    def translate(n):
        page = pick(sections(live=True, locale__language_code__in=["fr", "nl"]), n)
        page.title = f"{page.title.split(' ~')[0]} ~{n}"
        page.save_revision().publish()
        return f"translated {page.locale.language_code} {page.number}"

    def change_phone(n):
        service = pick(Service.objects.filter(live=True, locale__language_code="en"), n)
        channels = list(service.channels.all())
        channels[0].value = f"02 555 {n % 100:02d} {n % 97:02d}"
        service.channels = channels
        service.save_revision().publish()
        return f"phone of {service.slug}"

    def close_or_reopen(n):
        service = pick(Service.objects.filter(live=True), n)
        closed = service.status == Service.Status.CLOSED
        service.status = Service.Status.ACTIVE if closed else Service.Status.CLOSED
        service.save_revision().publish()
        return f"{'reopened' if closed else 'closed'} {service.slug}"

    def unpublish_translation(n):
        nl = Locale.objects.get(language_code="nl")
        service = pick(Service.objects.filter(live=True, locale=nl), n)
        service.unpublish()
        return f"unpublished nl {service.slug}"

    def scheduled_publish(n):
        page = pick(sections(live=True), n)
        page.summary = f"{page.summary.split(' ~')[0]} ~scheduled {n}"
        revision = page.save_revision(approved_go_live_at=timezone.now() + timedelta(hours=1))
        revision.publish()  # scheduled: not live yet
        revision.approved_go_live_at = timezone.now() - timedelta(seconds=1)
        revision.save(update_fields=["approved_go_live_at"])
        call_command("publish_scheduled", verbosity=0)
        return f"scheduled publish of {page.number}"

    scope = locals()
    operations = {name: scope[name] for name in OPERATIONS}
    for line in sys.stdin:
        request = json.loads(line)
        with transaction.atomic():
            done = operations[request["op"]](request["pick"])
        print(json.dumps({"done": done}), flush=True)


OPERATIONS = (
    "edit_section", "save_draft", "reorder", "move_elsewhere", "unpublish_parent", "republish",
    "delete_leaf", "make_private", "make_public", "edit_organisation", "translate",
    "change_phone", "close_or_reopen", "unpublish_translation", "scheduled_publish",
)  # fmt: skip

if __name__ == "__main__":
    main()
