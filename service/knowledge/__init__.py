"""The seller's FAQ knowledge base: YAML files under ``knowledge/``."""

from service.knowledge.loader import load_knowledge_base
from service.knowledge.models import ORDER_SLOTS, SETTING_SLOTS, TOPICS, Entry, KnowledgeBase

__all__ = ["ORDER_SLOTS", "SETTING_SLOTS", "TOPICS", "Entry", "KnowledgeBase", "load_knowledge_base"]
