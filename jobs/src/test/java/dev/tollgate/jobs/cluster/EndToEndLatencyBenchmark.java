package dev.tollgate.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.jobs.rest.FlinkRestClient;
import dev.tollgate.jobs.stack.Waits;
import dev.tollgate.jobs.testing.JsonEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (never part of {@code mvn verify}; it asserts nothing): event → alert
 * latency through Kafka on the local cluster (broker, JobManager and TaskManager as separate
 * JVMs), the risk job at parallelism 2 with one single-event rule that alerts on every event.
 *
 * <p>Latency is from just before the producer sends an event to when a {@code read_committed}
 * consumer in this JVM receives its alert (one clock), and split at the alert record's Kafka
 * timestamp into the legs into and out of the job. Measured at a fixed rate in both delivery modes
 * (exactly-once with 1 s checkpoints, at-least-once at the job's default of 10 s), then rising rates
 * at-least-once until the job no longer keeps up; every job first runs a while at its rate,
 * unreported.
 * Results go to {@code jobs/target/benchmarks/end-to-end-latency.md}; {@code docs/performance.md}
 * records a run.
 *
 * <p>Run: {@code mvn -o -B verify -pl jobs -am -Dit.test=EndToEndLatencyBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false} (about 6 minutes; a quiet machine gives stable numbers).
 */
class EndToEndLatencyBenchmark {
  private static final int FIXED_RATE = Integer.getInteger("bench.rate", 1_000);
  private static final Duration FIXED_RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
  private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warm-up-seconds", 15));
  private static final String MEASURED = "e";
  private static final int CLUSTER_WARM_UP_RATE = 3_000; // not one of the reported rates: topics are named by rate
  private static final Duration CLUSTER_WARM_UP = Duration.ofSeconds(30);
  private static final int[] RISING_RATES = rates(System.getProperty("bench.rates", "2000,5000,10000,20000,40000,80000"));
  private static final Duration RISING_RUN = Duration.ofSeconds(20);
  private static final long TICK_NANOS = 1_000_000;
  private static final Duration DRAIN = Duration.ofSeconds(10);
  private static final Path RULES = Path.of("src/test/resources/cluster/latency");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Latencies of one run, in milliseconds: end to end, and its two legs split at the alert
   * record's Kafka timestamp (set by the job's producer when the sink sends it; millisecond clock):
   * into the job (event sent → alert handed to the sink's producer) and out of it (→ consumer).
   */
  record Run(String mode, int rate, long sent, long received, Percentiles total, Percentiles in, Percentiles out) {
    boolean keptUp() {
      return received >= sent && total.p99() < 1_000;
    }

    String row() {
      return String.format("| %s | %,d | %,d | %,d | %.1f | %.1f | %.1f | %.0f / %.0f | %.0f / %.0f |",
          mode, rate, sent, received, total.p50(), total.p99(), total.max(), in.p50(), in.p99(), out.p50(), out.p99());
    }
  }

  /** Percentiles of latencies in milliseconds. */
  record Percentiles(double p50, double p99, double max) {
    static Percentiles of(List<Double> millis) {
      double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Percentiles(percentile(sorted, 0.50), percentile(sorted, 0.99),
          sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    }
  }

  /** When an event was sent, on both clocks: nanos for the total, wall millis to meet Kafka's timestamps. */
  record Sent(long nanos, long millis) {}

  /** When its alert arrived, and the alert record's Kafka timestamp. */
  record Received(long nanos, long millis, long recordTimestamp) {}

  @Test
  void measure() throws Exception {
    List<Run> runs = new ArrayList<>();
    String loadBefore = loadAverage();
    try (ClusterFixture cluster = ClusterFixture.start("latency-benchmark")) {
      // A fresh broker, JobManager and TaskManager compile their own hot paths for a minute or so,
      // taking CPU from everything else. Not reported.
      run(cluster, "at-least-once", CLUSTER_WARM_UP_RATE, CLUSTER_WARM_UP);
      runs.add(run(cluster, "at-least-once", FIXED_RATE, FIXED_RUN));
      runs.add(run(cluster, "exactly-once", FIXED_RATE, FIXED_RUN));
      for (int rate : RISING_RATES) {
        Run run = run(cluster, "at-least-once", rate, RISING_RUN);
        runs.add(run);
        if (!run.keptUp()) {
          break;
        }
      }
    }
    StringBuilder report = new StringBuilder()
        .append(String.format("%s, %d cores; load average before %s, after %s%n%n",
            Instant.now(), Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage()))
        .append("| delivery | events/s | sent | alerts | p50 ms | p99 ms | max ms | into job p50 / p99 | out p50 / p99 |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    runs.forEach(run -> report.append(run.row()).append('\n'));
    Path out = Path.of("target", "benchmarks", "end-to-end-latency.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }

  private static Run run(ClusterFixture cluster, String mode, int rate, Duration duration) throws Exception {
    String prefix = "latency-" + mode + "-" + rate;
    cluster.topics.create(2, prefix + "-events", prefix + "-alerts", prefix + "-rejected");
    FlinkRestClient rest = cluster.flink.rest();
    String job = cluster.submitter.submit(cluster.riskJob(prefix, RULES, mode, checkpointInterval(mode)).prepare());
    try {
      rest.awaitJobState(job, ClusterFixture.STARTUP, "RUNNING");
      if (!Waits.until(() -> rest.allTasksRunning(job), ClusterFixture.STARTUP)) {
        throw new IllegalStateException("tasks of job " + job + " not running after " + ClusterFixture.STARTUP);
      }
      Map<String, Sent> sentAt = new ConcurrentHashMap<>();
      Map<String, Received> receivedAt = new ConcurrentHashMap<>();
      AtomicBoolean consuming = new AtomicBoolean(true);
      Thread consumer = new Thread(() -> consume(cluster, prefix + "-alerts", receivedAt, consuming), "alerts");
      consumer.start();
      // Every job loads the engine in a class loader of its own, so its code starts cold however
      // warm the cluster is: the job first runs a while at the rate, not reported.
      produce(cluster, prefix + "-events", "w", rate, WARM_UP, new ConcurrentHashMap<>());
      long sent = produce(cluster, prefix + "-events", MEASURED, rate, duration, sentAt);
      long drainUntil = System.nanoTime() + DRAIN.toNanos();
      while (receivedAt.size() < sent && System.nanoTime() < drainUntil) {
        Thread.sleep(100);
      }
      consuming.set(false);
      consumer.join();
      return summarize(mode, rate, sent, sentAt, receivedAt);
    } finally {
      rest.cancel(job);
      rest.awaitJobState(job, ClusterFixture.STARTUP, "CANCELED");
    }
  }

  /**
   * Exactly-once alerts become visible when a checkpoint commits, so that mode runs with 1 s
   * checkpoints (its latency is about the interval); at-least-once runs with the job's default of
   * 10 s, as deployed: each checkpoint's barrier alignment briefly holds the stream.
   */
  private static String checkpointInterval(String mode) {
    return mode.equals("exactly-once") ? "1 s" : System.getProperty("bench.at-least-once-checkpoints", "10 s");
  }

  /**
   * Sends large deposits at a fixed rate, paced against the clock in one-millisecond ticks (every
   * event due by a tick goes out at it), so the sender sleeps between ticks instead of spinning a
   * core the cluster needs; returns how many it sent.
   */
  private static long produce(
      ClusterFixture cluster, String topic, String idPrefix, int rate, Duration duration, Map<String, Sent> sentAt) {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", cluster.broker.bootstrapServers());
    properties.put("acks", "1");
    properties.put("linger.ms", "0");
    long intervalNanos = 1_000_000_000L / rate;
    long total = rate * duration.toSeconds();
    Instant eventTime = Instant.now();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long wait = start + i * intervalNanos - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(Math.max(wait, TICK_NANOS));
        }
        String id = idPrefix + i;
        String account = "ACC-" + (i % 1_000);
        sentAt.put(id, new Sent(System.nanoTime(), System.currentTimeMillis()));
        producer.send(new ProducerRecord<>(topic, account,
            JsonEvents.cashDeposit(id, eventTime.plusMillis(i * 1_000L / rate), account, "25000")));
      }
      producer.flush();
      return total;
    }
  }

  private static void consume(ClusterFixture cluster, String topic, Map<String, Received> receivedAt, AtomicBoolean running) {
    try (KafkaConsumer<byte[], byte[]> consumer = cluster.topics.committedFromStart(topic, Map.of("fetch.max.wait.ms", "5"))) {
      while (running.get()) {
        consumer.poll(Duration.ofMillis(50)).forEach(record -> {
          Received received = new Received(System.nanoTime(), System.currentTimeMillis(), record.timestamp());
          String id = eventId(new String(record.value(), StandardCharsets.UTF_8));
          if (id.startsWith(MEASURED)) {
            receivedAt.putIfAbsent(id, received);
          }
        });
      }
    }
  }

  private static String eventId(String alert) {
    try {
      JsonNode events = JSON.readTree(alert).path("events");
      return events.get(events.size() - 1).path("id").asText();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Run summarize(String mode, int rate, long sent, Map<String, Sent> sentAt, Map<String, Received> receivedAt) {
    List<Double> total = new ArrayList<>();
    List<Double> in = new ArrayList<>();
    List<Double> out = new ArrayList<>();
    receivedAt.forEach((id, received) -> {
      Sent sentOne = sentAt.get(id);
      total.add((received.nanos() - sentOne.nanos()) / 1e6);
      in.add((double) (received.recordTimestamp() - sentOne.millis()));
      out.add((double) (received.millis() - received.recordTimestamp()));
    });
    return new Run(mode, rate, sent, receivedAt.size(), Percentiles.of(total), Percentiles.of(in), Percentiles.of(out));
  }

  private static int[] rates(String list) {
    return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(rate -> !rate.isEmpty())
        .mapToInt(Integer::parseInt).toArray();
  }

  /** The 1, 5 and 15 minute load averages: the machine may be shared, which the numbers show. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static double percentile(double[] sorted, double fraction) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
  }
}
