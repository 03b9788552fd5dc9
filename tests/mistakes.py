"""Editor mistakes the content check must explain, shared by the unit tests (through `load`) and
the end-to-end tests (through `make check` and a strict build): each names the change made to the
fixture brief, the text on the line the problem must point at, and words the message must hold."""

# A template that would run a shell command if anything ever evaluated editor text: it leaves a
# file named lb-template-ran in the working directory, which the tests look for.
TEMPLATE = '{{ cycler.__init__.__globals__.os.system("touch lb-template-ran") }}'

# (what is changed, into what, the text on the line the problem must point at, words the message must hold)
MISTAKES = {
    "unknown theme": (
        "themes: [fixture-theme-a, fixture-theme-b]",
        "themes: [fixture-theme-a, fixture-theme-bb]",
        "fixture-theme-bb",
        ["theme 'fixture-theme-bb' is not in data/themes.yml", "did you mean 'fixture-theme-b'"],
    ),
    "unknown case": (
        "cases: [case-1]\n    audiences",
        "cases: [case-9]\n    audiences",
        "case-9",
        ["case 'case-9'", "did you mean"],
    ),
    "unknown audience": (
        "audiences: [fixture-audience]",
        "audiences: [fixture-audiences]",
        "fixture-audiences",
        ["audience 'fixture-audiences' is not in data/audiences.yml", "did you mean 'fixture-audience'?"],
    ),
    "unknown resource": (
        "resource:fixture-guide",
        "resource:fixture-gide",
        "fixture-gide",
        ["resource 'fixture-gide' is not in data/resources.yml", "did you mean 'fixture-guide'"],
    ),
    "unknown field": (
        "key_messages:",
        "key_mesages:",
        "key_mesages",
        ["unknown field 'key_mesages'", "did you mean 'key_messages'?"],
    ),
    "missing field": (
        "board: Example Partnership (synthetic)\n",
        "",
        "yaml-language-server",
        ["missing required field 'board'", "add `board: ...`"],
    ),
    "year as a number": ("year: 2099-00", "year: 2099.5", "year: 2099", ["'year' must be text, not a number"]),
    "year in the wrong form": (
        "year: 2099-00",
        "year: '99-00'",
        "year:",
        ["'year' '99-00' must be an audit year (2017-18), a calendar year (2014)"],
    ),
    "year disagrees with file name": (
        "year: 2099-00",
        "year: 2097-98",
        "year:",
        ["disagrees with the file name", "rename the file to 2097-98-fixture.yml"],
    ),
    "text where a list belongs": (
        "areas: [Example Borough]",
        "areas: Example Borough",
        "areas:",
        ["'areas' must be a list"],
    ),
    "yes/no as text": (
        "title: Fixture Brief\n",
        "title: Fixture Brief\ndraft: 'yes'\n",
        "draft:",
        ["'draft' must be true or false, not text ('yes')"],
    ),
    "list where text belongs": (
        "title: Fixture Brief",
        "title: [Fixture, Brief]",
        "title:",
        ["'title' must be text, not a list"],
    ),
    "empty key message": (
        "text: Synthetic key message about quokka welfare.",
        "text: ''",
        "text: ''",
        ["'text' must not be empty"],
    ),
    "question that is not a question": (
        "Have you seen the [fixture site](resource:fixture-site)?",
        "Read the [fixture site](resource:fixture-site).",
        "Read the",
        ["must be a question", "put statements in `text` or `closing`"],
    ),
    "placeholder link": (
        "[the guide](resource:fixture-guide)",
        "[the guide](#)",
        "[the guide](#)",
        ["goes nowhere", "resource:<id>"],
    ),
    "javascript link": (
        "[the guide](resource:fixture-guide)",
        "[the guide](javascript:alert(1))",
        "javascript:",
        ["goes nowhere"],
    ),
    "raw HTML": (
        "Synthetic strength text.",
        "Synthetic <script>alert(1)</script> text.",
        "<script>",
        ["raw HTML", "not allowed", "use Markdown"],
    ),
    "attribute list": (
        "Synthetic strength text.",
        "'Synthetic {: onclick=alert(1) } text.'",
        "{: onclick",
        ["curly brackets", "not allowed", "remove the {...}"],
    ),
    "duplicate key": (
        "title: Fixture Brief\n",
        "title: Fixture Brief\ntitle: Fixture Again\n",
        "title: Fixture Again",
        ["duplicate key 'title'", "keep one of them"],
    ),
    "tab indentation": ("    label: Case 1\n", "\tlabel: Case 1\n", "label: Case 1", ["tab character", "spaces"]),
    "YAML syntax error": (
        "  - id: case-2\n",
        "  - id: [case-2\n",
        "label: Case 2",
        ["YAML syntax error", "check indentation"],
    ),
    "pseudonym without a star": ("pseudonym: Sample*", "pseudonym: Sample", "pseudonym:", ["must be marked with *"]),
    "case used twice": (
        "  - id: case-2\n",
        "  - id: case-1 # again\n",
        "case-1 # again",
        ["case id 'case-1' is used twice"],
    ),
    "reference-style link": (
        "text: Synthetic strength text.",
        'text: "Read [the policy][p].\\n\\n[p]: https://example.org/policy"',
        "[the policy]",
        ["reference-style link '[p]: https://example.org/policy' is not allowed", "write the link in place"],
    ),
    "image": (
        "Synthetic strength text.",
        "'Synthetic ![pic](https://example.org/x.png) text.'",
        "![pic]",
        ["images", "not allowed", "remove the !"],
    ),
    "unclosed quote": (
        "title: Fixture Brief",
        'title: "Fixture Brief',
        "title:",
        ["the quote opened here is never closed"],
    ),
    "raw HTML in the board": (
        "board: Example Partnership (synthetic)",
        "board: Example <b>Partnership</b>",
        "board:",
        ["raw HTML"],
    ),
    "identifying detail in an area": (
        "areas: [Example Borough]",
        "areas: [Example Borough, E8 1AA]",
        "areas:",
        ["postcode 'E8 1AA'"],
    ),
    "anchor and alias": (
        "areas: [Example Borough]",
        "areas: &places [Example Borough]\nseries: *places",
        "areas:",
        ["anchors and aliases", "write the value out in full"],
    ),
    "no theme on a strength": (
        "    themes: [fixture-theme-a]\n    cases: [case-1]\n    text: Synthetic strength",
        "    themes: []\n    cases: [case-1]\n    text: Synthetic strength",
        "themes: []",
        ["'themes' must list at least one item"],
    ),
    # Hostile input: a template in any title, markup, and inputs that once crashed or hung.
    "template in the title": (
        "title: Fixture Brief",
        f"title: '{TEMPLATE}'",
        "title:",
        ["curly brackets", "not allowed"],
    ),
    "unclosed template in the title": (
        "title: Fixture Brief",
        "title: 'Fixture {{ Brief'",
        "title:",
        ["curly brackets"],
    ),
    "template in a case label": ("label: Case 1", f"label: '{TEMPLATE}'", "label:", ["curly brackets"]),
    "template in a key message title": (
        "title: Fixture key message",
        f"title: '{TEMPLATE}'",
        "cycler",
        ["curly brackets"],
    ),
    "template in a pseudonym": ("pseudonym: Sample*", f"pseudonym: '{TEMPLATE}'", "pseudonym:", ["curly brackets"]),
    "unclosed attribute list in the title": (
        "title: Fixture Brief",
        "title: 'Fixture { onclick=alert(1) '",
        "title:",
        ["curly brackets"],
    ),
    "long run of brackets": (
        "text: Synthetic strength text.",
        "text: '" + "[" * 7000 + "'",
        "text: '[[[",
        ["'[' characters", "at most 50"],
    ),
    "deep nesting": ("areas: [Example Borough]", "areas: " + "[" * 30000, "areas: [[[", ["nested too deeply"]),
    "deep block nesting": (
        "areas: [Example Borough]",
        "areas:\n  " + "- " * 30000 + "x",
        "- - -",
        ["nested too deeply"],
    ),
    "text too long": (
        "text: Synthetic strength text.",
        "text: '" + "word " * 2000 + "'",
        "text: 'word",
        ["at most 8000 characters"],
    ),
    "key message anchor taken by a heading": (
        "title: Fixture key message",
        "title: Strengths",
        "title: Strengths",
        ["share the page anchor 'strengths'"],
    ),
    "theme listed twice": (
        "themes: [fixture-theme-a, fixture-theme-b]",
        "themes: [fixture-theme-a, fixture-theme-a]",
        "fixture-theme-a, fixture-theme-a",
        ["'fixture-theme-a' is listed twice"],
    ),
    # A table of figures pasted whole: every stretch of its groups could be a number, and the
    # guard must still finish in time proportional to its length.
    "long table of spaced figures": (
        "text: Synthetic strength text.",
        "text: '" + "1 " * 3990 + "'",
        "text: '1 1 1",
        ["looks like an NHS number"],
    ),
    "date that does not exist": (
        "year: 2099-00",
        "year: 2099-00\npublished: 2019-02-30",
        "published:",
        ["'2019-02-30' cannot be read", "a real one"],
    ),
    "number too long to read": (
        "areas: [Example Borough]",
        "areas: [" + "9" * 5000 + "]",
        "areas: [999",
        ["cannot be read", "put it in quotes"],
    ),
    "control character in the title": (
        "title: Fixture Brief",
        'title: "Fixture \\x1b Brief"',
        "title:",
        ["control character U+001B", "delete it"],
    ),
    "case id that is a section's anchor": (
        "  - id: case-2",
        "  - id: introduction",
        "id: introduction",
        ["case id 'introduction' is the anchor of a section"],
    ),
    "unknown resource in a link whose text has brackets": (
        "[the guide](resource:fixture-guide)",
        "[the [main] guide](resource:fixture-gide)",
        "fixture-gide",
        ["resource 'fixture-gide' is not in data/resources.yml"],
    ),
    "brackets nested three deep": (
        "text: Synthetic strength text.",
        "text: 'See [a [b [c] d] e](https://example.org).'",
        "text: 'See [a",
        ["nested three deep"],
    ),
    "title of invisible characters only": (
        "title: Fixture key message",
        'title: "\\u200b"',
        "u200b",
        ["'title' shows nothing", "invisible characters"],
    ),
    "title on two lines": (
        "title: Fixture Brief",
        "title: |\n  Fixture\n  Brief",
        "title: |",
        ["'title' must be one line"],
    ),
    "NUL character pasted into a field": (
        "board: Example Partnership (synthetic)",
        "board: Example\x00 Partnership (synthetic)",
        "board: Example",
        ["invisible character U+0000", "delete it"],
    ),
    "tag on a list": (
        "areas: [Example Borough]",
        "areas: !set [Example Borough]",
        "areas: !set",
        ["tags ('!set') are not allowed"],
    ),
    "name typed backwards inside a right-to-left override": (
        "title: Fixture key message",
        'title: "Learning \\u202ehtimS enaJ rehtom\\u202c today"',
        "u202e",
        ["invisible control character U+202E"],
    ),
    "name with a combining underline inside it": (
        "text: Synthetic strength text.",
        'text: "Seen by mother Ja\\u0332ne Smith."',
        "Seen by mother",
        ["looks like a named relative or professional"],
    ),
    "link to a web address with no site": (
        "text: Synthetic strength text.",
        "text: 'Read [the policy](https://) first.'",
        "text: 'Read",
        ["link target 'https://' leads nowhere"],
    ),
    "link to an email address with no mailbox": (
        "text: Synthetic strength text.",
        "text: 'Write [to us](mailto:?subject=hi).'",
        "text: 'Write",
        ["leads nowhere"],
    ),
    "field name that is a list": (
        "board: Example Partnership (synthetic)",
        "? [board, areas]\n: x\nboard: Example Partnership (synthetic)",
        "? [board",
        ["a field name must be a plain word"],
    ),
}

