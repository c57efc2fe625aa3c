"""Time and peak memory of the report on a large store: the read model against the old code.

Builds a seeded synthetic store of N posts (default 1,000,000) for one owner and the
community around them, written straight into DuckDB with bulk inserts (Arrow tables, no
Python object per row) through the store's schema (``kindscope.store.db.Store`` runs the
migrations):

- 5,000 accounts (``--accounts``) in 6 planted communities, with heavy-tailed activity;
- the owner's posts (about 8%: their own posts, self-threads, replies to others), others'
  posts, replies to them and to each other (two levels deep, answered minutes to days
  later; the owner's painful posts are picked for replies less often than upbeat ones),
  reposts, mentions (some of the owner), hashtags per community, likes;
- follows: each account follows about 15 others, mostly inside its community; the owner
  follows 400 and is followed by 600;
- one ``generic`` snapshot owned by the owner that carries ``others_replies``,
  ``followers`` and ``following``; ``post_sources`` and ``post_languages`` rows as an
  import and a scoring run write them;
- signal scores for every post under ``kindscope.signals.MODEL_VERSION``: random but
  seeded (no model run), a few hostile accounts write mostly toxic replies; and the rules'
  readings scoring stores beside them (``STORED_SIGNALS``: ``death_wish`` 1.0 for one in
  twenty of those replies, drawn from a generator of its own, so that every other row is
  as before it was stored).

Then it times, each in a fresh process (so the peak RSS is that run's own), (a)
``kindscope.report.build_report`` of this tree on that store and (b) the old code's
``build_report`` (commit e539e22, which loads every post into Python objects) from a git
worktree (``--old-root``, default /tmp/oldmain). The old code refuses a store at the new
schema version, so the same rows are copied into a second file at its schema (v2: no
``snapshot_carries``, no ``post_languages``), created by the old code's own ``Store``.

Each run prints wall seconds, CPU seconds (user + system, all threads) and peak RSS
(``getrusage(RUSAGE_SELF).ru_maxrss`` of the run's process, read at its end). Run it
under ``nice -n 10`` on shared machines; DuckDB uses every core it is given.

Usage::

    nice -n 10 python benchmarks/bench_report_scale.py [--posts 1000000] [--seed 13]
        [--skip-old] [--keep DIR] [--build-only] [--new-root DIR] [--old-root DIR]
        [--old-timeout 900] [--max-rss-gb 12]

``--keep DIR`` keeps the stores and reuses them on the next run with the same N, accounts
and seed. The stores are always built with this tree's ``Store``; ``--new-root`` (default
this tree) only chooses whose ``build_report`` is timed, for example a clean worktree of a
commit while others edit this one. The old run is killed past ``--old-timeout`` seconds or
``--max-rss-gb`` resident, and the table says so.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

ROOT = Path(__file__).resolve().parents[1]
OLD_ROOT = Path("/tmp/oldmain")
OLD_COMMIT = "e539e22"
PLATFORM = "generic"
SNAPSHOT = "synthetic-scale-snapshot"
OWNER = 0
GROUPS = 6
HOSTILE = 30  # accounts whose replies are mostly toxic
START = 1_640_995_200  # 2022-01-01 UTC
SPAN = 3 * 365 * 86_400  # three years of posts

TOPICS = ("pottery", "running", "migraine", "gardening", "chess", "knitting")
PHRASES = {
    "distress": ("I've got a big bad miserable headache", "feeling rubbish today",
                 "I can't sleep again and everything feels heavy", "bad day, not coping well",
                 "nobody ever answers when I say I'm struggling"),
    "upbeat": ("so happy with how this turned out", "great news everyone",
               "finished the class and loved it", "lovely walk this morning",
               "look what I made this weekend"),
    "other": ("anyone else watching the match tonight", "thanks for asking",
              "here is the link I mentioned", "what do you all think about this",
              "sending you a hug", "hang in there, it gets better", "that sounds hard"),
}
LABELS = ("distress", "upbeat", "other")


# -- the synthetic community ------------------------------------------------------------------
def _pick(rng, weights: np.ndarray, size: int) -> np.ndarray:
    return rng.choice(len(weights), size, p=weights / weights.sum())


def _authors_like(rng, parent_authors: np.ndarray, group: np.ndarray, theta: np.ndarray,
                  members: list[np.ndarray], same: float = 0.75) -> np.ndarray:
    """Other accounts answering ``parent_authors``: mostly from the parent's community."""
    out = _pick(rng, theta, len(parent_authors))
    inside = rng.random(len(parent_authors)) < same
    for g in range(GROUPS):
        idx = np.where(inside & (group[parent_authors] == g))[0]
        pool = members[g]
        out[idx] = pool[_pick(rng, theta[pool], len(idx))]
    return out


