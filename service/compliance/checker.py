"""Entry point: run every detector on the normalized draft and report original spans."""

from __future__ import annotations

from . import lexicon as lx
from . import patterns as p
from .contacts import find_links, find_messengers, messenger_mentions
from .doc import Doc
from .hit import Hit
from .masked import find_masked_insults
from .messages import describe
from .models import ComplianceResult, Violation, ViolationCode
from .morph import Token, tokenize, with_lemmas
from .normalize import MappedText, normalize
from .phones import find_numbers
from .phrases import ALL_RULES
from .pictograms import with_pictograms
from .prefilter import Scan
from .special import (
    find_carried_cancels,
    find_carried_review_edits,
    find_disparagement,
    find_insults,
    find_marketplace_deals,
    find_named_handles,
    find_review_rewards,
)
from .translit import latin_as_cyrillic

_MESSENGER_KEY = "<messenger>"
_MESSENGER_LEMMA = frozenset({_MESSENGER_KEY})


_STACKED_MIN_LINES = 4
_STACKED_WORDS = 2


def check(text: str) -> ComplianceResult:
    """Check a seller's draft reply against Ozon's chat rules."""
    # The unstacked copy has the draft's length, so its offsets are the draft's own.
    read = _unstacked(text) or text
    norm = normalize(read)
    violations = _to_violations(text, _original_spans(norm, _find(norm, read)))
    return ComplianceResult(allowed=not violations, violations=violations)


def _unstacked(text: str) -> str | None:
    """«Можно\nбез\nОзона,\nнапрямую»: words written one or two per line, read as one line.

    A newline ends a sentence for the detectors; inside a run of such short lines it only
    separates words, and the request would be cut apart. The draft's own punctuation still
    ends its sentences, and newlines elsewhere in the draft stay.
    """
    if text.count("\n") < _STACKED_MIN_LINES - 1:
        return None
    lines = text.split("\n")
    # A line ending in a hyphen carries a word over («от-\nме-\nни-\nте»): normalization rejoins it.
    short = [0 < len(line.split()) <= _STACKED_WORDS and not line.rstrip().endswith("-") for line in lines]
    joins: set[int] = set()  # line numbers whose following newline becomes a space
    run = 0
    for k, is_short in enumerate([*short, False]):
        if is_short:
            run += 1
            continue
        if run >= _STACKED_MIN_LINES - 1:
            joins.update(range(max(0, k - run - 1), k))  # the run, and the newlines around it
        run = 0
    if not joins:
        return None
    return "".join(line + (" " if k in joins else "\n") for k, line in enumerate(lines))[:-1]


def _find(norm: MappedText, original: str) -> list[Hit]:
    text = norm.text
    doc, scan, mentions = _read(text, original, norm.starts)
    hits = list(find_links(text))
    hits += find_numbers(text, None if scan.odd_letters else [tok.text for tok in doc.tokens])
    if mentions:
        hits += find_messengers(mentions, doc)
    hits += _find_phrases(doc, scan)
    view = latin_as_cyrillic(text)
    if view is not None:  # «sami vinovaty», «napishite v telegu»: words and names again, in Cyrillic
        view_text, starts, ends = view
        view_doc, view_scan, view_mentions = _read(view_text)
        for hit in (*find_messengers(view_mentions, view_doc), *_find_phrases(view_doc, view_scan)):
            hits.append(Hit(hit.code, starts[hit.start], ends[hit.end - 1], hit.kind))
    return hits


def _read(
    text: str, original: str = "", starts: list[int] | None = None
) -> tuple[Doc, Scan, list[tuple[int, int, bool]]]:
    """Tokens, word-list candidates and messenger names of one text, as every detector reads them."""
    tokens = tokenize(text, original, starts)
    scan = p.WORD_PATTERNS.scan(text, tokens)
    mentions = messenger_mentions(text, scan, tokens)
    return Doc(text, with_pictograms(text, _mark_messengers(tokens, mentions))), scan, mentions


