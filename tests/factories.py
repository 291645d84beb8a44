"""Believable test data: real city, district and occupation codes, valid USCC and ID check digits, people born
1960–1990, real 2024 dates."""

from __future__ import annotations

import hashlib
from typing import Any

from stdnum.cn import ric, uscc


def make_uscc(body17: str) -> str:
    return body17 + uscc.calc_check_digit(body17)


def make_id(region: str, birth: str, sequence: str) -> str:
    """A resident ID: 6-digit region, YYYYMMDD birth date, 3-digit sequence, then the check digit."""
    body = f"{region}{birth}{sequence}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check digit


FACTORY_USCC = make_uscc("91440101MA59CDX46")  # a Guangzhou machinery works
SHENZHEN_USCC = make_uscc("91440300MA5FQ2LK3")
PROVINCIAL_USCC = make_uscc("91440000190322793")  # a provincial-filed group company


def enterprise_claims(uscc_value: str = FACTORY_USCC) -> dict[str, Any]:
    return {"sub": f"user-{uscc_value[-4:]}", "cognito:groups": "[enterprise]", "custom:uscc": uscc_value}


def city_claims(city: str = "440100") -> dict[str, Any]:
    return {"sub": f"city-{city}", "cognito:groups": "[city_reviewer]", "custom:city": city}


def province_claims() -> dict[str, Any]:
    return {"sub": "province-1", "cognito:groups": "[province_reviewer]"}


def admin_claims() -> dict[str, Any]:
    return {"sub": "admin-1", "cognito:groups": "[admin]"}


def filing_body(
    uscc_value: str = FACTORY_USCC,
    city: str = "440100",
    categories: list[str] | None = None,
    levels: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "enterprise": {
            "name": "广州精工机械制造有限公司",
            "uscc": uscc_value,
            "city": city,
            "address": "广州市黄埔区科学大道 100 号",
            "categories": categories or ["above_scale", "large"],
        },
        "contact": {"name": "陈晓燕", "phone": "13800138000", "email": "hr@jinggong.example.cn"},
        "levels": levels or ["T", "S"],
        "occupations": [{"code": "6-18-01-01", "name": "车工"}, {"code": "6-18-01-02", "name": "铣工"}],
    }


def plan_body(filing_id: str, document_key: str, level: str = "T") -> dict[str, Any]:
    return {
        "filing_id": filing_id,
        "campaign": "2024",
        "phase": 1,
        "level": level,
        "occupations": ["6-18-01-01"],
        "planned_count": 5,
        "review_date": "2024-06-15",
        "method": "理论知识考试、技能操作考核与业绩评审相结合",
        "plan_document": document_key,
    }


# Real district codes, several created after the births below (越秀区 1983, 天河区 1985, 龙岗区 1992, 禅城区 2002):
# the region code is assigned at first registration, so older workers carry codes younger than themselves.
REGIONS = ("440104", "440106", "440111", "440303", "440307", "440604", "441900", "442000")


def person_id(index: int) -> str:
    """A distinct, valid ID number per index: real district codes, births 1960–1990 (most T/S candidates)."""
    region = REGIONS[index % len(REGIONS)]
    birth = f"{1960 + index % 31}{(index % 12) + 1:02d}{(index % 28) + 1:02d}"
    return make_id(region, birth, f"{index % 1000:03d}")


def t_candidate(index: int) -> dict[str, Any]:
    return {
        "name": f"李国强{index}",
        "id_number": person_id(index),
        "occupation": "6-18-01-01",
        "level": "T",
        "credentials": [
            {
                "kind": "skill_certificate",
                "grade": "senior_technician",
                "relation": "corresponding",
                "obtained_on": "2020-05-20",
            }
        ],
        "work_periods": [{"start": "2005-07-01", "end": None, "relation": "corresponding"}],
        "honours": [],
        "evaluation": {"score": 86.5, "passed": True},
    }


def s_candidate(index: int) -> dict[str, Any]:
    candidate = t_candidate(index)
    candidate["level"] = "S"
    candidate["name"] = f"王建华{index}"
    candidate["honours"] = [
        {"category": "technical_expert", "level": "provincial", "name": "南粤技术能手", "granted_on": "2019-12-01"}
    ]
    return candidate


def report_body(plan_id: str, material_key: str, candidates: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "plan_id": plan_id,
        "public_notice": {"start": "2024-06-17", "end": "2024-06-21", "objections": 0},
        "candidates": candidates,
        "materials": [{"type": "public_notice", "key": material_key}],
    }


PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def tiny_pdf(text: str = "gdskills") -> bytes:
    """A real one-page PDF (catalogue, page, Helvetica text, a correct xref table) that browsers render."""
    stream = f"BT /F1 18 Tf 72 760 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def upload_request(purpose: str, data: bytes = PDF_BYTES, filename: str = "评聘工作方案.pdf") -> dict[str, Any]:
    return {
        "purpose": purpose,
        "filename": filename,
        "content_type": "application/pdf",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
