package dev.tollgate.jobs.cluster;

import dev.tollgate.jobs.deploy.ClusterSubmitter;
import dev.tollgate.jobs.deploy.JobKind;
import dev.tollgate.jobs.deploy.Submission;
import dev.tollgate.jobs.stack.BuildClasspaths;
import dev.tollgate.jobs.stack.FlinkSessionCluster;
import dev.tollgate.jobs.stack.JvmProcess;
import dev.tollgate.jobs.stack.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A Kafka broker and a Flink session cluster with one TaskManager, each a JVM of its own on
 * loopback with free ports, under {@code jobs/target/<name>/} (logs in {@code logs/}); and the
 * risk job's submission to it.
 */
final class ClusterFixture implements AutoCloseable {
  static final Duration STARTUP = Duration.ofMinutes(3);
  static final Path SCHEMA = Path.of("../rules/schema");

  final Path root;
  final KafkaBroker broker;
  final FlinkSessionCluster flink;
  final TopicClient topics;
  final ClusterSubmitter submitter;
  private JvmProcess taskManager;

  private ClusterFixture(Path root, KafkaBroker broker, FlinkSessionCluster flink, JvmProcess taskManager,
      BuildClasspaths classpaths) {
    this.root = root;
    this.broker = broker;
    this.flink = flink;
    this.taskManager = taskManager;
    this.topics = new TopicClient(broker.bootstrapServers());
    this.submitter = new ClusterSubmitter(flink.rest(), classpaths.jobJar());
  }

  static ClusterFixture start(String name) throws IOException {
    BuildClasspaths classpaths = BuildClasspaths.located();
    Path root = Path.of("target", name).toAbsolutePath();
    deleteTree(root);
    KafkaBroker broker = KafkaBroker.start(classpaths.kafkaBroker(), root.resolve("kafka"), root.resolve("logs"),
        KafkaBroker.Ports.free(), STARTUP);
    FlinkSessionCluster flink = null;
    try {
      flink = FlinkSessionCluster.start(classpaths.flink(), root.resolve("flink"), root.resolve("logs"),
          FlinkSessionCluster.Ports.free(), Map.of(), STARTUP);
      ClusterFixture fixture = new ClusterFixture(root, broker, flink, flink.startTaskManager(STARTUP), classpaths);
      // A test JVM that is killed still stops the processes it started.
      Runtime.getRuntime().addShutdownHook(new Thread(fixture::close));
      return fixture;
    } catch (RuntimeException e) {
      if (flink != null) {
        flink.close();
      }
      broker.close();
      throw e;
    }
  }

  /** SIGKILL to the TaskManager, as when its machine fails, then a new one in its place. */
  void replaceTaskManager() {
    flink.killTaskManager(taskManager);
    taskManager = flink.startTaskManager(STARTUP);
  }

  /**
   * The risk job over the topics {@code <prefix>-events}, {@code -alerts} and {@code -rejected},
   * from the earliest offsets, checkpointing every second so results commit quickly.
   */
  Submission riskJob(String prefix, Path rules, String delivery) {
    return riskJob(prefix, rules, delivery, "1 s");
  }

  /** @param checkpointInterval e.g. {@code 1 s}; with exactly-once, how long alerts wait to be visible */
  Submission riskJob(String prefix, Path rules, String delivery, String checkpointInterval) {
    List<String> sets = new ArrayList<>(List.of(
        "job.name=" + prefix + "-risk",
        "kafka.bootstrap-servers=" + broker.bootstrapServers(),
        "kafka.starting-offsets=earliest",
        "topics.events=" + prefix + "-events",
        "topics.alerts=" + prefix + "-alerts",
        "topics.rejected=" + prefix + "-rejected",
        "delivery.guarantee=" + delivery,
        "checkpoints.interval=" + checkpointInterval,
        "checkpoints.dir=" + root.resolve("flink/checkpoints").toUri()));
    return new Submission(JobKind.RISK, null, List.of(SCHEMA, rules), 2, null, sets);
  }

  @Override
  public synchronized void close() {
    flink.close();
    broker.close();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
