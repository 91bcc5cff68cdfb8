"""Sends claimed outbox rows to Ozon. Exactly once rests on three rules:

1. a row is claimed by a conditional update, so one worker at a time holds it;
2. a send is never repeated blindly: after a timeout, a 5xx or a crash, the chat history is checked first;
3. every call is recorded as a send attempt before it is made.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random

from service.core import Otvet
from service.errors import InputError, OzonError
from service.outbox import store
from service.ozon.client import OzonClient
from service.ozon.models import normalize_enum
from service.ozon.queue import send_infos
from service.storage.tables import DraftRow

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 900.0
CLOCK_SKEW = dt.timedelta(minutes=5)


class OutboxSender:
    def __init__(self, otvet: Otvet, ozon: OzonClient, worker: str) -> None:
        self.otvet = otvet
        self.ozon = ozon
        self.worker = worker
        self.settings = otvet.settings

    async def run_once(self) -> int:
        """Send what is due; returns how many rows were handled."""
        lease = dt.timedelta(seconds=self.settings.ozon_send_lease_seconds)
        claims = await asyncio.to_thread(self._claim, lease)
        for claim in claims:
            await self._send(claim)
        await self._mark_read_backlog()
        return len(claims)

    def _claim(self, lease: dt.timedelta) -> list[store.Claim]:
        with self.otvet.sessions() as session:
            return store.claim_due(session, self.worker, lease)

    def _window_open(self, draft_id: str) -> bool:
        with self.otvet.sessions() as session:
            draft = session.get(DraftRow, draft_id)
            if draft is None:
                return False
            return send_infos(session, [draft])[draft_id].window.open  # type: ignore[union-attr]

    async def _send(self, claim: store.Claim) -> None:
        if not await asyncio.to_thread(self._window_open, claim.draft_id):
            await self._fail(claim, "chat_window_closed: Ozon no longer lets the seller write in this chat")
            return
        if claim.verify_first:
            try:
                found = await self._already_in_chat(claim)
            except OzonError as exc:
                await self._retry_or_fail(claim, exc, ambiguous=True)
                return
            if found:
                log.info("draft %s was already delivered; not sending again", claim.draft_id)
                await self._sent(claim, await asyncio.to_thread(self._start, claim), outcome="found_in_chat")
                return
        attempt_id = await asyncio.to_thread(self._start, claim)
        try:
            await self.ozon.send_message(claim.chat_id, claim.text)
        except InputError as exc:
            await asyncio.to_thread(self._finish_attempt, attempt_id, "failed", None, exc.message)
            await self._fail(claim, f"{exc.code}: {exc.message}")
            return
        except OzonError as exc:
            outcome = "unknown" if exc.ambiguous else ("retry" if exc.retryable else "failed")
            await asyncio.to_thread(self._finish_attempt, attempt_id, outcome, exc.http_status, exc.message)
            await self._retry_or_fail(claim, exc, ambiguous=exc.ambiguous)
            return
        except asyncio.CancelledError:
            # The process is stopping mid-call: the lease runs out and the next worker verifies first.
            raise
        await self._sent(claim, attempt_id)

    async def _already_in_chat(self, claim: store.Claim) -> bool:
        history = await self.ozon.chat_history(claim.chat_id, direction="Backward", limit=50)
        since = await asyncio.to_thread(self._queued_at, claim.draft_id)
        for message in history.messages:
            if normalize_enum(message.user.type) == "customer":
                continue
            if message.text == claim.text.strip() and (since is None or message.created_at >= since - CLOCK_SKEW):
                return True
        return False

    def _queued_at(self, draft_id: str) -> dt.datetime | None:
        """The first attempt's start: a matching message older than that is another reply, not this one."""
        with self.otvet.sessions() as session:
            return store.first_attempt_at(session, draft_id)

    def _start(self, claim: store.Claim) -> int:
        with self.otvet.sessions() as session:
            return store.start_attempt(session, claim, self.worker)

    def _finish_attempt(self, attempt_id: int | None, outcome: str, status: int | None, error: str | None) -> None:
        with self.otvet.sessions() as session:
            store.finish_attempt(session, attempt_id, outcome, status, error)

    async def _sent(self, claim: store.Claim, attempt_id: int | None, outcome: str = "sent") -> None:
        def write() -> bool:
            with self.otvet.sessions() as session:
                store.finish_attempt(session, attempt_id, outcome)
                return store.mark_sent(session, claim, self.worker)

        if await asyncio.to_thread(write) and claim.buyer_message_id:
            await self._mark_read(claim.draft_id, claim.chat_id, claim.buyer_message_id)

    async def _retry_or_fail(self, claim: store.Claim, exc: OzonError, *, ambiguous: bool) -> None:
        error = f"{exc.code}: {exc.message}"
        if not exc.retryable or claim.attempt >= self.settings.ozon_send_max_attempts:
            await self._fail(claim, error)
            return
        backoff = min(self.settings.ozon_send_backoff_seconds * 2 ** (claim.attempt - 1), MAX_BACKOFF_SECONDS)
        delay = max(backoff * random.uniform(1.0, 1.2), exc.retry_after or 0.0)
        log.warning("draft %s: %s; attempt %d, next in %.1fs", claim.draft_id, error, claim.attempt, delay)

        def write() -> None:
            with self.otvet.sessions() as session:
                store.mark_retry(session, claim, self.worker, delay=delay, error=error, ambiguous=ambiguous)

        await asyncio.to_thread(write)

    async def _fail(self, claim: store.Claim, error: str) -> None:
        log.error("draft %s not sent: %s", claim.draft_id, error)

        def write() -> None:
            with self.otvet.sessions() as session:
                store.mark_failed(session, claim, self.worker, error)

        await asyncio.to_thread(write)

    async def _mark_read(self, draft_id: str, chat_id: str, message_id: str) -> None:
        try:
            await self.ozon.mark_read(chat_id, message_id)
        except OzonError as exc:
            log.warning("chat %s not marked read yet: %s", chat_id, exc.message)
            return

        def write() -> None:
            with self.otvet.sessions() as session:
                store.mark_read_done(session, draft_id)

        await asyncio.to_thread(write)

    async def _mark_read_backlog(self) -> None:
        def read() -> list[tuple[str, str, str | None]]:
            with self.otvet.sessions() as session:
                return store.unread_after_send(session)

        for draft_id, chat_id, message_id in await asyncio.to_thread(read):
            if message_id:
                await self._mark_read(draft_id, chat_id, message_id)
