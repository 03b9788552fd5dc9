"""Load every file under data/ into typed records, once per build.

`load(data_dir)` reads and validates everything, runs every check in `checks`, and returns a
`Catalogue`, or raises `ContentError` carrying every problem found (file, line, column, what
to do). It never lets an editor's mistake surface as a Python traceback.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path as FilePath
from typing import Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from . import checks, periods
from .model import (
    BRIEF_ID_PATTERN,
    ID_PATTERN,
    PERIOD_PATTERN,
    AudienceList,
    Brief,
    BriefTypeList,
    Case,
    FindingKindList,
    Learning,
    ResourceList,
    ThemeList,
    slugify,
)
from .problems import ContentError, Origin, Path, Problem
from .yamlfile import SYMLINK_MESSAGE, Document, read

VOCABULARIES = {
    "themes.yml": ThemeList,
    "resources.yml": ResourceList,
    "audiences.yml": AudienceList,
    "finding-kinds.yml": FindingKindList,
    "brief-types.yml": BriefTypeList,
}
BRIEFS_DIR = "briefs"


# --- The loaded content ------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Entry:
    """A finding (a strength, a key message, a concern ...) placed in its brief, and in its case
    when the brief goes case by case."""

    kind: str  # an id from data/finding-kinds.yml
    brief: BriefRecord
    case: Case | None
    item: Learning
    anchor: str
    path: Path

    @property
    def title(self) -> str | None:
        return self.item.title

    @property
    def origin(self) -> Origin:
        return self.brief.origin.at(*self.path)

    @property
    def cases(self) -> list[Case]:
        """The cases it came from: its own case, or the cases it names."""
        if self.case is not None:
            return [self.case]
        by_id = {case.id: case for case in self.brief.brief.cases}
        return [by_id[case_id] for case_id in self.item.cases if case_id in by_id]


@dataclass(eq=False)
class BriefRecord:
    id: str
    file: str
    brief: Brief
    entries: list[Entry] = field(default_factory=list)

    @property
    def origin(self) -> Origin:
        """Its data file, where problems found while rendering it are reported."""
        return Origin(self.file)

    @property
    def year(self) -> str:
        """The period as the brief writes it (2017-18, 2014, 2016-04)."""
        return self.brief.year

    @cached_property
    def period(self) -> periods.Period:
        return periods.parse(self.brief.year)

    @property
    def title(self) -> str:
        return self.brief.title

    @property
    def src_uri(self) -> str:
        return f"briefs/{self.id}.md"

    @property
    def themes(self) -> list[str]:
        """The themes the brief lists on its front page, or, when it lists none, every theme its
        findings carry, in order of first use."""
        if self.brief.themes:
            return self.brief.themes
        return list(dict.fromkeys(theme_id for entry in self.entries for theme_id in entry.item.themes))

    @property
    def themes_origin(self) -> Origin:
        """Where `themes` comes from: the brief's own list, or else the brief as a whole."""
        return self.origin.at("themes") if self.brief.themes else self.origin

    @property
    def by_case(self) -> bool:
        """True when findings are given case by case (as 2016-17 does)."""
        return any(case.findings or case.strengths or case.key_messages for case in self.brief.cases)

    def entries_of(self, kind: str, case: Case | None = None) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind and e.case is case]

    def kinds_of(self, case: Case | None = None) -> list[str]:
        """The kinds of finding given at brief level (or in `case`), in the vocabulary's order."""
        return list(dict.fromkeys(e.kind for e in self.entries if e.case is case))

    @property
    def key_messages(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "key-message"]

    @property
    def question_count(self) -> int:
        return sum(len(e.item.questions) for e in self.entries) + len(self.brief.questions)

    @property
    def see_also(self) -> list[str]:
        return self.brief.see_also


