"""The Seller API client against the fake Ozon over real HTTP: retries, backoff, error mapping, parsing."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from service.config import Settings
from service.errors import InputError, OzonError
from service.ozon.client import OzonClient, check_text
from service.ozon.models import ChatUser, normalize_enum
from tests.conftest import make_settings
from tests.fake_ozon import API_KEY, CLIENT_ID, FakeOzon, Fault

SEND = "/v1/chat/send/message"
HISTORY = "/v3/chat/history"


def ozon_settings(tmp_path: Path, url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "ozon_api_base": url,
        "ozon_client_id": CLIENT_ID,
        "ozon_api_key": API_KEY,
        "ozon_timeout_seconds": 1.0,
        **overrides,
    }
    return make_settings(tmp_path, tmp_path, **values)


def run_client(settings: Settings, job: object, sleeps: list[float] | None = None) -> object:
    async def fake_sleep(seconds: float) -> None:
        (sleeps if sleeps is not None else []).append(seconds)

    async def main() -> object:
        async with OzonClient(settings, sleep=fake_sleep) as ozon:
            return await job(ozon)  # type: ignore[operator]

    return asyncio.run(main())


def test_credentials_headers_and_history_parsing(fake: tuple[FakeOzon, str], tmp_path: Path) -> None:
    ozon, url = fake
    ozon.buyer_writes("chat-1", "Где мой заказ?", order_number="12345678-0001-1")
    history = run_client(ozon_settings(tmp_path, url), lambda c: c.chat_history("chat-1"))
    message = history.messages[0]  # type: ignore[attr-defined]
    assert message.text == "Где мой заказ?"
    assert message.user.is_customer  # «Сustomer» with a Cyrillic С
    assert message.context.order_number == "12345678-0001-1"
    call = ozon.calls_to(HISTORY)[0]
    assert call.headers["client-id"] == CLIENT_ID and call.headers["api-key"] == API_KEY


def test_429_is_retried_after_retry_after(fake: tuple[FakeOzon, str], tmp_path: Path) -> None:
    ozon, url = fake
    ozon.buyer_writes("chat-1", "Здравствуйте")
    ozon.fail(HISTORY, Fault(status=429, retry_after="2"), Fault(status=429, retry_after="3"))
    sleeps: list[float] = []
    history = run_client(ozon_settings(tmp_path, url), lambda c: c.chat_history("chat-1"), sleeps)
    assert len(history.messages) == 1  # type: ignore[attr-defined]
    assert len(ozon.calls_to(HISTORY)) == 3
    assert [round(s) for s in sleeps] == [2, 3]


def test_500_and_timeout_are_retried_with_backoff_for_reads(fake: tuple[FakeOzon, str], tmp_path: Path) -> None:
    ozon, url = fake
    ozon.buyer_writes("chat-1", "Здравствуйте")
    ozon.fail(HISTORY, Fault(status=500), Fault(delay=1.5))
    sleeps: list[float] = []
    history = run_client(ozon_settings(tmp_path, url), lambda c: c.chat_history("chat-1"), sleeps)
    assert len(history.messages) == 1  # type: ignore[attr-defined]
    assert len(ozon.calls_to(HISTORY)) == 3
    assert sleeps[0] < sleeps[1]  # exponential


def test_retries_give_up_with_the_error(fake: tuple[FakeOzon, str], tmp_path: Path) -> None:
    ozon, url = fake
    ozon.buyer_writes("chat-1", "Здравствуйте")
    ozon.fail(HISTORY, *[Fault(status=500)] * 3)
    with pytest.raises(OzonError) as caught:
        run_client(ozon_settings(tmp_path, url, ozon_max_retries=2), lambda c: c.chat_history("chat-1"))
    assert caught.value.code == "ozon_server_error" and caught.value.retryable
    assert len(ozon.calls_to(HISTORY)) == 3


def test_send_is_never_repeated_on_its_own_after_a_timeout(fake: tuple[FakeOzon, str], tmp_path: Path) -> None:
    ozon, url = fake
    ozon.buyer_writes("chat-1", "Здравствуйте")
    ozon.fail(SEND, Fault(delay=1.5, applied=True))
    with pytest.raises(OzonError) as caught:
        run_client(ozon_settings(tmp_path, url), lambda c: c.send_message("chat-1", "Здравствуйте! Ответ."))
    assert caught.value.ambiguous and caught.value.code == "ozon_timeout"
    assert len(ozon.calls_to(SEND)) == 1


def test_ozon_refusal_maps_to_error_with_ozons_message(fake: tuple[FakeOzon, str], tmp_path: Path) -> None:
    _, url = fake
    with pytest.raises(OzonError) as caught:
        run_client(ozon_settings(tmp_path, url), lambda c: c.send_message("no-such-chat", "Здравствуйте!"))
    assert caught.value.code == "ozon_rejected" and not caught.value.retryable
    assert caught.value.http_status == 404 and "chat not found" in caught.value.message


def test_bad_credentials_are_not_retried(fake: tuple[FakeOzon, str], tmp_path: Path) -> None:
    ozon, url = fake
    with pytest.raises(OzonError) as caught:
        run_client(ozon_settings(tmp_path, url, ozon_api_key="wrong"), lambda c: c.chat_list())
    assert caught.value.http_status == 401
    assert len(ozon.calls) == 1


def test_chat_list_pages_and_start_chat(fake: tuple[FakeOzon, str], tmp_path: Path) -> None:
    ozon, url = fake
    for n in range(3):
        ozon.buyer_writes(f"chat-{n}", "Здравствуйте")

    async def job(client: OzonClient) -> tuple[list[str], str]:
        first = await client.chat_list(limit=2)
        second = await client.chat_list(limit=2, cursor=first.cursor)
        ids = [item.chat.chat_id for item in first.chats + second.chats]
        assert first.has_next and not second.has_next and all(i.is_buyer_chat for i in first.chats)
        return ids, await client.start_chat("12345678-0001-1")

    ids, chat_id = run_client(ozon_settings(tmp_path, url), job)  # type: ignore[misc]
    assert ids == ["chat-0", "chat-1", "chat-2"]
    assert chat_id == "chat-12345678-0001-1"


def test_text_limits_and_enum_normalization() -> None:
    assert check_text("  Здравствуйте!  ") == "Здравствуйте!"
    for text, code in (("   ", "empty_text"), ("а" * 1001, "text_too_long")):
        with pytest.raises(InputError) as caught:
            check_text(text)
        assert caught.value.code == code
    assert check_text("а" * 1000) == "а" * 1000
    assert normalize_enum("Сustomer") == normalize_enum("CUSTOMER") == "customer"
    assert ChatUser(type="Сustomer").is_customer and not ChatUser(type="Seller").is_customer
