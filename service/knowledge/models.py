"""Typed knowledge entries; the loader turns YAML into these and nothing else touches YAML."""

from __future__ import annotations

import string
from dataclasses import dataclass, field

TOPICS: tuple[str, ...] = (
    "return_item",
    "refund_status",
    "exchange",
    "size_chart",
    "product_details",
    "product_availability",
    "unpaid_order",
    "payment_methods",
    "address_change",
    "cancel_order",
    "delivery_time",
    "delivery_delay",
    "tracking",
    "pickup_point",
    "damaged_item",
    "wrong_item",
    "warranty",
    "review",
    "holiday_mode",
    "discount_promo",
    "documents",
)

# Order data may be missing, so every template using these needs a slot-free alternative.
ORDER_SLOTS: frozenset[str] = frozenset({"posting_number", "tracking_number", "delivery_date", "product_name"})
# Seller settings always have a value (see Settings), so they need no fallback.
SETTING_SLOTS: frozenset[str] = frozenset({"return_window", "warranty_period", "support_hours"})

# Notice templates live beside the FAQ but are not FAQ entries; service/notices reads them.
NOTICES_FILE = "notices.yaml"

PART_NAMES: tuple[str, str, str] = ("acknowledgement", "solution", "support")


def template_slots(template: str) -> set[str]:
    """Names of the ``{slots}`` in a template, using Python's own format parser."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class AnswerTemplate:
    """Each part is a list of alternatives: the first one whose slots can all be filled wins."""

    acknowledgement: tuple[str, ...]
    solution: tuple[str, ...]
    support: tuple[str, ...]

    def parts(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, name) for name in PART_NAMES}


@dataclass(frozen=True)
class Entry:
    id: str
    topic: str
    title: str
    questions: tuple[str, ...]
    answer: AnswerTemplate
    source_file: str = ""
    line: int = 0

    def display_answer(self) -> str:
        """The slot-free reading of the answer, for the inbox tool's knowledge view."""
        return " ".join(alternatives[-1] for alternatives in self.answer.parts().values())


@dataclass(frozen=True)
class KnowledgeBase:
    entries: tuple[Entry, ...]
    content_hash: str
    # Messages the FAQ cannot answer: a buyer message closer to these than to any entry abstains.
    out_of_scope: tuple[str, ...] = ()
    by_id: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {entry.id: entry for entry in self.entries})

    def __len__(self) -> int:
        return len(self.entries)
