"""``/metrics`` for Prometheus: the stats as gauges, plus the queue by status and blocks by code."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry

from service.api.deps import OtvetDep
from service.stats.metrics import make_registry, render

router = APIRouter(tags=["metrics"])


def _registry(request: Request, otvet: OtvetDep) -> CollectorRegistry:
    registry: CollectorRegistry | None = getattr(request.app.state, "metrics_registry", None)
    if registry is None:
        registry = make_registry(otvet.sessions)
        request.app.state.metrics_registry = registry
    return registry


@router.get("/metrics", response_class=Response, responses={200: {"content": {CONTENT_TYPE_LATEST: {}}}})
def metrics(request: Request, otvet: OtvetDep) -> Response:
    """Needs an API key whenever ``OTVET_API_KEYS`` is set, like every ``/v1`` call."""
    return Response(render(_registry(request, otvet)), media_type=CONTENT_TYPE_LATEST)
