package dev.tollgate.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RuleSelection;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.jobs.backtest.Backtest;
import dev.tollgate.jobs.backtest.BacktestReport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demand aggregation — the aggregates of the shipped rule set, selected as the demand job
 * selects them — over a bounded file of orders through the risk pipeline on the embedded cluster at
 * parallelism 2. The expected window records are computed here independently, order by order.
 */
class DemandAggregationFileITCase {
  private static final long HOUR = 3_600_000;
  private static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
  /** Thirty hours of orders; the last hour is cut short by the end of the input. */
  private static final int HOURS = 30;
  /** In this hour SKU-3 sells 30 extra orders of 3 units: its hourly units jump from 24 to 114. */
  private static final int SPIKE_HOUR = 26;

  @TempDir static Path dir;
  static List<Order> orders;
  static BacktestReport report;
  static List<String> records;
  static List<String> alerts;

  record Order(String id, long ts, String sku, String category, String country, long quantity, String buyer, String status) {
    BigDecimal amount() {
      return new BigDecimal("12.50").multiply(BigDecimal.valueOf(quantity));
    }

    String json() {
      return String.format("{\"event\":\"Order\",\"id\":\"%s\",\"ts\":%d,\"orderId\":\"O-%s\",\"buyerId\":\"%s\","
          + "\"sellerId\":\"S1\",\"sku\":\"%s\",\"category\":\"%s\",\"quantity\":%d,\"unitPrice\":12.50,\"amount\":%s,"
          + "\"currency\":\"EUR\",\"destinationCountry\":\"%s\",\"channel\":\"WEB\",\"status\":\"%s\"}",
          id, ts, id, buyer, sku, category, quantity, amount().toPlainString(), country, status);
    }
  }

  @BeforeAll
  static void runTheAggregatesOverTheOrders() throws Exception {
    orders = generate();
    Path file = dir.resolve("orders.jsonl");
    Files.write(file, orders.stream().map(Order::json).toList(), StandardCharsets.UTF_8);

    Compilation compilation = new RuleSetCompiler().compile(List.of(Path.of("../rules")), Map.of());
    assertThat(compilation.plan()).as("rules/ compiles").isNotNull();
    RuleSetPlan demand = RuleSelection.parse("kind=aggregate").apply(compilation.plan());
    assertThat(demand.rules()).isEmpty();

    report = Backtest.run(demand, new Backtest.Options(file, "orders.jsonl", dir.resolve("out"), 2,
        PipelineOptions.replay(Duration.ofSeconds(5)), null));
    records = Files.readAllLines(dir.resolve("out/aggregates.jsonl"));
    alerts = Files.readAllLines(dir.resolve("out/alerts.jsonl"));
  }

  /**
   * Sixty orders an hour, one a minute: SKU-0..4 in turn, alternating DE and FR, 1 to 3 units,
   * every tenth one cancelled; SKU-0 and SKU-1 are chemicals (a restricted category), the rest
   * apparel. Every hour looks like the one before, except the spike.
   */
  private static List<Order> generate() {
    List<Order> generated = new ArrayList<>();
    for (int h = 0; h < HOURS; h++) {
      for (int i = 0; i < 60; i++) {
        int sku = i % 5;
        generated.add(new Order("o" + h + "-" + i, START + h * HOUR + i * 60_000L + 7_000, "SKU-" + sku,
            sku < 2 ? "CHEMICALS" : "APPAREL", i % 2 == 0 ? "DE" : "FR", 1 + i % 3, "B" + i % 7,
            i % 10 == 9 ? "CANCELLED" : "PLACED"));
      }
    }
    for (int k = 0; k < 30; k++) {
      generated.add(new Order("spike-" + k, START + SPIKE_HOUR * HOUR + k * 90_000L + 30_000, "SKU-3", "APPAREL",
          "DE", 3, "R" + k, "PLACED"));
    }
    generated.sort(Comparator.comparingLong(Order::ts));
    return generated;
  }

