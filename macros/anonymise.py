"""The anonymisation guard: flags identifying personal details in every text that reaches the site.

Every text is first read as the page will show it. `views(text)` normalises it (Unicode NFKD
without accents, so full-width digits and `＠` read as plain ones and `Zoë` as `Zoe`; every
space-like character a space; zero-width characters and soft hyphens removed; HTML entities and
percent-escapes decoded; dashes a hyphen; an id or file name such as `case-jane-example` read as
the words `Case Jane Example`) and, when it holds Markdown, also strips emphasis and link syntax,
so `J*an*e` reads `Jane`. Both readings are scanned; every finding keeps where it sits in the
original text, so it is reported at the file, line and column the editor wrote it.

It flags: email addresses (also `(at)`, entity or percent-encoded), social media handles on the
networks children use or named as such, UK phone numbers in any spacing (and, through
`phonenumbers`, valid international numbers; freephone, premium and 03 numbers, which
organisations use, are left alone), NHS numbers (valid check digit), Unique Pupil Numbers
(`stdnum`), National Insurance numbers, postcodes, dates that could be a date of birth and
birthdays next to an age, street addresses with or without a number and named estates, named
schools, nurseries, family hubs, GP surgeries, hospital wards and youth clubs, a relative or
professional followed by a name ("mother Jane Example", "The allocated worker, Jane Example,",
"Mrs Example", "Inspector Example", "Mrs EXAMPLE", "PC 4321 Example"), a child described or
named in context, common UK given names (also in capitals, as case records write them: "JANE"),
and words mixing alphabets (a Cyrillic `а` in `Jаne`).

It leaves alone what briefs from any partnership write: hospitals, charities, schemes and laws
named after someone ("St Mary's Hospital", "Lucy Faithfull Foundation", "Clare's Law"), roles
and ranks without a name ("the Named Doctor", "a Detective Inspector"), ages, school years and
paragraph numbers ("aged 16/17", "Years 9/10/11", "paragraph 3.2.11") and districts ("living in
Bethnal Green"). tests/guard_corpus.py measures both sides (`make guard-report`).

A name is excused only when it is a declared pseudonym of the brief (`pseudonym: Felix*` on a
case): a `*` after any other name does not excuse it.

It uses regular expressions, a short built-in list of names, `phonenumbers` and `stdnum` only:
no language model, nothing downloaded, nothing sent anywhere. What it cannot catch, so a person
must still read every brief:

- names it does not know: unusual, misspelt or foreign-language names, surnames on their own or
  in capitals after a role ("EXAMPLE", "MRS EXAMPLE", "Father EXAMPLE"), a family by its
  surname ("the Example family"), nicknames, initials ("J.S."), names written in lower case,
  and given names in capitals that are also acronyms ("AVA", "SARA");
- indirect identification: details that identify a child only in combination, such as age,
  school year, ethnicity, a rare condition, a family's circumstances or the date of an event;
- a name after a label's punctuation ("IRO: Example", "mum (Example)"): "Mother: White British"
  is how reviews describe a family;
- places written without a word that marks them ("attends Example", "near the Example"), in
  lower case or shortened ("Example primary school", "Example High"), half postcodes ("E8"), and
  places of worship, refuges and children's homes, which briefs name to describe communities
  and services;
- dates in words it does not expect ("the fifth of May") and text in another language.

A clean result means only that none of these patterns matched, not that the text is anonymous.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

import phonenumbers
from stdnum.gb import nhs, upn

FIX = "remove it, or if it is not identifying add it under `allow:` in this file with a reason"

# Pieces shared by several patterns.
SPACE = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # spaces, or one line break: never a blank line
NAME_WORD = r"[A-Z][A-Za-z'’-]*[a-z]"  # a capitalised word; not an acronym such as CAMHS
# A surname in capitals, as case records write one ("Jane SMITH"), after a title ("Mrs SMITH").
CAPITALS_WORD = r"[A-Z][A-Z'’-]*[A-Z](?![a-z])"
MONTHS = "January February March April May June July August September October November December".split()
SHORT_MONTHS = "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()  # "Feb." but not "March."
MONTH = rf"(?i:(?:{'|'.join(MONTHS)})\b|(?:{'|'.join(SHORT_MONTHS)})\b\.?)"
# Beside an age, "may" is the verb ("children aged 10 may be seen alone"): May capitalised only.
NOT_MAY = "|".join(month for month in MONTHS if month != "May")
AGE_MONTH = rf"(?:(?i:(?:{NOT_MAY})\b|(?:{'|'.join(SHORT_MONTHS)})\b\.?)|May\b)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
# "12 March 2010", "1st of March 2010", "03-Mar-2016", "3 Mar '16"
DAY_MONTH_YEAR = rf"\b{DAY}(?:\s+|-)(?:of\s+)?{MONTH}(?:,?\s+|-)(?:{YEAR}\b|['’]\d\d\b)"
MONTH_DAY_YEAR = rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b"

# Capitalised words that are not names: sentence openers, and words that follow a role or
# "called" in ordinary text ("the social worker Team", "a service called Early Help", "Consultant
# Paediatrician", "Young Carer Assessment", "IRO Handbook"). Never a word that is also a surname
# or a given name people have ("Mrs England", "Christian", "Faith").
NOT_NAMES = frozenset(
    """
    A An And As At But By For From He Her His How If In Into It Its Of On Or She So That The
    Their Them Then There These They This Those To We What When Where Which Who Why With You
    Your Also Any Each Every Everyone Here Nobody Now Someone Today
    Case Child Children Infant Baby Sibling Siblings Family Families Parent Parents Mother Father
    Early Help Think Thinking Team Service Services Plan Practice Surgery Hospital School Council
    Board Trust Health Care Support Protection Social Nurse Worker Officer Police Court Centre
    Clinic Unit Designated Named Lead Manager Local Independent Special Mainstream Primary
    Secondary Junior Infants Nursery High Grammar Free Community Catholic Housing Education
    Adult Adults Youth Probation Services Safeguarding Serious Review Partnership Multi Agency
    Agencies Social Care Children's Great City London Hackney National Royal General Street
    Virtual Hospital Alternative Provision Pupil Referral Residential Boarding Sixth Form
    Detective Chief Inspector Sergeant Constable Superintendent Report Reports
    Paediatrician Midwife Practitioner Practitioners Visitor Visitors Doctor Professional
    Professionals Person Assessment Assessments Needs Training Handbook Practices Federation
    Network Learning Event Briefing Briefings Neglect Mandated Contacts Matters Inclusive
    Organisations Oversight Degree Apprenticeship Further Reading Looked After Guidance Policy
    Procedure Procedures Protocol Strategy Meeting Meetings Conference Panel Forum Group Record
    Records Supervision Development Programme Pathway Model Framework Toolkit Standards Quality
    Paediatric Maternity Adolescent Mental Secure County Useful Region Regional Year Years
    Reception Refresher Annual
    """.split()
)
# Words before "School", "College", "Nursery" or "Ward" that name no place ("a Middle School", "a
# Whole School Approach", "the Paediatric Ward"), as well as `NOT_NAMES`.
NOT_PLACE_NAMES = NOT_NAMES | frozenset(
    """
    Middle First Faith Forest Unregistered Whole Specialist Improve Improving Attendance
    Readiness Out Settings University Technical Imperial Work Stay Play Sure Start Private Day
    Roman Muslim Sikh Hindu Jewish Christian Orthodox Anglican Methodist Baptist Pentecostal
    Evangelical Islamic Key
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
    Tobias Ellis Kayden Sonny Mohamed Billy Jesse Milo Hudson Austin Grayson Rueben
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
    Lottie Maeve Beatrice Nancy Mabel Robyn Lyla Heidi Ayla Gracie Elodie Martha
    """.split()
)

# The given names in capitals, of three letters or more, but not those that are also the
# acronyms briefs use: AVA (a domestic abuse charity), SARA (a risk assessment), TIA, MAX ...
GIVEN_NAMES_IN_CAPITALS = frozenset(name.upper() for name in GIVEN_NAMES if len(name) >= 3) - frozenset(
    "ADA ARIA AVA EVA HENRY IAN MAX MIA SAM SARA TIA".split()
)
# What a name is part of when these words follow it (after its surname or an "of"): a hospital,
# charity, scheme or law named after someone ("John Radcliffe Hospital", "Lucy Faithfull
# Foundation", "Clare's Law"), or a term ("known as County Lines", "called Signs of Safety").
# Not schools, nurseries or surgeries: those are named places (`INSTITUTION`).
NAMED_AFTER = (
    r"Foundation|Trust|Hospitals?|Hospice|Centre|Center|Institute|Ambulance|Healthcare|Infirmary"
    r"|Memorial|Charity|Programme|Award|Training|Safety|Uncertainty|Approach|Model|Framework"
    r"|Scheme|Toolkit|Pathway|Protocol|Policy"
)
# Words that are also surnames ("Sarah Law", "Jack House"): what something is named after only
# with a possessive ("Clare's Law", "Martha's Rule"), after a surname ("Ronald McDonald House")
# or before one of `NAMED_AFTER` ("Claire House Children's Hospice").
NAMED_AFTER_IF = r"House|Law|Lines|Fund|Project|Rule"


def _tail(word: str, connector: str, names: str) -> re.Pattern:
    return re.compile(
        rf"(?:['’][sS]?)?(?:[ \t]+(?:(?:{connector})[ \t]+)?{word}(?:['’][sS]?)?){{0,2}}?"
        rf"[ \t]+(?:(?:{connector})[ \t]+)?(?P<what>{names})\b"
    )


NAMED_AFTER_TAIL = _tail(NAME_WORD, "of|and|for|the", f"{NAMED_AFTER}|{NAMED_AFTER_IF}")
# "CLARE'S LAW", all in capitals
NAMED_AFTER_IN_CAPITALS = _tail(CAPITALS_WORD, "OF|AND|FOR|THE", f"{NAMED_AFTER}|{NAMED_AFTER_IF}".upper())
NAMED_AFTER_IF_WORDS = frozenset(NAMED_AFTER_IF.split("|"))
SAINT = re.compile(r"\b(?i:St\.?|Saint)[ \t]+$")

RELATIONSHIP_OR_ROLE = (
    r"(?i:step-?(?:mother|father|mum|dad|brother|sister)|half-(?:brother|sister)"
    r"|grand(?:mother|father|ma|pa|mum|dad)|mother|father|mum|dad|gran|nan|aunt|auntie|uncle"
    r"|brother|sister|son|daughter|sibling|cousin|partner|boyfriend|girlfriend|husband|wife"
    r"|foster[ \t]+carer|carer|matron"
    r"|(?:social|support|key|family|allocated|youth|case)?[ \t]*worker|head[ \t]?teacher|teacher"
    r"|GP|SENCO|IRO|doctor|consultant|psychologist|psychiatrist|practitioner|advocate|manager"
    r"|health[ \t]+visitor|midwife|nurse|paediatrician|therapist|police[ \t]+officer|officer)"
)
# Titles and ranks written before a surname, a rank perhaps after "Detective", "Chief" ... Not
# "Lord", "Lady", "Sir" or "Dame": briefs cite public figures by them ("Lord Laming's report").
COURTESY_TITLE = r"(?:Mr|Mrs|Ms|Mx|Miss|Dr)\.?"
TITLE = (
    r"(?:(?:Detective|Chief|Police|Deputy|Assistant|Acting)[ \t]+){0,3}"
    r"(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor|PC|DC|DS|DI|PS|DCI|DSI|PCSO|Sgt|Sergeant|Inspector|Insp"
    r"|Detective|Constable|Superintendent|Supt|Cllr|Councillor|Revd|Reverend|Rabbi|Imam|Pastor|Judge)\.?"
)
# "Ms J Smith", "Dr. A. B. Patel": initials between a title or role and a surname.
INITIALS = r"(?:[A-Z]\.?[ \t]+){1,3}"
# "Mrs de Souza", "Mr van Dijk": the lower-case particles that begin many surnames.
PARTICLE = r"(?:(?:de|da|das|dos|van|von|der|den|del|della|di|du|le|la|al|el|bin|ibn)[ \t]+|[dl]['’]){1,2}"
STREET_WORD = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Way|Gardens|Gdns|Court|Ct|Place|Pl"
    r"|Crescent|Terrace|Grove|Square|Sq|Estate|House|Mews|Walk|Row|Hill|Park|Parade|Rise|Green"
    r"|Tower|Towers|Mansions|Heights|Lodge|Buildings)"
)
DIGIT_SEP = r"[ .\-]{0,3}"  # what Word, case systems and people put between digits: "E8 - 1AA"

EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+[ \t]?@[ \t]?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
# "jane.smith at nhs.net", "jane dot smith at nhs dot net": spelt out with no brackets. The name
# before "at" must hold a separator, so "look at nhs.uk" is not an address.
WORD_DOT = r"(?:\.|[ \t]+(?i:dot)[ \t]+)"
BARE_SPELT_EMAIL = re.compile(
    rf"(?<![\w.+-])[A-Za-z0-9]+(?:(?:{WORD_DOT}|_|-)[A-Za-z0-9]+)+[ \t]+(?i:at)[ \t]+"
    rf"(?!(?i:www)\.)[A-Za-z0-9-]+(?:{WORD_DOT}[A-Za-z0-9-]+)*{WORD_DOT}[A-Za-z]{{2,}}\b"
)
# "Snapchat: @jane_example99": a handle on the networks children use, or named as one. A bare
# "@example" may be anything, and organisations post on Twitter, Facebook and YouTube.
SOCIAL_HANDLE = re.compile(
    r"\b(?i:snapchat|snap|instagram|insta|tiktok|whatsapp|telegram|discord|kik|handle|username|user[ \t]?name)\b[^\n@]{0,20}?(?<![\w.])(?P<handle>@[A-Za-z0-9_.]{1,30}[A-Za-z0-9_])"
)
AT, DOT = r"\s*[(\[{]\s*(?i:at)\s*[)\]}]\s*", r"(?:\s*[(\[{]\s*(?i:dot)\s*[)\]}]\s*|\.)"
SPELT_AT = re.compile(r"[(\[{]\s*(?i:at)\s*[)\]}]")
SPELT_EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]+{AT}[\w-]+(?:{DOT}[\w-]+)*{DOT}[A-Za-z]{{2,}}")
# A run of digits with the separators people type: "07700 900123", "+44 (0)20 7946 0000",
# "0 7 7 0 0 9 0 0 1 2 3", "07700.900.123". What the run is is decided from its digits.
DIGIT_RUN = re.compile(r"(?<![\w+])(?:\+[ ]?)?\(?\d(?:[ .\-]{0,2}(?:\(\d{1,4}\)|\d)|\)[ .\-]{0,2}\d)*")
# A UK number with its area code split off by a slash: "07700/900123", "020/7946 0000". Not
# dates and periods ("01/04/2019-31/03/2020"): their first part has one or two digits.
SLASHED_PHONE = re.compile(r"(?<![\w/])0\d{2,4}/\d{3,4}[ ]?\d{3,4}(?![\w/])")
# Landlines (01, 02) and mobiles (07). Not 03 numbers, which public bodies and charities use
# (Ofsted's 0300 ...), like the 08 service numbers (SERVICE_TYPES).
UK_NUMBER = re.compile(r"0[127]\d{8,9}")
POSTCODE = re.compile(  # not "S47 2nd": an ordinal is no inward code
    rf"\b[A-Z]{{1,2}}\d[A-Z\d]?{DIGIT_SEP}\d(?!(?-i:st|nd|rd|th)\b)[ABD-HJLNP-UW-Z]{{2}}\b", re.IGNORECASE
)
NI_NUMBER = re.compile(  # HMRC's rules: no D F I Q U V first, no D F I O Q U V second, no BG GB ...
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][ .\-]?[A-CEGHJ-NPR-TW-Z]"
    r"(?:[ .\-]{0,2}\d){6}[ .\-]{0,2}[A-D]\b",
    re.IGNORECASE,
)
UPN = re.compile(r"\b[A-Z](?:[ .\-]?\d){11}[ .\-]?[A-Z\d]\b", re.IGNORECASE)
BORN_ON = re.compile(
    rf"\b(?i:born)\s+(?:(?i:in|on)\s+)?(?:the\s+)?"
    rf"(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}|{DAY}\s+(?:of\s+)?{MONTH}|{MONTH}(?:\s+{YEAR})?"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?\b|{YEAR}\b)"
)
WORDED_DATE = re.compile(rf"{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}")
# "DOB 12 Mar 15", "date of birth: 3/4/16": a labelled date, however short.
LABELLED_BIRTH_DATE = re.compile(  # also "DOB: Mar 2016", "Date of Birth - March 2016"
    rf"\b(?i:dob|d\.o\.b|date\s+of\s+birth)\b\.?[ \t]*[:-]?\s*"
    rf"(?:\d{{1,2}}(?:[/.\- ]+(?:\d{{1,2}}|{MONTH}))?(?:[/.\- ]+\d{{2,4}})?|{MONTH}[ \t]+{YEAR}\b)"
)
# "turned 7 on 12 June", "her birthday is 3 May", "aged 7 on 12.3", "turns 7 June 12": an age and
# the day it came. Not "aged 10 may be seen" (May as a month capitalised, unless after "on"), nor
# "aged 2.5" (a day and month with a dot only after "on"), "aged 16/17", "(Year 7/8)" or "aged 16
# or over at 31 March" (a count's date).
BIRTHDAY = re.compile(
    rf"\b(?i:birthday|turned|turns|aged|age)\b[^.\n]{{0,24}}?"
    rf"(?:\b(?i:on)\s+(?:(?i:the)\s+)?(?:{DAY}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{DAY}\b|(?P<on_day_month>\d{{1,2}}[/.]\d{{1,2}})\b)"
    rf"|(?<![Aa]t )\b{DAY}\s+(?:of\s+)?{AGE_MONTH}|{AGE_MONTH}\s+{DAY}\b|\b(?P<day_month>\d{{1,2}}/\d{{1,2}})\b)"
)
NUMERIC_DATE = re.compile(  # dd/mm/yyyy, d-m-yyyy, dd.mm.yy, 12 / 03 / 2010, 03/05/'10 (one separator twice)
    r"(?<![\d/.-])(?P<day>\d{1,2})(?P<sep>[ \t]?[/.-][ \t]?)(?P<month>\d{1,2})(?P=sep)(?:\d{4}|['’]?\d\d)(?![\d/-]|\.\d)"
    r"|(?<![\d/.-])(?P<spaced_day>\d{1,2}) (?P<spaced_month>\d{1,2}) (?:19|20)\d\d(?![\d/-]|\.\d)"  # 12 03 2010
)
ISO_DATE = re.compile(  # 2015-03-12, 2015/03/12 or 2015.03.12
    r"(?<![\d/.-])(?:19|20)\d\d(?P<sep>[/.-])(?:0[1-9]|1[0-2])(?P=sep)(?:0[1-9]|[12]\d|3[01])(?![\d/-]|\.\d)"
)
DWELLINGS = ("Flat", "Apartment", "Unit", "Room")
STREET_ADDRESS = re.compile(  # a house number, never a year: "In 2021 Family Court ..."
    rf"(?:\b(?:{'|'.join(DWELLINGS)})[ \t]+(?:\d+[A-Za-z]?|[A-Z]\b),?[ \t]+(?:\d{{1,4}}[A-Za-z]?,?[ \t]+)?"
    rf"|\b(?!(?:19|20)\d\d\b)\d{{1,4}}[A-Za-z]?,?[ \t]+)(?:{NAME_WORD}[ \t]+){{1,3}}{STREET_WORD}\b"
)
# "lives on Example Street", "moved to the Fixture Estate": a home named without a number.
HOME_STREET = re.compile(
    rf"\b(?i:lives?|living|lived|resides?|residing|moved|moving|housed|rehoused|staying|stays|stayed"
    rf"|home|address|flat)\b(?:[ \t]+[a-z]+){{0,2}}?[ \t]+(?P<preposition>(?i:on|in|into|at|to|near))[ \t]+(?:(?i:the)[ \t]+)?"
    rf"(?P<place>(?:{NAME_WORD}[ \t]+){{1,3}}(?P<street>{STREET_WORD}))\b"
)
# Living "in Stamford Hill", "in Bethnal Green" or "in Bury St Edmunds" names a district, not a
# street.
DISTRICT_WORDS = frozenset({"Hill", "Green", "Park", "Rise"})
SAINTS_TOWN = re.compile(r"[ \t]+[A-Z]")  # after "St": "Bury St Edmunds"
ESTATE = re.compile(rf"\b(?:{NAME_WORD}[ \t]+){{1,3}}Estate\b")
INSTITUTION = re.compile(
    rf"\b(?P<name>{NAME_WORD}(?:[ \t]+(?:{NAME_WORD}|of|and|&)){{0,4}})[ \t]+"
    r"(?P<kind>(?:(?:Primary|Secondary|Junior|Infants?|Nursery|High|Grammar|Free|Special|Community"
    r"|CE|RC|C of E|Catholic|Day)[ \t]+)?(?:School|Academy|College|Primary|Nursery|Pre-?[Ss]chool"
    r"|Children(?:['’]?s|[ \t]S)?[ \t]+Centre|Surgery|Medical[ \t]+(?:Centre|Practice)|Health[ \t]+Centre|Ward"
    r"|GP[ \t]+(?:Practice|Surgery)|Group[ \t]+Practice|Family[ \t]+(?:Centre|Hub)|Pupil[ \t]+Referral[ \t]+Unit|PRU"
    r"|Play[ \t]?[Gg]roup|Youth[ \t]+Club))\b"
    # "King's College Hospital", "University College London Hospitals": a hospital, not a college
    rf"(?![ \t]+(?:{NAME_WORD}[ \t]+){{0,2}}(?:Hospitals?|Trust|NHS|Healthcare)\b)"
)
# Between a rank and a name, perhaps a collar number ("PC 4321 Example"). Not a label's
# punctuation after a role: "Mother: White British", "father (Unknown)" are no names.
NAMED_PERSON = re.compile(
    rf"(?:\b{RELATIONSHIP_OR_ROLE}\b,?{SPACE}(?:{TITLE}{SPACE})?|\b{TITLE}{SPACE}(?:\d{{2,6}}{SPACE})?|\bc/o{SPACE})"
    rf"(?:{INITIALS})?"
    rf"(?P<name>(?:{PARTICLE})?{NAME_WORD}(?:{SPACE}{NAME_WORD})?)"
    # A surname in capitals only after Mr, Mrs, Ms, Mx, Miss or Dr: after a role or a rank it
    # could be an acronym ("GP MASH", "DS CAIT").
    rf"|\b{COURTESY_TITLE}{SPACE}(?:{INITIALS})?(?P<capitals>(?:{PARTICLE})?{CAPITALS_WORD})"
)
# "Zed is a 7 year old girl"; not "Neglect is a form of child abuse", "Newham is a borough with
# high child poverty" or "Leeds is a Child Friendly City": no "of", "with" ... before the child
# word, and no capitalised word or child-welfare term after it.
DESCRIBED_CHILD = re.compile(
    rf"(?<![A-Za-z'’-])(?P<name>{NAME_WORD})\s+(?i:is|was)\s+(?i:an?)\s+"
    r"(?:(?!(?i:of|with|for|in|to|where|who|that|which|whose|from|on|at|by)\b)[\w'-]+\s+){0,5}?"
    r"(?i:boy|girl|child|infant|baby|toddler|teenager|young[ \t]+person)\b"
    r"(?![ \t]+(?:[A-Z]|(?i:protection|friendly|abuse|poverty|care|safeguarding|sexual|exploitation|deaths?"
    r"|development|health|welfare|neglect|trafficking|labour|marriage|criminal)\b))"
)
# "a baby named Fixture", "known as Zed". Lower case only: "Named Doctor", "Named Midwife" are
# statutory roles.
CALLED_CHILD = re.compile(rf"\b(?:named|called|Called|[Kk]nown[ \t]+(?i:as)){SPACE}['‘\"“]?(?P<name>{NAME_WORD})")
# A capitalised word, also in quotes ('Oliver'), but not the end of "O'Neil".
CAPITALISED_WORD = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]['’])(?P<name>[A-Z][a-z]+)(?![A-Za-z])")
CAPITALS = re.compile(r"(?<![A-Za-z'’])[A-Z]{3,}(?![A-Za-z])")
LETTERS = re.compile(r"[^\W\d_]+")
NOT_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u052f]")  # Greek and Cyrillic, the look-alikes of Latin


@dataclass(frozen=True)
class Hit:
    """A suspected detail in a scanned view: where it is, and the name in it, if any (a declared
    pseudonym excuses only a name)."""

    start: int
    end: int
    name: str | None = None


def _hits(pattern: re.Pattern, text: str, name_group: str | None = None) -> Iterator[Hit]:
    for match in pattern.finditer(text):
        yield Hit(match.start(), match.end(), match[name_group] if name_group else None)


def emails(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: an email address names or reaches a person directly, however it is spelt out.
    if "@" in text:
        yield from _hits(EMAIL, text)
    if SPELT_AT.search(text):
        yield from _hits(SPELT_EMAIL, text)
    if "at" in (quick or Text(text)).lower_words:
        yield from _hits(BARE_SPELT_EMAIL, text)


def social_handles(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a child's or an adult's account on a social network reaches them, and names them.
    for match in SOCIAL_HANDLE.finditer(text):
        yield Hit(*match.span("handle"))


def _digit_runs(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, as written, its digits) of each run of seven digits or more, and of each
    stretch of whole groups inside it, longest first: a file name's year and a phone number
    run together ("2099-00-07700-900123"), and so do two numbers written "a / b". A stretch is
    never longer than the longest number looked for, so a long table of figures costs time in
    proportion to its length."""
    for match in DIGIT_RUN.finditer(text):
        written = match.group()
        groups = [(group.start(), group.end()) for group in re.finditer(r"\d+", written)]
        digits = "".join(written[start:end] for start, end in groups)
        if len(digits) < 7:
            continue
        yield match.start(), match.end(), written, digits
        for first in range(len(groups)):
            reach, count = first - 1, 0  # the last group a stretch from `first` may end at
            while reach + 1 < len(groups) and count + groups[reach + 1][1] - groups[reach + 1][0] <= LONGEST_NUMBER:
                reach += 1
                count += groups[reach][1] - groups[reach][0]
            for last in range(reach, first - 1, -1):
                if (first, last) == (0, len(groups) - 1):
                    continue
                start = groups[first][0] - (1 if first == 0 and written.startswith("+") else 0)
                piece = written[start : groups[last][1]]
                piece_digits = re.sub(r"\D", "", piece)
                if len(piece_digits) >= 7:
                    yield match.start() + start, match.start() + groups[last][1], piece, piece_digits


