package dev.tollgate.jobs.bench;

import dev.tollgate.engine.source.RawRecord;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * One thing the benchmark measures: a job over an input, on heap or RocksDB state.
 *
 * @param name short and stable, used by {@code --cases} and in the results
 * @param description what runs, for the table
 * @param input which data set the case reads
 * @param rocksdb whether state lives in RocksDB (and its size is measured)
 * @param job adds the case's operators and sinks to the input lines
 */
record BenchCase(String name, String description, InputKind input, boolean rocksdb, Consumer<DataStream<RawRecord>> job) {

  /** The data set a case reads. */
  sealed interface InputKind permits Traffic, Cards {}

  /** The generated cross-border traffic every comparison case shares. */
  record Traffic() implements InputKind {}

  /** Card authorizations over an exact number of distinct cards. */
  record Cards(long keys) implements InputKind {}
}
