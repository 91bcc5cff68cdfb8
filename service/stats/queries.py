"""The SQL side of the stats: one window's buyer messages, review outcomes per entry, queue counts.

Counting happens in the database; only first-response percentiles need the window's rows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from service.stats.compute import WINDOWS, DecisionCounts, MessageTimes, ResponseSummary, summarize_responses
from service.storage.drafts import OPEN_STATUSES
from service.storage.tables import DraftRow

NO_ENTRY = "none"  # drafts without a retrieved entry, e.g. a holding or holiday reply


def answered_at() -> ColumnElement[dt.datetime | None]:
    """When a buyer message counts as answered: the approval time of its reply.

    The one place that says so; pointing it at the Ozon send time changes every stat at once.
    """
    return case((DraftRow.status == "approved", DraftRow.decided_at), else_=None)


def _top_entry() -> ColumnElement[str | None]:
    entry: ColumnElement[str | None] = DraftRow.sources[(0, "entry_id")].as_string()
    return entry


@dataclass(frozen=True)
class WindowStats:
    responses: ResponseSummary
    decisions: DecisionCounts
    by_entry: dict[str, DecisionCounts]


def response_summary(session: Session, since: dt.datetime, now: dt.datetime) -> ResponseSummary:
    query = select(DraftRow.received_at, DraftRow.due_at, answered_at(), DraftRow.status.in_(OPEN_STATUSES)).where(
        DraftRow.kind == "reply", DraftRow.received_at >= since, DraftRow.received_at <= now
    )
    rows = (
        MessageTimes(received, due, answered, bool(is_open))
        for received, due, answered, is_open in session.execute(query)
    )
    return summarize_responses(rows, now)


def decisions_by_entry(session: Session, since: dt.datetime, now: dt.datetime) -> dict[str, DecisionCounts]:
    """Approved and rejected replies decided in the window, grouped by the draft's top knowledge entry."""
    entry = _top_entry().label("entry")
    approved = DraftRow.status == "approved"
    query = (
        select(
            entry,
            func.count(),
            func.sum(case((approved, 1), else_=0)),
            func.sum(case((approved & (DraftRow.final_text != DraftRow.text), 1), else_=0)),
        )
        .where(
            DraftRow.kind == "reply",
            DraftRow.status.in_(("approved", "rejected")),
            DraftRow.decided_at >= since,
            DraftRow.decided_at <= now,
        )
        .group_by(entry)
    )
    return {
        name or NO_ENTRY: DecisionCounts(int(decided), int(ok or 0), int(edited or 0))
        for name, decided, ok, edited in session.execute(query)
    }


def window_stats(session: Session, window: dt.timedelta, now: dt.datetime) -> WindowStats:
    since = now - window
    by_entry = decisions_by_entry(session, since, now)
    return WindowStats(
        responses=response_summary(session, since, now),
        decisions=sum(by_entry.values(), DecisionCounts()),
        by_entry=dict(sorted(by_entry.items())),
    )


def all_windows(session: Session, now: dt.datetime) -> dict[str, WindowStats]:
    return {name: window_stats(session, span, now) for name, span in WINDOWS.items()}


def drafts_by_status(session: Session) -> dict[tuple[str, str], int]:
    query = select(DraftRow.kind, DraftRow.status, func.count()).group_by(DraftRow.kind, DraftRow.status)
    return {(kind, status): int(count) for kind, status, count in session.execute(query)}


def blocks_by_code(session: Session) -> Counter[str]:
    """Drafts the compliance filter blocked when they were written, once per violation code per draft."""
    query = select(DraftRow.compliance).where(DraftRow.compliance["allowed"].as_boolean().is_(False))
    counts: Counter[str] = Counter()
    for (verdict,) in session.execute(query):
        counts.update({str(v.get("code", "unknown")) for v in verdict.get("violations", [])})
    return counts
