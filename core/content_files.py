"""Read structured content files (YAML); errors name the file, the entry and the problem."""

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from core.sanitise import html_problems

Model = TypeVar("Model", bound=BaseModel)


class ContentFileError(Exception):
    """A content file (YAML, PO or an export) that cannot be loaded; the message says where and
    why, and nothing was changed."""


class Strict(BaseModel):
    """Base for content-file entries: unknown keys are mistakes, not extras."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def check_html(value: str) -> str:
    """Accept only the small rich-text subset the site renders (core/sanitise.py's rule)."""
    if problems := html_problems(value):
        raise ValueError("; ".join(problems))
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
