"""Typed records for the content under data/.

The same models drive three things: the JSON Schema editors' tools read (data/schema/), the
`make check` command, and the site build. Field descriptions here are what editors see as
hints in their editor, so they are written for editors.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
YEAR_PATTERN = r"^(\d{4})-(\d{2})$"
BRIEF_ID_PATTERN = r"^(\d{4}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$"

# Every text has a length limit suited to what it holds, so no input can make a page, the search
# index or Markdown's conversion blow up; an editor who needs more splits the text.
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]  # a title, a name
Sentence = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1500)
]  # a question, a point
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=8000)]  # paragraphs of Markdown
Address = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Year = Annotated[str, StringConstraints(pattern=YEAR_PATTERN)]


class Record(BaseModel):
    """Every record: unknown fields are mistakes, and nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Allowance(Record):
    """A reviewed false alarm of the anonymisation guard, allowed for this exact text only."""

    text: Sentence = Field(description="The exact text the guard flagged.")
    reason: Sentence = Field(description="Why it does not identify anyone (kept for reviewers).")


# --- Shared vocabularies ---------------------------------------------------------------


class Theme(Record):
    id: Id = Field(description="Lower-case words joined by hyphens; the page address themes/<id>.html.")
    title: Line = Field(description="The theme's name as briefs print it.")
    description: Sentence = Field(description="One paragraph: what learning this theme collects.")
    aliases: list[Line] = Field(default=[], description="Other names for the theme, shown as 'Also called'.")
    search_terms: list[Line] = Field(
        default=[], description="Words that should find this theme's learning in search but are not other names for it."
    )
    related: list[Id] = Field(default=[], description="Ids of related themes.")


class Resource(Record):
    id: Id = Field(description="Lower-case words joined by hyphens; briefs link to it as resource:<id>.")
    title: Line = Field(description="The policy, guidance, tool or contact's name.")
    url: Address | None = Field(
        default=None,
        description="Its full address, once known (https://..., http://... or mailto:...). Leave out until then.",
    )


class Audience(Record):
    id: Id = Field(description="Lower-case words joined by hyphens; the page address audiences/<id>.html.")
    title: Line = Field(description="The role, plural, as in 'For GPs'.")
    description: Sentence = Field(description="One sentence about who this is.")


class ThemeList(Record):
    themes: list[Theme]


class ResourceList(Record):
    resources: list[Resource]
    allow: list[Allowance] = Field(
        default=[],
        description="Organisations' own addresses (for mailto: links) or names the guard flagged, allowed by exact text with a reason.",
    )


class AudienceList(Record):
    audiences: list[Audience]


# --- A brief -----------------------------------------------------------------------------


class Strength(Record):
    """Good practice the audit found."""

    title: Line | None = Field(default=None, description="Heading, when the brief groups strengths under one.")
    themes: list[Id] = Field(min_length=1, description="Theme ids from data/themes.yml.")
    cases: list[Id] = Field(default=[], description="Ids of the cases in this brief it came from.")
    text: Text | None = Field(default=None, description="The strength, in Markdown.")
    points: list[Sentence] = Field(default=[], description="Bullet points, in Markdown.")


class KeyMessage(Record):
    """What professionals should learn, with reflective questions."""

    id: Id | None = Field(
        default=None,
        description="Optional anchor on the brief page; by default made from the title. Never change once published.",
    )
    title: Line = Field(description="The key message heading.")
    themes: list[Id] = Field(min_length=1, description="Theme ids from data/themes.yml.")
    cases: list[Id] = Field(default=[], description="Ids of the cases in this brief it came from.")
    audiences: list[Id] = Field(default=[], description="Audience ids from data/audiences.yml it is addressed to.")
    text: Text = Field(description="The key message, in Markdown. Separate paragraphs with a blank line.")
    questions: list[Sentence] = Field(default=[], description="Reflective questions, each ending in a question.")
    closing: Text | None = Field(default=None, description="Text printed after the questions, in Markdown.")


class Case(Record):
    """One audited case, anonymised."""

    id: Id = Field(description="Short id used to refer to the case, such as case-1.")
    label: Line = Field(description="How the brief names the case, such as 'Case 1'.")
    pseudonym: Line | None = Field(
        default=None, description="The child's pseudonym, marked with * (such as 'Felix*'). Never a real name."
    )
    summary: Text = Field(description="Brief summary of the case, in Markdown.")
    strengths: list[Strength] = Field(default=[], description="Strengths found in this case.")
    key_messages: list[KeyMessage] = Field(default=[], description="Key messages from this case.")


class Brief(Record):
    """One learning brief: one file, data/briefs/<year>-<slug>.yml."""

    draft: bool = Field(
        default=False,
        description="true while the brief is being written: it is checked and shown by `make serve`, never published.",
    )
    title: Line = Field(description="The brief's topic, such as 'Think Family'.")
    year: Year = Field(description="The audit year, such as 2017-18 (it starts the file name).", examples=["2017-18"])
    board: Line = Field(description="The partnership or board that published it.")
    series: Line | None = Field(default=None, description="The series it belongs to, such as 'CHSCB Case Audits'.")
    areas: list[Line] = Field(min_length=1, description="The area(s) the audited cases came from.")
    themes: list[Id] = Field(default=[], description="The themes the brief lists on its front page.")
    introduction: Text = Field(description="The introduction, in Markdown.")
    cases: list[Case] = Field(min_length=1, description="The audited cases.")
    strengths: list[Strength] = Field(default=[], description="Strengths across the cases (when not given per case).")
    key_messages: list[KeyMessage] = Field(
        default=[], description="Key messages across the cases (when not given per case)."
    )
    allow: list[Allowance] = Field(
        default=[], description="Texts the anonymisation guard flagged that a reviewer has allowed, with reasons."
    )


# --- Derived names -------------------------------------------------------------------------


def slugify(text: str) -> str:
    """'The 'Silent' Child' -> 'the-silent-child'; used for stable heading anchors."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    return "-".join(words) or "section"
