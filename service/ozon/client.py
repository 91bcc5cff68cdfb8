"""Async client of Ozon's Seller API chat methods, with retries and backoff on 429, 5xx and timeouts."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any

import httpx

from service import __version__
from service.config import Settings
from service.errors import InputError, OzonError
from service.ozon.models import ChatHistory, ChatList

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 1000
MAX_RETRY_AFTER_SECONDS = 30.0

Sleep = Callable[[float], Awaitable[None]]


def check_text(text: str) -> str:
    """Ozon takes 1 to 1000 characters; anything else is refused before a call is made."""
    stripped = text.strip()
    if not stripped:
        raise InputError("the reply must not be empty", code="empty_text")
    if len(stripped) > MAX_TEXT_CHARS:
        raise InputError(
            f"Ozon accepts at most {MAX_TEXT_CHARS} characters in a chat message; this one has {len(stripped)}",
            code="text_too_long",
        )
    return stripped


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return min(float(response.headers.get("Retry-After", "")), MAX_RETRY_AFTER_SECONDS)
    except ValueError:
        return None


def _error_message(response: httpx.Response) -> str:
    """Ozon's errors are ``{"code", "message", "details"}``; anything else is shown as text."""
    try:
        body = response.json()
    except ValueError:
        body = None
    message = body.get("message") if isinstance(body, dict) else None
    return str(message or response.text or response.reason_phrase)[:300]


class OzonClient:
    """One instance per event loop; use as ``async with OzonClient(settings) as ozon``."""

    def __init__(self, settings: Settings, *, sleep: Sleep = asyncio.sleep) -> None:
        key = settings.ozon_api_key.get_secret_value() if settings.ozon_api_key else ""
        self._http = httpx.AsyncClient(
            base_url=settings.ozon_api_base.rstrip("/"),
            headers={"Client-Id": settings.ozon_client_id, "Api-Key": key, "User-Agent": f"otvet/{__version__}"},
            timeout=settings.ozon_timeout_seconds,
        )
        self._retries = settings.ozon_max_retries
        self._sleep = sleep

    async def __aenter__(self) -> OzonClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _call(self, path: str, body: dict[str, Any], *, retries: int | None = None) -> dict[str, Any]:
        """POST, retried on 429, 5xx and timeouts with backoff (``Retry-After`` when Ozon gives one)."""
        attempt = 0
        limit = self._retries if retries is None else retries
        while True:
            error = await self._once(path, body)
            if isinstance(error, dict):
                return error
            if not error.retryable or attempt >= limit:
                raise error
            delay = error.retry_after if error.retry_after is not None else min(0.5 * 2**attempt, 8.0)
            attempt += 1
            log.warning("ozon %s: %s; retry %d in %.1fs", path, error.message, attempt, delay)
            await self._sleep(delay * (1 + random.uniform(0, 0.1)))

    async def _once(self, path: str, body: dict[str, Any]) -> dict[str, Any] | OzonError:
        try:
            response = await self._http.post(path, json=body)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            return OzonError(f"cannot reach Ozon: {exc!r}", code="ozon_unreachable", retryable=True)
        except httpx.TimeoutException:
            return OzonError("Ozon did not answer in time", code="ozon_timeout", retryable=True, ambiguous=True)
        except httpx.TransportError as exc:
            return OzonError(
                f"connection to Ozon failed: {exc!r}", code="ozon_unreachable", retryable=True, ambiguous=True
            )
        status = response.status_code
        if status == 429:
            return OzonError(
                "Ozon rate limit (429)", code="ozon_rate_limited", http_status=429, retryable=True,
                retry_after=_retry_after(response),
            )  # fmt: skip
        if status >= 500:
            return OzonError(
                f"Ozon server error {status}: {_error_message(response)}", code="ozon_server_error",
                http_status=status, retryable=True, ambiguous=True, retry_after=_retry_after(response),
            )  # fmt: skip
        if status >= 400:
            return OzonError(
                f"Ozon refused the call ({status}): {_error_message(response)}",
                code="ozon_rejected",
                http_status=status,
            )
        try:
            data = response.json()
        except ValueError:
            return OzonError("Ozon answered with invalid JSON", code="ozon_bad_response", http_status=status)
        return data if isinstance(data, dict) else {"result": data}

    async def chat_list(
        self, *, unread_only: bool = True, chat_status: str = "Opened", limit: int = 100, cursor: str | None = None
    ) -> ChatList:
        body: dict[str, Any] = {
            "filter": {"chat_status": chat_status, "unread_only": unread_only},
            "limit": max(1, min(limit, 100)),
        }
        if cursor:
            body["cursor"] = cursor
        return ChatList.model_validate(await self._call("/v3/chat/list", body))

    async def chat_history(
        self, chat_id: str, *, direction: str = "Backward", from_message_id: str | None = None, limit: int = 50
    ) -> ChatHistory:
        body: dict[str, Any] = {"chat_id": chat_id, "direction": direction, "limit": max(1, min(limit, 1000))}
        if from_message_id:
            body["from_message_id"] = from_message_id
        return ChatHistory.model_validate(await self._call("/v3/chat/history", body))

    async def send_message(self, chat_id: str, text: str) -> None:
        """One call, never repeated here: the outbox records each attempt, and after a timeout or 5xx
        checks the chat before sending again."""
        await self._call("/v1/chat/send/message", {"chat_id": chat_id, "text": check_text(text)}, retries=0)

    async def mark_read(self, chat_id: str, from_message_id: str) -> None:
        await self._call("/v2/chat/read", {"chat_id": chat_id, "from_message_id": from_message_id})

    async def start_chat(self, posting_number: str) -> str:
        data = await self._call("/v1/chat/start", {"posting_number": posting_number})
        result = data.get("result") or {}
        chat_id = result.get("chat_id") if isinstance(result, dict) else None
        if not chat_id:
            raise OzonError("Ozon did not return a chat id", code="ozon_bad_response")
        return str(chat_id)