  @Test
  void everyOrderIsProcessed() {
    assertThat(report.inputLines()).isEqualTo(orders.size());
    assertThat(report.processed()).isEqualTo(orders.size());
    assertThat(report.rejected()).isZero();
  }

  @Test
  void hourlyRecordsAreExactlyTheClosedHoursPerSkuAndDestination() {
    long lastEvent = orders.get(orders.size() - 1).ts();
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, BigDecimal> revenue = new TreeMap<>();
    for (Order order : orders) {
      long windowStart = order.ts() - order.ts() % HOUR;
      if (!order.status().equals("PLACED") || windowStart + HOUR - 1 > lastEvent) {
        continue;
      }
      String key = Instant.ofEpochMilli(windowStart) + "|" + order.sku() + "|" + order.country();
      long[] c = counts.computeIfAbsent(key, k -> new long[2]);
      c[0]++;
      c[1] += order.quantity();
      revenue.merge(key, order.amount(), BigDecimal::add);
    }
    Set<String> expected = new TreeSet<>();
    counts.forEach((key, c) -> {
      String[] parts = key.split("\\|");
      Instant start = Instant.parse(parts[0]);
      expected.add(String.format("{\"aggregate\":\"demand.hourly_by_sku\",\"window_start\":\"%s\",\"window_end\":\"%s\","
          + "\"sku\":\"%s\",\"destinationCountry\":\"%s\",\"orders\":%d,\"units\":%d,\"revenue\":%s}",
          start, start.plusMillis(HOUR), parts[1], parts[2], c[0], c[1], revenue.get(key).toPlainString()));
    });

    List<String> hourly = records.stream().filter(r -> r.contains("\"demand.hourly_by_sku\"")).toList();
    assertThat(hourly).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    // nine groups an hour: SKU-4 to FR only ever has cancelled orders
    assertThat(expected).hasSize((HOURS - 1) * 9);
  }

  @Test
  void slidingRecordsCoverEveryFiveMinuteSlideOfTheClosedHours() {
    long lastEvent = orders.get(orders.size() - 1).ts();
    long slide = 5 * 60_000;
    Set<String> windows = new TreeSet<>();
    for (Order order : orders) {
      if (!order.status().equals("PLACED")) {
        continue;
      }
      for (long start = order.ts() - order.ts() % slide; start > order.ts() - HOUR; start -= slide) {
        if (start + HOUR - 1 <= lastEvent) {
          windows.add(start + "|" + order.category() + "|" + order.country());
        }
      }
    }

    assertThat(records.stream().filter(r -> r.contains("\"demand.category_sliding\""))).hasSize(windows.size());
  }

  @Test
  void onlyTheInjectedSpikeAlerts() {
    assertThat(report.alertsPerRule()).containsEntry("demand.sku_hourly_spike", 1L)
        .containsEntry("demand.restricted_category_hourly", 0L);
    assertThat(alerts).singleElement().satisfies(alert -> assertThat(alert)
        .contains("\"ruleId\":\"demand.sku_hourly_spike\"")
        .contains("\"key\":{\"sku\":\"SKU-3\"}")
        .contains("\"message\":\"SKU SKU-3: 114 units in 42 orders from 37 buyers in one hour")
        .contains("\"eventTime\":\"2026-03-02T02:59:59.999Z\""));
  }

  @Test
  void theLeadingSkuIsTheOneThatSpiked() {
    BacktestReport.AggregateFigures bySku = report.aggregates().get("demand.sku_hourly_spike");
    assertThat(bySku.records()).isEqualTo(5L * (HOURS - 1));
    assertThat(bySku.groups()).isEqualTo(5);
    assertThat(bySku.top().get(0).group()).containsExactly("SKU-3");
    assertThat(bySku.top().get(0).peakWindowStart()).isEqualTo(START + SPIKE_HOUR * HOUR);
  }
}
