"""Run only the alternatives of a word list that can start with the text at hand.

At a word start the regex engine still tries every alternative of a large word list in
turn, and most of them open with a group, which it cannot skip by its first letter. A
pattern shaped ``boundary(?:alt|alt|…)`` is split into its alternatives once; at each
position the first characters of the text pick the few alternatives that can start
there, and a pattern of just those (in their original order, so the leftmost-first
match is the same) is compiled on first use and kept.
"""

from __future__ import annotations

import re
import warnings
from typing import Final

from .prefixes import PREFIX_CHARS, Unbounded, prefixes

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_parse as sp

_HEAD: Final = "(?<![a-zа-я0-9])(?:"
_NOTHING: Final = re.compile(r"(?!)")  # no alternative can start here


class Narrowing:
    """Per-position sub-patterns of one ``boundary(?:alt|…)`` word list."""

    def __init__(self, alternatives: list[str], starts: list[set[str] | None], flags: int) -> None:
        self._alternatives = alternatives
        self._flags = flags
        self._always = [k for k, found in enumerate(starts) if found is None or "" in found]
        self._by_prefix: dict[str, list[int]] = {}
        for k, found in enumerate(starts):
            for prefix in found or ():
                if prefix:
                    self._by_prefix.setdefault(prefix, []).append(k)
        self._by_key: dict[str, re.Pattern[str]] = {}
        self._by_choice: dict[tuple[int, ...], re.Pattern[str]] = {}

    def at(self, key: str) -> re.Pattern[str]:
        """The pattern to try where the text starts with ``key`` (its next PREFIX_CHARS characters)."""
        found = self._by_key.get(key)
        if found is None:
            chosen = set(self._always)
            for cut in range(1, len(key) + 1):
                chosen.update(self._by_prefix.get(key[:cut], ()))
            choice = tuple(sorted(chosen))
            found = self._by_choice.get(choice)
            if found is None:
                body = "|".join(self._alternatives[k] for k in choice)
                found = re.compile(_HEAD + body + ")", self._flags) if choice else _NOTHING
                self._by_choice[choice] = found
            if len(self._by_key) < 65536:
                self._by_key[key] = found
        return found


def narrowing(pattern: re.Pattern[str]) -> Narrowing | None:
    """A Narrowing for a word list of the usual shape, or None for any other pattern."""
    alternatives = _split(pattern.pattern)
    if alternatives is None or _HEAD + "|".join(alternatives) + ")" != pattern.pattern:
        return None
    if any("(?P" in alt or re.search(r"\\[1-9]", alt) for alt in alternatives):
        return None  # group names and numbers would change meaning in a sub-pattern
    starts: list[set[str] | None] = []
    for alt in alternatives:
        try:
            starts.append({prefix[:PREFIX_CHARS] for prefix in prefixes(sp.parse(alt, pattern.flags).data)})
        except Unbounded:
            starts.append(None)
    return Narrowing(alternatives, starts, pattern.flags)


def _split(source: str) -> list[str] | None:
    """The top-level alternatives inside ``_HEAD … )``, or None when the source has another shape."""
    if not source.startswith(_HEAD):
        return None
    alternatives: list[str] = []
    depth = 0
    start = i = len(_HEAD)
    in_class = False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 2 if source[i + 1 : i + 2] == "^" else 1
            if source[i : i + 1] == "]":
                i += 1  # a leading «]» is a literal
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                alternatives.append(source[start:i])
                return alternatives if i == len(source) - 1 else None
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(source[start:i])
            start = i + 1
        i += 1
    return None