# Digits in the longest number `_digit_runs` is asked for: an international number (15 digits at
# most) after a 00 prefix. NHS numbers have 10, UK numbers 11.
LONGEST_NUMBER = 17


def uk_phone_digits(run: str, digits: str) -> str | None:
    """The national form (0...) of a UK number written in any of its forms, or None."""
    compact = run.replace(" ", "")
    if compact.startswith("+44") or digits.startswith("0044"):
        national = digits[2:] if compact.startswith("+") else digits[4:]
        return "0" + national[1:] if national.startswith("0") else "0" + national
    return digits if digits.startswith("0") and not digits.startswith("00") else None


# Service numbers a brief may print: freephone, premium and shared-cost lines are organisations'.
SERVICE_TYPES = {
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
}


def phone_numbers(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a landline or mobile number reaches a family or a worker. UK numbers by their digits
    # (Ofcom's drama ranges included); any other valid number through `phonenumbers`.
    for start, end, written, digits in _digit_runs(text):
        if _is_phone_number(written, digits):
            yield Hit(start, end)
    if "/" in text:
        for match in SLASHED_PHONE.finditer(text):
            if UK_NUMBER.fullmatch(re.sub(r"\D", "", match.group())):
                yield Hit(*match.span())


def _is_phone_number(written: str, digits: str) -> bool:
    national = uk_phone_digits(written, digits)
    if national is not None:
        return bool(UK_NUMBER.fullmatch(national))
    international = digits if written.startswith("+") else digits[2:] if digits.startswith("00") else ""
    if not international or international[0] == "0":  # no country code starts with 0
        return False
    return _is_international_number("+" + international)


@functools.lru_cache(maxsize=4096)  # a pasted table repeats its figures
def _is_international_number(written: str) -> bool:
    try:
        number = phonenumbers.parse(written, "GB")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) not in SERVICE_TYPES


