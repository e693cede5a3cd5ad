"""The store's tables as Spark schemas: each Arrow type of the store's tables as a Spark
type (`spark_type`), and an output table's schema, partitioned tables ending with the month
(`table_schema`)."""

from __future__ import annotations

import pyarrow as pa

from ..errors import ChronicleError, UsageError
from ..store.parquet import MONTH, PARTITIONED, arrow_schemas

try:
    from pyspark.sql import types as T
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise UsageError("the Spark engine needs pyspark: pip install chronicle[spark]") from error


def spark_type(kind: pa.DataType) -> T.DataType:
    """The Spark type of an Arrow type of the store's tables."""
    if pa.types.is_list(kind):
        return T.ArrayType(spark_type(kind.value_type))
    if pa.types.is_struct(kind):
        return T.StructType([T.StructField(kind.field(i).name, spark_type(kind.field(i).type)) for i in range(kind.num_fields)])
    simple = {
        pa.string(): T.StringType(),
        pa.int32(): T.IntegerType(),
        pa.int64(): T.LongType(),
        pa.float64(): T.DoubleType(),
        pa.bool_(): T.BooleanType(),
        pa.date32(): T.DateType(),
        pa.timestamp("us"): T.TimestampNTZType(),
        pa.binary(): T.BinaryType(),
    }
    if kind not in simple:
        raise ChronicleError(f"no Spark type for {kind}")
    return simple[kind]


def spark_schema(schema: pa.Schema) -> T.StructType:
    return T.StructType([T.StructField(f.name, spark_type(f.type)) for f in schema])


def table_schema(table: str) -> T.StructType:
    """An output table's Spark schema; partitioned tables end with the month."""
    schema = spark_schema(arrow_schemas()[table])
    return schema.add(MONTH, T.StringType()) if table in PARTITIONED else schema
