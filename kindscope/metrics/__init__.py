"""Kindness metrics: functions over one person's read model -> frozen results.

Formulas are in ``docs/metrics.md``. :func:`kindscope.store.read.read_model` decides the
owner, model version, thresholds and seed once; ``compute_metrics`` runs every metric
family on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kindscope.metrics.common import Availability
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
from kindscope.metrics.response import NoResponse, no_response
from kindscope.metrics.stage import FrontBackStage, front_back_stage
from kindscope.metrics.toxicity import ToxicityReceived, toxicity_received
from kindscope.store.read import ReadModel

__all__ = [
    "METRIC_KEYS",
    "Availability",
    "Metrics",
    "compute_metrics",
    "void_rate",
    "time_to_reply",
    "kindness_gap",
    "kindness_received",
    "kindness_given",
    "after_disclosure",
    "front_back_stage",
    "toxicity_received",
    "no_response",
]

METRIC_KEYS = ("void_rate", "time_to_reply", "kindness_gap", "kindness_received",
               "kindness_given", "after_disclosure", "front_back_stage", "toxicity_received",
               "no_response")


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
    no_response: NoResponse


def compute_metrics(rm: ReadModel) -> Metrics:
    """Run every metric family; the read model's seed drives the bootstrap intervals."""
    return Metrics(
        void_rate=void_rate(rm),
        time_to_reply=time_to_reply(rm),
        kindness_gap=kindness_gap(rm),
        kindness_received=kindness_received(rm),
        kindness_given=kindness_given(rm),
        after_disclosure=after_disclosure(rm),
        front_back_stage=front_back_stage(rm),
        toxicity_received=toxicity_received(rm),
        no_response=no_response(rm),
    )
