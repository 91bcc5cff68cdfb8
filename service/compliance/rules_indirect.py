"""Phrase rules for breaches of every kind put indirectly: a need, a question or a synonym instead of a request."""

from __future__ import annotations

from typing import Final

from . import lexicon as lx
from .engine import Negation, PhraseRule, Slot
from .lexicon import words
from .models import ViolationCode as C
from .rules_common import (
    ADDRESS_PART,
    ASK,
    BANK_CARD,
    CALL_CUES,
    CARD_COLLOQUIAL,
    CARD_SIDE,
    NEED,
    PARTICIPLE,
    REVIEW_NOUN,
    VERB_NOT_PAST,
)

# «номер», not «телефон»: «какой у Вас телефон — iPhone?» asks about the device.
_YOUR_NUMBER_ASKED = Slot(words("номер ник никнейм почта"), bad_next=lx.NUMBER_NOT_PHONE)
# «скиньте любой удобный способ связи»
_WAY_TO_REACH = Slot(words("способ"), need_next=words("связь"))
_REVIEW_BETTER = words("добрый хороший высокий высоко мягкий теплый положительный")

# Indirect phrasings: a need instead of a request, a question instead of an imperative, synonyms.
INDIRECT_RULES: Final = (
    # «для компенсации нам нужны цифры с лицевой стороны Вашей карточки»
    *(
        PhraseRule(C.CONTACT_REQUEST, (NEED, card), window=5, veto=words("озон ozon"))
        for card in (CARD_COLLOQUIAL, CARD_SIDE, BANK_CARD)
    ),
    # «чтобы выслать подарок, нам понадобятся улица, дом и квартира»
    PhraseRule(
        C.CONTACT_REQUEST,
        (NEED, ADDRESS_PART, Slot(lx.ADDRESS_PARTS | words("дом"))),
        window=5,
        veto=words("озон ozon курьер"),
    ),
    # «шестнадцать цифр с лицевой стороны — и компенсация у Вас сегодня»: card data without the word «карта»
    PhraseRule(
        C.CONTACT_REQUEST,
        (
            Slot(words("цифра циферка"), need_prev=words("16 шестнадцать")),
            Slot(words("сторона"), need_prev=words("лицевой")),
        ),
        window=4,
        veto=lx.NEGATORS | words("никто никому"),
    ),
    # «у нас на сайте цена ниже»: the shop's own site named by «у нас»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("сайт"), need_prev=words("мы")),),
        needs=lx.DEAL_CUES,
        veto=words("озон ozon подписчик производитель бренд официальный"),
        kind="own_shop",
    ),
    # «какой у Вас номер в вайбере?», «по какому номеру с Вами удобнее связаться?»; but «какой у Вас
    # номер заказа?» asks for the order.
    PhraseRule(
        C.CONTACT_REQUEST,
        (_YOUR_NUMBER_ASKED, Slot(words("какой")), Slot(words("вы ваш"))),
        window=3,
        needs=CALL_CUES,
    ),
    # «почтовый ящик Ваш какой?»
    PhraseRule(
        C.CONTACT_REQUEST,
        (Slot(words("ящик"), need_prev=words("почтовый электронный")), Slot(words("какой")), Slot(words("вы ваш"))),
        window=3,
    ),
    # «скиньте, пожалуйста, любой удобный для Вас способ связи»
    PhraseRule(C.CONTACT_REQUEST, (ASK, _WAY_TO_REACH), window=8, request=True),
    # «пришлите серию и номер документа»: passport data without the word «паспорт»
    PhraseRule(
        C.CONTACT_REQUEST,
        (ASK, Slot(words("серия"), need_next=words("номер"))),
        window=4,
        request=True,
        veto=lx.NUMBER_NOT_PHONE | words("декларация изделие прибор устройство"),
    ),
    # «назовите последние четыре цифры и срок действия карты»: card data without the word «номер»
    PhraseRule(
        C.CONTACT_REQUEST,
        (ASK, Slot(words("срок"), need_next=words("действие"))),
        window=8,
        request=True,
        needs=words("карта карточка"),
        veto=lx.CARD_NOT_BANK,
    ),
    PhraseRule(
        C.CONTACT_REQUEST,
        (ASK, Slot(words("цифра циферка"), need_prev=words("последний первый"))),
        window=4,
        request=True,
        needs=words("карта карточка"),
        veto=words("заказ отправление трек размерный размер артикул"),
    ),
    # «переведите 3 200 ₽ по номеру +7 …»: a transfer by phone number
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.PAY_ANCHORS, not_grams=VERB_NOT_PAST), Slot(words("номер"), need_prev=words("по"))),
        window=5,
        request=True,
        veto=lx.PAY_VETO | lx.NUMBER_NOT_PHONE | words("карта счет договор"),
        clause_veto=words("озон ozon"),
        kind="payment",
    ),
    # «вышлем такой же самокат со скидкой напрямую»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        # a sale or a shipment, not «скидка применяется напрямую к цене»
        (Slot(words("напрямую")), Slot(lx.PRICE_CUTS), Slot(lx.DIRECT_DEAL | words("выслать отправить привезти"))),
        window=6,
        veto=lx.PLATFORM | words("приложение корзина производитель поставщик фабрика завод"),
        kind="bypass",
    ),
    # «постоянным клиентам продаём и вне площадки»; but «вне площадки мы ничего не продаём».
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        # «товары, купленные вне площадки» (a participle) is a policy, not an offer
        (Slot(words("вне")), Slot(lx.PLATFORM), Slot(lx.DIRECT_DEAL, not_grams=PARTICIPLE)),
        window=4,
        clause_veto=lx.NEGATORS,
        kind="bypass",
    ),
    # «отзыв пока не публикуйте», «не пишите отзыв до замены»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(words("публиковать опубликовать выкладывать выложить") | lx.WRITE_REVIEW_VERBS), REVIEW_NOUN),
        window=4,
        request=True,
        negation=Negation.REQUIRED,
    ),
    # «подумайте, стоит ли оставлять такую оценку»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(words("подумать задуматься взвесить")), Slot(lx.RATE_VERBS | lx.WRITE_REVIEW_VERBS), REVIEW_NOUN),
        window=5,
        request=True,
        needs=words("стоить такой"),  # «подумайте и оставьте честный отзыв» invites one
    ),
    # «будем признательны, если отзыв станет добрее», «если «единица» превратится во что-нибудь повыше»;
    # but «Ваш отзыв поможет товару стать лучше» is thanks.
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (
            # «рады, что отзыв стал положительным» thanks for what already happened
            Slot(
                words("стать становиться превратиться измениться"),
                not_grams=VERB_NOT_PAST,
                need_next=_REVIEW_BETTER,
            ),
            Slot(lx.REVIEW_NOUNS - words("рейтинг"), grams=words("nomn")),  # the shop's rating is not the buyer's
        ),
        window=3,
        veto=words("помочь помогать благодаря"),
    ),
    # «уберите, пожалуйста, фото с пятнами из отзыва»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.REVIEW_EDIT_VERBS), Slot(words("отзыв"), need_prev=words("из"))),
        window=6,
        request=True,
    ),
    # «не могли бы Вы сами снять заказ?»
    PhraseRule(C.CANCEL_REQUEST, (Slot(words("снять снимать")), Slot(words("заказ бронь"))), window=3, request=True),
    # «ответственность за выбор размера лежит на покупателе»
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("ответственность")), Slot(words("покупатель клиент вы"), need_prev=words("на"))),
        window=8,
        clause_veto=lx.NEGATORS | lx.CONDITIONAL,
    ),
    # «проблема в Вашей розетке»; but «если проблема в Вашем заказе …» asks.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("проблема причина")), Slot(words("ваш твой"), need_prev=words("в"))),
        window=2,
        veto=lx.CONDITIONAL | lx.NUMBER_NOT_PHONE | words("вопрос сообщение регион город область район случай"),
        negation=Negation.IGNORED,
    ),
    # «таких занудных и скандальных покупателей у нас давно не было»
    PhraseRule(
        C.ABUSE,
        (
            Slot(words("занудный скандальный склочный неадекватный истеричный")),
            Slot(words("покупатель клиент")),
        ),
        window=3,
        negation=Negation.IGNORED,
    ),
    # «умственные способности у Вас явно ограничены»
    PhraseRule(
        C.ABUSE,
        (Slot(words("умственный")), Slot(words("ограниченный ограничить отсталый слабый"))),
        window=10,
        needs=words("вы ваш ты твой"),  # not «развивает умственные способности … с ограниченными возможностями»
        negation=Negation.IGNORED,
    ),
)