def _find_phrases(doc: Doc, scan: Scan) -> list[Hit]:
    """Detectors that read words and grammar, not contact formats."""
    markets = [(m.start(), m.end()) for m in scan.finditer(p.MARKETPLACES)]
    hits = list(ALL_RULES.run(doc))
    lemmas = doc.lemmas
    if not lx.PAYOUTS.isdisjoint(lemmas) and not lx.BANK_CARDS.isdisjoint(lemmas):
        hits += _card_payouts(doc, hits)
    if not lx.WEAK_INSULTS.isdisjoint(lemmas):
        hits += find_insults(doc)
    if not lx.REVIEW_NOUNS.isdisjoint(lemmas) and not lx.REWARDS.isdisjoint(lemmas):
        hits += find_review_rewards(doc)
    if (
        markets
        or not lx.DISPARAGEMENT_CUES.isdisjoint(lemmas)
        or ("«" in doc.text and not lx.QUOTED_CLAIMS.isdisjoint(lemmas))
    ):
        hits += find_disparagement(doc, markets)
    if markets:
        hits += find_marketplace_deals(doc, markets)
    if not lx.CARRIED_CANCEL_CUES.isdisjoint(lemmas) and not lx.CANCEL_MENTIONS.isdisjoint(lemmas):
        hits += find_carried_cancels(doc)
    if not lx.CARRIED_REVIEW_EDITS.isdisjoint(lemmas) and not lx.REVIEW_NOUNS.isdisjoint(lemmas):
        hits += find_carried_review_edits(doc)
    if any(mask in doc.text for mask in p.MASK_CHARS):
        hits += find_masked_insults(doc.text)
    if "_" in doc.text and not lx.HANDLE_NOUNS.isdisjoint(lemmas):
        hits += find_named_handles(doc)
    for rx, code in (
        (p.PROFANITY, ViolationCode.ABUSE),
        (p.RUDE_PHRASES, ViolationCode.ABUSE),
        (p.BLAME_PHRASES, ViolationCode.BLAME_SHIFTING),
        (p.REVIEW_PHRASES, ViolationCode.REVIEW_MANIPULATION),
        (p.CANCEL_PHRASES, ViolationCode.CANCEL_REQUEST),
        (p.CONTACT_TEMPLATES, ViolationCode.CONTACT_REQUEST),
    ):
        hits += [Hit(code, m.start(), m.end()) for m in scan.finditer(rx)]
    return hits


def _card_payouts(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """«Для возврата денег пришлите номер карты»: card data asked for to pay money out is also a deal
    off Ozon, since Ozon pays refunds and compensation itself and never needs the card."""
    found = []
    for hit in hits:
        if hit.code is not ViolationCode.CONTACT_REQUEST:
            continue
        lemmas = doc.sentence_lemmas(doc.sentence_at(hit.start))
        if not lx.PAYOUTS.isdisjoint(lemmas) and not lx.BANK_CARDS.isdisjoint(lemmas):
            found.append(Hit(ViolationCode.OFF_PLATFORM_DEAL, hit.start, hit.end, "payment"))
    return found


def _mark_messengers(tokens: list[Token], mentions: list[tuple[int, int, bool]]) -> list[Token]:
    """Give tokens inside a messenger name a shared pseudo-lemma for the phrase rules."""
    if not mentions:
        return tokens
    covered: set[int] = set()
    for start, end, _ in mentions:
        covered.update(range(start, end))
    marked = list(tokens)
    for k, tok in enumerate(tokens):
        if tok.start in covered or tok.end - 1 in covered:
            marked[k] = with_lemmas(tok, tok.lemmas | _MESSENGER_LEMMA)
    return marked


def _original_spans(norm: MappedText, hits: list[Hit]) -> list[tuple[ViolationCode, int, int, str]]:
    """Hits as spans of the original draft."""
    spans: list[tuple[ViolationCode, int, int, str]] = []
    for hit in hits:
        if hit.end > hit.start:
            start, end = norm.original_span(hit.start, hit.end)
            spans.append((hit.code, start, end, hit.kind))
    return spans


def _to_violations(text: str, found: list[tuple[ViolationCode, int, int, str]]) -> list[Violation]:
    spans: list[tuple[ViolationCode, int, int, str]] = []
    for code, start, end, kind in found:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((code, start, end, kind))
    spans.sort(key=lambda s: (s[0], s[1], -s[2]))
    merged: list[tuple[ViolationCode, int, int, str]] = []
    for code, start, end, kind in spans:
        # Overlapping hits of one code merge; so do hits separated only by spaces or
        # punctuation, so a flood of repeats becomes one excerpt.
        if merged and merged[-1][0] == code and (start < merged[-1][2] or _only_gap(text, merged[-1][2], start)):
            last = merged[-1]
            merged[-1] = (code, last[1], max(last[2], end), last[3] or kind)
        else:
            merged.append((code, start, end, kind))
    merged.sort(key=lambda s: (s[1], s[2], s[0]))
    result = []
    for code, start, end, kind in merged:
        message, suggestion = describe(code, kind)
        result.append(
            Violation(
                code=code,
                start=start,
                end=end,
                excerpt=text[start:end],
                message=message,
                suggestion=suggestion,
            )
        )
    return result


def _only_gap(text: str, end: int, start: int) -> bool:
    return start - end <= 3 and not any(c.isalnum() for c in text[end:start])
