"""Detectors that need more context than a phrase rule: who is insulted, who is disparaged.

Weak insults («тупой», «клоун») are product words too («тупой нож», «костюм
клоуна»), so they count only when aimed at the buyer.  Disparagement needs a
target (Ozon or a competitor) and a negative judgement in the same sentence.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from . import lexicon as lx
from . import patterns as p
from .doc import Doc
from .engine import is_negated, is_request
from .hit import Hit
from .models import ViolationCode
from .morph import Token

_PARTICLES = lx.words("ну эй да и же вот а")
_HABIT_WINDOW = 3
_ACCUSATION_REACH = 3
_SHOP_LEADS = lx.words("у в на из магазин продавец")
_QUOTES = '«"'
_CLOSING_QUOTES = ("»", '"')
_BLUE_SERVICES = lx.words("маркетплейс площадка компания склад доставка логистика гигант")
_EQUATION_REACH = 3
_OBJECT_REACH = 4
_BRAND_REACH = 3
_BRAND_MIN = 3
_POINTER_REACH = 3
_POINTER_FAKES = 8  # a flood of judgements is checked on its first few
_OBJECT_CASES = lx.words("accs gent")
# Unions of word lists, built once: a union inside a loop builds a new set for every token.
_CANCEL_OR_REFUSE = lx.CANCEL_VERBS | lx.REFUSE_VERBS
_RUN_DOWN = lx.OZON_INSULTS | lx.RIVAL_FLAWS  # a rival called «худший» or «втридорога»
_DISPARAGED = lx.FAKES | _RUN_DOWN
_WE = lx.words("мы я")
_FREE = lx.words("бесплатно бесплатный")


def find_insults(doc: Doc) -> Iterator[Hit]:
    """Weak insults addressed to the buyer («вы … тупой») or used as a vocative («Клоун, …»)."""
    tokens = doc.tokens
    words_in_clause: dict[int, int] = {}  # memoized: a long clause of insults must stay linear
    for tok in tokens:
        if lx.WEAK_INSULTS.isdisjoint(tok.lemmas):
            continue
        if not lx.MOCK_PRAISE.isdisjoint(tok.lemmas) and not _ironic(doc, tok):
            continue  # «Вы гений фотографии, спасибо за снимки!» is sincere
        near = tokens[max(0, tok.idx - 3) : tok.idx + 4]
        addressed = any(
            t.sentence == tok.sentence and t is not tok and not lx.ADDRESSEE.isdisjoint(t.lemmas) for t in near
        )
        if not addressed and tok.clause not in words_in_clause:
            words_in_clause[tok.clause] = sum(
                1 for t in doc.clause_tokens(tok.clause) if _PARTICLES.isdisjoint(t.lemmas)
            )
        # Alone in its clause but for particles, the insult is a vocative («Клоун, …»).
        if addressed or (words_in_clause[tok.clause] == 1 and _PARTICLES.isdisjoint(tok.lemmas)):
            yield Hit(ViolationCode.ABUSE, tok.start, tok.end, "insult")


def find_review_rewards(doc: Doc) -> Iterator[Hit]:
    """A reward offered for a review or a rating («за отзыв с оценкой 5 дарим промокод»).

    The reward may follow in the next sentence when it opens with «взамен» or «за это».
    """
    sentences = list(_sentences(doc))
    for k, sentence in enumerate(sentences):
        nouns = [t for t in sentence if not lx.REVIEW_NOUNS.isdisjoint(t.lemmas)]
        if not nouns:
            continue
        lemmas = doc.sentence_lemmas(nouns[0].sentence)
        if not lx.REWARD_REFUSALS.isdisjoint(lemmas) or _refuses_rewards(sentence):
            continue  # «вознаграждение за отзывы запрещено правилами», «… мы не предлагаем»
        rewards = [t for t in sentence if not lx.REWARDS.isdisjoint(t.lemmas)]
        if not rewards and _conditioned(lemmas):
            # «Вас ждёт сертификат. Он активируется, как только отзыв станет пятизвёздочным.»
            for other in (sentences[k - 1] if k else [], sentences[k + 1] if k + 1 < len(sentences) else []):
                rewards = rewards or [
                    t for t in other if not lx.REWARDS.isdisjoint(t.lemmas) and not _free_to_use(doc, t)
                ]
        for following in sentences[k + 1 : k + 3] if not rewards else ():
            edit = _edit_for_reward(doc, following)
            if edit or _offers_in_return(following):
                rewards = [t for t in following if not lx.REWARDS.isdisjoint(t.lemmas)]
                if edit:
                    lemmas = lemmas | doc.sentence_lemmas(following[0].sentence)
                # the request may sit between the review and the offer: «… Может, уберёте? А мы в ответ …»
                for between in sentences[k + 1 : sentences.index(following)]:
                    lemmas = lemmas | doc.sentence_lemmas(between[0].sentence)
                break
        if not rewards:
            continue
        wants_change = not lx.REVIEW_EDIT_VERBS.isdisjoint(lemmas) or not lx.RATE_VERBS.isdisjoint(lemmas)
        equated = _equated(doc, sentence)
        for noun in nouns:
            before = doc.tokens[max(0, noun.idx - 2) : noun.idx]
            for_review = equated or any(t.sentence == noun.sentence and "за" in t.lemmas for t in before)
            if for_review or wants_change or not lx.GOOD_RATING.isdisjoint(lemmas - {"звезда"}) or "если" in lemmas:
                yield _span(ViolationCode.REVIEW_MANIPULATION, [noun, *rewards], "reward")
                break


def _ironic(doc: Doc, tok: Token) -> bool:
    if not lx.IRONY_WORDS.isdisjoint(doc.sentence_lemmas(tok.sentence)):
        return True
    sentence = doc.sentence_tokens(tok.sentence)
    stretch = doc.text[sentence[0].start : sentence[-1].end + 3]
    return any(emoji in stretch for emoji in lx.IRONY_EMOJI)


def _free_to_use(doc: Doc, tok: Token) -> bool:
    """«приложение можно бесплатно скачать»: free to download or install, not a gift for the review."""
    if not _FREE.isdisjoint(tok.lemmas) and tok.idx + 1 < len(doc.tokens):
        nxt = doc.tokens[tok.idx + 1]
        return nxt.clause == tok.clause and "INFN" in nxt.grams
    return False


def _equated(doc: Doc, sentence: list[Token]) -> bool:
    """«⭐⭐⭐⭐⭐ в отзыве = 🎁»: an equals sign in one clause trades a review for a reward."""
    text = doc.text
    if "=" not in text[sentence[0].start : sentence[-1].end]:
        return False
    tokens = doc.tokens
    for a, b in itertools.pairwise(sentence):
        if a.clause != b.clause or "=" not in text[a.end : b.start]:
            continue
        left = [t.lemmas for t in tokens[max(0, a.idx - _EQUATION_REACH) : a.idx + 1] if t.clause == a.clause]
        right = [t.lemmas for t in tokens[b.idx : b.idx + _EQUATION_REACH + 1] if t.clause == b.clause]
        for one, other in ((left, right), (right, left)):
            if any(not lx.REVIEW_NOUNS.isdisjoint(x) for x in one) and any(not lx.REWARDS.isdisjoint(x) for x in other):
                return True
    return False


def _conditioned(lemmas: frozenset[str]) -> bool:
    """«… как только отзыв станет пятизвёздочным»: a better review set as a condition."""
    return not lx.REVIEW_CONDITIONS.isdisjoint(lemmas) and not lx.BETTER_REVIEW.isdisjoint(lemmas)


def _edit_for_reward(doc: Doc, sentence: list[Token]) -> bool:
    """«Одна звёздочка — сурово. Давайте Вы её скроете, а мы компенсируем»: the edit points back at the review.

    The edit must be asked of the buyer: «мы её поменяли» reports the seller's own work.
    """
    lemmas = doc.sentence_lemmas(sentence[0].sentence)
    if lx.REVIEW_PRONOUNS.isdisjoint(lemmas) or lx.REWARDS.isdisjoint(lemmas):
        return False
    return any(not lx.REVIEW_EDIT_VERBS.isdisjoint(t.lemmas) and is_request(doc, t.idx) for t in sentence)


def _offers_in_return(sentence: list[Token]) -> bool:
    """«Взамен — промокод», «… а за это дарим …», «а мы в ответ вернём …», «в долгу не останемся»."""
    if any("взамен" in t.lemmas or "долг" in t.lemmas for t in sentence):
        return True
    return any(
        ("за" in a.lemmas and "это" in b.lemmas) or ("в" in a.lemmas and "ответ" in b.lemmas)
        for a, b in itertools.pairwise(sentence)
    )


def _refuses_rewards(sentence: list[Token]) -> bool:
    """«… мы не предлагаем», «бонусов за отзывы не даём»."""
    return any("не" in a.lemmas and not lx.REWARD_OFFERS.isdisjoint(b.lemmas) for a, b in itertools.pairwise(sentence))


def find_carried_cancels(doc: Doc) -> Iterator[Hit]:
    """A cancellation asked for across two sentences.

    «Заказ Вам уже не нужен? Тогда отмените сами.»: the verb asks, the order is named in the next or
    previous sentence. «Кнопка отмены — в разделе «Заказы». Воспользуйтесь ею, пожалуйста.»: the
    request points back at a cancellation named in the sentence before. A choice left to the buyer
    («если передумаете, отмените …») only explains.
    """
    cancel_verbs = _CANCEL_OR_REFUSE
    for tok in doc.tokens:
        if not lx.CARRY_VERBS.isdisjoint(tok.lemmas):
            found = _points_at_cancel(doc, tok)
        else:
            found = not cancel_verbs.isdisjoint(tok.lemmas) and _object_next_door(doc, tok, lx.CANCEL_OBJECTS)
        if found:
            yield Hit(ViolationCode.CANCEL_REQUEST, tok.start, tok.end, "")


def _points_at_cancel(doc: Doc, verb: Token) -> bool:
    """«Воспользуйтесь ею», «просим так и сделать» right after a sentence that offers a cancellation."""
    sentence = verb.sentence
    if not sentence or not lx.CANCEL_CHOICE.isdisjoint(doc.sentence_lemmas(sentence)):
        return False
    if not lx.CANCEL_CHOICE.isdisjoint(doc.sentence_lemmas(sentence - 1)):
        return False  # «Если передумаете, кнопка отмены — в карточке. Нажмите на неё.» leaves the choice
    near = doc.tokens[max(0, verb.idx - 2) : verb.idx + 3]
    if not any(t.clause == verb.clause and not lx.ANAPHORS.isdisjoint(t.lemmas) for t in near):
        return False
    if not is_request(doc, verb.idx) or is_negated(doc, verb.idx):
        return False
    return any(_offers_cancel(t) for t in doc.sentence_tokens(sentence - 1))


def find_carried_review_edits(doc: Doc) -> Iterator[Hit]:
    """«Из-за одной единицы мы можем закрыться. Может, поправите хотя бы на четвёрку?»: the edit is asked
    for in one sentence, the review named in the one before or after."""
    for tok in doc.tokens:
        if not lx.CARRIED_REVIEW_EDITS.isdisjoint(tok.lemmas) and _object_next_door(doc, tok, lx.REVIEW_NOUNS):
            yield Hit(ViolationCode.REVIEW_MANIPULATION, tok.start, tok.end, "")


def _object_next_door(doc: Doc, verb: Token, objects: frozenset[str]) -> bool:
    """The verb asks, names no object of its own, and one of ``objects`` is in a neighbouring sentence.

    A choice left to the buyer («если передумаете, отмените …») only explains; an object named in
    the verb's own clause is for the phrase rules to judge.
    """
    sentence = verb.sentence
    if not lx.CANCEL_CHOICE.isdisjoint(doc.sentence_lemmas(sentence)):
        return False
    if not objects.isdisjoint(doc.clause_lemmas(verb.clause)):
        return False  # «…, пока его не передали в доставку»: a noun in another clause is not the verb's object
    if not is_request(doc, verb.idx) or is_negated(doc, verb.idx) or _has_object(doc, verb):
        return False
    last = doc.tokens[-1].sentence
    return any(
        0 <= other <= last and not objects.isdisjoint(doc.sentence_lemmas(other))
        for other in (sentence - 1, sentence + 1)
    )


def _has_object(doc: Doc, verb: Token) -> bool:
    """A noun the verb governs («отмените настройки», «исправьте, пожалуйста, адрес», «откажитесь от подписки»).

    The noun right after a preposition of place or means («отмените в приложении») is not the verb's
    object, and a pronoun («поправьте его») points back at the neighbouring sentence.
    """
    clause = verb.clause
    # «Транспортировочные винты … уберите», «подписку на рассылку отмените»: the object may come first
    before = [t for t in doc.tokens[max(0, verb.idx - _OBJECT_REACH) : verb.idx] if t.clause == clause]
    if any("NOUN" in t.grams and "accs" in t.grams and lx.ANAPHORS.isdisjoint(t.lemmas) for t in before):
        return True
    polite = governed = False
    for t in doc.tokens[verb.idx + 1 : verb.idx + _OBJECT_REACH + 1]:
        if t.sentence != verb.sentence:
            break
        was_polite, polite = polite, "пожалуйста" in t.lemmas
        if t.clause != clause:
            if not (polite or was_polite):
                break  # the object stays in the verb's clause, «, пожалуйста,» aside
            clause = t.clause
        if polite:
            continue
        if "PREP" in t.grams and "от" not in t.lemmas:
            governed = True
        elif "NOUN" in t.grams or "NPRO" in t.grams:
            if not governed and not _OBJECT_CASES.isdisjoint(t.grams):
                return lx.ANAPHORS.isdisjoint(t.lemmas)  # «удалите его, …»: the object is the pronoun
            governed = False
    return False


def _offers_cancel(tok: Token) -> bool:
    """«кнопка отмены», «отказаться можно …»: a cancellation still to be done, not «заказ отменён»."""
    if not lx.CANCEL_NOUNS.isdisjoint(tok.lemmas):
        return True
    return "INFN" in tok.grams and not _CANCEL_OR_REFUSE.isdisjoint(tok.lemmas)


def find_named_handles(doc: Doc) -> Iterator[Hit]:
    """«группа plity_kaminy», «логин shop_live»: a page or account outside Ozon, named by its handle."""
    for tok in doc.tokens:
        if lx.HANDLE_NOUNS.isdisjoint(tok.lemmas):
            continue
        m = p.NAMED_HANDLE.match(doc.text, tok.end)
        if m:
            yield Hit(ViolationCode.OFF_PLATFORM_CONTACT, tok.start, m.end(), "handle")


# A sentence without any of these words, without a marketplace name and without a quote can
# neither judge Ozon nor name a rival, so it is skipped before the per-word checks.
_JUDGEMENT_WORDS = lx.DISPARAGEMENT_CUES  # the draft-level gate's words, so the two cannot drift apart
# Words that name a rival or point at one: a rival seller, «у них» about the sentence before, or
# «наш/мы» that a brand is set against.
_RIVAL_WORDS = lx.COMPETITORS | lx.OTHER_SELLERS | lx.words("другой") | lx.POINTERS_BACK | lx.POSSESSIVE_OURS
# Latin words that name a standard or a feature, not a brand someone could run down.
_NOT_BRANDS = lx.words("type usb hdmi wi fi wifi gps led lcd nfc qr pro max mini plus ultra lite smart ozon id pin")
_RELATIVE_LEADS = lx.words("у в с")
_CONTRASTS = lx.words("отличие сравнение чем лучше хуже зато")
_ADDRESS_CHARS = frozenset("._@/")
_LABELS = lx.words("пометка наклейка надпись стикер маркировка кнопка тариф режим услуга опция")
# «ящик на Яндексе» is a mail host, judged as a contact, not a marketplace.
_MAIL_WORDS = lx.words("почта ящик почтовый электронка")


def find_disparagement(doc: Doc, marketplaces: Sequence[tuple[int, int]]) -> Iterator[Hit]:
    """Negative judgements about Ozon or about competitors, per sentence."""
    text = doc.text
    market_sentences = {t.sentence for start, end in marketplaces for t in doc.overlapping(start, end)}
    in_markets: set[int] | None = None
    previous: list[Token] = []
    for sentence in _sentences(doc):
        lemmas = doc.sentence_lemmas(sentence[0].sentence)
        if (
            _JUDGEMENT_WORDS.isdisjoint(lemmas)
            and _RIVAL_WORDS.isdisjoint(lemmas)
            and sentence[0].sentence not in market_sentences
            and not any(q in text[max(0, sentence[0].start - 1) : sentence[-1].end] for q in _QUOTES)
        ):
            previous = sentence
            continue
        phrase = p.OZON_PHRASES.search(text, sentence[0].start, sentence[-1].end)
        ozon = [t for t in sentence if not lx.OZON_TARGETS.isdisjoint(t.lemmas) or _the_blues(doc, t)]
        if ozon:
            # «… — это мошенники, мы работаем только через Ozon»: an accusation must be aimed at Ozon,
            # in its clause or right next to it («Озон — жулики»).
            bad = [
                t
                for t in sentence
                if not lx.OZON_INSULTS.isdisjoint(t.lemmas)
                and (lx.ACCUSATIONS.isdisjoint(t.lemmas) or any(_aimed_at(t, o) for o in ozon))
            ]
            bad += _habitual_mishaps(doc, sentence)
            bad += _sarcastic_feats(doc, sentence, ozon)
            bad += _ironic_praise(doc, sentence, ozon)
            if not lx.MOCKING_MARKERS.isdisjoint(lemmas):
                bad += [t for t in sentence if not lx.POOR_SERVICE.isdisjoint(t.lemmas) and "COMP" not in t.grams]
            if bad or phrase:
                extra = [t for t in sentence if phrase and t.start >= phrase.start()][:1]
                yield _span(ViolationCode.DISPARAGEMENT, [ozon[0], *bad, *extra], "ozon")
        else:
            # «курьеры тут «профессионалы» своего дела — умудрились потерять …»: Ozon's logistics mocked
            couriers = [t for t in sentence if not lx.SERVICE_TARGETS.isdisjoint(t.lemmas)]
            if not _LABELS.isdisjoint(lemmas):
                couriers = []  # «пометка «Бережно»» quotes a label, not praise
            mocked = _ironic_praise(doc, sentence, []) if couriers else []
            if mocked:
                yield _span(ViolationCode.DISPARAGEMENT, [couriers[0], *mocked], "ozon")
        fakes = [t for t in sentence if not lx.FAKES.isdisjoint(t.lemmas) and not _fought(doc, t)]
        fakes += [t for t in sentence if _scare_quoted(doc, t) or _pejorative(doc, t) or _cheap_stuff(doc, t)]
        if not fakes:  # a rival called «худший», «втридорога», or «мягко говоря, на любителя»
            fakes = [t for t in sentence if not _RUN_DOWN.isdisjoint(t.lemmas)]
            fakes += [t for t in sentence if phrase and t.start >= phrase.start()][:1]
        if fakes and in_markets is None:  # read once: a flood of sentences must not rescan every mention
            in_markets = {t.idx for s, e in marketplaces for t in doc.overlapping(s, e)}
        rivals = [t for t in sentence if _is_rival(doc, t, in_markets or set())] if fakes else []
        if fakes and not rivals and not lx.POSSESSIVE_OURS.isdisjoint(lemmas):
            rivals = [t for t in sentence if _compared_brand(doc, t)]
        if fakes and not rivals and previous and _points_back(doc, fakes):
            # «Другие продавцы этой модели есть. Только у них «оригинал» шьют в подвале.»
            rivals = [t for t in previous if _is_rival(doc, t, in_markets or set())]
        previous = sentence
        if rivals:
            yield _span(ViolationCode.DISPARAGEMENT, [rivals[0], *fakes], "rivals")
        else:
            yield from _judged_brands(doc, sentence)


def _fought(doc: Doc, tok: Token) -> bool:
    """«боремся с подделками», «защита от подделок»: fakes named as what the seller guards against."""
    before = doc.tokens[max(0, tok.idx - 2) : tok.idx]
    return any(t.clause == tok.clause and not lx.AGAINST_FAKES.isdisjoint(t.lemmas) for t in before)


def _points_back(doc: Doc, fakes: list[Token]) -> bool:
    """«у них», «там» right before the judgement: it is about whoever the sentence before named."""
    if lx.POINTERS_BACK.isdisjoint(doc.sentence_lemmas(fakes[0].sentence)):
        return False
    tokens = doc.tokens
    return any(
        t.sentence == f.sentence and not lx.POINTERS_BACK.isdisjoint(t.lemmas)
        for f in fakes[:_POINTER_FAKES]
        for t in tokens[max(0, f.idx - _POINTER_REACH) : f.idx]
    )


def _judged_brands(doc: Doc, sentence: list[Token]) -> Iterator[Hit]:
    """«Samsung давно скатился по качеству», «Kärcher — переоценённый бренд»: a brand, written in Latin
    letters, within a few words of a flaw; «наш чехол не хлипкий» judges nothing, a negated flaw neither."""
    if sentence[0].sentence in doc.questions:
        return  # «Адаптер Xiaomi ненадёжный?» repeats the buyer's doubt
    tokens = doc.tokens
    for t in sentence:
        if lx.BRAND_FLAWS.isdisjoint(t.lemmas) or (t.idx and "не" in tokens[t.idx - 1].lemmas):
            continue
        if "нет" in doc.clause_lemmas(t.clause):
            continue  # «ненадёжных соединений нет»
        near = tokens[max(0, t.idx - _BRAND_REACH) : t.idx + _BRAND_REACH + 1]
        # the brand in the flaw's clause, or right before it across a dash: «Kärcher — переоценённый»
        brands = [b for b in near if (b.clause == t.clause or b.idx + 1 == t.idx) and _is_brand(b)]
        if brands:
            yield _span(ViolationCode.DISPARAGEMENT, [brands[0], t], "rivals")
            return


def _is_brand(tok: Token) -> bool:
    """A Latin word long enough to be a maker's name, and not a standard such as USB or Wi-Fi."""
    return len(tok.text) >= _BRAND_MIN and tok.text.isascii() and tok.text.isalpha() and tok.text not in _NOT_BRANDS


