"""Undo letter spacing («в о т с а п», «W-h-a-t-s», «т.е.л.е.г.р.а.м») with offsets kept.

Letters of a spaced run are joined, then re-split into the fewest dictionary
words, so «н о м е р т е л е ф о н а» becomes «номер телефона» while an
unknown brand such as «whatsapp» stays whole.  A lookup budget keeps
adversarial inputs (thousands of spaced letters) cheap.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice, pairwise

from . import patterns as pt
from .confusables import is_cyrillic
from .morph import is_known_word

# A run of single letters separated by 1-3 characters people use to space words out.
# Line breaks count too: «н⏎о⏎м⏎е⏎р», one letter per line, is a word written downwards.
_RUN_RE = re.compile(r"(?<![a-zа-яё0-9])[a-zа-яё](?:[ .\-_·•|/\\~+\n]{1,3}[a-zа-яё](?![a-zа-яё0-9]))+")
_MIN_LETTERS = 3
# A word written one letter per line («н⏎о⏎м⏎е⏎р») joins the lines around it; size lists («S⏎M⏎L») do not.
_MIN_LINE_LETTERS = 4
_ONE_LETTER_WORDS = frozenset("вксуоиая")  # may sit inside a spaced phrase
_PAIR_EDGES = frozenset(' \n,.!?:;«»"()')
_MAX_CHUNK = 32
_MIN_BRAND = 4
# Short names people write for Instagram; the messenger detector knows them, the dictionary does not.
_SHORT_NAMES = frozenset({"инста", "инсту", "инсте", "инстой", "инсты"})
_MAX_PIECE = 14
# Dictionary lookups per draft for re-splitting joined letters. A 1,000-character draft needs at
# most about 1,200 (110 four-letter chunks), so a flood before a spaced contact cannot use them up.
_LOOKUP_BUDGET = 1500
# A run takes at least four characters («a.a »), so Ozon's 1,000-character drafts hold at most 250;
# past this many, a flood of spaced letters stays as written.
_MAX_RUNS = 300


def collapse_spaced(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """Join spaced-out letter runs; inserted word breaks map to the original gap."""
    runs = list(islice(_RUN_RE.finditer(text), _MAX_RUNS))
    if not runs:
        return text, starts, ends
    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    budget = [_LOOKUP_BUDGET]
    done = 0
    chars = list(text)
    for m in runs:
        for positions in _script_runs(text, m.start(), m.end()):
            if len(positions) >= _MIN_LINE_LETTERS and "\n" in text[positions[0] : positions[-1]]:
                _join_lines(chars, positions)
            out_c.extend(chars[done : positions[0]])
            out_s.extend(starts[done : positions[0]])
            out_e.extend(ends[done : positions[0]])
            letters = "".join(text[p] for p in positions)
            forced = _forced_breaks(text, positions)
            breaks = _segment(letters, forced, budget)
            for idx, p in enumerate(positions):
                if idx in breaks:
                    # «p-o-s-u-d-a . r-u»: a dot between spaced Latin words is the domain's dot
                    dotted = idx in forced and text[p].isascii() and "." in text[positions[idx - 1] + 1 : p]
                    out_c.append("." if dotted else " ")
                    out_s.append(ends[positions[idx - 1]])
                    out_e.append(starts[p])
                out_c.append(text[p])
                out_s.append(starts[p])
                out_e.append(ends[p])
            done = positions[-1] + 1
    out_c.extend(chars[done:])
    out_s.extend(starts[done:])
    out_e.extend(ends[done:])
    return "".join(out_c), out_s, out_e


def _join_lines(chars: list[str], positions: list[int]) -> None:
    """A word written one letter per line belongs to the lines around it: «ваш⏎н⏎о⏎м⏎е⏎р⏎для связи»."""
    before = positions[0] - 1
    after = positions[-1] + 1
    if before >= 0 and chars[before] == "\n":
        chars[before] = " "
    if after < len(chars) and chars[after] == "\n":
        chars[after] = " "


def _script_runs(text: str, start: int, end: int) -> list[list[int]]:
    """Split a run where the script changes («в w h a t s»), keep qualifying parts."""
    letters = [i for i in range(start, end) if text[i].isalpha()]
    groups: list[list[int]] = []
    for i in letters:
        if groups and is_cyrillic(text[i]) == is_cyrillic(text[groups[-1][-1]]):
            groups[-1].append(i)
        else:
            groups.append([i])
    return [g for g in groups if len(g) >= _MIN_LETTERS or _odd_pair(text, g)]


def _odd_pair(text: str, positions: list[int]) -> bool:
    """Two spaced letters («н е», «т г») standing alone, unless both are one-letter words («и в»)."""
    if len(positions) != 2 or all(text[p] in _ONE_LETTER_WORDS for p in positions):
        return False
    before = text[positions[0] - 1] if positions[0] else " "
    after = text[positions[1] + 1] if positions[1] + 1 < len(text) else " "
    return before in _PAIR_EDGES and after in _PAIR_EDGES


def _forced_breaks(text: str, positions: list[int]) -> set[int]:
    """Indices where the separator differs from the run's usual one (a real word gap)."""
    gaps = [text[a + 1 : b] for a, b in pairwise(positions)]
    if not gaps:
        return set()
    usual = Counter(gaps).most_common(1)[0][0]
    return {idx + 1 for idx, gap in enumerate(gaps) if gap != usual}


