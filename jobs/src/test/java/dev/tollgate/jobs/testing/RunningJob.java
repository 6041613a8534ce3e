package dev.tollgate.jobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.jobs.runtime.JobLauncher;
import dev.tollgate.jobs.runtime.JobProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.core.execution.JobClient;

/**
 * A Tollgate job started from a config file on the test's MiniCluster, unbounded, cancelled on
 * {@link #close()} — a job over Kafka never finishes by itself.
 */
public final class RunningJob implements AutoCloseable {
  private final JobClient client;
  private final JobMetrics metrics;

  private RunningJob(JobClient client, JobMetrics metrics) {
    this.client = client;
    this.metrics = metrics;
  }

  /**
   * Starts the job with a config file holding what every test job shares — the test bed's broker,
   * the shipped rules, fast checkpoints, parallelism 2 — followed by {@code yaml}.
   */
  public static RunningJob start(JobProfile profile, KafkaJobTestBed bed, String yaml) throws Exception {
    return start(profile, bed, yaml, new Path[0]);
  }

  /** Like {@link #start(JobProfile, KafkaJobTestBed, String)}, with more rule files (routes, ...). */
  public static RunningJob start(JobProfile profile, KafkaJobTestBed bed, String yaml, Path... moreRules)
      throws Exception {
    Path configFile = bed.directory().resolve("job.yaml");
    StringBuilder rules = new StringBuilder(Path.of("../rules").toAbsolutePath().normalize().toString());
    for (Path more : moreRules) {
      rules.append(", ").append(more.toAbsolutePath());
    }
    Files.writeString(configFile, String.join("\n",
        "kafka.bootstrap-servers: " + bed.kafka().bootstrapServers(),
        "rules.path: " + rules,
        "checkpoints:",
        "  dir: " + bed.directory().resolve("checkpoints").toUri(),
        "  interval: 500 ms",
        "delivery.transaction-timeout: 1 min",
        "parallelism: 2",
        yaml));
    JobClient client = JobLauncher.prepare(profile, "--config", configFile.toString()).start();
    return new RunningJob(client, new JobMetrics(bed.reporter(), client.getJobID()));
  }

  public JobMetrics metrics() {
    return metrics;
  }

  /** Waits until every produced record was admitted or rejected, then checks exactly that. */
  public void assertEveryRecordAccountedFor(long produced, long rejected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (metrics.admitted() + rejected < produced && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(metrics.admitted() + rejected).as("admitted + rejected records").isEqualTo(produced);
  }

  @Override
  public void close() throws Exception {
    client.cancel().get();
  }
}