def _aimed_at(word: Token, target: Token) -> bool:
    return word.clause == target.clause or abs(word.idx - target.idx) <= _ACCUSATION_REACH


def _pejorative(doc: Doc, tok: Token) -> bool:
    """«горе-продавцы», «лже-магазин»: a prefix joined by a hyphen to a noun."""
    return not lx.PEJORATIVE_PREFIXES.isdisjoint(tok.lemmas) and doc.text.startswith("-", tok.end)


def _cheap_stuff(doc: Doc, tok: Token) -> bool:
    """«дешёвая пластмасса»: cheap material is a verdict on the product, not a description."""
    return (
        not lx.CHEAP_STUFF.isdisjoint(tok.lemmas)
        and tok.idx > 0
        and "дешевый" in doc.tokens[tok.idx - 1].lemmas
        and doc.tokens[tok.idx - 1].clause == tok.clause
    )


def _compared_brand(doc: Doc, tok: Token) -> bool:
    """«Продукция Xiaomi», «пылесосы Dyson»: a Latin brand after a product noun, set against our own."""
    if len(tok.text) < 3 or not tok.text.isascii() or not tok.text.isalpha() or not tok.idx:
        return False
    if tok.text in _NOT_BRANDS or "<messenger>" in tok.lemmas:
        return False
    text = doc.text
    if text[tok.start - 1 : tok.start] in _ADDRESS_CHARS or text[tok.end : tok.end + 1] in _ADDRESS_CHARS:
        return False  # part of an e-mail or a link, not a brand
    prev = doc.tokens[tok.idx - 1]
    if prev.clause != tok.clause or "NOUN" not in prev.grams:
        return False
    clause = doc.clause_tokens(tok.clause)
    if any(not lx.POSSESSIVE_OURS.isdisjoint(t.lemmas) for t in clause if t.idx < tok.idx):
        return False  # «наш чайник Bosch», «у нас техника Bosch»: the brand the seller itself sells
    if not _CONTRASTS.isdisjoint(doc.sentence_lemmas(tok.sentence)):
        return True  # «Sony по сравнению с нашими», «в отличие от Xiaomi»
    # set against ours in another clause («JBL — дешёвый пластик, наша модель из алюминия»); but
    # «Кроссовки Nike мы проверяем, брака не было» describes the seller's own goods
    return any(
        t.clause != tok.clause and not lx.POSSESSIVE_OURS.isdisjoint(t.lemmas)
        for t in doc.sentence_tokens(tok.sentence)
    )


