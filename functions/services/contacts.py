"""City contacts as administered data: the shipped 21 cities with whatever an administrator set for each
(institution, phones, address). Every change is audited under `AUDIT#city-contacts`."""

from __future__ import annotations

from typing import Any

from functions.auth import Principal
from functions.dal.contacts import ContactStore
from functions.dal.records import RecordStore
from functions.errors import NotFound
from functions.services import clock
from schemas.contacts import CityContactRequest
from schemas.reference import City, cities

AUDIT = "AUDIT#city-contacts"


def _view(city: City, stored: dict[str, Any] | None) -> dict[str, Any]:
    shipped_phones = [city.phone] if city.phone else []
    phones = list(stored["phones"]) if stored else shipped_phones
    return {
        "code": city.code,
        "name": city.name,
        "area_code": city.area_code,
        "hotline": city.hotline,
        "institution": stored["institution"] if stored else city.institution,
        "phones": phones,
        "phone": "、".join(phones),  # the first version's single field, kept for its readers
        "address": stored["address"] if stored else city.address,
        "updated_at": stored.get("updated_at") if stored else None,
    }


def listing(records: RecordStore) -> list[dict[str, Any]]:
    stored = ContactStore(records).all()
    return [_view(city, stored.get(code)) for code, city in cities().items()]


def save(records: RecordStore, principal: Principal, code: str, form: CityContactRequest) -> dict[str, Any]:
    from functions.services.submissions import log_item

    city = cities().get(code)
    if city is None:
        raise NotFound(f"没有代码为 {code} 的地市")
    store = ContactStore(records)
    before = store.all().get(code)
    at = clock.stamp()
    item = {"code": code, **form.model_dump(), "updated_at": at, "updated_by": principal.subject}
    store.put(item)
    keep = ("institution", "phones", "address")
    detail = {"code": code, "before": {k: before[k] for k in keep} if before else None, "after": form.model_dump()}
    records.put({**log_item(principal, "city_contact", 0, "saved", at, detail=detail), "pk": AUDIT})
    return _view(city, item)
