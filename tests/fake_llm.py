"""A local OpenAI-compatible server that answers from a queue, like simonw/llm's MockModel.

litellm reaches it over real HTTP, exactly as it would reach a provider, so the tests cover
litellm's request building, response parsing and error mapping too.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse


@dataclass
class Reply:
    content: str = ""
    status: int = 200
    delay: float = 0.0


@dataclass
class FakeLLM:
    replies: deque[Reply] = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)
    # Answers when the queue is empty; without it an empty queue is a 500.
    responder: Callable[[dict[str, Any]], str] | None = None

    def enqueue(self, content: str | dict[str, Any] = "", *, status: int = 200, delay: float = 0.0) -> None:
        text = json.dumps(content, ensure_ascii=False) if isinstance(content, dict) else content
        self.replies.append(Reply(text, status, delay))

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v1/chat/completions")
        @app.post("/chat/completions")
        async def completions(request: Request) -> JSONResponse:
            body = await request.json()
            self.requests.append(body)
            if self.replies:
                reply = self.replies.popleft()
            elif self.responder is not None:
                reply = Reply(self.responder(body))
            else:
                reply = Reply(status=500, content="queue empty")
            if reply.delay:
                await asyncio.sleep(reply.delay)
            if reply.status != 200:
                error = {"error": {"message": reply.content or "error", "type": "server_error"}}
                return JSONResponse(error, status_code=reply.status)
            return JSONResponse(
                {
                    "id": "chatcmpl-test",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": body.get("model", "fake"),
                    "choices": [
                        {
                            "index": 0,
                            "finish_reason": "stop",
                            "message": {"role": "assistant", "content": reply.content},
                        }
                    ],
                    "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
                }
            )

        return app


class ServerThread:
    """uvicorn in a background thread on a free loopback port."""

    def __init__(self, app: FastAPI) -> None:
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("fake server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)