def generate(n: int, accounts: int, seed: int) -> dict[str, pa.Table]:
    """Integer-coded rows of every table (ids become strings in SQL)."""
    rng = np.random.default_rng(seed)
    group = rng.integers(0, GROUPS, accounts)
    group[OWNER] = 0
    theta = rng.pareto(1.5, accounts) + 1
    theta[OWNER] = 0  # the owner's posts are placed explicitly
    members = [np.where((group == g) & (np.arange(accounts) != OWNER))[0]
               for g in range(GROUPS)]
    hostile = rng.choice(np.arange(1, accounts), HOSTILE, replace=False)

    n_repost, n_top, n_l1 = int(0.02 * n), int(0.38 * n), int(0.40 * n)
    n_l2 = n - n_repost - n_top - n_l1
    # top-level posts: 13% by the owner (about 5% of all posts)
    top_author = _pick(rng, theta, n_top)
    top_author[rng.random(n_top) < 0.13] = OWNER
    top_time = START + rng.integers(0, SPAN, n_top)
    label = rng.choice(3, n, p=[0.12, 0.22, 0.66])  # distress, upbeat, other
    top_label = label[:n_top]

    # level 1: replies to top-level posts; the owner's posts draw more replies, their
    # painful ones fewer than their upbeat ones (the void kindscope asks about)
    weight = np.ones(n_top)
    mine = top_author == OWNER
    weight[mine] = np.choose(top_label[mine], [2.0, 6.0, 4.0])
    l1_parent = _pick(rng, weight, n_l1)
    l1_pauthor = top_author[l1_parent]
    l1_author = _authors_like(rng, l1_pauthor, group, theta, members)
    l1_author[(l1_pauthor != OWNER) & (rng.random(n_l1) < 0.04)] = OWNER
    l1_time = top_time[l1_parent] + rng.exponential(6 * 3600, n_l1).astype(np.int64) + 30

    # level 2: replies to level-1 replies; the owner answers in their own threads
    l2_of = rng.integers(0, n_l1, n_l2)
    l2_pauthor = l1_author[l2_of]
    l2_author = _authors_like(rng, l2_pauthor, group, theta, members)
    owner_thread = (l1_pauthor[l2_of] == OWNER) & (l2_pauthor != OWNER)
    r = rng.random(n_l2)
    l2_author[(owner_thread & (r < 0.30)) | ((l2_pauthor != OWNER) & (r < 0.03))] = OWNER
    l2_time = l1_time[l2_of] + rng.exponential(4 * 3600, n_l2).astype(np.int64) + 30

    # reposts of earlier posts (half of them the owner's), by others
    rp_of = np.where(rng.random(n_repost) < 0.5,
                     rng.choice(np.where(mine)[0], n_repost), rng.integers(0, n_top, n_repost))
    rp_author = _pick(rng, theta, n_repost)
    rp_time = top_time[rp_of] + rng.exponential(86_400, n_repost).astype(np.int64) + 60

    # post ids 0..n-1: top, level 1, level 2, reposts
    o1, o3 = n_top, n_top + n_l1 + n_l2
    author = np.concatenate([top_author, l1_author, l2_author, rp_author])
    created = np.concatenate([top_time, l1_time, l2_time, rp_time])
    parent = np.concatenate([np.full(n_top, -1), l1_parent, o1 + l2_of, np.full(n_repost, -1)])
    root = np.concatenate([np.full(n_top, -1), l1_parent, l1_parent[l2_of],
                           np.full(n_repost, -1)])
    repost_of = np.concatenate([np.full(o3, -1), rp_of])
    parent_author = np.where(parent >= 0, author[np.maximum(parent, 0)], -1)
    is_post = np.arange(n) < o3
    # mentions: 8% of others' posts name someone in their community, 1% the owner
    mention = np.full(n, -1)
    r = rng.random(n)
    named = is_post & (author != OWNER) & (r < 0.08)
    mention[named] = _authors_like(rng, author[named], group, theta, members, same=0.9)
    mention[is_post & (author != OWNER) & (r >= 0.08) & (r < 0.09)] = OWNER
    hashtag = np.where(is_post & (rng.random(n) < 0.2), group[author], -1)
    phrase = rng.integers(0, 1000, (n, 2))

    posts = pa.table({
        "pid": np.arange(n), "author": author, "created": created, "parent": parent,
        "parent_author": parent_author, "root": root, "repost_of": repost_of,
        "is_post": is_post, "label": label, "p1": phrase[:, 0], "p2": phrase[:, 1],
        "topic": group[author], "mention": mention, "hashtag": hashtag})

    # scores for every post (not reposts): a high score where the label or role says so
    scored = np.where(is_post)[0]
    k = len(scored)
    lab = label[scored]
    is_reply = parent[scored] >= 0
    high = {
        "distress": lab == 0,
        "crisis": (lab == 0) & (rng.random(k) < 0.12),
        "upbeat": lab == 1,
        "support": is_reply & (lab == 2) & (rng.random(k) < 0.45),
    }
    rude = np.isin(author[scored], hostile) & is_reply & (rng.random(k) < 0.7)
    rude |= is_reply & (rng.random(k) < 0.03)
    high["toxicity"] = rude
    high["offensive"] = rude & (rng.random(k) < 0.6)
    high["hate"] = rude & (rng.random(k) < 0.15)
    for part in ("support_er", "support_ip", "support_ex"):
        high[part] = high["support"] & (rng.random(k) < 0.5)
    # the installed model's signal names, and its rules' readings (1 or 0)
    from kindscope.signals import RULE_SIGNALS, STORED_SIGNALS

    high["death_wish"] = rude & (np.random.default_rng(seed + 1).random(k) < 0.05)
    cols = []
    for s in STORED_SIGNALS:
        if s in RULE_SIGNALS:
            cols.append(high[s].astype(np.float64))
            continue
        low = rng.beta(1.0, 8.0, k)
        cols.append(np.where(high.get(s, np.zeros(k, bool)), rng.uniform(0.55, 0.99, k), low))
    scores = pa.table({
        "pid": np.tile(scored, len(STORED_SIGNALS)),
        "signal": np.repeat(np.arange(len(STORED_SIGNALS)), k),
        "score": np.concatenate(cols)})

    # likes: 0.6 per post, by active accounts, the owner's posts liked more
    n_like = int(0.6 * n)
    target_w = np.where(author == OWNER, 3.0, 1.0) * is_post
    like_post = _pick(rng, target_w, n_like)
    like_acc = _pick(rng, theta, n_like)
    key = np.unique(like_acc.astype(np.int64) * n + like_post)
    likes = pa.table({"account": key // n, "pid": key % n,
                      "created": created[key % n] + rng.integers(60, 86_400, len(key))})

    # follows: ~15 per account, 85% inside the community; the owner follows 400, 600 follow
    per = rng.poisson(15, accounts)
    per[OWNER] = 0
    src = np.repeat(np.arange(accounts), per)
    dst = _authors_like(rng, src, group, theta, members, same=0.85)
    fans = rng.choice(np.arange(1, accounts), 600, replace=False)
    friends = rng.choice(np.arange(1, accounts), 400, replace=False)
    src = np.concatenate([src, fans, np.full(400, OWNER)])
    dst = np.concatenate([dst, np.full(600, OWNER), friends])
    edge = np.unique(src.astype(np.int64) * accounts + dst)
    edge = edge[edge // accounts != edge % accounts]
    follows = pa.table({"follower": edge // accounts, "followee": edge % accounts})

    posted = np.bincount(author, minlength=accounts)
    followers = np.bincount(edge % accounts, minlength=accounts)
    following = np.bincount(edge // accounts, minlength=accounts)
    people = pa.table({"aid": np.arange(accounts), "posts": posted,
                       "followers": followers, "following": following,
                       "joined": START - rng.integers(0, 5 * 365 * 86_400, accounts)})
    return {"posts": posts, "scores": scores, "likes": likes, "follows": follows,
            "people": people, "until": int(created.max())}


_TEXT = ("list_extract(?, (p1 % {m}) + 1) || ', ' || list_extract(?, (p2 % {o}) + 1) "
         "|| ' #' || list_extract(?, topic + 1)")


#: Posts per transaction: DuckDB keeps a transaction's new rows and their primary-key
#: index entries in memory until COMMIT; 10M posts in one (95M score rows) ran out of
#: 18.8 GiB. After a commit the index is on disk and loaded lazily.
CHUNK_POSTS = 1_000_000


def _rows(table: pa.Table, lo: int, hi: int) -> pa.Table:
    pid = table.column("pid")
    return table.filter(pc.and_(pc.greater_equal(pid, lo), pc.less(pid, hi)))


def write_store(con: duckdb.DuckDBPyConnection, data: dict, model_version: str,
                signals: tuple[str, ...]) -> None:
    """Insert the generated rows into the store's tables: accounts, follows and the
    snapshot in one transaction, then posts and what hangs on them (sources, scores,
    languages, likes) in one transaction per ``CHUNK_POSTS`` posts."""
    until = data["until"]
    for name in ("follows", "people"):
        con.register(f"g_{name}", data[name])
    con.execute("BEGIN TRANSACTION")
    con.execute("INSERT INTO snapshots VALUES (?, ?, 'synthetic', 'generic', ?, "
                "to_timestamp(?), to_timestamp(?), 'bench_report_scale.py')",
                [SNAPSHOT, PLATFORM, f"u{OWNER}", until, until + 3600])
    con.execute("""
        INSERT INTO accounts (platform, account_id, handle, display_name, created_at,
                              followers_count, following_count, posts_count, description)
        SELECT ?, 'u' || aid, CASE WHEN aid = 0 THEN 'owner' ELSE 'user' || aid END,
               'Person ' || aid, to_timestamp(joined), followers, following, posts,
               'synthetic account'
        FROM g_people""", [PLATFORM])
    con.execute(f"""
        INSERT INTO follows SELECT '{PLATFORM}', 'u' || follower, 'u' || followee,
               '{SNAPSHOT}', NULL FROM g_follows""")
    has_v3 = con.execute("SELECT count(*) FROM information_schema.tables "
                         "WHERE table_name = 'post_languages'").fetchone()[0]
    if has_v3:
        con.execute("INSERT INTO snapshot_carries VALUES (?, 'others_replies'), "
                    "(?, 'followers'), (?, 'following')", [SNAPSHOT] * 3)
    con.execute("COMMIT")
    for name in ("follows", "people"):
        con.unregister(f"g_{name}")
    n = data["posts"].num_rows
    for lo in range(0, n, CHUNK_POSTS):
        chunk = {"posts": data["posts"].slice(lo, CHUNK_POSTS),
                 **{k: _rows(data[k], lo, lo + CHUNK_POSTS) for k in ("scores", "likes")}}
        _write_posts(con, chunk, model_version, signals, has_v3)


def _write_posts(con, chunk: dict, model_version: str, signals: tuple[str, ...],
                 has_v3: bool) -> None:
    for name, table in chunk.items():
        con.register(f"g_{name}", table)
    con.execute("BEGIN TRANSACTION")
    by_label = [PHRASES[x] for x in LABELS]
    text = ("CASE label " + " ".join(
        f"WHEN {i} THEN " + _TEXT.format(m=len(by_label[i]), o=len(PHRASES['other']))
        for i in range(3)) + " END")
    params = [x for i in range(3) for x in (list(by_label[i]), list(PHRASES["other"]),
                                             list(TOPICS))]
    con.execute(f"""
        INSERT INTO posts (platform, post_id, author_id, created_at, text, kind,
                           reply_to_post_id, reply_to_account_id, root_post_id,
                           repost_of_post_id, lang, mentions, hashtags)
        SELECT '{PLATFORM}', 'p' || pid, 'u' || author, to_timestamp(created),
               CASE WHEN is_post THEN {text} ELSE '' END,
               CASE WHEN is_post THEN 'post' ELSE 'repost' END,
               CASE WHEN parent >= 0 THEN 'p' || parent END,
               CASE WHEN parent >= 0 THEN 'u' || parent_author END,
               CASE WHEN root >= 0 THEN 'p' || root END,
               CASE WHEN repost_of >= 0 THEN 'p' || repost_of END,
               'en',
               CASE WHEN mention = 0 THEN ['@owner'] WHEN mention > 0
                    THEN ['@user' || mention] ELSE [] END,
               CASE WHEN hashtag >= 0 THEN [list_extract(?, hashtag + 1)] ELSE [] END
        FROM g_posts""", [*params, list(TOPICS)])
    con.execute(f"INSERT INTO post_sources SELECT '{PLATFORM}', 'p' || pid, '{SNAPSHOT}' "
                "FROM g_posts")
    con.execute(f"""
        INSERT INTO signal_scores SELECT '{PLATFORM}', 'p' || pid,
               list_extract(?, signal + 1), score, ? FROM g_scores""",
                [list(signals), model_version])
    con.execute(f"""
        INSERT INTO reactions SELECT '{PLATFORM}', 'u' || account, 'p' || pid, 'like',
               to_timestamp(created) FROM g_likes""")
    if has_v3:
        con.execute(f"""
            INSERT INTO post_languages (platform, post_id, model_version, lang, is_read)
            SELECT '{PLATFORM}', 'p' || pid, ?, 'en', true FROM g_posts WHERE is_post""",
                    [model_version])
    con.execute("COMMIT")
    for name in chunk:
        con.unregister(f"g_{name}")


def build_new(path: Path, n: int, accounts: int, seed: int) -> dict:
    """The store at this tree's schema; returns a few counts of what it holds."""
    from kindscope.signals import MODEL_VERSION, STORED_SIGNALS
    from kindscope.store.db import Store

    data = generate(n, accounts, seed)
    store = Store(path)
    write_store(store.con, data, MODEL_VERSION, tuple(STORED_SIGNALS))
    store.execute("CHECKPOINT")
    counts = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in (
        "posts", "signal_scores", "reactions", "follows", "accounts")}
    counts["owner_posts"] = store.scalar("SELECT count(*) FROM posts WHERE author_id = 'u0'")
    store.close()
    return counts


def build_old(new_path: Path, old_path: Path, old_root: Path) -> None:
    """The same rows at the old code's schema: the old ``Store`` creates the file (v2),
    the rows are copied from the new store table by table."""
    code = ("import sys; from kindscope.store.db import Store; "
            "s = Store(sys.argv[1]); print(s.schema_version()); s.close()")
    subprocess.run([sys.executable, "-c", code, str(old_path)], check=True, cwd=old_root,
                   env=_env(old_root), capture_output=True, text=True)
    con = duckdb.connect(str(old_path))
    con.execute(f"ATTACH '{new_path}' AS src (READ_ONLY)")
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
        "AND table_name <> 'meta'").fetchall()]
    con.execute("BEGIN TRANSACTION")
    for table in tables:
        con.execute(f"INSERT INTO {table} SELECT * FROM src.{table}")
    con.execute("COMMIT")
    con.execute("DETACH src")
    con.execute("CHECKPOINT")
    con.close()


# -- timed runs ---------------------------------------------------------------------------------
_RUN = r"""
import json, resource, sys, time
began, cpu0 = time.perf_counter(), time.process_time()
from kindscope.report import build_report
from kindscope.store.db import Store
store = Store(sys.argv[1])
store.execute("SET enable_progress_bar = false")  # it writes to stdout
opened = time.perf_counter()
report = build_report(store)
done = time.perf_counter()
store.close()
use = resource.getrusage(resource.RUSAGE_SELF)
void = {g["group"]: [g.get("eligible_7d"), g.get("unanswered_7d")]
        for g in report["void_rate"].get("groups", [])}
net = report["network"]
print(json.dumps({
    "report_s": done - opened, "process_s": done - began,
    "cpu_s": use.ru_utime + use.ru_stime, "peak_rss_mb": use.ru_maxrss / 1024,
    "code": __import__("kindscope").__file__,
    "posts": report["source"]["posts"], "my_posts": report["source"]["my_posts"],
    "void_7d": void, "sentence": report["summary"]["sentence"],
    "network": [net.get("graph"), net.get("nodes"), net.get("edges"),
                (net.get("communities") or {}).get("count")],
    "pileons": (report["safety"].get("pileons") or {}).get("count")}))
"""


def _env(root: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(root)
    env.pop("KINDSCOPE_DB", None)
    return env


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def timed_report(db: Path, root: Path, timeout: float, max_rss_mb: float) -> dict:
    """``build_report`` of the code at ``root`` on ``db``, in a fresh process."""
    began = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", _RUN, str(db)], cwd=root, env=_env(root),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen, why = 0.0, None
    while child.poll() is None:
        seen = max(seen, _rss_mb(child.pid))
        if seen > max_rss_mb:
            why = f"killed at {seen:,.0f} MB resident (over --max-rss-gb)"
        elif time.perf_counter() - began > timeout:
            why = f"killed after {timeout:.0f} s (over --old-timeout)"
        if why:
            child.kill()
            break
        time.sleep(0.5)
    out, err = child.communicate()
    wall = time.perf_counter() - began
    if why or child.returncode:
        tail = err.strip().splitlines()[-1:] if err.strip() else [f"exit {child.returncode}"]
        return {"failed": why or tail[0], "wall_s": wall, "peak_rss_mb": seen}
    result = json.loads(out[out.rindex('{"report_s"'):].splitlines()[0])
    result["wall_s"] = wall
    return result


def _git(root: Path) -> str:
    head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "kindscope"],
                           capture_output=True, text=True).stdout.strip()
    return head + (" + uncommitted changes under kindscope/" if dirty else "")


