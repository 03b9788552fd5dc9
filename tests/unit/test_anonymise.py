"""The anonymisation guard: each detector flags fake identifying details and leaves ordinary brief
text alone; pseudonyms and allowed texts suppress exactly what they name; the real briefs are clean.

Every personal detail here is invented: example/test domains, Ofcom's drama phone numbers,
NHS test-range numbers (999...), pseudo-postcodes and names such as "Jane Example".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.anonymise import normalise, scan, scan_all, views

ROOT = Path(__file__).resolve().parents[2]
REAL_BRIEFS = [ROOT / "data" / "briefs" / name for name in ("2016-17-send.yml", "2017-18-think-family.yml")]
FIX = "remove it, or if it is not identifying add it under `allow:` in this file with a reason"


def expected(kind: str, found: str) -> str:
    return f"looks like {kind} '{found}': {FIX}"


def findings(text: str, **options) -> list[str]:
    return list(scan(text, **options))


def assert_flags_exactly(text: str, kind: str, offending: str) -> None:
    found = findings(text)
    assert found == [expected(kind, offending)], found
    assert f"'{offending}'" in found[0] and "allow:" in found[0]


# --- one detector at a time: (text, the exact offending text) flagged, ordinary text not ---

DETECTOR_CASES = {
    "an email address": (
        [
            ("Contact test@example.org for details.", "test@example.org"),
            ("Email jane.example+brief@example.com.", "jane.example+brief@example.com"),
            ("Her address was family_fixture@mail.example.net", "family_fixture@mail.example.net"),
        ],
        ["Contact the service through its portal.", "Ask @example on the forum.", "test at example dot org"],
    ),
    "a phone number": (
        [
            ("Mobile 07700 900123 was on file.", "07700 900123"),
            ("Call 020 7946 0000 today.", "020 7946 0000"),
            ("Ring 01632960000.", "01632960000"),
            ("On +44 7700 900123 after six.", "+44 7700 900123"),
            ("Tel (0161) 496 0000.", "(0161) 496 0000"),
            ("Use +44 (0)20 7946 0000.", "+44 (0)20 7946 0000"),
            ("Ring 0044 7700 900123.", "0044 7700 900123"),
            ("Ring 0 7 7 0 0 9 0 0 1 2 3 today.", "0 7 7 0 0 9 0 0 1 2 3"),
            ("Ring 07700.900.123 today.", "07700.900.123"),
            ("Ring +33 1 23 45 67 89 in France.", "+33 1 23 45 67 89"),
        ],
        [
            "Call 999 in an emergency.",
            "Freephone 0800 123 4567 helpline.",
            "Reference 01234 only.",
            "The 2016-17 audit.",
            "The NSPCC helpline is 0808 800 5000.",
            "Childline: 0800 1111.",
        ],
    ),
    "a postcode": (
        [
            ("The family moved to E8 1AA last year.", "E8 1AA"),
            ("Post to ZZ99 9ZZ.", "ZZ99 9ZZ"),
            ("Fixture office, EC1A 1BB, London.", "EC1A 1BB"),
            ("written as sw1a1aa in the file", "sw1a1aa"),
            ("moved to E8  1AA in May", "E8  1AA"),
            ("moved to E8-1AA in May", "E8-1AA"),
        ],
        ["Take the M25 and the A12 north.", "Year 10 pupils and CAMHS", "the outward code SW1A alone"],
    ),
    "a date that could be a date of birth": (
        [
            ("Date of birth 01/02/2010 on the form.", "01/02/2010"),
            ("Seen on 1-2-2010.", "1-2-2010"),
            ("Dated 01.02.10.", "01.02.10"),
            ("On 1 February 2010 the child", "1 February 2010"),
            ("On February 1, 2010 the child", "February 1, 2010"),
            ("On the 1st of February 2010 the child", "1st of February 2010"),
            ("Recorded as 2010-02-01.", "2010-02-01"),
            ("She was born in 2010.", "born in 2010"),
            ("He was born on 1st March.", "born on 1st March"),
            ("She was born March 2015.", "born March 2015"),
            ("DOB 12 Mar 15 on the referral.", "DOB 12 Mar 15"),
            ("Date of birth: 3/4/16.", "3/4/16"),
            ("Child A, date of birth: 3 May, was seen.", "date of birth: 3 May"),
            ("Child A, D.O.B. 3/4, was seen.", "D.O.B. 3/4"),
            ("She turned 7 on 12 June at home.", "turned 7 on 12 June"),
            ("It was her 7th birthday on 3 May.", "birthday on 3 May"),
        ],
        [
            "The 2016-17 and 2017-18 audits.",
            "In 2010 the board met.",
            "6-8 weekly Team around the Child meetings",
            "a 6 monthly multi-agency case file audit",
            "In February 2010 the policy changed.",
            "Not a date: 32/13/2010.",
        ],
    ),
    "an NHS number": (
        [
            ("NHS number 999 999 9999 on file.", "999 999 9999"),
            ("NHS no. 9991112227.", "9991112227"),
            ("Recorded as 999-000-0018.", "999-000-0018"),
        ],
        [
            "NHS number 999 999 9998 (wrong check digit).",
            "Number 9991234560 has no valid check digit.",
            "Reference 99911122 is too short.",
        ],
    ),
    "a National Insurance number": (
        [
            ("NI number AB 12 34 56 C.", "AB 12 34 56 C"),
            ("NI AB123456C on the form.", "AB123456C"),
            ("Recorded as ce 99 99 99 d.", "ce 99 99 99 d"),
        ],
        [
            "QQ 12 34 56 C is the official placeholder.",
            "DA123456A has a prefix HMRC never issues.",
            "AB123456E ends with a letter after D.",
            "GB123456A is an excluded prefix.",
        ],
    ),
    "a street address": (
        [
            ("They lived at 99 Fixture Street until March.", "99 Fixture Street"),
            ("Moved to Flat 3, 22 Example Road recently.", "Flat 3, 22 Example Road"),
            ("Staying at 7a Sample Avenue.", "7a Sample Avenue"),
            ("A room at 12 Fixture Court House for now", "12 Fixture Court House"),
            ("The family lives on Fixture Street now.", "Fixture Street"),
            ("They stayed on the Example Estate.", "Example Estate"),
        ],
        [
            "the school at Great Ormond Street Hospital",
            "In Case 2 Team meetings were held.",
            "a street in the City of London",
        ],
    ),
    "a named relative or professional": (
        [
            ("Her mother Jane Example attended.", "mother Jane Example"),
            ("The social worker Ms Example visited.", "social worker Ms Example"),
            ("Seen by Dr Example at the clinic.", "Dr Example"),
            ("His uncle Fixture stayed.", "uncle Fixture"),
            ("Stepfather Example Person was present.", "Stepfather Example Person"),
            ("The allocated worker, Jane Example, visited.", "allocated worker, Jane Example"),
            ("Mrs\u00a0Example attended.", "Mrs Example"),
        ],
        [
            "Mother self-referred to Early Help for extra support.",
            "concerns about mother's mental health",
            "the role of the father in the children's lives",
            "A protective factor was noted in fathers support.",
            "The social worker researched the condition.",
            "a GP home visit; GPs should be engaged",
            "escalated to the Designated Nurse at City and Hackney CCG",
            "The allocated worker, Early Help and the school met.",
        ],
    ),
    "a social media handle": (
        [
            ("Snapchat: @jane_example99 was shared.", "@jane_example99"),
            ("Her Instagram account @fixture.girl was public.", "@fixture.girl"),
            ("The TikTok username @example_1 posted it.", "@example_1"),
        ],
        ["Ask @example on the forum.", "Staff use Snapchat safely.", "Email the team @ the office."],
    ),
    "a Unique Pupil Number": (
        [
            ("UPN B801200005001 on the school record.", "B801200005001"),
            ("UPN B 8012 0000 5001.", "B 8012 0000 5001"),
            ("Recorded as b801200005001.", "b801200005001"),
        ],
        ["UPN A801200005001 has a wrong check letter.", "Ref B80120000500 is too short.", "Year 2016-17."],
    ),
    "a named school, nursery, surgery or ward": (
        [
            ("She attends Example Primary School.", "Example Primary School"),
            ("He went to Fixture Nursery.", "Fixture Nursery"),
            ("Registered at the Example Medical Centre.", "Example Medical Centre"),
            ("Admitted to Fixture Ward overnight.", "Fixture Ward"),
        ],
        [
            "the school at Great Ormond Street Hospital",
            "attends a special school",
            "The Virtual School was informed.",
            "His primary school referred him.",
        ],
    ),
    "a word mixing alphabets (a Cyrillic or Greek letter among Latin ones)": (
        [
            ("Staff saw J\u0430ne today.", "J\u0430ne"),
            ("Staff saw Ex\u0430mple today.", "Ex\u0430mple"),
            ("Staff saw \u03a1eter today.", "\u03a1eter"),
        ],
        [
            "Staff saw Zoë today.".replace("Zoë", "Noël"),
            "The word \u0436\u0438\u0437\u043d\u044c alone.",
            "A café in town.",
        ],
    ),
    "a named child": (
        [
            ("Example is a 7 year old girl.", "Example is a 7 year old girl"),
            ("A baby named Fixture was born.", "named Fixture"),
            ("The boy, known as Zed, attends.", "known as Zed"),
        ],
        [
            "This is a child who needs support.",
            "It was a young person's choice.",
            "a service called Early Help",
        ],
    ),
    "a given name that is not a declared pseudonym": (
        [
            ("Jane attended the meeting.", "Jane"),
            ("The panel heard that **Oliver** was settled.", "Oliver"),
            ("Reports said Amelia's attendance improved.", "Amelia"),
            ("Tom attended nursery.", "Tom"),
            ("Staff said Ruby was quiet.", "Ruby"),
        ],
        [
            "Felix* attends a special school.".replace("Felix", "Zebedee"),
            "Will you check with other agencies?",
            "In May the panel met; Think Family.",
        ],
    ),
}

# --- ways of writing a detail that real text takes, found by trying to get past the guard ---

WRITTEN_OTHERWISE = [
    ("Email jane.smith @ nhs.net today.", "an email address", "jane.smith @ nhs.net"),
    ("Write to jane.smith at nhs.net today.", "an email address", "jane.smith at nhs.net"),
    ("Or jane dot smith at nhs dot net.", "an email address", "jane dot smith at nhs dot net"),
    ("Or jane_smith AT nhs DOT net.", "an email address", "jane_smith AT nhs DOT net"),
    ("Seen by Ms J Smith on the ward.", "a named relative or professional", "Ms J Smith"),
    ("Dr. A. Patel wrote.", "a named relative or professional", "Dr. A. Patel"),
    ("Mrs de Souza called.", "a named relative or professional", "Mrs de Souza"),
    ("Councillor Smith asked.", "a named relative or professional", "Councillor Smith"),
    ("Seen on 12 03 2010.", "a date that could be a date of birth", "12 03 2010"),
    ("Seen on 12 / 03 / 2010.", "a date that could be a date of birth", "12 / 03 / 2010"),
    ("Seen on 2010.05.03 at home.", "a date that could be a date of birth", "2010.05.03"),
    ("Seen on 03/05/'10 at home.", "a date that could be a date of birth", "03/05/'10"),
    ("Seen at Example GP Practice.", "a named school, nursery, surgery or ward", "Example GP Practice"),
    (
        "She attends Example Pupil Referral Unit.",
        "a named school, nursery, surgery or ward",
        "Example Pupil Referral Unit",
    ),
    ("Goes to Example Playgroup.", "a named school, nursery, surgery or ward", "Example Playgroup"),
    ("'Oliver' attended.", "a given name that is not a declared pseudonym", "Oliver"),
    ("A girl called ‘Zed’ attended.", "a named child", "called ‘Zed"),
    ("Seen by Inspector Example.", "a named relative or professional", "Inspector Example"),
    ("DCI Fixture attended.", "a named relative or professional", "DCI Fixture"),
    ("Detective Chief Inspector Example led.", "a named relative or professional", "Detective Chief Inspector Example"),
    ("Mrs EXAMPLE called.", "a named relative or professional", "Mrs EXAMPLE"),
    ("Dr A. FIXTURE wrote.", "a named relative or professional", "Dr A. FIXTURE"),
    ("JANE attended.", "a given name that is not a declared pseudonym", "JANE"),
    ("Mother OLIVER EXAMPLE attended.", "a given name that is not a declared pseudonym", "OLIVER"),
    ("Ring 07700/900123 today.", "a phone number", "07700/900123"),
    ("Moved to E8 - 1AA last year.", "a postcode", "E8 - 1AA"),
    ("PC 4321 Fixture attended.", "a named relative or professional", "PC 4321 Fixture"),
    ("Letter sent c/o Specimen.", "a named relative or professional", "c/o Specimen"),
    ("Ms d'Example called.", "a named relative or professional", "Ms d'Example"),
    ("Mrs N\u00ed Specimen called.", "a named relative or professional", "Mrs Ni Specimen"),
    ("Zo\u00eb attended.", "a given name that is not a declared pseudonym", "Zoe"),
    ("Sonny Fixture was not brought.", "a given name that is not a declared pseudonym", "Sonny"),
    ("Sarah Law is the mother.", "a given name that is not a declared pseudonym", "Sarah"),
    ("Jack House was the boyfriend.", "a given name that is not a declared pseudonym", "Jack"),
    ("Mrs England attended.", "a named relative or professional", "Mrs England"),
    ("Christian is a 7 year old boy.", "a named child", "Christian is a 7 year old boy"),
    ("Zed is a bright and funny boy.", "a named child", "Zed is a bright and funny boy"),
    ("Zed was a child in need.", "a named child", "Zed was a child"),
    ("Emergency C-section 12/03/2019 at 32 weeks.", "a date that could be a date of birth", "12/03/2019"),
    ("On 12.3.15 the child was seen.", "a date that could be a date of birth", "12.3.15"),
    ("Seen on 12 may 2010.", "a date that could be a date of birth", "12 may 2010"),
    ("Her birthday is 3 May.", "a date that could be a date of birth", "birthday is 3 May"),
    ("The family lives on London Road.", "a street address", "London Road"),
    ("She lives at 12 Example St London.", "a street address", "12 Example St"),
    ("Child A (03-Mar-2016) was seen.", "a date that could be a date of birth", "03-Mar-2016"),
    ("Child A (3 Mar '16) was seen.", "a date that could be a date of birth", "3 Mar '16"),
    ("Noted: DOB: Mar 2016.", "a date that could be a date of birth", "DOB: Mar 2016"),
    ("She was born on 3/3 at home.", "a date that could be a date of birth", "born on 3/3"),
    ("Flat B, Example House, was cold.", "a street address", "Flat B, Example House"),
    ("They lived at 14 Example Mansions.", "a street address", "14 Example Mansions"),
    ("Seen at Example Family Hub.", "a named school, nursery, surgery or ward", "Example Family Hub"),
    ("He attends Example Youth Club.", "a named school, nursery, surgery or ward", "Example Youth Club"),
]
STILL_ORDINARY = [
    "Staff can look at nhs.uk for guidance.",
    "The judge hearing was adjourned.",
    "O'Neil's team visited.",
    "A service called 'Early Help' took the referral.",
    "Version 2.1.3 of the tool.",
    "Between 12 and 14 cases in 2015.",
    "The Family Centre offered support.",
]
# Acronyms in capitals, ranks without a name and public figures: tests/guard_corpus.py's
# negatives (every one in every field, test_guard_corpus.py) hold the sentences briefs write.

BAD_CASES = [(kind, text, offending) for kind, (bad, _) in DETECTOR_CASES.items() for text, offending in bad]
BAD_CASES += [(kind, text, offending) for text, kind, offending in WRITTEN_OTHERWISE]
GOOD_CASES = [(kind, text) for kind, (_, good) in DETECTOR_CASES.items() for text in good]
GOOD_CASES += [("none", text) for text in STILL_ORDINARY]


@pytest.mark.parametrize(("kind", "text", "offending"), BAD_CASES, ids=[c[2] for c in BAD_CASES])
def test_each_detector_flags_the_exact_text_and_says_how_to_fix_it(kind, text, offending):
    assert_flags_exactly(text, kind, offending)


@pytest.mark.parametrize(("kind", "text"), GOOD_CASES, ids=[c[1][:40] for c in GOOD_CASES])
def test_ordinary_text_is_not_flagged(kind, text):
    assert findings(text) == []


def test_every_detector_has_at_least_three_bad_and_three_good_cases():
    for kind, (bad, good) in DETECTOR_CASES.items():
        assert len(bad) >= 3 and len(good) >= 3, kind


def test_findings_come_in_reading_order_one_per_detail():
    text = "Jane Example, 99 Fixture Street, ZZ99 9ZZ, test@example.org"
    assert findings(text) == [
        expected("a given name that is not a declared pseudonym", "Jane"),
        expected("a street address", "99 Fixture Street"),
        expected("a postcode", "ZZ99 9ZZ"),
        expected("an email address", "test@example.org"),
    ]


# --- NHS check digit ---


@pytest.mark.parametrize(
    ("valid", "wrong_check_digit"),
    [("999 999 9999", "999 999 9998"), ("9991112227", "9991112226"), ("999-000-0018", "999-000-0017")],
)
def test_an_nhs_number_is_reported_only_with_a_valid_check_digit(valid, wrong_check_digit):
    assert findings(f"NHS {valid}") == [expected("an NHS number", valid)]
    assert findings(f"NHS {wrong_check_digit}") == []


# --- pseudonyms and allowed texts ---


def test_a_declared_pseudonym_is_allowed_with_or_without_its_star():
    text = "Jane is a 7 year old girl. Jane* is settled. Jane's school is named Jane."
    assert findings(text, pseudonyms={"Jane"}) == []


def test_a_declared_pseudonym_is_allowed_in_capitals_and_declared_in_capitals():
    assert findings("JANE* is settled. Mr JANE attended.", pseudonyms={"Jane*"}) == []
    assert findings("Jane* is settled; JANE* too.", pseudonyms={"JANE*"}) == []
    assert findings("JANE* is settled; OLIVER is not.", pseudonyms={"Jane*"}) == [
        expected("a given name that is not a declared pseudonym", "OLIVER")
    ]


def test_a_pseudonym_suppresses_only_that_name():
    text = "Jane and Oliver met test@example.org."
    assert findings(text, pseudonyms={"Jane"}) == [
        expected("a given name that is not a declared pseudonym", "Oliver"),
        expected("an email address", "test@example.org"),
    ]
    assert findings(text, pseudonyms={"Jan"}) == [
        expected("a given name that is not a declared pseudonym", "Jane"),
        expected("a given name that is not a declared pseudonym", "Oliver"),
        expected("an email address", "test@example.org"),
    ]


def test_a_pseudonym_does_not_excuse_a_surname_after_it():
    assert findings("his brother Oliver Example", pseudonyms={"Oliver"}) == [
        expected("a named relative or professional", "brother Oliver Example")
    ]


def test_a_star_excuses_only_a_declared_pseudonym():
    assert findings("Oliver* attends school.", pseudonyms={"Oliver*"}) == []
    undeclared = [expected("a given name that is not a declared pseudonym", "Oliver")]
    assert findings("Oliver* attends school.") == undeclared
    assert findings("**Oliver** attends school.") == undeclared
    assert findings("Oliver* attends school.", pseudonyms={"Felix*"}) == undeclared
    assert findings("The social worker Ms Example* visited.", pseudonyms={"Felix*"}) == [
        expected("a named relative or professional", "social worker Ms Example")
    ]


def test_an_allowed_text_suppresses_exactly_that_text():
    text = "Seen at 99 Fixture Street and 12 Example Road."
    only_the_other = [expected("a street address", "12 Example Road")]
    assert findings(text, allowed={"99 Fixture Street"}) == only_the_other
    assert findings(text, allowed={"  99 Fixture Street  "}) == only_the_other
    assert findings(text, allowed={"99 Fixture"}) == [
        expected("a street address", "99 Fixture Street"),
        expected("a street address", "12 Example Road"),
    ]


def test_an_allowed_name_covers_the_names_inside_it_but_nothing_else():
    text = "mother Jane Example and Oliver"
    assert findings(text, allowed={"mother Jane Example"}) == [
        expected("a given name that is not a declared pseudonym", "Oliver")
    ]
    assert findings(text, allowed={"Jane"}) == [
        expected("a named relative or professional", "mother Jane Example"),
        expected("a given name that is not a declared pseudonym", "Oliver"),
    ]


# --- the real briefs ---


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def guide_section(heading: str) -> str:
    """The text of one section of the editors' guide (CONTRIBUTING.md), up to the next heading."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return guide.split(f"### {heading}\n", 1)[1].split("\n#", 1)[0]


