"""Drafting through litellm, so any provider (OpenAI, Anthropic, Ollama, llama.cpp...) plugs in.

Failures raise ``ModelError``; the pipeline then falls back to the offline drafter, because
a seller is better served by a plain knowledge-base reply than by no draft at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import ValidationError

from service.config import Settings
from service.drafting.parts import MAX_REPLY_CHARS, ReplyParts, structural_problems
from service.errors import ModelError
from service.retrieval.retriever import Hit

# litellm otherwise fetches its price list from the internet when imported.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


@dataclass(frozen=True)
class RenderedPrompt:
    version: str
    messages: list[dict[str, str]]
    sha256: str


def parse_parts(content: str) -> ReplyParts:
    """Models wrap JSON in code fences or add chatter; take the outermost object."""
    match = _JSON_OBJECT.search(content)
    if match is None:
        raise ModelError("model reply has no JSON object", code="llm_invalid_output")
    try:
        return ReplyParts.model_validate(json.loads(match.group(0)))
    except (json.JSONDecodeError, ValidationError) as exc:
        raise ModelError(f"model reply is not a valid three-part JSON: {exc}", code="llm_invalid_output") from exc


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

    def render(self, message: str, hits: list[Hit], order: Mapping[str, str]) -> RenderedPrompt:
        system = self._templates.get_template("system.md.j2").render(max_chars=MAX_REPLY_CHARS)
        user = self._templates.get_template("user.md.j2").render(
            message=message,
            order=dict(order),
            hits=[{"id": h.entry.id, "title": h.entry.title, "answer": h.entry.display_answer()} for h in hits],
        )
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        digest = hashlib.sha256(json.dumps(messages, ensure_ascii=False).encode()).hexdigest()
        return RenderedPrompt(self.prompt_version, messages, digest)

    def draft(self, prompt: RenderedPrompt) -> ReplyParts:
        import litellm

        kwargs: dict[str, Any] = {
            "model": self.settings.llm_model,
            "messages": prompt.messages,
            "temperature": self.settings.llm_temperature,
            "timeout": self.settings.llm_timeout_seconds,
            "response_format": {"type": "json_object"},
        }
        if self.settings.llm_api_base:
            kwargs["api_base"] = self.settings.llm_api_base
        if self.settings.llm_api_key is not None:
            kwargs["api_key"] = self.settings.llm_api_key.get_secret_value()
        try:
            response = litellm.completion(**kwargs)
        except Exception as exc:  # litellm maps every provider error onto its own classes
            raise ModelError(f"LLM call failed: {type(exc).__name__}", code="llm_unavailable") from exc
        content = response.choices[0].message.content or ""
        parts = parse_parts(content)
        problems = structural_problems(parts)
        if problems:
            raise ModelError("; ".join(problems), code="llm_invalid_output")
        return parts
