"""The content check: good data loads; each editor mistake gives one clear problem naming the
file, the line and the fix, never a traceback."""

from __future__ import annotations

import shutil

import pytest

from macros.content import check, load
from macros.problems import ContentError
from mistakes import MISTAKES
from support import FIXTURES, ROOT

FIXTURE_DATA = FIXTURES / "site" / "data"
BRIEF = "briefs/2099-00-fixture.yml"


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def problems_after(data, old: str, new: str, file: str = BRIEF) -> list:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(data)
    return caught.value.problems


def line_of(data, needle: str, file: str = BRIEF) -> int:
    lines = (data / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_the_real_content_loads():
    catalogue = load(ROOT / "data")
    assert [r.id for r in catalogue.briefs] == ["2017-18-think-family", "2016-17-send"]
    assert {"silent-child", "thresholds", "information-sharing"} <= set(catalogue.themes)


def test_the_fixture_content_loads(data):
    catalogue = load(data)
    assert [r.id for r in catalogue.briefs] == ["2099-00-fixture", "2098-99-fixture-earlier"]
    assert [w.message for w in catalogue.warnings] == [
        "resource 'fixture-guide' has no address yet: it is shown as 'link to follow'"
    ]


@pytest.mark.parametrize("old, new, needle, words", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_mistake_names_file_line_and_fix(data, old, new, needle, words):
    problems = problems_after(data, old, new)
    matching = [p for p in problems if all(w in p.message for w in words)]
    assert matching, f"no problem says {words}; got:\n" + "\n".join(map(str, problems))
    problem = matching[0]
    assert problem.file == f"data/{BRIEF}"
    assert problem.line == line_of(data, needle)
    assert "Traceback" not in str(problem)


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", ["file is empty"]),
        (b"# only a comment\n", ["file is empty"]),
        (b"\xef\xbb\xbftitle: x\n", ["byte-order mark", "without BOM"]),
        (b"title: caf\xe9\n", ["not UTF-8", "save it with UTF-8"]),
        (b"- just\n- a list\n", ["must hold fields"]),
        (b"just text\n", ["must hold fields"]),
        (b"a: &a [*a]\n", ["anchors and aliases"]),
        (b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n", ["anchors and aliases"]),
    ],
    ids=[
        "empty",
        "comment only",
        "BOM",
        "latin-1",
        "a list",
        "plain text",
        "self-referring alias",
        "expanding aliases",
    ],
)
def test_a_broken_file_is_a_clean_error(data, content, words):
    (data / BRIEF).write_bytes(content)
    with pytest.raises(ContentError) as caught:
        load(data)
    messages = [str(p) for p in caught.value.problems]
    assert any(all(w in m for w in words) and m.startswith(f"data/{BRIEF}:1:") for m in messages), messages


@pytest.mark.parametrize(
    "file_name, words",
    [
        ("2099-00-Fixture.yml", ["must be <period>-<slug>.yml in lower case"]),
        ("fixture.yml", ["must be <period>-<slug>.yml"]),
        ("2099-00-fixture.yaml", ["must end in .yml"]),
        ("2099-00_fixture.yml", ["must be <period>-<slug>.yml"]),
        ("2099-00-2-fixture.yml", ["the slug starting with a letter"]),
    ],
)
def test_a_file_name_must_be_the_brief_id(data, file_name, words):
    (data / BRIEF).rename(data / "briefs" / file_name)
    with pytest.raises(ContentError) as caught:
        load(data)
    assert any(all(w in p.message for w in words) and p.file.endswith(file_name) for p in caught.value.problems)


def test_a_deeply_nested_file_is_a_clean_error(data):
    nested = "".join(f"{'  ' * depth}level{depth}:\n" for depth in range(30)) + "  " * 30 + "end: here\n"
    (data / BRIEF).write_text(nested)
    with pytest.raises(ContentError) as caught:
        load(data)
    assert any("nested too deeply" in p.message and p.file == f"data/{BRIEF}" for p in caught.value.problems)


def test_two_briefs_cannot_share_an_id(data):
    shutil.copy(data / BRIEF, data / "briefs" / "2099-00-fixture.yaml")
    with pytest.raises(ContentError) as caught:
        load(data)
    assert any("brief id '2099-00-fixture' is already used by data/briefs/" in p.message for p in caught.value.problems)


def test_every_problem_in_every_file_is_reported_at_once(data):
    brief = data / BRIEF
    brief.write_text(brief.read_text().replace("fixture-theme-b]", "fixture-theme-x]").replace("case-2", "case-1"))
    other = data / "briefs" / "2098-99-fixture-earlier.yml"
    other.write_text(other.read_text().replace("year: 2098-99", "year: 2098"))
    with pytest.raises(ContentError) as caught:
        load(data)
    errors = [p for p in caught.value.problems if not p.warning]
    assert {p.file for p in errors} == {f"data/{BRIEF}", "data/briefs/2098-99-fixture-earlier.yml"}
    assert len(errors) == 3
    assert str(caught.value).splitlines()[-1].startswith("3 problems in the content")


@pytest.mark.parametrize(
    "file, old, new, words",
    [
        ("themes.yml", "related: [fixture-theme-b]", "related: [fixture-theme-c]", ["related theme 'fixture-theme-c'"]),
        ("themes.yml", "id: fixture-theme-unused", "id: fixture-theme-b", ["id 'fixture-theme-b' is used twice"]),
        (
            "themes.yml",
            "id: fixture-theme-unused",
            "id: Fixture Theme",
            ["lower-case letters and digits joined by hyphens"],
        ),
        ("resources.yml", "url: https://example.org/fixture", "url: '#'", ["must be a full https://"]),
        (
            "resources.yml",
            "url: https://example.org/fixture",
            "url: /policies/fixture.pdf",
            ["starts with '/'", "any sub-path"],
        ),
        ("resources.yml", "url: https://example.org/fixture", 'url: "java\\nscript:alert(1)"', ["control characters"]),
        (
            "resources.yml",
            "url: https://example.org/fixture",
            'url: "\\x01javascript:alert(1)"',
            ["control characters"],
        ),
        ("resources.yml", "url: https://example.org/fixture", "url: javascript:alert(1)", ["must be a full https://"]),
        ("themes.yml", "title: Fixture Theme B", "title: 'Fixture { onclick=alert(1) '", ["curly brackets"]),
        ("audiences.yml", "title: Fixture Readers", "title: '{{ cycler.__init__ }}'", ["curly brackets"]),
        (
            "audiences.yml",
            "title: Fixture Readers",
            "titel: Fixture Readers",
            ["unknown field 'titel'", "did you mean 'title'?"],
        ),
        (
            "audiences.yml",
            "description: A synthetic role",
            "description: <script>alert(1)</script> A synthetic role",
            ["raw HTML"],
        ),
        (
            "themes.yml",
            "description: A second synthetic theme.",
            "description: Ask mother Jane Example.",
            ["named relative", "reword it"],
        ),
        (
            "themes.yml",
            "aliases: [zebra crossing, fixture alias]",
            "aliases: [zebra crossing, '[x](javascript:alert(1))']",
            ["goes nowhere"],
        ),
    ],
)
def test_vocabulary_mistakes(data, file, old, new, words):
    problems = problems_after(data, old, new, file=file)
    assert any(all(w in p.message for w in words) and p.file == f"data/{file}" for p in problems), problems


# The anonymisation guard through the whole check: (text put into the case summary, the quoted match)
IDENTIFYING = {
    "email": ("Contact was by test.person@example.org weekly.", "test.person@example.org"),
    "phone": ("The family phoned 07700 900123 often.", "07700 900123"),
    "postcode": ("The family moved to E8 1AA last year.", "E8 1AA"),
    "date of birth": ("Sample was born on 12/03/2015 at home.", "born on 12/03/2015"),
    "NHS number": ("NHS number 943 476 5919 was on file.", "943 476 5919"),
    "NI number": ("The NI number AB 12 34 56 C was held.", "AB 12 34 56 C"),
    "street address": ("They lived at 99 Fixture Street then.", "99 Fixture Street"),
    "named relative": ("Sample lived with mother Jane Example.", "mother Jane Example"),
    "undeclared child name": ("Sample sat next to Oliver at school.", "Oliver"),
}


@pytest.mark.parametrize("text, match", IDENTIFYING.values(), ids=IDENTIFYING.keys())
def test_identifying_details_stop_the_check_at_their_line(data, text, match):
    problems = problems_after(data, "summary: Sample is a synthetic example case for tests.", f"summary: {text}")
    found = [p for p in problems if f"'{match}'" in p.message]
    assert found, problems
    assert found[0].file == f"data/{BRIEF}" and found[0].line == line_of(data, text)
    assert "add it under `allow:` in this file with a reason" in found[0].message


def test_a_reviewed_false_alarm_is_allowed_for_that_text_only(data):
    brief = data / BRIEF
    text = brief.read_text().replace(
        "summary: Sample is a synthetic example case for tests.",
        "summary: Sample moved near 99 Fixture Street, then near 98 Fixture Street.",
    )
    text += "allow:\n  - text: 99 Fixture Street\n    reason: A synthetic fixture street, not an address.\n"
    brief.write_text(text)
    with pytest.raises(ContentError) as caught:
        load(data)
    flagged = [p.message for p in caught.value.problems if "Fixture Street" in p.message]
    assert flagged == [
        "looks like a street address '98 Fixture Street': remove it, or if it is not identifying add it "
        "under `allow:` in this file with a reason"
    ]


def test_an_allowance_needs_a_reason(data):
    brief = data / BRIEF
    brief.write_text(brief.read_text() + "allow:\n  - text: 99 Fixture Street\n")
    with pytest.raises(ContentError) as caught:
        load(data)
    assert any("missing required field 'reason'" in p.message for p in caught.value.problems)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_check_command_finds_what_the_build_finds(data, workers):
    brief = data / BRIEF
    brief.write_text(brief.read_text().replace("fixture-theme-b]", "fixture-theme-x]"))
    with pytest.raises(ContentError) as caught:
        load(data, include_drafts=True, workers=workers)
    result = check(data, workers=workers)
    assert result.problems == caught.value.problems
    assert any("fixture-theme-x" in p.message for p in result.problems)
    assert (result.briefs, result.themes) == (2, 3)


def test_briefs_read_on_several_cores_make_the_same_records(data):
    """A large collection is read by forked workers, which send back each brief's data for the
    build to make its record again: the records must be those one process makes."""
    alone, spread = load(data, include_drafts=True, workers=1), load(data, include_drafts=True, workers=2)
    assert (
        [r.id for r in spread.briefs] == [r.id for r in alone.briefs] == ["2099-00-fixture", "2098-99-fixture-earlier"]
    )
    for one, other in zip(alone.briefs, spread.briefs, strict=True):
        assert (other.file, other.brief) == (one.file, one.brief)
        assert [(e.kind, e.anchor, e.path, e.case and e.case.id) for e in other.entries] == [
            (e.kind, e.anchor, e.path, e.case and e.case.id) for e in one.entries
        ]
        assert other.entries and all(entry.brief is other for entry in other.entries)
    assert [str(w) for w in spread.warnings] == [str(w) for w in alone.warnings]


def test_a_brief_for_one_day_needs_no_allowance_for_its_own_date(data):
    # A day is a documented period (a review of one day); the guard must not read it as a birthday,
    # and YAML's reading of it as a date is taken as the period it is.
    brief = (data / BRIEF).read_text().replace("year: 2099-00", "year: 2016-04-12")
    (data / "briefs" / "2016-04-12-fixture-day.yml").write_text(brief)
    record = load(data).brief("2016-04-12-fixture-day")
    assert record.year == "2016-04-12" and record.period.phrase


def test_the_check_command_counts_clean_content(data):
    result = check(data, workers=2)
    assert [p.warning for p in result.problems] == [True]
    assert (result.briefs, result.drafts, result.questions, result.themes) == (2, 0, 3, 3)


def test_an_allowance_that_matches_nothing_is_a_warning(data):
    brief = data / BRIEF
    brief.write_text(brief.read_text() + "allow:\n  - text: 97 Fixture Street\n    reason: A synthetic street.\n")
    catalogue = load(data)
    assert "allowed text '97 Fixture Street' is no longer in this file: remove it from `allow:`" in [
        w.message for w in catalogue.warnings
    ]


@pytest.mark.parametrize(
    "lines, match, needle, column",
    [
        (
            ["Sample is a synthetic example case.", "It went on for a while.", "Then mother Jane Example visited."],
            "mother Jane Example",
            "Then mother Jane Example",
            12,
        ),
        (
            ["Sample had a review.", "Tomorrow's meeting was agreed.", "Then Tom attended nursery."],
            "Tom",
            "Then Tom attended",
            12,
        ),
    ],
    ids=["named relative", "short name not inside a longer word"],
)
def test_an_identifying_detail_in_a_long_text_is_reported_at_its_own_line(data, lines, match, needle, column):
    block = "summary: |-\n" + "\n".join(f"      {line}" for line in lines)
    problems = problems_after(data, "summary: Sample is a synthetic example case for tests.", block)
    found = [p for p in problems if f"'{match}'" in p.message]
    assert found and (found[0].line, found[0].column) == (line_of(data, needle), column)


# --- The guard as an editor's tools write: located at the original text, in every field --------

PASTED = {  # (text put into a summary line, how the message quotes it, what the file holds)
    "no-break space in a phone number": ("Rang 07700\u00a0900123 twice.", "07700 900123", "07700\u00a0900123"),
    "zero-width space in a postcode": ("Moved to E8\u200b 1AA.", "E8 1AA", "E8\u200b 1AA"),
    "entity for the @": ("Wrote to jane&#64;example.org.", "jane@example.org", "jane&#64;example.org"),
    "emphasis inside a name": ("Staff saw J*an*e today.", "Jane", "J*an*e"),
    "soft hyphen inside a name": ("Staff saw Ja\u00adne today.", "Jane", "Ja\u00adne"),
}


@pytest.mark.parametrize("text, quoted, written", PASTED.values(), ids=PASTED.keys())
def test_a_pasted_detail_is_reported_at_the_line_and_column_it_is_written(data, text, quoted, written):
    block = "summary: |-\n      Sample is a synthetic case.\n      " + text
    problems = problems_after(data, "summary: Sample is a synthetic example case for tests.", block)
    found = [p for p in problems if f"'{quoted}'" in p.message]
    assert found, problems
    line = line_of(data, text)
    column = (data / BRIEF).read_text(encoding="utf-8").splitlines()[line - 1].index(written) + 1
    assert (found[0].line, found[0].column) == (line, column)


@pytest.mark.parametrize(
    "old, new, words",
    [
        ("id: case-1", "id: case-jane-example", ["given name that is not a declared pseudonym 'Jane'"]),
        ("title: Fixture key message", "title: Call 07700 900123", ["phone number '07700 900123'"]),
        ("label: Case 1", "label: Case of Mrs Example", ["named relative or professional 'Mrs Example'"]),
        ("pseudonym: Sample*", "pseudonym: Sample 07700 900123*", ["one or two capitalised words ending in *"]),
        ("pseudonym: Sample*", "pseudonym: Sample Jane Example*", ["one or two capitalised words ending in *"]),
    ],
    ids=["case id", "key message title", "case label", "phone in a pseudonym", "three-word pseudonym"],
)
def test_ids_labels_and_pseudonyms_are_guarded(data, old, new, words):
    problems = problems_after(data, old, new)
    assert any(all(w in p.message for w in words) and p.line == line_of(data, new) for p in problems), problems


def test_a_brief_file_name_is_guarded(data):
    (data / BRIEF).rename(data / "briefs/2099-00-jane-example.yml")
    with pytest.raises(ContentError) as caught:
        load(data)
    assert any(
        p.file == "data/briefs/2099-00-jane-example.yml" and "'Jane'" in p.message for p in caught.value.problems
    ), caught.value.problems


def test_a_star_after_a_name_that_is_not_a_declared_pseudonym_excuses_nothing(data):
    problems = problems_after(
        data,
        "summary: Sample is a synthetic example case for tests.",
        "summary: The social worker Ms Example* visited.",
    )
    assert any("'social worker Ms Example'" in p.message for p in problems), problems


def test_a_pseudonym_with_an_accent_is_a_pseudonym_and_excuses_its_name(data):
    """Accents are letters: "Zoë*" is declared like "Zoe*", and excuses the name however it is
    written ("Zoë", "Zoe", "ZOË")."""
    brief = data / BRIEF
    text = brief.read_text(encoding="utf-8")
    text = text.replace("pseudonym: Sample*", "pseudonym: Zoë*", 1).replace(
        "summary: Sample is a synthetic example case for tests.", "summary: Zoë* and ZOË were seen; Zoe* settled.", 1
    )
    brief.write_text(text, encoding="utf-8")
    assert "Zoë*" in text and "ZOË" in text
    load(data)  # no ContentError


def test_an_allowance_covers_the_exact_text_however_it_is_spaced(data):
    brief = data / BRIEF
    text = brief.read_text(encoding="utf-8").replace(
        "summary: Sample is a synthetic example case for tests.", "summary: Sample moved near 99\u00a0Fixture Street."
    )
    brief.write_text(text + "allow:\n  - text: 99 Fixture Street\n    reason: A synthetic street.\n", encoding="utf-8")
    assert not any("no longer" in warning.message for warning in load(data).warnings)


RESOURCE = "  - id: fixture-guide\n    title: Fixture Guide\n"


@pytest.mark.parametrize(
    "url, words",
    [
        ("tel:07700900123", ["is a phone number", "link to the service's web page"]),
        ("mailto:jane.example@example.org", ["not allowed", "under `allow:` in data/resources.yml"]),
        ("mailto:jane.example%40example.org", ["not allowed", "'jane.example@example.org'"]),
        ("https://example.org/staff/jane-example", ["given name that is not a declared pseudonym 'Jane'"]),
    ],
    ids=["tel", "mailto", "percent-encoded mailto", "name in the address"],
)
def test_a_resource_address_never_reaches_a_person(data, url, words):
    problems = problems_after(data, RESOURCE, f"{RESOURCE}    url: {url}\n", file="resources.yml")
    found = [p for p in problems if all(w in p.message for w in words)]
    assert found and found[0].file == "data/resources.yml" and found[0].line == line_of(data, url, "resources.yml")
    assert len([p for p in problems if p.line == found[0].line]) == 1, "one problem per address"


def test_a_mailto_to_an_allowed_organisational_address_is_published(data):
    path = data / "resources.yml"
    text = path.read_text(encoding="utf-8").replace(RESOURCE, f"{RESOURCE}    url: mailto:safeguarding@example.org\n")
    path.write_text(
        text
        + "allow:\n  - text: safeguarding@example.org\n    reason: The partnership's own team inbox (synthetic).\n",
        encoding="utf-8",
    )
    catalogue = load(data)
    assert catalogue.resources["fixture-guide"].url == "mailto:safeguarding@example.org"


def test_shape_and_content_problems_are_reported_in_one_run(data):
    """A field missing (the shape) does not hide an unknown theme or a postcode (the content):
    an editor fixes everything in one round."""
    path = data / BRIEF
    text = path.read_text(encoding="utf-8").replace("board: Example Partnership (synthetic)\n", "")
    text = text.replace("fixture-theme-b]", "fixture-theme-bee]").replace("quokka welfare", "quokka welfare at E8 1AA")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(data)
    messages = [p.message for p in caught.value.problems if p.file == f"data/{BRIEF}"]
    assert any("missing required field 'board'" in m for m in messages), messages
    assert any("theme 'fixture-theme-bee' is not in data/themes.yml" in m for m in messages), messages
    assert any("postcode 'E8 1AA'" in m for m in messages), messages


def test_did_you_mean_also_searches_a_themes_other_names(data):
    problems = problems_after(data, "fixture-theme-b]", "zebra-crossing]")
    assert any(
        "theme 'zebra-crossing' is not in data/themes.yml — did you mean 'fixture-theme-a'?" in p.message
        for p in problems
    )


def test_an_unknown_theme_with_no_close_match_lists_the_valid_ids(data):
    problems = problems_after(data, "fixture-theme-b]", "wholly-unrelated]")
    assert any(
        "use one of its ids (fixture-theme-a, fixture-theme-b, fixture-theme-unused)" in p.message for p in problems
    ), problems


@pytest.mark.parametrize(
    "old, new, words",
    [
        (
            "type: multi-agency-case-audit",
            "type: rapid-reveiw",
            ["brief type 'rapid-reveiw'", "did you mean 'rapid-review'?"],
        ),
        ("year: 2099-00", "year: 2099-13", ["neither an audit year", "nor a month"]),
        (
            "key_messages:\n  - title",
            "findings:\n  - kind: concerns\n    themes: [fixture-theme-a]\n    text: A synthetic concern.\nkey_messages:\n  - title",
            ["finding kind 'concerns'", "did you mean 'concern'"],
        ),
        (
            "introduction: Synthetic",
            "see_also: [2099-00-nowhere]\nintroduction: Synthetic",
            ["brief or resource '2099-00-nowhere'"],
        ),
    ],
    ids=["unknown type", "impossible period", "unknown kind", "unknown reference"],
)
def test_kinds_types_periods_and_references_are_checked(data, old, new, words):
    problems = problems_after(data, old, new)
    assert any(all(w in p.message for w in words) for p in problems), problems


def test_a_brief_without_any_finding_is_refused(data):
    path = data / BRIEF
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("strengths:")], encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(data)
    assert any("a brief must have at least one finding" in p.message for p in caught.value.problems)