GUIDE_FLAGS = [
    example
    for row in guide_section("What the check catches").splitlines()
    if row.startswith("| ") and "`" in row
    for example in re.findall(r"`([^`]{2,})`", row.split(" | ")[1])
]
GUIDE_NOT_FLAGGED = re.findall(
    r"`([^`]+)`", guide_section("What the check catches").split("Not flagged:", 1)[1].split("\n\n", 1)[0]
)
GUIDE_CANNOT = re.findall(
    r"`([^`]+)`", guide_section("What it cannot catch, so a reviewer still reads every brief").split("A clean")[0]
)


def test_the_guide_lists_what_the_check_flags_does_not_flag_and_cannot_catch():
    """The three lists the tests below take from CONTRIBUTING.md are there (an empty list would
    leave them nothing to test)."""
    assert len(GUIDE_FLAGS) > 30 and len(GUIDE_NOT_FLAGGED) >= 15 and len(GUIDE_CANNOT) >= 4


@pytest.mark.parametrize("example", GUIDE_FLAGS)
def test_every_example_the_guide_says_the_check_flags_is_flagged(example):
    assert findings(example), f"CONTRIBUTING.md says `{example}` is flagged"


@pytest.mark.parametrize("example", GUIDE_NOT_FLAGGED)
def test_what_the_guide_says_the_check_does_not_flag_is_not_flagged(example):
    assert findings(f"{example[0].upper()}{example[1:]} was noted.") == [], (
        f"CONTRIBUTING.md says `{example}` is not flagged"
    )


