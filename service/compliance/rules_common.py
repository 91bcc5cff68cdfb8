"""Word slots and grammeme sets that several phrase-rule tables share, defined once for all of them."""

from __future__ import annotations

from . import lexicon as lx
from .engine import Slot
from .lexicon import words

VERB_NOT_PAST = words("past")
PARTICIPLE = words("PRTF PRTS")

ASK = Slot(lx.ASK_VERBS)
# «последние цифры карточки»: next to card data «карточка» is the bank card, not the product page.
CARD_COLLOQUIAL = Slot(words("карточка"), need_prev=lx.CARD_DATA, bad_next=lx.CARD_NOT_PAYMENT)
# «продиктуйте цифры с лицевой стороны карты»
CARD_SIDE = Slot(words("сторона"), need_prev=words("лицевой оборотный обратный"), need_next=words("карта карточка"))
# «напишите улицу, дом и квартиру»: the parts of a home address without the word «адрес».
ADDRESS_PART = Slot(lx.ADDRESS_PARTS)
# «пришлите фото вашей банковской карты»
BANK_CARD = Slot(words("карта карточка"), need_prev=words("банковский"), bad_next=lx.CARD_NOT_PAYMENT)

REVIEW_NOUN = Slot(lx.REVIEW_NOUNS)
NEED = Slot(words("нужный нужно необходимый необходимо требоваться понадобиться"))
CALL_CUES = words("<messenger> связаться связь звонить позвонить перезвонить набрать телефон мобильный сотовый")
