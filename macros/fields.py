"""The one list of published texts: every string of a brief or a shared list that reaches a page,
an address, an anchor, the search index or the log, with where it sits in its file.

Why one list: the anonymisation guard (and the markup checks) must read every field that is
published, and a field added to the model later must not be forgotten. So the list is made by
walking the records' own fields, not by naming them: a new string field is published, and
scanned, unless it is named in `UNPUBLISHED` below. A test walks the models and fails if a string
field is missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from .problems import Path

# Fields that never reach the site: a reviewer's allowances are kept for reviewers only.
UNPUBLISHED = {"allow"}
# Where a brief's file name is reported: it is the brief's id and address, but no field holds it.
FILE_NAME: Path = ("file name",)


def record_texts(record: BaseModel, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every string in `record`, nested records and lists included, in the order of its fields."""
    for name in type(record).model_fields:
        if name in UNPUBLISHED:
            continue
        value = getattr(record, name)
        if isinstance(value, str):
            yield path + (name,), value
        elif isinstance(value, BaseModel):
            yield from record_texts(value, path + (name,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield path + (name, i), item
                elif isinstance(item, BaseModel):
                    yield from record_texts(item, path + (name, i))


def brief_texts(record_or_brief, file_stem: str | None = None) -> Iterator[tuple[Path, str]]:
    """Every published text of a brief: its file name (the brief's id and address), then every
    string field (titles, labels, pseudonyms, ids, themes, texts, questions ...); not `allow:`."""
    brief = getattr(record_or_brief, "brief", record_or_brief)
    stem = file_stem if file_stem is not None else getattr(record_or_brief, "id", None)
    if stem:
        yield FILE_NAME, stem
    yield from record_texts(brief)


def vocabulary_texts(name: str, items) -> Iterator[tuple[Path, str]]:
    """Every published text of a shared list (`themes`, `resources`, `audiences`): every string
    field of every item, ids and addresses included."""
    for i, item in enumerate(items):
        yield from record_texts(item, (name, i))
