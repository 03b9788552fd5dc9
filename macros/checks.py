"""Checks on the content beyond its shape: each yields (path, message), (path, message, True)
for a warning, or (path, message, False, text) to point at the line inside the field that holds
`text`. One runner (`content.load`) locates and reports them all at once.

Messages read as rules and name the fix.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from . import anonymise, fields, periods
from .model import BRIEF_ID_PATTERN, Brief, ThemeList, slugify
from .problems import Path

Found = Iterator[tuple]

# [text](target) links in Markdown, and raw HTML tags or comments.
# A link as Markdown reads one: its text may hold a pair of brackets ("[see [the] policy](...)").
LINK_TEXT = r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
LINK = re.compile(LINK_TEXT + r"\(\s*([^)\s]*)[^)]*\)")
NESTED_BRACKETS = re.compile(r"\[[^\]]*\[[^\]]*\[")  # three open before one closes
RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<!--")
# Curly brackets start Markdown attribute lists ({: .class onclick=...}), which would let content
# set HTML attributes, and template expressions ({{ ... }}); a brief never needs them.
CURLY = re.compile(r"[{}]")
# Python-Markdown takes time that grows with the square of a run of "[": a text holds at most
# this many (a brief's text has one or two links).
MAX_BRACKETS = 50
# [label]: target lines define reference-style links, which the site does not render.
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:.*$", re.MULTILINE)
PLACEHOLDER_TARGETS = ("", "#")
# Themes and audiences have no `allow:`: a flagged text there is reworded. resources.yml has one,
# for an organisation's own address that a resource links to.
SHARED_LIST_FIX = "reword it: the shared lists appear on many pages and must not name anyone or anywhere"
RESOURCE_FIX = (
    "reword it, or if it is an organisation's own address or name add it under `allow:` in this file with a reason"
)
PLACEHOLDER = "TODO"  # how `make new-brief` marks text still to write
ALLOWED_SCHEMES = ("https://", "http://", "mailto:", "resource:")
RESOURCE_SCHEMES = ("https://", "http://", "mailto:")


@dataclass
class Vocabulary:
    themes: dict
    resources: dict
    audiences: dict
    kinds: dict = field(default_factory=dict)
    types: dict = field(default_factory=dict)
    brief_ids: set = field(default_factory=set)  # every brief file's id, for cross-references

    @functools.cached_property
    def kind_anchors(self) -> frozenset[str]:
        """The anchors of the headings the brief page gives each kind of finding."""
        return frozenset({slugify(kind.title) for kind in self.kinds.values()} | {"strengths", "key-messages"})

    @functools.cached_property
    def page_anchors(self) -> frozenset[str]:
        """Every anchor the brief page gives a heading of its own: its sections and each kind's."""
        return PAGE_ANCHORS | self.kind_anchors

    @functools.cached_property
    def theme_aliases(self) -> dict[str, str]:
        """Every other name of a theme, lower case, to its id: "did you mean" searches them too."""
        return {
            alias.lower(): theme_id
            for theme_id, theme in self.themes.items()
            for alias in getattr(theme, "aliases", [])
        }


def suggest(word: str, choices) -> str:
    choices = list(choices)
    if len(choices) > 200:  # a typo seldom changes the first letter: keep a long list quick to search
        choices = [choice for choice in choices if choice[:1] == word[:1]][:200]
    close = difflib.get_close_matches(word, choices, n=2, cutoff=0.6)
    if not close:
        return ""
    return " — did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


# --- Briefs --------------------------------------------------------------------------------


def file_name_checks(file_name: str, brief: Brief | None) -> Found:
    """The file name is the brief's id and address: <period>-<slug>.yml, agreeing with `year`."""
    stem, dot, suffix = file_name.rpartition(".")
    if suffix != "yml":
        yield (), f"file name '{file_name}' must end in .yml, as data/briefs/<period>-<slug>.yml"
        return
    match = re.match(BRIEF_ID_PATTERN, stem)
    if not match:
        yield (
            (),
            (
                f"file name '{file_name}' must be <period>-<slug>.yml in lower case, the slug starting with a letter, "
                f"such as 2017-18-think-family.yml or 2016-04-neglect-audit.yml"
            ),
        )
        return
    if brief is None:
        return
    try:
        periods.parse(brief.year)
    except ValueError as error:
        yield ("year",), f"'year' '{brief.year}' {error}"
        return
    if match.group(1) != brief.year:
        yield (
            ("year",),
            (
                f"year '{brief.year}' disagrees with the file name '{file_name}': rename the file to "
                f"{brief.year}-{match.group(2)}.yml or correct the year"
            ),
        )


