"""Lemma phrase rules: word slots that must co-occur close together in one sentence.

Matching on lemmas makes «удалите отзыв», «отзыв, пожалуйста, удалите» and
«удалить отзыв» one rule.  Grammar decides intent: imperatives and «вы …»
forms are requests to the buyer, while «отменить заказ можно в личном
кабинете» is an explanation, and «мы никогда не просим удалить отзыв» is negated.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from .doc import Doc
from .hit import Hit
from .lexicon import (
    CONDITIONAL,
    EXPLANATORY,
    NEGATORS,
    POLITE_AFTER_NE,
    POLITE_ASIDES,
    REQUEST_LEADS,
    UNNEEDED,
    words,
)
from .models import ViolationCode
from .morph import Token

_EMPTY: frozenset[str] = frozenset()
_WISHES = words("здорово хорошо неплохо отлично замечательно признательный благодарный рад удобный удобно")
_ASKING = words("просить попросить")
_SOMEONE = words("кто кто-то кто-нибудь")
_NEGATED_OR_UNNAMED = NEGATORS | _SOMEONE  # built once, not per token
_NOT_YET = frozenset({"impr", "impf"})  # an imperfective imperative
_COORDINATORS = words("и а")
# What a cancellation brings the buyer through the platform, and what it would bring the seller.
_OUTCOMES = words("деньги средства вернуться поступить возврат")
_SELLER_GAINS = words(
    "мы нам проще удобнее удобно лучше признательный благодарный штраф спасибо выручить быстрее быстро сегодня равно"
)
_VERB_FORMS = frozenset({"VERB", "INFN"})
_FAIRNESS = words("честно справедливо справедливый правильно логично")
_SELF = words("мы я сам")
_YOURS = words("вы ваш")
_TURNED_DOWN = UNNEEDED | words("принимать принять брать просить требовать")
# «переводов на карты продавца и наличных мы не принимаем»: a list may stand between the offer and its «не».
_DENIAL_REACH = 8
_LEAD_REACH = 6
_ASIDE_REACH = 14


@dataclass(frozen=True, slots=True)
class Slot:
    """One word position of a rule, with optional grammar and neighbour constraints."""

    lemmas: frozenset[str]
    grams: frozenset[str] = _EMPTY  # needs one of these grammemes
    not_grams: frozenset[str] = _EMPTY
    bad_prev: frozenset[str] = _EMPTY  # lemma of the previous token that disqualifies
    bad_next: frozenset[str] = _EMPTY
    need_prev: frozenset[str] = _EMPTY  # one of the 3 previous tokens must carry one
    need_next: frozenset[str] = _EMPTY  # one of the 3 next tokens must carry one

    def matches(self, doc: Doc, i: int) -> bool:
        tok = doc.tokens[i]
        if self.lemmas.isdisjoint(tok.lemmas):
            return False
        if self.grams and self.grams.isdisjoint(tok.grams):
            return False
        if self.not_grams and not self.not_grams.isdisjoint(tok.grams):
            return False
        # Modifiers such as «телефон курьера» never cross punctuation.
        if self.bad_prev and i > 0:
            prev = doc.tokens[i - 1]
            if prev.clause == tok.clause and not self.bad_prev.isdisjoint(prev.lemmas):
                return False
        if self.bad_next and i + 1 < len(doc.tokens):
            nxt = doc.tokens[i + 1]
            if nxt.clause == tok.clause and not self.bad_next.isdisjoint(nxt.lemmas):
                return False
        if self.need_prev and not any(not self.need_prev.isdisjoint(t.lemmas) for t in _neighbours(doc, i, -1, 3)):
            return False
        return not self.need_next or any(not self.need_next.isdisjoint(t.lemmas) for t in _neighbours(doc, i, 1, 3))


class Negation(Enum):
    """How a «не» right before the anchor affects a rule."""

    CANCELS = "cancels"
    REQUIRED = "required"
    IGNORED = "ignored"


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """Anchor slot plus companion slots within ``window`` tokens in the same sentence."""

    code: ViolationCode
    slots: tuple[Slot, ...]
    window: int = 4
    request: bool = False  # the anchor must be phrased as a request to the buyer
    negation: Negation = Negation.CANCELS
    veto: frozenset[str] = _EMPTY  # any of these in the sentence cancels the match
    unless: frozenset[str] = _EMPTY  # ...unless one of these is there too («без Ozon»)
    needs: frozenset[str] = _EMPTY  # one of these must be in the sentence
    kind: str = ""
    # «перевод на карту не нужен»: a «не нужен / не требуется» right after the match cancels it.
    denied_after: bool = False
    # «… оплатить можно только через Ozon»: any of these in the anchor's own clause cancels the match.
    clause_veto: frozenset[str] = _EMPTY
    # «мы никогда не просим оплату на карту», «если кто-то просит перевести …»: one of these verbs,
    # negated or with an unnamed subject, earlier in the anchor's clause reports a request instead of making it.
    refused: frozenset[str] = _EMPTY
    # «Вы уронили телефон» accuses; «Вы роняли телефон?» asks what happened.
    statement: bool = False


class RuleSet:
    """Rules indexed by their anchor's lemmas, so a draft only tries rules whose words all occur in it."""

    def __init__(self, rules: tuple[PhraseRule, ...]) -> None:
        self.rules = rules
        self._by_anchor: dict[str, list[int]] = {}
        for r, rule in enumerate(rules):
            for lemma in rule.slots[0].lemmas:
                self._by_anchor.setdefault(lemma, []).append(r)
        self._anchors = frozenset(self._by_anchor)
        self._companions = [tuple(slot.lemmas for slot in rule.slots[1:]) for rule in rules]

    def run(self, doc: Doc) -> Iterator[Hit]:
        """Yield a hit for every rule match in ``doc``."""
        lemmas = doc.lemmas
        candidates: set[int] = set()
        for lemma in self._anchors & lemmas:
            candidates.update(self._by_anchor[lemma])
        companions = self._companions
        for r in sorted(candidates):
            for companion in companions[r]:
                if companion.isdisjoint(lemmas):
                    break  # a word the rule needs is missing from the draft
            else:
                yield from _match(self.rules[r], doc)


