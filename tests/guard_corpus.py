"""A labelled corpus for the anonymisation guard, generated from templates, and its measurement.

SYNTHETIC: every detail here is invented (Ofcom's drama phone numbers, NHS test-range numbers
starting 999, example.org addresses, names such as "Jane Example"); nothing is a real person.

Positives: each identifying detail of each kind, written as an editor could produce it (as typed,
with Word's no-break spaces, zero-width spaces, soft hyphens, HTML entities, full-width
characters, Markdown emphasis inside or around it, a Cyrillic letter inside it ...), placed in
every published field of a brief and of each shared list. A positive is caught when the real
checks (`checks.brief_checks`, `checks.vocabulary_checks`) report a guard problem at that field.

Negatives: every text of the real briefs, and ordinary sentences briefs are made of (sector words,
audit years, "6-8 weekly", "Case 2", declared pseudonyms with `*`, helpline numbers ...). A
negative is a false positive when any guard problem is reported on it.

`python -m tests.guard_corpus` (`make guard-report`) prints recall and false positives per kind.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path as FilePath

ROOT = FilePath(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import checks, content, fields  # noqa: E402
from macros.model import AudienceList, Brief, BriefTypeList, FindingKindList, ResourceList, ThemeList  # noqa: E402

# --- What is identifying, in the forms an editor could write it ---------------------------------

KINDS: dict[str, list[str]] = {
    "mobile number": [
        "07700 900123",
        "07700900456",
        "+44 7700 900789",
        "0044 7700 900321",
        "07700.900.654",
        "0 7 7 0 0 9 0 0 9 8 7",
        "07700-900-111",
        "+44 (0)7700 900222",
        "07700/900333",
    ],
    "landline number": ["020 7946 0123", "+44 (0)20 7946 0456", "(0161) 496 0789", "0113 496 0000", "01632 960123"],
    "international number": ["+33 1 23 45 67 89", "+353 1 234 5678", "+48 22 123 45 67", "+1 212 555 0142"],
    "email address": ["jane.example@example.org", "j.example+case@example.com"],
    "social media handle": ["Snapchat: @jane_example99", "TikTok @oliver.fixture"],
    "spelt-out email address": ["jane.example (at) example (dot) org", "jane.example[at]example.org"],
    "mailto link": ["[email her](mailto:jane.example%40example.org)", "[write](mailto:fixture@example.com)"],
    "postcode": ["E8 1AA", "ZZ99 9ZZ", "EC1A 1BB", "E8  1AA", "E8-1AA", "sw1a1aa", "E8 - 1AA"],
    "NHS number": ["999 999 9999", "9991112227", "999-000-0018", "9 9 9 1 1 1 2 2 2 7", "999.000.0018"],
    "National Insurance number": ["AB 12 34 56 C", "AB123456C", "AB-12-34-56-C", "ce 99 99 99 d"],
    "Unique Pupil Number": ["B801200005001", "B 8012 0000 5001"],
    "date of birth": [
        "born on 12 March 2010",
        "DOB 12/03/2010",
        "date of birth: 3/4/16",
        "on 12 March 2010",
        "03-Mar-2016",
        "DOB: Mar 2016",
    ],
    "birthday next to an age": ["turned 7 on 12 June", "her 7th birthday on 3 May", "aged 7 on June 12th"],
    "street address": [
        "99 Fixture Street",
        "Flat 3, 22 Example Road",
        "7a Sample Avenue",
        "Flat B, Example House",
        "14 Example Mansions",
    ],
    "street without a number": ["lives on Fixture Street", "moved to Example Road", "living in Sample Close"],
    "named estate": ["the Fixture Estate", "on the Example Park Estate"],
    "named school": ["attends Example Primary School", "Fixture Academy", "Sample High School"],
    "named nursery": ["Example Nursery", "Fixture Children's Centre", "Example Family Hub"],
    "named GP surgery": ["Example Surgery", "Fixture Medical Centre"],
    "named youth club": ["Example Youth Club", "Fixture Youth Club"],
    "named hospital ward": ["Example Ward", "on Fixture Ward"],
    "named relative": ["mother Jane Example", "her uncle Fixture", "Stepfather Example Person"],
    "title and surname": [
        "Mrs Example",
        "Dr Fixture",
        "Mr Specimen",
        "Inspector Example",
        "Detective Chief Inspector Specimen",
        "Mrs SPECIMEN",
    ],
    "named professional": [
        "The allocated worker, Jane Example, visited",
        "social worker Ms Example*",
        "health visitor Oliver",
    ],
    "given name": ["Jane", "Oliver attended", "Amelia", "JANE", "OLIVER EXAMPLE attended"],
    "named child": ["Zed is a 7 year old girl", "known as Zed"],
}

# --- How an editor's tools write it ------------------------------------------------------------


def _inside(detail: str, mark: str) -> str | None:
    """`mark` between two letters or digits near the middle of `detail`."""
    inner = [i for i in range(1, len(detail)) if detail[i - 1].isalnum() and detail[i].isalnum()]
    if not inner:
        return None
    i = min(inner, key=lambda i: abs(i - len(detail) // 2))
    return detail[:i] + mark + detail[i:]


def _entity(detail: str) -> str | None:
    """One character as an HTML entity: a digit, the @, or a letter."""
    for wanted in (str.isdigit, lambda c: c == "@", str.isalpha):
        for i, char in enumerate(detail):
            if wanted(char) and i > 0 and "%" not in detail[max(0, i - 2) : i]:  # not inside %40
                return f"{detail[:i]}&#{ord(char)};{detail[i + 1 :]}"
    return None


def _full_width(detail: str) -> str | None:
    if "%" in detail or "(" in detail:  # Markdown link syntax must stay Markdown
        return None
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in detail)


def _emphasis_inside(detail: str) -> str | None:
    word = next((w for w in re.findall(r"[A-Za-z]{3,}", detail)), None)
    if word is None or "](" in detail:
        return None
    return detail.replace(word, f"{word[0]}*{word[1:-1]}*{word[-1]}", 1)


def _cyrillic(detail: str) -> str | None:
    for latin, cyrillic in (("a", "\u0430"), ("e", "\u0435"), ("o", "\u043e")):
        match = re.search(rf"(?<=[A-Za-z]){latin}", detail)
        if match and "](" not in detail:
            return detail[: match.start()] + cyrillic + detail[match.end() :]
    return None


ENCODINGS = {
    "as typed": lambda d: d,
    "no-break spaces": lambda d: d.replace(" ", "\u00a0") if " " in d else None,
    "narrow no-break spaces": lambda d: d.replace(" ", "\u202f") if " " in d else None,
    "zero-width space": lambda d: _inside(d, "\u200b"),
    "soft hyphen": lambda d: _inside(d, "\u00ad"),
    "HTML entity": _entity,
    "full-width characters": _full_width,
    "emphasis inside a word": _emphasis_inside,
    "emphasis across it": lambda d: f"Staff*met {d}* today",
    "bold": lambda d: f"**{d}**",
    "a star after it": lambda d: f"{d}*",
    "a Cyrillic letter": _cyrillic,
}

# --- Where it can be written: every published field ------------------------------------------

# (where, the path the problem must be reported at, how the detail is written there)
TEXT = "text"  # the detail in a sentence
SLUG = "slug"  # the detail as an id or file name spells it
BRIEF_POSITIONS = [
    ("file name", fields.FILE_NAME, SLUG),
    ("title", ("title",), TEXT),
    ("board", ("board",), TEXT),
    ("series", ("series",), TEXT),
    ("area", ("areas", 0), TEXT),
    ("introduction", ("introduction",), TEXT),
    ("case id", ("cases", 0, "id"), SLUG),
    ("case label", ("cases", 0, "label"), TEXT),
    ("case summary", ("cases", 0, "summary"), TEXT),
    ("case strength text", ("cases", 0, "strengths", 0, "text"), TEXT),
    ("case key message question", ("cases", 0, "key_messages", 0, "questions", 0), TEXT),
    ("strength title", ("strengths", 0, "title"), TEXT),
    ("strength text", ("strengths", 0, "text"), TEXT),
    ("strength point", ("strengths", 0, "points", 0), TEXT),
    ("key message id", ("key_messages", 0, "id"), SLUG),
    ("key message title", ("key_messages", 0, "title"), TEXT),
    ("key message text", ("key_messages", 0, "text"), TEXT),
    ("question", ("key_messages", 0, "questions", 0), TEXT),
    ("closing", ("key_messages", 0, "closing"), TEXT),
    ("purpose", ("purpose",), TEXT),
    ("whole-brief question", ("questions", 0), TEXT),
    ("action", ("actions", 0, "text"), TEXT),
    ("action responsible", ("actions", 0, "responsible"), TEXT),
    ("case context", ("cases", 0, "context"), TEXT),
    ("finding text", ("findings", 0, "text"), TEXT),
    ("finding action", ("findings", 0, "action"), TEXT),
    ("finding outcome", ("findings", 0, "outcome"), TEXT),
    ("finding compared with", ("findings", 0, "compared_with"), TEXT),
]
PSEUDONYM_POSITION = ("pseudonym", ("cases", 0, "pseudonym"), TEXT)
VOCABULARY_POSITIONS = [
    ("theme id", ("themes", 0, "id"), SLUG),
    ("theme title", ("themes", 0, "title"), TEXT),
    ("theme description", ("themes", 0, "description"), TEXT),
    ("theme alias", ("themes", 0, "aliases", 0), TEXT),
    ("resource id", ("resources", 0, "id"), SLUG),
    ("resource title", ("resources", 0, "title"), TEXT),
    ("resource address", ("resources", 0, "url"), "url"),
    ("audience id", ("audiences", 0, "id"), SLUG),
    ("audience title", ("audiences", 0, "title"), TEXT),
    ("audience description", ("audiences", 0, "description"), TEXT),
    ("finding kind id", ("kinds", 0, "id"), SLUG),
    ("finding kind heading", ("kinds", 0, "title"), TEXT),
    ("finding kind label", ("kinds", 0, "label"), TEXT),
    ("finding kind description", ("kinds", 0, "description"), TEXT),
    ("brief type id", ("types", 0, "id"), SLUG),
    ("brief type title", ("types", 0, "title"), TEXT),
    ("brief type heading", ("types", 0, "plural"), TEXT),
    ("brief type description", ("types", 0, "description"), TEXT),
]
POSITIONS = [name for name, _, _ in BRIEF_POSITIONS + [PSEUDONYM_POSITION] + VOCABULARY_POSITIONS]


def slug(detail: str) -> str | None:
    """The detail as an id spells it (lower-case words and digits joined by hyphens), or None
    when that loses what identifies (an email address without its @)."""
    if "@" in detail or "(at)" in detail or "[at]" in detail or "](" in detail or "+" in detail:
        return None
    return "-".join(re.findall(r"[a-z0-9]+", detail.lower())) or None


def address(kind: str, detail: str) -> str | None:
    """The detail as a resource's address: mailto: for an email, tel: for a phone, else a page."""
    if "@" in detail:
        return f"mailto:{detail}"
    if "](mailto:" in detail:
        return detail.split("](", 1)[1].rstrip(")")
    if (
        kind.endswith("number")
        and "phone" not in kind
        and kind in ("mobile number", "landline number", "international number")
    ):
        return "tel:" + re.sub(r"[^\d+]", "", detail)
    path = slug(detail)
    return f"https://example.org/{path}" if path else None


