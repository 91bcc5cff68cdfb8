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
from .hit import Hit
from .models import ViolationCode
from .morph import Token

_PARTICLES = lx.words("ну эй да и же вот а")
_HABIT_WINDOW = 3
_ACCUSATION_REACH = 3
_SHOP_LEADS = lx.words("у в из магазин продавец")
_QUOTES = '«"'


def find_insults(doc: Doc) -> Iterator[Hit]:
    """Weak insults addressed to the buyer («вы … тупой») or used as a vocative («Клоун, …»)."""
    tokens = doc.tokens
    words_in_clause: dict[int, int] = {}  # memoized: a long clause of insults must stay linear
    for tok in tokens:
        if lx.WEAK_INSULTS.isdisjoint(tok.lemmas):
            continue
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
        for following in sentences[k + 1 : k + 3] if not rewards else ():
            if _offers_in_return(following):
                rewards = [t for t in following if not lx.REWARDS.isdisjoint(t.lemmas)]
                # the request may sit between the review and the offer: «… Может, уберёте? А мы в ответ …»
                for between in sentences[k + 1 : sentences.index(following)]:
                    lemmas = lemmas | doc.sentence_lemmas(between[0].sentence)
                break
        if not rewards:
            continue
        wants_change = not lx.REVIEW_EDIT_VERBS.isdisjoint(lemmas) or not lx.RATE_VERBS.isdisjoint(lemmas)
        for noun in nouns:
            before = doc.tokens[max(0, noun.idx - 2) : noun.idx]
            for_review = any(t.sentence == noun.sentence and "за" in t.lemmas for t in before)
            if for_review or wants_change or not lx.GOOD_RATING.isdisjoint(lemmas - {"звезда"}) or "если" in lemmas:
                yield _span(ViolationCode.REVIEW_MANIPULATION, [noun, *rewards], "reward")
                break


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


def find_named_handles(doc: Doc) -> Iterator[Hit]:
    """«группа plity_kaminy», «логин shop_live»: a page or account outside Ozon, named by its handle."""
    for tok in doc.tokens:
        if lx.HANDLE_NOUNS.isdisjoint(tok.lemmas):
            continue
        m = p.NAMED_HANDLE.match(doc.text, tok.end)
        if m:
            yield Hit(ViolationCode.OFF_PLATFORM_CONTACT, tok.start, m.end(), "handle")


def find_disparagement(doc: Doc, marketplaces: Sequence[tuple[int, int]]) -> Iterator[Hit]:
    """Negative judgements about Ozon or about competitors, per sentence."""
    text = doc.text
    for sentence in _sentences(doc):
        phrase = p.OZON_PHRASES.search(text, sentence[0].start, sentence[-1].end)
        ozon = [t for t in sentence if not lx.OZON_TARGETS.isdisjoint(t.lemmas)]
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
            bad += _ironic_praise(doc, sentence, ozon)
            if bad or phrase:
                extra = [t for t in sentence if phrase and t.start >= phrase.start()][:1]
                yield _span(ViolationCode.DISPARAGEMENT, [ozon[0], *bad, *extra], "ozon")
        fakes = [t for t in sentence if not lx.FAKES.isdisjoint(t.lemmas)]
        fakes += [t for t in sentence if _scare_quoted(doc, t)]
        if not fakes:  # a rival called «худший», or «мягко говоря, на любителя»
            fakes = [t for t in sentence if not lx.OZON_INSULTS.isdisjoint(t.lemmas)]
            fakes += [t for t in sentence if phrase and t.start >= phrase.start()][:1]
        in_markets = {t.idx for s, e in marketplaces for t in doc.overlapping(s, e)} if fakes else set()
        rivals = [t for t in sentence if _is_rival(doc, t, in_markets)] if fakes else []
        if rivals:
            yield _span(ViolationCode.DISPARAGEMENT, [rivals[0], *fakes], "rivals")


def _aimed_at(word: Token, target: Token) -> bool:
    return word.clause == target.clause or abs(word.idx - target.idx) <= _ACCUSATION_REACH


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
        if not lx.FAKES.isdisjoint(lemmas) or not lx.OZON_INSULTS.isdisjoint(lemmas):
            continue  # the other marketplace is disparaged, not recommended
        sentence = doc.sentence_tokens(first.sentence)
        if p.OZON_PHRASES.search(doc.text, sentence[0].start, sentence[-1].end):
            continue
        before = doc.tokens[max(0, first.idx - 3) : first.idx]
        if any("не" in t.lemmas and t.sentence == first.sentence for t in before):
            continue
        yield Hit(ViolationCode.OFF_PLATFORM_DEAL, start, end, "marketplace")


def _is_rival(doc: Doc, tok: Token, in_markets: set[int]) -> bool:
    if not lx.COMPETITORS.isdisjoint(tok.lemmas) or tok.idx in in_markets:
        return True
    if _opens_quote(doc, tok) and tok.idx:
        return not _SHOP_LEADS.isdisjoint(doc.tokens[tok.idx - 1].lemmas)  # «у «ТехноМира»», «в «Ромашке»»
    if "другой" in tok.lemmas and _stands_alone(doc, tok):
        return True  # «можно найти у других, но там …»: the other sellers, left unnamed
    if lx.OTHER_SELLERS.isdisjoint(tok.lemmas):
        return False
    prev = doc.tokens[max(0, tok.idx - 2) : tok.idx]
    if any(not lx.OTHER_MARKERS.isdisjoint(t.lemmas) for t in prev):
        return True
    after = doc.tokens[tok.idx + 1 : tok.idx + 3]
    if after and "с" in after[0].lemmas and any(not lx.OTHER_MARKERS_AFTER.isdisjoint(t.lemmas) for t in after[1:]):
        return True
    return p.NAMED_SHOP.match(doc.text, tok.start) is not None


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