def brief_checks(record, vocab: Vocabulary) -> Found:
    brief: Brief = record.brief
    yield from theme_references(brief, vocab)
    yield from case_references(brief, vocab)
    yield from audience_references(brief, vocab)
    yield from kind_and_type_references(brief, vocab)
    yield from cross_references(brief, vocab, record.id)
    yield from finding_rules(record, vocab)
    published = list(fields.brief_texts(record))
    for path, text in published:
        yield from text_rules(path, text, vocab)
        if text.startswith(PLACEHOLDER) and not brief.draft:
            yield path, f"placeholder text '{text[:40]}' must be replaced before publishing (or keep `draft: true`)"
    yield from guard_checks(brief, published)
    yield from pseudonym_rules(brief)


def guard_checks(brief: Brief, published: list[tuple[Path, str]]) -> Found:
    """The anonymisation guard over every published text of the brief (`fields.brief_texts`),
    each finding located at the line and column where its text is written."""
    # The brief's own period (a day, for some reviews: 2016-04-12) is a date, never a birthday.
    allowed = [allowance.text for allowance in brief.allow] + [brief.year]
    texts = [text for _, text in published]
    for finding in anonymise.scan_all(texts, pseudonyms=pseudonyms(brief), allowed=allowed):
        yield published[finding.index][0], finding.message, False, finding.written
    yield from unused_allowances(brief.allow, texts)


def unused_allowances(allow, texts: list[str]) -> Found:
    """An allowance is for one exact text: once that text is gone, it must go too."""
    if not allow:
        return
    readings = [view.text for text in texts for view in anonymise.views(text)]
    for a, allowance in enumerate(allow):
        exact = anonymise.normalise(allowance.text).text.strip()
        if not any(exact in reading for reading in readings):
            yield (
                ("allow", a, "text"),
                (f"allowed text '{allowance.text[:40]}' is no longer in this file: remove it from `allow:`"),
                True,
            )


# A pseudonym is a name and nothing else: one or two capitalised words, marked with `*`.
PSEUDONYM = re.compile(r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)?\*")


def is_pseudonym(name: str) -> bool:
    # Read as written: full-width letters or a no-break space would pass as "words" (accents are
    # letters: "Zoë*" is a pseudonym).
    return (
        bool(PSEUDONYM.fullmatch(name))
        and all(word[0].isupper() for word in name.split())
        and unicodedata.normalize("NFKC", name) == name
    )


def pseudonym_rules(brief: Brief) -> Found:
    for c, case in enumerate(brief.cases):
        declared = [(("cases", c, "pseudonym"), case.pseudonym)] if case.pseudonym else []
        declared += [(("cases", c, "pseudonyms", i), name) for i, name in enumerate(case.pseudonyms)]
        for path, name in declared:
            if is_pseudonym(name):
                continue
            if not name.endswith("*") and is_pseudonym(name + "*"):
                yield path, f"pseudonym '{name}' must be marked with * (as '{name}*') to show it is not a real name"
            else:
                yield (
                    path,
                    (
                        f"pseudonym '{name[:40]}' must be one or two capitalised words ending in * (such as 'Felix*') "
                        f"and nothing else: put any other detail in the summary"
                    ),
                )


