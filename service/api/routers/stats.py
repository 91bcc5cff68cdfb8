"""Response deadlines and review outcomes over 24 hours, 7 days and 30 days."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.deps import OtvetDep
from service.api.routers.drafts import ERRORS
from service.api.schemas import EntryRates, Quantiles, StatsOut, WindowStatsOut
from service.stats.compute import DecisionCounts
from service.stats.queries import WindowStats, all_windows
from service.storage.drafts import utcnow

router = APIRouter(prefix="/v1/stats", tags=["stats"])


def _rates(counts: DecisionCounts) -> EntryRates:
    return EntryRates(
        decided=counts.decided,
        approved=counts.approved,
        edited=counts.edited,
        acceptance_rate=counts.acceptance_rate,
        edit_rate=counts.edit_rate,
    )


def _window(stats: WindowStats) -> WindowStatsOut:
    responses, decisions = stats.responses, stats.decisions
    return WindowStatsOut(
        first_response_seconds=Quantiles(p50=responses.p50_seconds, p90=responses.p90_seconds),
        response_rate=responses.response_rate,
        total=responses.total,
        answered=responses.answered,
        answered_in_time=responses.answered_in_time,
        pending=responses.pending,
        overdue=responses.overdue,
        acceptance_rate=decisions.acceptance_rate,
        edit_rate=decisions.edit_rate,
        decided=decisions.decided,
        by_entry={entry: _rates(counts) for entry, counts in stats.by_entry.items()},
    )


@router.get("", responses=ERRORS)
def get_stats(otvet: OtvetDep) -> StatsOut:
    """Rates are null when nothing was counted, so an empty window never reads as 0 %."""
    now = utcnow()
    with otvet.sessions() as session:
        windows = all_windows(session, now)
    return StatsOut(
        generated_at=now,
        deadline_hours=otvet.settings.response_deadline_hours,
        windows={name: _window(stats) for name, stats in windows.items()},
    )