# More synthetic resources with addresses, added to the fixture's list, so each mistake in an
# address has an address of its own to be made in.
MORE_RESOURCES = """
  - id: fixture-two
    title: Fixture Two
    url: https://example.org/fixture-two

  - id: fixture-three
    title: Fixture Three
    url: https://example.org/fixture-three
"""
# What a hostile editor could write into the shared lists: (file, what is changed, into what, the
# text on the line the problem must point at, words the message must hold). All of them are made
# at once, in one copy of the fixture site's lists.
VOCABULARY_MISTAKES = {
    "template in a theme title": (
        "themes.yml",
        "title: Fixture Theme B",
        f"title: '{TEMPLATE}'",
        "cycler",
        ["curly brackets"],
    ),
    "attribute list in a theme description": (
        "themes.yml",
        "description: A second synthetic theme.",
        "description: 'Second { onclick=alert(1) '",
        "onclick",
        ["curly brackets"],
    ),
    "related theme listed twice": (
        "themes.yml",
        "related: [fixture-theme-b]",
        "related: [fixture-theme-b, fixture-theme-b]",
        "related:",
        ["'fixture-theme-b' is listed twice"],
    ),
    "template in an audience title": (
        "audiences.yml",
        "title: Fixture Readers",
        f"title: '{TEMPLATE}'",
        "cycler",
        ["curly brackets"],
    ),
    "template in a brief type's title": (
        "brief-types.yml",
        "title: Multi-agency case audit",
        f"title: '{TEMPLATE}'",
        "cycler",
        ["curly brackets"],
    ),
    "template in a finding kind's heading": (
        "finding-kinds.yml",
        "title: Strengths",
        f"title: '{TEMPLATE}'",
        "cycler",
        ["curly brackets"],
    ),
    "template in a resource title": (
        "resources.yml",
        "title: Fixture Guide",
        f"title: '{TEMPLATE}'",
        "cycler",
        ["curly brackets"],
    ),
    "brief type id that is an index page": (
        "brief-types.yml",
        "id: jtai",
        "id: index",
        "id: index",
        ["id 'index' is taken", "types/index.html"],
    ),
    "newline inside a resource address": (
        "resources.yml",
        "url: https://example.org/fixture",
        'url: "java\\nscript:alert(1)"',
        "url:",
        ["control characters"],
    ),
    "control character before a resource address": (
        "resources.yml",
        "url: https://example.org/fixture-two",
        'url: "\\x01javascript:alert(1)"',
        "x01javascript",
        ["control characters"],
    ),
    "site-relative resource address": (
        "resources.yml",
        "url: https://example.org/fixture-three",
        "url: /files/fixture-guide.pdf",
        "url: /files",
        ["starts with '/'", "full https:// address"],
    ),
}
