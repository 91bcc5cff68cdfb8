"""Response deadlines and review outcomes: pure arithmetic by table, then GET /v1/stats on real drafts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.stats.compute import DecisionCounts, MessageTimes, percentile, summarize_responses

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)


def _msg(received_h_ago: float, answered_h_ago: float | None = None, is_open: bool = False) -> MessageTimes:
    received = NOW - received_h_ago * H
    answered = None if answered_h_ago is None else NOW - answered_h_ago * H
    return MessageTimes(received, received + 4 * H, answered, is_open)


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([], 0.5, None),
        ([7.0], 0.9, 7.0),
        ([1.0, 2.0], 0.5, 1.5),
        ([4.0, 1.0, 3.0, 2.0], 0.5, 2.5),
        ([10.0 * i for i in range(1, 11)], 0.9, 91.0),
        ([5.0, 5.0, 5.0], 0.9, 5.0),
    ],
)
def test_percentile(values: list[float], q: float, expected: float | None) -> None:
    assert percentile(values, q) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # total, answered, in time, pending, overdue, p50 s, p90 s, response rate
        ([], (0, 0, 0, 0, 0, None, None, None)),
        ([_msg(1, 0)], (1, 1, 1, 0, 0, 3600.0, 3600.0, 1.0)),
        ([_msg(6, 0)], (1, 1, 0, 0, 0, 21600.0, 21600.0, 0.0)),  # answered, but late
        ([_msg(5, 1)], (1, 1, 1, 0, 0, 14400.0, 14400.0, 1.0)),  # answered exactly at the deadline
        ([_msg(1, is_open=True)], (1, 0, 0, 1, 0, None, None, None)),  # only pending: no rate yet
        ([_msg(5, is_open=True)], (1, 0, 0, 0, 1, None, None, 0.0)),  # overdue
        ([_msg(1)], (1, 0, 0, 0, 0, None, None, 0.0)),  # rejected: decided without an answer
        (
            [_msg(1, 0), _msg(6, 0), _msg(5, is_open=True), _msg(0.2, is_open=True), _msg(2)],
            (5, 2, 1, 1, 1, 12600.0, 19800.0, 0.25),
        ),
    ],
)
def test_summarize_responses(rows: list[MessageTimes], expected: tuple[Any, ...]) -> None:
    summary = summarize_responses(rows, NOW)
    got = (
        summary.total,
        summary.answered,
        summary.answered_in_time,
        summary.pending,
        summary.overdue,
        summary.p50_seconds,
        summary.p90_seconds,
        summary.response_rate,
    )
    assert got == pytest.approx(expected)


def test_answer_timestamped_before_receipt_counts_as_zero_wait() -> None:
    row = MessageTimes(NOW, NOW + 4 * H, NOW - H, False)
    assert summarize_responses([row], NOW).p50_seconds == 0.0


@pytest.mark.parametrize(
    ("counts", "acceptance", "edit"),
    [
        (DecisionCounts(), None, None),
        (DecisionCounts(decided=3, approved=0), 0.0, None),
        (DecisionCounts(decided=4, approved=2, edited=1), 0.5, 0.5),
        (DecisionCounts(1, 1, 0) + DecisionCounts(3, 2, 2), 0.75, 2 / 3),
    ],
)
def test_decision_rates(counts: DecisionCounts, acceptance: float | None, edit: float | None) -> None:
    assert counts.acceptance_rate == pytest.approx(acceptance)
    assert counts.edit_rate == pytest.approx(edit)


def _ago(hours: float) -> str:
    return (dt.datetime.now(dt.UTC) - hours * H).isoformat()


def seed(client: TestClient) -> dict[str, dict[str, Any]]:
    """Six buyer messages with every outcome, and a notice, which is no buyer message."""

    def draft(name: str, message: str, hours_ago: float) -> dict[str, Any]:
        body = {"message": message, "chat_id": f"chat-{name}", "message_id": name, "received_at": _ago(hours_ago)}
        response = client.post("/v1/drafts", json=body)
        assert response.status_code == 201
        return dict(response.json())

    drafts = {
        "in_time": draft("in_time", "Как вернуть товар?", 1),
        "late": draft("late", "Как оформить возврат?", 6),
        "overdue": draft("overdue", "Где мой заказ?", 5),
        "pending": draft("pending", "Какой размер выбрать?", 0.2),
        "rejected": draft("rejected", "Когда привезут заказ?", 2),
        "old_overdue": draft("old_overdue", "Как отменить заказ?", 72),
    }
    client.post(f"/v1/drafts/{drafts['in_time']['id']}/approve", json={"reviewer": "anna"})
    edited = "Здравствуйте! Оформить возврат можно в разделе «Мои заказы» в личном кабинете Ozon."
    client.post(f"/v1/drafts/{drafts['late']['id']}/approve", json={"reviewer": "anna", "text": edited})
    client.post(f"/v1/drafts/{drafts['rejected']['id']}/reject", json={"reviewer": "anna", "reason": "сами"})
    notice = client.post("/v1/notices", json={"event": "shipped", "posting_number": "1-1", "tracking_number": "t.me/x"})
    assert notice.json()["status"] == "blocked"
    return drafts


def test_stats_over_three_windows(client: TestClient) -> None:
    drafts = seed(client)
    response = client.get("/v1/stats")
    assert response.status_code == 200
    body = response.json()
    assert body["deadline_hours"] == 4
    day, week, month = (body["windows"][name] for name in ("24h", "7d", "30d"))

    assert (day["total"], day["answered"], day["answered_in_time"], day["pending"], day["overdue"]) == (5, 2, 1, 1, 1)
    assert day["response_rate"] == pytest.approx(0.25)
    assert day["first_response_seconds"]["p50"] == pytest.approx(12600, abs=60)
    assert day["first_response_seconds"]["p90"] == pytest.approx(19800, abs=60)
    assert (week["total"], week["overdue"], week["response_rate"]) == (6, 2, pytest.approx(0.2))
    assert month == week

    assert (day["decided"], day["acceptance_rate"], day["edit_rate"]) == (3, pytest.approx(2 / 3), 0.5)
    entries = {name: drafts[name]["sources"][0]["entry_id"] for name in ("in_time", "late", "rejected")}
    by_entry = day["by_entry"]
    assert sum(rates["decided"] for rates in by_entry.values()) == 3
    assert by_entry[entries["rejected"]]["acceptance_rate"] == 0.0
    assert by_entry[entries["rejected"]]["edit_rate"] is None
    if entries["in_time"] != entries["late"]:
        assert by_entry[entries["in_time"]]["edit_rate"] == 0.0
        assert by_entry[entries["late"]]["edit_rate"] == 1.0


def test_stats_of_an_empty_store(client: TestClient) -> None:
    for window in client.get("/v1/stats").json()["windows"].values():
        assert window["total"] == window["decided"] == window["overdue"] == 0
        assert window["response_rate"] is None and window["acceptance_rate"] is None
        assert window["first_response_seconds"] == {"p50": None, "p90": None}
        assert window["by_entry"] == {}


def test_queue_is_sorted_by_due_at_and_flags_overdue(client: TestClient) -> None:
    seed(client)
    items = client.get("/v1/drafts").json()["items"]
    due = [item["due_at"] for item in items]
    assert due == sorted(due)
    flagged = {item["message_id"] for item in items if item["overdue"]}
    assert flagged == {"overdue", "old_overdue"}
    assert items[0]["message_id"] == "old_overdue"
