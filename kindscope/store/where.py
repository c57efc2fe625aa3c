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

import os
import re
import shlex
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = ["HERE", "Where"]

#: The commands that read a database or a dataset as the others do (``--db``, ``--data``).
_READERS = frozenset({"care", "inbox", "safety", "evidence", "report", "community",
                      "network", "stats"})
#: The commands that take ``--me``.
_WHOSE = frozenset({"care", "inbox", "safety", "evidence", "report", "network", "analyze"})
#: What may follow a command's last word: its end, a space, a closing quote or bracket, or
#: the punctuation that ends a sentence.
_WORD_END = r"(?=$|[\s`'\")\]]|[.,;:](?:\s|$))"
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

    def shared(self) -> Where:
        """The same, as a file people share may name it (a report, community.json): a
        relative path as it was given (from the folder the command ran in), else only the
        file's or folder's own name: an absolute path, or one that climbs out with "..",
        tells where someone's files live."""
        return replace(self, db=_shared(self.db), data=_shared(self.data))

    def as_given(self, text: str) -> str:
        """``text``, written for a shared file (its commands name this data as
        :meth:`shared` does), with the data named as it was given here: what the terminal
        prints of a report or community.json, where a file's name alone read a file that
        is not there (a review, 2026-12-07). Only whole words are replaced."""
        shared = self.shared()
        for flag, given, named in (("--db", self.db, shared.db),
                                   ("--data", self.data, shared.data),
                                   ("--parquet", self.data, shared.data)):
            if given is not None and given != named:
                words = re.compile(re.escape(f"{flag} {shlex.quote(named)}") + _WORD_END)
                mine = f"{flag} {shlex.quote(given)}"
                text = words.sub(lambda _, mine=mine: mine, text)
        return text

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
        elif self.db is not None:  # the demo imported into a file: the file holds it
            found = ["--db", self.db]
        else:
            found = ["--demo"] if self.demo and verb in _DEMO else []
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


def _shared(path: str | None) -> str | None:
    if path is None:
        return None
    given = Path(path)
    if given.is_absolute() or ".." in given.parts:
        return Path(os.path.abspath(path)).name  # the link's own name, not its target's
    return path


#: The default database, named by nothing.
HERE = Where()