# --- The fixtures the details are placed in (synthetic, neutral words only) -----------------------

VOCABULARY = checks.Vocabulary(
    themes={"fixture-theme": None}, resources={"fixture-guide": None}, audiences={"fixture-audience": None}
)
NEUTRAL = "Synthetic corpus text"


def _sentence(detail: str) -> str:
    return f"{NEUTRAL}: {detail}."


def brief_data(place: dict[tuple, str], pseudonym: str = "Sample*") -> dict:
    """A synthetic brief with `place[path]` written at each path, neutral text elsewhere."""

    def at(path, default):
        return place.get(path, default)

    return {
        "title": at(("title",), "Fixture corpus brief"),
        "type": "multi-agency-case-audit",
        "year": "2099-00",
        "board": at(("board",), "Example Partnership (synthetic)"),
        "series": at(("series",), "Synthetic series"),
        "areas": [at(("areas", 0), "Example Borough")],
        "introduction": at(("introduction",), "Synthetic introduction."),
        "purpose": at(("purpose",), "Synthetic purpose."),
        "questions": [at(("questions", 0), "Do you ask the synthetic question?")],
        "actions": [
            {
                "text": at(("actions", 0, "text"), "Synthetic action."),
                "responsible": at(("actions", 0, "responsible"), "Synthetic team"),
            }
        ],
        "findings": [
            {
                "kind": "concern",
                "themes": ["fixture-theme"],
                "text": at(("findings", 0, "text"), "Synthetic concern."),
                "action": at(("findings", 0, "action"), "Synthetic action taken."),
                "outcome": at(("findings", 0, "outcome"), "Synthetic outcome."),
                "compared_with": at(("findings", 0, "compared_with"), "the synthetic earlier audit"),
            }
        ],
        "cases": [
            {
                "id": at(("cases", 0, "id"), "case-1"),
                "label": at(("cases", 0, "label"), "Case 1"),
                "context": at(("cases", 0, "context"), "Synthetic context."),
                "pseudonym": pseudonym,
                "summary": at(("cases", 0, "summary"), "Sample is a synthetic case."),
                "strengths": [
                    {
                        "themes": ["fixture-theme"],
                        "text": at(("cases", 0, "strengths", 0, "text"), "Synthetic strength."),
                    }
                ],
                "key_messages": [
                    {
                        "title": "Case key message",
                        "themes": ["fixture-theme"],
                        "text": "Synthetic case key message.",
                        "questions": [at(("cases", 0, "key_messages", 0, "questions", 0), "Do you check?")],
                    }
                ],
            }
        ],
        "strengths": [
            {
                "title": at(("strengths", 0, "title"), "Fixture strength"),
                "themes": ["fixture-theme"],
                "text": at(("strengths", 0, "text"), "Synthetic strength text."),
                "points": [at(("strengths", 0, "points", 0), "a synthetic point")],
            }
        ],
        "key_messages": [
            {
                "id": at(("key_messages", 0, "id"), "fixture-message"),
                "title": at(("key_messages", 0, "title"), "Fixture key message"),
                "themes": ["fixture-theme"],
                "audiences": ["fixture-audience"],
                "text": at(("key_messages", 0, "text"), "Synthetic key message."),
                "questions": [at(("key_messages", 0, "questions", 0), "Do you know where it is kept?")],
                "closing": at(("key_messages", 0, "closing"), "Synthetic closing."),
            }
        ],
    }


