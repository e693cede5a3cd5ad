"""Where the Spark runner runs and what it writes to: a Spark session (`session`: a given
master, spark-submit's, or local mode on every core) and the file system of its output
(`HadoopFiles`: `store.parquet.Files` over Hadoop's FileSystem, any path Spark writes)."""

from __future__ import annotations

import os
import sys

from ..errors import ChronicleError, UsageError

try:
    from pyspark.sql import SparkSession
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise UsageError("the Spark engine needs pyspark: pip install chronicle[spark]") from error


def session(master: str | None = None, driver_memory: str = "2g") -> SparkSession:
    """A Spark session: `master` if given; under spark-submit, the one it configured;
    else local mode on every core."""
    builder = SparkSession.builder.appName("chronicle").config("spark.driver.memory", driver_memory)
    if not master and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not launched by spark-submit
        master = "local[*]"
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):  # local workers run this interpreter (and its packages)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        builder.config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.conf.set("spark.sql.shuffle.partitions", str(max(2, 2 * spark.sparkContext.defaultParallelism)))
    return spark


class HadoopFiles:
    """`store.parquet.Files` over Hadoop's FileSystem: any path Spark writes (local, HDFS, S3)."""

    def __init__(self, spark: SparkSession):
        self.jvm = spark.sparkContext._jvm
        self.conf = spark.sparkContext._jsc.hadoopConfiguration()

    def _fs(self, path: str):
        hadoop_path = self.jvm.org.apache.hadoop.fs.Path(path)
        return hadoop_path.getFileSystem(self.conf), hadoop_path

    def qualified(self, path: str) -> str:
        fs, hadoop_path = self._fs(path)
        return fs.makeQualified(hadoop_path).toString()

    def exists(self, path: str) -> bool:
        fs, hadoop_path = self._fs(path)
        return bool(fs.exists(hadoop_path))

    def matches(self, path: str) -> bool:
        """Whether a path (or glob) names anything."""
        fs, hadoop_path = self._fs(path)
        found = fs.globStatus(hadoop_path)
        return found is not None and len(found) > 0

    def list_files(self, path: str) -> list[str]:
        if not self.exists(path):
            return []
        fs, hadoop_path = self._fs(path)
        root = fs.makeQualified(hadoop_path).toString().rstrip("/")
        found, listing = [], fs.listFiles(hadoop_path, True)
        while listing.hasNext():
            found.append(listing.next().getPath().toString()[len(root) + 1 :])
        return sorted(found)

    def list_dirs(self, path: str) -> list[str]:
        if not self.exists(path):
            return []
        fs, hadoop_path = self._fs(path)
        return sorted(status.getPath().toString() for status in fs.listStatus(hadoop_path) if status.isDirectory())

    def move(self, source: str, target: str) -> None:
        fs, target_path = self._fs(target)
        fs.mkdirs(target_path.getParent())
        if not fs.rename(self._fs(source)[1], target_path):
            raise ChronicleError(f"cannot move {source} to {target}")

    def delete(self, path: str) -> None:
        fs, hadoop_path = self._fs(path)
        if fs.exists(hadoop_path):
            fs.delete(hadoop_path, True)

    def write_text(self, path: str, text: str) -> None:
        temporary = f"{path}.tmp"
        fs, hadoop_path = self._fs(temporary)
        stream = fs.create(hadoop_path, True)
        try:
            stream.write(bytearray(text.encode("utf-8")))
        finally:
            stream.close()
        self.delete(path)
        self.move(temporary, path)

    def read_text(self, path: str) -> str:
        fs, hadoop_path = self._fs(path)
        stream = fs.open(hadoop_path)
        try:
            reader = self.jvm.java.io.BufferedReader(self.jvm.java.io.InputStreamReader(stream, "UTF-8"))
            lines = []
            while (line := reader.readLine()) is not None:
                lines.append(line)
            return "\n".join(lines)
        finally:
            stream.close()
