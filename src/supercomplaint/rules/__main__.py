"""``python -m supercomplaint.rules > docs/rules.md`` writes the rules page."""

from . import rules_markdown

print(rules_markdown(), end="")
