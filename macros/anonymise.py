"""A pattern-based guard that flags identifying personal details in a brief's Markdown text.

It looks for email addresses, UK phone numbers, UK postcodes, dates that could be a date of
birth, NHS numbers (with a valid check digit), National Insurance numbers, street addresses,
a relative or professional followed by a name ("mother Jane Smith", "Dr Patel"), a child
described or named in context ("Jane is a 7 year old girl", "called Jane"), and common UK given
names that are not a declared pseudonym. It uses regular expressions and a short built-in list
of names only: no language model, nothing downloaded, nothing sent anywhere.

What it cannot catch, so a person must still read every brief:

- names it does not know: unusual, misspelt or foreign-language names, surnames on their own,
  nicknames, initials ("J.S.") and names written in lower case;
- indirect identification: details that identify a child only in combination, such as age,
  school year, ethnicity, a rare condition, a family's circumstances or the date of an event;
- names of schools, nurseries, GP practices, estates, places or services written without a
  house number and a street word ("attends Example Primary", "lives near the Example Estate");
- personal details in a format it does not expect: dates in unusual words ("the fifth of
  May"), non-UK phone numbers or postcodes, numbers with odd spacing or typing mistakes, and
  anything in a language other than English;
- details inside links, images or file names that the text does not show.

A clean result means only that none of these patterns matched, not that the text is anonymous.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

FIX = "remove it, or if it is not identifying add it under `allow:` in this file with a reason"

# Pieces shared by several patterns.
SPACE = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # spaces, or one line break: never a blank line
NAME_WORD = r"[A-Z][A-Za-z'’-]*[a-z]"  # a capitalised word; not an acronym such as CAMHS
MONTH = (
    r"(?i:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"  # "Feb." but not "March."
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
DAY_MONTH_YEAR = rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b"
MONTH_DAY_YEAR = rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b"

# Capitalised words that are not names: sentence openers, and words that follow a role or
# "called" in ordinary text ("the social worker Team", "a service called Early Help").
NOT_NAMES = frozenset(
    """
    A An And As At But By For From He Her His How If In Into It Its Of On Or She So That The
    Their Them Then There These They This Those To We What When Where Which Who Why With You
    Your Also Any Each Every Everyone Here Nobody Now Someone Today
    Case Child Children Infant Baby Sibling Siblings Family Families Parent Parents Mother Father
    Early Help Think Thinking Team Service Services Plan Practice Surgery Hospital School Council
    Board Trust Health Care Support Protection Social Nurse Worker Officer Police Court Centre
    Clinic Unit Designated Named Lead Manager
    """.split()
)

# Common UK given names, boys' and girls', across ages and the communities the boards serve.
# A heuristic, not a register: it misses names that are not listed, and it leaves out names
# that are also ordinary words at the start of a sentence or a heading (Will, Mark, Grace, Hope,
# May, June, Rose, Amber, Victoria, Jordan ...), so those are never flagged on their own.
GIVEN_NAMES = frozenset(
    """
    Aaron Abdul Adam Aidan Aiden Ahmed Alan Albert Albie Alex Alexander Alfie Ali Amir Andrew
    Anthony Archie Arjun Arlo Arthur Aryan Barry Ben Benjamin Bilal Bobby Bradley Brian Caleb
    Callum Cameron Carl Carter Charlie Chaim Christopher Colin Connor Craig Daniel Danny Darren
    David Declan Dennis Derek Dmitri Dominic Dylan Edward Elijah Elliot Elliott Emeka Emre Ethan
    Ezra Felix Femi Filip Finley Frankie Freddie Frederick Gabriel Gareth Gary Gavin George
    Graham Hamza Harrison Harry Harvey Hasan Hassan Henry Hugo Ian Ibrahim Isaac Jacob Jake
    Jakub James Jamie Jason Jasper Jayden Jenson Jermaine Joe Joel John Jonathan Joseph Josh
    Joshua Jude Kacper Kai Keith Kenneth Kevin Kian Kieran Kofi Kwame Kyle Leo Leon Liam Logan
    Louie Louis Luca Lucas Luka Luke Marcus Martin Mateusz Matthew Max Mehmet Michael
    Mohammad Mohammed Moshe Muhammad Mustafa Nathan Nathaniel Neil Noah Oliver Ollie Omar Oscar
    Otis Owen Patrick Paul Peter Raj Ralph Raymond Reggie Reuben Rhys Richard Riley Robert Rohan
    Ronald Ronnie Rory Rufus Ryan Samuel Sanjay Scott Sean Sebastian Shane Shaun Shmuel Simon
    Stanley Stephen Steven Szymon Teddy Terence Theo Thomas Toby Tommy Trevor Tunde Tyler Tyrone
    Wayne William Yitzchok Yusuf Zachary Jack Tom Tommy Sam Sammy Mason Theodore Jaxon Harley
    Tobias Ellis Kayden
    Abigail Ada Aisha Alice Amelia Amina Amira Amy Angela Anjali Anna Anne Arabella Aria Ava
    Ayesha Ayse Bethany Bonnie Caroline Catherine Chana Chantelle Charlene Charlotte Chaya Chloe
    Claire Clare Courtney Daisy Danielle Deborah Delilah Donna Eleanor Elaine Elif Eliza
    Elizabeth Ella Ellie Elsie Emilia Emily Emma Esme Esther Eva Evelyn Evie Fatima Florence
    Freya Gemma Georgia Hafsa Hallie Hannah Harper Helen Hodan Ifrah Imogen Isabella Isabelle
    Isla Ivy Jacqueline Jane Janet Jasmine Jennifer Jessica Joanna Joanne Julie Karen Kate
    Katherine Katie Kayleigh Kelly Kerry Khadija Laura Lauren Layla Leah Leila Lily Linda Lisa
    Lola Louise Lucy Luna Maisie Margaret Maria Mary Maryam Matilda Maya Megan Mia Michelle Mila
    Millie Miriam Molly Nadia Natalie Natasha Nicola Noor Olivia Patricia Penelope Phoebe Poppy
    Priya Rachel Rebecca Rivka Rosie Samantha Sara Sarah Scarlett Shannon Sharon Sienna Simran
    Sofia Sophia Sophie Stacey Stephanie Susan Thea Tia Tracey Tracy Violet Wendy Willow
    Yasmin Zainab Zara Zeynep Zoe Ruby Paige Aaliyah Margot Orla Edith Harriet
    """.split()
)

RELATIONSHIP_OR_ROLE = (
    r"(?i:step-?(?:mother|father|mum|dad|brother|sister)|half-(?:brother|sister)"
    r"|grand(?:mother|father|ma|pa|mum|dad)|mother|father|mum|dad|gran|nan|aunt|auntie|uncle"
    r"|brother|sister|cousin|partner|boyfriend|girlfriend|husband|wife|foster[ \t]+carer|carer"
    r"|social[ \t]+worker|support[ \t]+worker|key[ \t]+worker|head[ \t]?teacher|teacher|GP"
    r"|health[ \t]+visitor|midwife|nurse|paediatrician|therapist|police[ \t]+officer|officer)"
)
TITLE = r"(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|PC|DC|DS|DI|Sgt)\.?"
STREET_WORD = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Way|Gardens|Gdns|Court|Ct|Place|Pl"
    r"|Crescent|Terrace|Grove|Square|Sq|Estate|House|Mews|Walk|Row|Hill|Park|Parade|Rise|Green)"
)

EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w+])(?:\+44[ \t]?(?:\(0\)[ \t]?)?|\(?0)[1237](?:[ \t)-]{0,2}\d){9}(?!\d)")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
NHS_NUMBER = re.compile(r"(?<![\d-])\d{3}([ -]?)\d{3}\1\d{4}(?![\d-])")
NI_NUMBER = re.compile(  # HMRC's rules: no D F I Q U V first, no D F I O Q U V second, no BG GB ...
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[ \t]?\d\d[ \t]?\d\d[ \t]?\d\d[ \t]?[A-D]\b",
    re.IGNORECASE,
)
BORN_ON = re.compile(
    rf"\b(?i:born)\s+(?:(?i:in|on)\s+)?(?:the\s+)?"
    rf"(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}|{DAY}\s+(?:of\s+)?{MONTH}|{MONTH}(?:\s+{YEAR})?"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|{YEAR}\b)"
)
WORDED_DATE = re.compile(rf"{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}")
# "DOB 12 Mar 15", "date of birth: 3/4/16": a labelled date, however short.
LABELLED_BIRTH_DATE = re.compile(
    rf"\b(?i:dob|d\.o\.b|date\s+of\s+birth)\b\.?:?\s*\d{{1,2}}(?:[/.\- ]+(?:\d{{1,2}}|{MONTH}))?(?:[/.\- ]+\d{{2,4}})?"
)
NUMERIC_DATE = re.compile(  # dd/mm/yyyy, d-m-yyyy, dd.mm.yy (the same separator twice)
    r"(?<![\d/.-])(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?:\d{4}|\d\d)(?![\d/-]|\.\d)"
)
ISO_DATE = re.compile(  # 2015-03-12 or 2015/03/12
    r"(?<![\d/-])(?:19|20)\d\d(?P<sep>[/-])(?:0[1-9]|1[0-2])(?P=sep)(?:0[1-9]|[12]\d|3[01])(?![\d/-])"
)
STREET_ADDRESS = re.compile(
    rf"(?:\b(?:Flat|Apartment|Unit)[ \t]+\d+[A-Za-z]?,?[ \t]+(?:\d{{1,4}}[A-Za-z]?,?[ \t]+)?"
    rf"|\b\d{{1,4}}[A-Za-z]?,?[ \t]+)(?:{NAME_WORD}[ \t]+){{1,3}}{STREET_WORD}\b"
)
NAMED_PERSON = re.compile(
    rf"(?:\b{RELATIONSHIP_OR_ROLE}\b{SPACE}(?:{TITLE}{SPACE})?|\b{TITLE}{SPACE})"
    rf"(?P<name>{NAME_WORD}(?:{SPACE}{NAME_WORD})?)"
)
DESCRIBED_CHILD = re.compile(
    rf"(?<![A-Za-z'’-])(?P<name>{NAME_WORD})\s+(?:is|was)\s+an?\s+(?:[\w'-]+\s+){{0,5}}?"
    rf"(?:boy|girl|child|infant|baby|toddler|teenager|young[ \t]+person)\b"
)
CALLED_CHILD = re.compile(rf"\b(?i:named|called|known[ \t]+as){SPACE}(?P<name>{NAME_WORD})")
CAPITALISED_WORD = re.compile(r"(?<![A-Za-z'’])(?P<name>[A-Z][a-z]+)(?![A-Za-z])")

Detector = Callable[[str], Iterator[re.Match]]


def emails(text: str) -> Iterator[re.Match]:
    # Why: an email address names or reaches a person directly.
    yield from EMAIL.finditer(text)


def phone_numbers(text: str) -> Iterator[re.Match]:
    # Why: a UK landline or mobile number (01/02/03/07, or +44) reaches a family or a worker.
    yield from PHONE.finditer(text)


def postcodes(text: str) -> Iterator[re.Match]:
    # Why: a full postcode narrows a home to a handful of addresses.
    yield from POSTCODE.finditer(text)


def dates_of_birth(text: str) -> Iterator[re.Match]:
    # Why: a full date, or "born in/on ...", can be a child's date of birth.
    yield from BORN_ON.finditer(text)
    yield from WORDED_DATE.finditer(text)
    yield from ISO_DATE.finditer(text)
    for match in NUMERIC_DATE.finditer(text):
        if 1 <= int(match["day"]) <= 31 and 1 <= int(match["month"]) <= 12:
            yield match
    yield from LABELLED_BIRTH_DATE.finditer(text)  # last: a full date it holds is reported as such


def nhs_numbers(text: str) -> Iterator[re.Match]:
    # Why: an NHS number identifies one patient; only numbers with a valid check digit count.
    for match in NHS_NUMBER.finditer(text):
        if nhs_check_digit_is_valid(re.sub(r"\D", "", match.group())):
            yield match


def ni_numbers(text: str) -> Iterator[re.Match]:
    # Why: a National Insurance number identifies one adult (or a young person from 16).
    yield from NI_NUMBER.finditer(text)


def street_addresses(text: str) -> Iterator[re.Match]:
    # Why: a house number and street ("14 Example Street") locate a family's home.
    yield from STREET_ADDRESS.finditer(text)


def named_people(text: str) -> Iterator[re.Match]:
    # Why: a relative or professional followed by a name ("mother Jane Smith", "Dr Patel").
    for match in NAMED_PERSON.finditer(text):
        if match["name"].split()[0] not in NOT_NAMES:
            yield match


def named_children(text: str) -> Iterator[re.Match]:
    # Why: a child described or named in context ("Jane is a 7 year old girl", "called Jane").
    for pattern in (DESCRIBED_CHILD, CALLED_CHILD):
        for match in pattern.finditer(text):
            if match["name"] not in NOT_NAMES:
                yield match


def given_names(text: str) -> Iterator[re.Match]:
    # Why: a common given name that is not a declared pseudonym may be a child's real name.
    for match in CAPITALISED_WORD.finditer(text):
        if match["name"] in GIVEN_NAMES:
            yield match


# Cheap tests that say when a detector cannot match, so its slower regular expression is not
# run: most text holds no "@", no two digits together, no role word and no "is a". A check of
# a national collection scans tens of thousands of texts.
DIGIT = re.compile(r"\d")
DIGIT_THEN_NAME = re.compile(r"\d[A-Za-z]?,?[ \t]+[A-Z]")
DIGIT_THEN_TWO_LETTERS = re.compile(r"\d[A-Za-z]{2}")
WORD = re.compile(r"[A-Za-z]+")
ROLE_WORDS = frozenset(
    "mother mum father dad gran nan grandmother grandfather grandma grandpa grandmum granddad aunt "
    "auntie uncle brother sister cousin partner boyfriend girlfriend husband wife carer worker "
    "headteacher teacher gp visitor midwife nurse paediatrician therapist officer stepmother "
    "stepfather stepmum stepdad stepbrother stepsister step half".split()
)
TITLE_WORDS = frozenset("Mr Mrs Ms Mx Miss Dr Prof PC DC DS DI Sgt".split())


class Text:
    """A text with what the quick tests need, worked out once: its words, and where its digits
    are (few, in most texts), so the tests look only there."""

    def __init__(self, text: str):
        self.text = text
        self.words = set(WORD.findall(text))
        self.lower_words = {word.lower() for word in self.words}
        self.digits = [match.start() for match in DIGIT.finditer(text)]
        self.two_digits = any(b == a + 1 for a, b in zip(self.digits, self.digits[1:]))

    def digit_followed_by(self, pattern: re.Pattern) -> bool:
        return any(pattern.match(self.text, position) for position in self.digits)


def _may_be_dated(t: Text) -> bool:
    labelled = not t.lower_words.isdisjoint({"born", "birth", "dob"}) or "d.o.b" in t.text.lower()
    return labelled or t.two_digits


def _may_name_a_child(t: Text) -> bool:
    described = not t.lower_words.isdisjoint({"is", "was"}) and not t.lower_words.isdisjoint({"a", "an"})
    return described or not t.lower_words.isdisjoint({"named", "called", "known"})


def _may_name_a_person(t: Text) -> bool:
    return not t.lower_words.isdisjoint(ROLE_WORDS) or not t.words.isdisjoint(TITLE_WORDS)


# (kind, detector, whether it can match at all), most specific first: a match inside text
# overlapping one already reported or allowed is skipped, so "mother Jane Example" is one
# finding, not also "Jane".
DETECTORS: list[tuple[str, Detector, Callable[[Text], bool]]] = [
    ("an email address", emails, lambda t: "@" in t.text),
    ("a phone number", phone_numbers, lambda t: t.two_digits),
    ("an NHS number", nhs_numbers, lambda t: t.two_digits),
    ("a National Insurance number", ni_numbers, lambda t: t.two_digits),
    ("a postcode", postcodes, lambda t: t.digit_followed_by(DIGIT_THEN_TWO_LETTERS)),
    ("a date that could be a date of birth", dates_of_birth, _may_be_dated),
    ("a street address", street_addresses, lambda t: t.digit_followed_by(DIGIT_THEN_NAME)),
    ("a named relative or professional", named_people, _may_name_a_person),
    ("a named child", named_children, _may_name_a_child),
    ("a given name that is not a declared pseudonym", given_names, lambda t: not t.words.isdisjoint(GIVEN_NAMES)),
]
# Joins the texts of one brief so each detector runs once per brief; no pattern matches across it.
SEPARATOR = "\n\x00\n"


def scan(text: str, *, pseudonyms: Iterable[str] = (), allowed: Iterable[str] = ()) -> Iterator[str]:
    """Yield one message per suspected identifying detail in `text`."""
    for _, message, _ in scan_all([text], pseudonyms=pseudonyms, allowed=allowed):
        yield message


def scan_all(
    texts: Sequence[str], *, pseudonyms: Iterable[str] = (), allowed: Iterable[str] = (), fix: str = FIX
) -> Iterator[tuple[int, str, str]]:
    """Yield (index of the text, message, the text found) per suspected identifying detail, in
    reading order."""
    declared = {name.strip().rstrip("*") for name in pseudonyms}
    reviewed = {entry.strip() for entry in allowed}
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + len(SEPARATOR)
    joined = SEPARATOR.join(texts)
    quick = Text(joined)
    covered: set[int] = set()  # positions of the text already reported or allowed
    findings: list[tuple[int, str, str]] = []
    for kind, detector, can_match in DETECTORS:
        if not can_match(quick):
            continue
        for match in detector(joined):
            span = range(*match.span())
            found = match.group().strip()
            if not found or any(position in covered for position in span):
                continue
            if found in reviewed:
                covered.update(span)
            elif not names_a_pseudonym(joined, match, declared):
                covered.update(span)
                findings.append((span.start, f"looks like {kind} '{found}': {fix}", found))
    for start, message, found in sorted(findings, key=lambda finding: finding[0]):
        yield bisect.bisect_right(starts, start) - 1, message, found


def names_a_pseudonym(text: str, match: re.Match, pseudonyms: set[str]) -> bool:
    """Whether the name in `match` is a declared pseudonym, or marked as one with a `*`."""
    if "name" not in match.re.groupindex:
        return False
    start, end = match.span("name")
    marked = text[end : end + 1] == "*" and text[start - 1 : start] != "*"  # Jane* yes, **Jane** no
    return marked or all(word in pseudonyms for word in match["name"].split())


def nhs_check_digit_is_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check: weights 10..2 on the first nine digits."""
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])
