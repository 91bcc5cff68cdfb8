"""Benchmark: the compliance filter against llm-guard's BanSubstrings + Regex, and the filter's own speed.

Quality is measured on the held-out test split of evals/compliance/cases.yaml (blocked = positive class).
llm-guard gets the same word lists and regular expressions that service.compliance uses, read from its
modules at run time so the comparison follows the filter as it changes; whatever has no llm-guard
counterpart (lemma rules, sentence context, phone parsing, normalization) is listed in the report.
llm-guard lives in its own venv (its transformers pin clashes with ours), so it runs as a subprocess.

Run: `make bench-compliance`, or `.venv/bin/python evals/bench_compliance.py [--llm-guard]`.
Writes var/reports/bench_compliance.{json,md}. A report, not a gate: nothing here fails on a number.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np

from service.compliance import ViolationCode, check, lexicon, native, patterns, phrases
from service.compliance.engine import Negation, PhraseRule
from service.config import ROOT_DIR
from service.evaluation.common import load_compliance_cases, ratio, write_report

REPORT_NAME = "bench_compliance"
LLMGUARD_PYTHON = ROOT_DIR / ".venv-llmguard" / "bin" / "python"
LLMGUARD_SCAN = ROOT_DIR / "evals" / "llmguard" / "scan.py"
# Lexicon entries are lemmas and Russian inflects by endings («идиот» → «идиотом»), so substring
# matching is the closest llm-guard comes to our lemma matching; "word" would only see dictionary forms.
BAN_MATCH_TYPE = "str"
TYPICAL_CHARS = 300
ADVERSARIAL_CHARS = 4000
ADVERSARIAL_RUNS = 3

_C = ViolationCode
# Patterns whose match alone blocks a draft, with the exception our filter applies in code and llm-guard loses.
STANDALONE_PATTERNS: dict[str, tuple[ViolationCode, str]] = {
    "URL_SCHEME": (_C.OFF_PLATFORM_CONTACT, "links to ozon.ru are exempt (OWN_DOMAINS)"),
    "DOMAIN": (_C.OFF_PLATFORM_CONTACT, "ozon.ru domains are exempt (OWN_DOMAINS)"),
    "SPACED_DOMAIN": (_C.OFF_PLATFORM_CONTACT, "ozon.ru domains are exempt (OWN_DOMAINS)"),
    "SHORTENER": (_C.OFF_PLATFORM_CONTACT, ""),
    "WORDY_DOMAIN": (_C.OFF_PLATFORM_CONTACT, "ozon.ru domains are exempt (OWN_DOMAINS)"),
    "PUNYCODE": (_C.OFF_PLATFORM_CONTACT, "ozon.ru domains are exempt (OWN_DOMAINS)"),
    "EMAIL": (_C.OFF_PLATFORM_CONTACT, "the top-level domain must be alphabetic (checked in code)"),
    "WORDY_EMAIL": (_C.OFF_PLATFORM_CONTACT, ""),
    "HANDLE": (_C.OFF_PLATFORM_CONTACT, ""),
    "STRONG_MESSENGERS": (_C.OFF_PLATFORM_CONTACT, "product-feature sentences («поддерживает WhatsApp») are exempt"),
    "MARKETPLACES": (_C.OFF_PLATFORM_DEAL, "exempt when negated or when the sentence talks about fakes"),
    "PROFANITY": (_C.ABUSE, ""),
    "RUDE_PHRASES": (_C.ABUSE, ""),
    "BLAME_PHRASES": (_C.BLAME_SHIFTING, ""),
    "REVIEW_PHRASES": (_C.REVIEW_MANIPULATION, ""),
    "CANCEL_PHRASES": (_C.CANCEL_REQUEST, ""),
    "DESCRIBED_DOMAIN": (_C.OFF_PLATFORM_CONTACT, ""),
    "CONTACT_TEMPLATES": (_C.CONTACT_REQUEST, ""),
}
# Patterns that only feed a context decision; a Regex scanner cannot express that decision.
CONTEXT_PATTERNS: dict[str, str] = {
    "OWN_DOMAINS": "an allow-list for ozon.ru links; one Regex scanner holds blocked or allowed patterns, not both",
    "WEAK_MESSENGERS": "«тг», «вк», «max», «телега» count only next to a contact cue in the same sentence (lemmas)",
    "COMPACT_MESSENGERS": "searched in a letters-only copy of the text («whats app», «вот сап») with a suffix check",
    "OZON_PHRASES": "counts only in a sentence that names Ozon",
    "NAMED_SHOP": "marks a named rival shop for the disparagement check",
    "DOT_TLD": "a fast literal check that decides whether the domain patterns run at all; it blocks nothing",
    "NAMED_HANDLE": "a Latin handle counts only right after «группа», «логин», «ник» (lemmas)",
    "DOTTED_HANDLE": "a dotted handle counts only after a handle noun in a messenger sentence",
}
# Detection done in code rather than by a list or a pattern.
CODE_ONLY = (
    (
        "phone numbers",
        "digit groups and number words («девять один два») are joined across separators and validated "
        "with phonenumbers; order and tracking numbers are skipped by the words before them",
    ),
    ("card numbers", "16 digits across separators with a Luhn check"),
    (
        "normalization",
        "our patterns and lists run on a normalized copy: casefold, ё→е, NFKD, zero-width characters removed, "
        "Latin/Cyrillic look-alikes folded per word, leet digits («0зон»), spaced letters joined («в о т с а п»); "
        "llm-guard sees the raw draft (its patterns get only an inline (?i), since ours expect lower case)",
    ),
    ("weak insults", "«тупой», «клоун» count only when addressed to the buyer or used as a vocative"),
    (
        "review rewards",
        "a reward word and a review word in one sentence, tied by «за отзыв», «=», a rating or «если»; "
        "or in neighbouring sentences, when the review's better rating is a condition or its edit is asked for",
    ),
    (
        "disparagement",
        "a target (Ozon, a rival, a brand in Latin letters) and a negative judgement or a habitual mishap "
        "in one sentence, or a judgement pointing back («у них», «там») at a rival named just before",
    ),
    (
        "two-sentence requests",
        "a cancel or review-edit verb asked of the buyer with no object of its own, its object in the "
        "neighbouring sentence («Заказ не нужен? Тогда отмените сами.»)",
    ),
    ("pictograms", "📞, ✉️, 📦, 🎁 read as the words they stand for; a phone or envelope only as «ваш 📞»"),
    ("stacked lines", "a run of lines of one or two words is read as one line, so a newline does not cut a request"),
)


@dataclass
class Verdict:
    """One system's answer on one case, with the per-call timings behind its latency figures."""

    id: str
    expected: list[str]
    tier: str
    blocked: bool
    codes: list[str]
    times_ms: list[float] = field(default_factory=list)


