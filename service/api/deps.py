"""Dependencies shared by the routers, as ``Annotated`` aliases."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from service.config import Settings
from service.core import Otvet
from service.errors import Unauthorized

_bearer = HTTPBearer(auto_error=False, description="One of OTVET_API_KEYS")


def get_otvet(request: Request) -> Otvet:
    otvet: Otvet = request.app.state.otvet
    return otvet


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.otvet.settings
    return settings


OtvetDep = Annotated[Otvet, Depends(get_otvet)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def require_api_key(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Constant-time comparison against every key, so timing reveals neither key nor match."""
    if not settings.api_keys:
        return
    presented = credentials.credentials.encode() if credentials else b""
    matched = False
    for key in settings.api_keys:
        matched |= hmac.compare_digest(presented, key.get_secret_value().encode())
    if not matched:
        raise Unauthorized("missing or invalid API key", code="unauthorized")
