package dev.tollgate.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.jobs.runtime.JobLauncher;
import dev.tollgate.jobs.runtime.JobProfile;
import dev.tollgate.jobs.testing.JobMetrics;
import dev.tollgate.jobs.testing.JsonEvents;
import dev.tollgate.jobs.testing.KraftBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The risk job end to end: a real KRaft broker, the shipped rules, a MiniCluster at parallelism 2. */
class RiskJobITCase {
  private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
  private static final InMemoryReporter REPORTER = InMemoryReporter.create();

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1)
      .setNumberSlotsPerTaskManager(2)
      .setConfiguration(REPORTER.addToConfiguration(new org.apache.flink.configuration.Configuration()))
      .build());

  @TempDir static Path dir;
  static KraftBroker kafka;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = KraftBroker.start(dir.resolve("kafka"));
  }

  @AfterAll
  static void stopBroker() throws Exception {
    kafka.close();
  }

  @Test
  void alertsRejectsAndAccountsForEveryRecordExactlyOnce() throws Exception {
    kafka.createTopics(2, "risk-events", "risk-alerts", "risk-rejected");
    List<String> first = List.of(
        JsonEvents.cashDeposit("t1", T, "A1", "9500.00"),
        JsonEvents.cashDeposit("t2", T.plusSeconds(600), "A1", "9400.00"),
        "this is not json",
        JsonEvents.cashDeposit("t3", T.plusSeconds(1200), "A1", "9300.00"),
        JsonEvents.payment("p1", T.plusSeconds(1300), "C1", "US", "1.00"),
        JsonEvents.payment("p2", T.plusSeconds(1310), "C1", "US", "1.50"),
        JsonEvents.payment("p3", T.plusSeconds(1320), "C1", "US", "0.50"),
        JsonEvents.payment("p4", T.plusSeconds(1330), "C1", "BR", "900.00"),
        "{\"event\":\"Smuggling\",\"id\":\"x1\",\"ts\":1}",
        JsonEvents.cashDeposit("late", T.minusSeconds(3600), "A2", "50.00"),
        JsonEvents.cashDeposit("tick-0", T.plusSeconds(86_400), "A9", "10.00"));
    List<String> second = List.of(
        JsonEvents.declaration(false, "d1", T.plusSeconds(60), "S1", "DE", "KP"),
        "{\"event\":\"Payment\",\"id\":\"no-ts\",\"cardId\":\"C7\"}",
        JsonEvents.cashDeposit("tick-1", T.plusSeconds(86_400), "A8", "10.00"));
    kafka.produce("risk-events", 0, first);
    kafka.produce("risk-events", 1, second);

    JobClient job = JobLauncher.prepare(JobProfile.RISK, "--config", config().toString(),
        "--set", "topics.events=risk-events").start();
    try {
      List<ConsumerRecord<String, String>> alerts = kafka.readCommitted("risk-alerts",
          read -> ruleIds(read).containsAll(Set.of("aml.structuring", "fraud.card_testing",
              "contraband.embargoed_destination")), Duration.ofSeconds(60));
      assertThat(alerts).filteredOn(alert -> alert.value().contains("\"ruleId\":\"aml.structuring\""))
          .singleElement().satisfies(alert -> {
            assertThat(alert.key()).isEqualTo("{\"accountId\":\"A1\"}");
            assertThat(alert.value()).contains("\"events\":[{\"event\":\"Transaction\",\"id\":\"t1\"");
          });
      assertThat(alerts).filteredOn(alert -> alert.value().contains("\"ruleId\":\"fraud.card_testing\""))
          .singleElement().satisfies(alert -> assertThat(alert.key()).isEqualTo("{\"cardId\":\"C1\"}"));
      assertThat(alerts).filteredOn(alert -> alert.value().contains("\"ruleId\":\"contraband.embargoed_destination\""))
          .singleElement().satisfies(alert -> assertThat(alert.key()).isNull());
      assertThat(alerts.stream().map(alert -> alertId(alert.value()))).doesNotHaveDuplicates();

      List<ConsumerRecord<String, String>> rejected = kafka.readCommitted("risk-rejected",
          read -> read.size() >= 4, Duration.ofSeconds(30));
      Map<String, String> rawByOrigin = rejected.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
      assertThat(rawByOrigin).hasSize(4);
      assertThat(rawByOrigin.get("risk-events/0@2")).contains("\"reason\":\"bad_json\"", "\"raw\":\"this is not json\"");
      assertThat(rawByOrigin.get("risk-events/0@8")).contains("\"reason\":\"unknown_event_type\"");
      assertThat(rawByOrigin.get("risk-events/0@9")).contains("\"reason\":\"late\"", "\\\"id\\\":\\\"late\\\"");
      assertThat(rawByOrigin.get("risk-events/1@1")).contains("\"reason\":\"missing_ts\"");

      JobMetrics metrics = new JobMetrics(REPORTER, job.getJobID());
      awaitAccounting(metrics, first.size() + second.size(), 4);
      assertThat(metrics.rejected("late")).isEqualTo(1);
      assertThat(metrics.alerts("aml.structuring")).isEqualTo(1);
      assertThat(metrics.evaluated("aml.structuring")).isGreaterThanOrEqualTo(3);
      assertThat(metrics.evaluated("contraband.embargoed_destination")).isEqualTo(1);
    } finally {
      job.cancel().get();
    }
  }

  private static void awaitAccounting(JobMetrics metrics, long produced, long rejected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (metrics.admitted() + rejected < produced && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(metrics.admitted() + rejected).as("admitted + rejected").isEqualTo(produced);
  }

  private static Path config() throws Exception {
    Path file = dir.resolve("risk.yaml");
    Files.writeString(file, String.join("\n",
        "kafka:",
        "  bootstrap-servers: " + kafka.bootstrapServers(),
        "topics:",
        "  alerts: risk-alerts",
        "  rejected: risk-rejected",
        "rules:",
        "  path: " + Path.of("../rules").toAbsolutePath().normalize(),
        // Every partition carries events, so no subtask has to be declared idle: without idleness,
        // event time waits for both and the results do not depend on which subtask starts first.
        "event-time:",
        "  idleness: 0 s",
        "delivery:",
        "  guarantee: exactly-once",
        "  transaction-timeout: 1 min",
        "checkpoints:",
        "  dir: " + dir.resolve("checkpoints").toUri(),
        "  interval: 500 ms",
        "parallelism: 2",
        ""));
    return file;
  }

  private static Set<String> ruleIds(List<ConsumerRecord<String, String>> alerts) {
    Set<String> ids = new java.util.HashSet<>();
    for (ConsumerRecord<String, String> alert : alerts) {
      String value = alert.value();
      int start = value.indexOf("\"ruleId\":\"") + 10;
      ids.add(value.substring(start, value.indexOf('"', start)));
    }
    return ids;
  }

  private static String alertId(String json) {
    int start = json.indexOf("\"alertId\":\"") + 11;
    return json.substring(start, json.indexOf('"', start));
  }
}
