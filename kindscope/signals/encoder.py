"""The sentence encoder: static-int8 ONNX MiniLM (4 layers), mean-pooled, run by onnxruntime.

Texts are tokenised with the model's own WordPiece tokenizer (``tokenizers``), truncated
to ``MAX_TOKENS`` tokens, sorted by length so that each batch pads little, and encoded.
The encoder returns, per text, the features the heads read and the token ids the
bag-of-wordpieces heads read.

Batches run on several onnxruntime sessions at once, one thread each (two on two cores),
rather than on one session that splits each batch's operators over the cores: at batch 64
the operators are too small to keep two threads busy (BENCHMARKS.md, "Text signals").
A text's features do not depend on the session or its batch-mates (static quantisation).
"""

from __future__ import annotations

import os
import platform
import queue
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["MAX_TOKENS", "Encoder", "Encoded", "usable_cpus"]

#: Texts longer than this many WordPiece tokens (incl. [CLS]/[SEP]) are truncated.
MAX_TOKENS = 128
#: At most this many sessions run batches at once; cores beyond go to their threads.
MAX_SESSIONS = 8


@dataclass(frozen=True)
class Encoded:
    """Encoder output for a list of texts, in input order."""

    features: np.ndarray  # float32 [n, dim]
    token_ids: list[np.ndarray]  # per text, int64 WordPiece ids without [CLS]/[SEP]


def usable_cpus() -> int:
    """CPUs this process may use: its CPU affinity, and a container's CPU quota (cgroup v2
    ``cpu.max`` or v1 ``cpu.cfs_quota_us``) when that is lower; ``os.cpu_count()`` counts
    every CPU of the machine."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    quota = _cgroup_quota()
    return max(1, min(n, quota)) if quota else max(1, n)


def _cgroup_quota(root: Path = Path("/sys/fs/cgroup")) -> int | None:
    """Whole CPUs (rounded up) allowed by the cgroup's quota; None when there is none."""
    try:
        quota, period = (root / "cpu.max").read_text().split()[:2]
    except (OSError, ValueError):
        try:
            quota = (root / "cpu/cpu.cfs_quota_us").read_text().strip()
            period = (root / "cpu/cpu.cfs_period_us").read_text().strip()
        except OSError:
            return None
    if not (quota.isdigit() and period.isdigit()) or int(period) == 0:
        return None  # "max" or -1: no quota
    return max(1, -(-int(quota) // int(period)))


def needs_exact_products() -> bool:
    """Whether onnxruntime must be told to multiply int8 exactly on this CPU.

    On x86 CPUs without AVX512-VNNI its default int8 kernel (vpmaddubsw) saturates pairs
    of uint8 x int8 products at 16 bits, and the encoder's features came out a quarter of
    their size away from those of VNNI and ARM CPUs. ``session.x64quantprecision`` makes
    it exact there, at some speed (BENCHMARKS.md); where VNNI is present the products are
    exact anyway and the setting would only slow them down. The CPU is read the way numpy
    reads it (CPUID), so an emulated CPU is seen as it is emulated; when numpy cannot
    tell, an x86 CPU gets exact products."""
    if platform.machine().lower() not in {"x86_64", "amd64", "i386", "i686", "x86"}:
        return False
    try:
        from numpy._core._multiarray_umath import __cpu_features__ as features
    except ImportError:
        try:
            from numpy.core._multiarray_umath import __cpu_features__ as features
        except ImportError:
            return True
    return not features.get("AVX512VNNI", False)


class Encoder:
    """Tokenise and encode texts. Load once; thread count from ``KINDSCOPE_THREADS``, else
    the CPUs this process may use (``usable_cpus``)."""

    def __init__(self, artifact_dir: Path, threads: int | None = None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        ort.disable_telemetry_events()  # with ORT_DISABLE_TELEMETRY (kindscope/signals)

        self.tokenizer = Tokenizer.from_file(str(artifact_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        n = threads or _threads_setting() or usable_cpus()
        count = max(1, min(n, MAX_SESSIONS))
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, n // count)
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if needs_exact_products():
            opts.add_session_config_entry("session.x64quantprecision", "1")
        path = str(artifact_dir / "encoder.onnx")

        def load(_):
            return ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])

        with ThreadPoolExecutor(count) as pool:
            self.sessions = list(pool.map(load, range(count)))
        self.dim = self.sessions[0].get_outputs()[0].shape[1]

    def tokenize(self, texts: list[str]) -> list[np.ndarray]:
        """WordPiece ids per text, with [CLS] and [SEP], truncated to MAX_TOKENS."""
        encs = self.tokenizer.encode_batch([t or "" for t in texts])
        return [np.asarray(e.ids, dtype=np.int64) for e in encs]

    def encode(self, texts: list[str], batch_size: int = 64) -> Encoded:
        """Encode texts (any order of lengths) into features and token ids."""
        ids = self.tokenize(texts)
        features = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = np.argsort([len(x) for x in ids], kind="stable")
        chunks = [order[s : s + batch_size] for s in range(0, len(order), batch_size)]

        free: queue.SimpleQueue = queue.SimpleQueue()
        for session in self.sessions:
            free.put(session)
        # set by the first batch that fails (or by Ctrl-C): every batch not yet started
        # returns at once, however the threads are scheduled
        stop = threading.Event()

        def work(chunk: np.ndarray) -> None:
            if stop.is_set():
                return
            session = free.get()  # as many workers as sessions: never waits
            try:
                features[chunk] = self._run(session, [ids[i] for i in chunk])
            except BaseException:
                stop.set()
                raise
            finally:
                free.put(session)

        if len(chunks) <= 1 or len(self.sessions) == 1:
            for chunk in chunks:
                work(chunk)
        else:
            pool = ThreadPoolExecutor(len(self.sessions))
            try:
                for _ in pool.map(work, chunks):
                    pass
            except BaseException:  # an error or Ctrl-C: drop the batches not yet started
                stop.set()
                pool.shutdown(wait=True, cancel_futures=True)
                raise
            pool.shutdown(wait=True)
        return Encoded(features=features, token_ids=[x[1:-1] for x in ids])

    @staticmethod
    def _run(session, batch: list[np.ndarray]) -> np.ndarray:
        width = max(len(x) for x in batch)
        input_ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, x in enumerate(batch):
            input_ids[row, : len(x)] = x
            mask[row, : len(x)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask}
        return session.run(None, feeds)[0]


def _threads_setting() -> int:
    """``KINDSCOPE_THREADS`` (0: every usable core). A bad value is refused in one line by
    every command that checks the environment first; ``check``, which must never be kept
    from its help lines, and library callers use every core instead of crashing."""
    from kindscope import settings
    from kindscope.errors import SettingError

    try:
        return int(settings.get("threads"))
    except SettingError:
        return 0
