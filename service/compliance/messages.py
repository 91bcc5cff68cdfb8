"""Reviewer-facing Russian explanations and rewrite suggestions per violation."""

from __future__ import annotations

from typing import Final

from .models import ViolationCode as C

_KEEP_IN_CHAT: Final = "общение должно оставаться в чате Ozon."
_CONTACT_SUGGESTION: Final = "Уберите контакт и предложите: «Напишите нам здесь, в чате Ozon»."

_KIND_MESSAGES: Final[dict[str, str]] = {
    "phone": f"Номер телефона уводит покупателя с Ozon: {_KEEP_IN_CHAT}",
    "email": f"Адрес электронной почты уводит покупателя с Ozon: {_KEEP_IN_CHAT}",
    "link": "Ссылка на сторонний сайт уводит покупателя с Ozon: внешние ссылки в чате запрещены.",
    "handle": f"Ник в мессенджере или соцсети уводит покупателя с Ozon: {_KEEP_IN_CHAT}",
    "messenger": f"Мессенджер или соцсеть как канал связи уводит покупателя с Ozon: {_KEEP_IN_CHAT}",
    "card": "Номер банковской карты в чате означает оплату в обход Ozon.",
    "marketplace": "Отсылка к другой площадке уводит покупку с Ozon.",
    "insult": "Оскорбление покупателя недопустимо.",
    "reward": "Вознаграждение за отзыв или оценку запрещено правилами Ozon.",
}

_CODE_MESSAGES: Final[dict[C, tuple[str, str]]] = {
    C.OFF_PLATFORM_CONTACT: (
        f"Контакт вне Ozon уводит покупателя с площадки: {_KEEP_IN_CHAT}",
        _CONTACT_SUGGESTION,
    ),
    C.CONTACT_REQUEST: (
        "Нельзя запрашивать у покупателя контакты и личные данные: телефон, почту, "
        "мессенджер, данные карты, паспорт или адрес.",
        "Попросите только то, что нужно для решения в Ozon: номер заказа или фото здесь, в чате.",
    ),
    C.OFF_PLATFORM_DEAL: (
        "Сделки и оплата в обход Ozon запрещены: покупка, оплата и возврат проходят только через Ozon.",
        "Уберите предложение; оплата, возврат и новые заказы оформляются только на Ozon.",
    ),
    C.REVIEW_MANIPULATION: (
        "Нельзя просить удалить или изменить отзыв, давить на оценку или обещать за неё выгоду.",
        "Решите проблему и поблагодарите за обратную связь, не упоминая удаление отзыва или оценку.",
    ),
    C.CANCEL_REQUEST: (
        "Нельзя просить покупателя отменить заказ.",
        "Если отправить заказ невозможно, извинитесь и отмените его со своей стороны в личном кабинете продавца.",
    ),
    C.ABUSE: (
        "Грубость, оскорбления, угрозы и нецензурная лексика недопустимы.",
        "Перепишите ответ в вежливом тоне.",
    ),
    C.BLAME_SHIFTING: (
        "Нельзя обвинять покупателя или снимать с себя ответственность.",
        "Признайте проблему и предложите решение: обмен, возврат или помощь с настройкой.",
    ),
    C.DISPARAGEMENT: (
        "Нельзя негативно отзываться об Ozon, его службах или других продавцах.",
        "Опишите ситуацию нейтрально, без оценок площадки и конкурентов.",
    ),
}


def describe(code: C, kind: str) -> tuple[str, str | None]:
    """Message and suggestion for a finding; ``kind`` refines the message when known."""
    message, suggestion = _CODE_MESSAGES[code]
    return _KIND_MESSAGES.get(kind, message), suggestion
