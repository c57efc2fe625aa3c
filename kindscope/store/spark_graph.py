"""Follow graphs on Spark: reciprocity, follow-back and communities as engine joins.

For graphs beyond the driver's memory, where igraph's Leiden (``kindscope.graph``) no
longer fits (see docs/scale.md for the measured limit). Every function takes and returns
Spark DataFrames; nothing is collected to the driver.

The community method is **label propagation** (Raghavan, Albert and Kumara 2007) written
as joins and aggregations: every account starts with its own label; in each round it
takes the label carried by most of its neighbours (the collapsed undirected graph, its
own label counting as one vote); ties go to the label with the smallest seeded hash of
(account, label, round), then the smallest label; and in each round only a seeded half of
the accounts move (semi-synchronous), which stops the two-cycle oscillation of
synchronous rounds. A run is deterministic for a seed. It stops when no account would
change its label or after ``max_rounds``. Each round is a join and two shuffles over the
edges. (A first version with one global tie-break order and every account moving each
round let one label flood polblogs: modularity 0.001 against Leiden's 0.43.)

Why label propagation and not MLlib's power iteration clustering (PIC): PIC needs the
number of clusters ``k`` in advance, which a community graph does not tell, and it cuts
by a leading eigenvector, which on follow graphs with hubs splits off a few hubs rather
than communities; label propagation finds the number itself and costs rounds of joins
that Spark does well. Its weakness is known: on weakly separated graphs it can merge
communities that Leiden keeps apart (its quality against Leiden is measured in
``benchmarks/bench_spark_communities.py`` and quoted in docs/scale.md).
"""

from __future__ import annotations

__all__ = ["undirected_edges", "reciprocity", "follow_back", "label_propagation",
           "modularity", "community_ties"]


def _directed(edges, source: str, target: str):
    from pyspark.sql import functions as F

    return (edges.select(F.col(source).alias("src"), F.col(target).alias("dst"))
            .where(F.col("src") != F.col("dst")).distinct())


def undirected_edges(edges, source: str = "source", target: str = "target"):
    """Each tie once in each direction, without self-loops (columns ``src, dst``)."""
    from pyspark.sql import functions as F

    directed = _directed(edges, source, target)
    back = directed.select(F.col("dst").alias("src"), F.col("src").alias("dst"))
    return directed.unionByName(back).distinct()


def reciprocity(edges, source: str = "source", target: str = "target") -> tuple[int, int]:
    """(distinct directed edges, those whose reverse also exists): the share is the
    graph's reciprocity, as ``kindscope.graph.reciprocity.global_reciprocity``."""
    from pyspark.sql import functions as F

    directed = _directed(edges, source, target)
    reverse = directed.select(F.col("dst").alias("src"), F.col("src").alias("dst"),
                              F.lit(1).alias("back"))
    row = (directed.join(reverse, ["src", "dst"], "left")
           .agg(F.count(F.lit(1)).alias("edges"), F.count("back").alias("mutual")).first())
    return int(row["edges"]), int(row["mutual"] or 0)


def follow_back(edges, source: str = "source", target: str = "target"):
    """Per account: ``followers``, ``following``, ``mutual`` (follows it returns) and
    ``follow_back_rate`` (mutual over followers; null without followers)."""
    from pyspark.sql import functions as F

    directed = _directed(edges, source, target)
    reverse = directed.select(F.col("dst").alias("src"), F.col("src").alias("dst"),
                              F.lit(1).alias("back"))
    marked = directed.join(reverse, ["src", "dst"], "left")
    followers = marked.groupBy(F.col("dst").alias("account")).agg(
        F.count(F.lit(1)).alias("followers"), F.count("back").alias("mutual"))
    following = marked.groupBy(F.col("src").alias("account")).agg(
        F.count(F.lit(1)).alias("following"))
    out = followers.join(following, "account", "full").na.fill(0)
    return out.withColumn("follow_back_rate",
                          F.when(F.col("followers") > 0,
                                 F.col("mutual") / F.col("followers")))


