"""DuckDB SQL of the store, as Spark SQL: SQLGlot's translation and a few overrides.

The store's SQL is written once, in DuckDB's dialect (:mod:`kindscope.store.read_sql`,
:mod:`kindscope.store.aggregates`, ...). :func:`to_spark` translates a statement with
SQLGlot (``read="duckdb"``, ``write="spark"``) and keeps the translation. Where SQLGlot's
translation of a DuckDB construct is not what the store means on Spark, the
:class:`KindscopeSpark` dialect overrides it; each override says why:

- ``epoch(a - b)`` (seconds between two timestamps, as a DOUBLE) becomes the difference
  of ``unix_micros`` over 1e6 as DOUBLE: SQLGlot writes ``unix_timestamp(a - b)``, which
  Spark refuses for an interval (and would truncate to whole seconds).
- ``epoch_ms(ts)``: SQLGlot reads it as DuckDB's other ``epoch_ms`` (milliseconds to a
  timestamp); the store only calls it on timestamps, so it is ``unix_millis(ts)``.
- ``list_has_any(a, b)``: SQLGlot writes PostgreSQL's ``a && b``; Spark's is
  ``arrays_overlap(a, b)``.
- ``quantile_cont(x, q)`` / ``median(x)``: SQLGlot writes ``percentile_cont(x, q)``, which
  Spark parses only as an ordered-set aggregate; Spark's exact ``percentile(x, q)`` is the
  same linear interpolation.
- ``json_valid(x)``: Spark has none; ``get_json_object(x, '$') IS NOT NULL`` is true for
  a JSON document (Spark's JSON functions give NULL for text that is not JSON, where
  DuckDB's would fail, which is why the store asks first).
- ``len(list)`` is Spark's ``size`` (SQLGlot writes ``length``, a string function): the
  store writes ``array_length`` instead, which SQLGlot translates.

Parameters stay ``?`` (positional) or ``:name`` (DuckDB's ``$name``): Spark binds them
(``spark.sql(text, args=...)``), so no value is ever spliced into the text.

Statements are classified here too (:func:`statement`): the store creates temporary
tables and views and drops them; Spark gets those as DataFrame temp views.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import sqlglot
from sqlglot import exp
from sqlglot.dialects.spark import Spark

from kindscope.errors import StoreError

__all__ = ["KindscopeSpark", "Statement", "statement", "to_spark"]


def _epoch(self, e: exp.TimeToUnix) -> str:
    arg = e.this
    if isinstance(arg, exp.Paren):
        arg = arg.this
    if isinstance(arg, exp.Sub):  # seconds between two timestamps
        a, b = self.sql(arg, "this"), self.sql(arg, "expression")
        return (f"(CAST(UNIX_MICROS({a}) - UNIX_MICROS({b}) AS DOUBLE) "
                "/ CAST(1000000 AS DOUBLE))")
    return f"(CAST(UNIX_MICROS({self.sql(e, 'this')}) AS DOUBLE) / CAST(1000000 AS DOUBLE))"


def _epoch_ms(self, e: exp.UnixToTime) -> str:
    scale = e.args.get("scale")
    if scale is not None and scale.name == "3":
        return f"UNIX_MILLIS({self.sql(e, 'this')})"
    raise StoreError(f"no Spark translation for {e.sql('duckdb')} (a number to a timestamp)",
                     "--engine spark")


def _anonymous(self, e: exp.Anonymous) -> str:
    if str(e.this).lower() == "json_valid":
        return f"(GET_JSON_OBJECT({self.sql(e.expressions[0])}, '$') IS NOT NULL)"
    return Spark.Generator.anonymous_sql(self, e)


class KindscopeSpark(Spark):
    """Spark SQL as SQLGlot writes it, with the store's overrides (see the module)."""

    class Generator(Spark.Generator):
        TRANSFORMS = {
            **Spark.Generator.TRANSFORMS,
            exp.Anonymous: _anonymous,
            exp.TimeToUnix: _epoch,
            exp.UnixToTime: _epoch_ms,
            exp.ArrayOverlaps: lambda self, e: self.func("ARRAYS_OVERLAP", e.this,
                                                         e.expression),
            exp.PercentileCont: lambda self, e: self.func("PERCENTILE", e.this,
                                                          e.expression),
            exp.Median: lambda self, e: self.func("PERCENTILE", e.this,
                                                  exp.Literal.number("0.5")),
        }


@lru_cache(maxsize=4096)
def to_spark(sql: str) -> str:
    """One DuckDB statement of the store as Spark SQL (translations are kept)."""
    try:
        trees = sqlglot.parse(sql, read="duckdb")
    except sqlglot.errors.ParseError as exc:
        raise StoreError(f"cannot translate a query to Spark SQL: {str(exc)[:200]}",
                         "--engine spark") from exc
    if len(trees) != 1 or trees[0] is None:
        raise StoreError("one statement at a time on Spark", "--engine spark")
    return trees[0].sql(dialect=KindscopeSpark)


_CREATE = re.compile(r"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?TEMP(?:ORARY)?\s+(TABLE|VIEW)\s+"
                     r"(\w+)\s+AS\s+(.*)$", re.IGNORECASE | re.DOTALL)
_DROP = re.compile(r"^\s*DROP\s+(TABLE|VIEW)\s+(?:IF\s+EXISTS\s+)?(\w+)\s*;?\s*$",
                   re.IGNORECASE)
_TRANSACTION = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    """What a store statement does on Spark: ``query`` (rows back), ``create`` (a temp
    table or view named ``name`` from ``text``), ``drop`` or ``transaction``."""

    kind: str
    text: str = ""
    name: str = ""
    materialise: bool = False


@lru_cache(maxsize=4096)
def statement(sql: str) -> Statement:
    """Classify and translate one DuckDB statement of the store."""
    if _TRANSACTION.match(sql):
        return Statement("transaction")
    if m := _DROP.match(sql):
        return Statement("drop", name=m.group(2))
    if m := _CREATE.match(sql):
        return Statement("create", to_spark(m.group(3)), m.group(2),
                         materialise=m.group(1).upper() == "TABLE")
    return Statement("query", to_spark(sql))
