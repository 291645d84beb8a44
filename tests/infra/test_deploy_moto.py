"""The transformed template created in moto's CloudFormation, then a filing submitted against that stack.

moto's CloudFormation creates what it has models for and skips the rest with a warning; the types it lacks
are removed below on purpose, each with its reason, so the test knows exactly what it did not deploy. The
full template still goes through cfn-lint and checkov (test_template_checks.py) and its settings are
checked as written (test_template_contract.py, test_retention.py).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import FakeLambdaContext, http_event
from tests.infra._refs import references
from tests.infra.conftest import CODE_URI, ROOT, transform

pytestmark = pytest.mark.infra

REGION = "us-east-1"
STACK = "gdskills-dev"
# Resource types in the template that moto 5's CloudFormation cannot create, and why that is acceptable here.
NOT_IN_MOTO = {
    "AWS::ApiGatewayV2::Api": "no HTTP API model; the test calls the handler with the event the HTTP API would send",
    "AWS::ApiGatewayV2::Stage": "belongs to the HTTP API above",
    "AWS::Cognito::UserPool": "no Cognito model; the test passes the claims the JWT authorizer would",
    "AWS::Cognito::UserPoolClient": "belongs to the user pool",
    "AWS::Cognito::UserPoolGroup": "belongs to the user pool",
    "AWS::Cognito::UserPoolDomain": "belongs to the user pool (the hosted sign-in pages)",
    "AWS::CloudFront::Distribution": "no CloudFront model; the site is not part of a filing",
    "AWS::CloudFront::CachePolicy": "belongs to the distribution",
    "AWS::CloudFront::Function": "belongs to the distribution",
    "AWS::CloudFront::OriginAccessControl": "belongs to the distribution",
    "AWS::CloudFront::ResponseHeadersPolicy": "belongs to the distribution",
    "AWS::WAFv2::WebACL": "no WAF model; it filters requests before they reach the API",
    "AWS::WAFv2::LoggingConfiguration": "belongs to the web ACL",
    "AWS::CloudWatch::Alarm": "moto models dashboards only; alarms watch, they do not serve",
    "AWS::SNS::Subscription": "moto models topics, not their subscriptions; the alarm mail address is optional",
    "AWS::S3::BucketPolicy": "no model; moto does not enforce resource policies anyway",
    "AWS::SQS::QueuePolicy": "no model; moto does not enforce resource policies anyway",
    "AWS::SES::EmailIdentity": "no model; filing does not send mail itself (the notify function does, via SQS)",
}
ENTERPRISE = {
    "sub": "4f1c2d7e-5b6a-4c3d-9e8f-0a1b2c3d4e5f",
    "cognito:groups": "[enterprise]",  # how the HTTP API's JWT authorizer hands a list over
    "custom:uscc": "91440101MA59CDX462",
    "custom:city": "440100",
    "email": "hr@gzjingjia.example.cn",
}
FILING = {
    "enterprise": {
        "name": "广州精加机械制造有限公司",
        "uscc": "91440101MA59CDX462",
        "city": "440100",
        "address": "广州市黄埔区科学大道 100 号",
        "categories": ["above_scale"],
    },
    "contact": {"name": "陈晓明", "phone": "13800138000", "email": "hr@gzjingjia.example.cn"},
    "levels": ["T"],
    "occupations": [{"code": "6-18-01-01", "name": "车工"}],
}


# What the functions name of a resource moto cannot create, given a stand-in value instead of dropping the
# functions with it (the API function reads USER_POOL_ID and may administer that pool's users).
STAND_INS = {
    ("Ref", "UserPool"): f"{REGION}_NotInMoto",
    ("Fn::GetAtt", "UserPool"): f"arn:aws:cognito-idp:{REGION}:123456789012:userpool/{REGION}_NotInMoto",
}


def stand_in(node: Any) -> Any:
    """`node` with Ref/GetAtt of the user pool inside function definitions replaced by STAND_INS."""
    if isinstance(node, dict):
        if len(node) == 1:
            ((key, value),) = node.items()
            target = value[0] if isinstance(value, list) else value
            if isinstance(target, str) and (key, target.split(".")[0]) in STAND_INS:
                target = target.split(".")[0]
                return STAND_INS[(key, target)]
        return {k: stand_in(v) for k, v in node.items()}
    if isinstance(node, list):
        return [stand_in(v) for v in node]
    return node


def for_moto(transformed: dict[str, Any], supported: set[str]) -> tuple[dict[str, Any], set[str]]:
    """The transformed template without what moto cannot create, nor what only makes sense with those."""
    transformed = {**transformed, "Resources": dict(transformed["Resources"])}
    for name, resource in transformed["Resources"].items():
        if resource["Type"] in ("AWS::Lambda::Function", "AWS::IAM::Role"):
            transformed["Resources"][name] = stand_in(resource)
    resources = transformed["Resources"]
    removed = {name for name, r in resources.items() if r["Type"] not in supported}
    grew = True
    while grew:  # e.g. the Lambda permissions whose SourceArn is the HTTP API
        dependent = {n for n, r in resources.items() if n not in removed and references(r) & removed}
        removed |= dependent
        grew = bool(dependent)
    kept = {**transformed, "Resources": {n: r for n, r in resources.items() if n not in removed}}
    kept["Outputs"] = {n: o for n, o in transformed["Outputs"].items() if not references(o) & removed}
    return kept, removed


def code_package() -> bytes:
    """What `sam build` would zip for the functions: the functions and schemas packages."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for package in ("functions", "schemas"):
            for path in sorted((ROOT / package).rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    archive.write(path, path.relative_to(ROOT).as_posix())
    return buffer.getvalue()


@pytest.fixture(scope="module")
def stack() -> Iterator[dict[str, Any]]:
    """A stack created in moto from the template; yields its outputs, resources and what was left out."""
    import boto3
    from moto import mock_aws
    from moto.cloudformation.parsing import get_model_map

    with pytest.MonkeyPatch.context() as env:
        env.delenv("AWS_ENDPOINT_URL", raising=False)  # the local server's moto, never here
        for key, value in {
            "AWS_DEFAULT_REGION": REGION,
            "AWS_REGION": REGION,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
        }.items():
            env.setenv(key, value)
        transformed = transform(REGION)
        template, removed = for_moto(transformed, set(get_model_map()))
        # moto runs no Lambda code here: the notify function's queue trigger must not look for Docker.
        with mock_aws(config={"lambda": {"use_docker": False}}):
            bucket, key = CODE_URI.removeprefix("s3://").split("/", 1)
            s3 = boto3.client("s3")
            s3.create_bucket(Bucket=bucket)
            s3.put_object(Bucket=bucket, Key=key, Body=code_package())
            cloudformation = boto3.client("cloudformation")
            cloudformation.create_stack(
                StackName=STACK,
                TemplateBody=json.dumps(template),
                Parameters=[{"ParameterKey": "Stage", "ParameterValue": "dev"}],
                Capabilities=["CAPABILITY_IAM"],
            )
            (described,) = cloudformation.describe_stacks(StackName=STACK)["Stacks"]
            created = cloudformation.list_stack_resources(StackName=STACK)["StackResourceSummaries"]
            yield {
                "status": described["StackStatus"],
                "outputs": {o["OutputKey"]: o["OutputValue"] for o in described.get("Outputs", [])},
                "resources": {r["LogicalResourceId"]: r for r in created},
                "removed": {name: transformed["Resources"][name]["Type"] for name in removed},
                "transformed": transformed,
            }


def test_only_the_types_moto_lacks_were_left_out(stack: dict[str, Any]) -> None:
    # Given what was removed before the moto deploy
    removed_types = set(stack["removed"].values())
    # Then it is exactly the documented list plus the HTTP API's invoke permissions, nothing else
    assert removed_types - {"AWS::Lambda::Permission"} == set(NOT_IN_MOTO)
    permissions = [n for n, t in stack["removed"].items() if t == "AWS::Lambda::Permission"]
    assert all("HttpApi" in references(stack["transformed"]["Resources"][n]) for n in permissions)


def test_the_stack_is_created_with_every_resource_moto_supports(stack: dict[str, Any]) -> None:
    # Given the stack moto created
    core = {"Table", "IdempotencyTable", "MaterialsBucket", "ExportsBucket", "SiteBucket", "AccessLogsBucket"}
    core |= {"NotifyQueue", "NotifyDeadLetterQueue", "ApiFunction", "ApiFunctionRole", "NotifyFunction"}
    core |= {"NotifyFunctionRole", "NotifyFunctionNotifications", "DataKey", "AlarmTopic"}
    # Then it completed, with the data stores, queues and functions among its resources
    assert stack["status"] == "CREATE_COMPLETE"
    assert core <= set(stack["resources"])
    kept = set(stack["transformed"]["Resources"]) - set(stack["removed"])
    assert kept - {"AlarmEmailSubscription"} == set(stack["resources"])


def test_the_deployed_functions_environment_points_at_the_stacks_resources(stack: dict[str, Any]) -> None:
    import boto3

    # Given the API function as moto's Lambda holds it, and the stack's outputs
    config = boto3.client("lambda").get_function_configuration(FunctionName="gdskills-dev-api")
    variables, outputs = config["Environment"]["Variables"], stack["outputs"]
    # Then its environment names the very table, buckets and queue the outputs report
    assert variables["TABLE_NAME"] == outputs["TableName"]
    assert variables["IDEMPOTENCY_TABLE_NAME"] == outputs["IdempotencyTableName"]
    assert variables["MATERIALS_BUCKET"] == outputs["MaterialsBucketName"]
    assert variables["EXPORTS_BUCKET"] == outputs["ExportsBucketName"]
    assert variables["NOTIFY_QUEUE_URL"] == outputs["NotifyQueueUrl"]
    assert (variables["GDSKILLS_STAGE"], variables["POWERTOOLS_SERVICE_NAME"]) == ("dev", "gdskills")
    # (moto ignores Architectures; test_template_contract.py checks arm64 in the template)
    assert config["Handler"] == "functions.api.handler.lambda_handler"


def test_the_tables_and_queue_exist_as_the_code_expects(stack: dict[str, Any]) -> None:
    import boto3

    outputs = stack["outputs"]
    dynamodb = boto3.client("dynamodb")
    table = dynamodb.describe_table(TableName=outputs["TableName"])["Table"]
    assert [k["AttributeName"] for k in table["KeySchema"]] == ["pk", "sk"]
    assert {i["IndexName"] for i in table["GlobalSecondaryIndexes"]} == {"gsi1", "gsi2"}
    assert table["DeletionProtectionEnabled"] is True
    idempotency = dynamodb.describe_table(TableName=outputs["IdempotencyTableName"])["Table"]
    assert [k["AttributeName"] for k in idempotency["KeySchema"]] == ["id"]
    attributes = boto3.client("sqs").get_queue_attributes(QueueUrl=outputs["NotifyQueueUrl"], AttributeNames=["All"])
    redrive = json.loads(attributes["Attributes"]["RedrivePolicy"])
    assert redrive["deadLetterTargetArn"].endswith(":gdskills-dev-notify-dlq")
    assert redrive["maxReceiveCount"] == 5


def reset_stores() -> None:
    """Forget the AWS clients and stores the API built for another test's AWS."""
    from functions.api import deps

    deps.reset()


@pytest.fixture
def api(stack: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    """The API handler configured the way Lambda would run it in this stack: environment from the outputs."""
    outputs = stack["outputs"]
    for name, value in {
        "TABLE_NAME": outputs["TableName"],
        "IDEMPOTENCY_TABLE_NAME": outputs["IdempotencyTableName"],
        "MATERIALS_BUCKET": outputs["MaterialsBucketName"],
        "EXPORTS_BUCKET": outputs["ExportsBucketName"],
        "NOTIFY_QUEUE_URL": outputs["NotifyQueueUrl"],
        "MAIL_FROM": "noreply@example.com",
        "GDSKILLS_STAGE": "dev",
        "POWERTOOLS_SERVICE_NAME": "gdskills",
    }.items():
        monkeypatch.setenv(name, value)
    from functions.api.handler import lambda_handler

    reset_stores()  # stores built by earlier tests point at other tables

    def call(method: str, path: str, body: Any = None, **kwargs: Any) -> tuple[int, Any]:
        answer = lambda_handler(http_event(method, path, body, **kwargs), FakeLambdaContext())
        return answer["statusCode"], json.loads(answer.get("body") or "null")

    yield call
    reset_stores()


def test_a_filing_submitted_through_the_handler_lands_in_the_stacks_table(stack: dict[str, Any], api: Any) -> None:
    import boto3

    # Given an enterprise signed in (the JWT authorizer's claims)
    # When it submits a filing through the API handler
    status, created = api("POST", "/api/filings", FILING, claims=ENTERPRISE, headers={"idempotency-key": "f-1"})
    # Then the API answers as API.md says
    assert status == 201, created
    assert (created["status"], created["version"]) == ("submitted", 1)
    # And reading it back gives the same filing
    status, read = api("GET", f"/api/filings/{created['id']}", claims=ENTERPRISE)
    assert status == 200, read
    assert (read["id"], read["status"], read["version"]) == (created["id"], "submitted", 1)
    # And it was written to the table this stack created (found through the outputs, not by a name we chose)
    items = boto3.client("dynamodb").scan(TableName=stack["outputs"]["TableName"])["Items"]
    assert any(created["id"] in json.dumps(item, ensure_ascii=False) for item in items)
    # And the Idempotency-Key was recorded in the stack's idempotency table
    assert boto3.client("dynamodb").scan(TableName=stack["outputs"]["IdempotencyTableName"])["Count"] == 1
