"""Write alt-profanity-check's word model to kindscope/signals/artifacts/profanity.npz.

    .venv/bin/python training/export_profanity.py [--out DIR]
    .venv/bin/python training/export_profanity.py --show WORD [WORD ...]

Needs the ``train`` extra (alt-profanity-check 1.9.1 and the scikit-learn it was saved
with). The positive weights of words that name who someone is (``NEUTRAL``) are set to 0
first.
Users never load scikit-learn: ``kindscope.signals.profanity`` reads the same weights
in numpy. With the weights go reference texts and the probabilities scikit-learn gives
them (``ref_texts``, ``ref_proba``), which ``tests/signals/test_profanity.py`` holds the numpy
reading to, and the package's licence (``profanity_LICENSE.txt``). ``--show`` prints the
mean weight of each word over the package's five SVMs, as its authors shipped them (the
figures the model card and ``NEUTRAL``'s comment quote), and exports nothing.

The reference texts are written here: a few corners of the tokenizer, and seeded strings of
the model's own words mixed with stop words, unknown words, case and punctuation (no data
set's text ships with the package).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from importlib import metadata, resources
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

ARTIFACTS = HERE.parent / "kindscope/signals/artifacts"
SEED = 13
VERSION = "1.9.1"
#: Corners of the tokenizer: empty, only stop words, one-letter words, digits, accents,
#: other scripts, underscores, apostrophes, repeated words, case.
CORNERS = [
    "", "the and of", "a b c d", "I", "2024 2025", "FUCK YOU", "Fuck you fuck YOU",
    "naïve café résumé", "Привет мир идиот", "you_idiot", "don't won't can't",
    "idiot idiot idiot idiot idiot", "you are a worthless idiot", "🙂 ❤️ 💔",
    "what a shit day, lol", "Bless you, friend.", "I'm gay and proud", "gay", "fat fuck",
]


#: Words that name who someone is: orientation and gender identity, gender, race, ethnicity,
#: nationality and religion, disability, mental and physical health, body size, class,
#: family role and age; and words of what someone suffers or survived (pain, shame, abuse,
#: self-harm, death), which people write of themselves. The word model learned many of them
#: from comments where naming a group, or pain, went with abuse ("gay" 2.6, "queer" 2.8,
#: "mental" 1.8, "sick" 2.1, "fat" 2.1, "crazy" 1.2, "mum" 1.6, "misery" 1.8, "die" 2.3 in
#: its mean SVM weights), so "I'm gay and I finally told my family" read as offensive
#: (reviews of model 2026.12.15, training/variants/2026-12-05m).
#: Their positive weights are set to 0 in every SVM: such a word never counts towards
#: offensive. Negative weights stay ("suicidal" -0.97: setting it to 0 would raise the posts
#: of people at risk). The words still count in a text's length, as any word does. Slurs
#: and words used mainly as insults ("psycho", "lunatic", "homo", "stupid", "loser",
#: "freak") are not on the list. Death wishes aimed at someone ("die", "kill yourself") are read by
#: kindscope.signals.wishes, and threats by the other two inputs of the stacker.
#: Written from those categories and the reviews' findings, not from any evaluation set.
NEUTRAL = frozenset("""
gay gays lesbian lesbians bisexual bi queer queers homosexual homosexuals homosexuality
heterosexual straight trans transgender lgbt gender
woman women girl girls female females feminist feminists feminism male males men man boy
boys guy guys lady ladies gentlemen
black blacks white whites asian asians african africans mexican mexicans latino hispanic
hispanics arab arabs indian indians chinese pakistani pakistanis american americans
canadian british english irish scottish german french italian polish russian russians
palestinian israeli israelis indigenous native natives roma foreigners immigrant
immigrants refugee refugees minorities minority turk turks aussie
jew jews jewish muslim muslims islam islamic christian christians christianity catholic
catholics protestant mormon mormons hindu hindus sikh buddhist atheist atheists religion
disabled disability disabilities handicapped autistic autism deaf blind dwarf
mental mentally illness ill sick sickness disorder disorders depressed depression anxiety
bipolar schizophrenia ocd trauma psychiatric psychotic suicidal therapy therapist meds
addict addiction alcoholic sober crazy nuts insane mad cancer aids hiv diabetes
obese overweight fat skinny poor
mum mom moms mommy mother mothers dad daddy father fathers parent parents sister sisters
brother brothers son sons daughter daughters wife wives husband girlfriend boyfriend
grandma grandmother grandfather baby babies kid kids child children
old elderly elders senior young youth teen teens teenager aged
mummy mama girlfriends cousins childrens infant adolescent sexuality sexual bald hairy brits
rabbis dudes bro chick psychiatry
misery miserable ashamed shame shameful worthless useless weakness weak failure failed
frustrated trapped hurt damaged scared sad crying guilty life live
abused abuse abuser abusive raped rape rapes molester pedophile victim survivor
die dying died death dead kill killed killing suicide commit cut cutting bleed blood
rapist penis sex vagina naked dirty ugly disgusting hate hated hates hating bully bullying
shut vent screaming puke vomit horrible worst pain painful nightmare grief funeral graves
closet dog divorce divorced fired homeless
""".split())


def reference_texts(words: list[str], n: int = 400) -> list[str]:
    rng = random.Random(SEED)
    extra = ["the", "you", "is", "not", "zzqx", "a", "I", "!", "...", ",", "@someone", "#tag"]
    out = []
    for _ in range(n):
        picks = rng.sample(words, rng.randint(1, 12)) + rng.sample(extra, rng.randint(0, 4))
        rng.shuffle(picks)
        out.append(" ".join(w.upper() if rng.random() < 0.1 else w for w in picks))
    return CORNERS + out


def load_package():
    """alt-profanity-check's vectorizer and calibrated model, as its authors shipped them."""
    import joblib

    found = metadata.version("alt-profanity-check")
    if found != VERSION:
        raise SystemExit(f"alt-profanity-check {found} installed; this export reads {VERSION}")
    data = resources.files("profanity_check") / "data"
    return joblib.load(data / "vectorizer.joblib"), joblib.load(data / "model.joblib")


