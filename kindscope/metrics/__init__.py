"""Kindness metrics: pure functions over one person's :class:`Corpus` -> frozen results.

Formulas are in ``docs/metrics.md``. ``load_corpus`` reads the store once;
``compute_metrics`` runs every metric family on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kindscope.metrics.corpus import Availability, Corpus, load_corpus, resolve_me
from kindscope.metrics.engagement import (
    AfterDisclosure,
    KindnessGap,
    after_disclosure,
    kindness_gap,
)
from kindscope.metrics.kindness import (
    KindnessGiven,
    KindnessReceived,
    kindness_given,
    kindness_received,
)
from kindscope.metrics.replies import TimeToReply, VoidRate, time_to_reply, void_rate
from kindscope.metrics.stage import FrontBackStage, front_back_stage
from kindscope.metrics.toxicity import ToxicityReceived, toxicity_received

__all__ = [
    "METRIC_KEYS",
    "Availability",
    "Corpus",
    "Metrics",
    "compute_metrics",
    "load_corpus",
    "resolve_me",
    "void_rate",
    "time_to_reply",
    "kindness_gap",
    "kindness_received",
    "kindness_given",
    "after_disclosure",
    "front_back_stage",
    "toxicity_received",
]

METRIC_KEYS = ("void_rate", "time_to_reply", "kindness_gap", "kindness_received",
               "kindness_given", "after_disclosure", "front_back_stage", "toxicity_received")


@dataclass(frozen=True, slots=True)
class Metrics:
    """Every metric for one person, in report order."""

    void_rate: VoidRate
    time_to_reply: TimeToReply
    kindness_gap: KindnessGap
    kindness_received: KindnessReceived
    kindness_given: KindnessGiven
    after_disclosure: AfterDisclosure
    front_back_stage: FrontBackStage
    toxicity_received: ToxicityReceived


def compute_metrics(corpus: Corpus, thresholds: dict[str, float] | None = None,
                    seed: int = 13) -> Metrics:
    """Run every metric family; ``seed`` drives the bootstrap intervals."""
    return Metrics(
        void_rate=void_rate(corpus, thresholds),
        time_to_reply=time_to_reply(corpus, thresholds),
        kindness_gap=kindness_gap(corpus, thresholds, seed=seed),
        kindness_received=kindness_received(corpus, thresholds),
        kindness_given=kindness_given(corpus, thresholds),
        after_disclosure=after_disclosure(corpus, thresholds, seed=seed),
        front_back_stage=front_back_stage(corpus, thresholds),
        toxicity_received=toxicity_received(corpus, thresholds),
    )
