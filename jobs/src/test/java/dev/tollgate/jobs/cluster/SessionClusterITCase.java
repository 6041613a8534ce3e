package dev.tollgate.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.jobs.backtest.Backtest;
import dev.tollgate.jobs.deploy.Deployment;
import dev.tollgate.jobs.deploy.Submission;
import dev.tollgate.jobs.rest.FlinkRestClient;
import dev.tollgate.jobs.stack.Waits;
import dev.tollgate.jobs.testing.JsonEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production path on this machine: a Kafka broker (KRaft) and a standalone Flink session
 * cluster, each a JVM of its own, the shaded job jar submitted through the REST API, alerts read
 * with {@code read_committed}. Logs of every process: {@code jobs/target/cluster-it/logs/}.
 *
 * <p>Run alone: {@code mvn -o -B verify -pl jobs -am -Dit.test=SessionClusterITCase -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SessionClusterITCase {
  private static final Duration RESULTS = Duration.ofMinutes(3);
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  private static final Path RULES = Path.of("src/test/resources/cluster");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ClusterFixture cluster;

  @BeforeAll
  static void startBrokerAndCluster() throws IOException {
    cluster = ClusterFixture.start("cluster-it");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void committedAlertsEqualAFaultFreeBacktestAfterTheTaskManagerIsKilledMidStream() throws Exception {
    cluster.topics.create(2, "fault-events", "fault-alerts", "fault-rejected");
    List<TopicClient.Line> input = trafficWithMalformedLines(2400, 40);
    List<String> expectedAlertIds = backtestAlertIds(input, RULES.resolve("v1"));
    List<String> malformed = input.stream().map(TopicClient.Line::value).filter(v -> !v.startsWith("{")).toList();
    assertThat(expectedAlertIds).hasSizeGreaterThan(50);

    String job = cluster.submitter.submit(submission("fault", RULES.resolve("v1")).prepare());
    FlinkRestClient rest = cluster.flink.rest();
    try {
      rest.awaitJobState(job, ClusterFixture.STARTUP, "RUNNING");
      int half = input.size() / 2;
      cluster.topics.produce("fault-events", input.subList(0, half));
      awaitCompletedCheckpoints(rest, job, 2);

      cluster.replaceTaskManager();
      cluster.topics.produce("fault-events", input.subList(half, input.size()));

      List<String> alerts = cluster.topics.readCommitted("fault-alerts", expectedAlertIds.size(), RESULTS, Duration.ofSeconds(5));
      List<String> rejected = cluster.topics.readCommitted("fault-rejected", malformed.size(), RESULTS, Duration.ofSeconds(1));

      assertThat(rest.checkpoints(job).restored()).as("the job recovered from a checkpoint").isPositive();
      assertThat(alerts.stream().map(a -> field(a, "alertId")).sorted().toList())
          .as("committed alerts: none lost, none duplicated")
          .isEqualTo(expectedAlertIds.stream().sorted().toList());
      assertThat(rejected.stream().map(r -> field(r, "raw")).sorted().toList())
          .as("every malformed record rejected exactly once")
          .isEqualTo(malformed.stream().sorted().toList());
    } finally {
      rest.cancel(job);
      rest.awaitJobState(job, ClusterFixture.STARTUP, "CANCELED");
    }
  }

  @Test
  void anAggregateRulesWindowSurvivesADeployThatChangesAnotherRule() throws Exception {
    cluster.topics.create(2, "deploy-events", "deploy-alerts", "deploy-rejected");
    FlinkRestClient rest = cluster.flink.rest();
    String first = cluster.submitter.submit(submission("deploy", RULES.resolve("v1")).prepare());
    rest.awaitJobState(first, ClusterFixture.STARTUP, "RUNNING");
    cluster.topics.produce("deploy-events", List.of(
        deposit("d1", T, "A", "9000"),
        deposit("d2", T.plusSeconds(3600), "A", "9100"),
        deposit("big", T.plusSeconds(7200), "A", "30000")));
    // The large deposit's alert is committed only after a checkpoint that holds both deposits.
    cluster.topics.readCommitted("deploy-alerts", 1, RESULTS, Duration.ZERO);

    StringWriter report = new StringWriter();
    Deployment.Result deployed = new Deployment(cluster.submitter, new PrintWriter(report))
        .deploy(submission("deploy", RULES.resolve("v2")), null, null);
    try {
      assertThat(deployed.changes().kept()).containsExactly("rule t.structuring");
      assertThat(deployed.changes().changed()).containsExactly("rule t.large_deposit");
      assertThat(rest.job(first).state()).isEqualTo("FINISHED");

      // The later small deposit moves event time past d3: windowed rules evaluate in event-time order.
      cluster.topics.produce("deploy-events", List.of(
          deposit("d3", T.plusSeconds(10_800), "A", "9200"),
          deposit("later", T.plusSeconds(14_400), "A", "100")));
      List<String> alerts = cluster.topics.readCommitted("deploy-alerts", 2, RESULTS, Duration.ofSeconds(2));

      List<String> structuring = alerts.stream().filter(a -> field(a, "ruleId").equals("t.structuring")).toList();
      assertThat(structuring).hasSize(1);
      assertThat(eventIds(structuring.get(0))).as("the window kept d1 and d2 across the deploy")
          .containsExactly("d1", "d2", "d3");
    } finally {
      rest.cancel(deployed.newJob());
      rest.awaitJobState(deployed.newJob(), ClusterFixture.STARTUP, "CANCELED");
    }
  }

  private static Submission submission(String prefix, Path rules) {
    return cluster.riskJob(prefix, rules, "exactly-once");
  }

  /**
   * Cash deposits of {@code accounts} accounts a minute apart, in event-time order (so no event is
   * late on any partition), keyed by account; amounts cycle through near-threshold and large
   * values. Every 400th line is not JSON. A small deposit per account a day later ends the
   * traffic: windowed rules evaluate an event once event time has passed it, which a backtest's
   * end of input does for every event and a live stream only for events that later ones follow.
   */
  private static List<TopicClient.Line> trafficWithMalformedLines(int count, int accounts) {
    String[] amounts = {"9000", "500", "9500", "1200", "25000", "8800", "300"};
    List<TopicClient.Line> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i % 400 == 399) {
        lines.add(new TopicClient.Line("malformed", "not json #" + i));
      } else {
        String account = "ACC-" + (i % accounts);
        lines.add(deposit("t" + i, T.plusSeconds(60L * i), account, amounts[(i / accounts) % amounts.length]));
      }
    }
    for (int a = 0; a < accounts; a++) {
      lines.add(deposit("end" + a, T.plusSeconds(60L * count + 86_400), "ACC-" + a, "1"));
    }
    return lines;
  }

  private static TopicClient.Line deposit(String id, Instant ts, String account, String amount) {
    return new TopicClient.Line(account, JsonEvents.cashDeposit(id, ts, account, amount));
  }

  /** The alert ids a backtest of the same lines produces on the embedded cluster. */
  private static List<String> backtestAlertIds(List<TopicClient.Line> input, Path rules) throws Exception {
    Path dir = cluster.root.resolve("backtest");
    Files.createDirectories(dir);
    Path events = dir.resolve("events.jsonl");
    Files.write(events, input.stream().map(TopicClient.Line::value).toList());
    RuleSetPlan plan = new RuleSetCompiler().compile(List.of(ClusterFixture.SCHEMA, rules), Map.of()).plan();
    Backtest.run(plan, new Backtest.Options(events, "events.jsonl", dir.resolve("out"), 2,
        PipelineOptions.replay(PipelineOptions.DEFAULT_OUT_OF_ORDERNESS), lines -> {}));
    return Files.readAllLines(dir.resolve("out").resolve("alerts.jsonl")).stream()
        .filter(line -> !line.isBlank())
        .map(line -> field(line, "alertId"))
        .toList();
  }

  private static void awaitCompletedCheckpoints(FlinkRestClient rest, String job, int count) {
    assertThat(Waits.until(() -> rest.checkpoints(job).completed() >= count, RESULTS))
        .as("%d checkpoints of job %s completed", count, job).isTrue();
  }

  private static String field(String json, String name) {
    return read(json).path(name).asText();
  }

  private static List<String> eventIds(String alert) {
    List<String> ids = new ArrayList<>();
    read(alert).path("events").forEach(event -> ids.add(event.path("id").asText()));
    return ids;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
