"""Ozon-rules check for any text, e.g. a reply an agent typed by hand."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.routers.drafts import ERRORS
from service.api.schemas import Compliance, ComplianceBody
from service.compliance import check

router = APIRouter(prefix="/v1/compliance", tags=["compliance"])


@router.post("/check", responses=ERRORS)
def check_text(body: ComplianceBody) -> Compliance:
    result = check(body.text)
    return Compliance(allowed=result.allowed, violations=result.violations)
