"""What a regular expression's matches can start with, read from its parsed form.

The word-list patterns are large alternations; knowing the first few characters each
alternative can start with lets a draft skip positions (and alternatives) that cannot match.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_parse as sp

PREFIX_CHARS = 3
_MAX_STATES = 20_000
_MAX_CLASS = 40
OPEN = "\0"  # marks a prefix whose next character can be anything
# What \s can match in a str pattern (the engine uses str.isspace); small enough to index, unlike \w.
_SPACES = [chr(c) for c in range(0x10000) if chr(c).isspace()]


class Unbounded(Exception):
    """The pattern can start with too many different characters to be worth indexing."""


def top_branches(parsed: Any) -> list[list[Any]]:
    items = list(parsed)
    if len(items) == 1 and items[0][0] is sp.BRANCH:
        return [list(alt) for alt in items[0][1][1]]
    return [items]


def prefixes(seq: Iterable[Any]) -> set[str]:
    """Every string of up to PREFIX_CHARS characters a match of ``seq`` can start with."""
    done: set[str] = set()
    states = _apply(seq, {""}, done)
    return {s.rstrip(OPEN) for s in states | done}


def _apply(seq: Iterable[Any], states: set[str], done: set[str]) -> set[str]:
    for op, av in seq:
        if not states:
            break
        if op in (sp.ASSERT, sp.ASSERT_NOT, sp.AT):
            continue  # zero width: skipping a condition only widens the prefix set
        if op is sp.LITERAL:
            states = _extend(states, (chr(av),), done)
        elif op is sp.IN and (chars := _class_chars(av)) is not None:
            states = _extend(states, chars, done)
        elif op is sp.SUBPATTERN:
            states = _apply(av[-1], states, done)
        elif op is sp.BRANCH:
            states = set().union(*[_apply(alt, set(states), done) for alt in av[1]])
        elif op in (sp.MAX_REPEAT, sp.MIN_REPEAT, sp.POSSESSIVE_REPEAT):
            states = _repeat(av, states, done)
        elif op is sp.ATOMIC_GROUP:
            states = _apply(av, states, done)
        else:  # any character, a category, a back-reference: the prefix ends here
            done |= {s + OPEN for s in states}
            states = set()
        if len(states) + len(done) > _MAX_STATES:
            raise Unbounded
    return states


def _repeat(av: Any, states: set[str], done: set[str]) -> set[str]:
    low, high, body = av
    result = set(states) if low == 0 else set()
    current = states
    for count in range(1, PREFIX_CHARS + 2):
        if count > high or not current:
            break
        current = _apply(body, current, done)
        if count >= low:
            result |= current
    if low > PREFIX_CHARS + 1:
        result |= current
    return result


def _extend(states: set[str], chars: Iterable[str], done: set[str]) -> set[str]:
    out: set[str] = set()
    chars = tuple(chars)
    for s in states:
        if len(s) >= PREFIX_CHARS:
            done.add(s)
        else:
            out.update(s + c for c in chars)
    return out


def _class_chars(items: Any) -> list[str] | None:
    """The characters of a class, or None when it is too wide to index (negated, \\w, \\s)."""
    chars: list[str] = []
    for op, av in items:
        if op is sp.LITERAL:
            chars.append(chr(av))
        elif op is sp.RANGE:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sp.CATEGORY and av is sp.CATEGORY_SPACE:
            chars.extend(_SPACES)
        else:
            return None
        if len(chars) > _MAX_CLASS:
            return None
    return chars


def is_boundary(item: Any, boundary: Any) -> bool:
    op, av = item
    return bool(op is sp.ASSERT_NOT and av[0] == -1 and list(av[1]) == list(boundary[1][1]))
