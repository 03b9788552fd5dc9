"""The build benchmark's synthetic corpus is valid content, marked synthetic and reproducible, and
its baseline project lists every brief and theme in the navigation."""

from __future__ import annotations

import yaml

from benchmarks import baseline, corpus
from macros.content import load


def files(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def test_corpus_is_valid_content(tmp_path):
    data = corpus.generate(tmp_path / "one", 3)
    catalogue = load(data)
    assert len(catalogue.briefs) == 3
    assert {record.by_case for record in catalogue.briefs} == {True, False}  # both shapes
    for record in catalogue.briefs:
        assert len(record.brief.cases) == 3
        assert all(2 <= len(entry.item.questions) <= 4 for entry in record.key_messages)


def test_every_brief_file_is_marked_synthetic(tmp_path):
    data = corpus.generate(tmp_path / "one", 3)
    briefs = sorted((data / "briefs").glob("*.yml"))
    assert len(briefs) == 3
    for path in briefs:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schema/brief.schema.json\n")
        assert "SYNTHETIC" in text
        assert "synthetic" in corpus.read_brief(path)["introduction"]


def test_corpus_is_deterministic(tmp_path):
    first = files(corpus.generate(tmp_path / "one", 3))
    second = files(corpus.generate(tmp_path / "two", 3))
    assert first == second


def test_baseline_lists_every_brief_and_theme_in_nav(tmp_path):
    data = corpus.generate(tmp_path / "one", 3)
    project = baseline.write(data, tmp_path / "baseline")
    nav = set(baseline.nav_pages(project))
    brief_pages = {f"briefs/{brief_id}.md" for brief_id in corpus.brief_ids(data)}
    theme_pages = {f"themes/{theme_id}.md" for theme_id in corpus.theme_ids()}
    assert len(brief_pages) == 3 and len(theme_pages) == corpus.THEME_COUNT
    assert brief_pages | theme_pages <= nav
    for page in brief_pages | theme_pages:
        assert (project / "docs" / page).is_file()
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and config["plugins"] == ["search"]
    assert config["use_directory_urls"] is False