def _scare_quoted(doc: Doc, tok: Token) -> bool:
    """«оригинальные» часы, «премиум»-шёлк: a quality claim put in quotes."""
    return _opens_quote(doc, tok) and not lx.QUOTED_CLAIMS.isdisjoint(tok.lemmas)


def find_marketplace_deals(doc: Doc, marketplaces: Sequence[tuple[int, int]]) -> Iterator[Hit]:
    """Pointing the buyer to another marketplace, unless it is negated or only disparaged."""
    for start, end in marketplaces:
        toks = doc.overlapping(start, end)
        if not toks:
            continue
        first = toks[0]
        lemmas = doc.sentence_lemmas(first.sentence)
        if not _DISPARAGED.isdisjoint(lemmas):
            continue  # the other marketplace is disparaged, not recommended
        sentence = doc.sentence_tokens(first.sentence)
        if p.OZON_PHRASES.search(doc.text, sentence[0].start, sentence[-1].end):
            continue
        before = doc.tokens[max(0, first.idx - 3) : first.idx]
        if any("не" in t.lemmas and t.sentence == first.sentence for t in before):
            continue
        if any(not _MAIL_WORDS.isdisjoint(t.lemmas) for t in before):  # a dot in the address splits sentences
            continue
        yield Hit(ViolationCode.OFF_PLATFORM_DEAL, start, end, "marketplace")


