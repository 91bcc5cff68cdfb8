"""Public data types of the compliance filter.

Other services import these names directly, so the field names and the enum
values are part of the contract and must stay stable.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class ViolationCode(StrEnum):
    """Kinds of Ozon seller-chat rule breaches; values equal names for logs and JSON."""

    OFF_PLATFORM_CONTACT = "OFF_PLATFORM_CONTACT"
    CONTACT_REQUEST = "CONTACT_REQUEST"
    OFF_PLATFORM_DEAL = "OFF_PLATFORM_DEAL"
    REVIEW_MANIPULATION = "REVIEW_MANIPULATION"
    CANCEL_REQUEST = "CANCEL_REQUEST"
    ABUSE = "ABUSE"
    BLAME_SHIFTING = "BLAME_SHIFTING"
    DISPARAGEMENT = "DISPARAGEMENT"


class Violation(BaseModel):
    """One offending fragment; `text[start:end] == excerpt` on the checked text."""

    code: ViolationCode
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    excerpt: str = Field(min_length=1)
    message: str
    suggestion: str | None = None


class ComplianceResult(BaseModel):
    """Verdict for one draft: `allowed` is False as soon as anything was found."""

    allowed: bool
    violations: list[Violation]
