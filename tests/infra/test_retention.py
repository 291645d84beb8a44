"""DOMAIN.md, retention: no record or material can be deleted or overwritten within 5 years of its creation."""

from __future__ import annotations

from typing import Any

import pytest

from tests.infra._refs import grants

pytestmark = pytest.mark.infra

# What would let someone remove a material, a version of it, or its retention.
MATERIAL_THREATS = [
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:PutObjectRetention",
    "s3:BypassGovernanceRetention",
    "s3:PutBucketObjectLockConfiguration",
    "s3:PutLifecycleConfiguration",
    "s3:PutBucketVersioning",
    "s3:DeleteBucket",
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
]
# What would let someone remove records, the table, or its protections.
TABLE_THREATS = [
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:PartiQLDelete",
    "dynamodb:DeleteTable",
    "dynamodb:UpdateTable",
    "dynamodb:UpdateContinuousBackups",
    "dynamodb:DeleteBackup",
]
# Managed policies SAM attaches by itself (logs, X-Ray, reading SQS); none touches S3 or DynamoDB.
HARMLESS_MANAGED_POLICIES = {"AWSLambdaBasicExecutionRole", "AWSXrayWriteOnlyAccess", "AWSLambdaSQSQueueExecutionRole"}


def test_materials_are_locked_in_compliance_mode_for_five_years(template: dict[str, Any]) -> None:
    # Given the materials bucket
    props = template["Resources"]["MaterialsBucket"]["Properties"]
    lock = props["ObjectLockConfiguration"]
    # Then every object version is kept 5 years in COMPLIANCE mode (not even root can shorten it)
    assert props["ObjectLockEnabled"] is True
    assert lock["ObjectLockEnabled"] == "Enabled"
    assert lock["Rule"]["DefaultRetention"] == {"Mode": "COMPLIANCE", "Years": 5}
    # And an upload to an existing key makes a new version rather than replacing the old one
    assert props["VersioningConfiguration"] == {"Status": "Enabled"}


def test_materials_are_never_public_and_only_reached_over_tls(template: dict[str, Any]) -> None:
    props = template["Resources"]["MaterialsBucket"]["Properties"]
    assert props["PublicAccessBlockConfiguration"] == dict.fromkeys(
        ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"], True
    )
    policy = template["Resources"]["MaterialsBucketPolicy"]["Properties"]
    assert policy["Bucket"] == {"Ref": "MaterialsBucket"}
    tls = [
        s
        for s in policy["PolicyDocument"]["Statement"]
        if s.get("Condition") == {"Bool": {"aws:SecureTransport": "false"}}
    ]
    assert [(s["Effect"], s["Principal"], s["Action"]) for s in tls] == [("Deny", "*", "s3:*")]


def test_nothing_in_the_stack_grants_deleting_or_unlocking_a_material(transformed: dict[str, Any]) -> None:
    # Given every policy the deployed stack would create (function roles, bucket and queue policies)
    # Then none allows removing a material or weakening its lock
    assert grants(transformed, MATERIAL_THREATS, "MaterialsBucket") == []


def test_nothing_in_the_stack_grants_deleting_records_or_unprotecting_the_table(transformed: dict[str, Any]) -> None:
    assert grants(transformed, TABLE_THREATS, "Table") == []


def test_roles_carry_no_managed_policy_beyond_sams_own_harmless_ones(transformed: dict[str, Any]) -> None:
    attached = {
        str(arn).rsplit("/", 1)[-1]
        for r in transformed["Resources"].values()
        if r["Type"] == "AWS::IAM::Role"
        for arn in r["Properties"].get("ManagedPolicyArns", [])
    }
    assert attached <= HARMLESS_MANAGED_POLICIES


@pytest.mark.parametrize(
    ("resource", "action", "target", "threats"),
    [
        ({"Fn::Sub": "${MaterialsBucket.Arn}/*"}, "s3:Delete*", "MaterialsBucket", MATERIAL_THREATS),
        ("*", "s3:*", "MaterialsBucket", MATERIAL_THREATS),
        ({"Fn::GetAtt": ["Table", "Arn"]}, "dynamodb:*", "Table", TABLE_THREATS),
        ({"Fn::GetAtt": ["Table", "Arn"]}, "dynamodb:DeleteItem", "Table", TABLE_THREATS),
    ],
)
def test_the_grant_check_catches_a_dangerous_statement(
    transformed: dict[str, Any], resource: Any, action: str, target: str, threats: list[str]
) -> None:
    # Given the API function's role with one more statement slipped in
    policy = transformed["Resources"]["ApiFunctionRole"]["Properties"]["Policies"][0]["PolicyDocument"]
    policy["Statement"].append({"Effect": "Allow", "Action": action, "Resource": resource})
    # When the stack is checked  Then the statement is reported
    assert len(grants(transformed, threats, target)) == 1


def test_records_outlive_the_stack_and_can_be_restored(template: dict[str, Any]) -> None:
    # Given the records table
    table = template["Resources"]["Table"]
    props = table["Properties"]
    # Then deleting or replacing the stack keeps it, the API refuses to delete it, and it restores to any second
    assert (table["DeletionPolicy"], table["UpdateReplacePolicy"]) == ("Retain", "Retain")
    assert props["DeletionProtectionEnabled"] is True
    assert props["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    # And it is encrypted with the stack's own key (rotated yearly), which is kept as long
    assert props["SSESpecification"] == {"SSEEnabled": True, "SSEType": "KMS", "KMSMasterKeyId": {"Ref": "DataKey"}}
    key = template["Resources"]["DataKey"]
    assert (key["DeletionPolicy"], key["Properties"]["EnableKeyRotation"]) == ("Retain", True)


def test_the_materials_bucket_and_user_pool_outlive_the_stack(template: dict[str, Any]) -> None:
    for name in ("MaterialsBucket", "UserPool"):
        assert template["Resources"][name]["DeletionPolicy"] == "Retain"
    assert template["Resources"]["UserPool"]["Properties"]["DeletionProtection"] == "ACTIVE"
