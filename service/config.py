"""All runtime configuration, read once from ``OTVET_*`` environment variables (or ``.env``)."""

from __future__ import annotations

import datetime as dt
import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from service.retrieval.tuning import Tuning

ROOT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_MODEL_DIR = ROOT_DIR / "var" / "models" / "multilingual-e5-small"


def _split_csv(value: object) -> object:
    """Lists come from env vars as ``a,b,c``: JSON arrays are awkward to type in a shell."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    """Public contract: operators set these; renaming one is a breaking change."""

    model_config = SettingsConfigDict(env_prefix="OTVET_", env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{ROOT_DIR / 'var' / 'otvet.db'}"
    knowledge_dir: Path = ROOT_DIR / "knowledge"
    prompts_dir: Path = ROOT_DIR / "prompts"
    index_dir: Path = ROOT_DIR / "var" / "index"
    embedding_model: str = str(DEFAULT_MODEL_DIR)
    embedding_backend: Literal["onnx", "onnx-int8", "torch"] = "onnx"
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)

    llm_model: str = ""
    llm_api_base: str = ""
    llm_api_key: SecretStr | None = None
    llm_timeout_seconds: float = 30.0
    llm_temperature: float = 0.2
    # Tried in order when the primary model fails after its retries; same key and base URL.
    llm_fallbacks: Annotated[list[str], NoDecode] = Field(default_factory=list)
    llm_max_retries: int = Field(default=2, ge=0, le=10)  # per model, on 429 and 5xx, with backoff

    retrieval_top_k: int = Field(default=3, ge=1, le=20)
    retrieval_min_score: float = Field(default=0.865, ge=0.0, le=1.0)
    retrieval_lexical_weight: float = Field(default=0.07, ge=0.0, le=1.0)
    retrieval_out_of_scope_margin: float = Field(default=0.0, ge=-1.0, le=1.0)
    retrieval_context_boost: float = Field(default=0.01, ge=0.0, le=0.2)
    retrieval_min_coverage: float = Field(default=0.1, ge=0.0, le=1.0)
    retrieval_trusted_score: float = Field(default=0.9, ge=0.0, le=1.0)
    response_deadline_hours: float = Field(default=4.0, gt=0)
    # Notices still pass the compliance check: a blocked one is never approved automatically.
    auto_approve_notices: bool = False
    # While today in Moscow is before this date, a new chat's first message gets a holiday reply draft.
    holiday_until: dt.date | None = None

    return_window_days: int = Field(default=7, ge=1, le=365)
    warranty_months: int = Field(default=12, ge=0, le=120)
    support_hours: str = "ежедневно с 9:00 до 21:00 по московскому времени"

    log_level: str = "INFO"

    ozon_api_base: str = "https://api-seller.ozon.ru"
    ozon_client_id: str = ""
    ozon_api_key: SecretStr | None = None
    ozon_timeout_seconds: float = Field(default=10.0, gt=0)
    ozon_max_retries: int = Field(default=3, ge=0, le=10)  # per call, on 429, 5xx and timeouts
    # Ozon's published source networks for pushes; empty accepts any source (e.g. behind a proxy that filters).
    ozon_push_allow_ips: Annotated[list[str], NoDecode] = Field(default_factory=list)
    ozon_poll_interval_seconds: float = Field(default=60.0, gt=0)
    ozon_send_max_attempts: int = Field(default=6, ge=1, le=50)
    ozon_send_backoff_seconds: float = Field(default=5.0, gt=0)
    ozon_send_lease_seconds: float = Field(default=120.0, gt=0)  # a send held longer is taken as crashed
    worker_in_process: bool = True
    worker_interval_seconds: float = Field(default=2.0, gt=0)

    @field_validator("llm_fallbacks", mode="before")
    @classmethod
    def _parse_fallbacks(cls, value: object) -> object:
        return _split_csv(value)

    @field_validator("holiday_until", mode="before")
    @classmethod
    def _blank_date(cls, value: object) -> object:
        """``OTVET_HOLIDAY_UNTIL=`` (set but empty) switches holiday mode off instead of failing start-up."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("ozon_push_allow_ips", mode="before")
    @classmethod
    def _parse_networks(cls, value: object) -> object:
        networks = _split_csv(value)
        for item in networks if isinstance(networks, list) else []:
            ipaddress.ip_network(str(item), strict=False)  # a typo fails at start-up, not at the first push
        return networks

    @field_validator("api_keys", mode="before")
    @classmethod
    def _parse_keys(cls, value: object) -> object:
        return _split_csv(value)

    def retrieval_tuning(self) -> Tuning:
        return Tuning(
            min_score=self.retrieval_min_score,
            lexical_weight=self.retrieval_lexical_weight,
            out_of_scope_margin=self.retrieval_out_of_scope_margin,
            context_boost=self.retrieval_context_boost,
            min_coverage=self.retrieval_min_coverage,
            trusted_score=self.retrieval_trusted_score,
        )

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_model.strip())

    @property
    def ozon_enabled(self) -> bool:
        """Sending and polling need both credentials; push ingestion works without them."""
        key = self.ozon_api_key.get_secret_value() if self.ozon_api_key else ""
        return bool(self.ozon_client_id.strip() and key.strip())


def is_loopback(host: str) -> bool:
    """Without API keys the server must stay private to this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@lru_cache
def get_settings() -> Settings:
    return Settings()
