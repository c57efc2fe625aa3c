"""Train / validation examples for each signal (see the model cards for the rationale)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from data import (
    JOYFUL,
    PAINFUL,
    SEED,
    Example,
    cases,
    counsel_chat,
    davidson,
    dedupe,
    dialoconan,
    dreaddit,
    epitome,
    esconv_failed_dialogs,
    esconv_listener_turns,
    goemotions,
    goemotions_label,
    in_val_fold,
    norm,
    olid,
    rumoureval_replies,
    sdcnl,
    toxigen,
    tweeteval,
)

Split = tuple[list[Example], list[Example]]
#: Weight of the ordinary-distress negatives of the crisis head.
DISTRESS_WEIGHT = 3.0
#: Weight of DIALOCONAN's turns (hate and toxicity heads).
COUNTER_SPEECH_WEIGHT = 1.0
#: Weight of the comforting replies among the distress head's negatives.
COMFORT_WEIGHT = 0.5
#: Weight of TweetEval's irony training tweets in upbeat (fixed before any figure was read;
#: the anchors were added after the first run showed the shortcut they prevent:
#: training/irony_anchors.py). Support left them out: they shifted its calibration, so it
#: read more painful posts as support (training/variants/2026-12-05/README.md).
IRONY_WEIGHT = {"upbeat": 1.0}
IRONY_ANCHORS = Path(__file__).resolve().parent / "irony_anchors.json"


def _sample(rows: list, n: int, salt: str) -> list:
    rng = random.Random(f"{SEED}:{salt}")
    return rng.sample(rows, min(n, len(rows)))


def offensive() -> Split:
    val_keys = {norm(t) for t, _ in tweeteval("offensive", "val")}
    train = dedupe(tweeteval("offensive", "train"), drop=val_keys)
    tr = [Example(t, y, source="tweeteval") for t, y in train]
    va = [Example(t, y, source="tweeteval") for t, y in tweeteval("offensive", "val")]
    return tr + cases("offensive"), va


def toxicity() -> Split:
    """OLID: targeted insult/threat (TIN) = 1; untargeted profanity and not-offensive = 0.

    OLID is inside TweetEval offensive: the tweets of TweetEval's val split are our
    validation fold, so toxicity and offensive never train on each other's validation.
    """
    val_keys = {norm(t) for t, _ in tweeteval("offensive", "val")}
    tr, va = [], []
    for r in olid():
        text = r["tweet"].replace("@USER", "@user")
        ex = Example(text, int(r["subtask_b"] == "TIN"), source="olid")
        (va if norm(text) in val_keys else tr).append(ex)
    # Counter-speech argues against hate; it is not aimed at anyone (issue 11, item 4).
    for text, label, dialogue in dialoconan():
        if label == 0:
            ex = Example(text, 0, source="dialoconan", weight=COUNTER_SPEECH_WEIGHT)
            (va if in_val_fold(dialogue) else tr).append(ex)
    return tr + cases("toxicity", 6.0), va


def hate() -> Split:
    val = tweeteval("hate", "val")
    val_keys = {norm(t) for t, _ in val}
    train = dedupe(tweeteval("hate", "train"), val_keys)
    tr = [Example(t, y, source="tweeteval") for t, y in train]
    va = [Example(t, y, source="tweeteval") for t, y in val]
    for text, label in davidson():
        if label == 0 or in_val_fold(text, 0.15, SEED + 1):
            tr.append(Example(text, int(label == 0), source="davidson", weight=0.5))
    for text, label, group in toxigen():
        ex = Example(text, label, source=f"toxigen-{group}", weight=2.0)
        (va if in_val_fold(text) else tr).append(ex)
    # Counter-speech next to the hate it answers: same topic, opposite stance (issue 11).
    for text, label, dialogue in dialoconan():
        ex = Example(text, label, source="dialoconan", weight=COUNTER_SPEECH_WEIGHT)
        (va if in_val_fold(dialogue) else tr).append(ex)
    return tr + cases("hate"), va


def distress() -> Split:
    tr, va = [], []
    for r in dreaddit():
        ex = Example(r["text"], int(r["label"]), source="dreaddit")
        (va if in_val_fold(r["post_id"]) else tr).append(ex)
    for text, label in tweeteval("emotion", "train"):
        if label != 0:
            tr.append(Example(text, int(label == 3), source="emotion", weight=0.5))
    # GoEmotions' painful comments are not here: as positives they cost Dreaddit's
    # validation macro-F1 0.768 -> 0.709 (2026-12-04), and it stays distress's held-apart set.
    # Comfort written to someone in pain is not the writer's distress (issue 11: "a
    # sympathetic reply read as distress"). Counsellors' answers and the failed ESConv
    # dialogues' supporter turns; not EPITOME's peers, who often share their own pain.
    # Their held-apart fold is not scored here (the validation stays Dreaddit's, comparable
    # with older cards); eval_ood.py scores ESConv's own dev supporter turns instead.
    for key, text, source in _supporters():
        if source != "epitome" and not in_val_fold(key):
            tr.append(Example(text, 0, source=f"comfort-{source}", weight=COMFORT_WEIGHT))
    return tr + _everyday_tweets() + cases("distress"), va


def _everyday_tweets() -> list[Example]:
    """Distress negatives that talk about nothing painful: TweetEval sentiment's neutral
    tweets from upbeat's training half, and a seeded sample of non-offensive tweets.
    Without them every Dreaddit and emotion text is about feelings, so any short plain
    statement ("the bus timetable changes on Monday") sat near the decision point."""
    neutral = [t for t, y in tweeteval("sentiment", "val") if y == 1 and not in_val_fold(t, 0.5)]
    plain = [t for t, y in tweeteval("offensive", "train") if y == 0]
    texts = neutral + _sample(plain, 800, "distress-everyday")
    return [Example(t, 0, source="everyday", weight=0.5) for t in texts]


def _supporters() -> list[tuple[str, str, str]]:
    """(group key, text, source) for replies that support someone (crisis negatives)."""
    out = [(r["sp_id"], r["response_post"], "epitome") for r in epitome("er")]
    out += [(r["questionID"], r["answerText"], "counselchat") for r in counsel_chat()]
    out += [(k, t, "esconv") for k, _, t in esconv_listener_turns()]
    return out


#: Texts that talk about suicide or self-harm are left out of the distress negatives: a
#: stress or sadness post may still disclose risk, and we do not label it "not crisis".
_RISK_WORDS = re.compile(
    r"suicid|kill(ing)? my ?self|end(ing)? (it|my life)|self[- ]?harm|cutting myself"
    r"|want(ed)? to die|wanna die|overdos|take my (own )?life|not be alive|better off dead",
    re.IGNORECASE,
)


def _distress_negatives(val: bool) -> list[Example]:
    """Ordinary first-person distress, none of it from r/SuicideWatch: Dreaddit posts
    (stress, anxiety, PTSD, domestic violence, homelessness subreddits; its own held-apart
    fold) and TweetEval emotion sadness/anger tweets (train split / val split)."""
    out = []
    for r in dreaddit():
        if in_val_fold(r["post_id"]) == val and not _RISK_WORDS.search(r["text"]):
            source = "distress-dreaddit" if r["label"] == "1" else "calm-dreaddit"
            out.append(Example(r["text"], 0, source=source, weight=DISTRESS_WEIGHT))
    for text, label in tweeteval("emotion", "val" if val else "train"):
        if label in (0, 3) and not _RISK_WORDS.search(text):  # anger, sadness
            out.append(Example(text, 0, source="distress-emotion", weight=DISTRESS_WEIGHT))
    return out


def crisis() -> Split:
    """SDCNL r/SuicideWatch posts = 1; supporters, ordinary distress, tweets = 0."""
    tr, va = [], []
    for r in sdcnl():
        if r["is_suicide"] == "1":
            ex = Example(r["full"], 1, source="sdcnl-suicide", weight=1.5)
        else:
            ex = Example(r["full"], 0, source="sdcnl-depression", weight=0.3)
        (va if in_val_fold(r["full"]) else tr).append(ex)
    for key, text, source in _supporters():
        ex = Example(text, 0, source=f"support-{source}")
        (va if in_val_fold(key) else tr).append(ex)
    tr += _distress_negatives(val=False)
    va += _distress_negatives(val=True)
    tweets = [t for t, y in tweeteval("emotion", "train") if y in (1, 2)]
    tweets += [t for t, _ in tweeteval("offensive", "train")]
    tr += [Example(t, 0, source="tweets", weight=0.5) for t in _sample(tweets, 3000, "crisis")]
    return tr + cases("crisis", 6.0), va


def _epitome_split(mechanism: str) -> Split:
    tr, va = [], []
    for r in epitome(mechanism):
        ex = Example(r["response_post"], int(r["level"] != "0"), r["seeker_post"], "epitome")
        (va if in_val_fold(r["sp_id"]) else tr).append(ex)
    return tr, va


def support_er() -> Split:
    tr, va = _epitome_split("er")
    return tr + cases("support_er"), va


def support_ip() -> Split:
    tr, va = _epitome_split("ip")
    return tr + cases("support_ip"), va


def support_ex() -> Split:
    tr, va = _epitome_split("ex")
    return tr + cases("support_ex"), va


#: Supporter strategies of the failed ESConv dialogues that count as support (the EPITOME
#: mechanisms: reacting, interpreting, exploring); "Other" and "Information" count as neither.
COMFORT_STRATEGIES = {
    "Affirmation and Reassurance", "Approval and Reassurance", "Reflection of feelings",
    "Restatement or Paraphrasing", "Restatement", "Self-disclosure", "Providing Suggestions",
    "Direct Guidance", "Questions", "Question",
}


def support() -> Split:
    """A reply that acknowledges, comforts or encourages = 1; the painful post it answers,
    and replies that do none of that, = 0 (issue 11: who comforts whom, not which words).

    Positives: EPITOME responses with any mechanism >= 1, Counsel Chat answers, supporter
    turns of the failed ESConv dialogues tagged with a comforting strategy; each read with
    the post it answers. Negatives: EPITOME responses with no mechanism, RumourEval news
    replies (with their parents), and the painful posts themselves: EPITOME seeker posts and
    Counsel Chat questions read alone and read as if they replied to their own answer, and
    the failed dialogues' seeker turns read with the supporter turn before them.
    Everything is grouped by post / question / dialogue into the validation fold.
    """
    levels: dict[str, list[int]] = {}
    rows = {}
    for mech in ("er", "ip", "ex"):
        for r in epitome(mech):
            key = r["sp_id"] + "|" + r["rp_id"]
            levels.setdefault(key, []).append(int(r["level"]))
            rows[key] = r
    tr, va = [], []

    def put(key: str, ex: Example) -> None:
        (va if in_val_fold(key) else tr).append(ex)

    posts = {}
    for key, r in rows.items():
        put(r["sp_id"], Example(r["response_post"], int(max(levels[key]) > 0), r["seeker_post"],
                                "epitome"))
        posts.setdefault(r["sp_id"], (r["seeker_post"], r["response_post"]))
    for sp_id, (post, reply) in posts.items():
        put(sp_id, Example(post, 0, "", "epitome-post"))
        put(sp_id, Example(post, 0, reply, "epitome-post", 0.5))
    questions = {}
    for r in counsel_chat():
        question = " ".join(x for x in (r["questionTitle"], r["questionText"]) if x).strip()
        if not in_val_fold(r["questionID"]):
            tr.append(Example(r["answerText"], 1, question, "counselchat", 0.3))
        questions.setdefault(r["questionID"], (question, r["answerText"]))
    for qid, (question, answer) in questions.items():
        put(qid, Example(question, 0, "", "counselchat-question"))
        put(qid, Example(question, 0, answer, "counselchat-question", 0.5))
    for key, turns in esconv_failed_dialogs():
        for i, (speaker, strategy, text) in enumerate(turns):
            before = turns[i - 1][2] if i else ""
            if len(text) < 25:
                continue
            if speaker == "seeker":
                put(key, Example(text, 0, before, "esconv-failed-seeker"))
            elif strategy in COMFORT_STRATEGIES:
                put(key, Example(text, 1, before, "esconv-failed-supporter"))
    for thread, parent, reply in rumoureval_replies():
        put(thread, Example(reply, 0, parent, "rumoureval"))
    return tr + cases("support"), va


def upbeat() -> Split:
    """Joy/optimism = 1, anger/sadness = 0 (TweetEval emotion); sentiment val positive = 1,
    split into a training half and a validation half."""
    tr = [Example(t, int(y in (1, 2)), source="emotion") for t, y in tweeteval("emotion", "train")]
    va = [Example(t, int(y in (1, 2)), source="emotion") for t, y in tweeteval("emotion", "val")]
    for text, y in tweeteval("sentiment", "val"):
        ex = Example(text, int(y == 2), source="sentiment")
        (va if in_val_fold(text, 0.5) else tr).append(ex)
    tr += _goemotions("train", JOYFUL, PAINFUL)
    va += _goemotions("dev", JOYFUL, PAINFUL)
    # Recovery talk: good news in mental-health words ("90 days sober today and I honestly
    # feel like myself again") = 1, the same scene still hurting = 0; written for model
    # 2026.12.12 as pairs that differ in how the author is now (training/cases); the head
    # learns them, the shipped encoder's fine-tune did not (finetune_encoder.TASK_SKIP).
    recovery = cases("recovery_upbeat", source="recovery-cases")
    return tr + _ironic("upbeat", tr + va) + cases("upbeat") + recovery, va


def _ironic(signal: str, others: list[Example]) -> list[Example]:
    """TweetEval's irony training tweets for ``signal``: the ironic ones = 0 (praise or thanks
    meant as its opposite, "Would like to thank my nephew for giving me his horrible cold
    ... Much appreciated!", is not upbeat), and beside them the non-ironic
    ones labelled as model 2026.12.10 read them (``training/irony_anchors.json``), so that
    irony, not the data set's style, tells them apart. Texts the split already holds are
    left out; the irony validation tweets stay apart (``eval_ood.py`` reads them)."""
    anchors = json.loads(IRONY_ANCHORS.read_text(encoding="utf-8"))
    read_as = set(anchors["read_as"][signal])
    held = {norm(e.text) for e in others}
    out = []
    for i, (text, ironic) in enumerate(tweeteval("irony", "train")):
        if norm(text) not in held:
            label = 0 if ironic else int(i in read_as)
            out.append(Example(text, label, source="irony", weight=IRONY_WEIGHT[signal]))
    return out


def _goemotions(split: str, pos: frozenset[str], neg: frozenset[str]) -> list[Example]:
    """GoEmotions comments of ``split``: ``pos`` without ``neg`` = 1; ``neg`` without
    ``pos``, or neutral only, = 0; mixed comments and other emotions left out."""
    labelled = ((text, goemotions_label(labels, pos, neg)) for text, labels, _ in goemotions(split))
    return [Example(text, y, source="goemotions") for text, y in labelled if y is not None]


SPLITS = {
    "distress": distress,
    "crisis": crisis,
    "toxicity": toxicity,
    "offensive": offensive,
    "hate": hate,
    "support": support,
    "support_er": support_er,
    "support_ip": support_ip,
    "support_ex": support_ex,
    "upbeat": upbeat,
}