def _is_rival(doc: Doc, tok: Token, in_markets: set[int]) -> bool:
    if not lx.COMPETITORS.isdisjoint(tok.lemmas) or tok.idx in in_markets:
        return True
    if _opens_quote(doc, tok) and tok.idx:
        # «у «ТехноМира»», «в «Ромашке»», «на «Ягодках»»; but «на «Озоне»» is Ozon itself
        return not _SHOP_LEADS.isdisjoint(doc.tokens[tok.idx - 1].lemmas) and lx.OZON_TARGETS.isdisjoint(tok.lemmas)
    if "другой" in tok.lemmas and _stands_alone(doc, tok):
        return True  # «можно найти у других, но там …»: the other sellers, left unnamed
    if lx.OTHER_SELLERS.isdisjoint(tok.lemmas):
        return False
    prev = doc.tokens[max(0, tok.idx - 2) : tok.idx]
    if any(not lx.OTHER_MARKERS.isdisjoint(t.lemmas) or _pejorative(doc, t) for t in prev):
        return True
    if _bought_there(doc, tok):
        return True
    after = doc.tokens[tok.idx + 1 : tok.idx + 3]
    if after and "с" in after[0].lemmas and any(not lx.OTHER_MARKERS_AFTER.isdisjoint(t.lemmas) for t in after[1:]):
        return True
    return p.NAMED_SHOP.match(doc.text, tok.start) is not None


