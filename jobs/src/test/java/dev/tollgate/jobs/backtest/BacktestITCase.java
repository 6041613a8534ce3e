package dev.tollgate.jobs.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.pipeline.PipelineOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest end to end on the embedded cluster at parallelism 2, with the shipped rule set. */
class BacktestITCase {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  @TempDir static Path dir;
  static RuleSetPlan plan;
  /** The shipped rules and three routes. */
  static RuleSetPlan routedPlan;
  static Path events;
  /** The sample's backtest with the routes, written to {@code dir/sample}; most tests read it. */
  static BacktestReport report;

  @BeforeAll
  static void compileRulesWriteEventsAndRunTheSample() throws Exception {
    Compilation compilation = new RuleSetCompiler().compile(List.of(Path.of("../rules")), Map.of());
    assertThat(compilation.diagnostics().sorted()).isEmpty();
    plan = compilation.plan();
    Path routes = Files.createDirectories(dir.resolve("routes")).resolve("routes.rule");
    Files.writeString(routes, """
        route aml_cases {
          when category == "money_laundering" and severity >= high
          to kafka "cases.aml"
        }
        route fraud_desk {
          when category == "fraud"
          to webhook "https://cases.example.com/alerts" secret env "CASES_SECRET"
        }
        route critical {
          when severity == critical
          to kafka "cases.critical"
        }
        """);
    Compilation routed = new RuleSetCompiler().compile(List.of(Path.of("../rules"), routes), Map.of());
    assertThat(routed.diagnostics().sorted()).isEmpty();
    routedPlan = routed.plan();
    events = dir.resolve("events.jsonl");
    Files.write(events, sampleLines(), StandardCharsets.UTF_8);
    report = Backtest.run(routedPlan, options(dir.resolve("sample")));
  }

  @Test
  void everyInputLineIsProcessedOrRejected() throws Exception {
    assertThat(report.inputLines()).isEqualTo(Files.readAllLines(events).size());
    assertThat(report.processed() + report.rejected()).isEqualTo(report.inputLines());
    assertThat(report.rejectedByReason()).containsEntry("bad_json", 2L).containsEntry("late", 1L)
        .containsEntry("missing_ts", 1L).containsEntry("unknown_event_type", 1L);
    assertThat(Files.readAllLines(dir.resolve("sample/rejected.jsonl"))).hasSize((int) report.rejected());
  }

  @Test
  void firesTheExpectedRulesOnTheSample() throws Exception {
    assertThat(report.alertsPerRule()).containsEntry("aml.structuring", 20L)
        .containsEntry("contraband.embargoed_destination", 20L)
        .containsEntry("fraud.card_testing", 20L);
    assertThat(Files.readString(dir.resolve("sample/summary.json"))).contains("\"alertsPerRule\"");
  }

  @Test
  void theSameInputGivesByteIdenticalOutputAtAnotherParallelism() throws Exception {
    // three readers each decode a stripe of the file instead of two; lateness, alerts and windows
    // must not notice
    Backtest.run(routedPlan, new Backtest.Options(events, "events.jsonl", dir.resolve("second"), 3,
        PipelineOptions.replay(Duration.ofSeconds(5)), null));

    assertThat(Files.readAllBytes(dir.resolve("sample/alerts.jsonl"))).isNotEmpty();
    assertThat(Files.readAllBytes(dir.resolve("sample/aggregates.jsonl"))).isNotEmpty();
    assertThat(Files.readAllBytes(dir.resolve("sample/cases.jsonl"))).isNotEmpty();
    for (String file : List.of("alerts.jsonl", "rejected.jsonl", "aggregates.jsonl", "cases.jsonl",
        "routed/aml_cases.jsonl", "routed/fraud_desk.jsonl", "routed/critical.jsonl")) {
      assertThat(Files.readAllBytes(dir.resolve("second").resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("sample").resolve(file)));
    }
  }

  @Test
  void eachRouteGetsWhatItsConditionTakesInCasesPerEntity() throws Exception {
    Path out = dir.resolve("sample");

    List<String> alerts = Files.readAllLines(out.resolve("alerts.jsonl"));
    List<String> aml = Files.readAllLines(out.resolve("routed/aml_cases.jsonl"));
    List<String> fraud = Files.readAllLines(out.resolve("routed/fraud_desk.jsonl"));
    List<String> critical = Files.readAllLines(out.resolve("routed/critical.jsonl"));
    assertThat(aml).hasSize(count(alerts, a -> member(a, "category").equals("money_laundering")
        && List.of("high", "critical").contains(member(a, "severity")))).isNotEmpty();
    assertThat(fraud).hasSize(count(alerts, a -> member(a, "category").equals("fraud"))).isNotEmpty();
    assertThat(critical).hasSize(count(alerts, a -> member(a, "severity").equals("critical"))).isNotEmpty();
    assertThat(fraud).allSatisfy(line -> assertThat(line).endsWith(",\"route\":\"fraud_desk\"}")
        .contains("\"mode\":\"active\"").containsPattern("\"caseId\":\"[0-9a-f]{32}\""));
    assertThat(alerts).containsAll(aml.stream().map(BacktestITCase::withoutRouting).toList());

    List<String> cases = Files.readAllLines(out.resolve("cases.jsonl"));
    java.util.Set<String> caseIds = new java.util.TreeSet<>();
    for (List<String> route : List.of(aml, fraud, critical)) {
      route.forEach(line -> caseIds.add(member(line, "caseId")));
    }
    assertThat(count(cases, e -> member(e, "type").equals("opened"))).isEqualTo(caseIds.size());
  }