@dataclass(eq=False)
class Catalogue:
    briefs: list[BriefRecord]  # newest first
    themes: dict
    resources: dict
    audiences: dict
    warnings: list[Problem] = field(default_factory=list)
    data_name: str = "data"  # the data folder's name, as problems name files
    kinds: dict = field(default_factory=dict)  # finding kinds, in the order pages show them
    types: dict = field(default_factory=dict)  # brief types
    converted: dict = field(default_factory=dict)  # editor text made HTML where it was read, by text (`load`)

    @cached_property
    def entries_by_theme(self) -> dict[str, list[Entry]]:
        index: dict[str, list[Entry]] = {theme_id: [] for theme_id in self.themes}
        for record in self.briefs:
            for entry in record.entries:
                for theme_id in entry.item.themes:
                    index[theme_id].append(entry)
        return index

    @cached_property
    def briefs_covering(self) -> dict[str, list[BriefRecord]]:
        """Briefs that list a theme on their front page while none of their findings carries it:
        the theme page says the brief covers it."""
        index: dict[str, list[BriefRecord]] = {theme_id: [] for theme_id in self.themes}
        for record in self.briefs:
            carried = {theme_id for entry in record.entries for theme_id in entry.item.themes}
            for theme_id in record.brief.themes:
                if theme_id not in carried and theme_id in index:
                    index[theme_id].append(record)
        return index

    @cached_property
    def entries_by_audience(self) -> dict[str, list[Entry]]:
        index: dict[str, list[Entry]] = {audience_id: [] for audience_id in self.audiences}
        for record in self.briefs:
            for entry in record.entries:
                for audience_id in entry.item.audiences:
                    index[audience_id].append(entry)
        return index

    @cached_property
    def briefs_by_type(self) -> dict[str, list[BriefRecord]]:
        index: dict[str, list[BriefRecord]] = {type_id: [] for type_id in self.types}
        for record in self.briefs:
            index.setdefault(record.brief.type, []).append(record)
        return index

    @cached_property
    def referenced_by(self) -> dict[str, list[BriefRecord]]:
        """For each brief, the briefs that name it: under `see_also` (theirs, a case's or a
        finding's) or as the audit a finding is `compared_with`."""
        index: dict[str, list[BriefRecord]] = {}
        for record in self.briefs:
            named = set(record.brief.see_also) | {ref for e in record.entries for ref in e.item.see_also}
            named |= {e.item.compared_with for e in record.entries if e.item.compared_with}
            named |= {ref for case in record.brief.cases for ref in case.see_also}
            for brief_id in sorted(named & set(self._briefs_by_id)):
                index.setdefault(brief_id, []).append(record)
        return index

    @cached_property
    def years(self) -> list[str]:
        """The years briefs are listed under (audit years, calendar years), newest first."""
        starts: dict[str, object] = {}
        for record in self.briefs:
            group = record.period.group
            starts[group] = max(starts.get(group, record.period.start), record.period.start)
        return sorted(starts, key=lambda group: (starts[group], group), reverse=True)

    @cached_property
    def boards(self) -> list[str]:
        """Every partnership or board that published a brief here, as the briefs name them."""
        return sorted({record.brief.board for record in self.briefs})

    def theme_has_questions(self, theme_id: str) -> bool:
        return any(entry.item.questions for entry in self.entries_by_theme[theme_id])

    def theme_years(self, theme_id: str) -> list[str]:
        """The years with learning on a theme, newest first."""
        groups = {entry.brief.period.group for entry in self.entries_by_theme[theme_id]}
        return [year for year in self.years if year in groups]

    @property
    def latest(self) -> BriefRecord | None:
        return self.briefs[0] if self.briefs else None

    @cached_property
    def _briefs_by_id(self) -> dict[str, BriefRecord]:
        return {record.id: record for record in self.briefs}

    def brief(self, brief_id: str) -> BriefRecord:
        return self._briefs_by_id[brief_id]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {record.id: at for at, record in enumerate(self.briefs)}

    def neighbours(self, record: BriefRecord) -> tuple[BriefRecord | None, BriefRecord | None]:
        """(the next older brief, the next newer brief) in the order the briefs index lists them."""
        at = self._positions[record.id]
        older = self.briefs[at + 1] if at + 1 < len(self.briefs) else None
        return older, self.briefs[at - 1] if at > 0 else None

    def has_brief(self, brief_id: str) -> bool:
        return brief_id in self._briefs_by_id

    def entry(self, brief_id: str, anchor: str) -> Entry:
        """The finding at `anchor` on a brief's page."""
        return next(entry for entry in self.brief(brief_id).entries if entry.anchor == anchor)

    def origin_of(self, kind: str, item_id: str) -> Origin:
        """Where a theme, resource or audience is written: its file, and its place in the list."""
        return Origin(f"{self.data_name}/{kind}.yml", (kind, self._places[kind][item_id]))

    @cached_property
    def _places(self) -> dict[str, dict[str, int]]:
        lists = {"themes": self.themes, "resources": self.resources, "audiences": self.audiences}
        return {kind: {item_id: at for at, item_id in enumerate(items)} for kind, items in lists.items()}


