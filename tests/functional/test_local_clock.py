"""The movable clock exists only in the local server: `GDSKILLS_TODAY` and `PUT /api/local/clock`."""

from __future__ import annotations

import ast
import json
import re
from datetime import date
from pathlib import Path

import pytest

from functions.services import clock
from infra import local_clock, local_gateway

ROOT = Path(__file__).resolve().parents[2]


def _local(method: str, body: object = None) -> tuple[int, dict]:
    raw = b"" if body is None else json.dumps(body).encode()
    status, _, payload = local_gateway.call(method, "/api/local/clock", {"content-type": "application/json"}, raw)
    return status, json.loads(payload)


def test_put_local_clock_moves_today_and_null_restores_the_real_date():
    # Given the local server's clock, When it is set to 2025-06-20
    status, answer = _local("PUT", {"today": "2025-06-20"})
    # Then every rule reading the one clock sees that Beijing date
    assert status == 200
    assert answer == {"today": "2025-06-20", "fixed": "2025-06-20"}
    assert clock.today() == date(2025, 6, 20)
    assert clock.stamp().startswith("2025-06-20T")
    assert _local("GET")[1]["today"] == "2025-06-20"
    # When it is set to null, Then it answers the real date again
    status, answer = _local("PUT", {"today": None})
    assert (status, answer["fixed"]) == (200, None)
    assert clock.today() == clock.beijing_now().date()


@pytest.mark.parametrize(("body", "status"), [({"today": "2025-02-30"}, 422), ({"today": "明天"}, 422), ("{", 400)])
def test_a_bad_local_clock_date_is_refused_naming_the_field(body, status):
    raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    answer_status, _, payload = local_gateway.call("PUT", "/api/local/clock", {}, raw)
    answer = json.loads(payload)
    assert answer_status == status
    if status == 422:
        assert answer["error"]["fields"][0]["path"] == "today"
        assert re.search(r"[\u4e00-\u9fff]", answer["error"]["fields"][0]["message"])


def test_gdskills_today_sets_the_clock_at_start(monkeypatch):
    # Given `GDSKILLS_TODAY=2025-06-01 make serve`, When the local server boots (its moto resources aside)
    monkeypatch.setenv("GDSKILLS_TODAY", "2025-06-01")
    monkeypatch.setattr("functions.dal.local.create_local_resources", lambda: None)
    local_gateway.bootstrap()
    # Then today is that date in Beijing
    assert clock.today() == date(2025, 6, 1)


def test_a_malformed_gdskills_today_stops_the_server_with_a_clear_line():
    with pytest.raises(SystemExit, match="GDSKILLS_TODAY"):
        local_clock.parse_env("2025-13-01")
    assert local_clock.parse_env("") is None


def test_the_lambda_code_path_cannot_move_the_clock(aws, call_api):
    # Given the deployed handler (what API Gateway reaches), When a client tries the local route
    before = clock.today()
    status, _ = call_api("PUT", "/api/local/clock", {"today": "2030-01-01"})
    # Then it does not exist there, and the clock has not moved
    assert status == 404
    assert clock.today() == before != date(2030, 1, 1)


def _code_of(path: Path) -> tuple[set[str], set[str], set[str]]:
    """Names used, modules imported and string literals (docstrings aside) in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    names, modules, strings = set(), set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.ImportFrom):
            modules.add(node.module or "")
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            modules.update(a.name for a in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            strings.add(node.value)
    return names, modules, strings


def test_only_the_local_server_and_tests_install_a_clock_source():
    # The Lambda code (functions/) never installs a source, imports the local server, or reads GDSKILLS_TODAY
    for path in (ROOT / "functions").rglob("*.py"):
        names, modules, strings = _code_of(path)
        assert not any(m.startswith("infra") for m in modules), path
        assert not any("GDSKILLS_TODAY" in s or "/api/local" in s for s in strings), path
        if path.name != "clock.py":
            assert "install_source" not in names, path
    # clock.py reads no setting of its own
    names, modules, _ = _code_of(ROOT / "functions" / "services" / "clock.py")
    assert "os" not in modules
    assert "environ" not in names
    assert "getenv" not in names
    # and the template deploys neither the variable nor the local routes
    template = (ROOT / "infra" / "template.yaml").read_text(encoding="utf-8")
    assert "GDSKILLS_TODAY" not in template
    assert "/api/local" not in template
    assert "local_clock" not in template
