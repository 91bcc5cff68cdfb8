"""Retrieval knobs, kept free of heavy imports so settings can build them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tuning:
    """Chosen on the dev split of ``evals/retrieval``; see the eval report for the numbers."""

    min_score: float = 0.865
    lexical_weight: float = 0.07
    out_of_scope_margin: float = 0.0
    context_boost: float = 0.01
    # A match that shares few content words with the message is trusted only if very similar.
    min_coverage: float = 0.1
    trusted_score: float = 0.9
