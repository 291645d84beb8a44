"""Rule failures as stable error types with Chinese messages, and Chinese for pydantic's own errors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic_core import PydanticCustomError

_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class RuleFailure:
    """A rule that needs more than one form failed: where, in Chinese, and its stable type."""

    path: str
    message: str
    type: str


def rule_error(error_type: str, message: str, **context: Any) -> PydanticCustomError:
    """A domain rule failure: `error_type` is stable for clients, `message` is Chinese a person can act on."""
    return PydanticCustomError(error_type, message, context or None)


# pydantic's built-in error types in Chinese; `{…}` placeholders come from the error's ctx.
_BUILTIN_ZH: Mapping[str, str] = {
    "missing": "必填项，请填写",
    "json_invalid": "请求内容不是有效的 JSON",
    "json_type": "请求内容不是有效的 JSON",
    "string_type": "应为文本",
    "string_too_short": "至少需要 {min_length} 个字符",
    "string_too_long": "不能超过 {max_length} 个字符",
    "string_pattern_mismatch": "格式不正确",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "finite_number": "应为有限的数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "不能小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "不能大于 {le}",
    "multiple_of": "应为 {multiple_of} 的倍数",
    "decimal_max_places": "最多 {decimal_places} 位小数",
    "date_type": "日期格式应为 YYYY-MM-DD",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD，且须是真实存在的日期",
    "date_from_datetime_inexact": "日期不应包含时间",
    "datetime_type": "时间格式应为 ISO 8601（如 2024-06-30T09:00:00+08:00）",
    "datetime_parsing": "时间格式应为 ISO 8601（如 2024-06-30T09:00:00+08:00）",
    "datetime_from_date_parsing": "时间格式应为 ISO 8601（如 2024-06-30T09:00:00+08:00）",
    "literal_error": "取值无效，应为 {expected} 之一",
    "enum": "取值无效，应为 {expected} 之一",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "set_type": "应为列表",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "dataclass_type": "应为对象",
    "extra_forbidden": "不认识的字段，请删除",
    "frozen_field": "此字段不可修改",
    "union_tag_invalid": "类型无效，应为 {expected_tags} 之一",
    "union_tag_not_found": "缺少类型字段 {discriminator}",
    "url_parsing": "网址格式不正确",
    "uuid_parsing": "编号格式不正确",
    "uuid_type": "编号格式不正确",
    "value_error": "{error}",
    "assertion_error": "{error}",
    "unsupported_content_type": "只接受 JSON 格式（Content-Type: application/json）",
}


def _translate_expected(text: str) -> str:
    return text.replace(" or ", " 或 ").replace(", ", "、")


def zh_message(error: Mapping[str, Any]) -> str:
    """The Chinese message for one pydantic error dict (from `ValidationError.errors()`)."""
    error_type = str(error.get("type", ""))
    message = str(error.get("msg", ""))
    ctx = dict(error.get("ctx") or {})
    template = _BUILTIN_ZH.get(error_type)
    if template is None:
        # Our own rule errors already carry Chinese; anything else unknown gets a neutral sentence.
        return message if _CJK.search(message) else "取值无效"
    if error_type in ("value_error", "assertion_error"):
        text = str(ctx.get("error", message))
        text = re.sub(r"^(Value error|Assertion failed), ", "", text)
        return text if _CJK.search(text) else "取值无效"
    for key, bound in ctx.items():  # 100.0 reads as 100
        if isinstance(bound, float) and bound.is_integer():
            ctx[key] = int(bound)
    for key in ("expected", "expected_tags"):
        if key in ctx:
            ctx[key] = _translate_expected(str(ctx[key]))
    try:
        return template.format(**ctx)
    except (KeyError, IndexError, ValueError):
        return template.split("{")[0].rstrip("，, ") or "取值无效"


def field_path(loc: Iterable[Any], skip_sources: bool = True) -> str:
    """("body", "candidates", 1, "id_number") -> "candidates[1].id_number"."""
    parts = list(loc)
    if skip_sources and parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "__root__" or (isinstance(part, str) and part.startswith("function-")):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out
