package dev.tollgate.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.jobs.runtime.JobProfile;
import dev.tollgate.jobs.testing.Json;
import dev.tollgate.jobs.testing.JsonEvents;
import dev.tollgate.jobs.testing.KafkaJobTestBed;
import dev.tollgate.jobs.testing.RunningJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipment tracking job end to end: carrier scans and customs declarations on topics bound to
 * their types, the shipment pack, exactly-once alerts read with {@code read_committed}.
 */
class ShipmentTrackingJobITCase {
  private static final Instant T = Instant.parse("2026-03-01T08:00:00Z");
  private static final Instant LATER = T.plusSeconds(3 * 86_400);

  @RegisterExtension
  static final KafkaJobTestBed BED = new KafkaJobTestBed();

  @Test
  void alertsOnStalledImpossibleAndRegressingShipments() throws Exception {
    BED.kafka().createTopics(2, "scans", "declarations", "shipment-alerts", "shipment-rejected");
    List<String> scans0 = List.of(
        JsonEvents.scan("a1", T, "SH1", "DISPATCHED", "CN", 22.5, 114.0, null),
        JsonEvents.scan("a2", T.plusSeconds(3600), "SH2", "DISPATCHED", "DE", 51.3, 12.4, null),
        JsonEvents.scan("a3", T.plusSeconds(5400), "SH2", "IN_TRANSIT", "US", 40.7, -74.0, null),
        JsonEvents.scan("tick-a", LATER, "SH9", "CREATED", "FR", 48.8, 2.3, null));
    List<String> scans1 = List.of(
        JsonEvents.scan("b1", T.plusSeconds(10_800), "SH3", "DELIVERED", "US", 40.7, -74.0, null),
        JsonEvents.scan("b2", T.plusSeconds(14_400), "SH3", "OUT_FOR_DELIVERY", "US", 40.7, -74.0, null),
        "{\"id\":\"bad-scan\",\"ts\":\"yesterday\",\"shipmentId\":\"SH4\"}",
        JsonEvents.scan("tick-b", LATER, "SH8", "CREATED", "FR", 48.8, 2.3, null));
    List<String> declarations0 = List.of(
        JsonEvents.declaration(true, "d1", T.plusSeconds(600), "SH1", "CN", "US"),
        JsonEvents.declaration(true, "tick-c", LATER, "SH7", "CN", "US"));
    List<String> declarations1 = List.of(
        JsonEvents.declaration(true, "d2", T.plusSeconds(1200), "SH2", "DE", "US"),
        "[\"not\", \"an object\"]",
        JsonEvents.declaration(true, "tick-d", LATER, "SH6", "CN", "US"));
    BED.kafka().produce("scans", 0, scans0);
    BED.kafka().produce("scans", 1, scans1);
    BED.kafka().produce("declarations", 0, declarations0);
    BED.kafka().produce("declarations", 1, declarations1);

    String yaml = String.join("\n",
        "topics:",
        "  typed:",
        "    ShipmentScan: scans",
        "    CustomsDeclaration: declarations",
        "  alerts: shipment-alerts",
        "  rejected: shipment-rejected",
        // Every partition carries events: no partition has to be declared idle.
        "event-time.idleness: 0 s",
        "");
    try (RunningJob job = RunningJob.start(JobProfile.SHIPMENT, BED, yaml)) {
      List<ConsumerRecord<String, String>> alerts = BED.kafka().readCommitted("shipment-alerts",
          read -> Json.ruleIds(read).size() >= 3, Duration.ofSeconds(60));
      assertThat(Json.ruleIds(alerts)).containsExactly("shipment.impossible_movement",
          "shipment.stalled_after_dispatch", "shipment.status_after_delivery");
      assertThat(Json.withMember(alerts, "ruleId", "shipment.stalled_after_dispatch")).singleElement()
          .satisfies(alert -> assertThat(alert.key()).isEqualTo("{\"shipmentId\":\"SH1\"}"));
      assertThat(Json.withMember(alerts, "ruleId", "shipment.impossible_movement")).singleElement()
          .satisfies(alert -> assertThat(alert.key()).isEqualTo("{\"shipmentId\":\"SH2\"}"));
      assertThat(Json.withMember(alerts, "ruleId", "shipment.status_after_delivery")).singleElement()
          .satisfies(alert -> assertThat(alert.key()).isEqualTo("{\"shipmentId\":\"SH3\"}"));

      // Event time is three days on now: a scan of the first day is late.
      BED.kafka().produce("scans", 1, List.of(JsonEvents.scan("late", T.plusSeconds(60), "SH5", "CREATED", "US", 40.7, -74.0, null)));
      List<ConsumerRecord<String, String>> rejected = BED.kafka().readCommitted("shipment-rejected",
          read -> read.size() >= 3, Duration.ofSeconds(30));
      assertThat(rejected).extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder("scans/1@2", "scans/1@4", "declarations/1@1");
      assertThat(rejected).extracting(record -> Json.member(record.value(), "reason"))
          .containsExactlyInAnyOrder("wrong_type", "late", "not_an_object");

      job.assertEveryRecordAccountedFor(scans0.size() + scans1.size() + declarations0.size() + declarations1.size() + 1, 3);
      // Five scans were fed to the rule; the two at LATER wait until event time passes them.
      assertThat(job.metrics().evaluated("shipment.impossible_movement")).isEqualTo(5);
      assertThat(job.metrics().alerts("shipment.stalled_after_dispatch")).isEqualTo(1);
    }
  }
}