def _match(rule: PhraseRule, doc: Doc) -> Iterator[Hit]:
    for i in doc.positions(rule.slots[0].lemmas):
        if not rule.slots[0].matches(doc, i):
            continue
        picked = [i]
        for slot in rule.slots[1:]:
            j = _nearest(doc, slot, picked, rule.window)
            if j is None:
                break
            picked.append(j)
        else:
            if _accept(rule, doc, i) and not (rule.denied_after and _denied_after(doc, max(picked))):
                toks = [doc.tokens[k] for k in picked]
                yield Hit(rule.code, min(t.start for t in toks), max(t.end for t in toks), rule.kind)


def _nearest(doc: Doc, slot: Slot, picked: list[int], window: int) -> int | None:
    """Closest token matching ``slot`` within ``window`` of the picked ones, same sentence."""
    sentence = doc.tokens[picked[0]].sentence
    positions = doc.positions(slot.lemmas)
    lo = bisect_left(positions, min(picked) - window)
    hi = bisect_right(positions, max(picked) + window)
    best: tuple[int, int] | None = None
    for j in positions[lo:hi]:
        if j in picked or doc.tokens[j].sentence != sentence:
            continue
        dist = min(abs(j - k) for k in picked)
        if dist <= window and (best is None or dist < best[0]) and slot.matches(doc, j):
            best = (dist, j)
    return None if best is None else best[1]


def _denied_after(doc: Doc, last: int) -> bool:
    """«… платить не нужно», «переводы на карту мы не принимаем»: the offer is turned down right after."""
    tokens = doc.tokens
    clause = tokens[last].clause
    following = [t for t in tokens[last + 1 : last + _DENIAL_REACH] if t.clause == clause]
    return any(
        "не" in t.lemmas and k + 1 < len(following) and not _TURNED_DOWN.isdisjoint(following[k + 1].lemmas)
        for k, t in enumerate(following)
    )


def _accept(rule: PhraseRule, doc: Doc, i: int) -> bool:
    sentence = doc.tokens[i].sentence
    lemmas = doc.sentence_lemmas(sentence)
    if rule.veto and not rule.veto.isdisjoint(lemmas) and rule.unless.isdisjoint(lemmas):
        return False
    if rule.needs and rule.needs.isdisjoint(lemmas):
        return False
    clause_vetoed = bool(rule.clause_veto) and not rule.clause_veto.isdisjoint(doc.clause_lemmas(doc.tokens[i].clause))
    if clause_vetoed and rule.unless.isdisjoint(lemmas):
        return False
    if rule.refused and _reported(doc, i, rule.refused):
        return False
    if rule.statement and sentence in doc.questions:
        return False
    if rule.request and not is_request(doc, i):
        return False
    if rule.negation is Negation.CANCELS:
        return not is_negated(doc, i)
    if rule.negation is Negation.REQUIRED:
        return is_negated(doc, i)
    return True


