"""Scores of a model that stored no rule readings, read as the installed rules would.

Since model 2026.12.23 ``kindscope score`` stores the death-wish rule's reading beside the
signals (``death_wish``: ``signals.model.RULE_SIGNALS``), and every analysis reads it from
the read model (``read_sql``: ``is_death_wish``). A database scored by an earlier model
has no such rows, and the commands that do not score (``report``, ``safety``, ``network``,
``community``, ``care`` and ``inbox`` on a read-only database or a dataset) would read
every reply that tells its reader to die as the toxicity head read it: "kill yourself then,
nobody would miss you" (crisis 0.63, toxicity 0.40) as painful, with help for answering it
(a review, 2026-12-06). Until it is scored again, the rule is read here, as the report
read it before it was stored: over the posts' own texts (the stored reading also undoes
disguised spellings first), those with one of its cue words only, a reply or quote being
said to someone (the rule's own cue, ``wish_words.CUE``, picks the texts in SQL: the
substrings the rule looks for first, "sel", "die", "miss", also match "self", "diet",
"mission", and let most of a large store through to Python). Nothing is written to the
store: the read model's own ``scores`` table gets the readings.
"""

from __future__ import annotations

import duckdb

from kindscope.store.read_sql import addressed

__all__ = ["fill_death_wishes"]


def fill_death_wishes(store, prefix: str) -> int:
    """Give the read model's ``{prefix}_scores`` table the death-wish rule's reading where
    its model stored none (no row of it has one); return how many posts it found. Does
    nothing on a store that is not DuckDB (Spark reads the stored readings alone) or where
    the rules are not installed."""
    if not isinstance(getattr(store, "con", None), duckdb.DuckDBPyConnection):
        return 0
    stored, scored = store.rows(f"SELECT bool_or(death_wish IS NOT NULL), count(*) > 0 "
                                f"FROM {prefix}_scores")[0]
    if stored or not scored:
        return 0
    try:
        from kindscope.signals.wish_words import CUE
        from kindscope.signals.wishes import wish_masks
    except ImportError:
        return 0
    rows = store.rows(f"""
        SELECT s.post_id, p.text, {addressed("p")}
        FROM {prefix}_scores s JOIN {prefix}_all_posts p USING (post_id)
        WHERE regexp_matches(lower(p.text), ?)
        ORDER BY s.post_id""", [CUE.pattern])
    if not rows:
        return 0
    aimed = wish_masks([r[1] for r in rows], [bool(r[2]) for r in rows]).aimed
    found = [r[0] for r, wish in zip(rows, aimed, strict=True) if wish]
    if found:
        store.execute(f"UPDATE {prefix}_scores SET death_wish = 1.0 "
                      "WHERE list_contains(?, post_id)", [found])
    return len(found)