  private static int count(List<String> lines, java.util.function.Predicate<String> test) {
    return (int) lines.stream().filter(test).count();
  }

  /** A string member of a JSON line: {@code "name":"value"}, the first one. */
  private static String member(String json, String name) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    return matcher.find() ? matcher.group(1) : "";
  }

  /** A routed document without the members routing added: the alert as alerts.jsonl has it. */
  private static String withoutRouting(String routed) {
    return routed.replaceAll(",\"caseId\":\"[0-9a-f]+\",\"route\":\"[^\"]+\"}$", "}");
  }

  @Test
  void writesOneRecordPerGroupPerWindowTheInputReachedSortedAndCounted() throws Exception {
    List<String> records = Files.readAllLines(dir.resolve("sample/aggregates.jsonl"));
    // 20 orders of SKU-1 to FR between 00:03 and 01:14: the 00:00 hour is closed, 01:00 is not
    long ordersInFirstHour = sampleLines().stream()
        .filter(line -> line.startsWith("{\"event\":\"Order\""))
        .filter(line -> timestamp(line) < START.plusSeconds(3600).toEpochMilli())
        .count();
    assertThat(records).filteredOn(line -> line.contains("\"demand.hourly_by_sku\"")).containsExactly(
        "{\"aggregate\":\"demand.hourly_by_sku\",\"window_start\":\"2026-03-01T00:00:00Z\","
            + "\"window_end\":\"2026-03-01T01:00:00Z\",\"sku\":\"SKU-1\",\"destinationCountry\":\"FR\","
            + "\"orders\":" + ordersInFirstHour + ",\"units\":" + ordersInFirstHour + ",\"revenue\":"
            + ordersInFirstHour * 20 + ".00}");
    assertThat(records).isSortedAccordingTo(java.util.Comparator.comparing((String line) -> line.substring(
        line.indexOf("\"window_start\""), line.indexOf("\"window_end\""))));
    assertThat(report.aggregateRecords()).isEqualTo(records.size());
    assertThat(report.aggregates().get("demand.hourly_by_sku").top()).singleElement()
        .satisfies(group -> assertThat(group.group()).containsExactly("SKU-1", "FR"));
    assertThat(Files.readString(dir.resolve("sample/summary.json")))
        .contains("\"aggregateRecords\" : " + records.size())
        .contains("\"demand.hourly_by_sku\" : {\n      \"records\" : 1,");
  }

  @Test
  void anOrderTooLateForRulesCountsInAggregatesWithinTheLateness() throws Exception {
    Path late = dir.resolve("late.jsonl");
    long hour = START.toEpochMilli();
    Files.write(late, List.of(
        order("o1", hour + 10 * 60_000),
        order("o2", hour + 50 * 60_000),
        order("late", hour + 40 * 60_000),
        order("o3", hour + 125 * 60_000)), StandardCharsets.UTF_8);

    BacktestReport strict = Backtest.run(plan, new Backtest.Options(late, "late.jsonl", dir.resolve("strict"), 2,
        PipelineOptions.replay(Duration.ofSeconds(5)), null));
    BacktestReport lenient = Backtest.run(plan, new Backtest.Options(late, "late.jsonl", dir.resolve("lenient"), 2,
        PipelineOptions.replay(Duration.ofSeconds(5)).withAggregateLateness(Duration.ofMinutes(15)), null));

    assertThat(strict.rejectedByReason()).containsEntry("late", 1L);
    assertThat(hourlyOrders(dir.resolve("strict"))).isEqualTo("\"orders\":2");
    assertThat(lenient.rejected()).isZero();
    assertThat(lenient.processedForAggregatesOnly()).isEqualTo(1);
    assertThat(lenient.processed()).isEqualTo(lenient.inputLines());
    assertThat(hourlyOrders(dir.resolve("lenient"))).isEqualTo("\"orders\":3");
  }

  private static String hourlyOrders(Path out) throws IOException {
    return Files.readAllLines(out.resolve("aggregates.jsonl")).stream()
        .filter(line -> line.contains("\"demand.hourly_by_sku\"") && line.contains("\"window_start\":\"2026-03-01T00:00:00Z\""))
        .map(line -> line.replaceAll(".*(\"orders\":[0-9]+).*", "$1"))
        .findFirst().orElse("none");
  }

  private static String order(String id, long ts) {
    return String.format("{\"event\":\"Order\",\"id\":\"%s\",\"ts\":%d,\"orderId\":\"O-%s\",\"buyerId\":\"B1\","
        + "\"sku\":\"SKU-1\",\"category\":\"APPAREL\",\"quantity\":1,\"unitPrice\":20.00,\"amount\":20.00,"
        + "\"currency\":\"USD\",\"destinationCountry\":\"FR\",\"channel\":\"WEB\",\"status\":\"PLACED\"}", id, ts, id);
  }

  private static long timestamp(String line) {
    int at = line.indexOf("\"ts\":") + 5;
    int end = at;
    while (Character.isDigit(line.charAt(end))) {
      end++;
    }
    return Long.parseLong(line.substring(at, end));
  }

  private static Backtest.Options options(Path out) {
    return new Backtest.Options(events, "events.jsonl", out, 2, PipelineOptions.replay(Duration.ofSeconds(5)), null);
  }

  /**
   * 20 accounts structuring, 20 embargoed declarations, 20 cards tested, background noise that
   * fires nothing, and one of each kind of bad record.
   */
  private static List<String> sampleLines() {
    List<String> lines = new ArrayList<>();
    long t = START.toEpochMilli();
    for (int i = 0; i < 20; i++) {
      String account = "A" + i;
      for (int d = 0; d < 3; d++) {
        t += 60_000;
        lines.add(String.format("{\"event\":\"Transaction\",\"id\":\"t%d-%d\",\"ts\":%d,\"accountId\":\"%s\",\"direction\":\"IN\","
            + "\"type\":\"CASH_DEPOSIT\",\"amount\":%d.00,\"currency\":\"USD\",\"country\":\"US\",\"channel\":\"BRANCH\"}",
            i, d, t, account, 9000 + 100 * d));
      }
      t += 1_000;
      lines.add(String.format("{\"event\":\"CustomsDeclaration\",\"id\":\"c%d\",\"ts\":%d,\"shipmentId\":\"S%d\","
          + "\"hsCode\":\"851712\",\"description\":\"mobile phones\",\"declaredValue\":1200.00,\"currency\":\"USD\","
          + "\"quantity\":4,\"originCountry\":\"DE\",\"destinationCountry\":\"KP\",\"consignee\":\"K%d\",\"shipper\":\"P%d\","
          + "\"weightKg\":2.5}", i, t, i, i, i));
      for (int p = 0; p < 3; p++) {
        t += 10_000;
        lines.add(String.format("{\"event\":\"Payment\",\"id\":\"p%d-%d\",\"ts\":%d,\"cardId\":\"C%d\",\"accountId\":\"A%d\","
            + "\"merchantId\":\"M1\",\"merchantCountry\":\"US\",\"amount\":1.00,\"currency\":\"USD\",\"status\":\"APPROVED\"}",
            i, p, t, i, i));
      }
      t += 10_000;
      lines.add(String.format("{\"event\":\"Payment\",\"id\":\"p%d-hit\",\"ts\":%d,\"cardId\":\"C%d\",\"accountId\":\"A%d\","
          + "\"merchantId\":\"M2\",\"merchantCountry\":\"BR\",\"amount\":900.00,\"currency\":\"USD\",\"status\":\"APPROVED\"}",
          i, t, i, i));
      t += 1_000;
      lines.add(String.format("{\"event\":\"Order\",\"id\":\"o%d\",\"ts\":%d,\"orderId\":\"O%d\",\"buyerId\":\"B%d\","
          + "\"sku\":\"SKU-1\",\"category\":\"APPAREL\",\"quantity\":1,\"unitPrice\":20.00,\"amount\":20.00,\"currency\":\"USD\","
          + "\"destinationCountry\":\"FR\",\"channel\":\"WEB\",\"status\":\"PLACED\"}", i, t, i, i));
    }
    lines.add("this is not json");
    lines.add("");
    lines.add("{\"event\":\"Smuggling\",\"id\":\"x1\",\"ts\":1}");
    lines.add("{\"event\":\"Payment\",\"id\":\"no-ts\",\"cardId\":\"C1\"}");
    lines.add(String.format("{\"event\":\"Payment\",\"id\":\"too-late\",\"ts\":%d,\"cardId\":\"C9\",\"amount\":3.00}",
        START.toEpochMilli()));
    return lines;
  }
}