def _bought_there(doc: Doc, tok: Token) -> bool:
    """«продавец, у которого Вы заказывали», «магазин, в котором Вы брали»: the buyer's other shop."""
    after = doc.tokens[tok.idx + 1 : tok.idx + 6]
    if len(after) < 3 or after[0].clause == tok.clause or after[0].lemmas.isdisjoint(_RELATIVE_LEADS):
        return False
    before = doc.tokens[max(0, tok.idx - 3) : tok.idx]
    if any(t.sentence == tok.sentence and not lx.POSSESSIVE_OURS.isdisjoint(t.lemmas) for t in before):
        return False  # «мы как продавец, у которого Вы …» is the seller itself
    return "который" in after[1].lemmas and any("вы" in t.lemmas for t in after[2:])


def _stands_alone(doc: Doc, tok: Token) -> bool:
    """«у других» closing its clause, with no noun after it («у других покупателей» is not a rival)."""
    if not tok.idx or "у" not in doc.tokens[tok.idx - 1].lemmas:
        return False
    return tok.idx + 1 == len(doc.tokens) or doc.tokens[tok.idx + 1].clause != tok.clause


def _habitual_mishaps(doc: Doc, sentence: list[Token]) -> list[Token]:
    """«опять потерял», «как всегда задержал», «постоянно ломают»."""
    found = []
    for t in sentence:
        if lx.MISHAPS.isdisjoint(t.lemmas):
            continue
        near = doc.tokens[max(0, t.idx - _HABIT_WINDOW) : t.idx + _HABIT_WINDOW + 1]
        if any(u.sentence == t.sentence and not lx.HABITUAL.isdisjoint(u.lemmas) for u in near):
            found.append(t)
    return found


