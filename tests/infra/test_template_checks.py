"""The template passes AWS's linter (cfn-lint) and checkov's security checks, every skip with its reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.infra.conftest import ROOT, TEMPLATE

pytestmark = pytest.mark.infra
BIN = Path(sys.executable).parent


def cfn_lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "cfn-lint"), str(path)], capture_output=True, text=True, cwd=ROOT, check=False)


@pytest.fixture(scope="module")
def checkov_report() -> dict[str, Any]:
    """One checkov run for the module (it takes seconds): the CloudFormation framework only, offline."""
    command = [
        str(BIN / "checkov"),
        *("-f", str(TEMPLATE.relative_to(ROOT)), "--framework", "cloudformation"),
        *("--skip-download", "--output", "json"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def test_cfn_lint_reports_nothing() -> None:
    # Given the template as written  When cfn-lint reads it
    done = cfn_lint(TEMPLATE)
    # Then it has nothing to say, not even a warning
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_cfn_lint_catches_a_broken_object_lock(tmp_path: Path) -> None:
    # Given the template with an Object Lock mode S3 does not know
    broken = tmp_path / "template.yaml"
    broken.write_text(TEMPLATE.read_text(encoding="utf-8").replace("Mode: COMPLIANCE", "Mode: COMPLIANT"))
    # When cfn-lint reads it  Then it fails, so the clean run above means something
    done = cfn_lint(broken)
    assert done.returncode != 0
    assert "COMPLIANT" in done.stdout


def test_checkov_finds_no_failed_check(checkov_report: dict[str, Any]) -> None:
    # Given checkov's report on the template
    summary = checkov_report["summary"]
    failed = [f"{c['check_id']} {c['resource']}" for c in checkov_report["results"]["failed_checks"]]
    # Then it parsed the whole template, ran real checks, and none failed
    assert summary["parsing_errors"] == 0
    assert summary["resource_count"] >= 30
    assert summary["passed"] >= 50
    assert failed == []


def test_every_checkov_skip_carries_its_reason(checkov_report: dict[str, Any]) -> None:
    # Given the checks the template skips (Metadata: checkov: skip)
    skipped = checkov_report["results"]["skipped_checks"]
    # Then each skip says why, in the template, in a sentence
    assert skipped, "the report lists the skips; none found means checkov ignored the Metadata"
    unexplained = [c["check_id"] for c in skipped if len(c["check_result"].get("suppress_comment", "").split()) < 5]
    assert unexplained == []


def test_checkov_skips_no_check_on_the_retention_resources(checkov_report: dict[str, Any]) -> None:
    # Given the resources that keep records and materials for 5 years
    kept = {"AWS::S3::Bucket.MaterialsBucket", "AWS::DynamoDB::Table.Table", "AWS::KMS::Key.DataKey"}
    # Then not one of their checks is skipped: they pass on their own
    assert [c["check_id"] for c in checkov_report["results"]["skipped_checks"] if c["resource"] in kept] == []
    passed_on = {c["resource"] for c in checkov_report["results"]["passed_checks"]}
    assert kept <= passed_on
