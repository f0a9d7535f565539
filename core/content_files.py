"""Read structured content files (YAML); errors name the file, the entry and the problem."""

from pathlib import Path
from typing import TypeVar

import yaml
from bs4 import BeautifulSoup
from pydantic import BaseModel, ConfigDict, ValidationError

Model = TypeVar("Model", bound=BaseModel)

ALLOWED_TAGS = {"p", "ul", "ol", "li", "b", "i", "a"}
ALLOWED_LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")


class ContentFileError(Exception):
    """A content file (YAML, PO or an export) that cannot be loaded; the message says where and
    why, and nothing was changed."""


class Strict(BaseModel):
    """Base for content-file entries: unknown keys are mistakes, not extras."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def check_html(value: str) -> str:
    """Accept only the small rich-text subset the site renders (p, lists, b, i, links)."""
    for tag in BeautifulSoup(value, "html.parser").find_all(True):
        if tag.name not in ALLOWED_TAGS:
            raise ValueError(
                f"HTML tag <{tag.name}> is not allowed (allowed: {sorted(ALLOWED_TAGS)})"
            )
        allowed_attrs = {"href"} if tag.name == "a" else set()
        if set(tag.attrs) - allowed_attrs:
            raise ValueError(f"attributes {sorted(set(tag.attrs) - allowed_attrs)} on <{tag.name}>")
        if tag.name == "a" and not tag.get("href", "").startswith(ALLOWED_LINK_SCHEMES):
            raise ValueError(
                f"link {tag.get('href')!r} must start with one of {ALLOWED_LINK_SCHEMES}"
            )
    return value


def describe_location(data, loc: tuple) -> str:
    """Turn a pydantic error location into words, naming entries by slug or number."""
    parts, node = [], data
    for key in loc:
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            node = node[key]
            label = next(
                (
                    f" ({k} {node[k]!r})"
                    for k in ("number", "slug")
                    if isinstance(node, dict) and k in node
                ),
                "",
            )
            parts.append(f"[{key}]{label}")
        else:
            node = node.get(key) if isinstance(node, dict) else None
            parts.append(f".{key}" if parts else str(key))
    return "".join(parts) or "(top level)"


def read_content_file(path: Path, model: type[Model]) -> Model:
    """Parse and validate one file, or raise ContentFileError listing every problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ContentFileError(f"{path}: cannot be read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ContentFileError(f"{path}: not valid YAML: {exc}") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{path}: {describe_location(data, err['loc'])}: {err['msg']}" for err in exc.errors()
        ]
        raise ContentFileError("\n".join(problems)) from exc


def edited_by_someone(obj) -> bool:
    """True when the newest revision was made by a person rather than by a loader."""
    revision = getattr(obj, "latest_revision", None)
    return revision is not None and revision.user_id is not None
