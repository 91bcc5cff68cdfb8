"""The three-part reply shape that every drafter produces and every check consumes."""

from __future__ import annotations

from pydantic import BaseModel, Field

MAX_REPLY_CHARS = 1000  # Ozon's limit for one chat message
GREETING = "Здравствуйте"


class ReplyParts(BaseModel):
    acknowledgement: str = Field(min_length=1)
    solution: str = Field(min_length=1)
    support: str = Field(min_length=1)

    def text(self) -> str:
        """Parts become paragraphs: buyers read a chat message on a phone screen."""
        return "\n\n".join(part.strip() for part in (self.acknowledgement, self.solution, self.support))


HOLDING_REPLY = ReplyParts(
    acknowledgement="Здравствуйте! Спасибо за обращение.",
    solution="Уточняем информацию по Вашему вопросу и ответим здесь, в чате, в ближайшее время.",
    support="Если захотите что-то добавить, просто напишите нам в этот чат.",
)


def structural_problems(parts: ReplyParts) -> list[str]:
    """Why a reply is not shippable as-is; empty when it is."""
    problems = []
    if not parts.acknowledgement.lstrip().startswith(GREETING):
        problems.append(f"reply must start with «{GREETING}»")
    if len(parts.text()) > MAX_REPLY_CHARS:
        problems.append(f"reply is longer than {MAX_REPLY_CHARS} characters")
    return problems
