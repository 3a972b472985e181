"""Block rules as data; see :mod:`pipeline.rules.boilerplate` for the registry."""

from pipeline.rules.boilerplate import ALL_RULES
from pipeline.rules.registry import Rule, RuleSet

__all__ = ["ALL_RULES", "Rule", "RuleSet"]
