"""``otvet kb check``: everything that would make a knowledge entry produce a bad reply.

Beyond the loader's structural checks, every answer alternative is filled with sample order
data and run through the compliance filter and the length limit, as the drafter would.
"""

from __future__ import annotations

import itertools

from service.compliance import check
from service.config import Settings
from service.drafting.parts import MAX_REPLY_CHARS
from service.drafting.slots import setting_values
from service.knowledge.loader import Problem, collect_problems
from service.knowledge.models import PART_NAMES, Entry
from service.notices.templates import check_notice_templates

SAMPLE_ORDER = {
    "posting_number": "12345678-0001-1",
    "tracking_number": "RA123456789RU",
    "delivery_date": "28 ноября",
    "product_name": "Куртка демисезонная мужская",
}


def _entry_problems(entry: Entry, values: dict[str, str]) -> list[Problem]:
    problems: list[Problem] = []
    parts = entry.answer.parts()
    for part in PART_NAMES:
        for alternative in parts[part]:
            verdict = check(alternative.format_map(values))
            for violation in verdict.violations:
                problems.append(
                    Problem(
                        entry.source_file,
                        entry.line,
                        f"{entry.id}: answer.{part} fails compliance ({violation.code}: «{violation.excerpt}»)",
                    )
                )
    for combination in itertools.product(*(parts[p] for p in PART_NAMES)):
        text = "\n\n".join(alternative.format_map(values) for alternative in combination)
        if len(text) > MAX_REPLY_CHARS:
            problems.append(
                Problem(
                    entry.source_file,
                    entry.line,
                    f"{entry.id}: answer is {len(text)} characters, "
                    f"over the {MAX_REPLY_CHARS}-character limit of one Ozon message",
                )
            )
            break
    return problems


def check_knowledge(settings: Settings) -> tuple[list[Problem], int]:
    entries, problems, _ = collect_problems(settings.knowledge_dir)
    values = {**setting_values(settings), **SAMPLE_ORDER}
    for entry in entries:
        problems.extend(_entry_problems(entry, values))
    problems.extend(check_notice_templates(settings.knowledge_dir, setting_values(settings)))
    return problems, len(entries)
