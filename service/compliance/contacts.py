"""Detect contact channels that pull the buyer off Ozon: links, e-mails, handles, messengers.

Messenger names are context dependent: «смартфон поддерживает WhatsApp» is a
product feature, «пишите в WhatsApp» is a violation, and «телега» is usually a
garden cart.  The sentence around each mention decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from . import patterns as p
from .doc import Doc
from .engine import is_request
from .hit import Hit
from .lexicon import CONTACT_CUES, HANDLE_NOUNS, POSSESSIVE_OURS, PRODUCT_CUES, words
from .models import ViolationCode
from .morph import Token
from .prefilter import Scan

_CONTACT = ViolationCode.OFF_PLATFORM_CONTACT
_OWNERS = frozenset({"мой", "наш"})
# Endings of «телеграмма» after «телеграм»; «телеграмм» and «в телеграмме» stay ambiguous with the messenger.
_TELEGRAM_WORD_ENDINGS = frozenset({"ма", "му", "мы", "мой", "мою", "мам", "мами", "мах"})
# «телеграм-синий», «вотсап-зелёный»: a messenger's brand colour names a shade of the product.
_COLOURS = words("синий голубой зеленый фиолетовый розовый красный оранжевый желтый бирюзовый")


def find_links(text: str) -> Iterator[Hit]:
    """URLs, bare and spelled-out domains, punycode, e-mails and @handles."""
    # Both domain patterns need a dot before a top-level domain; looking for that dot first is
    # a fast literal search, while the patterns themselves try every word start.
    checks: list[re.Pattern[str]] = [p.DOMAIN, p.SPACED_DOMAIN] if p.DOT_TLD.search(text) else []
    if any(host in text for host in p.SHORTENER_HOSTS):
        checks.append(p.SHORTENER)
    if "http" in text or "ftp" in text or "www" in text:
        checks.append(p.URL_SCHEME)
    if "точка" in text or "dot" in text:
        checks.append(p.WORDY_DOMAIN)
        checks.append(p.DESCRIBED_DOMAIN)
    if "xn--" in text:
        checks.append(p.PUNYCODE)
    for rx in checks:
        for m in rx.finditer(text):
            if not p.OWN_DOMAINS.search(m.group().replace(" ", "")):
                yield Hit(_CONTACT, m.start(), m.end(), "link")
    if "@" in text:
        for m in p.EMAIL.finditer(text):
            tld = m.group().rsplit(".", 1)[-1]
            if len(tld) >= 2 and tld.isalpha():
                yield Hit(_CONTACT, m.start(), m.end(), "email")
        for m in p.HANDLE.finditer(text):
            yield Hit(_CONTACT, m.start(), m.end(), "handle")
    if "@" in text or "собак" in text or "at" in text:
        for m in p.WORDY_EMAIL.finditer(text):
            yield Hit(_CONTACT, m.start(), m.end(), "email")


def messenger_mentions(text: str, scan: Scan, tokens: Sequence[Token]) -> list[tuple[int, int, bool]]:
    """Every messenger/social name as (start, end, strong), before any context check."""
    found = [(m.start(), m.end(), True) for m in scan.finditer(p.STRONG_MESSENGERS)]
    found += [(m.start(), m.end(), False) for m in scan.finditer(p.WEAK_MESSENGERS)]
    found += list(_compact_mentions(text, tokens))
    return found


def _compact_mentions(text: str, tokens: Sequence[Token]) -> Iterator[tuple[int, int, bool]]:
    """Find names split by spaces or dots («whats app», «вот сап») in a letters-only view.

    Tokens are exactly the text's letter and digit runs, so joining them gives that view.
    """
    compact = "".join([tok.text for tok in tokens])
    if len(compact) == len(text) or p.COMPACT_MESSENGERS.search(compact) is None:
        return
    index = [i for tok in tokens for i in range(tok.start, tok.end)]
    for m in p.COMPACT_MESSENGERS.finditer(compact):
        start = index[m.start()]
        end = index[m.end() - 1] + 1
        if start > 0 and text[start - 1].isalnum():
            continue  # must begin a word
        stop = end
        while stop < len(text) and text[stop].isalnum():
            stop += 1
        tail = text[end:stop]
        if len(tail) > 4 or any(c not in p.COMPACT_SUFFIX for c in tail):
            continue  # «вот сапоги» is not «вотсап»
        if m.group() == "телеграм" and tail in _TELEGRAM_WORD_ENDINGS:
            continue  # «телеграмма», «телеграмму»: the word, not the messenger
        strong = not (m.group() == "телеграм" and tail.startswith("м"))
        yield start, stop, strong


def find_messengers(mentions: Sequence[tuple[int, int, bool]], doc: Doc) -> Iterator[Hit]:
    """Keep mentions used as a contact channel, judged by cues in the same sentence."""
    cues: dict[int, tuple[bool, bool, bool]] = {}  # per sentence: contact, product, ownership counts
    owners = not _OWNERS.isdisjoint(doc.lemmas)  # «мой», «наш» anywhere: worth a look per mention
    we = "мы" in doc.lemmas
    for start, end, strong in mentions:
        if strong and doc.text.startswith("-", end) and _colour_after(doc, end + 1):
            strong = False  # a colour is no channel, unless the sentence asks to write there
        sentence = doc.sentence_at(start)
        found = cues.get(sentence)
        if found is None:
            lemmas = doc.sentence_lemmas(sentence)
            contact = not CONTACT_CUES.isdisjoint(lemmas)
            product = not PRODUCT_CUES.isdisjoint(lemmas)
            ownership = not contact
            if contact and product:
                # «часы дублируют сообщения из WhatsApp, ответить можно шаблонами», «книга о Telegram,
                # 320 страниц»: a product sentence needs a cue aimed at the buyer or the shop itself.
                contact = _addressed_cue(doc, sentence)
            found = cues[sentence] = (contact, product, ownership)
        contact, product, ownership = found
        if ownership and not strong:
            contact = owners and _owned(doc, start)
        if not contact and we and _we_are_there(doc, start):
            contact = True
        if contact or (strong and not product):
            yield Hit(_CONTACT, start, end, "messenger")


def _colour_after(doc: Doc, start: int) -> bool:
    tok = doc.token_at(start)
    return tok is not None and tok.start == start and not _COLOURS.isdisjoint(tok.lemmas)


def _owned(doc: Doc, start: int) -> bool:
    """«мой тг», «наш вк»: a weak name owned by the seller; «наша телега» stays a garden cart."""
    tok = doc.token_at(start)
    if tok is None or tok.idx == 0 or tok.text.startswith("телег"):
        return False
    prev = doc.tokens[tok.idx - 1]
    return prev.clause == tok.clause and not _OWNERS.isdisjoint(prev.lemmas)


def _we_are_there(doc: Doc, start: int) -> bool:
    """«Мы есть в Одноклассниках», «мы теперь и во ВКонтакте»: the shop announcing its own page."""
    first = doc.token_at(start)
    if first is None:
        return False
    before = [t for t in doc.tokens[max(0, first.idx - 4) : first.idx] if t.clause == first.clause]
    return any("мы" in t.lemmas for t in before) and any(t.text in ("в", "во") for t in before[-2:])


def _addressed_cue(doc: Doc, sentence: int) -> bool:
    """A contact cue phrased as a request («напишите нам»), owned («наш канал») or naming a handle.

    «консультация по видеосвязи в Skype, логин — laminat.expert»: an account name is never a feature.
    """
    tokens = doc.sentence_tokens(sentence)
    for k, tok in enumerate(tokens):
        if CONTACT_CUES.isdisjoint(tok.lemmas):
            continue
        if is_request(doc, tok.idx):
            return True
        if k and not POSSESSIVE_OURS.isdisjoint(tokens[k - 1].lemmas):
            return True
        if not HANDLE_NOUNS.isdisjoint(tok.lemmas) and p.DOTTED_HANDLE.match(doc.text, tok.end):
            return True
    return False
