"""Loads and validates ``knowledge/*.yaml``, reporting problems by file and line.

YAML is composed to nodes first so every problem can name the line a seller must fix.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from service.errors import KnowledgeError
from service.knowledge.models import (
    NOTICES_FILE,
    ORDER_SLOTS,
    PART_NAMES,
    SETTING_SLOTS,
    TOPICS,
    AnswerTemplate,
    Entry,
    KnowledgeBase,
    template_slots,
)

MIN_QUESTIONS = 4


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _mapping(node: yaml.Node) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _strings(node: yaml.Node | None) -> list[str] | None:
    """A scalar or a sequence of scalars; None when the node has another shape."""
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and node.value.strip():
        return [node.value.strip()]
    if isinstance(node, yaml.SequenceNode):
        items = [item.value.strip() for item in node.value if isinstance(item, yaml.ScalarNode)]
        if len(items) == len(node.value) and all(items):
            return items
    return None


def _parse_entry(node: yaml.Node, file: str, problems: list[Problem]) -> Entry | None:
    line = node.start_mark.line + 1
    fields = _mapping(node)
    if not fields:
        problems.append(Problem(file, line, "entry must be a mapping"))
        return None
    missing = [name for name in ("id", "topic", "title", "questions", "answer") if name not in fields]
    if missing:
        problems.append(Problem(file, line, f"missing field(s): {', '.join(missing)}"))
        return None
    entry_id, topic, title = (_strings(fields[name]) for name in ("id", "topic", "title"))
    questions = _strings(fields["questions"])
    answer_fields = _mapping(fields["answer"])
    ok = True
    if not entry_id or not title:
        problems.append(Problem(file, line, "id and title must be non-empty strings"))
        ok = False
    if not topic or topic[0] not in TOPICS:
        topic_line = fields["topic"].start_mark.line + 1
        problems.append(Problem(file, topic_line, f"unknown topic {topic[0] if topic else None!r}"))
        ok = False
    if not questions or len(questions) < MIN_QUESTIONS:
        q_line = fields["questions"].start_mark.line + 1
        problems.append(Problem(file, q_line, f"needs at least {MIN_QUESTIONS} example questions"))
        ok = False
    parts: dict[str, list[str]] = {}
    for part in PART_NAMES:
        part_node = answer_fields.get(part)
        alternatives = _strings(part_node)
        where = (part_node or fields["answer"]).start_mark.line + 1
        if alternatives is None:
            problems.append(Problem(file, where, f"answer.{part} must be a non-empty string or list"))
            ok = False
            continue
        ok &= _check_slots(alternatives, file, where, part, problems)
        parts[part] = alternatives
    if not ok or not entry_id or not topic or not title or not questions:
        return None
    return Entry(
        id=entry_id[0],
        topic=topic[0],
        title=title[0],
        questions=tuple(questions),
        answer=AnswerTemplate(**{name: tuple(values) for name, values in parts.items()}),
        source_file=file,
        line=line,
    )


def _check_slots(alternatives: list[str], file: str, line: int, part: str, problems: list[Problem]) -> bool:
    ok = True
    for text in alternatives:
        try:
            slots = template_slots(text)
        except ValueError as exc:
            problems.append(Problem(file, line, f"answer.{part}: malformed braces ({exc})"))
            return False
        unknown = slots - ORDER_SLOTS - SETTING_SLOTS
        if unknown:
            problems.append(Problem(file, line, f"answer.{part}: drafter cannot fill {sorted(unknown)}"))
            ok = False
    if ok and template_slots(alternatives[-1]) & ORDER_SLOTS:
        problems.append(
            Problem(file, line, f"answer.{part}: last alternative must not need order data (it may be missing)")
        )
        ok = False
    return ok


@dataclass
class Collected:
    entries: list[Entry]
    out_of_scope: list[str]
    problems: list[Problem]
    content_hash: str


def collect(directory: Path) -> Collected:
    """Everything wrong with the knowledge base at once, so a seller fixes it in one pass."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    out_of_scope: list[str] = []
    digest = hashlib.sha256()
    files = [p for p in sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml")) if p.name != NOTICES_FILE]
    if not files:
        problems.append(Problem(str(directory), 0, "no *.yaml files found"))
    seen: dict[str, Problem] = {}
    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw + b"\0")
        name = str(path)
        try:
            root = yaml.compose(raw.decode("utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(Problem(name, (mark.line + 1) if mark else 0, f"malformed YAML: {exc}"))
            continue
        top = _mapping(root) if root is not None else {}
        if "out_of_scope" in top:
            examples = _strings(top["out_of_scope"])
            if examples is None or isinstance(top["out_of_scope"], yaml.ScalarNode):
                line = top["out_of_scope"].start_mark.line + 1
                problems.append(Problem(name, line, "out_of_scope must be a list of non-empty strings"))
            else:
                out_of_scope.extend(examples)
        items = top.get("entries")
        if items is None and "out_of_scope" in top:
            continue
        if not isinstance(items, yaml.SequenceNode):
            problems.append(Problem(name, 1, "top level must be a mapping with an 'entries' list"))
            continue
        for node in items.value:
            entry = _parse_entry(node, name, problems)
            if entry is None:
                continue
            if entry.id in seen:
                first = seen[entry.id]
                problems.append(Problem(name, entry.line, f"duplicate id {entry.id!r} (first at {first})"))
                continue
            seen[entry.id] = Problem(name, entry.line, "")
            entries.append(entry)
    return Collected(entries, out_of_scope, problems, digest.hexdigest())


def collect_problems(directory: Path) -> tuple[list[Entry], list[Problem], str]:
    collected = collect(directory)
    return collected.entries, collected.problems, collected.content_hash


def load_knowledge_base(directory: Path) -> KnowledgeBase:
    collected = collect(directory)
    problems = collected.problems
    if problems:
        raise KnowledgeError(
            f"knowledge base has {len(problems)} problem(s)",
            details=[{"file": p.file, "line": p.line, "message": p.message} for p in problems],
        )
    return KnowledgeBase(
        entries=tuple(collected.entries),
        content_hash=collected.content_hash,
        out_of_scope=tuple(collected.out_of_scope),
    )
