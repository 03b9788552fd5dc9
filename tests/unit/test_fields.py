"""The one list of published texts (macros/fields.py) holds every string field of every model,
so a field added later is guarded (and checked) without anyone remembering to list it."""

from __future__ import annotations

import datetime
import itertools
import types
import typing

import pytest
from pydantic import BaseModel

from macros import fields
from macros.model import (
    ID_PATTERN,
    PERIOD_PATTERN,
    AudienceList,
    Brief,
    BriefTypeList,
    FindingKindList,
    ResourceList,
    ThemeList,
)

_counter = itertools.count(1)


def _pattern(info) -> str | None:
    for meta in info.metadata:
        if getattr(meta, "pattern", None):
            return meta.pattern
    return None


def _marker(pattern: str | None) -> str:
    """A unique value for a string field, valid for its pattern."""
    n = next(_counter)
    if pattern == PERIOD_PATTERN:
        return f"20{n % 100:02d}-{(n + 1) % 100:02d}"
    if pattern == ID_PATTERN:
        return f"marker-{n}"
    return f"Marker {n}"


def filled(model: type[BaseModel]) -> tuple[dict, list[tuple[str, str]]]:
    """Data for `model` with every field set (lists with one item), and every string put in it
    as (field name, value), found by walking the model's annotations, not its values."""
    data, strings = {}, []
    for name, info in model.model_fields.items():
        data[name] = _value(name, info.annotation, _pattern(info), strings)
    return data, strings


def _value(name: str, annotation, pattern, strings):
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)][0]
        return _value(name, inner, pattern, strings)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        found = next((m.pattern for m in meta if getattr(m, "pattern", None)), pattern)
        return _value(name, base, found, strings)
    if origin is list:
        return [_value(name, typing.get_args(annotation)[0], pattern, strings)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        data, inner = filled(annotation)
        strings.extend(inner)
        return data
    if annotation is str:
        value = _marker(pattern)
        strings.append((name, value))
        return value
    if annotation is bool:
        return False
    if annotation is datetime.date:
        return datetime.date(2099, 1, 1)
    raise AssertionError(f"field '{name}' has a type this test does not know: {annotation}")


def test_every_string_field_of_a_brief_is_published_text_except_allowances():
    data, strings = filled(Brief)
    brief = Brief.model_validate(data)
    yielded = dict((text, path) for path, text in fields.brief_texts(brief, "2099-00-marker"))
    missing = [(name, value) for name, value in strings if value not in yielded and name not in {"text", "reason"}]
    assert missing == [], f"string fields not in fields.brief_texts: {missing}"
    allowance = brief.allow[0]
    assert allowance.text not in yielded and allowance.reason not in yielded, "allowances are never published"
    assert yielded["2099-00-marker"] == fields.FILE_NAME
    # every other `text` field (strengths, key messages) is published
    texts = [value for name, value in strings if name == "text" and value != allowance.text]
    assert texts and all(value in yielded for value in texts)


@pytest.mark.parametrize(
    "model", [ThemeList, ResourceList, AudienceList, FindingKindList, BriefTypeList], ids=lambda m: m.__name__
)
def test_every_string_field_of_a_shared_list_item_is_published_text(model):
    data, strings = filled(model)
    record = model.model_validate(data)
    name = next(iter(model.model_fields))
    yielded = {text: path for path, text in fields.vocabulary_texts(name, getattr(record, name))}
    item_strings = [(field, value) for field, value in strings if field != "text" and field != "reason"]
    missing = [(field, value) for field, value in item_strings if value not in yielded]
    assert missing == [], f"string fields not in fields.vocabulary_texts: {missing}"
    assert all(path[:2] == (name, 0) for path in yielded.values())


def test_the_paths_point_at_the_fields():
    data, _ = filled(Brief)
    brief = Brief.model_validate(data)
    for path, text in fields.brief_texts(brief, "2099-00-marker"):
        if path == fields.FILE_NAME:
            continue
        value = brief
        for part in path:
            value = value[part] if isinstance(part, int) else getattr(value, part)
        assert value == text