def mean_weights(words: list[str]) -> dict[str, float | None]:
    """Each word's weight averaged over the package's five SVMs (None: not in its words)."""
    vectorizer, model = load_package()
    coef = np.mean([f.estimator.coef_[0] for f in model.calibrated_classifiers_], axis=0)
    index = vectorizer.vocabulary_
    return {w: (round(float(coef[index[w]]), 2) if w in index else None) for w in words}


def export(out: Path) -> Path:
    vectorizer, model = load_package()
    words = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    if any("\n" in w for w in words):
        raise SystemExit("a word holds a line break; the export joins words with them")
    fits = model.calibrated_classifiers_
    if model.method != "sigmoid" or any(len(f.calibrators) != 1 for f in fits):
        raise SystemExit("expected binary sigmoid calibration")
    missing = sorted(NEUTRAL - set(words))
    if missing:
        raise SystemExit(f"not in the word model's vocabulary: {missing}")
    neutral = [vectorizer.vocabulary_[w] for w in sorted(NEUTRAL)]
    for fit in fits:  # in memory only: the package's files are not touched
        coef = fit.estimator.coef_
        coef[:, neutral] = np.minimum(coef[:, neutral], 0.0)
    texts = reference_texts(words)
    proba = model.predict_proba(vectorizer.transform(texts))[:, 1]
    path = out / "profanity.npz"
    np.savez_compressed(
        path,
        words=np.array("\n".join(words)),
        idf=vectorizer.idf_.astype(np.float32),
        coef=np.stack([f.estimator.coef_[0] for f in fits]).astype(np.float32),
        intercept=np.array([f.estimator.intercept_[0] for f in fits], dtype=np.float32),
        a=np.array([f.calibrators[0].a_ for f in fits], dtype=np.float64),
        b=np.array([f.calibrators[0].b_ for f in fits], dtype=np.float64),
        neutral=np.array("\n".join(sorted(NEUTRAL))),
        ref_texts=np.array(texts),
        ref_proba=proba.astype(np.float64),
    )
    dist = metadata.distribution("alt-profanity-check")
    licence = next(f for f in dist.files if f.name == "LICENSE")
    (out / "profanity_LICENSE.txt").write_text(
        f"alt-profanity-check {VERSION} (https://github.com/dimitrismistriotis/"
        "alt-profanity-check): its vectorizer and model, as profanity.npz.\n\n"
        + dist.locate_file(licence).read_text(encoding="utf-8"))
    return path


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ARTIFACTS), help="artifact folder")
    parser.add_argument("--show", nargs="+", metavar="WORD",
                        help="print these words' mean weights as shipped; export nothing")
    args = parser.parse_args(argv)
    if args.show:
        print(json.dumps(mean_weights(args.show)))
        return
    path = export(Path(args.out))
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
