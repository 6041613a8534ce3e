package dev.tollgate.jobs.bench;

import dev.tollgate.engine.pipeline.AdmitEvents;
import dev.tollgate.engine.source.RawRecord;
import dev.tollgate.jobs.EmbeddedCluster;
import java.nio.file.Path;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a case once on a fresh embedded cluster: one source reader per input part, all operators at
 * the same parallelism, heap (and RocksDB state) watched while it runs.
 */
final class RoundRunner {
  private final int parallelism;
  private final Path stateDirectory;

  /** @param stateDirectory where RocksDB cases keep their working files */
  RoundRunner(int parallelism, Path stateDirectory) {
    this.parallelism = parallelism;
    this.stateDirectory = stateDirectory;
  }

  RoundResult run(BenchCase benchCase, BenchInput input) throws Exception {
    Configuration settings = new Configuration();
    if (benchCase.rocksdb()) {
      settings.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
      settings.setString("state.backend.rocksdb.localdir", stateDirectory.toAbsolutePath().toString());
      StateSizeReporter.configure(settings);
    }
    StreamExecutionEnvironment env = EmbeddedCluster.environment(parallelism, settings);
    FileSource<RawRecord> source = FileSource
        .forRecordStreamFormat(new TimedLines(), org.apache.flink.core.fs.Path.fromLocalFile(input.directory().toFile()))
        .build();
    DataStream<RawRecord> lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "events")
        .setParallelism(parallelism);
    benchCase.job().accept(lines);

    RunClock.reset();
    HeapWatch heap = HeapWatch.start();
    StateSizeReporter.Watch state = benchCase.rocksdb() ? StateSizeReporter.Watch.start() : null;
    JobExecutionResult result;
    try {
      result = env.execute("tollgate bench: " + benchCase.name());
    } finally {
      heap.close();
      if (state != null) {
        state.close();
      }
    }
    long stateBytes = state == null ? 0 : state.peakBytes();
    long elapsed = RunClock.elapsedNanos();
    if (elapsed <= 0) {
      throw new IllegalStateException(benchCase.name() + ": the run read nothing or never finished its outputs");
    }
    Long admitted = result.getAccumulatorResult(AdmitEvents.ADMITTED_COUNTER);
    long lineCount = RunClock.lines();
    if (lineCount != input.lines()) {
      throw new IllegalStateException(benchCase.name() + ": read " + lineCount + " lines of " + input.lines());
    }
    return new RoundResult(lineCount, admitted == null ? -1 : admitted, RunClock.rejected(), RunClock.alerts(),
        elapsed, RunClock.cpuNanos(), heap.livePeakBytes(), heap.sampledPeakBytes(), stateBytes);
  }
}