SHORTHANDS = {"strengths": "strength", "key_messages": "key-message"}  # lists whose kind is implied


def place_entries(record: BriefRecord, kind_order: list[str] | None = None) -> None:
    """Give every finding its kind and its anchor on the brief page, in page order: each case's
    findings (when the brief goes case by case), then the brief's; within each, kind by kind in
    the vocabulary's order, and in the order written within a kind."""
    brief = record.brief
    holders: list[tuple[Case | None, Path, object]] = [(case, ("cases", c), case) for c, case in enumerate(brief.cases)]
    holders.append((None, (), brief))
    for case, prefix, holder in holders:
        found: list[tuple[str, Path, Learning]] = []
        for name, kind in SHORTHANDS.items():
            found += [(kind, prefix + (name, i), item) for i, item in enumerate(getattr(holder, name))]
        found += [(item.kind, prefix + ("findings", i), item) for i, item in enumerate(holder.findings)]
        order = {kind: n for n, kind in enumerate(kind_order or [])}
        found.sort(key=lambda f: (order.get(f[0], len(order)), f[1][-2] != "findings", f[1][-1]))
        numbers: dict[str, int] = {}
        for kind, path, item in found:
            numbers[kind] = numbers.get(kind, 0) + 1
            record.entries.append(Entry(kind, record, case, item, anchor_for(kind, item, case, numbers[kind]), path))


def anchor_for(kind: str, item: Learning, case: Case | None, number: int) -> str:
    """A finding's anchor: its own `id`, else one made from its title or its kind and number
    (strengths keep the anchors the first briefs were published with)."""
    if item.id:
        return item.id
    prefix = f"{case.id}-" if case else ""
    if kind == "strength":
        return f"strength-{slugify(item.title)}" if item.title and case is None else f"{prefix}strength-{number}"
    if item.title:
        return prefix + slugify(item.title)
    return f"{prefix}{kind}-{number}"


# --- Loading -------------------------------------------------------------------------------


