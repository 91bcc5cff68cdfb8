"""Talking to the model through litellm, so any provider (OpenAI, Anthropic, Ollama, llama.cpp...) plugs in.

This module only renders prompts, calls the model chain and parses its JSON; what to do with a
bad answer (repair, retry in Russian, regenerate, fall back) is the pipeline's decision.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import ValidationError

from service.config import Settings
from service.drafting.parts import MAX_REPLY_CHARS, ReplyParts
from service.errors import ModelError
from service.retrieval.retriever import Hit

# litellm otherwise fetches its price list from the internet when imported.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

log = logging.getLogger(__name__)

REPLY_SCHEMA: dict[str, Any] = {
    "name": "reply",
    "strict": True,
    "schema": {
        "type": "object",
        "properties": {
            "acknowledgement": {"type": "string"},
            "solution": {"type": "string"},
            "support": {"type": "string"},
        },
        "required": ["acknowledgement", "solution", "support"],
        "additionalProperties": False,
    },
}


# How the prompt names order fields, so the model reads Russian and quotes them naturally.
ORDER_LABELS = {
    "posting_number": "номер отправления",
    "tracking_number": "трек-номер",
    "delivery_date": "дата доставки",
    "product_name": "товар",
}


@dataclass(frozen=True)
class RenderedPrompt:
    version: str
    messages: list[dict[str, str]]
    sha256: str


@dataclass
class Usage:
    """Summed over every call one draft needed (repairs and retries included)."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    latency_ms: float = 0.0
    models: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
            "cost_usd": round(self.cost_usd, 6),
            "latency_ms": round(self.latency_ms, 1),
            "models": self.models,
        }


def parse_parts(content: str) -> ReplyParts:
    """Models wrap JSON in code fences or add chatter around it; take the first complete object."""
    decoder = json.JSONDecoder()
    start = content.find("{")
    while start != -1:
        try:
            value, _ = decoder.raw_decode(content, start)
        except json.JSONDecodeError:
            start = content.find("{", start + 1)
            continue
        try:
            return ReplyParts.model_validate(value)
        except ValidationError as exc:
            raise ModelError(f"the JSON does not hold the three parts: {exc.error_count()} problem(s)",
                             code="llm_invalid_output") from exc  # fmt: skip
    raise ModelError("the reply has no JSON object", code="llm_invalid_output")


class LLMDrafter:
    name = "llm"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._templates = Environment(
            loader=FileSystemLoader(settings.prompts_dir),
            undefined=StrictUndefined,
            autoescape=False,  # noqa: S701 - plain-text prompts, never rendered as HTML
            keep_trailing_newline=True,
        )
        self.prompt_version = (settings.prompts_dir / "VERSION").read_text(encoding="utf-8").strip()
        self.models = [settings.llm_model, *settings.llm_fallbacks]

    def render(
        self, message: str, hits: list[Hit], order: Mapping[str, str], answers: Mapping[str, str] | None = None
    ) -> RenderedPrompt:
        """``answers`` are the entries' replies with slots filled; the slot-free reading otherwise."""
        answers = answers or {}
        system = self._templates.get_template("system.md.j2").render(max_chars=MAX_REPLY_CHARS)
        user = self._templates.get_template("user.md.j2").render(
            message=message,
            order=dict(order),
            labels=ORDER_LABELS,
            hits=[
                {
                    "id": h.entry.id,
                    "title": h.entry.title,
                    "answer": answers.get(h.entry.id) or h.entry.display_answer(),
                }
                for h in hits
            ],
        )
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        digest = hashlib.sha256(json.dumps(messages, ensure_ascii=False).encode()).hexdigest()
        return RenderedPrompt(self.prompt_version, messages, digest)

    def complete(self, messages: list[dict[str, str]], usage: Usage) -> str:
        """The first model of the chain that answers; litellm retries 429 and 5xx with backoff."""
        failure: ModelError | None = None
        for model in self.models:
            try:
                return self._call(model, messages, usage)
            except ModelError as exc:
                log.warning(
                    "model %s failed (%s); %s",
                    model,
                    exc.code,
                    "trying the next" if model != self.models[-1] else "giving up",
                )
                failure = exc
        assert failure is not None
        raise failure

    def _call(self, model: str, messages: list[dict[str, str]], usage: Usage) -> str:
        litellm = _litellm()

        kwargs: dict[str, Any] = {
            "model": model,
            "messages": messages,
            "temperature": self.settings.llm_temperature,
            "timeout": self.settings.llm_timeout_seconds,
            "num_retries": self.settings.llm_max_retries,
            "response_format": _response_format(model),
        }
        if self.settings.llm_api_base:
            kwargs["api_base"] = self.settings.llm_api_base
        if self.settings.llm_api_key is not None:
            kwargs["api_key"] = self.settings.llm_api_key.get_secret_value()
        started = time.perf_counter()
        try:
            response = litellm.completion(**kwargs)
        except litellm.exceptions.Timeout as exc:
            raise ModelError(
                f"{model} did not answer in {self.settings.llm_timeout_seconds:g} s", code="llm_timeout"
            ) from exc
        except Exception as exc:  # litellm maps every provider error onto its own classes
            raise ModelError(f"{model} failed: {type(exc).__name__}", code="llm_unavailable") from exc
        finally:
            usage.latency_ms += (time.perf_counter() - started) * 1000
        usage.calls += 1
        usage.models.append(model)
        counted = getattr(response, "usage", None)
        usage.prompt_tokens += int(getattr(counted, "prompt_tokens", 0) or 0)
        usage.completion_tokens += int(getattr(counted, "completion_tokens", 0) or 0)
        try:
            usage.cost_usd += float(litellm.completion_cost(completion_response=response) or 0.0)
        except Exception:
            log.debug("no price known for %s", model)
        return str(response.choices[0].message.content or "")


def _litellm() -> Any:
    """Imported on first use (it takes seconds) and told not to print help banners into our logs."""
    import litellm

    litellm.suppress_debug_info = True
    return litellm


def _response_format(model: str) -> dict[str, Any]:
    """A JSON schema where the provider enforces one; plain JSON mode (and tolerant parsing) elsewhere."""
    litellm = _litellm()

    try:
        if litellm.supports_response_schema(model=model):
            return {"type": "json_schema", "json_schema": REPLY_SCHEMA}
    except Exception:
        log.debug("cannot tell whether %s supports a response schema", model)
    return {"type": "json_object"}
