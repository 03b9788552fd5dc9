"""`make check`: validate everything under data/ without building the site.

Prints every problem as `path:line:column: message`, then a count, and exits 1; prints a
one-line summary and exits 0 when the content is clean.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .content import load
from .problems import ContentError

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else ROOT / "data"
    try:
        catalogue = load(data_dir, include_drafts=True)
    except ContentError as error:
        print(error)
        return 1
    for warning in catalogue.warnings:
        print(warning)
    questions = sum(len(e.item.questions) for r in catalogue.briefs for e in r.key_messages)
    drafts = sum(record.brief.draft for record in catalogue.briefs)
    print(
        f"{data_dir.name}/ is fine: {len(catalogue.briefs)} briefs ({drafts} drafts, not published), "
        f"{len(catalogue.themes)} themes, {questions} reflective questions ({len(catalogue.warnings)} warnings)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
