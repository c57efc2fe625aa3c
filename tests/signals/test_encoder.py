"""The encoder runs batches on several sessions at once without changing any feature."""

import numpy as np

from kindscope.signals.encoder import Encoder
from kindscope.signals.model import ARTIFACTS


def test_features_do_not_depend_on_how_many_sessions_run():
    texts = [f"post {i}: " + "so tired of all this " * (i % 23) for i in range(300)]
    one = Encoder(ARTIFACTS, threads=1)
    three = Encoder(ARTIFACTS, threads=3)
    assert len(one.sessions) == 1 and len(three.sessions) == 3
    a = one.encode(texts, batch_size=16)
    b = three.encode(texts, batch_size=16)
    assert a.features.shape == (300, one.dim)
    assert np.array_equal(a.features, b.features)
    assert all(np.array_equal(x, y) for x, y in zip(a.token_ids, b.token_ids, strict=True))
    # In input order: a text encoded alone gives its own row of the batched run (up to
    # float rounding, which moves with the padded width of the batch).
    for i in range(0, 300, 13):
        assert np.allclose(one.encode([texts[i]]).features[0], b.features[i], atol=1e-5), i
