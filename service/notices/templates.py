"""Notice and holiday-reply templates from ``knowledge/notices.yaml``, and everything wrong with them.

They share the FAQ's three-part shape and alternatives, but not its slots: a notice always knows
its posting number, and each event brings the one fact it exists to announce.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from service.compliance import check
from service.config import ROOT_DIR
from service.drafting.parts import GREETING, MAX_REPLY_CHARS
from service.errors import KnowledgeError
from service.knowledge.loader import Problem
from service.knowledge.models import NOTICES_FILE, PART_NAMES, SETTING_SLOTS, AnswerTemplate, template_slots

# A knowledge directory without its own notices.yaml uses the templates that ship with otvet.
SHIPPED_NOTICES = ROOT_DIR / "knowledge" / NOTICES_FILE
HOLIDAY = "holiday"
NOTICE_EVENTS: tuple[str, ...] = ("shipped", "delivered", "delayed", "unpaid_reminder")
# Slots each template can count on: a last alternative may use these and nothing else.
REQUIRED_SLOTS: Mapping[str, frozenset[str]] = {
    "shipped": frozenset({"posting_number", "tracking_number"}),
    "delivered": frozenset({"posting_number"}),
    "delayed": frozenset({"posting_number", "new_date"}),
    "unpaid_reminder": frozenset({"posting_number"}),
    HOLIDAY: frozenset({"resume_date"}),
}
OPTIONAL_SLOTS = frozenset({"product_name"})
SAMPLE_VALUES = {
    "posting_number": "12345678-0001-1",
    "tracking_number": "RA123456789RU",
    "new_date": "5 декабря",
    "resume_date": "1 декабря",
    "product_name": "Куртка демисезонная мужская",
}


@dataclass(frozen=True)
class NoticeTemplates:
    templates: Mapping[str, AnswerTemplate]

    def __getitem__(self, name: str) -> AnswerTemplate:
        return self.templates[name]


def _strings(node: yaml.Node | None) -> list[str] | None:
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and node.value.strip():
        return [node.value.strip()]
    if isinstance(node, yaml.SequenceNode):
        items = [item.value.strip() for item in node.value if isinstance(item, yaml.ScalarNode)]
        if items and len(items) == len(node.value) and all(items):
            return items
    return None


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _part_problems(name: str, part: str, alternatives: list[str]) -> list[str]:
    allowed = REQUIRED_SLOTS[name] | OPTIONAL_SLOTS | SETTING_SLOTS
    for text in alternatives:
        try:
            unknown = template_slots(text) - allowed
        except ValueError as exc:
            return [f"notice {name}: {part} has malformed braces ({exc})"]
        if unknown:
            return [f"notice {name}: {part} uses unknown slot(s) {sorted(unknown)}"]
    if template_slots(alternatives[-1]) & OPTIONAL_SLOTS:
        return [f"notice {name}: {part}'s last alternative must not need {{product_name}}"]
    return []


def _parse(name: str, node: yaml.Node, file: str, problems: list[Problem]) -> AnswerTemplate | None:
    """A template with any problem is left out, so later checks only ever fill well-formed ones."""
    fields = _mapping(node)
    parts: dict[str, tuple[str, ...]] = {}
    for part in PART_NAMES:
        where = (fields.get(part) or node).start_mark.line + 1
        alternatives = _strings(fields.get(part))
        found = (
            [f"notice {name}: {part} must be a non-empty string or list"]
            if alternatives is None
            else _part_problems(name, part, alternatives)
        )
        problems.extend(Problem(file, where, message) for message in found)
        if alternatives is not None and not found:
            parts[part] = tuple(alternatives)
    if len(parts) != len(PART_NAMES):
        return None
    return AnswerTemplate(**parts)


@dataclass
class Collected:
    templates: dict[str, AnswerTemplate]
    lines: dict[str, int]
    problems: list[Problem]


def notices_path(directory: Path) -> Path:
    own = directory / NOTICES_FILE
    return own if own.is_file() else SHIPPED_NOTICES


def collect_notice_templates(directory: Path) -> Collected:
    path = notices_path(directory)
    file = str(path)
    problems: list[Problem] = []
    if not path.is_file():
        return Collected(
            {}, {}, [Problem(file, 0, f"{NOTICES_FILE} is missing: notices and the holiday reply need it")]
        )
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return Collected({}, {}, [Problem(file, (mark.line + 1) if mark else 0, f"malformed YAML: {exc}")])
    section = _mapping(_mapping(root).get("notices") if root is not None else None)
    if not section:
        return Collected({}, {}, [Problem(file, 1, "top level must be a mapping with a 'notices' mapping")])
    templates: dict[str, AnswerTemplate] = {}
    lines = {name: node.start_mark.line + 1 for name, node in section.items()}
    for name, node in section.items():
        if name not in REQUIRED_SLOTS:
            expected = ", ".join(REQUIRED_SLOTS)
            problems.append(Problem(file, node.start_mark.line + 1, f"unknown notice {name!r}; expected {expected}"))
            continue
        template = _parse(name, node, file, problems)
        if template is not None:
            templates[name] = template
    for name in REQUIRED_SLOTS:
        if name not in section:
            problems.append(Problem(file, 1, f"missing template for notice {name!r}"))
    return Collected(templates, lines, problems)


def check_notice_templates(directory: Path, setting_values: Mapping[str, str]) -> list[Problem]:
    """Structure, then what a buyer would read: greeting, compliance and length with sample data."""
    collected = collect_notice_templates(directory)
    problems = collected.problems
    file = str(notices_path(directory))
    values = {**setting_values, **SAMPLE_VALUES}
    for name, template in collected.templates.items():
        line = collected.lines[name]
        parts = template.parts()
        if not all(text.startswith(GREETING) for text in parts["acknowledgement"]):
            problems.append(Problem(file, line, f"notice {name}: acknowledgement must start with «{GREETING}»"))
        for part in PART_NAMES:
            for text in parts[part]:
                for violation in check(text.format_map(values)).violations:
                    problems.append(
                        Problem(
                            file,
                            line,
                            f"notice {name}: {part} fails compliance ({violation.code}: «{violation.excerpt}»)",
                        )
                    )
        for combination in itertools.product(*(parts[p] for p in PART_NAMES)):
            length = len("\n\n".join(text.format_map(values) for text in combination))
            if length > MAX_REPLY_CHARS:
                problems.append(
                    Problem(
                        file, line, f"notice {name}: {length} characters, over the {MAX_REPLY_CHARS}-character limit"
                    )
                )
                break
    return problems


def load_notice_templates(directory: Path) -> NoticeTemplates:
    collected = collect_notice_templates(directory)
    if collected.problems:
        raise KnowledgeError(
            f"{NOTICES_FILE} has {len(collected.problems)} problem(s)",
            details=[{"file": p.file, "line": p.line, "message": p.message} for p in collected.problems],
        )
    return NoticeTemplates(collected.templates)
