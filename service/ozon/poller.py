"""Polling for sellers without a public URL: unread buyer chats and their new messages, into the same inbox."""

from __future__ import annotations

import asyncio
import logging

from service.core import Otvet
from service.ozon.client import OzonClient
from service.ozon.models import ChatListItem, ChatMessage
from service.storage.inbox import IncomingMessage, record_message

log = logging.getLogger(__name__)

MAX_PAGES = 20  # 2,000 unread chats a pass; the rest come next pass


async def poll_once(otvet: Otvet, ozon: OzonClient) -> int:
    """Returns how many new buyer messages were stored; the push path and this one share de-duplication."""
    stored = 0
    cursor: str | None = None
    for _ in range(MAX_PAGES):
        page = await ozon.chat_list(unread_only=True, cursor=cursor)
        for item in page.chats:
            if item.is_buyer_chat and item.unread_count > 0:
                stored += await _poll_chat(otvet, ozon, item)
        if not page.has_next or not page.cursor:
            break
        cursor = page.cursor
    return stored


async def _poll_chat(otvet: Otvet, ozon: OzonClient, item: ChatListItem) -> int:
    chat_id = item.chat.chat_id
    start = item.first_unread_message_id
    messages: list[ChatMessage] = []
    for _ in range(MAX_PAGES):  # forward from the first unread message, page by page
        history = await ozon.chat_history(
            chat_id, direction="Forward" if start else "Backward", from_message_id=start, limit=100
        )
        fresh = [m for m in history.messages if m.message_id != start or not messages]
        messages.extend(fresh)
        if not start or not history.has_next or not fresh:
            break
        start = history.messages[-1].message_id
    stored = 0
    for message in messages:
        if not message.user.is_customer or not message.text:
            continue
        incoming = IncomingMessage(
            message_id=message.message_id,
            chat_id=chat_id,
            chat_type=item.chat.chat_type or "Buyer_Seller",
            user_type="Customer",
            text=message.text[:4000],
            created_at=message.created_at,
            source="poll",
            order_number=message.context.order_number if message.context else None,
        )

        def store(incoming: IncomingMessage = incoming) -> bool:
            with otvet.sessions() as session:
                return record_message(session, incoming)

        if await asyncio.to_thread(store):
            stored += 1
    if stored:
        log.info("chat %s: %d new buyer message(s) from polling", chat_id, stored)
    return stored
