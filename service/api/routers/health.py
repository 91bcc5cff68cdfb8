"""Liveness for load balancers and the start-up wait in scripts; no auth, no secrets."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from service.api.deps import OtvetDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz(otvet: OtvetDep) -> dict[str, object]:
    with otvet.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return {
        "status": "ok",
        "knowledge_entries": len(otvet.knowledge),
        "index": otvet.retriever.index.key,
        "drafter": "llm" if otvet.llm else "offline",
    }
