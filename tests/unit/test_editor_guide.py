"""The editors' guide (CONTRIBUTING.md, also the site's guide page) agrees with the model."""

from __future__ import annotations

import re

import pytest
import yaml

from macros.model import Action, Allowance, Brief, Case, Finding, KeyMessage, Strength
from support import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def field_tables() -> list[dict[str, str]]:
    """Each `| field | required | ...` table in the guide, as {field: required}."""
    tables, current = [], None
    for line in GUIDE.splitlines():
        if line.startswith("| field | required |"):
            current = {}
            tables.append(current)
        elif current is not None and (match := re.match(r"\| `(\w+)` \| (yes|no) \|", line)):
            current[match.group(1)] = match.group(2)
        elif not line.startswith("|"):
            current = None
    return tables


@pytest.mark.parametrize("index, model", enumerate([Brief, Case, Finding, Action, Allowance]))
def test_field_table_lists_every_field_and_whether_it_is_required(index, model):
    table = field_tables()[index]
    expected = {name: "yes" if field.is_required() else "no" for name, field in model.model_fields.items()}
    assert table == expected, f"the {model.__name__} table in CONTRIBUTING.md disagrees with macros/model.py"


def test_strengths_and_key_messages_take_a_findings_fields_but_its_kind():
    """The guide gives one table for all three; it is true only while they share their fields."""
    finding = set(Finding.model_fields) - {"kind"}
    assert set(Strength.model_fields) == finding == set(KeyMessage.model_fields)
    assert KeyMessage.model_fields["title"].is_required() and KeyMessage.model_fields["text"].is_required()


def test_the_guide_template_is_a_valid_brief_shape():
    block = GUIDE.split("```yaml\n", 1)[1].split("```", 1)[0]
    Brief.model_validate(yaml.safe_load(block))


def test_every_example_in_the_guide_is_valid_where_it_goes():
    """Each shape's example replaces the skeleton's fields it shows; an allowance example is a
    list of allowances. An example an editor copies must never be refused."""
    template, *examples = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)]
    shapes = [example for example in examples if "allow" not in example]
    assert len(shapes) >= 4, "the guide shows an example of each shape"
    for example in shapes:
        Brief.model_validate({**template, **example})
    allowances = [allowance for example in examples for allowance in example.get("allow", [])]
    assert allowances
    for allowance in allowances:
        Allowance.model_validate(allowance)


def test_the_pull_request_template_carries_the_guide_checklist():
    checklist = [line for line in GUIDE.splitlines() if line.startswith("- [ ]")]
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert checklist and all(item in template for item in checklist)