@pytest.mark.parametrize("example", GUIDE_CANNOT)
def test_what_the_guide_says_the_check_cannot_catch_is_not_caught(example):
    """If the guard learns to catch one, the guide must stop saying it cannot."""
    assert findings(f"Seen by {example} today.") == [], f"CONTRIBUTING.md says `{example}` is not caught"


@pytest.mark.parametrize("path", REAL_BRIEFS, ids=lambda p: p.name)
def test_the_real_briefs_give_no_finding(path):
    brief = yaml.safe_load(path.read_text(encoding="utf-8"))
    pseudonyms = {case["pseudonym"].rstrip("*") for case in brief["cases"] if case.get("pseudonym")}
    texts = list(strings_in(brief))
    assert len(texts) > 20
    flagged = {text[:60]: found for text in texts if (found := findings(text, pseudonyms=pseudonyms))}
    assert flagged == {}


@pytest.mark.parametrize(
    "phrase",
    [
        "Great Ormond Street Hospital",
        "City of London",
        "Case FC",
        "CAMHS",
        "Early Help",
        "6-8 weekly",
        "2016-17",
        "GPs",
        "Designated Nurse at City and Hackney CCG",
        "Think Family",
        "Thinking Family",
        "the father",
        "fathers support",
        "mother's mental health",
        "the social worker researched",
    ],
)
def test_phrases_from_the_real_briefs_are_not_flagged(phrase):
    assert findings(phrase) == []


