package dev.tollgate.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.jobs.runtime.JobProfile;
import dev.tollgate.jobs.testing.Json;
import dev.tollgate.jobs.testing.JsonEvents;
import dev.tollgate.jobs.testing.KafkaJobTestBed;
import dev.tollgate.jobs.testing.RunningJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The risk job end to end: a real KRaft broker, the shipped rules plus a Kafka route for money
 * laundering alerts, a MiniCluster at parallelism 2, exactly-once delivery read back with a {@code
 * read_committed} consumer.
 */
class RiskJobITCase {
  private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

  @RegisterExtension
  static final KafkaJobTestBed BED = new KafkaJobTestBed();

  @Test
  void raisesAndRoutesAlertsRejectsBadRecordsAndAccountsForEveryRecord() throws Exception {
    BED.kafka().createTopics(2, "risk-events", "risk-alerts", "risk-rejected", "risk-aml-cases", "risk-cases",
        "risk-shadow");
    Path routes = BED.directory().resolve("routes.rule");
    Files.writeString(routes, String.join("\n",
        "route aml_cases {",
        "  when category == \"money_laundering\"",
        "  to kafka \"risk-aml-cases\"",
        "}",
        ""));
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
        JsonEvents.cashDeposit("tick-0", T.plusSeconds(86_400), "A9", "10.00"));
    List<String> second = List.of(
        JsonEvents.declaration(false, "d1", T.plusSeconds(60), "S1", "DE", "KP"),
        "{\"event\":\"Payment\",\"id\":\"no-ts\",\"cardId\":\"C7\"}",
        JsonEvents.cashDeposit("tick-1", T.plusSeconds(86_400), "A8", "10.00"));
    BED.kafka().produce("risk-events", 0, first);
    BED.kafka().produce("risk-events", 1, second);

    String yaml = String.join("\n",
        "topics:",
        "  events: [risk-events]",
        "  alerts: risk-alerts",
        "  rejected: risk-rejected",
        "  cases: risk-cases",
        "  shadow: risk-shadow",
        // Every partition carries events, so no partition has to be declared idle: event time
        // waits for both, and the results do not depend on which subtask starts reading first.
        "event-time.idleness: 0 s",
        "delivery.guarantee: exactly-once",
        "");
    try (RunningJob job = RunningJob.start(JobProfile.RISK, BED, yaml, routes)) {
      List<ConsumerRecord<String, String>> routed = BED.kafka().readCommitted("risk-aml-cases",
          read -> Json.ruleIds(read).contains("aml.structuring"), Duration.ofSeconds(60));
      assertThat(Json.withMember(routed, "ruleId", "aml.structuring")).hasSize(1);
      ConsumerRecord<String, String> structuring = Json.withMember(routed, "ruleId", "aml.structuring").get(0);
      String caseId = Json.member(structuring.value(), "caseId");
      assertThat(caseId).as("routed alerts carry their case").matches("[0-9a-f]{32}");
      assertThat(structuring.key()).as("keyed by case").isEqualTo(caseId);
      assertThat(structuring.value()).contains("\"events\":[{\"event\":\"Transaction\",\"id\":\"t1\"",
          "\"route\":\"aml_cases\"");
      assertThat(routed).allSatisfy(alert -> assertThat(alert.value()).contains("\"category\":\"money_laundering\""));

      List<ConsumerRecord<String, String>> caseEvents = BED.kafka().readCommitted("risk-cases",
          read -> Json.withMember(read, "caseId", caseId).size() >= 1, Duration.ofSeconds(30));
      assertThat(Json.withMember(caseEvents, "caseId", caseId)).first().satisfies(opened -> {
        assertThat(opened.key()).isEqualTo(caseId);
        assertThat(Json.member(opened.value(), "type")).isEqualTo("opened");
        assertThat(Json.member(opened.value(), "alertId")).isEqualTo(Json.member(structuring.value(), "alertId"));
      });

      List<ConsumerRecord<String, String>> alerts = BED.kafka().readCommitted("risk-alerts",
          read -> Json.ruleIds(read).containsAll(List.of("fraud.card_testing",
              "contraband.embargoed_destination")), Duration.ofSeconds(30));
      assertThat(Json.ruleIds(alerts)).as("routed alerts leave the default topic").doesNotContain("aml.structuring");
      assertThat(Json.withMember(alerts, "ruleId", "fraud.card_testing")).singleElement()
          .satisfies(alert -> assertThat(alert.key()).isEqualTo("{\"cardId\":\"C1\"}"));
      assertThat(Json.withMember(alerts, "ruleId", "contraband.embargoed_destination")).singleElement()
          .satisfies(alert -> assertThat(alert.key()).as("single-event rules have no key").isNull());
      assertThat(alerts.stream().map(alert -> Json.member(alert.value(), "alertId"))).doesNotHaveDuplicates();

      // The card testing alert means event time passed its last payment: an earlier deposit is late.
      String late = JsonEvents.cashDeposit("late", T.plusSeconds(1000), "A2", "50.00");
      BED.kafka().produce("risk-events", 0, List.of(late));

      Map<String, String> rejectedByOrigin = BED.kafka().readCommitted("risk-rejected", read -> read.size() >= 4,
              Duration.ofSeconds(30)).stream()
          .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
      assertThat(rejectedByOrigin).hasSize(4);
      assertThat(rejectedByOrigin.get("risk-events/0@2")).contains("\"reason\":\"bad_json\"", "\"raw\":\"this is not json\"");
      assertThat(rejectedByOrigin.get("risk-events/0@8")).contains("\"reason\":\"unknown_event_type\"");
      assertThat(rejectedByOrigin.get("risk-events/0@10")).contains("\"reason\":\"late\"", "\\\"id\\\":\\\"late\\\"");
      assertThat(rejectedByOrigin.get("risk-events/1@1")).contains("\"reason\":\"missing_ts\"");

      job.assertEveryRecordAccountedFor(first.size() + second.size() + 1, 4);
      assertThat(job.metrics().rejected("late")).isEqualTo(1);
      assertThat(job.metrics().rejected("bad_json")).isEqualTo(1);
      assertThat(job.metrics().alerts("aml.structuring")).isEqualTo(1);
      assertThat(job.metrics().evaluated("aml.structuring")).as("every Transaction admitted").isEqualTo(5);
      assertThat(job.metrics().evaluated("contraband.embargoed_destination")).isEqualTo(1);
      assertThat(job.metrics().alerts("fraud.card_testing")).isEqualTo(1);
      assertThat(job.metrics().jobName()).isEqualTo("tollgate-risk");
    }
  }
}
