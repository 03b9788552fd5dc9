"""`make new-brief YEAR=2018-19 TITLE="..." [TYPE=...]`: write a skeleton brief with the right file
name, in the shape of its type.

The skeleton is a draft (checked, previewed by `make serve`, never published) whose texts and
choices are marked TODO; the check refuses to publish a TODO anywhere, comments included, once
`draft: true` is removed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from . import periods
from .checks import Vocabulary
from .content import Catalogue, load, load_brief
from .model import slugify
from .problems import ContentError, Problem

ROOT = Path(__file__).resolve().parents[1]
q = json.dumps  # a JSON string is a valid YAML string, quoted and escaped

# The shape of each type's skeleton: which parts its briefs usually have.
CASES_AND_MESSAGES = "cases and messages"
CASE_ISSUES = "case issues"
ROUND = "audit round"
BRIEFING = "briefing"
REVIEW = "review"
SHAPES = {
    "multi-agency-case-audit": CASES_AND_MESSAGES,
    "case-audit": CASE_ISSUES,
    "themed-audit": ROUND,
    "seven-minute-briefing": BRIEFING,
}

THEMES = "themes: [{theme}]  # TODO choose from data/themes.yml"
PARTS = {
    CASES_AND_MESSAGES: f"""
cases:
  - id: case-1
    label: Case 1
    # pseudonym: the child's pseudonym with a *, only if the brief names one
    summary: TODO a short, anonymised summary of the case.

# Strengths and key messages for the whole brief; or put them under each case instead.
strengths:
  - title: TODO the strength's heading (or delete this line)
    {THEMES}
    cases: [case-1]
    text: TODO the strength.

key_messages:
  - title: TODO the key message heading
    {THEMES}
    cases: [case-1]
    text: TODO the key message.
    questions:
      - TODO a reflective question, ending in a question mark?
""",
    CASE_ISSUES: f"""
cases:
  - id: case-1
    label: Case 1
    context: TODO the family in short (children's ages as a range, the plan and how long it has run).
    findings:
      - kind: issue
        {THEMES}
        text: TODO the issue identified.
        action: TODO the action taken.
        outcome: TODO its outcome.
    # see_also: [ids of other briefs, or of resources for reviews elsewhere]
""",
    ROUND: f"""
purpose: TODO what this round of audits set out to look at.

findings:
  - kind: strength
    {THEMES}
    text: TODO a positive finding.
  - kind: concern
    {THEMES}
    text: TODO a concern.

actions:
  - text: TODO what the partnership will do.
    responsible: TODO the role or team responsible (never a person's name)
""",
    BRIEFING: f"""
purpose: TODO why this briefing matters (the review it comes from, in one or two sentences).

findings:
  - kind: key-message
    title: TODO the heading of one of the briefing's sections
    {THEMES}
    text: TODO what it says.

# Questions for the whole briefing, to discuss as a team.
questions:
  - TODO a reflective question, ending in a question mark?
""",
    REVIEW: f"""
purpose: TODO what the review looked at.

key_messages:
  - title: TODO the key message heading
    {THEMES}
    text: TODO the learning.
    questions:
      - TODO a reflective question, ending in a question mark?
""",
}


def skeleton(
    year: str, title: str, type_id: str, board: str, series: str | None, areas: list[str], theme_id: str
) -> str:
    shape = SHAPES.get(type_id, REVIEW)
    return f"""# yaml-language-server: $schema=../schema/brief.schema.json
# A new brief. Replace every TODO (field guide: CONTRIBUTING.md), check it with `make check`,
# preview it with `make serve`; to publish it, delete these two lines and `draft: true`.
draft: true
title: {q(title)}
type: {type_id}
year: {q(year)}
board: {q(board)}
{f"series: {q(series)}" if series else "# series: the series it belongs to, if any"}
areas: {q(areas)}
# themes: the themes the brief lists on its front page, ids from data/themes.yml
themes: []
introduction: TODO the introduction.
""" + PARTS[shape].replace("{theme}", theme_id)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make new-brief", description=__doc__)
    parser.add_argument(
        "--year", required=True, help="the period: an audit year (2018-19), a year (2014) or a month (2016-04)"
    )
    parser.add_argument("--title", required=True, help="the brief's topic, such as 'Neglect'")
    parser.add_argument("--type", default="", help="its type, an id from data/brief-types.yml")
    parser.add_argument("--data", default=str(ROOT / "data"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    usage = 'make new-brief YEAR=2018-19 TITLE="Neglect" TYPE=multi-agency-case-audit'
    try:
        periods.parse(args.year or "")
    except ValueError as error:
        print(f"YEAR '{args.year}' {error}: {usage}")
        return 2
    if not args.title.strip():
        print(f"TITLE must not be empty: {usage}")
        return 2
    data = Path(args.data)
    try:
        catalogue = load(data)
    except ContentError as error:
        print(f"{error}\nFix the content first, then run make new-brief again.")
        return 1
    if not catalogue.themes:
        print("data/themes.yml lists no themes yet: a brief names its themes from there, so add them first")
        return 1
    type_id = args.type or "multi-agency-case-audit"
    if type_id not in catalogue.types:
        print(f"TYPE '{type_id}' is not in data/brief-types.yml: use one of {', '.join(catalogue.types)}")
        return 2
    slug = slugify(args.title)
    if not re.match(r"[a-z]", slug):
        slug = f"brief-{slug}"
    target = data / "briefs" / f"{args.year}-{slug}.yml"
    if target.exists():
        print(f"{target.relative_to(data.parent)} already exists: choose another TITLE or edit that file")
        return 1
    latest = catalogue.latest.brief if catalogue.latest else None
    text = skeleton(
        args.year,
        args.title.strip(),
        type_id,
        latest.board if latest else "TODO the board or partnership",
        latest.series if latest else None,
        latest.areas if latest else ["TODO the area"],
        next(iter(catalogue.themes)),
    )
    if problems := skeleton_problems(text, target, catalogue):
        # What was typed would make a brief the check refuses (a control character, curly
        # brackets, a name): say so now, and write nothing.
        print(
            f"{target.relative_to(data.parent)} was not written: the TITLE, YEAR or TYPE typed would not pass the check."
        )
        print("\n".join(f"  {message}" for message in dict.fromkeys(p.message for p in problems)))
        return 2
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(data.parent)}: replace each TODO, then run make check")
    return 0


def skeleton_problems(text: str, target: Path, catalogue: Catalogue) -> list[Problem]:
    """The errors `make check` would find in the skeleton `text` once written as `target`,
    against the shared lists just loaded, found on a copy outside data/, so nothing is written
    when there are any. The skeleton names no other brief."""
    vocab = Vocabulary(catalogue.themes, catalogue.resources, catalogue.audiences, catalogue.kinds, catalogue.types)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / target.name
        copy.write_text(text, encoding="utf-8")
        _, problems = load_brief(copy, f"{catalogue.data_name}/briefs/{target.name}", vocab)
    return [problem for problem in problems if not problem.warning]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
