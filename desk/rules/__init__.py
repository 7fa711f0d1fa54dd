"""Rule sets by effective date, as data (issue 16).

A rule set (`2018`, `2025`, later ones) names its forms (number, title, fields, signature
block, recipients), the wording of each lifecycle step and the periodic report template. The
sets ship as JSON in `desk/rules/sets/`; an office may add or correct a set without a release by
dropping a JSON file of the same shape in `<data dir>/rules/` (same id: replaces the shipped
one). A dossier records the id of the set in force on its receipt date and is printed with it
for ever after, so a correction that must not touch old dossiers gets a new id and date.
"""

from desk.rules.sets import FormSpec, RuleSet, all_sets, get_set, load_set, set_for

__all__ = ["FormSpec", "RuleSet", "all_sets", "get_set", "load_set", "set_for"]
