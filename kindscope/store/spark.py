"""The Spark session every ``--engine spark`` command shares (the optional ``spark`` extra).

Settings come from the ordinary Spark configuration and nothing cluster-specific is
written here: ``--master`` (else ``spark.master`` from ``SPARK_CONF_DIR`` /
``spark-defaults.conf`` or ``spark-submit``, else ``local[*]``), ``SPARK_CONF_DIR``,
``SPARK_LOCAL_IP``. Under ``spark-submit`` the session it made is reused as it is. The
only setting kindscope fixes is one results depend on: UTC session time (days and months
are UTC days and months, as on DuckDB); a few defaults (no web UI, 8 shuffle partitions,
Arrow transfers) apply only where the configuration says nothing.
"""

from __future__ import annotations

import os
import sys

from kindscope.errors import InputError

__all__ = ["spark_session", "spark_available", "SPARK_MISSING"]

SPARK_MISSING = ("the Spark engine needs the optional extra: pip install 'kindscope[spark]' "
                 "(and Java 17, e.g. apt-get install openjdk-17-jre-headless)")

#: What the results depend on; everything else is the user's Spark configuration.
_FIXED = {
    "spark.sql.session.timeZone": "UTC",
}
#: Defaults that only apply when the user's configuration says nothing.
_DEFAULTS = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "8",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
}


def spark_available() -> bool:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return True


def _local(master: str | None, conf) -> bool:
    """Whether the session will run on this machine (given, configured or the default)."""
    if master is not None:
        return master.startswith("local")
    return conf.get("spark.master", "local[*]").startswith("local")


def spark_session(master: str | None = None, app: str = "kindscope"):
    """The active Spark session, or a new one (``master`` only when given).

    Spark starts its Python workers with ``python3`` from ``PATH``, which need not be the
    environment kindscope is installed in: on a local master, unless ``PYSPARK_PYTHON`` or
    ``spark.pyspark.python`` says otherwise, the workers run this interpreter. On a cluster
    the configuration names it (docs/scale.md).
    """
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError:
        raise InputError(SPARK_MISSING, "--engine spark") from None
    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        for key, value in _FIXED.items():
            active.conf.set(key, value)
        return active
    conf = SparkConf()  # reads spark-defaults.conf under SPARK_CONF_DIR / spark-submit
    if (_local(master, conf) and "PYSPARK_PYTHON" not in os.environ
            and not conf.contains("spark.pyspark.python")):
        os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    elif not conf.contains("spark.master"):
        builder = builder.master("local[*]")
    for key, value in _DEFAULTS.items():
        if not conf.contains(key):
            builder = builder.config(key, value)
    for key, value in _FIXED.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # no Java, a master that cannot be reached
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"cannot start Spark: {first[:200]}", "--engine spark") from exc
    session.sparkContext.setLogLevel("ERROR")
    return session