def _reported(doc: Doc, i: int, verbs: frozenset[str]) -> bool:
    tokens = doc.tokens
    clause = tokens[i].clause
    for k in range(i - 1, max(-1, i - 8), -1):
        if tokens[k].clause != clause:
            break
        if verbs.isdisjoint(tokens[k].lemmas):
            continue
        before = [t for t in tokens[max(0, k - 2) : k] if t.clause == clause]
        if any(not _NEGATED_OR_UNNAMED.isdisjoint(t.lemmas) for t in before):
            return True
    return False


def is_negated(doc: Doc, i: int) -> bool:
    """A «не/ни/никогда» up to 4 tokens before ``i`` in the same clause.

    «не могли бы» is politeness and «если/пока не …» is a condition, not negation.
    """
    tokens = doc.tokens
    clause = tokens[i].clause
    coordinated = other_verb = False
    for k in range(i - 1, max(-1, i - 5), -1):
        tok = tokens[k]
        if tok.clause != clause:
            break
        if NEGATORS.isdisjoint(tok.lemmas):
            if not _COORDINATORS.isdisjoint(tok.lemmas):
                coordinated = True
            elif coordinated and not _VERB_FORMS.isdisjoint(tok.grams):
                other_verb = True
            continue
        if other_verb:
            return False  # «не держать заказ и оформить отмену»: the «не» belongs to the first verb
        if k + 1 < i and not POLITE_AFTER_NE.isdisjoint(tokens[k + 1].lemmas):
            continue
        before = tokens[max(0, k - 2) : k]
        conditions = [t for t in before if t.sentence == tok.sentence and not CONDITIONAL.isdisjoint(t.lemmas)]
        # «если не …» is a condition, and so is «пока не измените»; but «пока не публикуйте» is «not yet».
        if conditions and not (tokens[i].grams >= _NOT_YET and all("пока" in t.lemmas for t in conditions)):
            continue  # an «если» that ended the previous sentence conditions nothing here
        return True
    return False


def is_request(doc: Doc, i: int) -> bool:
    """Is the verb at ``i`` addressed to the buyer as a request or instruction?"""
    tok = doc.tokens[i]
    grams = tok.grams
    if _hortative(doc, tok):
        return False  # «давайте решим здесь» proposes acting together, it asks the buyer for nothing
    if ("impr" in grams and "incl" not in grams) or ("2per" in grams and "VERB" in grams):
        # «отмените», «вы отмените»; but «мы отменим» is the seller's own plan, and «если Вы отмените
        # заказ, деньги вернутся» only tells what follows a cancellation
        return not _plain_condition(doc, tok)
    before = _before(doc, i)
    if "INFN" in grams:
        if _button_label(doc, tok):
            return False  # «нажмите «Отменить»» names a button; the «нажать» rules judge it
        lemmas = doc.sentence_lemmas(tok.sentence)
        polite = "бы" in lemmas or tok.sentence in doc.questions
        explanatory = not EXPLANATORY.isdisjoint(lemmas) and not _asked_if_possible(before)
        if "бы" in lemmas and _fairness_asked(before):
            return True  # «было бы честно подкорректировать оценку»
        if tok.sentence in doc.questions and _may_one(before) and not _YOURS.isdisjoint(lemmas):
            # «Можно ли как-то отредактировать Ваш отзыв?»; but «Можно ли отменить заказ? Да, …» repeats
            # the buyer's own question before answering it
            return True
        for k, t in enumerate(before):
            if not _ASKING.isdisjoint(t.lemmas) and _negated_ask(before, k):
                continue  # «мы никогда не просим удалять или менять отзывы», «не будем просить»
            if k and not UNNEEDED.isdisjoint(t.lemmas) and not NEGATORS.isdisjoint(before[k - 1].lemmas):
                continue  # «делать ничего не нужно, и данные карты сообщать …»
            if not REQUEST_LEADS.isdisjoint(t.lemmas) and (not explanatory or "попросить" in t.lemmas):
                return not _denied_after(doc, i)  # «можно ли попросить Вас отменить» asks all the same
            if "мочь" in t.lemmas and ("2per" in t.grams or "past" in t.grams) and polite:
                return True
        return False
    if "past" in grams and "plur" in grams:
        if any("чтобы" in t.lemmas for t in before):
            return True
        # «было бы здорово, если бы Вы исправили…», «подняли бы Вы рейтинг»: a wish put to the buyer
        # but «если бы Вы отменили раньше, …» is a counterfactual, not a wish.
        lemmas = doc.sentence_lemmas(tok.sentence)
        if "бы" not in lemmas or "вы" not in lemmas:
            return False
        return "если" not in lemmas or not _WISHES.isdisjoint(lemmas)
    return False


