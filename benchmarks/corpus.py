"""A synthetic corpus of N learning briefs, shaped like the real ones, for the build benchmark.

`generate(target, n)` writes a complete data/ folder under `target` (themes.yml, resources.yml,
audiences.yml and briefs/<year>-synthetic-<i>.yml) and returns its path. Every text is made of
lower-case words from a fixed, neutral vocabulary (no names, places, dates or digits), says it is
synthetic, and passes the content check, anonymisation guard included. The output depends only
on `n`: two generations are byte-identical.

Each brief has three cases, about six strengths and eight key messages with two to four
reflective questions each, at the paragraph lengths of the two real briefs; about half go
"by theme" (strengths and key messages at the top level) and half "case by case" (under each
case). Years run from 2000-01 to 2099-00, about three briefs a year for small N and ten a year
at N=1000, so several briefs share a year.
"""

from __future__ import annotations

import math
import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HEADER = "# yaml-language-server: $schema=../schema/brief.schema.json\n# SYNTHETIC benchmark data: not a real brief.\n"
VOCAB_HEADER = "# SYNTHETIC benchmark data: a vocabulary for the benchmark corpus. Not real content.\n"

# Words the corpus is written in: ordinary, neutral, lower-case; none is a name, a month or a
# word the anonymisation guard reads as introducing a name ("is", "called", "mother" ...).
NOUNS = """
lantern harbour meadow orchard quill tallow ember cobble pebble marble thistle bracken heather
fern moss lichen acorn chestnut walnut beacon anchor compass ledger journal archive folio margin
lattice trellis arbour canal towpath ferry jetty quay lighthouse windmill granary pantry larder
hearth kettle teapot saucer ladle spindle bobbin thimble loom shuttle tapestry quilt blanket
pillow basket hamper satchel parcel envelope postcard ribbon button buckle velvet linen cotton
wool canvas paper pencil crayon chalk slate easel palette brush practice review planning support
agency meeting record assessment partnership network referral pathway plan report outcome
consultation guidance protocol procedure threshold handover summary caseload supervision
reflection learning training visit contact session workshop forum panel audit evidence feedback
routine rhythm pattern signal window doorway corridor stairway garden hedge fence gate path
bridge river stream pond harvest season weather cloud rainfall sunlight shadow echo melody
chorus verse chapter paragraph sentence notebook folder cabinet drawer shelf ladder rope knot
""".split()
ADJECTIVES = """
steady quiet careful gentle patient clear timely shared joint regular open honest brief detailed
early prompt thorough consistent warm calm bright wider fuller simple plain even level small
large gradual useful practical local common several different similar proper sound fair firm
""".split()
VERBS = """
noted reviewed gathered shared recorded planned agreed supported considered discussed reflected
tracked offered arranged described compared checked linked explored balanced sorted mapped
framed weighed measured collected outlined followed revisited confirmed
""".split()
ADVERBS = "carefully steadily quietly promptly jointly regularly openly clearly gently evenly".split()
LINKS = "and of to with for in across around between within from about by on through".split()
ARTICLES = ["the", "the", "a", "each", "every", "some", "this", "that"]
QUESTION_STARTS = ["Do you", "Are you", "How do you", "Have you", "When do you", "Where do you", "Could you"]
# The benchmark searches the built site for these two words; both come up in every brief.
SEARCH_QUERY = "lantern harbour"
INTRODUCTION_START = "This synthetic brief gathers"  # the serve benchmark edits the word "gathers"

THEME_COUNT = 25
RESOURCES = [
    ("synthetic-lantern-guidance", "Synthetic lantern guidance", "https://example.org/synthetic/lantern-guidance"),
    ("synthetic-harbour-protocol", "Synthetic harbour protocol", None),
    ("synthetic-meadow-tool", "Synthetic meadow threshold tool", "https://example.org/synthetic/meadow-tool"),
    ("synthetic-ledger-policy", "Synthetic ledger escalation policy", None),
    ("synthetic-compass-contact", "Synthetic compass contact point", "https://example.org/synthetic/compass-contact"),
]
AUDIENCES = [
    ("synthetic-audience-a", "Lantern practitioners"),
    ("synthetic-audience-b", "Harbour teams"),
    ("synthetic-audience-c", "Meadow services"),
    ("synthetic-audience-d", "All synthetic roles"),
]


