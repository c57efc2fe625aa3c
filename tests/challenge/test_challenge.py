"""The frozen challenge suite of issue 11: its hash, its size, and a floor per phenomenon."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SUITE = HERE / "challenge.jsonl"
ROOT = HERE.parents[1]

#: Accuracy per phenomenon of the model shipped when the suite was frozen, as measured by
#: `training/eval_challenge.py` (minilm4ft-s9-stack-2026.12.3, 2026-12-03, 544 cases,
#: overall 0.654; tests/challenge/results.json). The floor is that minus 0.05: a retrained
#: model must not fall below it; raise MEASURED when a better model ships. Scoring the
#: suite takes about 6 s on 2 cores, so the floor test is in the default run.
#: minilm4ft-s9-stack-2026.12.4 (support head refitted with the painful posts as negatives,
#: overall 0.678): comfort_pair rose 0.523 -> 1.0; sarcasm fell 0.310 -> 0.119 and its
#: MEASURED is lowered to that. Why: its 20 "sarcastic advice under a painful post: not
#: support" cases went from 11 right to 3 (its upbeat cases are unchanged). The old head
#: called 83% of painful posts and 85% of comforting replies support alike (ESConv dev), so
#: its 11 right were luck, not judgement; the new head reads who replies to whom (pair AUC
#: 0.535 -> 0.92) and takes most reply-shaped advice under a painful post for support,
#: sarcastic or not. As negatives, TweetEval's ironic tweets won back none of them and 14
#: hand-written sarcastic replies won back 2 at a cost of 0.03 of that pair AUC, so both
#: were left out. Sarcasm against sincerity stays open (issue 11; docs/models/support.md).
#: minilm4ft-s9-stack-2026.12.5 (hate and toxicity heads refitted with DIALOCONAN's hate
#: speech and the counter-narratives that answer it, overall 0.763): counter_speech 0.310 ->
#: 0.690, negation 0.333 -> 0.690, positive_group 0.643 -> 0.833, aimed_vs_discussed 0.738
#: -> 0.881, death_idioms 0.762 -> 0.833, group_attacks 0.825 -> 0.875 are raised to the new
#: figures. Three fell by one or two cases and keep their old MEASURED (so their floors do
#: not drop): obfuscation 0.810 -> 0.786, reclaimed_terms 0.929 -> 0.905,
#: self_deprecation 0.881 -> 0.833. Then the upbeat head learned from GoEmotions' Reddit
#: comments (overall 0.770): sarcasm 0.119 -> 0.214, raised (its sarcastic-cheer cases are no
#: longer read as upbeat as often); nothing else moved. Then posts read as crisis had upbeat
#: capped (guards.adjust_upbeat; overall 0.781): goodbye_finality 0.595 -> 0.738, raised.
#: Then replies read as toxic had support capped (guards.adjust_support; overall 0.779):
#: comfort_pair 1.0 -> 0.977, one carer's encouragement whose toxicity is misread (0.52);
#: its MEASURED is kept, so its floor does not drop. Then disguised spellings were undone
#: before the encoder reads a text (spelling.Respeller; overall 0.790): obfuscation 0.786 ->
#: 0.929, raised; nothing else moved. Its rules were written after reading these cases, so
#: that figure is optimistic: training/eval_spelling.py measures them on generated
#: disguises of held-apart validation texts instead. minilm4ft-s9-stack-2026.12.7 (masked
#: and dropped letters restored towards spelling.LEXICON; overall 0.790): no case changed
#: against 2026.12.6 scored on the same machine. Against the figures of 2026.12.6 above,
#: computed on a CPU without VNNI, counter_speech 0.690 -> 0.643 and death_idioms 0.833 ->
#: 0.786 (two cases each) and positive_group 0.833 -> 0.810 (one) fell and five others
#: rose by one case: the CPU, not the change (the shipped 8-bit
#: encoder's features depend on it; docs/models, "The figures depend on the CPU"). MEASURED
#: is kept, so no floor drops. minilm4ft-s9-stack-2026.12.8 (every head refitted as five
#: averaged networks, overall 0.803; training/variants/2026-12-04/heads.md): the phenomena
#: move by one to three cases with the heads' seeds alone, so a figure is raised only to the
#: lower of two seed bases (13-17, shipped; 18-22): aimed_vs_discussed 0.881 -> 0.929,
#: goodbye_finality 0.738 -> 0.762, self_deprecation 0.881 -> 0.929, support_vs_crisis 0.875
#: -> 0.900. counter_speech, group_attacks, negation and positive_group fell by one to two
#: cases against 2026.12.7 (0.643, 0.850, 0.643, 0.809) and keep their MEASURED.
#: minilm4ft-s9-stack-2026.12.9 (the same heads; text about abuse capped by
#: signals/mentions.py, written from the kinds issue 11 names, not from these cases;
#: overall 0.809): counter_speech 0.643 -> 0.714, nothing else moved; the heads of the
#: other seed base (18-22) with the rules give 0.714 too, so it is raised.
#: Then figures of speech about death capped offensive, crisis and distress
#: (signals/idioms.py, written from the issue's kinds, not from these cases; overall 0.811):
#: death_idioms 0.833 -> 0.857 (0.905 with the other seed base), raised to 0.857.
#: minilm4ft-s9-stack-2026.12.10 (the same heads; hate capped for personal talk that names no
#: group, signals/targets.py, written from ESConv's and EPITOME's painful posts and the hate of
#: the training sources, not from these cases): counter_speech 0.714 -> 0.762 and
#: reclaimed_terms 0.929 -> 0.976 with both seed bases (13-17 and 18-22), raised; no case lost
#: (a first version that capped every text naming no group lost two group attacks). Then
#: denials of a hostile claim capped toxicity and hate (the "denial" rule of
#: signals/mentions.py, written from DIALOCONAN's training counter-narratives, not from these
#: cases), unless the model reads what else the text says as abuse (two reviews with
#: sentences written to test the rule found it lowering hedged hate: "I don't hate women.
#: They belong in the kitchen."): negation 0.643 -> 0.714 (0.667 -> 0.738 with the other seed
#: base), raised to 0.714. Overall 0.812 -> 0.827.
#: minilm4ft-s9-stack-2026.12.11 (upbeat head refitted with TweetEval irony's training
#: tweets, the ironic ones as negatives; training/variants/2026-12-05): sarcasm 0.214 ->
#: 0.262 (0.190 -> 0.262 with the other seed base), raised; only its upbeat cases moved (its
#: support cases stay 3 of 20, with or without irony in the support head, which was tried
#: and left out). Overall 0.827 -> 0.831.
#: minilm4ft-s9-stack-2026.12.12 (letters written with other characters read as plain
#: letters, signals/letters.py; upbeat learns recovery good news, training/cases): no case
#: moved (obfuscation stays 0.929: none of its cases has a character outside ASCII).
#: minilm4ft-s9-stack-2026.12.13 (death wishes aimed at someone, reported or said to oneself,
#: signals/wishes.py): no case moved.
#: minilm4ft-s9-stack-2026.12.14 ("my suicide prevention training" is not "my suicide"):
#: no case moved.
#: minilm4ft-s9-stack-2026.12.15 (offensive's stacker reads alt-profanity-check's word
#: model): no case moved (the suite expects nothing of offensive). The same input for
#: toxicity would have lost two insults talked about and three self-deprecations
#: (training/variants/2026-12-05m), so toxicity does not read it.
#: minilm4ft-s9-stack-2026.12.16 (a mark of sarcasm after a denial keeps hate and toxicity,
#: signals/mentions.py): no case moved.
#: minilm4ft-s9-stack-2026.12.17 (people named by a mental-health condition name a group,
#: signals/targets.py, written before the review set of training/variants/2026-12-05p and not
#: from these cases): counter_speech 0.762 -> 0.738 (one denial, "stop saying depressed
#: people are just attention seekers. we're not", no longer capped); its MEASURED is kept, so
#: its floor does not drop. Overall 0.831 -> 0.829.
#: A rule capping support for replies that dismiss pain (training/variants/2026-12-05q) was
#: in the model as 2026.12.18 during one stop and taken out before it landed: it cost
#: comfort that uses the same words in other senses. It took sarcasm to 0.286 (one case).
MEASURED = {
    "aimed_vs_discussed": 0.9286,
    "comfort_pair": 1.0,
    "counter_speech": 0.7619,
    "death_idioms": 0.8571,
    "goodbye_finality": 0.7619,
    "group_attacks": 0.875,
    "negation": 0.7143,
    "obfuscation": 0.9286,
    "positive_group": 0.8333,
    "reclaimed_terms": 0.9762,
    "sarcasm": 0.2619,
    "self_deprecation": 0.9286,
    "support_vs_crisis": 0.9,
}
FLOORS = {name: round(acc - 0.05, 3) for name, acc in MEASURED.items()}


def _cases() -> list[dict]:
    return [json.loads(line) for line in SUITE.read_text(encoding="utf-8").splitlines() if line]


def test_suite_is_frozen():
    expected = (HERE / "challenge.sha256").read_text(encoding="utf-8").split()[0]
    actual = hashlib.sha256(SUITE.read_bytes()).hexdigest()
    assert actual == expected, (
        "tests/challenge/challenge.jsonl changed: it is frozen (see tests/challenge/README.md); "
        "change it only in a reviewed commit that says why, with its new hash"
    )


def test_suite_size_and_shape():
    cases = _cases()
    counts = Counter(c["phenomenon"] for c in cases)
    assert len(counts) >= 12
    assert all(n >= 40 for n in counts.values()), counts
    assert set(counts) == set(FLOORS)
    assert len({c["id"] for c in cases}) == len(cases)
    for c in cases:
        assert c["text"].strip() and c["expect"]
        assert all(isinstance(v, bool) for v in c["expect"].values())


def _eval_module():
    spec = importlib.util.spec_from_file_location(
        "eval_challenge", ROOT / "training/eval_challenge.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict:
    ev = _eval_module()
    cases = ev.load(SUITE)
    return ev.evaluate(cases, ev.score(cases))


def test_each_phenomenon_above_its_floor(result):
    below = {
        name: (acc, FLOORS[name]) for name, acc in result["phenomena"].items() if acc < FLOORS[name]
    }
    assert not below, f"phenomena below their floor (accuracy, floor): {below}"


def test_scores_move_only_with_a_new_model_version(result):
    # Stores keep every score under the model version that read it and read a post again
    # only for a new version. A change that moves scores (an artifact re-exported, a rule
    # widened) under the old version leaves old and new readings mixed in a user's store;
    # the offensive word model was once re-exported three times under one version.
    # eval_challenge.py refuses to write results.json over such a move (unless --force).
    from kindscope.signals import MODEL_VERSION

    stored = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
    assert stored["model_version"] == MODEL_VERSION
    ev = _eval_module()
    moved = ev.moved_scores(stored, result)
    assert not moved, (
        f"{len(moved)} scores moved under model {MODEL_VERSION} (case, signal, stored, now; "
        f"first five: {moved[:5]}): bump MODEL_VERSION in kindscope/signals/model.py and "
        "manifest.json, then run training/eval_challenge.py and training/eval_ood.py. Taken "
        f"with {stored.get('environment')}, now {ev.environment()}: if only a dependency "
        "changed, see whether the move is in the model's figures"
    )
