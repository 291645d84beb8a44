"""What the code relies on (handlers, routes, environment, keys, outputs) is what the template builds."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.infra.conftest import TEMPLATE, transform

pytestmark = pytest.mark.infra

ENVIRONMENT = {
    "TABLE_NAME": {"Ref": "Table"},
    "IDEMPOTENCY_TABLE_NAME": {"Ref": "IdempotencyTable"},
    "MATERIALS_BUCKET": {"Ref": "MaterialsBucket"},
    "EXPORTS_BUCKET": {"Ref": "ExportsBucket"},
    "NOTIFY_QUEUE_URL": {"Ref": "NotifyQueue"},
    "EXPORT_QUEUE_URL": {"Ref": "ExportQueue"},
    "MAIL_FROM": {"Ref": "MailFrom"},
    "USER_POOL_ID": {"Ref": "UserPool"},
    "GDSKILLS_STAGE": {"Ref": "Stage"},
    "POWERTOOLS_SERVICE_NAME": "gdskills",
    "POWERTOOLS_LOG_LEVEL": {"Ref": "LogLevel"},
    "SITE_URL": {"Fn::If": ["HasDomain", {"Fn::Sub": "https://${DomainName}"}, {"Ref": "SiteUrl"}]},
}
PUBLIC_ROUTES = {
    ("get", "/api/health"),
    ("get", "/api/health/ready"),
    ("post", "/api/eligibility/check"),
    ("get", "/api/reference/{proxy+}"),
    ("get", "/api/campaigns/{year}"),
    ("get", "/api/public/{proxy+}"),
    ("get", "/api/public/certificates/verify"),
    ("get", "/api/openapi.json"),
    ("post", "/api/public/account-requests"),
}


def resources_of(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}


def routes(transformed: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    body = transformed["Resources"]["HttpApi"]["Properties"]["Body"]
    return {(method, path): op for path, ops in body["paths"].items() for method, op in ops.items()}


@pytest.mark.parametrize(
    ("function", "handler"),
    [
        ("ApiFunction", "functions.api.handler.lambda_handler"),
        ("NotifyFunction", "functions.notify.handler.lambda_handler"),
    ],
)
def test_functions_run_the_contracts_handlers_on_arm64_python(
    transformed: dict[str, Any], function: str, handler: str
) -> None:
    # Given a function after the SAM transform
    props = transformed["Resources"][function]["Properties"]
    # Then it runs the agreed handler from the packaged repository, on arm64 and Python 3.11/3.12
    assert props["Handler"] == handler
    assert props["Runtime"] in {"python3.11", "python3.12"}
    assert props["Architectures"] == ["arm64"]
    assert props["Code"] == {"S3Bucket": "gdskills-code-packages", "S3Key": "gdskills.zip"}


@pytest.mark.parametrize("function", ["ApiFunction", "NotifyFunction", "ExportFunction"])
def test_functions_get_every_environment_variable_the_code_reads(transformed: dict[str, Any], function: str) -> None:
    variables = transformed["Resources"][function]["Properties"]["Environment"]["Variables"]
    assert variables == ENVIRONMENT


def test_public_routes_skip_the_authorizer_and_everything_else_needs_a_cognito_token(
    transformed: dict[str, Any],
) -> None:
    # Given the HTTP API's routes
    table = routes(transformed)
    # Then the public ones carry no authorizer
    open_routes = {key for key, op in table.items() if op.get("security") == [{"NONE": []}]}
    assert open_routes == PUBLIC_ROUTES
    # And the catch-all answers every method behind the Cognito JWT authorizer (the API's default)
    catch_all = table[("x-amazon-apigateway-any-method", "/api/{proxy+}")]
    assert catch_all.get("security", [{"CognitoJwt": []}]) == [{"CognitoJwt": []}]
    assert set(table) == PUBLIC_ROUTES | {("x-amazon-apigateway-any-method", "/api/{proxy+}")}


def test_the_jwt_authorizer_trusts_only_this_stacks_user_pool_and_client(template: dict[str, Any]) -> None:
    auth = template["Resources"]["HttpApi"]["Properties"]["Auth"]
    jwt = auth["Authorizers"][auth["DefaultAuthorizer"]]["JwtConfiguration"]
    assert jwt["issuer"] == {"Fn::Sub": "https://cognito-idp.${AWS::Region}.${AWS::URLSuffix}/${UserPool}"}
    assert jwt["audience"] == [{"Ref": "UserPoolClient"}]


def test_user_pool_has_the_four_roles_and_the_tenant_attributes_only_admins_set(template: dict[str, Any]) -> None:
    # Given the Cognito resources
    groups = {g["Properties"]["GroupName"] for g in resources_of(template, "AWS::Cognito::UserPoolGroup").values()}
    pool = template["Resources"]["UserPool"]["Properties"]
    client = template["Resources"]["UserPoolClient"]["Properties"]
    # Then the groups are the API's roles, and custom:uscc / custom:city exist
    assert groups == {"enterprise", "city_reviewer", "province_reviewer", "admin"}
    assert {"uscc", "city"} <= {a["Name"] for a in pool["Schema"]}
    # And nobody signs themselves up or rewrites the attributes that decide what they may see
    assert pool["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    assert not {"custom:uscc", "custom:city"} & set(client["WriteAttributes"])


def test_the_table_has_the_keys_and_indexes_the_data_layer_queries(template: dict[str, Any]) -> None:
    props = template["Resources"]["Table"]["Properties"]
    assert props["BillingMode"] == "PAY_PER_REQUEST"
    assert props["KeySchema"] == [
        {"AttributeName": "pk", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ]
    assert {a["AttributeName"]: a["AttributeType"] for a in props["AttributeDefinitions"]} == dict.fromkeys(
        ["pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk"], "S"
    )
    indexes = {i["IndexName"]: (i["KeySchema"], i["Projection"]) for i in props["GlobalSecondaryIndexes"]}
    for name in ("gsi1", "gsi2"):
        keys, projection = indexes[name]
        assert [k["AttributeName"] for k in keys] == [f"{name}pk", f"{name}sk"]
        assert projection == {"ProjectionType": "ALL"}


def test_the_idempotency_table_is_what_powertools_expects(template: dict[str, Any]) -> None:
    props = template["Resources"]["IdempotencyTable"]["Properties"]
    assert props["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    assert props["TimeToLiveSpecification"] == {"AttributeName": "expiration", "Enabled": True}


@pytest.mark.parametrize(("function", "queue_name"), [("NotifyFunction", "Notify"), ("ExportFunction", "Export")])
def test_queues_are_consumed_with_partial_failures_and_a_dlq(
    transformed: dict[str, Any], function: str, queue_name: str
) -> None:
    # Given the function's event source and its queue
    (mapping,) = [
        m
        for m in resources_of(transformed, "AWS::Lambda::EventSourceMapping").values()
        if m["Properties"]["FunctionName"] == {"Ref": function}
    ]
    queue = transformed["Resources"][f"{queue_name}Queue"]["Properties"]
    # Then the function reads its queue reporting per-message failures
    assert mapping["Properties"]["EventSourceArn"] == {"Fn::GetAtt": [f"{queue_name}Queue", "Arn"]}
    assert mapping["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    # And a message that keeps failing ends in the DLQ, which an alarm watches
    dlq = f"{queue_name}DeadLetterQueue"
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": [dlq, "Arn"]}
    alarm = transformed["Resources"][f"{queue_name}DeadLetterAlarm"]["Properties"]
    assert alarm["Dimensions"] == [{"Name": "QueueName", "Value": {"Fn::GetAtt": [dlq, "QueueName"]}}]


def test_the_api_is_throttled_watched_for_5xx_and_rate_limited_at_the_edge(transformed: dict[str, Any]) -> None:
    stage = transformed["Resources"]["HttpApiApiGatewayDefaultStage"]["Properties"]
    assert {"ThrottlingRateLimit", "ThrottlingBurstLimit"} <= set(stage["DefaultRouteSettings"])
    # the public certificate check has its own, much lower limits (its own route, so they apply to it alone)
    verify = stage["RouteSettings"]["GET /api/public/certificates/verify"]
    assert verify == {
        "ThrottlingRateLimit": {"Ref": "VerifyRateLimit"},
        "ThrottlingBurstLimit": {"Ref": "VerifyBurstLimit"},
    }
    defaults = transformed["Parameters"]
    assert defaults["VerifyRateLimit"]["Default"] < defaults["ApiRateLimit"]["Default"]
    alarm = transformed["Resources"]["Api5xxAlarm"]["Properties"]
    assert (alarm["Namespace"], alarm["MetricName"]) == ("AWS/ApiGateway", "5xx")
    assert {"Name": "ApiId", "Value": {"Ref": "HttpApi"}} in alarm["Dimensions"]
    acl = transformed["Resources"]["EdgeWebAcl"]["Properties"]
    assert any("RateBasedStatement" in rule["Statement"] for rule in acl["Rules"])
    distribution = transformed["Resources"]["SiteDistribution"]["Properties"]["DistributionConfig"]
    assert distribution["WebACLId"] == {"Fn::GetAtt": ["EdgeWebAcl", "Arn"]}


def test_the_site_is_private_and_served_by_cloudfront_with_security_headers(template: dict[str, Any]) -> None:
    distribution = template["Resources"]["SiteDistribution"]["Properties"]["DistributionConfig"]
    site_origin = next(o for o in distribution["Origins"] if o["Id"] == "site")
    assert site_origin["OriginAccessControlId"] == {"Fn::GetAtt": ["SiteOriginAccessControl", "Id"]}
    assert distribution["DefaultCacheBehavior"]["ResponseHeadersPolicyId"] == {"Ref": "SecurityHeadersPolicy"}
    headers = template["Resources"]["SecurityHeadersPolicy"]["Properties"]["ResponseHeadersPolicyConfig"]
    assert {"ContentSecurityPolicy", "StrictTransportSecurity", "ContentTypeOptions", "FrameOptions"} <= set(
        headers["SecurityHeadersConfig"]
    )
    block = template["Resources"]["SiteBucket"]["Properties"]["PublicAccessBlockConfiguration"]
    assert all(block.values())


def test_outputs_name_everything_a_client_or_operator_needs(template: dict[str, Any]) -> None:
    required = {"ApiUrl", "SiteUrl", "TableName", "IdempotencyTableName", "MaterialsBucketName", "ExportsBucketName"}
    required |= {"NotifyQueueUrl", "UserPoolId", "UserPoolClientId"}
    assert required <= set(template["Outputs"])


def test_no_arn_is_written_for_one_partition() -> None:
    # Given the template's text  Then every ARN is built with ${AWS::Partition}
    assert "arn:aws:" not in TEMPLATE.read_text(encoding="utf-8")


def test_translated_for_aws_china_every_arn_is_an_aws_cn_arn() -> None:
    # Given the template transformed in Beijing (cn-north-1)
    text = json.dumps(transform("cn-north-1"))
    # Then the ARNs SAM adds itself (managed policies) are in the aws-cn partition too
    assert "arn:aws:" not in text
    assert "arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" in text
