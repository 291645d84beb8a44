"""Reading CloudFormation JSON: which logical ids a node refers to, and what an IAM statement allows."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator
from typing import Any

_SUB_NAME = re.compile(r"\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}")


def references(node: Any) -> set[str]:
    """Logical ids named by Ref, Fn::GetAtt or Fn::Sub anywhere inside `node` (pseudo parameters left out)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "Ref" and isinstance(value, str):
                found.add(value)
            elif key == "Fn::GetAtt":
                target = value[0] if isinstance(value, list) else str(value).split(".")[0]
                found.add(target)
            elif key == "Fn::Sub":
                text = value[0] if isinstance(value, list) else value
                found.update(_SUB_NAME.findall(text))
            found |= references(value)
    elif isinstance(node, list):
        for item in node:
            found |= references(item)
    return {name for name in found if not name.startswith("AWS::")}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def policy_documents(template: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every policy document the template creates: IAM roles, policies, bucket and queue policies."""
    for name, resource in template["Resources"].items():
        props = resource.get("Properties", {})
        kind = resource["Type"]
        if kind == "AWS::IAM::Role":
            for policy in props.get("Policies", []):
                yield name, policy["PolicyDocument"]
        elif kind in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy"):
            yield name, props["PolicyDocument"]


def grants(template: dict[str, Any], forbidden: list[str], target: str) -> list[str]:
    """Allow statements that give any `forbidden` action on the resource `target` (or on every resource)."""
    found = []
    for owner, document in policy_documents(template):
        for statement in _as_list(document.get("Statement", [])):
            if statement.get("Effect") != "Allow":
                continue
            resources = _as_list(statement.get("Resource", "*"))
            if "*" not in resources and target not in references(resources):
                continue
            if "NotAction" in statement:  # "everything but ..." always includes something forbidden
                found.append(f"{owner}: NotAction {statement['NotAction']}")
                continue
            for pattern in _as_list(statement.get("Action", [])):
                hits = [a for a in forbidden if fnmatch.fnmatchcase(a.lower(), str(pattern).lower())]
                if hits:
                    found.append(f"{owner}: {pattern} allows {', '.join(hits)} on {target}")
    return found
