"""``POST /ozon/push``: Ozon's own contract, not /v1; no API key (Ozon cannot send one), an IP allowlist instead."""

from __future__ import annotations

import ipaddress
import json
import logging

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import JSONResponse

from service.api.deps import OtvetDep
from service.core import Otvet
from service.ozon.client import OzonClient
from service.ozon.ingest import draft_pending
from service.ozon.push import handle_push, ozon_error

router = APIRouter(tags=["ozon"])
log = logging.getLogger(__name__)


def _allowed(host: str | None, networks: list[str]) -> bool:
    if not networks:
        return True
    try:
        address = ipaddress.ip_address(host or "")
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net, strict=False) for net in networks)


async def _draft_in_background(otvet: Otvet) -> None:
    try:
        if otvet.settings.ozon_enabled:
            async with OzonClient(otvet.settings) as ozon:
                await draft_pending(otvet, ozon, "push")
        else:
            await draft_pending(otvet, None, "push")
    except Exception:  # the worker's next pass picks the stored message up
        log.exception("background drafting failed")


@router.post("/ozon/push", include_in_schema=True)
async def ozon_push(request: Request, otvet: OtvetDep, background: BackgroundTasks) -> JSONResponse:
    """Answers within milliseconds: the message is stored, drafting runs after the answer is sent."""
    host = request.client.host if request.client else None
    if not _allowed(host, otvet.settings.ozon_push_allow_ips):
        log.warning("push from %s refused: not in OTVET_OZON_PUSH_ALLOW_IPS", host)
        answer = ozon_error(403, "ERROR_UNKNOWN", "source address not allowed")
        return JSONResponse(answer.body, status_code=answer.status)
    try:
        payload = json.loads(await request.body())
    except ValueError:
        answer = ozon_error(400, "ERROR_PARAMETER_VALUE_MISSED", "body is not valid JSON")
        return JSONResponse(answer.body, status_code=answer.status)
    try:
        answer = await handle_push(otvet, payload)
    except Exception as exc:  # nothing was stored, or it was stored and a retry is a harmless duplicate
        log.exception("push failed")
        answer = ozon_error(500, "ERROR_UNKNOWN", "the notification could not be stored", type(exc).__name__)
    if answer.draft_later:
        background.add_task(_draft_in_background, otvet)
    return JSONResponse(answer.body, status_code=answer.status)