def label_propagation(edges, seed: int, max_rounds: int = 20,
                      source: str = "source", target: str = "target"):
    """Communities by label propagation (see the module docstring).

    Parameters
    ----------
    edges : DataFrame of directed ties (``source``, ``target`` columns of one type).
    seed : breaks ties between equally supported labels.
    max_rounds : the most rounds run when labels keep changing.

    Returns
    -------
    DataFrame ``account, community`` (the community is the label it settled on: one of
    its members' ids), one row per account with at least one tie.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    adjacency = undirected_edges(edges, source, target).persist()
    labels = adjacency.select(F.col("src").alias("node")).distinct() \
        .withColumn("label", F.col("node")).localCheckpoint()
    best = Window.partitionBy("node").orderBy(F.desc("votes"), "rank", "label")
    for round_ in range(max_rounds):
        heard = (adjacency.join(labels.withColumnRenamed("node", "dst"), "dst")
                 .select(F.col("src").alias("node"), "label"))
        votes = (heard.unionByName(labels).groupBy("node", "label")
                 .agg(F.count(F.lit(1)).alias("votes"))
                 .withColumn("rank", F.xxhash64("node", "label", F.lit(round_), F.lit(seed))))
        picked = (votes.withColumn("pick", F.row_number().over(best))
                  .where(F.col("pick") == 1).select("node", F.col("label").alias("picked")))
        # half of the accounts (a seeded draw per round) move: no two-cycle oscillation
        moves = F.xxhash64("node", F.lit(round_), F.lit(seed + 1)) % 2 == 0
        step = labels.join(picked, "node").localCheckpoint()
        changed = step.where(F.col("picked") != F.col("label")).limit(1).count()
        new = step.select("node", F.when(moves, F.col("picked")).otherwise(F.col("label"))
                          .alias("label")).localCheckpoint()
        labels = new
        if changed == 0:
            break
    adjacency.unpersist()
    return labels.select(F.col("node").alias("account"), F.col("label").alias("community"))


def modularity(edges, communities, source: str = "source", target: str = "target") -> float:
    """Newman modularity of ``communities`` (``account, community``) on the collapsed
    undirected graph, computed on the engine (as igraph's ``modularity``, unweighted)."""
    from pyspark.sql import functions as F

    adjacency = undirected_edges(edges, source, target)
    member = communities.select(F.col("account").alias("node"), "community")
    ends = (adjacency.join(member.withColumnRenamed("node", "src")
                           .withColumnRenamed("community", "c_src"), "src")
            .join(member.withColumnRenamed("node", "dst")
                  .withColumnRenamed("community", "c_dst"), "dst"))
    arcs = ends.agg(F.count(F.lit(1)).alias("arcs"),
                    F.sum((F.col("c_src") == F.col("c_dst")).cast("long")).alias("inside")
                    ).first()
    total = int(arcs["arcs"])  # 2m: each tie once in each direction
    if total == 0:
        return 0.0
    degree = ends.groupBy("c_src").agg(F.count(F.lit(1)).alias("d"))
    spread = degree.agg(F.sum(F.col("d") * F.col("d")).alias("s")).first()["s"]
    return float(arcs["inside"]) / total - float(spread) / (total * total)


def community_ties(edges, communities, max_in: int = 1, min_size: int = 3,
                   source: str = "source", target: str = "target"):
    """Per community of ``communities`` (``account, community``): ``members``, ``inside``
    (directed ties between two of its members), ``mutual`` (those whose reverse exists)
    and ``isolated``: members with at most ``max_in`` followers inside their own
    community, counted in communities of at least ``min_size`` members (the definition
    of ``kindscope.graph.reciprocity.isolated_members``). One row per community."""
    from pyspark.sql import functions as F

    directed = _directed(edges, source, target)
    reverse = directed.select(F.col("dst").alias("src"), F.col("src").alias("dst"),
                              F.lit(1).alias("back"))
    member = communities.select("account", "community")
    inside = (directed.join(reverse, ["src", "dst"], "left")
              .join(member.toDF("src", "community"), "src")
              .join(member.toDF("dst", "c_dst"), "dst")
              .where(F.col("community") == F.col("c_dst")))
    ties = inside.groupBy("community").agg(F.count(F.lit(1)).alias("inside"),
                                           F.count("back").alias("mutual"))
    followers = inside.groupBy(F.col("dst").alias("account")).agg(
        F.count(F.lit(1)).alias("followers"))
    sizes = member.groupBy("community").agg(F.count(F.lit(1)).alias("members"))
    isolated = (member.join(followers, "account", "left").join(sizes, "community")
                .where((F.coalesce(F.col("followers"), F.lit(0)) <= max_in)
                       & (F.col("members") >= min_size))
                .groupBy("community").agg(F.count(F.lit(1)).alias("isolated")))
    return (sizes.join(ties, "community", "left").join(isolated, "community", "left")
            .na.fill(0, ["inside", "mutual", "isolated"]))
