"""Retrieval and the knowledge base, for inbox tools that show sources next to a draft."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.deps import OtvetDep
from service.api.routers.drafts import ERRORS
from service.api.schemas import KnowledgeEntryOut, Parts, ReloadOut, RetrieveBody, RetrievedEntry, RetrieveOut
from service.errors import NotFound
from service.knowledge import Entry

router = APIRouter(prefix="/v1", tags=["knowledge"])


@router.post("/retrieve", responses=ERRORS)
def retrieve(body: RetrieveBody, otvet: OtvetDep) -> RetrieveOut:
    result = otvet.retrieve(body.question, body.k, body.order_status)
    return RetrieveOut(
        abstain=result.abstain,
        reason=result.reason,
        confidence=round(result.confidence, 4),
        results=[
            RetrievedEntry(
                entry_id=hit.entry.id,
                topic=hit.entry.topic,
                score=round(hit.score, 4),
                question=hit.matched_question,
                answer=hit.entry.display_answer(),
            )
            for hit in result.hits
        ],
    )


def _entry_out(entry: Entry) -> KnowledgeEntryOut:
    parts = {name: alternatives[-1] for name, alternatives in entry.answer.parts().items()}
    return KnowledgeEntryOut(
        id=entry.id, topic=entry.topic, title=entry.title, questions=list(entry.questions), answer=Parts(**parts)
    )


@router.post("/knowledge/reload", responses=ERRORS)
def reload_knowledge(otvet: OtvetDep) -> ReloadOut:
    """Re-read ``knowledge/`` and swap the index in without a restart.

    A knowledge base that fails ``otvet kb check`` is refused with its problems (422
    ``knowledge_invalid``) and the previous version keeps serving.
    """
    kb = otvet.reload_knowledge()
    return ReloadOut(entries=len(kb), content_hash=kb.content_hash, index=otvet.retriever.index.key)


@router.get("/knowledge", responses=ERRORS)
def list_knowledge(otvet: OtvetDep) -> list[KnowledgeEntryOut]:
    return [_entry_out(entry) for entry in otvet.knowledge.entries]


@router.get("/knowledge/{entry_id}", responses=ERRORS)
def get_knowledge(entry_id: str, otvet: OtvetDep) -> KnowledgeEntryOut:
    entry = otvet.knowledge.by_id.get(entry_id)
    if entry is None:
        raise NotFound(f"knowledge entry {entry_id} not found", code="entry_not_found")
    return _entry_out(entry)
