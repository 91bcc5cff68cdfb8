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
from .hit import Hit
from .lexicon import CONTACT_CUES, PRODUCT_CUES
from .models import ViolationCode
from .normalize import MappedText

_CONTACT = ViolationCode.OFF_PLATFORM_CONTACT
_NON_ALNUM = re.compile(r"[\W_]+")


def find_links(text: str) -> Iterator[Hit]:
    """URLs, bare and spelled-out domains, punycode, e-mails and @handles."""
    checks: list[re.Pattern[str]] = [p.DOMAIN, p.SPACED_DOMAIN]
    if any(host in text for host in p.SHORTENER_HOSTS):
        checks.append(p.SHORTENER)
    if "http" in text or "ftp" in text or "www" in text:
        checks.append(p.URL_SCHEME)
    if "точка" in text or "dot" in text:
        checks.append(p.WORDY_DOMAIN)
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


def messenger_mentions(norm: MappedText) -> list[tuple[int, int, bool]]:
    """Every messenger/social name as (start, end, strong), before any context check."""
    text = norm.text
    found = [(m.start(), m.end(), True) for m in p.STRONG_MESSENGERS.finditer(text)]
    found += [(m.start(), m.end(), False) for m in p.WEAK_MESSENGERS.finditer(text)]
    found += list(_compact_mentions(text))
    return found


def _compact_mentions(text: str) -> Iterator[tuple[int, int, bool]]:
    """Find names split by spaces or dots («whats app», «вот сап») in a letters-only view."""
    compact = _NON_ALNUM.sub("", text)
    if len(compact) == len(text) or p.COMPACT_MESSENGERS.search(compact) is None:
        return
    index = [i for i, c in enumerate(text) if c.isalnum()]
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
        strong = not (m.group() == "телеграм" and tail.startswith("м"))
        yield start, stop, strong


def find_messengers(mentions: Sequence[tuple[int, int, bool]], doc: Doc) -> Iterator[Hit]:
    """Keep mentions used as a contact channel, judged by cues in the same sentence."""
    for start, end, strong in mentions:
        lemmas = doc.sentence_lemmas(doc.sentence_at(start))
        contact = not CONTACT_CUES.isdisjoint(lemmas)
        product = not PRODUCT_CUES.isdisjoint(lemmas)
        if contact or (strong and not product):
            yield Hit(_CONTACT, start, end, "messenger")