def nhs_numbers(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: an NHS number identifies one patient; only numbers with a valid check digit count,
    # written whole, as 3-3-4, or with a separator between every digit.
    for start, end, written, digits in _digit_runs(text):
        groups = [len(group) for group in re.findall(r"\d+", written)]
        if len(digits) == 10 and groups in ([10], [3, 3, 4], [1] * 10) and nhs.is_valid(digits):
            yield Hit(start, end)


def pupil_numbers(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a Unique Pupil Number follows one child through every school in England.
    for match in UPN.finditer(text):
        if upn.is_valid(re.sub(r"[ .\-]", "", match.group()).upper()):
            yield Hit(*match.span())


def postcodes(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a full postcode narrows a home to a handful of addresses.
    yield from _hits(POSTCODE, text)


def dates_of_birth(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a full date, "born in/on ...", or a birthday next to an age can be a date of birth.
    # Each pattern runs only when the words it needs are there (see `Text`).
    quick = quick or Text(text)
    months = not quick.lower_words.isdisjoint(MONTH_WORDS)
    if "born" in quick.lower_words:
        yield from _hits(BORN_ON, text)
    if quick.digits and not quick.lower_words.isdisjoint(BIRTHDAY_WORDS):
        for match in BIRTHDAY.finditer(text):
            numbers = match["on_day_month"] or match["day_month"]
            if numbers is None or (
                _is_day_and_month(*re.split(r"[/.]", numbers)) and not _numbered(text, numbers, match.start())
            ):
                yield Hit(*match.span())
    if months and quick.digits:
        yield from _hits(WORDED_DATE, text)
    if quick.digit_followed_by(NUMBERS_DATED):
        yield from _hits(ISO_DATE, text)
        for match in NUMERIC_DATE.finditer(text):
            day, month = match["day"] or match["spaced_day"], match["month"] or match["spaced_month"]
            if _is_day_and_month(day, month) and not _numbered(text, match.group(), match.start()):
                yield Hit(*match.span())
    if _labelled(quick):  # last: a full date it holds is reported as such
        yield from _hits(LABELLED_BIRTH_DATE, text)


def _is_day_and_month(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


# What numbers written like a date are when these words come just before them: "Years 9/10/11",
# "paragraph 3.2.11".
NUMBERED = re.compile(r"(?<![\w-])(?i:years?|paragraphs?|paras?|sections?|§)[ \t]*$")
PARAGRAPH_NUMBER = re.compile(r"\d\.\d\.\d\d")  # 3.2.11; a date writes 03.02.11 or 3.2.2011


def _numbered(text: str, written: str, start: int) -> bool:
    """Whether date-like numbers `written` at `start` (no four-digit year) are a school year or a
    paragraph number: after one of the `NUMBERED` words ("Years 9/10/11", "section 4.1.12"), or
    dotted single digits before a two-digit end ("3.2.11"). "C-section 12/03/2019" stays a date."""
    if re.search(r"\d{4}", written):
        return False
    start = text.find(written, start)  # the numbers themselves, after any words before them
    return bool(NUMBERED.search(text, max(0, start - 12), start) or PARAGRAPH_NUMBER.fullmatch(written))


def ni_numbers(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a National Insurance number identifies one adult (or a young person from 16).
    yield from _hits(NI_NUMBER, text)


def street_addresses(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a street, with or without a house number, or a named estate locates a family's home.
    # Each pattern runs only when the capitalised street word it ends in is there.
    quick = quick or Text(text)
    if quick.words.isdisjoint(STREET_WORDS):
        return
    if quick.digit_followed_by(DIGIT_THEN_NAME) or not quick.words.isdisjoint(DWELLINGS):
        yield from _hits(STREET_ADDRESS, text)
    if not quick.lower_words.isdisjoint(HOME_WORDS):
        for match in HOME_STREET.finditer(text):
            district = match["preposition"].lower() == "in" and (
                match["street"] in DISTRICT_WORDS or (match["street"] == "St" and SAINTS_TOWN.match(text, match.end()))
            )
            if not district and _names_a_place(match["place"]):
                yield Hit(*match.span("place"))
    if "Estate" in quick.words:
        for match in ESTATE.finditer(text):
            if _names_a_place(match.group()):
                yield Hit(*match.span())


# What "Court" and "Estate" are after these words: a court of law ("moved to the High Court"),
# or the custody of children ("remanded to the Youth Secure Estate"), never a home.
NOT_HOMES = {
    "Court": {"High", "Family", "Crown", "County", "Magistrates", "Magistrates'", "Youth", "Coroner's", "Supreme"},
    "Estate": {"Youth", "Secure", "Children's", "Juvenile"},
}


def _names_a_place(place: str) -> bool:
    """Whether a street or an estate may be a home: not "the High Court", "the Youth Secure
    Estate" (`NOT_HOMES`)."""
    *before, last = place.split()
    return not before or not set(before) <= NOT_HOMES.get(last, set())


def named_places(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a named school, nursery, GP surgery or hospital ward narrows a child to a few hundred.
    for match in INSTITUTION.finditer(text):
        starts = [(word.start(), word.group()) for word in re.finditer(r"\S+", match["name"])]
        while starts and (starts[0][1] in NOT_PLACE_NAMES or starts[0][1] in ("of", "and", "&")):
            starts.pop(0)
        if starts:  # "the Special School" names no school; "Example Special School" does
            yield Hit(match.start("name") + starts[0][0], match.end())


def named_people(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a relative or professional followed by a name ("mother Jane Example", "Dr Example",
    # "the allocated worker, Jane Example").
    for match in NAMED_PERSON.finditer(text):
        name = match["name"] or match["capitals"]
        surname = re.search(r"[A-Z][\w'’-]*", name).group()  # after any particle ("de", "d'")
        if surname.removesuffix("'s").removesuffix("’s").title() not in NOT_NAMES:
            yield Hit(match.start(), match.end(), name.title() if match["capitals"] else name)


def named_children(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a child described or named in context ("Jane is a 7 year old girl", "called Jane").
    for pattern in (DESCRIBED_CHILD, CALLED_CHILD):
        for match in pattern.finditer(text):
            if match["name"] not in NOT_NAMES and not _named_after_tail(text, match.end()):
                yield Hit(match.start(), match.end(), match["name"])


def given_names(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a common given name that is not a declared pseudonym may be a child's real name, also
    # in capitals ("JANE", "Jane SMITH" as case records write names). Not a saint's ("St Mary's
    # Hospital") nor a name something is named after ("Lucy Faithfull Foundation", "Clare's Law").
    for match in CAPITALISED_WORD.finditer(text):
        if match["name"] in GIVEN_NAMES and not _named_after(text, match):
            yield Hit(match.start(), match.end(), match["name"])
    for match in CAPITALS.finditer(text):
        if match.group() in GIVEN_NAMES_IN_CAPITALS and not _named_after(text, match, capitals=True):
            yield Hit(match.start(), match.end(), match.group().title())


def _named_after(text: str, match: re.Match, *, capitals: bool = False) -> bool:
    """Whether the name `match` found is a saint's, or what a hospital, charity, scheme or law is
    named after (`NAMED_AFTER`), rather than a person in the text."""
    if SAINT.search(text, max(0, match.start() - 7), match.start()):
        return True
    return _named_after_tail(text, match.end(), capitals=capitals)


def _named_after_tail(text: str, end: int, *, capitals: bool = False) -> bool:
    """Whether the words from `end` on say what a name names (`NAMED_AFTER`, or `NAMED_AFTER_IF`
    with a possessive or before one of `NAMED_AFTER`)."""
    tail = (NAMED_AFTER_IN_CAPITALS if capitals else NAMED_AFTER_TAIL).match(text, end)
    if tail is None:
        return False
    if tail["what"].title() not in NAMED_AFTER_IF_WORDS:
        return True
    possessive = "'" in tail.group() or "’" in tail.group() or text[max(0, end - 2) : end].lower() in ("'s", "’s")
    surname = len(tail.group().split()) > 1  # "Ronald McDonald House", not "Jack House"
    return possessive or surname or _named_after_tail(text, tail.end(), capitals=capitals)


def mixed_scripts(text: str, quick: Text | None = None) -> Iterator[Hit]:
    # Why: a Cyrillic or Greek letter inside a Latin word ("Jаne") hides a name from every other
    # detector while looking the same on the page; no English word mixes alphabets.
    for match in LETTERS.finditer(text):
        word = match.group()
        if NOT_LATIN.search(word) and re.search(r"[A-Za-z]", word):
            yield Hit(*match.span())


# --- Reading a text as the page shows it -------------------------------------------------------

# Characters Word, case systems and email paste that change nothing on the page, or only spacing.
# Invisible letters: the Hangul fillers are letters to Unicode (every other invisible character
# is a format character or a mark, which `_fold` drops by its category).
INVISIBLE = frozenset("\u115f\u1160")
# What the normaliser looks at: non-ASCII characters, HTML entities and percent-escapes.
SPECIAL = re.compile(r"[^\x00-\x7f]|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?|%[0-9A-Fa-f]{2}")
# Markdown that the page does not show as text: emphasis, code marks, link brackets and targets.
MARKUP = re.compile(r"\*+|`+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])|\]\([^)\n]*\)|\[")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ADDRESS = re.compile(r"(?i:https?|mailto|tel):\S+")  # a resource's url: its path can spell a name


@dataclass(frozen=True)
class View:
    """A reading of a text that knows, for each of its characters, which character of the
    original it came from, so a finding is reported where it was written. A normalised reading
    keeps an explicit map (`origin`, None when nothing moved); a rendered one keeps only where it
    cut Markdown out of its `base` (`cuts`: the start of each kept piece and how far it moved)."""

    text: str
    origin: list[int] | None = None
    base: View | None = None  # for a rendered reading: the reading its Markdown was cut from

    def position_in_original(self, position: int) -> int:
        if self.base is not None:
            return self.base.position_in_original(position + self._shift(position))
        return position if self.origin is None else self.origin[position]

    def _shift(self, position: int) -> int:
        """How many characters were cut before `position` (worked out only for a finding)."""
        starts, cut = self._cuts
        found = bisect.bisect_right(starts, position)
        return cut[found - 1] if found else 0

    @functools.cached_property
    def _cuts(self) -> tuple[list[int], list[int]]:
        """Where each piece of Markdown was cut, as a position in this reading, and how much was
        cut up to and with it: found once, so a text with thousands of findings stays quick."""
        starts, cut, total = [], [], 0
        for match in MARKUP.finditer(self.base.text):
            starts.append(match.start() - total)
            total += match.end() - match.start()
            cut.append(total)
        return starts, cut

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.position_in_original(start), self.position_in_original(end - 1) + 1


def _fold(char: str) -> str:
    category = unicodedata.category(char)
    # Invisible to a reader: format characters (direction marks, tag characters), variation
    # selectors and combining marks (an underline under "Ja̲ne"), read through as if absent.
    if char in INVISIBLE or category in ("Cf", "Mn", "Me"):
        return ""
    if category == "Zs" or char in "\u2028\u2029\x85":
        return " "
    if category == "Pd":  # non-breaking hyphen, en and em dashes: a hyphen to a pattern
        return "-"
    # Compatibility forms as their letters (full-width, ligatures), and accents dropped, so
    # "Zoë" reads "Zoe" and "Ní" reads "Ni" as the lists and patterns are written.
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


def normalise(text: str) -> View:
    """The text as a reader sees it: NFKD without accents, spaces, no invisible characters, entities decoded."""
    if text.isascii() and "&" not in text and "%" not in text:
        return View(text)
    parts: list[str] = []
    origin: list[int] = []
    position = 0
    for match in SPECIAL.finditer(text):
        parts.append(text[position : match.start()])
        origin.extend(range(position, match.start()))
        token = match.group()
        if token[0] == "&":
            decoded = html.unescape(token)
        elif token[0] == "%" and len(token) == 3:
            decoded = unquote(token) if 0x20 < int(token[1:], 16) < 0x7F else token
        else:
            decoded = token
        if decoded == token and len(token) > 1:  # an ampersand or percent that is just text
            parts.append(token)
            origin.extend(range(match.start(), match.end()))
        else:
            folded = "".join(_fold(char) for char in decoded)
            parts.append(folded)
            origin.extend([match.start()] * len(folded))
        position = match.end()
    parts.append(text[position:])
    origin.extend(range(position, len(text)))
    return View("".join(parts), origin)


def plain(view: View) -> View | None:
    """The text its Markdown renders to (emphasis, code marks and link syntax removed), or None
    when it holds none, so `J*an*e` and `Jane*met Oliver* today` read as the page shows them."""
    if not any(mark in view.text for mark in "*_`["):
        return None
    rendered = MARKUP.sub("", view.text)
    return None if rendered == view.text else View(rendered, base=view)


@functools.lru_cache(maxsize=4096)  # ids repeat in every brief: case-1, theme ids, years
def read_slug(text: str) -> View:
    """An id, a file name or an address as the words it spells: `case-jane-example` reads
    `Case Jane Example`; `07700-900123` keeps the hyphens between digits. Same length, so
    positions do not move."""
    words = re.sub(r"(?<![0-9])[-_]|[-_](?![0-9])", " ", text)
    return View(re.sub(r"(?<![a-z])[a-z]", lambda m: m.group().upper(), words))


def views(text: str) -> list[View]:
    """Every reading of `text` the guard scans: as written (normalised), and as rendered; an id
    or file name as the words it spells, and an address both as written and as words."""
    if SLUG.fullmatch(text):
        return [read_slug(text)]
    written = normalise(text)
    if ADDRESS.fullmatch(written.text):
        spelt = read_slug(written.text)
        return [written, View(spelt.text, written.origin)]
    rendered = plain(written)
    return [written] if rendered is None else [written, rendered]


# --- Scanning ----------------------------------------------------------------------------------

# Cheap tests that say when a detector cannot match, so its slower regular expression is not
# run: most text holds no "@", no digits, no role word and no "is a". A check of a national
# collection scans tens of thousands of texts.
DIGIT = re.compile(r"\d")
DIGIT_THEN_NAME = re.compile(r"\d[A-Za-z]?,?[ \t]+[A-Z]")
DIGIT_THEN_TWO_LETTERS = re.compile(r"\d[A-Za-z]{2}(?![A-Za-z])")  # a postcode's inward code
SEVEN_DIGITS = re.compile(r"\d(?:[^\w\n]{0,3}\d){6}")  # the shortest phone or NHS number
ELEVEN_DIGITS = re.compile(r"\d(?:[ .\-]?\d){10}")  # a Unique Pupil Number's digits
SIX_DIGITS_AND_LETTER = re.compile(r"\d(?:[ .\-]{0,2}\d){5}[ .\-]{0,2}[A-Da-d]\b")  # an NI number's end
NUMBERS_DATED = re.compile(  # 1/2/10, 2010-02-01, 12 / 03 / '10, 12 03 2010
    r"\d{1,4} ?[/.-] ?\d{1,2} ?[/.-] ?['’]?\d|\d{1,2} \d{1,2} (?:19|20)\d\d"
)
WORD = re.compile(r"[A-Za-z]+")
ROLE_WORDS = frozenset(
    "mother mum father dad gran nan grandmother grandfather grandma grandpa grandmum granddad aunt "
    "auntie uncle brother sister cousin partner boyfriend girlfriend husband wife carer worker "
    "headteacher teacher gp visitor midwife nurse paediatrician therapist officer stepmother "
    "stepfather stepmum stepdad stepbrother stepsister step half senco iro doctor consultant "
    "psychologist psychiatrist practitioner advocate manager son daughter sibling matron".split()
)
TITLE_WORDS = frozenset(re.findall(r"[A-Z][A-Za-z]+", TITLE))
PLACE_WORDS = frozenset(
    "School Academy College Primary Nursery Preschool Pre Centre Surgery Practice Ward Unit PRU Playgroup Play Hub "
    "Club".split()
)
STREET_WORDS = frozenset(re.findall(r"[A-Z][a-z]+", STREET_WORD))
HOME_WORDS = frozenset(
    "live lives living lived reside resides residing moved moving housed rehoused staying stays "
    "stayed home address flat".split()
)
BIRTHDAY_WORDS = frozenset("birthday turned turns aged age".split())
MONTH_WORDS = frozenset(month.lower() for month in MONTHS + SHORT_MONTHS)


class Text:
    """A text with what the quick tests need, worked out once: its words, and where its digits
    are (few, in most texts), so the tests look only there."""

    def __init__(self, text: str):
        self.text = text
        self.words = set(WORD.findall(text))
        self.lower_words = {word.lower() for word in self.words}
        self.digits = [match.start() for match in DIGIT.finditer(text)]

    def digit_followed_by(self, pattern: re.Pattern) -> bool:
        return any(pattern.match(self.text, position) for position in self.digits)


def _labelled(t: Text) -> bool:
    return not t.lower_words.isdisjoint({"birth", "dob"}) or "d.o.b" in t.text.lower()


def _may_be_dated(t: Text) -> bool:
    return _labelled(t) or "born" in t.lower_words or bool(t.digits)


def _may_name_a_child(t: Text) -> bool:
    described = not t.lower_words.isdisjoint({"is", "was"}) and not t.lower_words.isdisjoint({"a", "an"})
    return described or not t.lower_words.isdisjoint({"named", "called", "known"})


def _may_name_a_person(t: Text) -> bool:
    return not t.lower_words.isdisjoint(ROLE_WORDS) or not t.words.isdisjoint(TITLE_WORDS) or "c/o" in t.text


def _may_name_a_street(t: Text) -> bool:
    return not t.words.isdisjoint(STREET_WORDS)


Detector = Callable[[str, "Text"], Iterator[Hit]]  # (the text, its quick tests)

# (kind, detector, whether it can match at all), most specific first: a match inside text
# overlapping one already reported or allowed is skipped, so "mother Jane Example" is one
# finding, not also "Jane".
DETECTORS: list[tuple[str, Detector, Callable[[Text], bool]]] = [
    ("a social media handle", social_handles, lambda t: "@" in t.text),
    ("an email address", emails, lambda t: "@" in t.text or "at" in t.lower_words),
    ("a Unique Pupil Number", pupil_numbers, lambda t: t.digit_followed_by(ELEVEN_DIGITS)),
    ("a phone number", phone_numbers, lambda t: t.digit_followed_by(SEVEN_DIGITS)),
    ("an NHS number", nhs_numbers, lambda t: t.digit_followed_by(SEVEN_DIGITS)),
    ("a National Insurance number", ni_numbers, lambda t: t.digit_followed_by(SIX_DIGITS_AND_LETTER)),
    ("a postcode", postcodes, lambda t: t.digit_followed_by(DIGIT_THEN_TWO_LETTERS)),
    ("a date that could be a date of birth", dates_of_birth, _may_be_dated),
    ("a street address", street_addresses, _may_name_a_street),
    ("a named school, nursery, surgery or ward", named_places, lambda t: not t.words.isdisjoint(PLACE_WORDS)),
    ("a named relative or professional", named_people, _may_name_a_person),
    ("a named child", named_children, _may_name_a_child),
    (
        "a given name that is not a declared pseudonym",
        given_names,
        lambda t: not t.words.isdisjoint(GIVEN_NAMES) or not t.words.isdisjoint(GIVEN_NAMES_IN_CAPITALS),
    ),
    (
        "a word mixing alphabets (a Cyrillic or Greek letter among Latin ones)",
        mixed_scripts,
        lambda t: not t.text.isascii(),
    ),
]
# Joins the views of one brief so each detector runs once per brief; no pattern matches across it.
SEPARATOR = "\n\x00\n"


@dataclass(frozen=True)
class Finding:
    """One suspected identifying detail: which text holds it, the message, the detail as the
    page shows it, and as it is written in the text (to locate it in the file)."""

    index: int
    kind: str
    message: str
    found: str
    written: str


def scan(text: str, *, pseudonyms: Iterable[str] = (), allowed: Iterable[str] = ()) -> Iterator[str]:
    """Yield one message per suspected identifying detail in `text`."""
    for finding in scan_all([text], pseudonyms=pseudonyms, allowed=allowed):
        yield finding.message


def declared_names(pseudonyms: Iterable[str]) -> set[str]:
    """The words of the declared pseudonyms, without their `*`: the only names allowed, as
    written and capitalised (a name in capitals is looked up capitalised: "FELIX" as "Felix")."""
    words = {word for name in pseudonyms for word in normalise(name).text.replace("*", " ").split()}
    return words | {word.title() for word in words}


def scan_all(
    texts: Sequence[str], *, pseudonyms: Iterable[str] = (), allowed: Iterable[str] = (), fix: str = FIX
) -> Iterator[Finding]:
    """Yield a `Finding` per suspected identifying detail, in reading order of each text."""
    declared = declared_names(pseudonyms)
    reviewed = {normalise(entry).text.strip() for entry in allowed}
    holders: dict[str, list[int]] = {}  # each distinct text, scanned once: ids repeat in a brief
    for index, text in enumerate(texts):
        holders.setdefault(text, []).append(index)
    texts = list(holders)
    readings: list[tuple[int, View]] = [(index, view) for index, text in enumerate(texts) for view in views(text)]
    starts, position = [], 0
    for _, view in readings:
        starts.append(position)
        position += len(view.text) + len(SEPARATOR)
    joined = SEPARATOR.join(view.text for _, view in readings)
    quick = Text(joined)
    covered: list[set[int]] = [set() for _ in texts]  # positions in each original text already dealt with
    findings: list[tuple[int, int, Finding]] = []
    said: set[tuple[int, str]] = set()
    for kind, detector, can_match in DETECTORS:
        if not can_match(quick):
            continue
        for hit in detector(joined, quick):
            reading = bisect.bisect_right(starts, hit.start) - 1
            index, view = readings[reading]
            offset = starts[reading]
            found = joined[hit.start : hit.end].strip()
            if not found or "\x00" in found:
                continue
            start, end = view.span_in_original(hit.start - offset, hit.end - offset)
            span = range(start, end)
            if any(position in covered[index] for position in span):
                continue
            if found in reviewed:
                covered[index].update(span)
            elif hit.name is None or not all(word in declared for word in hit.name.split()):
                covered[index].update(span)
                written = texts[index][start:end].strip()
                message = f"looks like {kind} '{found}': {fix}"
                if (index, message) in said:
                    continue  # the same detail again in the same text (a table of figures): said once
                said.add((index, message))
                for holder in holders[texts[index]]:
                    findings.append((holder, start, Finding(holder, kind, message, found, written)))
    for _, _, finding in sorted(findings, key=lambda item: item[:2]):
        yield finding
