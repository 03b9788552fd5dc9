"""Read one YAML file into plain data, keeping what says where each value sits in it.

PyYAML on its own loses positions and silently keeps the last of two duplicate keys; both
matter to an editor, so documents are composed into nodes and built here. The nodes are kept
and a value's line is looked up only when there is a problem to report. libyaml's C loader is
used when present (about 10 ms a brief faster than the pure-Python one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path as FilePath

import yaml

from .problems import Path, Problem

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

BOM = b"\xef\xbb\xbf"
MAX_BYTES = 512 * 1024  # a brief is a few kilobytes; the largest list of themes a few dozen
MAX_SCANNED_DEPTH = 50  # libyaml crashes on tens of thousands of levels, before any check of ours
DEEP_BLOCK = re.compile(rf"^[ ]*((?:[-?][ ]+){{{MAX_SCANNED_DEPTH},}})", re.M)  # `- - - ...`: one level each
# A bracket, or a quoted scalar whose brackets are text (a quote opens only where YAML allows one).
BRACKET = re.compile(r"""(?:(?<=[\s\[{,:])|^)(?:'(?:[^']|'')*'|"(?:[^"\\]|\\.)*")|[\[\]{}]""", re.M)


@dataclass
class Document:
    """A file's data plus where each value sits in it."""

    file: str
    data: object = None
    root: yaml.Node | None = None  # the composed document: lines and columns, read on demand
    problems: list[Problem] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def where(self, path: Path) -> tuple[int, int]:
        """Line and column of the value at `path`, or of its nearest parent that exists; a
        field is reported at its key, where the editor wrote its name.

        The whole file (the empty path) is reported at its first line."""
        if not path or self.root is None:
            return 1, 1
        node, mark = self.root, None
        for part in path:
            if isinstance(node, yaml.MappingNode):
                pair = next((pair for pair in node.value if _key(pair[0]) == part), None)
                if pair is None:
                    break
                mark, node = pair[0].start_mark, pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                mark = node.start_mark
            else:
                break
        return (mark.line + 1, mark.column + 1) if mark else (1, 1)

    def problem(self, path: Path, message: str, *, warning: bool = False, text: str | None = None) -> Problem:
        line, column = self.where(path)
        if text:  # inside a field written over several lines: the line that holds the text
            line, column = self.find(text, line, column)
        return Problem(self.file, line, column, message, warning)

    def find(self, text: str, line: int, column: int) -> tuple[int, int]:
        """Line and column of `text` at or after `line`, or (line, column) if it is not there
        as written (split over lines, or escaped in quotes)."""
        # As a whole word: 'Tom' is not the start of 'Tomorrow'.
        pattern = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)" if text[:1].isalnum() else re.escape(text))
        for number in range(line, min(line + 200, len(self.lines)) + 1):
            found = pattern.search(self.lines[number - 1])
            if found:
                return number, found.start() + 1
        return line, column


def read(path: FilePath, name: str) -> Document:
    """Read `path`, reported as `name`; never raises for bad content, records problems instead."""
    doc = Document(name)
    if path.is_symlink():
        doc.problems.append(Problem(name, 1, 1, SYMLINK_MESSAGE))
        return doc
    if not path.is_file():  # a folder, or a pipe or device that reading would wait on forever
        what = "is a folder" if path.is_dir() else "is not a plain file"
        doc.problems.append(
            Problem(name, 1, 1, f"{what}: data/ holds plain .yml files; remove it or put the file itself here")
        )
        return doc
    if path.stat().st_size > MAX_BYTES:
        doc.problems.append(
            Problem(
                name,
                1,
                1,
                f"file is larger than {MAX_BYTES // 1024} KB: a brief is a few KB; split it or remove what does not belong",
            )
        )
        return doc
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
    if too_deep := nesting(text):
        line, column = too_deep
        doc.problems.append(Problem(name, line, column, f"the file is nested too deeply here: {NESTING_HINT}"))
        return doc
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.root = node
            doc.data = _build(loader, node, 0, doc, set())
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (NUL, DEL, C1 controls)
        line, column = _line_and_column(text, error.position)
        doc.problems.append(
            Problem(
                name,
                line,
                column,
                f"invisible character U+{error.character:04X} is not allowed in a YAML file: delete it "
                "(it comes with text pasted from other programs)",
            )
        )
        doc.data = None
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


SYMLINK_MESSAGE = "is a symbolic link: files under data/ are never followed elsewhere; put the file itself here"


def nesting(text: str) -> tuple[int, int] | None:
    """Where the text nests deeper than any brief could (brackets, or `- - -` on one line), as
    (line, column), or None. A cheap scan of the raw text, run before the YAML parser sees it."""
    if found := DEEP_BLOCK.search(text):
        return _line_and_column(text, found.start(1))
    if text.count("[") + text.count("{") <= MAX_SCANNED_DEPTH:
        return None
    depth = 0
    for found in BRACKET.finditer(text):
        if len(found.group()) > 1:  # a quoted scalar
            continue
        depth = depth + 1 if found.group() in "[{" else max(0, depth - 1)
        if depth > MAX_SCANNED_DEPTH:
            return _line_and_column(text, found.start())
    return None


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


class _Unsupported(Exception):
    """YAML that a brief never needs and that could make reading it blow up."""

    def __init__(self, node, message: str):
        self.line, self.column, self.message = node.start_mark.line + 1, node.start_mark.column + 1, message


MAX_DEPTH = 12  # a brief nests five levels deep; far deeper is a mistake or an attack
NESTING_HINT = "check the indentation and the brackets, a brief nests only a few levels deep"


STRING = "tag:yaml.org,2002:str"
MAP, SEQUENCE = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def _key(node) -> str:
    """A mapping key as text, as the editor wrote it (`yes:` stays 'yes')."""
    if not isinstance(node, yaml.ScalarNode):
        raise _Unsupported(node, "a field name must be a plain word, such as `title:`, not a list or a set of fields")
    return node.value if node.tag == STRING else str(node.value)


def _build(loader, node, depth: int, doc: Document, seen: set[int]):
    # Anchors and aliases (&name, *name) reuse one node: refused, so a few lines cannot expand
    # into millions of values or loop forever.
    if id(node) in seen:
        raise _Unsupported(node, "anchors and aliases (&name, *name) are not allowed: write the value out in full")
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _Unsupported(node, f"the file is nested too deeply here: {NESTING_HINT}")
    if isinstance(node, yaml.CollectionNode) and node.tag not in (MAP, SEQUENCE):
        raise _Unsupported(node, f"tags ('{node.tag[:30]}') are not allowed: remove it, a brief needs none")
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _key(key_node)
            if key in result:
                doc.problems.append(
                    Problem(
                        doc.file,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        f"duplicate key '{key}': it is already set above; keep one of them",
                    )
                )
                continue
            result[key] = _build(loader, value_node, depth + 1, doc, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, depth + 1, doc, seen) for item in node.value]
    if node.tag == STRING:  # most values: the text as written, without the constructor's detour
        return node.value
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, OverflowError):  # a date that does not exist (2019-02-30), a number too long
        value = None
    if (value is None and node.tag != NULL) or (isinstance(value, int) and value.bit_length() > 64):
        shown = str(node.value)[:40]
        fix = (
            "a date must be a real one, written 2018-03-01"
            if "timestamp" in node.tag
            else "no field takes so long a number"
        )
        raise _Unsupported(node, f"'{shown}' cannot be read: {fix}; if it is meant as text, put it in quotes")
    return value


NULL = "tag:yaml.org,2002:null"
