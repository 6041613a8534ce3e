package dev.tollgate.jobs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.jobs.config.ConfigValues;
import dev.tollgate.jobs.config.JobArguments;
import dev.tollgate.jobs.config.JobSettings;
import dev.tollgate.jobs.config.SettingsReader;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.junit.jupiter.api.Test;

class JobEnvironmentTest {
  @Test
  void configuresRocksDbAndExactlyOnceCheckpoints() {
    Configuration config = JobEnvironment.configuration(settings(
        "checkpoints.dir=file:///var/lib/tollgate/checkpoints", "checkpoints.interval=30 s", "parallelism=3"));

    assertThat(config.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
    assertThat(config.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
    assertThat(config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    assertThat(config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///var/lib/tollgate/checkpoints");
    assertThat(config.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
        .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    assertThat(config.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(3);
    assertThat(config.get(PipelineOptions.NAME)).isEqualTo("tollgate-risk");
  }

  @Test
  void flushesNetworkBuffersWithinTenMillisecondsSoAlertsDoNotWaitForFullOnes() {
    Configuration config = JobEnvironment.configuration(settings());

    assertThat(config.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(10));
    assertThat(JobEnvironment.configuration(settings("flink.execution.buffer-timeout.interval=100 ms"))
        .get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void passesFlinkKeysThroughAndLeavesTheClusterDefaultsAlone() {
    Configuration config = JobEnvironment.configuration(settings(
        "flink.state.backend.type=hashmap", "flink.execution.checkpointing.timeout=5 min"));

    assertThat(config.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
    assertThat(config.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT)).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isFalse();
    assertThat(config.contains(CoreOptions.DEFAULT_PARALLELISM)).isFalse();
  }

  private static JobSettings settings(String... sets) {
    String[] args = new String[sets.length * 2 + 4];
    args[0] = "--set";
    args[1] = "kafka.bootstrap-servers=b:9092";
    args[2] = "--set";
    args[3] = "rules.path=/rules";
    for (int i = 0; i < sets.length; i++) {
      args[4 + 2 * i] = "--set";
      args[5 + 2 * i] = sets[i];
    }
    ConfigValues values = JobProfile.RISK.layer(null, JobArguments.parse(args).overrides());
    return SettingsReader.read(values);
  }
}