@dataclass
class Export:
    """What llm-guard is configured with, plus an account of what could not be carried over."""

    ban_by_code: dict[str, list[str]]
    regex_by_code: dict[str, list[str]]
    carried: list[dict[str, str]]
    not_carried: list[dict[str, str]]


# --- export of our lists and patterns -------------------------------------------------------


def _lexicon_names() -> dict[frozenset[str], str]:
    return {
        value: f"lexicon.{name}"
        for name, value in vars(lexicon).items()
        if name.isupper() and isinstance(value, frozenset)
    }


def _slot_name(lemmas: frozenset[str], names: dict[frozenset[str], str]) -> str:
    if lemmas in names:
        return names[lemmas]
    shown = sorted(lemmas)
    return "«" + " ".join(shown[:4]) + (" …" if len(shown) > 4 else "") + "»"


def _dropped_constraints(rule: PhraseRule) -> list[str]:
    """Conditions of a single-word rule that a plain ban list cannot check."""
    slot = rule.slots[0]
    dropped = []
    if slot.grams or slot.not_grams:
        dropped.append("grammar (" + ", ".join(sorted(slot.grams | slot.not_grams)) + ")")
    if slot.bad_prev or slot.bad_next:
        dropped.append("neighbour exceptions")
    if rule.request:
        dropped.append("must be a request to the buyer")
    if rule.negation is Negation.CANCELS:
        dropped.append("negation cancels")
    elif rule.negation is Negation.REQUIRED:
        dropped.append("needs a negation")
    if rule.veto:
        dropped.append("veto words in the sentence")
    return dropped


