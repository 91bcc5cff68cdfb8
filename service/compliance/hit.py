"""Internal match record shared by all detectors."""

from __future__ import annotations

from dataclasses import dataclass

from .models import ViolationCode


@dataclass(frozen=True, slots=True)
class Hit:
    """A finding as a span of the *normalized* text; ``kind`` picks the message."""

    code: ViolationCode
    start: int
    end: int
    kind: str = ""
