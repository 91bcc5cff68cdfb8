"""A tokenized draft with the lookups every detector needs, all linear to build.

Detectors ask for «tokens of this sentence», «tokens under this span» or
«positions of these lemmas»; answering those by scanning all tokens each time
would make long adversarial drafts quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .morph import Token


class Doc:
    """Tokens of one normalized draft with lemma, sentence and clause indexes.

    Only the lemma set is built up front; the per-lemma index, the sentence and
    clause ranges and the question marks are built on first use, because most
    drafts never reach a detector that needs them.
    """

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.lemmas: frozenset[str] = frozenset().union(*[t.lemmas for t in tokens])
        self._index: dict[str, list[int]] | None = None
        self._sentences: dict[int, tuple[int, int]] | None = None
        self._clauses: dict[int, tuple[int, int]] | None = None
        self._questions: set[int] | None = None
        self._sentence_lemmas: dict[int, frozenset[str]] = {}
        self._clause_lemmas: dict[int, frozenset[str]] = {}
        self._positions: dict[frozenset[str], list[int]] = {}

    @property
    def index(self) -> dict[str, list[int]]:
        """Token indices per lemma."""
        if self._index is None:
            index: dict[str, list[int]] = {}
            for tok in self.tokens:
                for lemma in tok.lemmas:
                    found = index.get(lemma)
                    if found is None:
                        index[lemma] = [tok.idx]
                    else:
                        found.append(tok.idx)
            self._index = index
        return self._index

    @property
    def questions(self) -> set[int]:
        """Sentences that end in a question mark."""
        if self._questions is None:
            self._questions = set()
            if "?" in self.text:
                tokens, text = self.tokens, self.text
                for sentence, (_, hi) in self._sentence_ranges().items():
                    stop = tokens[hi].start if hi < len(tokens) else len(text)
                    if "?" in text[tokens[hi - 1].end : stop]:
                        self._questions.add(sentence)
        return self._questions

    def _sentence_ranges(self) -> dict[int, tuple[int, int]]:
        if self._sentences is None:
            self._sentences = _ranges([t.sentence for t in self.tokens])
        return self._sentences

    def sentence_tokens(self, sentence: int) -> list[Token]:
        lo, hi = self._sentence_ranges().get(sentence, (0, 0))
        return self.tokens[lo:hi]

    def clause_tokens(self, clause: int) -> list[Token]:
        if self._clauses is None:
            self._clauses = _ranges([t.clause for t in self.tokens])
        lo, hi = self._clauses.get(clause, (0, 0))
        return self.tokens[lo:hi]

    def sentence_ids(self) -> list[int]:
        return list(self._sentence_ranges())

    def sentence_lemmas(self, sentence: int) -> frozenset[str]:
        """Union of lemmas of one sentence (memoized)."""
        found = self._sentence_lemmas.get(sentence)
        if found is None:
            found = frozenset().union(*[t.lemmas for t in self.sentence_tokens(sentence)])
            self._sentence_lemmas[sentence] = found
        return found

    def clause_lemmas(self, clause: int) -> frozenset[str]:
        """Union of lemmas of one clause (memoized: a rule asks once per match, a flood has many)."""
        found = self._clause_lemmas.get(clause)
        if found is None:
            found = frozenset().union(*[t.lemmas for t in self.clause_tokens(clause)])
            self._clause_lemmas[clause] = found
        return found

    def positions(self, lemmas: frozenset[str]) -> list[int]:
        """Sorted token indices carrying any of ``lemmas`` (memoized per lemma set)."""
        found = self._positions.get(lemmas)
        if found is None:
            hits: set[int] = set()
            for lemma in lemmas & self.lemmas:
                hits.update(self.index[lemma])
            found = sorted(hits)
            self._positions[lemmas] = found
        return found

    def overlapping(self, start: int, end: int) -> list[Token]:
        """Tokens intersecting the normalized span ``[start, end)``."""
        lo = max(0, bisect_right(self.starts, start) - 1)
        hi = bisect_left(self.starts, end)
        return [t for t in self.tokens[lo:hi] if t.end > start]

    def token_at(self, pos: int) -> Token | None:
        """The token covering normalized position ``pos``, if any (``overlapping(pos, pos + 1)``)."""
        k = bisect_right(self.starts, pos) - 1
        return self.tokens[k] if k >= 0 and self.tokens[k].end > pos else None

    def sentence_at(self, pos: int) -> int:
        """Sentence number of the token at or before ``pos``."""
        k = bisect_right(self.starts, pos) - 1
        return self.tokens[k].sentence if k >= 0 else 0


def _ranges(keys: list[int]) -> dict[int, tuple[int, int]]:
    """Contiguous [lo, hi) token ranges per non-decreasing key.

    One entry is written per run of equal keys rather than per token; a key seen again after
    another (which tokenization never produces) still spans from its first token to its last.
    """
    out: dict[int, tuple[int, int]] = {}
    lo = 0
    n = len(keys)
    for k in range(1, n + 1):
        if k == n or keys[k] != keys[lo]:
            key = keys[lo]
            out[key] = (out[key][0] if key in out else lo, k)
            lo = k
    return out
