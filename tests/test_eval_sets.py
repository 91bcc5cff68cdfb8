"""The eval sets stay honest: well-formed, and never copied from the knowledge base's examples."""

from __future__ import annotations

import re
from collections import Counter

from service.config import ROOT_DIR
from service.evaluation import load_compliance_cases, load_questions
from service.knowledge import TOPICS, load_knowledge_base

KB = load_knowledge_base(ROOT_DIR / "knowledge")


def _shingles(text: str, size: int = 4) -> set[str]:
    # Punctuation- or emoji-only messages keep their symbols, or they would all collapse to "".
    normalized = " ".join(re.findall(r"\w+", text.casefold().replace("ё", "е"))) or text.strip()
    return {normalized[i : i + size] for i in range(max(1, len(normalized) - size + 1))}


def _similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def test_eval_questions_are_not_near_duplicates_of_knowledge_examples() -> None:
    """Covers the out-of-scope examples too: a copied off-topic question would inflate abstain recall."""
    texts = [q for entry in KB.entries for q in (entry.title, *entry.questions)] + list(KB.out_of_scope)
    examples = [(q, _shingles(q)) for q in texts]
    offenders = []
    for question in load_questions():
        grams = _shingles(question["text"])
        for example, example_grams in examples:
            if _similarity(grams, example_grams) >= 0.7:
                offenders.append((question["id"], question["text"], example))
    assert offenders == []


def test_drafting_eval_messages_are_not_near_duplicates_of_knowledge_examples() -> None:
    from service.evaluation.drafts import load_messages

    texts = [q for entry in KB.entries for q in (entry.title, *entry.questions)] + list(KB.out_of_scope)
    examples = [(q, _shingles(q)) for q in texts]
    messages = load_messages()
    assert len(messages) >= 60
    offenders = [
        (m["id"], example)
        for m in messages
        for example, grams in examples
        if _similarity(_shingles(m["text"]), grams) >= 0.7
    ]
    assert offenders == []
    assert all(set(m["topics"]) <= set(TOPICS) for m in messages)


def test_near_duplicate_check_catches_a_copy() -> None:
    example = KB.entries[0].questions[0]
    assert _similarity(_shingles(example + "!"), _shingles(example)) >= 0.7


def test_retrieval_questions_are_labelled() -> None:
    questions = load_questions()
    assert len({q["id"] for q in questions}) == len(questions)
    assert {q["split"] for q in questions} == {"dev", "test"}
    assert all(set(q["topics"]) <= set(TOPICS) for q in questions)
    per_topic = Counter(t for q in questions for t in q["topics"])
    assert min(per_topic[t] for t in TOPICS) >= 5
    assert sum(not q["topics"] for q in questions) >= 30


def test_compliance_cases_are_labelled() -> None:
    cases = load_compliance_cases()
    codes = {c for case in cases for c in case["expected"]}
    assert codes == {
        "OFF_PLATFORM_CONTACT",
        "CONTACT_REQUEST",
        "OFF_PLATFORM_DEAL",
        "REVIEW_MANIPULATION",
        "CANCEL_REQUEST",
        "ABUSE",
        "BLAME_SHIFTING",
        "DISPARAGEMENT",
    }
    assert {c["split"] for c in cases} == {"dev", "test"}
    assert {c["tier"] for c in cases} <= {"basic", "obfuscated", "lookalike"}
