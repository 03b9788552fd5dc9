"""`make new-brief YEAR=2018-19 TITLE="..."`: write a skeleton brief with the right file name.

The skeleton is a draft (checked, previewed by `make serve`, never published) whose texts
start with TODO; the check refuses to publish a TODO once `draft: true` is removed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from .content import load
from .model import YEAR_PATTERN, slugify
from .problems import ContentError

ROOT = Path(__file__).resolve().parents[1]


def skeleton(year: str, title: str, board: str, series: str | None, areas: list[str], theme_id: str) -> str:
    q = json.dumps  # a JSON string is a valid YAML string, quoted and escaped
    return f"""# yaml-language-server: $schema=../schema/brief.schema.json
# A new brief. Replace every TODO (field guide: CONTRIBUTING.md), check it with `make check`,
# preview it with `make serve`, then delete the `draft: true` line to publish it.
draft: true
title: {q(title)}
year: {q(year)}
board: {q(board)}
{f"series: {q(series)}" if series else "# series: CHSCB Case Audits"}
areas: {q(areas)}
# themes: the themes the brief lists on its front page, ids from data/themes.yml
themes: []
introduction: TODO the introduction.

cases:
  - id: case-1
    label: Case 1
    # pseudonym: the child's pseudonym with a *, only if the brief names one
    summary: TODO a short, anonymised summary of the case.

# Strengths and key messages for the whole brief; or put them under each case instead.
strengths:
  - title: TODO the strength's heading (or delete this line)
    themes: [{theme_id}]  # TODO choose from data/themes.yml
    cases: [case-1]
    text: TODO the strength.

key_messages:
  - title: TODO the key message heading
    themes: [{theme_id}]  # TODO choose from data/themes.yml
    cases: [case-1]
    text: TODO the key message.
    questions:
      - TODO a reflective question, ending in a question mark?
"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make new-brief", description=__doc__)
    parser.add_argument("--year", required=True, help="audit year, such as 2018-19")
    parser.add_argument("--title", required=True, help="the brief's topic, such as 'Neglect'")
    parser.add_argument("--data", default=str(ROOT / "data"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not re.match(YEAR_PATTERN, args.year or ""):
        print(
            f"YEAR must be an audit year such as 2018-19, not '{args.year}': make new-brief YEAR=2018-19 TITLE=\"...\""
        )
        return 2
    if not args.title.strip():
        print('TITLE must not be empty: make new-brief YEAR=2018-19 TITLE="Neglect"')
        return 2
    data = Path(args.data)
    target = data / "briefs" / f"{args.year}-{slugify(args.title)}.yml"
    if target.exists():
        print(f"{target.relative_to(data.parent)} already exists: choose another TITLE or edit that file")
        return 1
    try:
        catalogue = load(data)
    except ContentError as error:
        print(f"{error}\nFix the content first, then run make new-brief again.")
        return 1
    latest = catalogue.latest.brief if catalogue.latest else None
    text = skeleton(
        args.year,
        args.title.strip(),
        latest.board if latest else "TODO the board or partnership",
        latest.series if latest else None,
        latest.areas if latest else ["TODO the area"],
        next(iter(catalogue.themes)),
    )
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(data.parent)}: replace each TODO, then run make check")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
