"""Where a command read its data, and the commands its messages name, aimed at the same data.

A message that names a bare command ("run `kindscope score`") sends the user to
./kindscope.duckdb whatever they read: a report on ``--db me.duckdb`` told them to score, they
scored the default file, and the report still said nothing was scored. Every command
kindscope's messages name is built here, from the store's :attr:`Store.where` (set where the
store is opened: the database as given, or the dataset), with ``--me`` where it was given,
in the words each command takes for that data (a dataset is scored on Spark and imported
into with ``--parquet``). A file people share (the report) gives names, never paths
(:meth:`Where.named`).
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = ["HERE", "Where"]

#: The commands that read a database or a dataset as the others do (``--db``, ``--data``).
_READERS = frozenset({"care", "inbox", "safety", "evidence", "report", "community",
                      "network", "stats"})
#: The commands that take ``--me``.
_WHOSE = frozenset({"care", "inbox", "safety", "evidence", "report", "network", "analyze"})
#: The commands that read the bundled demo (``--demo``): in memory, nothing else can.
_DEMO = frozenset({"care", "inbox", "analyze"})


@dataclass(frozen=True, slots=True)
class Where:
    """The data a command read: ``db``, a database as it was named (``--db`` or
    ``$KINDSCOPE_DB``; None for the default ./kindscope.duckdb), or ``data``, a Parquet
    dataset folder; ``demo``: the bundled demo, imported first (in memory where no ``db``
    names a file); and ``me``, as ``--me`` named it."""

    db: str | None = None
    data: str | None = None
    me: str | None = None
    demo: bool = False

    def with_me(self, me: str | None) -> Where:
        """The same data, read for ``me`` (``--me`` as given; None leaves it out)."""
        return replace(self, me=me)

    def named(self) -> Where:
        """The same, with a file's or folder's own name in place of its path: for what
        people share (a report), which must not carry where their files live."""
        return replace(self, db=self.db and Path(self.db).name,
                       data=self.data and Path(self.data).name)

    def reads(self, verb: str) -> bool:
        """Whether `kindscope VERB` can read this data: the demo in memory is read only by
        the commands that build it (``--demo``)."""
        return not (self.demo and self.db is None and verb not in _DEMO)

    def words(self, verb: str, *rest: str) -> list[str]:
        """The arguments that make `kindscope VERB REST...` read this data (none where it
        cannot, see :meth:`reads`; posts fetched with ``--following`` go into a database,
        never a dataset)."""
        if self.data is not None:
            found = (["--data", self.data] if verb in _READERS else
                     ["--engine", "spark", "--data", self.data] if verb == "score" else
                     ["--parquet", self.data] if verb == "import" and "--following" not in rest
                     else [])
        else:
            found = ["--demo"] * (self.demo and verb in _DEMO) + (
                [] if self.db is None else ["--db", self.db])
        return found + (["--me", self.me] if self.me and verb in _WHOSE else [])

    def command(self, verb: str, *rest: str) -> str:
        """`kindscope VERB REST...` reading this data, each word quoted for a shell where it
        needs it (``rest``: the verb's own words; placeholders such as HANDLE need none):
        what it reads, then its options, after any source it names first."""
        sources = 0
        while sources < len(rest) and not rest[sources].startswith("-"):
            sources += 1
        words = [*rest[:sources], *self.words(verb, *rest), *rest[sources:]]
        return " ".join(["kindscope", verb, *map(shlex.quote, words)])


#: The default database, named by nothing.
HERE = Where()
