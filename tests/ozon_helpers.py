"""Shared by the Ozon tests: an otvet wired to the fake Ozon, and one outbox pass at a time."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from service.config import Settings
from service.core import Otvet
from service.outbox.sender import OutboxSender
from service.ozon.client import OzonClient
from service.ozon.poller import poll_once
from tests.conftest import make_settings
from tests.fake_ozon import API_KEY, CLIENT_ID


def ozon_settings(tmp_path: Path, index_dir: Path, database_url: str, url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "ozon_api_base": url,
        "ozon_client_id": CLIENT_ID,
        "ozon_api_key": API_KEY,
        "ozon_timeout_seconds": 1.0,
        "ozon_send_backoff_seconds": 0.05,
        "ozon_send_lease_seconds": 30.0,
        **overrides,
    }
    return make_settings(tmp_path, index_dir, **values)


def send_pass(otvet: Otvet, worker: str = "worker-1") -> int:
    async def main() -> int:
        async with OzonClient(otvet.settings) as ozon:
            return await OutboxSender(otvet, ozon, worker).run_once()

    return asyncio.run(main())


def poll_pass(otvet: Otvet) -> int:
    async def main() -> int:
        async with OzonClient(otvet.settings) as ozon:
            return await poll_once(otvet, ozon)

    return asyncio.run(main())


def send_until_settled(otvet: Otvet, draft_id: str, timeout: float = 20.0) -> str:
    """Outbox passes until the draft's send is final (sent or send_failed); returns that status."""
    deadline = time.monotonic() + timeout
    while True:
        send_pass(otvet)
        status = otvet.send_infos([otvet.get_draft(draft_id)])[draft_id].send_status
        if status in ("sent", "send_failed") or time.monotonic() > deadline:
            return str(status)
        time.sleep(0.1)
