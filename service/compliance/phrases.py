"""The phrase rule table: which word combinations break which Ozon rule.

The rules live in the ``rules_*`` modules, one table per violation code (plus the indirect,
roundabout and English phrasings, which mix codes). ``ALL_RULES`` joins them in a fixed order:
the rules run in this order, which fixes the order of their hits.
"""

from __future__ import annotations

from typing import Final

from .engine import RuleSet
from .rules_blame import ABUSE_RULES, BLAME_RULES, HEDGED_BLAME_RULES
from .rules_blame_implied import IMPLIED_BLAME_RULES
from .rules_cancel import CANCEL_RULES
from .rules_contact import CONTACT_REQUEST_RULES, CONTACT_RULES
from .rules_deal import DEAL_RULES
from .rules_english import ENGLISH_RULES
from .rules_indirect import INDIRECT_RULES
from .rules_review import REVIEW_RULES
from .rules_roundabout import ROUNDABOUT_RULES

ALL_RULES: Final = RuleSet(
    CONTACT_RULES
    + CONTACT_REQUEST_RULES
    + DEAL_RULES
    + REVIEW_RULES
    + CANCEL_RULES
    + BLAME_RULES
    + HEDGED_BLAME_RULES
    + IMPLIED_BLAME_RULES
    + ABUSE_RULES
    + INDIRECT_RULES
    + ENGLISH_RULES
    + ROUNDABOUT_RULES
)