def _fairness_asked(before: list[Token]) -> bool:
    """«было бы честно / справедливо …»: fairness invoked before an infinitive asks the buyer to act,
    unless the seller names itself («нам было бы правильно отменить самим»)."""
    return any(not _FAIRNESS.isdisjoint(t.lemmas) for t in before) and all(_SELF.isdisjoint(t.lemmas) for t in before)


def _may_one(before: list[Token]) -> bool:
    """«можно ли …?»: asking whether it may be done asks the buyer to do it."""
    return any(
        "можно" in t.lemmas and k + 1 < len(before) and "ли" in before[k + 1].lemmas for k, t in enumerate(before)
    )


def _plain_condition(doc: Doc, verb: Token) -> bool:
    """«Если (Вы) отмените заказ, деньги вернутся»: an indicative verb right after «если» whose sentence
    promises the buyer nothing but what the platform does anyway.

    «Нам будет проще, если Вы отмените» or «если отмените, будем признательны» still ask: the seller gains.
    """
    lead = [t for t in doc.tokens[max(0, verb.idx - 2) : verb.idx] if t.clause == verb.clause]
    if not any("если" in t.lemmas for t in lead):
        return False
    lemmas = doc.sentence_lemmas(verb.sentence)
    return not _OUTCOMES.isdisjoint(lemmas) and _SELLER_GAINS.isdisjoint(lemmas)


def _negated_ask(before: list[Token], k: int) -> bool:
    """«не просим», «не будем просить»: the seller says what it does not ask for."""
    if k and not NEGATORS.isdisjoint(before[k - 1].lemmas):
        return True
    return k > 1 and "быть" in before[k - 1].lemmas and not NEGATORS.isdisjoint(before[k - 2].lemmas)


def _before(doc: Doc, i: int) -> list[Token]:
    """Up to six words before ``i`` in its sentence, not counting polite asides.

    «Не могли бы Вы, пожалуйста, если Вам не сложно, удалить …»: the asides put the lead far
    from its verb, but they are kept in the list, so «не просим» still reads as a negation.
    """
    tokens = doc.tokens
    sentence = tokens[i].sentence
    out: list[Token] = []
    counted = 0
    k = i - 1
    while k >= 0 and i - k <= _ASIDE_REACH and counted < _LEAD_REACH and tokens[k].sentence == sentence:
        out.append(tokens[k])
        counted += POLITE_ASIDES.isdisjoint(tokens[k].lemmas)
        k -= 1
    out.reverse()
    return out


def _asked_if_possible(before: list[Token]) -> bool:
    """«просим, если это возможно, удалить …»: a polite condition, not «удалить можно …»."""
    return any(
        "если" in t.lemmas and any(not EXPLANATORY.isdisjoint(u.lemmas) for u in before[k + 1 : k + 3])
        for k, t in enumerate(before)
    )


def _hortative(doc: Doc, tok: Token) -> bool:
    """«давайте решим», «давай посмотрим»: «давать» before a «we» verb is «let's», not «give»."""
    if "давать" not in tok.lemmas or tok.idx + 1 >= len(doc.tokens):
        return False
    nxt = doc.tokens[tok.idx + 1]
    return nxt.clause == tok.clause and ("incl" in nxt.grams or "1per" in nxt.grams)


def _button_label(doc: Doc, tok: Token) -> bool:
    """A lone quoted infinitive such as «Отменить» is the label of a button."""
    text = doc.text
    return tok.start > 0 and tok.end < len(text) and text[tok.start - 1] in '«"' and text[tok.end] in '»"'


def _neighbours(doc: Doc, i: int, step: int, count: int) -> list[Token]:
    out: list[Token] = []
    sentence = doc.tokens[i].sentence
    k = i + step
    while 0 <= k < len(doc.tokens) and len(out) < count:
        if doc.tokens[k].sentence != sentence:
            break
        out.append(doc.tokens[k])
        k += step
    return out
