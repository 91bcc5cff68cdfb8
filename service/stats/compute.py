"""Pure arithmetic over one window's rows, kept apart from SQL so every edge case is a table test.

Response rate: a buyer message counts once its outcome is known. Answered within its deadline is a
hit; answered late, or past its deadline with no answer, or rejected, is a miss. A message still
open and within its deadline is *pending*: neither, because the seller may still make it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

WINDOWS: dict[str, dt.timedelta] = {
    "24h": dt.timedelta(hours=24),
    "7d": dt.timedelta(days=7),
    "30d": dt.timedelta(days=30),
}


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def ratio(numerator: int, denominator: int) -> float | None:
    """None rather than 0 when nothing was counted: an empty window is not a 0 % window."""
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class MessageTimes:
    received_at: dt.datetime
    due_at: dt.datetime
    answered_at: dt.datetime | None
    is_open: bool  # still waiting for review


@dataclass(frozen=True)
class ResponseSummary:
    total: int
    answered: int
    answered_in_time: int
    pending: int
    overdue: int
    p50_seconds: float | None
    p90_seconds: float | None

    @property
    def response_rate(self) -> float | None:
        return ratio(self.answered_in_time, self.total - self.pending)


def summarize_responses(rows: Iterable[MessageTimes], now: dt.datetime) -> ResponseSummary:
    total = answered = in_time = pending = overdue = 0
    waits: list[float] = []
    for row in rows:
        total += 1
        if row.answered_at is not None:
            answered += 1
            waits.append(max((row.answered_at - row.received_at).total_seconds(), 0.0))
            in_time += row.answered_at <= row.due_at
        elif row.is_open and now <= row.due_at:
            pending += 1
        elif row.is_open:
            overdue += 1
    return ResponseSummary(
        total=total,
        answered=answered,
        answered_in_time=in_time,
        pending=pending,
        overdue=overdue,
        p50_seconds=percentile(waits, 0.5),
        p90_seconds=percentile(waits, 0.9),
    )


@dataclass(frozen=True)
class DecisionCounts:
    """Reviewed drafts for one knowledge entry (or all of them): the drafter's report card."""

    decided: int = 0
    approved: int = 0
    edited: int = 0

    def __add__(self, other: DecisionCounts) -> DecisionCounts:
        return DecisionCounts(self.decided + other.decided, self.approved + other.approved, self.edited + other.edited)

    @property
    def acceptance_rate(self) -> float | None:
        return ratio(self.approved, self.decided)

    @property
    def edit_rate(self) -> float | None:
        return ratio(self.edited, self.approved)
