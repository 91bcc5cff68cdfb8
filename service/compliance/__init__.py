"""Compliance post-filter for seller replies on Ozon: blocks drafts that break chat rules."""

from . import native

native.guard()  # before any other module: a stale compiled build must not be imported

from .checker import check  # noqa: E402
from .models import ComplianceResult, Violation, ViolationCode  # noqa: E402

__all__ = ["ComplianceResult", "Violation", "ViolationCode", "check"]