def load(
    data_dir: FilePath,
    *,
    include_drafts: bool = False,
    unchanged: dict | None = None,
    workers: int | None = None,
    convert=None,
) -> Catalogue:
    """Read, validate and check everything under `data_dir`; raise ContentError on any error.

    Briefs marked `draft: true` are checked like any other, but left out unless `include_drafts`.
    `unchanged` (a dict kept between calls, as a preview does between rebuilds) remembers each
    brief file's record and problems, and a file is read again only when it, the vocabularies
    or the set of brief ids changed: every file is still checked, each only once per edit.
    Otherwise the briefs are read and checked on the machine's cores (`each_brief`), unless
    `workers` is 1; there `convert(record, resources)` (render.converted_texts), if given, makes
    each brief's editor text HTML too, and `Catalogue.converted` holds what it made."""
    data_dir = FilePath(data_dir)
    vocab, problems = load_vocabularies(data_dir)
    paths = brief_files(data_dir, problems)
    vocab.brief_ids = {path.stem for path in paths}
    if unchanged is not None:
        shared = (_stamps(data_dir.glob("*.y*ml")), frozenset(vocab.brief_ids))
        if unchanged.get("shared") != shared:  # every brief is checked against these
            unchanged.clear()
            unchanged["shared"] = shared
    records: list[BriefRecord] = []
    converted: dict[str, str] = {}
    if unchanged is None:
        jobs = [(path, _name_of(data_dir, path)) for path in paths]
        loaded = []
        for job, (found, data, html) in zip(jobs, each_brief(_load_one, jobs, vocab, workers, convert), strict=True):
            loaded.append((found, _record(job, data, vocab)))
            converted.update(html)
    else:
        loaded = []
        for path in paths:
            stamp = _stamps([path])
            remembered = unchanged.get(path)
            if remembered is None or remembered[0] != stamp:
                remembered = unchanged[path] = (stamp, *load_brief(path, _name_of(data_dir, path), vocab))
            loaded.append((remembered[2], remembered[1]))
    for found, record in loaded:
        problems.extend(found)
        if record is not None and (include_drafts or not record.brief.draft):
            records.append(record)
    problems.extend(_duplicate_ids(data_dir, paths))

    errors = [p for p in problems if not p.warning]
    if errors:
        raise ContentError(problems)
    records.sort(key=lambda r: (r.period.start, r.id), reverse=True)
    return Catalogue(
        briefs=records,
        themes=vocab.themes,
        resources=vocab.resources,
        audiences=vocab.audiences,
        warnings=[p for p in problems if p.warning],
        data_name=data_dir.name,
        kinds=vocab.kinds,
        types=vocab.types,
        converted=converted,
    )


@dataclass
class CheckResult:
    """What `make check` reports: every problem, and how much content was checked."""

    problems: list[Problem]
    briefs: int
    drafts: int
    questions: int
    themes: int


def check(data_dir: FilePath, *, workers: int | None = None) -> CheckResult:
    """Check everything under `data_dir` as `load` does, the briefs spread over the machine's
    cores (each brief is read and checked on its own), and report instead of raising."""
    data_dir = FilePath(data_dir)
    vocab, problems = load_vocabularies(data_dir)
    jobs = [(path, _name_of(data_dir, path)) for path in brief_files(data_dir, problems)]
    vocab.brief_ids = {path.stem for path, _ in jobs}
    summaries = each_brief(_check_one, jobs, vocab, workers)
    for found, *_ in summaries:
        problems.extend(found)
    problems.extend(_duplicate_ids(data_dir, [path for path, _ in jobs]))
    return CheckResult(
        problems=sorted(problems),
        briefs=sum(s[1] for s in summaries),
        drafts=sum(s[2] for s in summaries),
        questions=sum(s[3] for s in summaries),
        themes=len(vocab.themes),
    )


# Python's cycle collector looks at new objects every 700 allocations, and at the whole heap each
# time it has grown by a quarter. Reading briefs and making pages create millions of short-lived
# objects and few cycles: at that pace it took about 2 s of a 1000-brief build, and at 10,000
# briefs each look at the whole heap (the catalogue, the converted texts) took a second or more
# (benchmarks/RESULTS.md, step 14).
COLLECT_EVERY = 20_000
# The whole heap after this many collections of the middle generation: about 200 million
# allocations, where a build of 10,000 briefs makes about 60 (benchmarks/RESULTS.md, step 14).
WHOLE_HEAP_EVERY = 1_000


def collect_less_often() -> None:
    """Let Python's cycle collector look at new objects every `COLLECT_EVERY` allocations, and
    at the whole heap only after `WHOLE_HEAP_EVERY` middle collections, which a build or `make
    check` (each calls this once, at start) does not reach. Peak memory is unchanged (the cycles
    a build leaves are few); `mkdocs serve` collects the whole heap once each rebuild has let the
    build before it go (hooks.on_config), so an old build's catalogue does not linger."""
    gc.set_threshold(COLLECT_EVERY, gc.get_threshold()[1], WHOLE_HEAP_EVERY)


