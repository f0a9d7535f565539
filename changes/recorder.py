"""Record every change partners must see, from Wagtail's signals, into the change log."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, published, unpublished

from changes.models import ChangeEvent
from knowledge.models import SectionPage
from services.models import Service

Action = ChangeEvent.Action


def describe(obj) -> dict:
    if isinstance(obj, SectionPage):
        kind, identifier = ChangeEvent.ObjectType.SECTION, obj.number
    else:
        kind, identifier = ChangeEvent.ObjectType.SERVICE, obj.slug
    return {
        "object_type": kind,
        "object_id": obj.pk,
        "locale": obj.locale.language_code,
        "translation_key": obj.translation_key,
        "identifier": identifier,
    }


def record(obj, action: str) -> None:
    fields = describe(obj)
    if action == Action.PUBLISHED:
        previous = (
            ChangeEvent.objects.filter(
                object_type=fields["object_type"], object_id=fields["object_id"]
            )
            .order_by("-id")
            .first()
        )
        if previous is not None and not previous.removed:
            action = Action.UPDATED
    ChangeEvent.objects.create(action=action, **fields)


def record_sections_using(service: Service) -> None:
    """A section embeds the current service record, so it changed too."""
    page_ids = {
        int(ref.object_id)
        for ref in ReferenceIndex.get_references_to(service)
        if ref.base_content_type.model_class() is Page
    }
    sections = SectionPage.objects.live().public().filter(pk__in=page_ids, locale=service.locale)
    for section in sections:
        record(section, Action.UPDATED)


def record_related_sections(page) -> None:
    """Sections whose representation shows this page: descendants (breadcrumb, parent) and, for
    a section appearing or disappearing, its translations (their list of translations)."""
    related = SectionPage.objects.live().public().descendant_of(page, inclusive=False)
    for section in related:
        record(section, Action.UPDATED)


def record_translations(obj) -> None:
    """Other-language versions list this one (and its status): they changed too."""
    model = SectionPage if isinstance(obj, SectionPage) else Service
    others = model.objects.filter(translation_key=obj.translation_key).exclude(pk=obj.pk)
    others = others.live().public() if model is SectionPage else others.public()
    for translation in others:
        record(translation, Action.UPDATED)


def record_change(obj, action: str) -> None:
    """Record a change, and the changes it makes to the items that show this one: its
    translations (their links and statuses), its parent section (its list of children) and,
    for a service, the sections that embed it."""
    record(obj, action)
    record_translations(obj)
    if isinstance(obj, Service):
        record_sections_using(obj)
        return
    parent = SectionPage.objects.live().public().filter(path=obj.path[: -Page.steplen]).first()
    if parent is not None:
        record(parent, Action.UPDATED)


def is_public(section: SectionPage) -> bool:
    """Neither the section nor an ancestor has a view restriction."""
    return SectionPage.objects.filter(pk=section.pk).public().exists()


def on_page_published(sender, instance, **kwargs):
    """A section is announced unless it is private (its own restriction or an ancestor's): it
    was announced as removed when it became private, and stays out until it is public again."""
    instance = instance.specific
    if isinstance(instance, SectionPage) and is_public(instance):
        record_change(instance, Action.PUBLISHED)
    if not instance.is_leaf():
        record_related_sections(instance)


def on_page_unpublished(sender, instance, **kwargs):
    instance = instance.specific
    if isinstance(instance, SectionPage):
        record_change(instance, Action.UNPUBLISHED)


def on_deleted(sender, instance, **kwargs):
    """A deleted section or service leaves a tombstone, unless it had already been removed."""
    last = (
        ChangeEvent.objects.filter(
            object_type=describe(instance)["object_type"], object_id=instance.pk
        )
        .order_by("-id")
        .first()
    )
    if last is not None and last.action != Action.DELETED:
        record_change(instance, Action.DELETED)


def on_service_published(sender, instance, **kwargs):
    """A service published as closed leaves the feed, as an unpublished one does."""
    if isinstance(instance, Service):
        record_change(instance, Action.PUBLISHED if instance.is_public else Action.UNPUBLISHED)


def on_service_unpublished(sender, instance, **kwargs):
    if isinstance(instance, Service):
        record_change(instance, Action.UNPUBLISHED)


def on_page_moved(sender, instance, **kwargs):
    """URLs and breadcrumbs of the moved page and everything below it changed."""
    for section in SectionPage.objects.live().public().descendant_of(instance, inclusive=True):
        record(section, Action.UPDATED)


def on_restriction_changed(sender, instance, **kwargs):
    """A private page leaves the feed; a page made public again comes back."""
    action = Action.PUBLISHED if kwargs.get("signal") is post_delete else Action.UNPUBLISHED
    sections = SectionPage.objects.live().descendant_of(instance.page, inclusive=True)
    if action == Action.PUBLISHED:  # unless another restriction still holds them
        sections = sections.public()
    for section in sections:
        record_change(section, action)


def connect_signals():
    from wagtail.signals import post_page_move

    page_published.connect(on_page_published, dispatch_uid="changes.page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="changes.page_unpublished")
    post_delete.connect(on_deleted, sender=SectionPage, dispatch_uid="changes.section_deleted")
    published.connect(on_service_published, dispatch_uid="changes.service_published")
    unpublished.connect(on_service_unpublished, dispatch_uid="changes.service_unpublished")
    post_delete.connect(on_deleted, sender=Service, dispatch_uid="changes.service_deleted")
    post_page_move.connect(on_page_moved, dispatch_uid="changes.page_moved")
    post_save.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="changes.restricted"
    )
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="changes.unrestricted"
    )