def _sarcastic_feats(doc: Doc, sentence: list[Token], ozon: list[Token]) -> list[Token]:
    """«Склад Озона, как обычно, отличился»: a feat in the past, «as always», done by Ozon itself.

    The Ozon word comes first, with no «мы» between («Мы, как всегда, постарались …, Ozon доставит» is
    the seller's own effort), and the feat names no merit («отличился скоростью» is praise).
    """
    found = []
    tokens = doc.tokens
    for t in sentence:
        if lx.SARCASTIC_FEATS.isdisjoint(t.lemmas) or "past" not in t.grams:
            continue
        subjects = [o for o in ozon if o.idx < t.idx and _aimed_at(t, o)]
        if not subjects or any(not _WE.isdisjoint(u.lemmas) for u in tokens[subjects[-1].idx : t.idx]):
            continue
        if t.idx + 1 < len(tokens) and tokens[t.idx + 1].clause == t.clause and "ablt" in tokens[t.idx + 1].grams:
            continue
        near = doc.tokens[max(0, t.idx - _HABIT_WINDOW) : t.idx + _HABIT_WINDOW + 1]
        if any(u.sentence == t.sentence and not lx.HABITUAL.isdisjoint(u.lemmas) for u in near):
            found.append(t)
    return found


def _ironic_praise(doc: Doc, sentence: list[Token], ozon: list[Token]) -> list[Token]:
    """«Ozon, как всегда, «оптимизировал» доставку», «наш «любимый» маркетплейс»: a compliment in scare quotes.

    It counts right before an Ozon word, or anywhere in a sentence that says «как обычно», «как известно».
    """
    quoted = [t for t in sentence if _in_quotes(doc, t) and not lx.IRONIC_PRAISE.isdisjoint(t.lemmas)]
    if not quoted:
        return []
    lemmas = doc.sentence_lemmas(sentence[0].sentence)
    if not lx.IRONY_MARKERS.isdisjoint(lemmas):
        return quoted
    targets = {t.idx for t in ozon}
    return [t for t in quoted if t.idx + 1 in targets]


