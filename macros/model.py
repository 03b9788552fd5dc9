"""Typed records for the content under data/.

The same models drive three things: the JSON Schema editors' tools read (data/schema/), the
`make check` command, and the site build. Field descriptions here are what editors see as
hints in their editor, so they are written for editors.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# When a brief covers: an audit year (2017-18), a calendar year (2014), a month (2016-04) or a day.
PERIOD_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
# A brief's file name: its period, then a slug that starts with a letter (2016-04-neglect-round).
BRIEF_ID_PATTERN = r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$"

# Every text has a length limit suited to what it holds, so no input can make a page, the search
# index or Markdown's conversion blow up; an editor who needs more splits the text.
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]


def _one_visible_line(value: str) -> str:
    """A title or a name is read on one line, and shows something: a line break (from a `|`
    block) or only invisible characters (a zero-width space pasted alone) is a mistake."""
    if "\n" in value:
        raise ValueError("must be one line: join its lines (or write it after the colon, in quotes)")
    if all(character.isspace() or unicodedata.category(character) in ("Cf", "Cc") for character in value):
        raise ValueError("shows nothing: it holds only invisible characters; write the words")
    return value


Line = Annotated[  # a title, a name
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_one_visible_line)
]
Sentence = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1500)
]  # a question, a point
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=8000)]  # paragraphs of Markdown
Address = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
# A calendar year is naturally written as a number (`year: 2014`): read it as the text it is.
Period = Annotated[
    str,
    # ... and a day as the date YAML reads it as (`year: 2016-04-12`).
    BeforeValidator(
        lambda value: str(value) if type(value) is int else value.isoformat() if type(value) is date else value
    ),
    StringConstraints(pattern=PERIOD_PATTERN),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": PERIOD_PATTERN}, {"type": "integer"}]}),
]


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


class FindingKind(Record):
    id: Id = Field(description="Lower-case words joined by hyphens, as briefs write it after `kind:`.")
    title: Line = Field(description="The heading findings of this kind are shown under, such as 'Strengths'.")
    label: Line = Field(description="One finding of this kind, such as 'Strength'.")
    description: Sentence = Field(description="One sentence: what a finding of this kind is.")


class BriefType(Record):
    id: Id = Field(description="Lower-case words joined by hyphens, as briefs write it after `type:`.")
    title: Line = Field(description="The type's name, such as 'Rapid review'.")
    plural: Line = Field(description="The heading its page shows, such as 'Rapid reviews'.")
    description: Sentence = Field(description="One sentence: what this kind of publication is.")


class FindingKindList(Record):
    kinds: list[FindingKind]


class BriefTypeList(Record):
    types: list[BriefType]


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


class Action(Record):
    """Something the partnership will do, and the role responsible for it."""

    text: Sentence = Field(description="What will be done, in Markdown.")
    responsible: Line | None = Field(
        default=None, description="The role or team responsible, such as 'Designated Nurse'. Never a person's name."
    )


class Learning(Record):
    """What every finding may hold; `Finding`, `Strength` and `KeyMessage` are its three forms."""

    id: Id | None = Field(
        default=None,
        description="Optional anchor on the brief page; by default made from the title. Never change once published.",
    )
    title: Line | None = Field(default=None, description="Its heading, when the brief gives one.")
    themes: list[Id] = Field(min_length=1, description="Theme ids from data/themes.yml.")
    cases: list[Id] = Field(default=[], description="Ids of the cases in this brief it came from.")
    audiences: list[Id] = Field(default=[], description="Audience ids from data/audiences.yml it is addressed to.")
    text: Text | None = Field(
        default=None, description="What was found, in Markdown. Separate paragraphs with a blank line."
    )
    points: list[Sentence] = Field(default=[], description="Bullet points, in Markdown.")
    questions: list[Sentence] = Field(default=[], description="Reflective questions, each ending in a question.")
    closing: Text | None = Field(default=None, description="Text printed after the questions, in Markdown.")
    action: Sentence | None = Field(default=None, description="The action taken or agreed on it, in Markdown.")
    outcome: Sentence | None = Field(default=None, description="What came of the action, in Markdown.")
    compared_with: Line | None = Field(
        default=None,
        description="The earlier audit it compares with: a brief id on this site (linked), or how the brief names it.",
    )
    see_also: list[Id] = Field(
        default=[], description="Ids of other briefs on this site, or of resources in data/resources.yml, it refers to."
    )


class Finding(Learning):
    """One finding of a kind from data/finding-kinds.yml: a strength, a concern, an issue ..."""

    kind: Id = Field(description="Its kind, an id from data/finding-kinds.yml, such as strength or concern.")


class Strength(Learning):
    """Good practice the audit found (a finding of kind `strength`)."""


class KeyMessage(Learning):
    """What professionals should learn, with reflective questions (a finding of kind `key-message`)."""

    title: Line = Field(description="The key message heading.")
    text: Text = Field(description="The key message, in Markdown. Separate paragraphs with a blank line.")


class Case(Record):
    """One audited or reviewed case, anonymised."""

    id: Id = Field(description="Short id used to refer to the case, such as case-1.")
    label: Line = Field(description="How the brief names the case, such as 'Case 1'.")
    pseudonym: Line | None = Field(
        default=None, description="The child's pseudonym, marked with * (such as 'Felix*'). Never a real name."
    )
    pseudonyms: list[Line] = Field(
        default=[], description="When the case names several people: each pseudonym, marked with * (such as 'Amy*')."
    )
    context: Sentence | None = Field(
        default=None, description="The family in short: children's ages as a range, the plan and how long it has run."
    )
    summary: Text | None = Field(default=None, description="Brief summary of the case, in Markdown.")
    findings: list[Finding] = Field(default=[], description="What was found in this case, each with its kind.")
    strengths: list[Strength] = Field(
        default=[], description="Strengths found in this case (findings of kind strength)."
    )
    key_messages: list[KeyMessage] = Field(default=[], description="Key messages from this case.")
    see_also: list[Id] = Field(default=[], description="Ids of other briefs, or of resources, this case refers to.")

    @property
    def names(self) -> list[str]:
        """Every pseudonym the case declares, as written (with its *)."""
        return ([self.pseudonym] if self.pseudonym else []) + list(self.pseudonyms)


class Brief(Record):
    """One learning brief: one file, data/briefs/<period>-<slug>.yml."""

    draft: bool = Field(
        default=False,
        description="true while the brief is being written: it is checked and shown by `make serve`, never published.",
    )
    title: Line = Field(description="The brief's topic, such as 'Think Family'.")
    type: Id = Field(description="What kind of publication it is: an id from data/brief-types.yml.")
    year: Period = Field(
        description="When it covers: an audit year (2017-18), a calendar year (2014), a month (2016-04) or a date "
        "(2016-04-12). It starts the file name.",
        examples=["2017-18", "2014", "2016-04"],
    )
    published: date | None = Field(default=None, description="The date it was published, when the brief states it.")
    updated: date | None = Field(default=None, description="The date it was last corrected, when it was.")
    board: Line = Field(description="The partnership or board that published it.")
    series: Line | None = Field(default=None, description="The series it belongs to, such as 'CHSCB Case Audits'.")
    areas: list[Line] = Field(min_length=1, description="The area(s) it covers.")
    themes: list[Id] = Field(default=[], description="The themes the brief lists on its front page.")
    introduction: Text = Field(description="The introduction, in Markdown.")
    purpose: Text | None = Field(default=None, description="What the audit or review set out to do, in Markdown.")
    cases: list[Case] = Field(default=[], description="The audited or reviewed cases, if the brief describes any.")
    findings: list[Finding] = Field(default=[], description="What was found across the brief, each with its kind.")
    strengths: list[Strength] = Field(default=[], description="Strengths across the cases (findings of kind strength).")
    key_messages: list[KeyMessage] = Field(
        default=[], description="Key messages across the cases (findings of kind key-message)."
    )
    questions: list[Sentence] = Field(
        default=[], description="Reflective questions for the whole brief, each ending in a question."
    )
    actions: list[Action] = Field(default=[], description="What the partnership will do, with the role responsible.")
    see_also: list[Id] = Field(
        default=[],
        description="Ids of other briefs on this site, or of resources in data/resources.yml (outside reviews).",
    )
    allow: list[Allowance] = Field(
        default=[], description="Texts the anonymisation guard flagged that a reviewer has allowed, with reasons."
    )


# --- Derived names -------------------------------------------------------------------------


def slugify(text: str) -> str:
    """'The 'Silent' Child' -> 'the-silent-child', 'Café – naïve' -> 'cafe-naive'; used for
    stable heading anchors and new briefs' file names."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", plain.lower().replace("'", ""))
    return "-".join(words) or "section"
