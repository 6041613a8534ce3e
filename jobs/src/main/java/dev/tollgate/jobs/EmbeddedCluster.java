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

  /** As {@link #environment(int)}, with {@code settings} added to the cluster's configuration. */
  public static StreamExecutionEnvironment environment(int parallelism, Configuration settings) {
    Configuration config = new Configuration(settings);
    config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    config.set(RestOptions.BIND_PORT, "0");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
    env.setParallelism(parallelism);
    return env;
  }
}
