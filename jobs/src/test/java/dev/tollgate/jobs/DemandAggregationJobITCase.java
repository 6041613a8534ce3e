package dev.tollgate.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.jobs.runtime.JobProfile;
import dev.tollgate.jobs.testing.Json;
import dev.tollgate.jobs.testing.JsonEvents;
import dev.tollgate.jobs.testing.KafkaJobTestBed;
import dev.tollgate.jobs.testing.RunningJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demand job end to end: orders on a topic bound to {@code Order}, every aggregate of the
 * shipped rules, window records to the demand topic and a spike alert, at-least-once delivery.
 */
class DemandAggregationJobITCase {
  private static final Instant HOUR_0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final String HOURLY_KEY =
      "{\"aggregate\":\"demand.hourly_by_sku\",\"sku\":\"SKU-1\",\"destinationCountry\":\"DE\"}";

  @RegisterExtension
  static final KafkaJobTestBed BED = new KafkaJobTestBed();

  @Test
  void writesWindowRecordsByGroupAndASpikeAlert() throws Exception {
    BED.kafka().createTopics(2, "orders", "demand", "demand-alerts", "demand-rejected");
    List<String> orders = new ArrayList<>();
    orders.add(JsonEvents.order("o1", HOUR_0.plusSeconds(300), "B1", "SKU-1", "TOYS", 5, "DE"));
    orders.add(JsonEvents.order("o2", HOUR_0.plusSeconds(900), "B2", "SKU-1", "TOYS", 5, "DE"));
    orders.add("{\"id\":\"o-bad\",\"ts\":\"2026-03-01T09:20:00Z\",\"quantity\":\"five\"}");
    orders.add(JsonEvents.order("o3", HOUR_0.plusSeconds(3900), "B1", "SKU-1", "TOYS", 5, "DE"));
    for (int i = 0; i < 6; i++) {
      orders.add(JsonEvents.order("s" + i, HOUR_0.plusSeconds(7500 + 60 * i), "B" + (10 + i), "SKU-1", "TOYS", 10, "DE"));
    }
    orders.add("{not json");
    orders.add(JsonEvents.order("tick", HOUR_0.plusSeconds(12_600), "B9", "SKU-9", "TOYS", 1, "FR"));
    // Partition 1 stays empty: its subtask is declared idle after a second, so event time moves.
    BED.kafka().produce("orders", 0, orders);

    String yaml = String.join("\n",
        "topics:",
        "  typed:",
        "    Order: [orders]",
        "  aggregates: demand",
        "  alerts: demand-alerts",
        "  rejected: demand-rejected",
        "event-time.idleness: 1 s",
        "delivery.guarantee: at-least-once",
        "");
    try (RunningJob job = RunningJob.start(JobProfile.DEMAND, BED, yaml)) {
      List<ConsumerRecord<String, String>> hourly = BED.kafka().readCommitted("demand",
          read -> read.stream().filter(record -> HOURLY_KEY.equals(record.key())).count() >= 3, Duration.ofSeconds(60))
          .stream().filter(record -> HOURLY_KEY.equals(record.key())).toList();
      assertThat(hourly).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(
          hourlyRecord("09:00", "10:00", 2, 10, "100.00"),
          hourlyRecord("10:00", "11:00", 1, 5, "50.00"),
          hourlyRecord("11:00", "12:00", 6, 60, "600.00"));

      List<ConsumerRecord<String, String>> alerts = BED.kafka().readCommitted("demand-alerts",
          read -> !read.isEmpty(), Duration.ofSeconds(30));
      assertThat(alerts).singleElement().satisfies(alert -> {
        assertThat(Json.member(alert.value(), "ruleId")).isEqualTo("demand.sku_hourly_spike");
        assertThat(alert.key()).isEqualTo("{\"sku\":\"SKU-1\"}");
        assertThat(Json.member(alert.value(), "message")).startsWith("SKU SKU-1: 60 units in 6 orders from 6 buyers");
      });

      // Event time is past 12:30 now: an order of 09:10 is late.
      BED.kafka().produce("orders", 0, List.of(JsonEvents.order("late", HOUR_0.plusSeconds(600), "B1", "SKU-1", "TOYS", 1, "DE")));
      List<ConsumerRecord<String, String>> rejected = BED.kafka().readCommitted("demand-rejected",
          read -> read.size() >= 3, Duration.ofSeconds(30));
      assertThat(rejected).extracting(record -> Json.member(record.value(), "reason"))
          .containsExactlyInAnyOrder("wrong_type", "bad_json", "late");
      assertThat(rejected).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("orders/0@2", "orders/0@10", "orders/0@12");

      job.assertEveryRecordAccountedFor(orders.size() + 1, 3);
      assertThat(job.metrics().evaluated("demand.hourly_by_sku")).isEqualTo(orders.size() - 2);
      assertThat(job.metrics().alerts("demand.sku_hourly_spike")).isEqualTo(1);
    }
  }

  private static String hourlyRecord(String start, String end, int orders, int units, String revenue) {
    return "{\"aggregate\":\"demand.hourly_by_sku\",\"window_start\":\"2026-03-01T" + start + ":00Z\","
        + "\"window_end\":\"2026-03-01T" + end + ":00Z\",\"sku\":\"SKU-1\",\"destinationCountry\":\"DE\","
        + "\"orders\":" + orders + ",\"units\":" + units + ",\"revenue\":" + revenue + "}";
  }
}