def raw_checks(data, vocab: Vocabulary) -> Found:
    """What can still be checked in a brief whose shape is wrong (a field missing, a list where
    text belongs): the markup and anonymisation rules on every text, and every theme id, so one
    run of `make check` reports everything."""
    if not isinstance(data, dict):
        return
    texts = list(raw_texts(data))
    for path, text in texts:
        yield from text_rules(path, text, vocab)
    names = set()
    cases = data.get("cases")
    for case in cases if isinstance(cases, list) else []:
        if isinstance(case, dict):
            declared = case.get("pseudonyms")
            for name in [case.get("pseudonym")] + (declared if isinstance(declared, list) else []):
                if isinstance(name, str):
                    names.add(name.strip().rstrip("*"))
    found = anonymise.scan_all([text for _, text in texts], pseudonyms=names)
    for finding in found:
        yield texts[finding.index][0], finding.message, False, finding.written
    aliases = vocab.theme_aliases
    for path, text in texts:
        if "themes" in path[-2:-1] and text not in vocab.themes:
            yield path, unknown("theme", text, "data/themes.yml", vocab.themes, aliases)


def raw_texts(value, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every text in raw YAML data, with its place; `allow:` is for reviewers and is left out."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "allow":
                yield from raw_texts(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from raw_texts(item, path + (i,))


def pseudonyms(brief: Brief) -> set[str]:
    """Pseudonyms declared on the cases, without their *: the only child names allowed in the text."""
    return {name.rstrip("*") for case in brief.cases for name in case.names}


FINDING_LISTS = ("findings", "strengths", "key_messages")


def tagged_items(brief: Brief) -> Iterator[tuple[Path, object]]:
    """Every finding (strengths and key messages included) with its place in the file."""
    holders = [(("cases", c), case) for c, case in enumerate(brief.cases)] + [((), brief)]
    for prefix, holder in holders:
        for name in FINDING_LISTS:
            for i, item in enumerate(getattr(holder, name)):
                yield prefix + (name, i), item


def theme_references(brief: Brief, vocab: Vocabulary) -> Found:
    yield from listed_twice(("themes",), brief.themes)
    for path, item in tagged_items(brief):
        for name in ("themes", "cases", "audiences"):
            yield from listed_twice(path + (name,), getattr(item, name, []))
    aliases = vocab.theme_aliases
    for i, theme_id in enumerate(brief.themes):
        if theme_id not in vocab.themes:
            yield ("themes", i), unknown("theme", theme_id, "data/themes.yml", vocab.themes, aliases)
    for path, item in tagged_items(brief):
        for i, theme_id in enumerate(item.themes):
            if theme_id not in vocab.themes:
                yield path + ("themes", i), unknown("theme", theme_id, "data/themes.yml", vocab.themes, aliases)


def unknown(kind: str, value: str, where: str, choices, aliases: dict | None = None) -> str:
    """`value` is not an id of `choices`: the closest ids (by spelling, or by another name in
    `aliases`, {alias: id}), or else a few of the valid ids."""
    hint = suggest(value, choices)
    if not hint and aliases:
        by_alias = aliases.get(value.lower()) or aliases.get(value.lower().replace("-", " "))
        if by_alias:
            hint = f" — did you mean '{by_alias}'? ('{value}' is another name for it)"
    if not hint:
        listed = sorted(choices)
        more = f" and {len(listed) - 8} more" if len(listed) > 8 else ""
        hint = f": use one of its ids ({', '.join(listed[:8])}{more}) or add it there"
    return f"{kind} '{value}' is not in {where}{hint}"


def case_references(brief: Brief, vocab: Vocabulary) -> Found:
    ids = [case.id for case in brief.cases]
    for c, case_id in enumerate(ids):
        if case_id in ids[:c]:
            yield ("cases", c, "id"), f"case id '{case_id}' is used twice in this brief: each case needs its own id"
        elif case_id in vocab.page_anchors:
            yield (
                ("cases", c, "id"),
                f"case id '{case_id}' is the anchor of a section of the brief page: choose another, such as case-{c + 1}",
            )
    for path, item in tagged_items(brief):
        for i, case_id in enumerate(item.cases):
            if case_id not in ids:
                more = f" and {len(ids) - 8} more" if len(ids) > 8 else ""
                hint = suggest(case_id, ids) or f": this brief's cases are {', '.join(ids[:8])}{more}"
                yield path + ("cases", i), f"case '{case_id}' is not a case of this brief{hint}"


def audience_references(brief: Brief, vocab: Vocabulary) -> Found:
    for path, item in tagged_items(brief):
        for i, audience_id in enumerate(getattr(item, "audiences", [])):
            if audience_id not in vocab.audiences:
                yield path + ("audiences", i), unknown("audience", audience_id, "data/audiences.yml", vocab.audiences)


def kind_and_type_references(brief: Brief, vocab: Vocabulary) -> Found:
    if vocab.types and brief.type not in vocab.types:
        yield ("type",), unknown("brief type", brief.type, "data/brief-types.yml", vocab.types)
    for path, item in tagged_items(brief):
        kind = getattr(item, "kind", None)
        if kind is not None and vocab.kinds and kind not in vocab.kinds:
            yield path + ("kind",), unknown("finding kind", kind, "data/finding-kinds.yml", vocab.kinds)


def cross_references(brief: Brief, vocab: Vocabulary, own_id: str) -> Found:
    """`see_also` names another brief (by its file name) or a resource; `compared_with` may."""
    holders = [((), brief)] + [(("cases", c), case) for c, case in enumerate(brief.cases)]
    holders += list(tagged_items(brief))
    for path, holder in holders:
        yield from listed_twice(path + ("see_also",), holder.see_also)
        for i, ref in enumerate(holder.see_also):
            if ref == own_id:
                yield path + ("see_also", i), f"'{ref}' is this brief itself: name another brief or a resource"
            elif ref not in vocab.brief_ids and ref not in vocab.resources:
                choices = sorted(vocab.brief_ids | set(vocab.resources))
                yield (
                    path + ("see_also", i),
                    unknown("brief or resource", ref, "data/briefs/ or data/resources.yml", choices),
                )


# Anchors the brief page uses for its own sections; a finding must not take one.
PAGE_ANCHORS = frozenset({"at-a-glance", "introduction", "purpose", "cases", "questions", "actions", "see-also"})


def section_anchors(record, vocab: Vocabulary) -> set[str]:
    """Every id the brief page gives its own headings: its sections, and each kind's heading at
    brief level and in each case."""
    kinds = vocab.kind_anchors
    taken = {record.id, *vocab.page_anchors}
    for case in record.brief.cases:
        taken |= {case.id} | {f"{case.id}-{kind}" for kind in kinds}
    return taken


def finding_rules(record, vocab: Vocabulary) -> Found:
    brief: Brief = record.brief
    if not record.entries:
        yield (
            (),
            (
                "a brief must have at least one finding: add `findings:` (each with a `kind:`), or `strengths:` "
                "or `key_messages:`, at the top level or under a case"
            ),
        )
    taken = section_anchors(record, vocab)
    seen: set[str] = set()
    for entry in record.entries:
        item = entry.item
        what = f"{vocab.kinds[entry.kind].label.lower() if entry.kind in vocab.kinds else 'finding'}"
        if entry.anchor in seen or entry.anchor in taken:
            yield (
                entry.path + ("title" if item.title else "id",),
                f"{what} '{item.title or entry.anchor}' would share the page anchor '{entry.anchor}' with another "
                f"heading: give it its own `id:`",
            )
        seen.add(entry.anchor)
        if not (item.text or item.points or item.questions or item.action):
            yield entry.path, f"a {what} must say something: give it `text`, `points` or `questions`"
    for path, questions in [(e.path, e.item.questions) for e in record.entries] + [((), brief.questions)]:
        for q, question in enumerate(questions):
            if "?" not in question:
                yield (
                    path + ("questions", q),
                    f"question '{question[:50]}' must be a question (with a '?'); put statements in `text` or `closing`",
                )


def listed_twice(path: Path, ids: list[str]) -> Found:
    """An id given twice in one list would show twice (two chips, two links)."""
    for i, value in enumerate(ids):
        if value in ids[:i]:
            yield path + (i,), f"'{value}' is listed twice here: keep one"


# Invisible characters other than tab and line break: controls, and the marks that reorder what
# a reader sees (a name typed backwards between U+202E and U+202C shows the right way round).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]")


def text_rules(path: Path, text: str, vocab: Vocabulary) -> Found:
    """Markdown stays Markdown: no raw HTML, no placeholder links, resources by id; no invisible
    control characters."""
    if found := CONTROL.search(text):
        yield (
            path,
            (
                f"invisible control character U+{ord(found.group()):04X} after '{text[max(0, found.start() - 20) : found.start()]}': "
                "delete it (it comes with text pasted from other programs, and breaks the news feed)"
            ),
        )
    # The `in` tests skip the regular expressions for the many texts without "<", "{" or "](".
    if "<" in text and (tag := RAW_HTML.search(text)):
        yield (
            path,
            f"raw HTML '{tag[0][:30]}' is not allowed in content: use Markdown (**bold**, *italic*, [text](link))",
        )
    if ("{" in text or "}" in text) and (found := CURLY.search(text)):
        around = text[max(0, found.start() - 10) : found.start() + 20].replace("\n", " ")
        yield (
            path,
            (
                f"curly brackets ('{around}') are not allowed in content: they would be read as page "
                f"attributes or a template; use round brackets or remove the {{...}}"
            ),
        )
    if text.count("[") > MAX_BRACKETS:
        yield (
            path,
            (
                f"the text holds {text.count('[')} '[' characters: at most {MAX_BRACKETS} are allowed "
                f"(one per link); split the text or remove the brackets"
            ),
        )
    if "[" in text and (nested := NESTED_BRACKETS.search(text)):
        yield (
            path,
            (
                f"square brackets nested three deep ('{nested[0][:40]}'): a link's text may hold one pair of "
                "brackets; use round brackets inside it"
            ),
        )
    if "[" in text and (definition := REFERENCE_DEFINITION.search(text)):
        yield (
            path,
            (
                f"reference-style link '{definition[0].strip()[:40]}' is not allowed in content: write the link "
                f"in place, as [text](https://...) or [text](resource:<id>)"
            ),
        )
    if "![" in text:
        yield path, "images ('![...](...)') are not allowed in content: the site shows text only; remove the !"
    for match in LINK.finditer(text) if "](" in text else ():
        label, target = match.group(1), match.group(2)
        if target in PLACEHOLDER_TARGETS or target.lower().startswith("javascript:"):
            yield (
                path,
                (
                    f"link '[{label}]({target})' goes nowhere: name a resource from data/resources.yml as "
                    f"[{label}](resource:<id>), or give a full https:// address"
                ),
            )
        elif target != link_target(target):
            yield (
                path,
                f"link target '{target[:40]}' holds spaces or control characters: write the address without them",
            )
        elif target.startswith("resource:"):
            resource_id = target[len("resource:") :]
            if resource_id not in vocab.resources:
                yield path, unknown("resource", resource_id, "data/resources.yml", vocab.resources)
        elif not target.lower().startswith(ALLOWED_SCHEMES):
            yield path, f"link target '{target}' must be a full https:// address or resource:<id>"
        elif not goes_somewhere(target):
            yield path, f"link target '{target[:40]}' {NOWHERE}"


NOWHERE = "leads nowhere: give the whole address, such as https://www.example.org/policy or mailto:team@example.org"


def goes_somewhere(address: str) -> bool:
    """A web address names a host, an email address a mailbox ('https://' alone does not)."""
    lowered = address.lower()
    if lowered.startswith(("https://", "http://")):
        return bool(urlsplit(address).hostname)
    if lowered.startswith("mailto:"):
        return "@" in unquote(address[len("mailto:") :].split("?", 1)[0])
    return True


def link_target(target: str) -> str:
    """A link address as a browser reads it: whitespace and control characters dropped."""
    return "".join(ch for ch in target if ch > " " and ch != "\x7f")


def resource_url_rules(path: Path, url: str) -> Found:
    """A resource's address: a full web or email address, written plainly."""
    shown = url[:60].encode("unicode_escape").decode("ascii")
    if url != link_target(url):
        yield path, f"url '{shown}' holds spaces or control characters: write the address without them"
    elif url.startswith("/"):
        yield (
            path,
            (
                f"url '{shown}' starts with '/': the site must work under any sub-path and from a file share, "
                f"so give the full https:// address"
            ),
        )
    elif url.lower().startswith("tel:"):
        return  # refused with its own reason by resource_address_rules
    elif not url.lower().startswith(RESOURCE_SCHEMES) or url.lower() in RESOURCE_SCHEMES:
        yield path, f"url '{shown}' must be a full https://, http:// or mailto: address, or leave `url` out"
    elif not goes_somewhere(url):
        yield path, f"url '{shown}' {NOWHERE}"


# --- Vocabularies ----------------------------------------------------------------------------


def vocabulary_guard(name: str, items, allow: list) -> Found:
    """The anonymisation guard over every published text of a shared list (`fields.vocabulary_texts`):
    ids and addresses included, since they become page addresses and links."""
    published = list(fields.vocabulary_texts(name, items))
    texts = [text for _, text in published]
    refused = set()
    for path, message in resource_address_rules(name, items, [allowance.text for allowance in allow]):
        refused.add(path)
        yield path, message
    fix = RESOURCE_FIX if name == "resources" else SHARED_LIST_FIX
    for finding in anonymise.scan_all(texts, allowed=[allowance.text for allowance in allow], fix=fix):
        path = published[finding.index][0]
        if path not in refused:  # an address refused above is one problem, not two
            yield path, finding.message, False, finding.written
    yield from unused_allowances(allow, texts)


def resource_address_rules(name: str, items, allowed: list[str]) -> Iterator[tuple[Path, str]]:
    """A resource never links to a phone (`tel:`), and links to an email address (`mailto:`) only
    when it is an organisation's own address that an editor has allowed by exact text."""
    if name != "resources":
        return
    exact = {anonymise.normalise(text).text.strip() for text in allowed}
    for i, resource in enumerate(items):
        url = (resource.url or "").strip()
        scheme = url.split(":", 1)[0].lower()
        if scheme == "tel":
            yield (
                (name, i, "url"),
                (
                    f"url '{url[:40]}' is a phone number: the site never publishes one; link to the service's web page instead"
                ),
            )
        elif scheme == "mailto":
            address = anonymise.normalise(url.split(":", 1)[1].split("?", 1)[0]).text.strip()
            if address not in exact:
                yield (
                    (name, i, "url"),
                    (
                        f"url '{url[:40]}' links to an email address that is not allowed: link to the service's web page, "
                        f"or if '{address[:40]}' is an organisation's own address add it under `allow:` in "
                        f"data/resources.yml with a reason"
                    ),
                )


# Vocabularies whose entries each get a page, in the folder of the site named as the list is.
PAGE_FOLDERS = frozenset({"themes", "audiences", "types"})


def vocabulary_checks(model, vocab: Vocabulary) -> Found:
    name = next(iter(type(model).model_fields))
    items = getattr(model, name)
    for where, text in fields.vocabulary_texts(name, items):
        yield from text_rules(where, text, vocab)
    yield from vocabulary_guard(name, items, list(getattr(model, "allow", [])))
    seen = set()
    for i, item in enumerate(items):
        if item.id in seen:
            yield (name, i, "id"), f"id '{item.id}' is used twice in this file: ids must be unique"
        seen.add(item.id)
        if name in PAGE_FOLDERS and item.id == "index":
            yield (
                (name, i, "id"),
                f"id 'index' is taken: {name}/index.html lists them all; choose another id",
            )
    if isinstance(model, ThemeList):
        for i, theme in enumerate(items):
            yield from listed_twice((name, i, "related"), theme.related)
            for r, related in enumerate(theme.related):
                if related not in vocab.themes:
                    yield (name, i, "related", r), unknown("related theme", related, "data/themes.yml", vocab.themes)
                elif related == theme.id:
                    yield (name, i, "related", r), f"theme '{theme.id}' cannot be related to itself"
    if name == "resources":
        for i, resource in enumerate(items):
            if resource.url is None:
                yield (name, i), f"resource '{resource.id}' has no address yet: it is shown as 'link to follow'", True
            else:
                yield from resource_url_rules((name, i, "url"), resource.url)
