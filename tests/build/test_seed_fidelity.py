"""Every line of the two real briefs is on its built brief page, word for word.

Formatting may change (Markdown emphasis, bullets, case labels shown as card titles, a
resource's "link to follow" note); words may not.
"""

from __future__ import annotations

import re

import pytest

from support import FIXTURES, normalise, visible_text

SEEDS = {
    "2017-18-think-family": "000_3b4ed198e0a2d2f1.txt",
    "2016-17-send": "002_f586fba32d381827.txt",
}


def seed_lines(seed_file: str) -> list[str]:
    """The seed's lines as plain text: Markdown links, emphasis and bullets removed."""
    lines = []
    for line in (FIXTURES / "seeds" / seed_file).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        line = re.sub(r"^- ", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # [HERE!](#) -> HERE!
        line = line.replace("**", "")
        line = re.sub(r"(?<![\w*])\*(\S[^*]*?\S|\S)\*(?!\w)", r"\1", line)  # *italic*
        line = re.sub(r"^\((Case \d+)\)", r"\1", line)  # "(Case 1)" is printed as a card title
        line = line.rstrip(":")
        if line:
            lines.append(line)
    return lines


@pytest.mark.parametrize("brief_id, seed_file", SEEDS.items())
def test_every_seed_line_is_on_the_brief_page(site, brief_id, seed_file):
    page = normalise(visible_text((site / "briefs" / f"{brief_id}.html").read_text(encoding="utf-8")))
    missing = [line for line in seed_lines(seed_file) if normalise(line) not in page]
    assert not missing, f"{len(missing)} seed lines are not word for word on briefs/{brief_id}.html:\n" + "\n".join(
        missing
    )


def test_seed_lines_are_read(site):
    """The comparison is only as good as the lines it reads: both seeds give many lines."""
    counts = {seed: len(seed_lines(seed)) for seed in SEEDS.values()}
    assert all(count > 50 for count in counts.values()), counts