# --- robustness ---


FRAGMENTS = [
    "Jane",
    "Felix*",
    "**Oliver**",
    "mother",
    "Dr",
    "Ms",
    "Example",
    "is a",
    "girl",
    "named",
    "99",
    "Fixture",
    "Street",
    "Flat 3,",
    "E8 1AA",
    "07700 900123",
    "+44",
    "999 999 9999",
    "AB 12 34 56 C",
    "01/02/2010",
    "born on",
    "1 February 2010",
    "2016-17",
    "test@example.org",
    "*",
    "\n",
    "-",
    ".",
    "'",
]
ARBITRARY_TEXT = st.one_of(st.text(), st.lists(st.sampled_from(FRAGMENTS), max_size=20).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(
    text=ARBITRARY_TEXT,
    pseudonyms=st.lists(st.text(max_size=12), max_size=3),
    allowed=st.lists(st.text(), max_size=3),
)
def test_scan_never_raises_and_points_at_what_was_written(text, pseudonyms, allowed):
    readings = [view.text for view in views(text)]
    for finding in scan_all([text], pseudonyms=pseudonyms, allowed=allowed):
        assert finding.message.startswith("looks like ") and finding.message.endswith(f"'{finding.found}': {FIX}")
        assert finding.found and any(finding.found in reading for reading in readings)
        assert finding.written and finding.written in text
        assert finding.found not in {normalise(entry).text.strip() for entry in allowed}