def _segment(letters: str, forced: set[int], budget: list[int]) -> set[int]:
    """Indices in ``letters`` before which a word break should be inserted."""
    bounds = [0, *sorted(forced), len(letters)]
    breaks = set(forced)
    for a, b in pairwise(bounds):
        breaks.update(a + i for i in _split(letters[a:b], budget) if i)
    return breaks


def _is_brand(chunk: str) -> bool:
    """«А-в-и-т-о», «о з о н а»: a marketplace or messenger name stays one word, not «а вито»."""
    if not _MIN_BRAND <= len(chunk) <= _MAX_PIECE:
        # «вб», «wb» would cut too many letter runs apart; a longer chunk is the name and more words
        # («вайлдберризпришлитеномер»), which the name pattern's open ending would swallow.
        return False
    return (
        pt.MARKETPLACES.fullmatch(chunk) is not None
        or _is_messenger(chunk)
        or (chunk.startswith(("озон", "ozon")) and len(chunk) <= len("озонами"))
        or chunk in _SHORT_NAMES
    )


def _is_messenger(chunk: str) -> bool:
    """«вайбер», «вайбере», «телеграме»: a messenger name with at most a two-letter ending."""
    m = pt.COMPACT_MESSENGERS.match(chunk)
    return m is not None and len(chunk) - m.end() <= 2 and all(c in pt.COMPACT_SUFFIX for c in chunk[m.end() :])


def _split(chunk: str, budget: list[int]) -> list[int]:
    """Cut points splitting ``chunk`` into the fewest known words, or [] to keep it whole."""
    n = len(chunk)
    if n > _MAX_CHUNK or n < 2 or budget[0] <= 0:
        return []
    budget[0] -= 1
    if is_known_word(chunk) or _is_brand(chunk):
        return []
    inf = n + 1
    best = [0] + [inf] * n
    back = [0] * (n + 1)
    for start in range(n):
        if best[start] >= inf:
            continue
        for end in range(start + 1, min(n, start + _MAX_PIECE) + 1):
            if best[start] + 1 >= best[end]:
                continue
            piece = chunk[start:end]
            if len(piece) == 1:
                ok = piece in _ONE_LETTER_WORDS
            else:
                if budget[0] <= 0:
                    return []
                budget[0] -= 1
                ok = is_known_word(piece) or _is_brand(piece)
            if ok:
                best[end] = best[start] + 1
                back[end] = start
    if best[n] >= inf:
        return []
    cuts = []
    pos = n
    while pos > 0:
        pos = back[pos]
        cuts.append(pos)
    return sorted(cuts)
