"""Seller API and push payloads. Unknown fields are ignored: Ozon adds fields without notice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

BUYER_CHAT_TYPES = frozenset({"buyer_seller", "buyer_seller_select"})

# Ozon's own examples spell «Сustomer» with a Cyrillic С; these are the look-alikes seen in enum values.
_CYRILLIC_LOOKALIKES = str.maketrans("АВСЕНКМОРТХасеорху", "ABCEHKMOPTXaceopxy")


def normalize_enum(value: str) -> str:
    """Case- and script-insensitive enum value: «Сustomer», "CUSTOMER" and "customer" are one value."""
    return value.translate(_CYRILLIC_LOOKALIKES).strip().lower()


class OzonModel(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class ChatUser(OzonModel):
    id: str = ""
    type: str = ""

    @field_validator("id", mode="before")
    @classmethod
    def _id_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @property
    def is_customer(self) -> bool:
        return normalize_enum(self.type) == "customer"


class MessageContext(OzonModel):
    order_number: str | None = None
    sku: str | None = None

    @field_validator("sku", "order_number", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else (value or None)


class ChatMessage(OzonModel):
    message_id: str
    created_at: dt.datetime
    data: list[str] = Field(default_factory=list)
    user: ChatUser = Field(default_factory=ChatUser)
    context: MessageContext | None = None
    is_read: bool | None = None

    @field_validator("message_id", mode="before")
    @classmethod
    def _id_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @property
    def text(self) -> str:
        return "\n".join(part for part in self.data if part).strip()


class ChatHistory(OzonModel):
    messages: list[ChatMessage] = Field(default_factory=list)
    has_next: bool = False


class ChatInfo(OzonModel):
    chat_id: str
    chat_status: str = ""
    chat_type: str = ""
    created_at: dt.datetime | None = None


class ChatListItem(OzonModel):
    chat: ChatInfo
    first_unread_message_id: str | None = None
    last_message_id: str | None = None
    unread_count: int = 0

    @field_validator("first_unread_message_id", "last_message_id", mode="before")
    @classmethod
    def _id_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else (value or None)

    @property
    def is_buyer_chat(self) -> bool:
        return normalize_enum(self.chat.chat_type) in BUYER_CHAT_TYPES


class ChatList(OzonModel):
    chats: list[ChatListItem] = Field(default_factory=list)
    has_next: bool = False
    cursor: str | None = None


class NewMessagePush(OzonModel):
    """``TYPE_NEW_MESSAGE``. The push carries no order number; it is read from the chat history."""

    message_type: str
    chat_id: str = Field(min_length=1, max_length=128)
    chat_type: str = ""
    message_id: str = Field(min_length=1, max_length=64)
    created_at: dt.datetime
    user: ChatUser = Field(default_factory=ChatUser)
    data: list[str] = Field(default_factory=list)
    seller_id: str | None = None

    @field_validator("message_id", "seller_id", mode="before")
    @classmethod
    def _id_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)

    @property
    def is_buyer_chat(self) -> bool:
        return normalize_enum(self.chat_type) in BUYER_CHAT_TYPES

    @property
    def text(self) -> str:
        return "\n".join(part for part in self.data if part).strip()


def parse_time(value: object) -> dt.datetime | None:
    """An ISO time from a push payload («…Z» included) as aware UTC; None if absent or malformed."""
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def posting_number(payload: dict[str, Any]) -> str | None:
    value = payload.get("posting_number")
    return str(value) if value else None
