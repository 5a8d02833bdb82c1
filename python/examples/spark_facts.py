"""Facts from news texts on Spark: JSON Lines (id, text) or Parquet in, Parquet out.

    spark-submit python/examples/spark_facts.py --input news.jsonl --output facts.parquet \
        [--master spark://127.0.0.1:7077] [--layers entities,numbers,casualties]

Each Python worker builds one textfacts.Analyzer (unpickled once from the driver's,
then reused by every task and batch the worker runs) and analyses Arrow batches with
``mapInArrow``: texts go in as Arrow, facts come out as Arrow, and no Python dict is
made per document. The output has the input's ``id`` and one ``list<struct>`` column
per layer (the schema of ``textfacts.Analyzer.arrow_schema``).
"""

import argparse
import pickle
import sys


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--input", required=True, help="JSON Lines with id and text, or Parquet")
    p.add_argument("--output", required=True, help="Parquet folder to write (replaced)")
    p.add_argument("--master", default="local[*]", help="Spark master URL (default local[*])")
    p.add_argument("--format", choices=["auto", "json", "parquet"], default="auto")
    p.add_argument("--layers", default=None, help="comma-separated layers (default: all)")
    p.add_argument("--partitions", type=int, default=0, help="repartition the input first (0: as read)")
    p.add_argument("--batch-rows", type=int, default=1000, help="rows per Arrow batch")
    return p.parse_args(argv)


def worker_analyzer(blob):
    """The analyzer pickled as `blob`, unpickled once per Python worker process."""
    import textfacts

    cache = textfacts.__dict__.setdefault("_spark_worker_analyzers", {})
    analyzer = cache.get(blob)
    if analyzer is None:
        analyzer = cache[blob] = pickle.loads(blob)
    return analyzer


def plain(t):
    """Arrow type `t` with dictionary-encoded strings (the layers' kinds and
    outcomes) decoded, for engines that take plain strings only."""
    import pyarrow as pa

    if pa.types.is_dictionary(t):
        return t.value_type
    if pa.types.is_list(t):
        return pa.list_(plain(t.value_type))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, plain(f.type), f.nullable) for f in t])
    return t


def facts_of(blob):
    """The mapInArrow function: id and the layers' columns of each batch."""

    def facts(batches):
        import pyarrow as pa

        analyzer = worker_analyzer(blob)
        schema = analyzer.arrow_schema()
        schema = pa.schema([pa.field(f.name, plain(f.type)) for f in schema])
        for batch in batches:
            out = analyzer.analyze_arrow(batch.column("text"))
            out = pa.Table.from_batches([out]).cast(schema).combine_chunks().to_batches()
            columns = out[0].columns if out else [pa.nulls(0, f.type) for f in schema]
            yield pa.RecordBatch.from_arrays([batch.column("id")] + columns, names=["id"] + schema.names)

    return facts


def run(spark, args, analyzer):
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StringType, StructField, StructType

    fmt = args.format
    if fmt == "auto":
        fmt = "parquet" if args.input.rstrip("/").endswith(".parquet") else "json"
    reader = spark.read
    if fmt == "json":
        reader = reader.schema("id STRING, text STRING")
    df = reader.format(fmt).load(args.input).select(F.col("id").cast("string"), F.col("text"))
    if args.partitions:
        df = df.repartition(args.partitions)
    import pyarrow as pa

    layers = from_arrow_schema(pa.schema([pa.field(f.name, plain(f.type)) for f in analyzer.arrow_schema()]))
    schema = StructType([StructField("id", StringType(), True)] + list(layers.fields))
    out = df.mapInArrow(facts_of(pickle.dumps(analyzer)), schema)
    out.write.mode("overwrite").parquet(args.output)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import textfacts
    from pyspark.sql import SparkSession

    layers = args.layers.split(",") if args.layers else None
    analyzer = textfacts.Analyzer(layers=layers)
    spark = (
        SparkSession.builder.master(args.master)
        .appName("textfacts")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_rows))
        .getOrCreate()
    )
    try:
        run(spark, args, analyzer)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
