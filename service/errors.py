"""One small error hierarchy; the API maps each class to a status code in one place."""

from __future__ import annotations

from typing import Any


class OtvetError(Exception):
    """Base class: every error carries a stable machine-readable code for inbox tools."""

    code = "internal_error"
    status_code = 500

    def __init__(self, message: str, *, code: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.details = details


class InputError(OtvetError):
    code = "invalid_input"
    status_code = 422


class NotFound(OtvetError):
    code = "not_found"
    status_code = 404


class Conflict(OtvetError):
    code = "conflict"
    status_code = 409


class Unauthorized(OtvetError):
    code = "unauthorized"
    status_code = 401


class PolicyBlocked(OtvetError):
    """Text breaks Ozon's communication rules; ``details`` holds the violations."""

    code = "policy_blocked"
    status_code = 422


class ModelError(OtvetError):
    """The LLM or the embedding model failed; callers fall back where they can."""

    code = "model_error"
    status_code = 502


class KnowledgeError(OtvetError):
    """The knowledge base is malformed; ``details`` lists file, line and problem."""

    code = "knowledge_invalid"
    status_code = 422


class OzonError(OtvetError):
    """Ozon's Seller API refused or failed a call.

    ``retryable``: trying again may succeed (429, 5xx, network). ``ambiguous``: the call may have taken
    effect although no answer came (timeout, 5xx), so a send must be verified before it is repeated.
    """

    code = "ozon_error"
    status_code = 502

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        http_status: int | None = None,
        retryable: bool = False,
        ambiguous: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, code=code, details={"http_status": http_status} if http_status else None)
        self.http_status = http_status
        self.retryable = retryable
        self.ambiguous = ambiguous
        self.retry_after = retry_after
