"""Property: whatever bytes an editor saves as a brief, the loader returns records or clean
problems (file, line, column, message), never another exception."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.content import Catalogue, load
from macros.model import Brief, Case, KeyMessage, Strength
from macros.problems import ContentError
from support import FIXTURES

FIELDS = sorted({*Brief.model_fields, *Case.model_fields, *Strength.model_fields, *KeyMessage.model_fields})


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """A copy of the fixture data whose brief each example overwrites."""
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(FIXTURES / "site" / "data", target)
    return target


def outcome_of(data: Path, raw: bytes):
    (data / "briefs" / "2099-00-fixture.yml").write_bytes(raw)
    try:
        return load(data)
    except ContentError as error:
        return error


def assert_clean(result):
    if isinstance(result, ContentError):
        assert result.problems
        for problem in result.problems:
            assert problem.file.startswith("data/") and problem.line >= 1 and problem.column >= 1
            assert isinstance(problem.message, str) and problem.message
            assert "Traceback" not in problem.message
    else:
        assert isinstance(result, Catalogue)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_bytes(data, raw):
    assert_clean(outcome_of(data, raw))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}#'\"\n\t *&!|>?%@`,.0123456789")), max_size=300))
def test_any_yaml_punctuation(data, text):
    assert_clean(outcome_of(data, text.encode("utf-8")))


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30), st.dates()
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(FIELDS), children, max_size=5),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FIELDS), values, max_size=10))
def test_any_brief_shaped_data(data, brief):
    assert_clean(outcome_of(data, yaml.safe_dump(brief, allow_unicode=True).encode("utf-8")))


def test_the_fixture_itself_loads(data):
    assert_clean(outcome_of(data, (FIXTURES / "site" / "data" / "briefs" / "2099-00-fixture.yml").read_bytes()))
    assert isinstance(
        outcome_of(data, (FIXTURES / "site" / "data" / "briefs" / "2099-00-fixture.yml").read_bytes()), Catalogue
    )
