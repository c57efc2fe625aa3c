"""score_store over an in-memory store."""

from kindscope.signals import MODEL_VERSION, STORED_SIGNALS
from kindscope.signals.store_scoring import score_store
from kindscope.store.db import Store
from kindscope.store.scoring import unread_counts, unread_post_ids

POSTS = [
    ("x", "1", "I feel so alone tonight", "post", None),
    ("x", "2", "I'm so sorry, I'm here for you", "post", "1"),
    ("x", "3", "", "post", None),
    ("x", "4", "a repost", "repost", None),
    ("m", "1", "my pottery lesson was a success!", "post", None),
]


def _store():
    store = Store(":memory:")
    for platform, post_id, text, kind, parent in POSTS:
        store.execute(
            "INSERT INTO posts (platform, post_id, author_id, text, kind, reply_to_post_id) "
            "VALUES (?, ?, 'a', ?, ?, ?)",
            [platform, post_id, text, kind, parent],
        )
    return store


def test_scores_each_post_once():
    store = _store()
    seen = []
    assert score_store(store, progress=seen.append, chunk_size=2) == 3
    assert seen == [2, 1]
    rows = store.rows("SELECT platform, post_id, count(*), min(model_version) FROM signal_scores "
                      "GROUP BY ALL ORDER BY ALL")
    n = len(STORED_SIGNALS)  # the heads' signals and the rules' readings (death_wish)
    assert rows == [("m", "1", n, MODEL_VERSION), ("x", "1", n, MODEL_VERSION),
                    ("x", "2", n, MODEL_VERSION)]
    assert score_store(store) == 0  # nothing new


def test_reply_is_read_with_its_parent():
    store = _store()
    score_store(store)
    support = store.scalar("SELECT score FROM signal_scores WHERE platform='x' AND post_id='2' "
                           "AND signal='support'")
    assert support >= 0.5
    upbeat = store.scalar("SELECT score FROM signal_scores WHERE platform='m' AND post_id='1' "
                          "AND signal='upbeat'")
    assert upbeat >= 0.5


GERMAN = "Das tut mir so leid, ich bin für dich da wenn du reden willst."
DUTCH = "Het spijt me zo, ik ben er voor je als je wilt praten."


def _store_with_languages():
    store = _store()
    for post_id, text in (("5", GERMAN), ("6", DUTCH), ("7", "😍😍"), ("8", GERMAN)):
        store.execute("INSERT INTO posts (platform, post_id, author_id, text, kind, "
                      "reply_to_post_id) VALUES ('x', ?, 'b', ?, 'post', '1')", [post_id, text])
    return store


def test_other_languages_are_recorded_as_not_read_and_not_rescored():
    store = _store_with_languages()
    assert score_store(store, chunk_size=3) == 7
    scored = {r[0] for r in store.rows("SELECT DISTINCT post_id FROM signal_scores "
                                       "WHERE platform = 'x'")}
    assert scored == {"1", "2", "7"}  # no numeric rows for the German and Dutch replies
    langs = store.rows("SELECT post_id, lang, is_read, model_version FROM post_languages "
                       "WHERE platform = 'x' ORDER BY post_id")
    assert langs == [("1", "en", True, MODEL_VERSION), ("2", "en", True, MODEL_VERSION),
                     ("5", "de", False, MODEL_VERSION), ("6", "nl", False, MODEL_VERSION),
                     ("7", "en", True, MODEL_VERSION), ("8", "de", False, MODEL_VERSION)]
    assert score_store(store) == 0  # "not read" is not "not yet scored"
    assert unread_counts(store, "x") == {"de": 2, "nl": 1}
    assert unread_counts(store, "x", MODEL_VERSION) == {"de": 2, "nl": 1}
    assert unread_counts(store, "m") == {}
    assert unread_counts(store, None) == {"de": 2, "nl": 1}  # every platform
    assert unread_counts(store, "x", "another-model") == {}
    assert unread_post_ids(store, "x") == ["5", "6", "8"]
    assert unread_post_ids(store, "m") == []


def test_nothing_scored_means_nothing_unread():
    store = _store()
    assert unread_counts(store, "x") == {}
    assert unread_post_ids(store, "x") == []


def test_posts_scored_before_languages_were_recorded_are_not_rescored():
    store = _store_with_languages()
    store.execute("INSERT INTO signal_scores VALUES ('x', '5', 'distress', 0.9, ?)",
                  [MODEL_VERSION])
    assert score_store(store) == 6
    assert store.scalar("SELECT count(*) FROM post_languages WHERE post_id = '5'") == 0
    assert unread_post_ids(store, "x") == ["6", "8"]


def test_a_newer_model_reads_again():
    store = _store_with_languages()
    store.execute("INSERT INTO post_languages VALUES ('x', '5', 'old-model', 'de', false, "
                  "now() - INTERVAL 1 DAY)")
    assert score_store(store) == 7
    assert unread_counts(store, "x", "old-model") == {"de": 1}
    assert unread_counts(store, "x") == {"de": 2, "nl": 1}


def test_death_wish_reads_replies_and_quotes_as_said_to_someone_whatever_their_parent():
    """The stored death-wish reading took a post for a reply only when the post it answers
    had text here, while the inbox read every post aimed at the user as one: "just die
    already" under a photo with no caption, or quoting a post, read death_wish 0 and the
    inbox listed it as painful, with help for answering it (a review, 2026-12-06). A post
    that replies to or quotes someone is read as said to them; one that does neither is
    not (an order alone, "this meme should just die already", speaks to no one)."""
    store = Store(":memory:")
    rows = [("photo", None, None, None, "a"),  # a photo with no caption
            ("r1", "just die already", "photo", None, "b"),
            ("r2", "just die already", "gone", None, "b"),  # the post it answers is not here
            ("q1", "just die already", None, "photo", "c"),  # a quote-post
            ("s1", "just die already", None, None, "d")]  # said to no one
    for post_id, text, parent, quoted, author in rows:
        store.execute("INSERT INTO posts (platform, post_id, author_id, text, kind, "
                      "reply_to_post_id, quote_of_post_id) VALUES ('x', ?, ?, ?, 'post', ?, ?)",
                      [post_id, author, text, parent, quoted])
    score_store(store)
    wish = dict(store.rows("SELECT post_id, score FROM signal_scores "
                           "WHERE signal = 'death_wish'"))
    assert wish == {"r1": 1.0, "r2": 1.0, "q1": 1.0, "s1": 0.0}