class _Dumper(yaml.SafeDumper):
    """Laid out as editors write briefs: indented lists, `[a, b]` for lists of ids, and
    multi-line text as a literal block."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list):
    ids = bool(value) and all(isinstance(item, str) and " " not in item for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=ids)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96, indent=2)


# --- Text ------------------------------------------------------------------------------------


class Writer:
    """Lower-case synthetic prose from one seeded random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def word(self) -> str:
        r = self.rng.random()
        if r < 0.42:
            return self.rng.choice(NOUNS)
        if r < 0.58:
            return self.rng.choice(ADJECTIVES)
        if r < 0.72:
            return self.rng.choice(VERBS)
        if r < 0.77:
            return self.rng.choice(ADVERBS)
        if r < 0.90:
            return self.rng.choice(LINKS)
        return self.rng.choice(ARTICLES)

    def words(self, count: int) -> str:
        return " ".join(self.word() for _ in range(count))

    def clause(self, low: int = 8, high: int = 20) -> str:
        """A sentence body without its first capital or final stop, sometimes with emphasis."""
        parts = [self.word() for _ in range(self.rng.randint(low, high))]
        if len(parts) > 8 and self.rng.random() < 0.25:
            parts.insert(len(parts) // 2, ",")
        text = " ".join(parts).replace(" ,", ",")
        if self.rng.random() < 0.12:
            a, b = self.rng.choice(NOUNS), self.rng.choice(NOUNS)
            text += f" with **{self.rng.choice(ADJECTIVES)} {a} {b}**"
        elif self.rng.random() < 0.06:
            text += f" and *{self.rng.choice(ADJECTIVES)} {self.rng.choice(NOUNS)}*"
        return text

    def sentence(self, low: int = 8, high: int = 20, start: str | None = None) -> str:
        body = self.clause(low, high)
        if start:
            return f"{start} {body}."
        return body[0].upper() + body[1:] + "."

    def paragraph(self, chars: int, start: str | None = None) -> str:
        """Sentences until about `chars` characters."""
        sentences = [self.sentence(start=start)]
        while sum(len(s) + 1 for s in sentences) < chars - 45:
            sentences.append(self.sentence())
        return " ".join(sentences)

    def question(self, link: bool = False) -> str:
        start = self.rng.choice(QUESTION_STARTS)
        text = f"{start} {self.clause(6, 16)}?"
        if self.rng.random() < 0.2:
            text = self.sentence(5, 12) + " " + text
        if link:
            resource_id, title, _ = self.rng.choice(RESOURCES)
            text = f"{text} Read the [{title.lower()}](resource:{resource_id})."
        if self.rng.random() < 0.15:
            text += f" {self.rng.choice(QUESTION_STARTS)} {self.clause(5, 12)}?"
        return text

    def heading(self, low: int = 2, high: int = 4) -> str:
        text = " ".join(
            [self.rng.choice(ADJECTIVES)] + [self.rng.choice(NOUNS) for _ in range(self.rng.randint(low, high) - 1)]
        )
        return text[0].upper() + text[1:]


def lower_start(text: str) -> str:
    return text[0].lower() + text[1:]


# --- Vocabularies -----------------------------------------------------------------------------


def theme_ids() -> list[str]:
    return [f"synthetic-theme-{k:02d}" for k in range(1, THEME_COUNT + 1)]


def themes() -> list[dict]:
    rng = random.Random("learning-briefs-synthetic-themes")
    writer = Writer(rng)
    ids = theme_ids()
    items, titles = [], set()
    for theme_id in ids:
        title = writer.heading(2, 3) + " practice"
        while title in titles:
            title = writer.heading(2, 3) + " practice"
        titles.add(title)
        others = [other for other in ids if other != theme_id]
        items.append(
            {
                "id": theme_id,
                "title": title,
                "description": "A synthetic theme: learning about " + lower_start(writer.paragraph(140)),
                "aliases": sorted({rng.choice(NOUNS) for _ in range(rng.randint(2, 4))}),
                "related": sorted(rng.sample(others, rng.randint(1, 3))),
            }
        )
    return items


def resources() -> list[dict]:
    items = []
    for resource_id, title, url in RESOURCES:
        item = {"id": resource_id, "title": title}
        if url:
            item["url"] = url
        items.append(item)
    return items


def audiences() -> list[dict]:
    return [
        {
            "id": audience_id,
            "title": title,
            "description": f"Synthetic role: key messages addressed to {title.lower()}.",
        }
        for audience_id, title in AUDIENCES
    ]


# --- Briefs -----------------------------------------------------------------------------------


def years(n: int) -> list[str]:
    """Audit years for a corpus of n briefs: about three briefs a year, at most 100 years."""
    count = min(100, max(1, math.ceil(n / 3)))
    starts = sorted({2000 + (k * 100) // count for k in range(count)})
    return [f"{y}-{(y + 1) % 100:02d}" for y in starts]


def brief_id(i: int, n: int) -> str:
    all_years = years(n)
    return f"{all_years[i % len(all_years)]}-synthetic-{i + 1}"


def brief(i: int, n: int) -> dict:
    """Brief number i (from 0) of a corpus of n: its content depends on i only, its year on n."""
    rng = random.Random(f"learning-briefs-synthetic-brief-{i}")
    writer = Writer(rng)
    ids = theme_ids()
    by_case = i % 2 == 1
    used: set[str] = set()
    year = brief_id(i, n)[:7]

    def title() -> str:
        while True:
            text = writer.heading()
            slug = "-".join(text.lower().split())
            if slug not in used:
                used.add(slug)
                return text

    def themes_pick() -> list[str]:
        return sorted(rng.sample(ids, rng.choice([1, 1, 2, 2, 3])))

    def strength(case_ids: list[str] | None, with_title: bool) -> dict:
        item: dict = {}
        if with_title:
            item["title"] = title()
        item["themes"] = themes_pick()
        named = None
        if case_ids:
            chosen = sorted(rng.sample(case_ids, rng.randint(1, len(case_ids))))
            item["cases"] = chosen
            if rng.random() < 0.4:
                named = chosen[0]
        start = f"In Case {named[-1]}, the audit" if named else None
        if not with_title or rng.random() < 0.6:
            item["text"] = writer.paragraph(rng.randint(90, 260), start=start)
        if with_title and (rng.random() < 0.45 or "text" not in item):
            item["points"] = [writer.paragraph(rng.randint(30, 300)) for _ in range(rng.randint(2, 4))]
        return item

    def key_message(case_ids: list[str] | None) -> dict:
        item: dict = {"title": title(), "themes": themes_pick()}
        named = None
        if case_ids:
            chosen = sorted(rng.sample(case_ids, rng.randint(1, len(case_ids))))
            item["cases"] = chosen
            if rng.random() < 0.5:
                named = chosen[0]
        audience = None
        if rng.random() < 0.3:
            picked = sorted(rng.sample([a for a, _ in AUDIENCES], rng.randint(1, 2)))
            item["audiences"] = picked
            audience = dict(AUDIENCES)[picked[0]]
        start = f"Case {named[-1]} showed how the" if named else None
        text = writer.paragraph(rng.randint(130, 380), start=start)
        if rng.random() < 0.35:
            text += "\n\n" + writer.paragraph(rng.randint(80, 200))
        item["text"] = text
        questions = [writer.question(link=rng.random() < 0.12) for _ in range(rng.randint(2, 4))]
        if audience:
            questions[0] = f"{audience} - {questions[0]}"
        item["questions"] = questions
        if rng.random() < 0.15:
            item["closing"] = writer.paragraph(rng.randint(90, 200))
        return item

    case_ids = ["case-1", "case-2", "case-3"]
    cases = []
    for c, case_id in enumerate(case_ids):
        case: dict = {"id": case_id, "label": f"Case {c + 1}"}
        if by_case:
            case["pseudonym"] = ["Sample*", "Example*", "Specimen*"][c]
            lead = f"{case['pseudonym']} stands for a synthetic case:"
        else:
            lead = "A synthetic case:"
        case["summary"] = lead + " " + lower_start(writer.paragraph(rng.randint(60, 160)))
        cases.append(case)

    data: dict = {
        "title": "Synthetic brief: " + writer.heading(2, 3).lower(),
        "type": "multi-agency-case-audit",
        "year": year,
        "board": "Synthetic Example Partnership",
        "series": "Synthetic Benchmark Series",
        "areas": ["Synthetic Area"],
        "themes": sorted(rng.sample(ids, rng.randint(3, 8))),
        "introduction": writer.paragraph(rng.randint(250, 500), start=INTRODUCTION_START),
        "cases": cases,
    }
    if rng.random() < 0.4:
        data["introduction"] += "\n\n" + writer.paragraph(rng.randint(150, 300))
    if by_case:
        for case in cases:
            case["strengths"] = [strength(None, with_title=False) for _ in range(rng.randint(1, 3))]
            case["key_messages"] = [key_message(None) for _ in range(rng.randint(2, 3))]
    else:
        data["strengths"] = [strength(case_ids, with_title=True) for _ in range(rng.randint(5, 7))]
        data["key_messages"] = [key_message(case_ids) for _ in range(rng.randint(7, 9))]
    return data


def generate(target: Path, n: int) -> Path:
    """Write a data/ folder of n synthetic briefs under `target`; return the data/ path."""
    target = Path(target).resolve()
    data_dir = target / "data"
    if data_dir == ROOT / "data" or ROOT / "data" in data_dir.parents:
        raise ValueError(f"refusing to write the synthetic corpus into the project's own {ROOT / 'data'}")
    if data_dir.exists():
        shutil.rmtree(data_dir)
    (data_dir / "briefs").mkdir(parents=True)
    for name, key, items in (
        ("themes.yml", "themes", themes()),
        ("resources.yml", "resources", resources()),
        ("audiences.yml", "audiences", audiences()),
    ):
        (data_dir / name).write_text(VOCAB_HEADER + dump({key: items}), encoding="utf-8")
    for name in ("finding-kinds.yml", "brief-types.yml"):  # the project's own kinds and types
        shutil.copy2(ROOT / "data" / name, data_dir / name)
    for i in range(n):
        path = data_dir / "briefs" / f"{brief_id(i, n)}.yml"
        path.write_text(HEADER + dump(brief(i, n)), encoding="utf-8")
    return data_dir


# --- Measures -----------------------------------------------------------------------------------


def read_brief(path: Path) -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def brief_texts(data: dict) -> list[str]:
    """Every text of a brief that a reader sees: titles, introduction, summaries, strengths,
    key messages, questions and closings."""
    texts = [data["title"], data["introduction"]]
    items = list(data.get("strengths", [])) + list(data.get("key_messages", []))
    for case in data["cases"]:
        texts.append(case["summary"])
        items += list(case.get("strengths", [])) + list(case.get("key_messages", []))
    for item in items:
        texts += [item[name] for name in ("title", "text", "closing") if item.get(name)]
        texts += list(item.get("points", [])) + list(item.get("questions", []))
    return texts


def text_bytes(data_dir: Path) -> int:
    """Total UTF-8 bytes of the text fields of every brief under data_dir/briefs."""
    return sum(
        len(text.encode("utf-8"))
        for path in sorted((Path(data_dir) / "briefs").glob("*.yml"))
        for text in brief_texts(read_brief(path))
    )


def brief_ids(data_dir: Path) -> list[str]:
    return sorted(path.stem for path in (Path(data_dir) / "briefs").glob("*.yml"))


if __name__ == "__main__":  # python -m benchmarks.corpus <folder> <n>
    import sys

    folder, count = Path(sys.argv[1]), int(sys.argv[2])
    print(generate(folder, count))