def is_guard_problem(message: str) -> bool:
    """A problem the guard reports, not one of the other checks (a question without '?' ...)."""
    return (
        message.startswith("looks like ")
        or message.startswith("pseudonym '")
        or " is a phone number: " in message
        or "links to an email address that is not allowed" in message
    )


def brief_problems(data: dict, stem: str) -> dict[tuple, list[str]]:
    """Guard problems by path, from the real brief checks on a brief made from `data`."""
    brief = Brief.model_validate(data)
    record = content.BriefRecord(stem, f"corpus/briefs/{stem}.yml", brief)
    content.place_entries(record)
    found = defaultdict(list)
    for path, message, *_ in checks.brief_checks(record, VOCABULARY):
        if is_guard_problem(message):
            found[tuple(path)].append(message)
    return found


# Each shared list with one item: its fields, with synthetic values a corpus text replaces.
VOCABULARY_ITEMS = {
    ThemeList: {
        "id": "fixture-theme",
        "title": "Fixture theme",
        "description": "Synthetic description.",
        "aliases": ["synthetic alias"],
    },
    ResourceList: {"id": "fixture-guide", "title": "Fixture guide", "url": "https://example.org/fixture"},
    AudienceList: {"id": "fixture-audience", "title": "Fixture audience", "description": "Synthetic description."},
    FindingKindList: {
        "id": "fixture-kind",
        "title": "Fixture findings",
        "label": "Fixture finding",
        "description": "Synthetic description.",
    },
    BriefTypeList: {
        "id": "fixture-type",
        "title": "Fixture type",
        "plural": "Fixture types",
        "description": "Synthetic description.",
    },
}


