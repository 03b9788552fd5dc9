"""The baseline the benchmark compares against: what a team would build without this project.

`write(data_dir, target)` turns the same data/ folder into a plain MkDocs + Material project:
one hand-written-style Markdown page per brief (all of its text) and one per theme (the title
and text of every strength and key message tagged with it), every brief and every theme listed
in `nav`, the search plugin on, no macros and no hooks. The text is the same text the briefs
hold; only the page layout differs.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .corpus import read_brief

RESOURCE_LINK = re.compile(r"\[([^\]]*)\]\(resource:([^)\s]*)\)")


def _vocabulary(data_dir: Path, name: str) -> dict[str, dict]:
    data = yaml.safe_load((data_dir / f"{name}.yml").read_text(encoding="utf-8")) or {}
    return {item["id"]: item for item in data.get(name, [])}


class _Writer:
    def __init__(self, data_dir: Path):
        self.themes = _vocabulary(data_dir, "themes")
        self.resources = _vocabulary(data_dir, "resources")
        self.audiences = _vocabulary(data_dir, "audiences")

    def md(self, text: str) -> str:
        """Resource links as a plain team would write them: the address, or the name."""

        def link(match: re.Match) -> str:
            label, resource = match.group(1), self.resources.get(match.group(2), {})
            if resource.get("url"):
                return f"[{label}]({resource['url']})"
            return f"{label} ({resource.get('title', match.group(2))}, link to follow)"

        return RESOURCE_LINK.sub(link, text.strip())

    def theme_links(self, ids: list[str], prefix: str) -> str:
        return ", ".join(f"[{self.themes[t]['title']}]({prefix}themes/{t}.md)" for t in ids if t in self.themes)

    def item(
        self, kind: str, item: dict, level: int, prefix: str, heading: str | None = None, source: str | None = None
    ) -> list[str]:
        """A strength or key message: heading, text, points, questions, closing, themes."""
        lines = []
        title = heading or item.get("title") or ("Strength" if kind == "strength" else "Key message")
        lines += [f"{'#' * level} {title}", ""]
        if source:
            lines += [source, ""]
        if item.get("audiences"):
            names = ", ".join(self.audiences[a]["title"] for a in item["audiences"] if a in self.audiences)
            lines += [f"*For: {names}*", ""]
        if item.get("text"):
            lines += [self.md(item["text"]), ""]
        for point in item.get("points", []):
            lines.append("- " + self.md(point).replace("\n", "\n  "))
        if item.get("points"):
            lines.append("")
        if item.get("questions"):
            lines += ["**Reflective questions**", ""]
            lines += ["- " + self.md(q).replace("\n", "\n  ") for q in item["questions"]]
            lines.append("")
        if item.get("closing"):
            lines += [self.md(item["closing"]), ""]
        lines += [f"Themes: {self.theme_links(item.get('themes', []), prefix)}", ""]
        return lines

    def brief_page(self, brief: dict) -> str:
        lines = [f"# {brief['year']}: {brief['title']}", ""]
        lines += [f"{brief['board']}. {brief.get('series', '')}. {', '.join(brief['areas'])}.", ""]
        if brief.get("themes"):
            lines += [f"Themes: {self.theme_links(brief['themes'], '../')}", ""]
        lines += ["## Introduction", "", self.md(brief["introduction"]), "", "## Cases", ""]
        for case in brief["cases"]:
            label = case["label"] + (f" ({case['pseudonym']})" if case.get("pseudonym") else "")
            lines += [f"### {label}", "", self.md(case["summary"]), ""]
            for strength in case.get("strengths", []):
                lines += self.item("strength", strength, 4, "../", heading=strength.get("title") or "Strength")
            for message in case.get("key_messages", []):
                lines += self.item("key-message", message, 4, "../")
        if brief.get("strengths"):
            lines += ["## Strengths", ""]
            for strength in brief["strengths"]:
                lines += self.item("strength", strength, 3, "../")
        if brief.get("key_messages"):
            lines += ["## Key messages", ""]
            for message in brief["key_messages"]:
                lines += self.item("key-message", message, 3, "../")
        return "\n".join(lines)

    def theme_page(self, theme_id: str, entries: list[tuple[str, str, dict, dict]]) -> str:
        theme = self.themes[theme_id]
        lines = [f"# {theme['title']}", "", self.md(theme["description"]), ""]
        if theme.get("aliases"):
            lines += [f"Also known as: {', '.join(theme['aliases'])}", ""]
        if theme.get("related"):
            lines += [f"Related: {self.theme_links(theme['related'], '../')}", ""]
        for kind, heading in (("strength", "Strengths"), ("key-message", "Key messages")):
            chosen = [e for e in entries if e[0] == kind]
            if not chosen:
                continue
            lines += [f"## {heading}", ""]
            for _, brief_id, brief, item in chosen:
                source = f"From [{brief['year']}: {brief['title']}](../briefs/{brief_id}.md)"
                lines += self.item(kind, item, 3, "../", source=source)
        return "\n".join(lines)


def _items(brief: dict):
    for case in brief["cases"]:
        for strength in case.get("strengths", []):
            yield "strength", strength
        for message in case.get("key_messages", []):
            yield "key-message", message
    for strength in brief.get("strengths", []):
        yield "strength", strength
    for message in brief.get("key_messages", []):
        yield "key-message", message


def write(data_dir: Path, target: Path) -> Path:
    """Write the baseline project for `data_dir` into `target`; return the project folder."""
    data_dir, target = Path(data_dir), Path(target)
    docs = target / "docs"
    (docs / "briefs").mkdir(parents=True, exist_ok=True)
    (docs / "themes").mkdir(parents=True, exist_ok=True)
    writer = _Writer(data_dir)

    briefs = [(path.stem, read_brief(path)) for path in sorted((data_dir / "briefs").glob("*.yml"))]
    briefs.sort(key=lambda pair: (pair[1]["year"], pair[0]), reverse=True)  # newest year first
    by_theme: dict[str, list] = {theme_id: [] for theme_id in writer.themes}
    for brief_id, brief in briefs:
        (docs / "briefs" / f"{brief_id}.md").write_text(writer.brief_page(brief), encoding="utf-8")
        for kind, item in _items(brief):
            for theme_id in item.get("themes", []):
                by_theme.setdefault(theme_id, []).append((kind, brief_id, brief, item))
    for theme_id, entries in by_theme.items():
        (docs / "themes" / f"{theme_id}.md").write_text(writer.theme_page(theme_id, entries), encoding="utf-8")
    (docs / "index.md").write_text(
        "# Learning briefs\n\nSynthetic benchmark baseline: every brief and theme is in the navigation.\n",
        encoding="utf-8",
    )

    config = {
        "site_name": "Learning Briefs (baseline)",
        "use_directory_urls": False,
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "nav": [
            {"Home": "index.md"},
            {"Briefs": [{f"{b['year']}: {b['title']}": f"briefs/{brief_id}.md"} for brief_id, b in briefs]},
            {"Themes": [{theme["title"]: f"themes/{theme_id}.md"} for theme_id, theme in writer.themes.items()]},
        ],
    }
    (target / "mkdocs.yml").write_text(
        "# SYNTHETIC benchmark baseline: plain MkDocs + Material, no macros, no hooks.\n"
        + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8",
    )
    return target


def nav_pages(project: Path) -> list[str]:
    """Every page path listed in the project's nav (for the tests)."""
    config = yaml.safe_load((Path(project) / "mkdocs.yml").read_text(encoding="utf-8"))
    found: list[str] = []

    def walk(node):
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            for child in node.values():
                walk(child)

    walk(config["nav"])
    return found
