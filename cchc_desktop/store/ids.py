"""Deterministic ids for natural keys (UUIDv5), so two PCs creating "the same" row agree."""

from __future__ import annotations

import hashlib
import uuid

from cchc_desktop.domain.text import fold

NAMESPACE = uuid.UUID("5b0b7c3e-2f4e-5a8e-9c61-6d1a0c2b7f10")
_NAMESPACE_BYTES = NAMESPACE.bytes


def natural_id(*parts: object) -> str:
    """UUIDv5 of the parts joined with "|"; text parts are compared accent- and case-free.

    Equal to ``str(uuid.uuid5(NAMESPACE, key))``, built without the UUID object: a plan
    import makes 100,000 of them.
    """
    key = "|".join(fold(p) if isinstance(p, str) else str(p) for p in parts)
    digest = bytearray(
        hashlib.sha1(_NAMESPACE_BYTES + key.encode("utf-8"), usedforsecurity=False).digest()[:16]
    )
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def plan_id(year: int, decision_number: str) -> str:
    return natural_id("plan", year, decision_number)


def appendix_id(plan: str, number: int, occurrence: int = 0) -> str:
    """The appendix numbered `number`; a document that repeats the number gives each later
    one its `occurrence` (1, 2, …) so the two are never one row."""
    if occurrence:
        return natural_id("appendix", plan, number, "occurrence", occurrence)
    return natural_id("appendix", plan, number)


def task_id(plan: str, appendix: int, no: str, occurrence: int = 0, variant: int = 0) -> str:
    """The task at STT `no` of an appendix. A repeated (appendix, STT) takes its `occurrence`;
    `variant` moves a new task off an id a stored task of another content holds
    (services/plan_matching.py decides)."""
    if occurrence or variant:
        return natural_id("task", plan, appendix, no, "occurrence", occurrence, variant)
    return natural_id("task", plan, appendix, no)


def node_id(plan: str, path: str) -> str:
    return natural_id("node", plan, path)


def milestone_id(task: str, ord_: int) -> str:
    return natural_id("milestone", task, ord_)


def task_agency_id(task: str, agency: str, role: str) -> str:
    return natural_id("task_agency", task, agency, role)


def agency_id(key: str) -> str:
    return natural_id("agency", key)


def alias_id(key: str) -> str:
    return natural_id("alias", key)


def progress_id(task: str, unit: str, year: int, period: str) -> str:
    return natural_id("progress", task, unit, year, period)


def indicator_id(plan: str, ord_: int) -> str:
    return natural_id("indicator", plan, ord_)


def indicator_value_id(indicator: str, unit: str, year: int, period: str) -> str:
    return natural_id("indicator_value", indicator, unit, year, period)