def vocabulary_problems(place: dict[tuple, str]) -> dict[tuple, list[str]]:
    """Guard problems by path, from the real shared-list checks on lists made from `place`."""
    found = defaultdict(list)
    for model, item in VOCABULARY_ITEMS.items():
        name = next(iter(model.model_fields))  # themes, resources, audiences, kinds, types
        fields = {
            field: [place.get((name, 0, field, i), value) for i, value in enumerate(values)]
            if isinstance(values, list)
            else place.get((name, 0, field), values)
            for field, values in item.items()
        }
        for path, message, *_ in checks.vocabulary_checks(model.model_validate({name: [fields]}), VOCABULARY):
            if is_guard_problem(message):
                found[tuple(path)].append(message)
    return found


# --- The corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Positive:
    kind: str
    encoding: str
    position: str
    written: str


def _written(kind: str, detail: str, encoding: str, how: str) -> str | None:
    if how == SLUG:
        return slug(detail) if encoding == "as typed" else None
    if how == "url":
        return address(kind, detail) if encoding == "as typed" else None
    encoded = ENCODINGS[encoding](detail)
    return None if encoded is None else _sentence(encoded)


def measure_positives() -> list[tuple[Positive, bool]]:
    """Every positive, and whether the real checks caught it at its field."""
    results = []
    for kind, details in KINDS.items():
        for detail in details:
            for encoding in ENCODINGS:
                # One brief and one set of shared lists hold the detail in every field at once;
                # each field's problems are told apart by their path.
                placed = {}
                for position, path, how in BRIEF_POSITIONS + VOCABULARY_POSITIONS:
                    written = _written(kind, detail, encoding, how)
                    if written is not None:
                        placed[position] = (path, written)
                stem = placed.pop("file name", (None, None))[1]
                place = {path: written for path, written in placed.values()}
                found = brief_problems(brief_data(place), f"2099-00-{stem}" if stem else "2099-00-fixture")
                found.update(vocabulary_problems(place))
                if stem:
                    placed["file name"] = (fields.FILE_NAME, stem)
                for position, (path, written) in placed.items():
                    results.append((Positive(kind, encoding, position, written), bool(found.get(path))))
                results.extend(_pseudonym_positive(kind, detail, encoding))
    return results


