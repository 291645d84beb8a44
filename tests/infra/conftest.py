"""The SAM template as the tests read it: parsed as written, and transformed by SAM's own translator."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "infra" / "template.yaml"
CODE_URI = "s3://gdskills-code-packages/gdskills.zip"  # where `sam package` would have put the code


class NoManagedPoliciesLoader:
    """SAM asks this loader only to resolve *named* managed policies in a function's Policies.

    The template grants inline statements only, so nothing should be asked; if something is, the
    translation fails instead of quietly attaching a policy the tests never saw.
    """

    def load(self) -> dict[str, str]:
        raise AssertionError("the template names an AWS managed policy; grant inline statements instead")


def load_template() -> dict[str, Any]:
    from samtranslator.yaml_helper import yaml_parse

    template: dict[str, Any] = yaml_parse(TEMPLATE.read_text(encoding="utf-8"))
    return template


def transform(region: str = "us-east-1", parameters: dict[str, str] | None = None) -> dict[str, Any]:
    """The template as CloudFormation sees it after the SAM transform in `region`, the code already packaged.

    What `samtranslator.translator.transform.transform` does, with the region given instead of read from
    the environment (so a test can translate for aws-cn).
    """
    import boto3
    from samtranslator.parser.parser import Parser
    from samtranslator.translator.translator import Translator
    from samtranslator.utils.py27hash_fix import to_py27_compatible_template, undo_mark_unicode_str_in_template

    template = load_template()
    assert template["Globals"]["Function"]["CodeUri"] == "..", "the contract: the code is the repository root"
    template["Globals"]["Function"]["CodeUri"] = CODE_URI
    values: dict[str, Any] = dict(parameters or {})
    to_py27_compatible_template(template, values)
    translator = Translator(None, Parser(), boto_session=boto3.session.Session(region_name=region))
    result = translator.translate(
        template, parameter_values=values, get_managed_policy_map=NoManagedPoliciesLoader().load
    )
    translated: dict[str, Any] = undo_mark_unicode_str_in_template(result)
    return translated


@pytest.fixture(scope="session")
def template() -> dict[str, Any]:
    return load_template()


@pytest.fixture(scope="session")
def _transformed() -> dict[str, Any]:
    return transform()


@pytest.fixture
def transformed(_transformed: dict[str, Any]) -> dict[str, Any]:
    """A fresh copy per test, so a test may change it."""
    return copy.deepcopy(_transformed)
