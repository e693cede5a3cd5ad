"""Connected components in Spark DataFrames, by iterative min-label propagation.

Every node starts labelled by itself; each round a node takes the smallest label among
its own and its neighbours'; rounds stop when no label changes. The result (each node's
component, named by its smallest node) does not depend on partitioning or input order.
Each round's labels are checkpointed locally, so the plan does not grow with the rounds.
"""

from __future__ import annotations

from pyspark import StorageLevel
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def components(nodes: DataFrame, edges: DataFrame) -> DataFrame:
    """(node, label) for every node of `nodes` (column node) and of `edges` (src, dst)."""
    both = (
        edges.select(F.col("src").alias("a"), F.col("dst").alias("b"))
        .unionByName(edges.select(F.col("dst").alias("a"), F.col("src").alias("b")))
        .where(F.col("a") != F.col("b"))
        .distinct()
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    labels = (
        nodes.select("node").unionByName(both.select(F.col("a").alias("node"))).distinct()
        .withColumn("label", F.col("node"))
        .localCheckpoint()
    )
    while True:
        offers = both.join(labels.withColumnRenamed("node", "a"), "a").select(F.col("b").alias("node"), "label")
        updated = (
            labels.unionByName(offers).groupBy("node").agg(F.min("label").alias("label"))
            .localCheckpoint()
        )
        changed = updated.join(labels.withColumnRenamed("label", "before"), "node").where(F.col("label") != F.col("before")).count()
        labels = updated
        if not changed:
            break
    both.unpersist()
    return labels