def _row(n: int, stage: str, wall: float, cpu: float | None, rss: float | None,
         note: str = "") -> str:
    cpu_s = "-" if cpu is None else f"{cpu:,.1f}"
    rss_s = "-" if rss is None else f"{rss:,.0f}"
    return f"| {n:>9,} | {stage:<34} | {wall:>9,.1f} | {cpu_s:>9} | {rss_s:>9} | {note}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--accounts", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--skip-old", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the stores in DIR")
    parser.add_argument("--old-root", type=Path, default=OLD_ROOT,
                        help=f"a checkout of the old code ({OLD_COMMIT})")
    parser.add_argument("--new-root", type=Path, default=ROOT,
                        help="the tree whose build_report is timed (default: this one)")
    parser.add_argument("--old-timeout", type=float, default=900)
    parser.add_argument("--max-rss-gb", type=float, default=12)
    parser.add_argument("--build-only", action="store_true",
                        help="build the stores (with --keep) and time nothing else")
    args = parser.parse_args()
    if not args.skip_old and not (args.old_root / "kindscope").is_dir():
        sys.exit(f"no old checkout at {args.old_root}: git worktree add {args.old_root} "
                 f"{OLD_COMMIT} (or pass --skip-old)")
    tmp = None
    if args.keep:
        work = args.keep
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory()
        work = Path(tmp.name)
    n = args.posts
    tag = f"n{n}-a{args.accounts}-s{args.seed}"
    new_db, old_db = work / f"{tag}.duckdb", work / f"{tag}-v2.duckdb"
    rows = []
    print(f"new code: {args.new_root} at {_git(args.new_root)}")
    if not new_db.exists():
        began, cpu0 = time.perf_counter(), time.process_time()
        counts = build_new(new_db, n, args.accounts, args.seed)
        rows.append(_row(n, "build store (new schema)", time.perf_counter() - began,
                         time.process_time() - cpu0, None))
        print("store:", json.dumps(counts), flush=True)
    if not args.skip_old and not old_db.exists():
        began, cpu0 = time.perf_counter(), time.process_time()
        build_old(new_db, old_db, args.old_root)
        rows.append(_row(n, "copy to old schema (v2)", time.perf_counter() - began,
                         time.process_time() - cpu0, None))
    runs = [] if args.build_only else [
        ("new build_report (read model)", new_db, args.new_root, 1e9, 1e9)]
    if runs and not args.skip_old:
        runs.append((f"old build_report ({OLD_COMMIT})", old_db, args.old_root,
                     args.old_timeout, args.max_rss_gb * 1024))
    for stage, db, root, timeout, cap in runs:
        result = timed_report(db, root, timeout, cap)
        if "failed" in result:
            rows.append(_row(n, stage, result["wall_s"], None, result["peak_rss_mb"],
                             "FAILED: " + result["failed"]))
        else:
            rows.append(_row(n, stage, result["wall_s"], result["cpu_s"],
                             result["peak_rss_mb"],
                             f"build_report {result['report_s']:.1f} s"))
            print(f"{stage}: " + json.dumps({k: result[k] for k in (
                "code", "posts", "my_posts", "void_7d", "network", "pileons", "sentence")}),
                flush=True)
    print("\n|     posts | stage                              |    wall s |     cpu s | "
          "peak RSS MB | notes")
    print("|----------:|:-----------------------------------|----------:|----------:|"
          "----------:|:------")
    print("\n".join(rows))
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
