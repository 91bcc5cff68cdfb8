"""Knowledge loading and validation: every problem is reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.errors import KnowledgeError
from service.knowledge import load_knowledge_base
from service.knowledge.loader import collect_problems

GOOD_ENTRY = """\
  - id: {id}
    topic: {topic}
    title: Заголовок
    questions: [первый, второй, третий, четвёртый]
    answer:
      acknowledgement: "Здравствуйте!"
      solution: {solution}
      support: "Пишите нам здесь, в чате."
"""


def write(directory: Path, name: str, body: str) -> Path:
    path = directory / name
    path.write_text(body, encoding="utf-8")
    return path


def entry(id: str = "a", topic: str = "review", solution: str = '"Решение."') -> str:
    return GOOD_ENTRY.format(id=id, topic=topic, solution=solution)


def test_valid_file_loads_with_hash(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "entries:\n" + entry())
    kb = load_knowledge_base(tmp_path)
    assert [e.id for e in kb.entries] == ["a"]
    assert kb.entries[0].line == 2
    assert len(kb.content_hash) == 64
    write(tmp_path, "a.yaml", "entries:\n" + entry(solution='"Другое решение."'))
    assert load_knowledge_base(tmp_path).content_hash != kb.content_hash


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("entries:\n  - id: [unclosed\n", 3, "malformed YAML"),
        ("entries:\n" + entry(topic="weather"), 3, "unknown topic 'weather'"),
        ("entries:\n" + entry(solution='"Ваш {order_id}."'), 8, "drafter cannot fill ['order_id']"),
        ("entries:\n" + entry(solution='["Трек {tracking_number}."]'), 8, "last alternative must not need order data"),
        ("entries:\n" + entry(solution='"Скобка {не закрыта."'), 8, "malformed braces"),
        ("entries:\n  - id: x\n    topic: review\n", 2, "missing field(s): title, questions, answer"),
        ("entries:\n" + entry() + entry(), 10, "duplicate id 'a'"),
        ("something: else\n", 1, "must be a mapping with an 'entries' list"),
    ],
    ids=["yaml", "topic", "slot", "fallback", "braces", "missing", "duplicate", "shape"],
)
def test_problems_name_file_and_line(tmp_path: Path, body: str, line: int, fragment: str) -> None:
    path = write(tmp_path, "kb.yaml", body)
    _, problems, _ = collect_problems(tmp_path)
    assert any(p.file == str(path) and p.line == line and fragment in p.message for p in problems), problems
    with pytest.raises(KnowledgeError) as error:
        load_knowledge_base(tmp_path)
    assert error.value.details


def test_too_few_questions(tmp_path: Path) -> None:
    write(tmp_path, "kb.yaml", "entries:\n" + entry().replace("[первый, второй, третий, четвёртый]", "[один]"))
    _, problems, _ = collect_problems(tmp_path)
    assert [p.message for p in problems] == ["needs at least 4 example questions"]


def test_empty_directory_is_a_problem(tmp_path: Path) -> None:
    _, problems, _ = collect_problems(tmp_path)
    assert problems and "no *.yaml files" in problems[0].message
