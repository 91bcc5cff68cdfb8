"""FastAPI application factory."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from service import __version__
from service.api.deps import require_api_key
from service.api.errors import install_error_handlers
from service.api.routers import compliance, drafts, health, knowledge, metrics, notices, ozon_push, stats
from service.config import Settings, get_settings
from service.core import Otvet
from service.worker import Worker


def create_app(settings: Settings | None = None, otvet: Otvet | None = None, *, run_worker: bool = False) -> FastAPI:
    """Build the app; pass ``otvet`` to share one loaded model between test apps.

    ``run_worker`` runs the background worker (drafting, polling, outbox) in this process.
    """
    settings = settings or (otvet.settings if otvet else get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = otvet is None
        app.state.otvet = otvet or Otvet(settings)
        stop = asyncio.Event()
        task = asyncio.create_task(Worker(app.state.otvet).run(stop)) if run_worker else None
        try:
            yield
        finally:
            stop.set()
            if task is not None:
                await task
            if owned:
                app.state.otvet.close()

    app = FastAPI(
        title="otvet",
        version=__version__,
        summary="Reply drafts for Ozon sellers: retrieval, drafting, compliance check, human review.",
        lifespan=lifespan,
    )
    if otvet is not None:
        app.state.otvet = otvet
    install_error_handlers(app)
    protected = [Depends(require_api_key)]
    app.include_router(drafts.router, dependencies=protected)
    app.include_router(knowledge.router, dependencies=protected)
    app.include_router(compliance.router, dependencies=protected)
    app.include_router(notices.router, dependencies=protected)
    app.include_router(stats.router, dependencies=protected)
    app.include_router(metrics.router, dependencies=protected)
    app.include_router(health.router)
    app.include_router(ozon_push.router)
    return app
