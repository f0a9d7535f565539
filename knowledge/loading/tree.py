"""Create or update the page tree (home, service directory, fact sheets and their sections)."""

import json
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from core.content_files import ContentFileError, edited_by_someone
from knowledge.loading.blocks import stream_data
from knowledge.loading.schema import FactSheetFile, SectionEntry, SiteEntry
from knowledge.models import (
    FactSheetPage,
    HomePage,
    SectionPage,
    SectionTopic,
    ServiceDirectoryPage,
)


def section_slug(entry: SectionEntry) -> str:
    """'A.5.2 Sex work/prostitution' -> 'a-5-2-sex-work-prostitution'."""
    words = f"{entry.number} {entry.title}".replace(".", " ").replace("/", " ")
    return slugify(words)[:80]


class PageLoader:
    """Upserts pages under their parents; pages edited in the admin are kept unless forced."""

    def __init__(self, locale: Locale, services: dict, report, force=False):
        self.locale, self.services, self.report, self.force = locale, services, report, force

    def ensure_home(self, entry: SiteEntry) -> HomePage:
        home = HomePage.objects.filter(locale=self.locale).first()
        home = self.upsert(
            Page.get_first_root_node(),
            home,
            HomePage,
            slug="knowledge-base",
            label="home page",
            title=entry.home_title,
            intro=entry.home_intro,
        )
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        if site.root_page_id != home.pk:
            placeholder = site.root_page if site.pk else None
            site.root_page, site.site_name = home, entry.home_title
            site.save()
            if placeholder and placeholder.specific_class is Page and placeholder.is_leaf():
                placeholder.delete()  # Wagtail's "Welcome" page, replaced by the home page
        return home

    def ensure_directory(self, home: HomePage, entry: SiteEntry) -> ServiceDirectoryPage:
        existing = ServiceDirectoryPage.objects.child_of(home).first()
        return self.upsert(
            home,
            existing,
            ServiceDirectoryPage,
            slug=entry.directory_slug,
            label="service directory",
            title=entry.directory_title,
            intro=entry.directory_intro,
        )

    def load_fact_sheet(self, home: HomePage, sheet: FactSheetFile) -> FactSheetPage:
        existing = FactSheetPage.objects.child_of(home).filter(slug=sheet.slug).first()
        page = self.upsert(
            home,
            existing,
            FactSheetPage,
            slug=sheet.slug,
            label=f"fact sheet {sheet.slug}",
            title=sheet.title,
            subtitle=sheet.subtitle,
            summary=sheet.summary,
            preface=stream_data(sheet.preface, f"{sheet.slug}/preface", self.services),
        )
        known = {
            s.number: s for s in SectionPage.objects.descendant_of(page).filter(locale=self.locale)
        }
        self.load_sections(page, sheet.sections, known, sheet.slug)
        return page

    def load_sections(
        self, parent: Page, entries: list[SectionEntry], known: dict, sheet_slug: str
    ):
        children = []
        for entry in entries:
            section = self.upsert(
                parent,
                known.get(entry.number),
                SectionPage,
                slug=section_slug(entry),
                label=f"section {entry.number}",
                number=entry.number,
                title=entry.title,
                summary=entry.summary,
                search_terms=entry.search_terms,
                topics=[SectionTopic(topic=topic) for topic in entry.topics],
                body=stream_data(entry.body, f"{sheet_slug}/{entry.number}", self.services),
            )
            self.load_sections(section, entry.sections, known, sheet_slug)
            children.append(section)
        self.keep_order(parent, children)

    def keep_order(self, parent: Page, pages: list[Page]):
        """Put the loaded children in file order, after any page an editor added."""
        wanted = [p.pk for p in pages]
        actual = [pk for pk in parent.get_children().values_list("pk", flat=True) if pk in wanted]
        if actual != wanted:
            for page in pages:
                Page.objects.get(pk=page.pk).move(parent, pos="last-child")
            self.report("moved", f"children of {parent.title} reordered")

    def upsert(self, parent, page, model, *, slug, label, **fields):
        if page is None:
            page = model(slug=slug, locale=self.locale, **fields)
            refuse_invalid(page, label, fields)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.report("created", label)
            return page
        if page.get_parent().pk != parent.pk:
            page.move(parent, pos="last-child")
            page = model.objects.get(pk=page.pk)
            self.report("moved", label)
        if not self.force and edited_by_someone(page):
            self.report("kept", f"{label} (edited in the admin; use --force to overwrite)")
            return page
        before = comparable(page, fields)
        for name, value in fields.items():
            setattr(page, name, value)
        refuse_invalid(page, label, fields)
        if comparable(page, fields) == before and page.live:
            self.report("unchanged", label)
            return page
        page.save_revision().publish()
        self.report("updated", label)
        return model.objects.get(pk=page.pk)


def refuse_invalid(page: Page, label: str, names) -> None:
    """Run the checks the page editor runs on these fields (the model's validators, and each
    block's own `clean` for StreamFields), so a content file never publishes what an editor
    could not save."""
    problems = []
    others = [field.name for field in page._meta.fields if field.name not in names]
    try:
        page.clean_fields(exclude=others)
    except ValidationError as error:
        problems += [
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        ]
    for name in names:
        field = page._meta.get_field(name)
        if hasattr(field, "stream_block"):
            try:
                field.stream_block.clean(getattr(page, name))
            except ValidationError as error:
                problems += block_errors(error.as_json_data(), name)
    if problems:
        raise ContentFileError(f"{label}: " + "; ".join(problems))


def block_errors(data: dict, where: str) -> Iterator[str]:
    """A StreamField error, in Wagtail's JSON form, as "body[2].url: message" lines."""
    for message in data.get("messages", []):
        yield f"{where}: {message}"
    children = data.get("blockErrors") or {}
    for key, child in children.items() if isinstance(children, dict) else enumerate(children):
        if child:
            step = f"[{key}]" if str(key).isdigit() else f".{key}"
            yield from block_errors(child, where + step)


def comparable(page: Page, names) -> str:
    """The database form of the named fields (StreamFields by content, child records by value)."""
    values = {}
    for name in names:
        field = page._meta.get_field(name)
        if field.one_to_many:
            values[name] = [str(child) for child in getattr(page, name).all()]
        else:
            values[name] = field.get_prep_value(getattr(page, name))
    return json.dumps(values, cls=DjangoJSONEncoder, sort_keys=True)