def each_brief(
    function, jobs: list[tuple[FilePath, str]], vocab: checks.Vocabulary, workers: int | None = None, convert=None
) -> list:
    """`function(job)` for each brief file (path, name), in order. Each brief is read and checked
    on its own, so a large collection is spread over the machine's cores by forked workers,
    which inherit `vocab` and `convert`; a small one (under 100 briefs) is done here."""
    workers = workers or min(os.cpu_count() or 1, max(1, len(jobs) // 50))
    global _checking, _converting
    _checking, _converting = vocab, convert  # forked workers inherit them
    try:
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                return list(pool.map(function, jobs, chunksize=max(1, len(jobs) // (workers * 4))))
        return [function(job) for job in jobs]
    finally:
        _checking = _converting = None


_checking: checks.Vocabulary | None = None
_converting = None  # `load`'s `convert`, while it reads the briefs


def _load_one(job: tuple[FilePath, str]) -> tuple[list[Problem], BriefRecord | dict | None, dict[str, str]]:
    """(problems, record, its converted text) for one brief file. A worker sends back the
    record's data instead, which the parent validates again (`_record`): a record costs more to
    send than to remake. Text is converted only in a worker, where it costs the parent nothing."""
    doc, record, problems = read_brief(job[0], job[1], _checking)
    in_a_worker = multiprocessing.parent_process() is not None
    if not in_a_worker or record is None:
        return problems, record, {}
    return problems, doc.data, _converting(record, _checking.resources) if _converting else {}


def _record(
    job: tuple[FilePath, str], loaded: BriefRecord | dict | None, vocab: checks.Vocabulary
) -> BriefRecord | None:
    """The record `_load_one` sent: made again from its data when it came from a worker."""
    if not isinstance(loaded, dict):
        return loaded
    return make_record(job[0].stem, job[1], Brief.model_validate(loaded), vocab)


def make_record(brief_id: str, file: str, brief: Brief, vocab: checks.Vocabulary) -> BriefRecord:
    """A brief's record with its findings placed (each with its kind, case and anchor)."""
    record = BriefRecord(brief_id, file, brief)
    place_entries(record, list(vocab.kinds))
    return record


def _check_one(job: tuple[FilePath, str]) -> tuple[list[Problem], int, int, int]:
    """(problems, 1 if it loaded, 1 if a draft, reflective questions) for one brief file."""
    record, problems = load_brief(job[0], job[1], _checking)
    if record is None:
        return problems, 0, 0, 0
    return problems, 1, int(record.brief.draft), record.question_count


def load_vocabularies(data_dir: FilePath) -> tuple[checks.Vocabulary, list[Problem]]:
    """The shared lists (themes, resources, audiences, finding kinds, brief types), and any
    problem with them or with stray files next to them."""
    label = data_dir.name
    problems: list[Problem] = []
    vocab_docs: dict[str, tuple[Document, BaseModel | None]] = {}
    for file_name, model in VOCABULARIES.items():
        path = data_dir / file_name
        if not path.exists() and not path.is_symlink():
            problems.append(Problem(f"{label}/{file_name}", 1, 1, "file is missing: the site needs it"))
            vocab_docs[file_name] = (Document(f"{label}/{file_name}"), None)
            continue
        doc = read(path, _name_of(data_dir, path))
        vocab_docs[file_name] = (doc, validate(doc, model))

    for path in sorted(data_dir.glob("*")):
        if (path.is_file() or path.is_symlink()) and path.name not in VOCABULARIES and path.suffix in (".yml", ".yaml"):
            problems.append(
                Problem(
                    _name_of(data_dir, path), 1, 1, "unexpected file: a brief belongs in data/briefs/<year>-<slug>.yml"
                )
            )

    vocab = checks.Vocabulary(
        themes=_items(vocab_docs["themes.yml"][1], "themes"),
        resources=_items(vocab_docs["resources.yml"][1], "resources"),
        audiences=_items(vocab_docs["audiences.yml"][1], "audiences"),
        kinds=_items(vocab_docs["finding-kinds.yml"][1], "kinds"),
        types=_items(vocab_docs["brief-types.yml"][1], "types"),
    )
    for doc, model in vocab_docs.values():
        problems.extend(doc.problems)
        if model is not None:
            problems.extend(run(doc, checks.vocabulary_checks(model, vocab)))
    return vocab, problems


def brief_files(data_dir: FilePath, problems: list[Problem]) -> list[FilePath]:
    """The brief files under data/briefs/, adding a problem for a folder that is missing, is not
    a folder, or is a symbolic link (never followed: the site publishes only what is here)."""
    briefs_dir = data_dir / BRIEFS_DIR
    name = f"{data_dir.name}/{BRIEFS_DIR}/"
    if briefs_dir.is_symlink():
        problems.append(Problem(name, 1, 1, SYMLINK_MESSAGE))
        return []
    if not briefs_dir.is_dir():
        what = "is not a folder" if briefs_dir.exists() else "is missing"
        problems.append(
            Problem(
                name,
                1,
                1,
                f"the folder of briefs {what}: the site needs data/briefs/ with one <year>-<slug>.yml per brief",
            )
        )
        return []
    # Everything here is read as a brief, so a folder, a special file or a hidden brief is
    # reported rather than left out unseen; other hidden files (.gitkeep) are not content.
    return [
        path
        for path in sorted(briefs_dir.iterdir())
        if not path.name.startswith(".") or path.suffix in (".yml", ".yaml")
    ]


def load_brief(path: FilePath, name: str, vocab: checks.Vocabulary) -> tuple[BriefRecord | None, list[Problem]]:
    """One brief file read, validated and checked: its record (None if it has errors that stop
    it being read) and every problem found in it."""
    _, record, problems = read_brief(path, name, vocab)
    return record, problems


def read_brief(
    path: FilePath, name: str, vocab: checks.Vocabulary
) -> tuple[Document, BriefRecord | None, list[Problem]]:
    """`load_brief`, with the document the record was read from."""
    doc = read(path, name)
    brief = validate(doc, Brief)
    problems = list(doc.problems)
    problems.extend(run(doc, checks.file_name_checks(path.name, brief)))
    if brief is None:
        # The shape is wrong somewhere; still check what can be read, so an editor fixes every
        # problem in one round.
        problems.extend(run(doc, checks.raw_checks(doc.data, vocab)))
        return doc, None, problems
    record = make_record(path.stem, doc.file, brief, vocab)
    problems.extend(run(doc, checks.brief_checks(record, vocab)))
    if not brief.draft:
        problems.extend(placeholders_left(doc))
    return doc, record, problems


def placeholders_left(doc: Document) -> list[Problem]:
    """A `TODO` anywhere in a brief that is not a draft, comments included: `make new-brief`
    marks with it everything still to write, and a skeleton must never be published."""
    return [
        Problem(doc.file, number, line.index(checks.PLACEHOLDER) + 1, PLACEHOLDER_MESSAGE)
        for number, line in enumerate(doc.lines, start=1)
        if checks.PLACEHOLDER in line
    ]


PLACEHOLDER_MESSAGE = (
    "placeholder 'TODO' left here: replace it (and delete the comment) before publishing, or keep `draft: true`"
)


def _name_of(data_dir: FilePath, path: FilePath) -> str:
    return f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}"


def run(doc: Document, found) -> list[Problem]:
    """Turn the (path, message[, warning[, text]]) a check yields into located problems."""
    problems = []
    for path, message, *rest in found:
        warning, text = (rest + [False, None])[:2]
        problems.append(doc.problem(path, message, warning=bool(warning), text=text))
    return problems


def _items(model: BaseModel | None, attribute: str) -> dict:
    if model is None:
        return {}
    return {item.id: item for item in getattr(model, attribute)}


def _stamps(paths) -> tuple:
    """What tells a file changed without reading it: name, size, modification time, inode."""
    stamps = []
    for path in sorted(paths):
        stat = path.lstat()  # a file replaced by a symbolic link changes too
        stamps.append((path.name, stat.st_size, stat.st_mtime_ns, stat.st_ino))
    return tuple(stamps)


def _duplicate_ids(data_dir: FilePath, paths: list[FilePath]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for path in paths:
        brief_id, name = path.stem.lower(), _name_of(data_dir, path)
        if brief_id in seen:
            problems.append(
                Problem(name, 1, 1, f"brief id '{path.stem}' is already used by {seen[brief_id]}: rename one of them")
            )
        else:
            seen[brief_id] = name
    return problems


# --- Validation against the model, with editor-friendly messages ---------------------------


def validate(doc: Document, model: type[BaseModel]):
    """Validate a document's data against `model`; record problems on `doc`, return the record or None."""
    if doc.problems and doc.data is None:
        return None
    if not isinstance(doc.data, dict):
        doc.problems.append(
            doc.problem((), f"the file must hold fields (lines like `title: ...`), not {describe(doc.data)}")
        )
        return None
    try:
        record = model.model_validate(doc.data)
    except ValidationError as error:
        for detail in error.errors():
            loc = tuple(detail["loc"])
            doc.problems.append(doc.problem(loc, explain(model, loc, detail)))
        return None
    return None if any(not p.warning for p in doc.problems) else record


PATTERN_HINTS = {
    ID_PATTERN: "lower-case letters and digits joined by hyphens, such as 'silent-child'",
    PERIOD_PATTERN: "an audit year (2017-18), a calendar year (2014), a month (2016-04) or a day (2016-04-12)",
    BRIEF_ID_PATTERN: "a year and a slug, such as 2017-18-think-family",
}


def explain(model: type[BaseModel], loc: Path, detail: dict) -> str:
    """One pydantic error, said as a rule with the fix."""
    kind = detail["type"]
    given = detail.get("input")
    name = _field_name(loc)
    if kind == "missing":
        return f"missing required field '{loc[-1]}': add `{loc[-1]}: ...` here (see CONTRIBUTING.md for the fields)"
    if kind == "extra_forbidden":
        allowed = list(_model_at(model, loc[:-1]).model_fields)
        hint = checks.suggest(str(loc[-1]), allowed) or ":"
        return f"unknown field '{loc[-1]}'{hint} allowed fields are {', '.join(allowed)}"
    if kind == "string_type":
        return f"{name} must be text, not {describe(given)} (put it in quotes if it is meant as text)"
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        return f"{name} must be a date written as 2018-03-01, without quotes"
    if kind == "bool_type":
        return f"{name} must be true or false, not {describe(given)}"
    if kind == "list_type":
        return f"{name} must be a list (`[a, b]` or one `- item` per line), not {describe(given)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{name} must be a set of fields (lines like `title: ...`), not {describe(given)}"
    if kind == "string_too_long":
        limit = detail.get("ctx", {}).get("max_length")
        return f"{name} must be at most {limit} characters (it has {len(given)}): shorten it or split it"
    if kind == "string_too_short":
        return f"{name} must not be empty"
    if kind == "too_short":
        return f"{name} must list at least one item"
    if kind == "value_error":  # a rule of the model's own (model.py), said as its message
        return f"{name} {detail['ctx']['error']}"
    if kind == "string_pattern_mismatch":
        pattern = detail.get("ctx", {}).get("pattern", "")
        hint = PATTERN_HINTS.get(pattern, f"text matching {pattern}")
        return f"{name} '{given}' must be {hint}"
    return f"{name}: {detail['msg']}"


def _field_name(loc: Path) -> str:
    fields = [part for part in loc if isinstance(part, str)]
    if not fields:
        return "the file"
    if isinstance(loc[-1], int):
        return f"each item of '{fields[-1]}'"
    return f"'{fields[-1]}'"


def _model_at(model: type[BaseModel], loc: Path) -> type[BaseModel]:
    """The model class that holds the field at `loc`, following lists and optionals."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation
        current = _unwrap_model(annotation) or current
    return current


def _unwrap_model(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, Union) or get_origin(annotation) is not None:
        for arg in get_args(annotation):
            found = _unwrap_model(arg)
            if found:
                return found
    return None


def describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no value ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, str):
        return f"text ('{value[:40]}')"
    return f"a {type(value).__name__} value ({value})"
