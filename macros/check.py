"""`make check`: validate everything under data/ without building the site.

Prints every problem as `path:line:column: message`, then a count, and exits 1; prints a
one-line summary and exits 0 when the content is clean.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .content import check, collect_less_often
from .problems import report

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else ROOT / "data"
    collect_less_often()
    result = check(data_dir)
    errors = [p for p in result.problems if not p.warning]
    if errors:
        print(report(result.problems))
        return 1
    for warning in result.problems:
        print(warning)
    print(
        f"{data_dir.name}/ is fine: {result.briefs} briefs ({result.drafts} drafts, not published), "
        f"{result.themes} themes, {result.questions} reflective questions ({len(result.problems)} warnings)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