def _the_blues(doc: Doc, tok: Token) -> bool:
    """«у «синих»», ««синие» опять потеряли»: Ozon by its colour, a plural adjective alone in quotes;
    or «синий маркетплейс», «синяя доставка»: the colour right before one of Ozon's services."""
    if "синий" not in tok.lemmas:
        return False
    if "sing" not in tok.grams and _opens_quote(doc, tok) and doc.text[tok.end : tok.end + 1] in _CLOSING_QUOTES:
        return True
    nxt = doc.tokens[tok.idx + 1] if tok.idx + 1 < len(doc.tokens) else None
    if nxt is None or _BLUE_SERVICES.isdisjoint(nxt.lemmas):
        return False
    return nxt.clause == tok.clause or doc.text[tok.end : nxt.start].strip() in _CLOSING_QUOTES  # «синей» доставки


def _in_quotes(doc: Doc, tok: Token) -> bool:
    """A word that opens a quote, or the second word of a short quote («самая быстрая»)."""
    if _opens_quote(doc, tok):
        return True
    closes = tok.end < len(doc.text) and doc.text[tok.end] in '»"'
    return tok.idx > 0 and closes and _opens_quote(doc, doc.tokens[tok.idx - 1])


def _opens_quote(doc: Doc, tok: Token) -> bool:
    return tok.start > 0 and doc.text[tok.start - 1] in _QUOTES


def _sentences(doc: Doc) -> Iterator[list[Token]]:
    for sentence in doc.sentence_ids():
        yield doc.sentence_tokens(sentence)


def _span(code: ViolationCode, toks: Sequence[Token], kind: str) -> Hit:
    return Hit(code, min(t.start for t in toks), max(t.end for t in toks), kind)