def _inline_flags(pattern: re.Pattern[str]) -> str:
    """llm-guard's Regex compiles bare strings, so flags travel inline; ``i`` always, as ours expect casefolded text."""
    letters = "i" + "".join(
        c for flag, c in ((re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x")) if pattern.flags & flag
    )
    return f"(?{letters})"


def export_rules() -> Export:
    """Read llm-guard's configuration from the live filter modules.

    A word list is carried when one of its words alone makes our filter block (a one-slot phrase rule
    without neighbour requirements); co-occurrence rules need a window over lemmas, which neither scanner
    has. A pattern is carried when its match alone blocks; patterns that only inform a context decision are
    not. A new pattern nobody has classified yet shows up in the report instead of silently going missing.
    """
    names = _lexicon_names()
    ban: dict[str, set[str]] = {}
    carried: list[dict[str, str]] = []
    not_carried: list[dict[str, str]] = []
    used: set[str] = set()
    co_occurrence: dict[str, list[str]] = {}
    for rule in phrases.ALL_RULES.rules:
        slot_names = [_slot_name(slot.lemmas, names) for slot in rule.slots]
        used.update(slot_names)
        slot = rule.slots[0]
        if len(rule.slots) == 1 and not (slot.need_prev or slot.need_next or rule.needs):
            words = {w for w in slot.lemmas if not w.startswith("<")}
            ban.setdefault(rule.code.value, set()).update(words)
            dropped = _dropped_constraints(rule)
            carried.append(
                {
                    "scanner": "BanSubstrings",
                    "source": slot_names[0],
                    "code": rule.code.value,
                    "size": str(len(words)),
                    "lost": "; ".join(dropped),
                }
            )
        else:
            joined = " + ".join(slot_names)
            if len(rule.slots) == 1:
                needs = ["a given word right before or after it"] if slot.need_prev or slot.need_next else []
                needs += ["a cue word in the sentence"] if rule.needs else []
                joined += f" (needs {' and '.join(needs)})"
            co_occurrence.setdefault(rule.code.value, []).append(joined)
    for code, rules in co_occurrence.items():
        counted = Counter(rules)
        shown = [rule if n == 1 else f"{rule} (×{n})" for rule, n in counted.items()]
        not_carried.append(
            {
                "what": f"{len(rules)} lemma phrase rule(s) for {code}",
                "why": "matched on lemmas in context: several words within a few tokens of one sentence, or one "
                "word next to a required one, in any inflection and usually not negated; BanSubstrings tests one "
                "substring at a time (contains_all spans the whole draft). Rules: " + "; ".join(shown),
            }
        )
    context_lists = sorted(name for name in names.values() if name not in used)
    if context_lists:
        not_carried.append(
            {
                "what": f"{len(context_lists)} grammar and context word lists",
                "why": "read by the rule engine and the detectors to weigh a sentence (negation, request mood, "
                "who is addressed, is Ozon or a rival named, is it a product feature); none blocks by itself: "
                + ", ".join(context_lists),
            }
        )

    regex: dict[str, list[str]] = {}
    for name, value in vars(patterns).items():
        if not isinstance(value, re.Pattern):
            continue
        if name in STANDALONE_PATTERNS:
            code, lost = STANDALONE_PATTERNS[name]
            regex.setdefault(code.value, []).append(_inline_flags(value) + value.pattern)
            carried.append(
                {"scanner": "Regex", "source": f"patterns.{name}", "code": code.value, "size": "1", "lost": lost}
            )
        else:
            why = CONTEXT_PATTERNS.get(name, "not classified for this benchmark yet: add it to STANDALONE_PATTERNS")
            not_carried.append({"what": f"patterns.{name}", "why": why})
    for what, why in CODE_ONLY:
        not_carried.append({"what": what, "why": why})
    if find_spec("service.compliance.translit") is not None:
        not_carried.append(
            {
                "what": "transliterated Russian",
                "why": "runs of Latin words («otmenite zakaz») are read back into Cyrillic and the lemma rules "
                "run again on that view",
            }
        )
    return Export(
        ban_by_code={code: sorted(words) for code, words in sorted(ban.items())},
        regex_by_code=dict(sorted(regex.items())),
        carried=carried,
        not_carried=not_carried,
    )


# --- quality --------------------------------------------------------------------------------


def held_out_cases() -> list[dict[str, Any]]:
    """The test split only: the dev cases were in view while the word lists were written."""
    return [case for case in load_compliance_cases() if case["split"] == "test"]


def run_ours(cases: Sequence[dict[str, Any]], warmup: int, repeats: int) -> list[Verdict]:
    """Same protocol as the llm-guard side: warm-up passes, then every draft timed ``repeats`` times."""
    texts = [case["text"] for case in cases]
    for _ in range(warmup):
        for text in texts:
            check(text)
    verdicts = [Verdict(case["id"], list(case["expected"]), case["tier"], blocked=False, codes=[]) for case in cases]
    for _ in range(repeats):
        for verdict, text in zip(verdicts, texts, strict=True):
            started = time.perf_counter_ns()
            result = check(text)
            verdict.times_ms.append((time.perf_counter_ns() - started) / 1e6)
            verdict.blocked = not result.allowed
            verdict.codes = sorted({v.code.value for v in result.violations})
    return verdicts


def run_llm_guard(
    cases: Sequence[dict[str, Any]], export: Export, warmup: int, repeats: int, python: Path
) -> tuple[list[Verdict], dict[str, Any]]:
    """Hand drafts and rules to evals/llmguard/scan.py in .venv-llmguard and read its verdicts back."""
    if not python.exists():
        raise SystemExit(f"{python} not found: run `make bench-compliance`, which creates .venv-llmguard")
    request = {
        "cases": [{"id": case["id"], "text": case["text"]} for case in cases],
        "ban_substrings": {"match_type": BAN_MATCH_TYPE, "by_code": export.ban_by_code},
        "regex": {"by_code": export.regex_by_code},
        "warmup": warmup,
        "repeats": repeats,
    }
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    with tempfile.TemporaryDirectory(prefix="bench-llmguard-") as tmp:
        request_path, answer_path = Path(tmp) / "request.json", Path(tmp) / "answer.json"
        request_path.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
        subprocess.run(
            [str(python), str(LLMGUARD_SCAN), str(request_path), str(answer_path)], env=env, check=True, cwd=ROOT_DIR
        )
        answer: dict[str, Any] = json.loads(answer_path.read_text(encoding="utf-8"))
    by_id = {row["id"]: row for row in answer["results"]}
    verdicts = [
        Verdict(
            case["id"],
            list(case["expected"]),
            case["tier"],
            blocked=bool(by_id[case["id"]]["blocked"]),
            codes=list(by_id[case["id"]]["codes"]),
            times_ms=list(by_id[case["id"]]["times_ms"]),
        )
        for case in cases
    ]
    return verdicts, answer["environment"]


def percentiles(samples_ms: Iterable[float]) -> dict[str, float]:
    """p50/p95 in ms: percentiles, because one GC pause should not move the figure."""
    values = np.asarray(list(samples_ms), dtype=np.float64)
    if not values.size:
        return {"p50": 0.0, "p95": 0.0, "n": 0}
    p50, p95 = np.percentile(values, [50, 95])
    return {"p50": round(float(p50), 3), "p95": round(float(p95), 3), "n": int(values.size)}


def quality(verdicts: Sequence[Verdict]) -> dict[str, Any]:
    """Blocked-vs-allowed precision/recall/F1, recall per expected code and verdict accuracy per tier."""
    tp = sum(1 for v in verdicts if v.expected and v.blocked)
    fp = sum(1 for v in verdicts if not v.expected and v.blocked)
    fn = sum(1 for v in verdicts if v.expected and not v.blocked)
    tn = sum(1 for v in verdicts if not v.expected and not v.blocked)
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    per_code: dict[str, dict[str, float | int]] = {}
    for code in ViolationCode:
        cases = [v for v in verdicts if code.value in v.expected]
        if cases:
            per_code[code.value] = {
                "cases": len(cases),
                "code_recall": ratio(sum(1 for v in cases if code.value in v.codes), len(cases)),
                "blocked_recall": ratio(sum(1 for v in cases if v.blocked), len(cases)),
            }
    per_tier: dict[str, dict[str, float | int]] = {}
    for tier in sorted({v.tier for v in verdicts}):
        cases = [v for v in verdicts if v.tier == tier]
        correct = sum(1 for v in cases if v.blocked == bool(v.expected))
        per_tier[tier] = {"cases": len(cases), "correct": ratio(correct, len(cases))}
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "per_code": per_code,
        "per_tier": per_tier,
        "ms_per_draft": percentiles(t for v in verdicts for t in v.times_ms),
    }


# --- speed ------------------------------------------------------------------------------------


def typical_drafts(cases: Sequence[dict[str, Any]], target: int = TYPICAL_CHARS) -> list[str]:
    """One ~300-character draft per test case: the case itself padded with honest replies from the split.

    Seller replies run to a few sentences, longer than most eval cases; padding keeps each draft's
    verdict while giving the tokenizer, lemmatizer and rules a realistic amount of text.
    """
    allowed = [case["text"] for case in cases if not case["expected"]] or [case["text"] for case in cases]
    drafts = []
    for k, case in enumerate(cases):
        draft, j = case["text"], k
        while len(draft) < target:
            draft += " " + allowed[j % len(allowed)]
            j += 1
        if len(draft) > target + 20:
            cut = draft.rfind(" ", len(case["text"]), target + 20)
            draft = draft[:cut] if cut > 0 else draft
        drafts.append(draft)
    return drafts


def _repeat(unit: str, length: int = ADVERSARIAL_CHARS) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def adversarial_inputs() -> dict[str, str]:
    """4,000-character drafts aimed at backtracking, quadratic scans and budget-less lookups."""
    units = {
        "digits": "9",
        "digits and spaces": "9 ",
        "digits and dashes": "1-",
        "digits, mixed separators": "12-(3).4/5+ ",
        "phone numbers back to back": "+7 (912) 345-67-89 ",
        "digits with look-alike letters": "9о",
        "digit-letter pairs": "1a",
        "number words": "девять один два ",
        "spaced Latin letters «a a a a»": "a ",
        "spaced Latin words «a a a a» x4": "a a a a  ",
        "spaced Cyrillic letters «в о т с а п»": "в о т с а п ",
        "hyphenated letters": "a-",
        "dots": ".",
        "letter-dot runs «a.a.a.»": "a.",
        "word-dot runs «abc.abc.»": "abc.",
        "at signs": "@",
        "letter-at runs «a@a@»": "a@",
        "e-mail fragments": "a.b@c",
        "domain fragments «a@a.»": "a@a.",
        "handles «@a_@a_»": "@a_",
        "spelled-out e-mails": "a собака b точка ",
        "URL schemes": "http://",
        "www prefixes": "www.",
        "spaces": " ",
        "newlines": "\n",
        "underscores": "_",
        "one Latin word": "x",
        "one Cyrillic word": "ж",
        "alternating Latin/Cyrillic, one word": "аa",
        "alternating Latin/Cyrillic words": "аa ",
        "zero-width spaces": "\u200b",
        "letters split by zero-width spaces": "в\u200bо\u200bт\u200b",
        "combining breve": "и\u0306",
        "combining acute": "a\u0301",
        "masked letters «х*»": "х*",
        "asterisks": "*",
        "star symbols": "★",
        "emoji": "\U0001f600",
        "leet «0з0н»": "0з0н ",
        "weak messenger names «тг»": "тг ",
        "capitals «ВОТСАП»": "ВОТСАП",
        "insult addressed to the buyer, repeated": "вы тупой ",
        "review request, repeated": "удалите отзыв ",
    }
    return {name: _repeat(unit) for name, unit in units.items()}


def unknown_words(length: int = ADVERSARIAL_CHARS, seed: int = 7) -> str:
    """Random Cyrillic pseudo-words, none in the dictionary: the lemma cache's worst case."""
    rnd = random.Random(seed)
    letters = "абвгдежзиклмнопрстуфхцчшщыэюя"
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        words.append("".join(rnd.choice(letters) for _ in range(rnd.randint(4, 8))))
    return " ".join(words)[:length]


def _timed(fn: Callable[[str], object], text: str) -> float:
    started = time.perf_counter_ns()
    fn(text)
    return (time.perf_counter_ns() - started) / 1e6


def measure_speed(cases: Sequence[dict[str, Any]], seconds: float) -> dict[str, Any]:
    """Throughput on typical drafts in one process, then the slowest adversarial inputs.

    Runs before anything else touches the filter, so the first pass shows cold lemma caches; the
    steady state (warm caches, as in a long-running server) is what drafts/s reports.
    """
    drafts = typical_drafts(cases)
    first_pass = [_timed(check, d) for d in drafts]
    samples: list[float] = []
    rounds = 0
    started = time.perf_counter()
    while rounds < 3 or time.perf_counter() - started < seconds:
        samples.extend(_timed(check, d) for d in drafts)
        rounds += 1
    elapsed = time.perf_counter() - started
    adversarial: list[dict[str, Any]] = []
    for name, text in adversarial_inputs().items():
        runs = [_timed(check, text) for _ in range(ADVERSARIAL_RUNS)]
        result = check(text)
        adversarial.append(
            {
                "input": name,
                "chars": len(text),
                "ms": round(statistics.median(runs), 2),
                "violations": len(result.violations),
            }
        )
    adversarial.sort(key=lambda row: -float(row["ms"]))
    unknown = unknown_words()
    cold = _timed(check, unknown)
    return {
        "typical": {
            "drafts": len(drafts),
            "chars_mean": round(statistics.mean(len(d) for d in drafts)),
            "chars_min": min(len(d) for d in drafts),
            "chars_max": max(len(d) for d in drafts),
            "blocked": sum(1 for d in drafts if not check(d).allowed),
            "rounds": rounds,
            "drafts_per_s": round(len(samples) / elapsed, 1),
            "ms": percentiles(samples),
            "first_pass_ms": percentiles(first_pass),
        },
        "adversarial": adversarial,
        "adversarial_worst": adversarial[0],
        # Every adversarial input above repeats one unit, so after the first word the lemma cache
        # answers; a flood of never-seen words pays the morphological analyser for each one.
        "unknown_words": {
            "chars": len(unknown),
            "words": len(unknown.split()),
            "cold_ms": round(cold, 1),
            "warm_ms": round(_timed(check, unknown), 2),
        },
    }


def measure_interpreted(seconds: float) -> dict[str, Any]:
    """The same speed run on the Python sources, in a fresh process, for the compiled/interpreted ratio."""
    done = subprocess.run(
        [sys.executable, __file__, "--speed-only", "--seconds", str(seconds)],
        env={**os.environ, native.SWITCH: "0"},
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    speed: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return speed


# --- report -----------------------------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def render(report: dict[str, Any]) -> str:
    """Markdown for people: the comparison table first, the details after it."""
    systems: list[tuple[str, dict[str, Any]]] = [("otvet `compliance.check`", report["ours"])]
    if report["llm_guard"]:
        systems.append(("llm-guard `BanSubstrings` + `Regex`", report["llm_guard"]["quality"]))
    split = report["split"]
    lines = [
        "# Compliance filter benchmark",
        "",
        f"{report['generated']} · test split of evals/compliance/cases.yaml: {split['cases']} drafts "
        f"({split['to_block']} to block, {split['to_allow']} to allow); blocked is the positive class. "
        f"Latency: {report['protocol']['warmup']} warm-up pass, then every draft timed "
        f"{report['protocol']['repeats']} times. Load average at start: {report['environment']['loadavg']}.",
        "",
        "| system | precision | recall | F1 | TP | FP | FN | TN | ms/draft p50 | ms/draft p95 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, q in systems:
        c = q["confusion"]
        lines.append(
            f"| {name} | {_pct(q['precision'])} | {_pct(q['recall'])} | {_pct(q['f1'])} | {c['tp']} | {c['fp']} "
            f"| {c['fn']} | {c['tn']} | {q['ms_per_draft']['p50']:.3f} | {q['ms_per_draft']['p95']:.3f} |"
        )
    if not report["llm_guard"]:
        lines += ["", "llm-guard was not run (pass `--llm-guard`, or use `make bench-compliance`)."]
    lines += ["", "## Recall per expected code", ""]
    header = "| code | cases | otvet: code found | otvet: blocked |"
    rule = "|---|---:|---:|---:|"
    if report["llm_guard"]:
        header += " llm-guard: code found | llm-guard: blocked |"
        rule += "---:|---:|"
    lines += [
        "«code found»: the draft was flagged with that code (for llm-guard: by the lists and patterns we map to "
        "it); «blocked»: the draft was blocked at all.",
        "",
        header,
        rule,
    ]
    for code, row in report["ours"]["per_code"].items():
        line = f"| {code} | {row['cases']} | {_pct(row['code_recall'])} | {_pct(row['blocked_recall'])} |"
        if report["llm_guard"]:
            theirs = report["llm_guard"]["quality"]["per_code"][code]
            line += f" {_pct(theirs['code_recall'])} | {_pct(theirs['blocked_recall'])} |"
        lines.append(line)
    lines += ["", "## Correct verdicts per tier", "", "| tier | cases | " + " | ".join(n for n, _ in systems) + " |"]
    lines.append("|---|---:|" + "---:|" * len(systems))
    for tier, row in report["ours"]["per_tier"].items():
        cells = " | ".join(_pct(q["per_tier"][tier]["correct"]) for _, q in systems)
        lines.append(f"| {tier} | {row['cases']} | {cells} |")

    speed = report["speed"]
    typical = speed["typical"]
    worst = speed["adversarial_worst"]
    lines += [
        "",
        "## Speed of `compliance.check` (one process, one thread)",
        "",
        f"- Filter: {report['environment']['compiled']} (`make native` compiles it; `OTVET_COMPLIANCE_NATIVE=0` "
        "runs the Python sources).",
        f"- Typical drafts: {typical['drafts']} drafts of {typical['chars_min']}–{typical['chars_max']} characters "
        f"(mean {typical['chars_mean']}; {typical['blocked']} blocked), built from the test cases padded with "
        f"honest replies; {typical['rounds']} rounds.",
        f"- **{typical['drafts_per_s']:.0f} drafts/s**; per check p50 {typical['ms']['p50']:.2f} ms, "
        f"**p95 {typical['ms']['p95']:.2f} ms** (warm lemma cache). First pass, cold cache: "
        f"p50 {typical['first_pass_ms']['p50']:.2f} ms, p95 {typical['first_pass_ms']['p95']:.2f} ms.",
        f"- Adversarial {ADVERSARIAL_CHARS:,}-character inputs ({len(speed['adversarial'])}, median of "
        f"{ADVERSARIAL_RUNS} runs each): **worst {worst['ms']:.1f} ms** on «{worst['input']}».",
        "",
        "| adversarial input | ms | violations |",
        "|---|---:|---:|",
    ]
    lines += [f"| {row['input']} | {row['ms']:.1f} | {row['violations']} |" for row in speed["adversarial"]]
    if "interpreted" in speed:
        slow = speed["interpreted"]
        lines += [
            "",
            f"- The same filter run from its Python sources (`OTVET_COMPLIANCE_NATIVE=0`, a fresh process): "
            f"{slow['typical']['drafts_per_s']:.0f} drafts/s, p95 {slow['typical']['ms']['p95']:.2f} ms, worst "
            f"adversarial {slow['adversarial_worst']['ms']:.1f} ms. Compiled is "
            f"**{typical['drafts_per_s'] / slow['typical']['drafts_per_s']:.2f}×** the throughput.",
        ]
    unknown = speed["unknown_words"]
    lines += [
        "",
        f"- Never-seen words: {unknown['chars']:,} characters of {unknown['words']} random pseudo-words take "
        f"**{unknown['cold_ms']:.0f} ms** on first sight (the morphological analyser guesses each unknown word) "
        f"and {unknown['warm_ms']:.1f} ms once their analyses are cached.",
    ]

    export = report["export"]
    lines += [
        "",
        "## What llm-guard is given",
        "",
        f"`BanSubstrings(match_type={BAN_MATCH_TYPE!r}, case_sensitive=False, contains_all=False, redact=False)` and "
        "`Regex(is_blocked=True, match_type='search', redact=False)` from `llm_guard.output_scanners`, both run "
        "on every draft; a draft is blocked if either marks it invalid. Redaction is off because only the "
        "verdict is compared. Per-code attribution uses one scanner pair per code, outside the timing.",
        "",
        "| scanner | source | code | entries | what llm-guard loses |",
        "|---|---|---|---:|---|",
    ]
    lines += [
        f"| {row['scanner']} | `{row['source']}` | {row['code']} | {row['size']} | {row['lost'] or '—'} |"
        for row in export["carried"]
    ]
    lines += ["", "## Not carried over", ""]
    lines += [f"- **{row['what']}**: {row['why']}" for row in export["not_carried"]]
    if report["llm_guard"]:
        env = report["llm_guard"]["environment"]
        lines += [
            "",
            f"llm-guard {env['llm_guard']} (transformers {env['transformers']}, Python {env['python']}) in "
            f".venv-llmguard, offline; importing `llm_guard.output_scanners` took {env['import_s']} s.",
        ]
    return "\n".join(lines) + "\n"


def _verdict_rows(verdicts: Sequence[Verdict]) -> list[dict[str, Any]]:
    return [{k: v for k, v in asdict(verdict).items() if k != "times_ms"} for verdict in verdicts]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the speed benchmark first (cold caches), then quality for our filter and, if asked, llm-guard."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--llm-guard", action="store_true", help="also run llm-guard from .venv-llmguard")
    parser.add_argument("--llm-guard-python", type=Path, default=LLMGUARD_PYTHON)
    parser.add_argument("--repeats", type=int, default=5, help="timed passes over the test drafts")
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum time spent on typical drafts")
    parser.add_argument("--out", type=Path, default=ROOT_DIR / "var" / "reports")
    parser.add_argument("--speed-only", action="store_true", help="print the speed measurement as JSON and stop")
    args = parser.parse_args(argv)

    cases = held_out_cases()
    loadavg = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    speed = measure_speed(cases, args.seconds)
    if args.speed_only:
        print(json.dumps(speed))
        return 0
    if native.active():
        speed["interpreted"] = measure_interpreted(args.seconds)
    warmup = 1
    ours = run_ours(cases, warmup, args.repeats)
    export = export_rules()
    llm_guard: dict[str, Any] | None = None
    theirs: list[Verdict] = []
    if args.llm_guard:
        theirs, environment = run_llm_guard(cases, export, warmup, args.repeats, args.llm_guard_python)
        llm_guard = {"quality": quality(theirs), "environment": environment}
    report: dict[str, Any] = {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "split": {
            "name": "test",
            "cases": len(cases),
            "to_block": sum(1 for c in cases if c["expected"]),
            "to_allow": sum(1 for c in cases if not c["expected"]),
            "tiers": dict(Counter(c["tier"] for c in cases)),
        },
        "protocol": {"warmup": warmup, "repeats": args.repeats},
        "environment": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "loadavg": loadavg,
            "compiled": native.status(),
        },
        "ours": quality(ours),
        "llm_guard": llm_guard,
        "speed": speed,
        "export": asdict(export),
        "verdicts": {"ours": _verdict_rows(ours), "llm_guard": _verdict_rows(theirs) if theirs else None},
    }
    markdown = render(report)
    write_report(args.out, REPORT_NAME, report, markdown)
    sys.stdout.write(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
