"""/metrics: Prometheus text read from the database at scrape time, behind the API key when keys are set."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from service.api.app import create_app
from service.core import Otvet
from service.retrieval.embedder import Embedder
from tests.conftest import make_settings
from tests.test_stats import seed


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_metrics_match_the_stats(client: TestClient) -> None:
    empty = client.get("/metrics")
    assert empty.status_code == 200
    assert empty.headers["content-type"].startswith("text/plain")
    assert _samples(empty.text)[("otvet_buyer_messages_received", (("window", "24h"),))] == 0
    assert not any(name == "otvet_response_rate" for name, _ in _samples(empty.text))  # no data, no sample

    seed(client)
    samples = _samples(client.get("/metrics").text)
    stats = client.get("/v1/stats").json()["windows"]
    for window in ("24h", "7d", "30d"):
        labels = (("window", window),)
        assert samples[("otvet_response_rate", labels)] == stats[window]["response_rate"]
        assert samples[("otvet_buyer_messages_received", labels)] == stats[window]["total"]
        assert samples[("otvet_buyer_messages_overdue", labels)] == stats[window]["overdue"]
        assert samples[("otvet_draft_acceptance_rate", labels)] == stats[window]["acceptance_rate"]
        assert samples[("otvet_first_response_seconds", (("quantile", "0.9"), ("window", window)))] > 0
    entry_rates = {
        dict(labels)["entry"]: value
        for (name, labels), value in samples.items()
        if name == "otvet_draft_acceptance_rate_by_entry" and dict(labels)["window"] == "24h"
    }
    assert entry_rates == {entry: rates["acceptance_rate"] for entry, rates in stats["24h"]["by_entry"].items()}
    assert samples[("otvet_drafts", (("kind", "reply"), ("status", "approved")))] == 2
    assert samples[("otvet_drafts", (("kind", "reply"), ("status", "pending_review")))] == 3
    assert samples[("otvet_drafts", (("kind", "notice"), ("status", "blocked")))] == 1
    assert samples[("otvet_compliance_blocks", (("code", "OFF_PLATFORM_CONTACT"),))] == 1


def test_metrics_and_stats_need_the_api_key_when_keys_are_set(
    tmp_path: Path, index_dir: Path, embedder: Embedder
) -> None:
    service = Otvet(make_settings(tmp_path, index_dir, api_keys=["scrape-key"]), embedder=embedder)
    try:
        with TestClient(create_app(otvet=service)) as client:
            for path in ("/metrics", "/v1/stats"):
                assert client.get(path).status_code == 401
                assert client.get(path).json()["error"]["code"] == "unauthorized"
                assert client.get(path, headers={"Authorization": "Bearer scrape-key"}).status_code == 200
            assert client.post("/v1/notices", json={"event": "delivered", "posting_number": "1"}).status_code == 401
    finally:
        service.close()
