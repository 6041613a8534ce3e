package dev.tollgate.jobs.runtime;

import dev.tollgate.jobs.config.JobSettings;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Flink configuration a job runs with: the {@code flink.*} pass-through keys (which carry the
 * defaults {@code state.backend.type: rocksdb}, incremental checkpoints, checkpoints retained on
 * cancellation), then what the job's own keys say — name, parallelism, and exactly-once
 * checkpoints at the configured interval into the configured storage. Flink 2 takes the state
 * backend from configuration only; there is no {@code setStateBackend}.
 */
public final class JobEnvironment {
  private JobEnvironment() {}

  public static Configuration configuration(JobSettings settings) {
    Configuration config = Configuration.fromMap(settings.flink());
    config.set(PipelineOptions.NAME, settings.jobName());
    config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpoints().interval());
    config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    if (settings.checkpoints().dir() != null) {
      config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpoints().dir());
    }
    settings.parallelism().ifPresent(parallelism -> config.set(CoreOptions.DEFAULT_PARALLELISM, parallelism));
    return config;
  }

  /** The environment {@code main} runs in (a cluster's, or a test's MiniCluster), configured. */
  public static StreamExecutionEnvironment create(JobSettings settings) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(settings));
    settings.parallelism().ifPresent(env::setParallelism);
    return env;
  }
}
