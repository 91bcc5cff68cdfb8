"""Prometheus exposition, read from the database at scrape time.

Process-local counters would disagree between API processes and reset on restart; the database
is the one truth every process shares, so each scrape asks it.
"""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.orm import Session, sessionmaker

from service.stats.queries import WindowStats, all_windows, blocks_by_code, drafts_by_status
from service.storage.drafts import utcnow


def _gauge(name: str, doc: str, labels: list[str]) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, doc, labels=labels)


class OtvetCollector(Collector):
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def collect(self) -> Iterator[GaugeMetricFamily]:
        with self.sessions() as session:
            windows = all_windows(session, utcnow())
            statuses = drafts_by_status(session)
            blocks = blocks_by_code(session)
        yield from _window_metrics(windows)
        drafts = _gauge("otvet_drafts", "Drafts by kind and status.", ["kind", "status"])
        for (kind, status), count in sorted(statuses.items()):
            drafts.add_metric([kind, status], count)
        yield drafts
        blocked = _gauge(
            "otvet_compliance_blocks", "Drafts the compliance filter blocked, by violation code.", ["code"]
        )
        for code, count in sorted(blocks.items()):
            blocked.add_metric([code], count)
        yield blocked


def _window_metrics(windows: dict[str, WindowStats]) -> Iterator[GaugeMetricFamily]:
    """Rates with nothing counted are left out rather than exported as 0 or NaN."""
    first = _gauge(
        "otvet_first_response_seconds", "Time from a buyer message to its approved reply.", ["window", "quantile"]
    )
    rate = _gauge("otvet_response_rate", "Buyer messages answered within the deadline, of those decided.", ["window"])
    counts = {
        name: _gauge(f"otvet_buyer_messages_{name}", doc, ["window"])
        for name, doc in (
            ("received", "Buyer messages received in the window."),
            ("answered", "Buyer messages with an approved reply."),
            ("pending", "Buyer messages open and still within the deadline."),
            ("overdue", "Buyer messages open and past the deadline."),
        )
    }
    acceptance = _gauge("otvet_draft_acceptance_rate", "Approved drafts of those decided.", ["window"])
    edits = _gauge("otvet_draft_edit_rate", "Approved drafts whose text was edited.", ["window"])
    acceptance_by_entry = _gauge(
        "otvet_draft_acceptance_rate_by_entry", "Acceptance rate by top knowledge entry.", ["window", "entry"]
    )
    edits_by_entry = _gauge("otvet_draft_edit_rate_by_entry", "Edit rate by top knowledge entry.", ["window", "entry"])
    for window, stats in windows.items():
        responses = stats.responses
        for quantile, value in (("0.5", responses.p50_seconds), ("0.9", responses.p90_seconds)):
            if value is not None:
                first.add_metric([window, quantile], value)
        if responses.response_rate is not None:
            rate.add_metric([window], responses.response_rate)
        for name, value in (
            ("received", responses.total),
            ("answered", responses.answered),
            ("pending", responses.pending),
            ("overdue", responses.overdue),
        ):
            counts[name].add_metric([window], value)
        _add_rates(acceptance, edits, [window], stats.decisions.acceptance_rate, stats.decisions.edit_rate)
        for entry, entry_counts in stats.by_entry.items():
            _add_rates(
                acceptance_by_entry,
                edits_by_entry,
                [window, entry],
                entry_counts.acceptance_rate,
                entry_counts.edit_rate,
            )
    yield from (first, rate, *counts.values(), acceptance, edits, acceptance_by_entry, edits_by_entry)


def _add_rates(
    acceptance: GaugeMetricFamily,
    edits: GaugeMetricFamily,
    labels: list[str],
    acceptance_rate: float | None,
    edit_rate: float | None,
) -> None:
    if acceptance_rate is not None:
        acceptance.add_metric(labels, acceptance_rate)
    if edit_rate is not None:
        edits.add_metric(labels, edit_rate)


def make_registry(sessions: sessionmaker[Session]) -> CollectorRegistry:
    """A registry per app, not the global one: tests and several apps in one process stay apart."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(OtvetCollector(sessions))
    return registry


def render(registry: CollectorRegistry) -> bytes:
    return generate_latest(registry)
