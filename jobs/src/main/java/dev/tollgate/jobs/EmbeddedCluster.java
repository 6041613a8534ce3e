package dev.tollgate.jobs;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The embedded Flink cluster the command line runs jobs on: in this JVM, no web UI, heap state
 * (a bounded run needs neither RocksDB's spill to disk nor checkpoints).
 */
public final class EmbeddedCluster {
  private EmbeddedCluster() {}

  public static StreamExecutionEnvironment environment(int parallelism) {
    return environment(parallelism, new Configuration());
  }

  /**
   * The embedded cluster with {@code settings} over the defaults, e.g. {@code state.backend.type:
   * rocksdb} for a run whose state should live in RocksDB.
   */
  public static StreamExecutionEnvironment environment(int parallelism, Configuration settings) {
    Configuration config = new Configuration();
    config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    config.set(RestOptions.BIND_PORT, "0");
    config.addAll(settings);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
    env.setParallelism(parallelism);
    return env;
  }
}