def _pseudonym_positive(kind: str, detail: str, encoding: str) -> list[tuple[Positive, bool]]:
    """The detail in the `pseudonym` field, which is one or two words ending in `*` and nothing
    else. A plain given name there is what a pseudonym is, so it is not a positive."""
    encoded = ENCODINGS[encoding](detail)
    if encoded is None:
        return []
    written = encoded if encoded.endswith("*") else f"{encoded}*"
    if re.fullmatch(r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?\*", written):
        return []
    found = brief_problems(brief_data({}, pseudonym=written), "2099-00-fixture")
    return [(Positive(kind, encoding, "pseudonym", written), bool(found.get(PSEUDONYM_POSITION[1])))]


# Ordinary text briefs are made of: none of it identifies anyone.
SECTOR_WORDS = [
    "GP",
    "GPs",
    "CAMHS",
    "Early Help",
    "CIN",
    "TAC",
    "EHCP",
    "CP",
    "DV",
    "MASH",
    "LADO",
    "IRO",
    "SENCO",
    "CSC",
    "Children's Social Care",
    "the Health Visiting service",
    "the school nurse",
    "the Designated Nurse",
    "the Family Support Worker",
    "the Team around the Child",
    "Youth Justice",
    "Adult Social Care",
    "the Police",
    "Housing",
    "the Local Authority",
    "the Virtual School",
    "the CHSCB",
    "the Safeguarding Partnership",
    "the social worker",
    "the allocated worker",
]
SENTENCE_TEMPLATES = [
    "{w} was informed of the concerns.",
    "A referral was made to {w} in 2016-17.",
    "Do you engage {w} at the right time?",
    "{w} attended the 6-8 weekly meetings.",
    "In Case 2, {w} involvement was reviewed.",
    "The audit found that {w} shared information promptly.",
    "Professionals should escalate concerns to {w} when needed.",
    "Is {w} invited to the review meeting?",
    "Consider a referral to {w} (see the Threshold of Need tool).",
    "{w} and the school agreed a 12 week plan.",
    "**{w}** should be engaged in review meetings.",
    "Do you know how to contact *{w}* out of hours?",
]
OTHER_NEGATIVES = [
    "Felix* attends a special school.",
    "Gabriele* is happy and engaging.",
    "Harry* has an EHCP.",
    "Felix* and Harry* were seen in 2017-18.",
    "Childline is on 0800 1111.",
    "The NSPCC helpline is 0808 800 5000.",
    "Call 999 in an emergency.",
    "Call 111 for advice.",
    "The 2016-17 and 2017-18 audits.",
    "a 6 monthly multi-agency case file audit",
    "In February 2010 the policy changed.",
    "Year 10 pupils and CAMHS",
    "Key Stage 2 pupils",
    "the school at Great Ormond Street Hospital",
    "the City of London and Hackney",
    "Case FC, a local Serious Case Review",
    "Take the M25 and the A12 north.",
    "Case 1, Case 2 and Case 3",
    "the outward code SW1A alone",
    "a primary aged girl",
    "a secondary school",
    "a special school",
    "the father's role",
    "mother's mental health",
    "Mother self-referred to Early Help.",
    "Father was arrested.",
    "The Think Family approach",
    "Will you check with other agencies?",
    "In May the panel met.",
    "The Children and Families Team",
    "Section 47 enquiries",
    "Section 17",
    "Level 3 safeguarding training",
    "a Level 4 need",
    "Tier 3 CAMHS",
    "about 20 per cent of cases",
    "30 hours of childcare",
    "within 24 hours",
    "a 7 minute briefing",
    "the 2018 guidance",
    "Working Together to Safeguard Children 2018",
    "seen at King's College Hospital",
    "Homerton University Hospital",
    "the Royal London Hospital",
    "the Family Nurse Partnership",
    "the GP Practice was informed",
    "the Lead Professional",
    "the Multi-Agency Safeguarding Hub",
    "a Child Protection Conference",
    "an Initial Health Assessment",
    "Ofsted's 2017 inspection",
    "a 12 week plan",
    "Referred to MASH and CAMHS.",
    "The GP MASH referral was made.",
    "AVA training for staff",
    "The SARA risk assessment was used.",
    "Lord Laming's report was cited.",
    "Seen in 2016/17 and 2017/18.",
    "A Detective Inspector chaired the strategy meeting.",
    "The Detective Sergeant from CAIT attended.",
    "The Ofsted Inspector Report was shared.",
    "The Judge FDAC hearing was adjourned.",
]
# Sentences as other partnerships' briefs write them (agencies, laws and schemes named after
# people, health roles, ages, paragraph numbers, districts, kinds of school): each was once
# wrongly flagged. None names a person.
PARTNERSHIP_NEGATIVES = [
    "The Lucy Faithfull Foundation runs the Stop It Now helpline for adults worried about sexual thoughts towards children.",
    "Guy's and St Thomas' NHS Foundation Trust provides paediatric services through the Evelina London Children's Hospital.",
    "St George's University Hospitals NHS Foundation Trust provides the major trauma centre for South West London.",
    "Leeds Teaching Hospitals NHS Trust includes St James's University Hospital and Leeds General Infirmary.",
    "Imperial College Healthcare NHS Trust runs the paediatric emergency department at St Mary's Hospital.",
    "University College London Hospitals NHS Foundation Trust supported the review with a detailed chronology.",
    "Oxford University Hospitals NHS Foundation Trust, which runs the John Radcliffe Hospital, contributed to the review.",
    "East Kent Hospitals University NHS Foundation Trust includes the William Harvey Hospital in Ashford.",
    "St Mary's Sexual Assault Referral Centre in Manchester provides forensic medical examinations for children.",
    "St Andrew's Healthcare provided a Tier 4 CAMHS bed out of area.",
    "Birmingham Women's and Children's NHS Foundation Trust and the Queen Elizabeth Hospital Birmingham both held records.",
    "The Anna Freud National Centre for Children and Families publishes free resources for schools.",
    "The Molly Rose Foundation campaigns on suicide prevention and online harms.",
    "All staff should complete the Oliver McGowan Mandatory Training on Learning Disability and Autism.",
    "Research from the Joseph Rowntree Foundation shows the link between poverty and neglect.",
    "The Jack Petchey Foundation and the Ben Kinsella Trust deliver youth programmes across London.",
    "St John Ambulance offers free baby first aid sessions for parents.",
    "Noah's Ark Children's Hospice supports families in Barnet, Enfield and Haringey.",
    "Claire House Children's Hospice supports families across Merseyside and West Cheshire.",
    "Martin House Children's Hospice offered end-of-life care to the family.",
    "Tommy's and The Lullaby Trust provide safe sleep guidance for parents.",
    "The HENRY programme supports parents of under-fives to build a healthy family lifestyle.",
    "The Albert Kennedy Trust supports LGBTQ+ young people facing homelessness.",
    "The Bobby Van Trust fitted additional security to the home after the incident.",
    "The Charlie Waller Trust provides mental health training for school staff.",
    "Ronald McDonald House provided accommodation for the family while the baby was in intensive care.",
    "Clare's Law, the Domestic Violence Disclosure Scheme, allows a person to ask the police about a partner's history.",
    "Sarah's Law, the Child Sex Offender Disclosure Scheme, allows parents to ask about someone with access to their child.",
    "The Domestic Violence Disclosure Scheme, known as Clare's Law, was not used.",
    "The partnership adopted a strengths-based model called Signs of Safety in 2019.",
    "Criminal exploitation known as County Lines was a feature in three of the reviews.",
    "Professional curiosity, also known as Respectful Uncertainty, was a recurring theme.",
    "The Consultant Paediatrician completed a child protection medical.",
    "A Consultant Midwife chaired the vulnerable women's meeting.",
    "The Named Doctor for Safeguarding Children provided advice to the ward.",
    "The Named Midwife attended the pre-birth conference.",
    "The Named Professionals within each health provider should be consulted.",
    "The Designated Nurse Looked After Children reviewed the initial health assessment.",
    "An Advanced Nurse Practitioner saw the child at the urgent treatment centre.",
    "A student officer on the Police Constable Degree Apprenticeship attended the call.",
    "Each Young Carer Assessment should consider the impact of caring on the child's education.",
    "A Parent Carer Needs Assessment was not offered to the mother.",
    "The Kinship Carer Assessment was completed within 16 weeks.",
    "Social workers should follow the IRO Handbook when planning reviews.",
    "GP Practices should code safeguarding concerns on the child's record and the parents' records.",
    "The GP Federation delivered Level 3 safeguarding training.",
    "The SENCO Network meets termly to share learning.",
    "The Practitioner Learning Event took place online with 80 attendees.",
    "A Practitioner Briefing on neglect was circulated to all staff.",
    "Health Visitor Mandated Contacts should be completed face to face where possible.",
    "The Dad Matters programme engages fathers in the perinatal period.",
    "The Social Work Academy supports newly qualified social workers through the ASYE.",
    "Partner Organisations must complete the Section 11 audit every two years.",
    "Foster Carer Training now includes a module on child criminal exploitation.",
    "In 2021 Family Court proceedings concluded with a Special Guardianship Order.",
    "The case moved to the High Court because of the complexity of the medical evidence.",
    "Ofsted's whistleblowing line for children's social care is 0300 123 3155.",
    "Talk to FRANK on 0300 123 6600 for confidential drugs advice.",
    "Kent's Front Door can be contacted on 03000 41 11 11.",
    "Contact the Essex Children and Families Hub on 0345 603 7627.",
    "Complete the free e-learning at www.e-lfh.org.uk",
    "Crimes can also be reported on-line at www.police.uk",
    "https://www.hee.nhs.uk/our-work/learning-disability/current-projects/oliver-mcgowan-mandatory-training-learning-disability-autism",
    "SARAH'S LAW AND CLARE'S LAW: WHAT PRACTITIONERS NEED TO KNOW",
    "HENRY: HEALTH, EXERCISE AND NUTRITION FOR THE REALLY YOUNG",
    "Learning for Health Visitors and School Nurses",
    "THE OLIVER MCGOWAN MANDATORY TRAINING",
    "The S47 2nd strategy meeting was held within 48 hours of the new disclosure.",
    "Young people aged 16/17 presenting as homeless should be assessed under the joint housing protocol.",
    "Children aged 10 may be arrested and charged with a criminal offence.",
    "A child aged 13 may not legally consent to sexual activity.",
    "Children aged 2.5 years are offered the integrated review.",
    "Pupils in Years 9/10/11 were surveyed about harmful sexual behaviour.",
    "Children aged 11-12 (Year 7/8) reported feeling unsafe on the way to school.",
    "Newham is a borough with high levels of child poverty.",
    "Leeds is a Child Friendly City.",
    "Families living in Stamford Hill include a large Charedi Orthodox Jewish community.",
    "The highest referral rates were from families living in Bethnal Green and Poplar.",
    "Many families living in Bury St Edmunds travel to Ipswich for specialist services.",
    "Children remanded to the Youth Secure Estate should have an education plan.",
    "Neglect is a form of child abuse that is often missed.",
    "Bruising is a rare finding in a non-mobile baby and must always be investigated.",
    "Adultification is a form of bias where a child from a Black or minority ethnic background is perceived as older.",
    "Domestic Abuse is a Child Protection issue.",
    "See paragraph 3.2.11 of the London Child Protection Procedures.",
    "Section 4.1.12 of the procedures sets out the escalation process.",
    "He attended a Middle School in Northumberland's three-tier system.",
    "The child moved from a First School to a Middle School at age 9.",
    "The child was home educated after leaving a Faith School.",
    "Many of the young people were students at a Further Education College.",
    "The nursery runs a weekly Forest School session.",
    "The toddler attended a Stay and Play group at the Family Hub.",
    "The mother had attended a Sure Start Children's Centre with her older children.",
    "The teenager was admitted to an Adolescent Mental Health Ward out of area.",
    "She moved from a Roman Catholic Primary School to a community secondary.",
    "The baby attended a Private Day Nursery three days a week.",
    "The mother was discharged from the Maternity Ward after 24 hours.",
    "The young person was admitted to the Paediatric Ward for three nights.",
    "Ofsted found children attending an Unregistered School.",
    "The young person attended a University Technical College.",
    "Rate per 10,000 children: 0.3 1.2 0.8 2.4 1.1",
    "Schools should follow Working Together to Improve School Attendance (2024).",
    "The school has adopted a Whole School Approach to mental health and wellbeing.",
    "Out of School Settings are not regulated by Ofsted.",
    "The Health Visitor and School Nurse were not invited to the strategy discussion.",
    "The child attended an After School Club three days a week.",
    "The Specialist School Nurse for children with complex needs attended.",
    "Improving School Readiness is a priority for the Early Help partnership.",
    "Father Inclusive Practice guidance was launched at the practitioner forum.",
    "There was no Manager Oversight recorded on the file for six months.",
    "The Named Person for the family was the health visitor.",
    "The Lead Practitioner Neglect ran the workshop.",
    "Of the children looked after, 38% were aged 16 or over at 31 March.",
    "Young people aged 16 may consent to medical treatment.",
    "Exploitation is a form of abuse where a young person is manipulated into crime.",
    "Croydon is a borough with the largest child population in London.",
    "The case was referred to the Anna Freud Centre for specialist assessment.",
    "The Terence Higgins Trust offers confidential HIV testing.",
    "The Surrey Children's Single Point of Access is on 0300 470 9100.",
]
# Sentences a review of the guard found it would flag once it learnt more forms (a label after a
# role, roles in a heading, places of worship, visits, organisations' accounts, periods).
REVIEW_NEGATIVES = [
    "Learning for the GP: Ensure that the child is seen.",
    "Questions for the social worker: Consider the father's role.",
    "Action for the officer: Check the PNC.",
    "Advice from the Named Nurse: Always ask about safe sleep.",
    "Sibling: None.",
    "Mother: White British. Father: Black Caribbean.",
    "Her mother (Polish national) attended.",
    "The father (Unknown) was not seen.",
    "The nurse (Band 6) completed the check.",
    "A police officer (Response Team) attended.",
    "Father - Not known to services.",
    "The Modern Matron (Paediatrics) was informed.",
    "The family lived in SW Hertfordshire.",
    "All staff attended DSL Refresher Training.",
    "The LADO Annual Report was published.",
    "Our Good Neighbour Scheme supports isolated families.",
    "The family attend a Greek Orthodox Church.",
    "The Buddhist Temple offered support.",
    "The family were known to the local Mosque and Church.",
    "She moved to a Women's Refuge.",
    "Contact Refuge for advice.",
    "He lived in a Local Authority children's home.",
    "She was placed in an Out of Area children's home.",
    "The practitioner visited at Stamford Hill.",
    "A school visit to Kew Gardens was planned.",
    "The mother was visiting her baby at Great Ormond Street.",
    "He stayed at the Foyer Hostel.",
    "Follow the partnership on Twitter @HackneySCP for updates.",
    "News is posted on Twitter (@NSPCC).",
    "The review period was 01/04/2019-31/03/2020.",
    "Martha's Rule lets families ask for a review.",
    "ST MARY'S CHURCH HALL",
    "Of the children looked after, 38% were aged 16 or over at 31 March.",
]
SLUG_NEGATIVES = [
    "case-1",
    "case-2",
    "2016-17-send",
    "2017-18-think-family",
    "the-silent-child",
    "fathers-and-significant-others",
    "send",
    "thresholds",
    "gps",
    "all-professionals",
]


def seed_sentences() -> list[str]:
    """Every sentence of the two real briefs (data/briefs/), split at full stops."""
    sentences = []
    for path in sorted((ROOT / "data" / "briefs").glob("*.yml")):
        brief = Brief.model_validate(content.read(path, path.name).data)
        for _, text in fields.brief_texts(brief, path.stem):
            sentences.extend(s.strip() for s in re.split(r"(?<=[.?!])\s+", text) if s.strip())
    return list(dict.fromkeys(sentences))


def negatives() -> list[str]:
    templated = [t.format(w=w) for t in SENTENCE_TEMPLATES for w in SECTOR_WORDS]
    for i, sentence in enumerate(templated):  # sentences start with a capital, as briefs do
        templated[i] = sentence[0].upper() + sentence[1:]
    return list(
        dict.fromkeys(seed_sentences() + templated + OTHER_NEGATIVES + PARTNERSHIP_NEGATIVES + REVIEW_NEGATIVES)
    )


def measure_negatives() -> list[tuple[str, list[str]]]:
    """Each negative and the guard problems reported on it, in a brief that declares the seed
    pseudonyms (Felix*, Gabriele*, Harry*), each negative in its own field."""
    texts = negatives()
    data = brief_data({})
    data["cases"] = [
        {"id": case_id, "label": f"Case {i}", "pseudonym": name, "summary": "A synthetic case."}
        for i, (case_id, name) in enumerate(
            zip(SLUG_NEGATIVES[:1] + ["case-2", "case-3"], ["Felix*", "Gabriele*", "Harry*"], strict=True), 1
        )
    ]
    data["strengths"][0]["points"] = texts
    data["key_messages"][0]["id"] = "the-silent-child"
    found = brief_problems(data, "2016-17-send")
    results = [(text, found.get(("strengths", 0, "points", i), [])) for i, text in enumerate(texts)]
    stray = {path: messages for path, messages in found.items() if path[:2] != ("strengths", 0)}
    results.extend((f"(elsewhere in the negative brief) {path}", messages) for path, messages in stray.items())
    seeds = content.load(ROOT / "data")
    for record in seeds.briefs:
        for path, message, *_ in checks.brief_checks(
            record, checks.Vocabulary(seeds.themes, seeds.resources, seeds.audiences)
        ):
            if is_guard_problem(message):
                results.append((f"{record.id} {path}", [message]))
    return results


KIND_OF_MESSAGE = re.compile(r"^looks like (.*?) '")


def report() -> tuple[str, bool]:
    """The per-kind table, and whether recall is 100% with no false positive."""
    positives = measure_positives()
    by_kind: dict[str, Counter] = defaultdict(Counter)
    missed = []
    for positive, caught in positives:
        by_kind[positive.kind]["total"] += 1
        by_kind[positive.kind]["caught"] += caught
        if not caught:
            missed.append(positive)
    lines = [
        f"Positives: {len(positives)} ({len(KINDS)} kinds x {len(ENCODINGS)} ways of writing x {len(POSITIONS)} fields, where they apply)"
    ]
    lines.append(f"{'kind':32} {'caught':>7} {'of':>5} {'recall':>7}")
    for kind, count in by_kind.items():
        lines.append(f"{kind:32} {count['caught']:7} {count['total']:5} {count['caught'] / count['total']:7.1%}")
    caught = sum(c["caught"] for c in by_kind.values())
    lines.append(f"{'all kinds':32} {caught:7} {len(positives):5} {caught / len(positives):7.1%}")
    for positive in missed[:40]:
        lines.append(f"  missed: {positive.kind} / {positive.encoding} / {positive.position}: {positive.written!r}")

    negative_results = measure_negatives()
    false_by_kind: Counter = Counter()
    flagged = []
    for text, messages in negative_results:
        for message in messages:
            match = KIND_OF_MESSAGE.match(message)
            false_by_kind[match.group(1) if match else message.split(":")[0]] += 1
            flagged.append((text, message))
    lines.append("")
    lines.append(
        f"Negatives: {len(negatives())} sentences (every sentence of the two seed briefs included), and the seed briefs themselves"
    )
    lines.append(f"False positives: {sum(false_by_kind.values())}")
    for kind, count in false_by_kind.most_common():
        lines.append(f"  {kind}: {count}")
    for text, message in flagged[:40]:
        lines.append(f"  flagged: {text[:60]!r}: {message[:90]}")
    return "\n".join(lines), not missed and not flagged


if __name__ == "__main__":
    text, perfect = report()
    print(text)
    sys.exit(0 if perfect else 1)
