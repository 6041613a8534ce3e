package dev.tollgate.jobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.jobs.runtime.JobLauncher;
import dev.tollgate.jobs.runtime.JobProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;

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

  /** Writes {@code yaml} to {@code configFile} and starts the job with it and {@code args}. */
  public static RunningJob start(JobProfile profile, InMemoryReporter reporter, Path configFile, String yaml,
      String... args) throws Exception {
    Files.writeString(configFile, yaml);
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = configFile.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    JobClient client = JobLauncher.prepare(profile, all).start();
    return new RunningJob(client, new JobMetrics(reporter, client.getJobID()));
  }

  /** The settings every test job shares: a broker, the shipped rules, fast checkpoints. */
  public static String commonYaml(KraftBroker kafka, Path checkpoints) {
    return String.join("\n",
        "kafka.bootstrap-servers: " + kafka.bootstrapServers(),
        "rules.path: " + Path.of("../rules").toAbsolutePath().normalize(),
        "checkpoints:",
        "  dir: " + checkpoints.toUri(),
        "  interval: 500 ms",
        "delivery.transaction-timeout: 1 min",
        "parallelism: 2",
        "");
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
