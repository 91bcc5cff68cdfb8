"""A protocol-faithful fake of Ozon's Seller API chat methods, served by real uvicorn on loopback.

It keeps chats and messages, records every call, sends pushes, and injects faults per path: a status
(429 with Retry-After, 500, 400), a slow answer, or a slow answer after the call already took effect
(the case where the client times out although Ozon did deliver the message).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import socket
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

CLIENT_ID = "fake-client"
API_KEY = "fake-api-key"


@dataclass
class Fault:
    status: int | None = None  # answer this status instead of the real one
    delay: float = 0.0  # wait this long before answering
    retry_after: str | None = None
    applied: bool = False  # the call takes effect although the answer is an error or too late


@dataclass
class Chat:
    chat_id: str
    chat_type: str = "Buyer_Seller"
    messages: list[dict[str, Any]] = field(default_factory=list)
    read_up_to: int = 0  # message ids at or below this are read by the seller


@dataclass
class Call:
    path: str
    body: dict[str, Any]
    headers: dict[str, str]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run ``app`` with real uvicorn in a thread on a free loopback port; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"code": 3 if status < 500 else 13, "message": message, "details": []}, status_code=status)


class FakeOzon:
    def __init__(self) -> None:
        self.chats: dict[str, Chat] = {}
        self.calls: list[Call] = []
        self.faults: dict[str, deque[Fault]] = defaultdict(deque)
        self._ids = itertools.count(3000000000000000001)
        self._lock = threading.Lock()
        self.app = self._build()

    # --- test controls -------------------------------------------------------------------------

    def fail(self, path: str, *faults: Fault) -> None:
        self.faults[path].extend(faults)

    def buyer_writes(
        self, chat_id: str, text: str, *, order_number: str | None = "87654321-0012-1", chat_type: str = "Buyer_Seller"
    ) -> dict[str, Any]:
        """A buyer message in the chat; returns the TYPE_NEW_MESSAGE push Ozon would send for it."""
        chat = self.chats.setdefault(chat_id, Chat(chat_id, chat_type))
        message = self._add(chat, text, {"id": "115568", "type": "Сustomer"}, order_number)  # Cyrillic С, as Ozon
        return {
            "message_type": "TYPE_NEW_MESSAGE",
            "chat_id": chat_id,
            "chat_type": chat_type,
            "message_id": message["message_id"],
            "created_at": message["created_at"],
            "user": message["user"],
            "data": message["data"],
            "seller_id": "7",
        }

    def calls_to(self, path: str) -> list[Call]:
        return [call for call in self.calls if call.path == path]

    def seller_texts(self, chat_id: str) -> list[str]:
        return [m["data"][0] for m in self.chats[chat_id].messages if m["user"]["type"] == "Seller"]

    @staticmethod
    def push(target: str, payload: dict[str, Any], *, copies: int = 1) -> list[httpx.Response]:
        """Deliver a push ``copies`` times at once, as Ozon does when it retries a delivery it thinks failed."""

        def deliver(_: int) -> httpx.Response:
            return httpx.post(f"{target}/ozon/push", json=payload, timeout=10)

        with ThreadPoolExecutor(max_workers=copies) as pool:
            return list(pool.map(deliver, range(copies)))

    # --- protocol ------------------------------------------------------------------------------

    def _add(self, chat: Chat, text: str, user: dict[str, str], order_number: str | None) -> dict[str, Any]:
        with self._lock:
            message = {
                "message_id": str(next(self._ids)),
                "created_at": dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z"),
                "user": user,
                "data": [text],
                "is_read": False,
                "context": {"order_number": order_number or "", "sku": "147451939"},
            }
            chat.messages.append(message)
        return message

    def _unread(self, chat: Chat) -> list[dict[str, Any]]:
        return [m for m in chat.messages if int(m["message_id"]) > chat.read_up_to and m["user"]["type"] != "Seller"]

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.middleware("http")
        async def record(request: Request, call_next: Any) -> Any:
            body = await request.json() if request.method == "POST" else {}
            self.calls.append(Call(request.url.path, body, dict(request.headers)))
            if request.headers.get("client-id") != CLIENT_ID or request.headers.get("api-key") != API_KEY:
                return _error(401, "Invalid Api-Key, please contact support")
            queue = self.faults.get(request.url.path)
            fault = queue.popleft() if queue else None
            if fault is None:
                return await call_next(request)
            response = await call_next(request) if fault.applied else None
            await asyncio.sleep(fault.delay)
            if fault.status is not None:
                headers = {"Retry-After": fault.retry_after} if fault.retry_after else None
                answer = _error(fault.status, "fault injected")
                if headers:
                    answer.headers.update(headers)
                return answer
            return response if response is not None else await call_next(request)

        @app.post("/v3/chat/list")
        async def chat_list(request: Request) -> Any:
            body = await request.json()
            unread_only = bool((body.get("filter") or {}).get("unread_only"))
            limit = int(body.get("limit", 30))
            if not 1 <= limit <= 100:
                return _error(400, "limit must be between 1 and 100")
            chats = [c for c in self.chats.values() if not unread_only or self._unread(c)]
            start = int(body.get("cursor") or 0)
            page = chats[start : start + limit]
            has_next = start + limit < len(chats)
            return {
                "chats": [
                    {
                        "chat": {"chat_id": c.chat_id, "chat_status": "OPENED", "chat_type": c.chat_type.upper()},
                        "first_unread_message_id": (self._unread(c) or [{}])[0].get("message_id"),
                        "last_message_id": c.messages[-1]["message_id"] if c.messages else None,
                        "unread_count": len(self._unread(c)),
                    }
                    for c in page
                ],
                "total_unread_count": sum(len(self._unread(c)) for c in chats),
                "has_next": has_next,
                "cursor": str(start + limit) if has_next else "",
            }

        @app.post("/v3/chat/history")
        async def chat_history(request: Request) -> Any:
            body = await request.json()
            chat = self.chats.get(str(body.get("chat_id")))
            if chat is None:
                return _error(404, "chat not found")
            limit = int(body.get("limit", 50))
            backward = str(body.get("direction", "Backward")).lower() == "backward"
            start = body.get("from_message_id")
            messages = sorted(chat.messages, key=lambda m: int(m["message_id"]), reverse=backward)
            if start:
                bound = int(start)
                keep = (
                    (lambda m: int(m["message_id"]) <= bound) if backward else (lambda m: int(m["message_id"]) >= bound)
                )
                messages = [m for m in messages if keep(m)]
            return {"messages": messages[:limit], "has_next": len(messages) > limit}

        @app.post("/v1/chat/send/message")
        async def send_message(request: Request) -> Any:
            body = await request.json()
            chat = self.chats.get(str(body.get("chat_id")))
            text = body.get("text")
            if chat is None:
                return _error(404, "chat not found")
            if not isinstance(text, str) or not 1 <= len(text) <= 1000:
                return _error(400, "text must be 1 to 1000 characters")
            self._add(chat, text, {"id": "7", "type": "Seller"}, None)
            return {"result": "success"}

        @app.post("/v2/chat/read")
        async def chat_read(request: Request) -> Any:
            body = await request.json()
            chat = self.chats.get(str(body.get("chat_id")))
            if chat is None:
                return _error(404, "chat not found")
            chat.read_up_to = max(chat.read_up_to, int(body.get("from_message_id") or 0))
            return {"unread_count": len(self._unread(chat))}

        @app.post("/v1/chat/start")
        async def chat_start(request: Request) -> Any:
            body = await request.json()
            number = body.get("posting_number")
            if not number:
                return _error(400, "posting_number is required")
            chat_id = f"chat-{number}"
            self.chats.setdefault(chat_id, Chat(chat_id))
            return {"result": {"chat_id": chat_id}}

        return app


@contextmanager
def running_fake() -> Iterator[tuple[FakeOzon, str]]:
    fake = FakeOzon()
    with serve(fake.app) as url:
        yield fake, url
