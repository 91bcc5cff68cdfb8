"""The drafter that needs no LLM: the matched entry's own three parts, slots filled."""

from __future__ import annotations

from collections.abc import Mapping

from service.drafting.parts import ReplyParts
from service.drafting.slots import fill_first
from service.knowledge.models import PART_NAMES, Entry


class OfflineDrafter:
    name = "offline"

    def draft(self, entry: Entry, values: Mapping[str, str]) -> ReplyParts:
        filled: dict[str, str] = {}
        for part in PART_NAMES:
            text = fill_first(entry.answer.parts()[part], values)
            if text is None:  # the loader guarantees a slot-free last alternative
                raise ValueError(f"entry {entry.id}: no alternative for {part} can be filled")
            filled[part] = text
        return ReplyParts(**filled)
