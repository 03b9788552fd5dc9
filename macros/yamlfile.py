"""Read one YAML file into plain data, remembering the line and column of every value.

PyYAML on its own loses positions and silently keeps the last of two duplicate keys; both
matter to an editor, so documents are composed into nodes and built here. libyaml's C loader
is used when present (about 10 ms a brief faster than the pure-Python one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FilePath

import yaml

from .problems import Path, Problem

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

BOM = b"\xef\xbb\xbf"


@dataclass
class Document:
    """A file's data plus where each value sits in it."""

    file: str
    data: object = None
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def where(self, path: Path) -> tuple[int, int]:
        """Line and column of the value at `path`, or of its nearest parent that exists.

        The whole file (the empty path) is reported at its first line."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1)) if path else (1, 1)

    def problem(self, path: Path, message: str, *, warning: bool = False, text: str | None = None) -> Problem:
        line, column = self.where(path)
        if text:  # inside a field written over several lines: the line that holds the text
            line, column = self.find(text, line, column)
        return Problem(self.file, line, column, message, warning)

    def find(self, text: str, line: int, column: int) -> tuple[int, int]:
        """Line and column of `text` at or after `line`, or (line, column) if it is not there
        as written (split over lines, or escaped in quotes)."""
        for number in range(line, min(line + 200, len(self.lines)) + 1):
            at = self.lines[number - 1].find(text)
            if at >= 0:
                return number, at + 1
        return line, column


def read(path: FilePath, name: str) -> Document:
    """Read `path`, reported as `name`; never raises for bad content, records problems instead."""
    doc = Document(name)
    raw = path.read_bytes()
    if raw.startswith(BOM):
        doc.problems.append(Problem(name, 1, 1, "file starts with a byte-order mark: save it as UTF-8 without BOM"))
        return doc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        doc.problems.append(
            Problem(name, line, 1, "file is not UTF-8 text: save it with UTF-8 encoding in your editor")
        )
        return doc
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        doc.problems.append(Problem(name, 1, 1, "file is empty: it must hold the fields of a record"))
        return doc
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        column = len(text[: text.index("\t")].rsplit("\n", 1)[-1]) + 1
        doc.problems.append(Problem(name, line, column, "tab character: YAML must be indented with spaces, not tabs"))
        return doc

    doc.lines = text.splitlines()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.data = _build(loader, node, (), doc)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or "not valid YAML"
        if error.context_mark and "end of stream" in what:
            # A quote or bracket never closed: point where it opened, not at the end of the file.
            opened = "the quote" if "quoted" in (error.context or "") else "what"
            mark, what = error.context_mark, f"{opened} opened here is never closed"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        doc.problems.append(
            Problem(name, line, column, f"YAML syntax error: {what}: check indentation, colons and quotes here")
        )
        doc.data = None
    except _Unsupported as error:
        doc.problems.append(Problem(name, error.line, error.column, error.message))
        doc.data = None
    except RecursionError:
        doc.problems.append(Problem(name, 1, 1, f"the file is nested too deeply: {NESTING_HINT}"))
        doc.data = None
    except yaml.YAMLError as error:
        doc.problems.append(Problem(name, 1, 1, f"YAML error: {error}"))
        doc.data = None
    finally:
        loader.dispose()
    return doc


class _Unsupported(Exception):
    """YAML that a brief never needs and that could make reading it blow up."""

    def __init__(self, node, message: str):
        self.line, self.column, self.message = node.start_mark.line + 1, node.start_mark.column + 1, message


MAX_DEPTH = 12  # a brief nests five levels deep; far deeper is a mistake or an attack
NESTING_HINT = "check the indentation and the brackets, a brief nests only a few levels deep"


def _build(loader, node, path: Path, doc: Document, seen: set[int] | None = None):
    # Anchors and aliases (&name, *name) reuse one node: refused, so a few lines cannot expand
    # into millions of values or loop forever.
    seen = set() if seen is None else seen
    if id(node) in seen:
        raise _Unsupported(node, "anchors and aliases (&name, *name) are not allowed: write the value out in full")
    seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise _Unsupported(node, f"the file is nested too deeply here: {NESTING_HINT}")
    doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                line = key_node.start_mark.line + 1
                doc.problems.append(
                    Problem(
                        doc.file,
                        line,
                        key_node.start_mark.column + 1,
                        f"duplicate key '{key}': it is already set above; keep one of them",
                    )
                )
                continue
            result[key] = _build(loader, value_node, path + (key,), doc, seen)
            # A mapping entry is reported at its key, where the editor wrote the field name.
            doc.marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), doc, seen) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
