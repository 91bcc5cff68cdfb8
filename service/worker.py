"""The background worker: drafts stored buyer messages, polls Ozon, sends the outbox.

Runs inside ``otvet serve`` (one process) or alone as ``otvet worker`` (next to several API processes).
Any number of workers may run at once: every row they take is claimed by a conditional update.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Awaitable

from service.core import Otvet
from service.errors import OtvetError
from service.outbox.sender import OutboxSender
from service.ozon.client import OzonClient
from service.ozon.ingest import draft_pending
from service.ozon.poller import poll_once

log = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Worker:
    def __init__(self, otvet: Otvet, *, name: str | None = None, poll: bool = True) -> None:
        self.otvet = otvet
        self.settings = otvet.settings
        self.name = name or worker_name()
        self.poll = poll
        self._last_poll = float("-inf")

    async def run_once(self, ozon: OzonClient | None) -> None:
        """One pass. An error in one part is logged and does not stop the others."""
        if (
            ozon is not None
            and self.poll
            and time.monotonic() - self._last_poll >= self.settings.ozon_poll_interval_seconds
        ):
            self._last_poll = time.monotonic()
            await self._guard("poll", poll_once(self.otvet, ozon))
        await self._guard("draft", draft_pending(self.otvet, ozon, self.name))
        if ozon is not None:
            await self._guard("send", OutboxSender(self.otvet, ozon, self.name).run_once())

    async def _guard(self, part: str, job: Awaitable[object]) -> None:
        try:
            await job
        except OtvetError as exc:
            log.warning("worker %s: %s failed: %s", self.name, part, exc.message)
        except Exception:
            log.exception("worker %s: %s failed", self.name, part)

    async def run(self, stop: asyncio.Event) -> None:
        log.info(
            "worker %s started (%s)",
            self.name,
            "sending and polling" if self.settings.ozon_enabled else "drafting only",
        )
        ozon = OzonClient(self.settings) if self.settings.ozon_enabled else None
        try:
            while not stop.is_set():
                await self.run_once(ozon)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self.settings.worker_interval_seconds)
        finally:
            if ozon is not None:
                await ozon.aclose()
            log.info("worker %s stopped", self.name)
