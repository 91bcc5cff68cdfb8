"""Compliance post-filter for seller replies on Ozon: blocks drafts that break chat rules."""

from .checker import check
from .models import ComplianceResult, Violation, ViolationCode

__all__ = ["ComplianceResult", "Violation", "ViolationCode", "check"]
