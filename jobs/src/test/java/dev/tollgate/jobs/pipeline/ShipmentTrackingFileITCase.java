package dev.tollgate.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSelection;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.pipeline.PipelineOptions;
import dev.tollgate.jobs.backtest.Backtest;
import dev.tollgate.jobs.backtest.BacktestReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipment pack, selected as the tracking job selects it, over a bounded file of customs
 * declarations and tracking scans through the risk pipeline on the embedded cluster at parallelism
 * 2. Twelve shipments travel from Shenzhen to Hamburg as they should; eight more each carry one
 * anomaly, and each anomaly raises exactly its rule's alert.
 */
class ShipmentTrackingFileITCase {
  private static final long HOUR = 3_600_000;
  private static final long DAY = 24 * HOUR;
  private static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

  private record Place(String name, String country, double lat, double lon) {}

  private static final Place SHENZHEN = new Place("Shenzhen DC", "CN", 22.5431, 114.0579);
  private static final Place HONG_KONG = new Place("HKG airport", "HK", 22.3080, 113.9185);
  private static final Place BANDAR_ABBAS = new Place("Bandar Abbas", "IR", 27.1832, 56.2666);
  private static final Place FRANKFURT = new Place("FRA airport", "DE", 50.0379, 8.5622);
  private static final Place LOS_ANGELES = new Place("LAX", "US", 33.9416, -118.4085);
  private static final Place HAMBURG = new Place("Hamburg", "DE", 53.5511, 9.9937);

  /** The rule each anomalous shipment must raise. */
  private static final Map<String, String> ANOMALIES = Map.of(
      "SH-STALLED", "shipment.stalled_after_dispatch",
      "SH-LATE", "shipment.eta_missed",
      "SH-HOLD", "shipment.long_customs_hold",
      "SH-REGRESS", "shipment.status_after_delivery",
      "SH-JUMP", "shipment.impossible_movement",
      "SH-ROUTE", "shipment.undeclared_high_risk_routing",
      "SH-NOCLEAR", "shipment.delivered_without_customs_clearance",
      "SH-EXC", "shipment.repeated_exceptions");

  @TempDir static Path dir;
  static RuleSetPlan shipmentPack;
  static BacktestReport report;
  static List<String> alerts;

  /** A shipment's events, built leg by leg; {@code d} is the dispatch time. */
  private static final class Journey {
    final String id;
    final long d;
    final List<String> lines = new ArrayList<>();
    final List<Long> times = new ArrayList<>();
    int scans;

    Journey(String id, long dispatch) {
      this.id = id;
      this.d = dispatch;
      add(d - 2 * HOUR, String.format("{\"event\":\"CustomsDeclaration\",\"id\":\"%s-decl\",\"ts\":%d,\"shipmentId\":\"%s\","
          + "\"orderId\":\"O-%s\",\"hsCode\":\"620342\",\"description\":\"cotton trousers\",\"declaredValue\":180.00,"
          + "\"currency\":\"USD\",\"quantity\":12,\"originCountry\":\"CN\",\"destinationCountry\":\"DE\","
          + "\"consignee\":\"C1\",\"shipper\":\"P1\",\"weightKg\":4.2}", id, d - 2 * HOUR, id, id));
    }

    Journey scan(long at, String status, Place place) {
      return scan(at, status, place, null);
    }

    Journey scan(long at, String status, Place place, Long eta) {
      add(at, String.format("{\"event\":\"ShipmentScan\",\"id\":\"%s-%d\",\"ts\":%d,\"shipmentId\":\"%s\",\"status\":\"%s\","
          + "\"location\":\"%s\",\"country\":\"%s\",\"lat\":%s,\"lon\":%s,\"carrier\":\"CX\"%s}",
          id, ++scans, at, id, status, place.name(), place.country(), place.lat(), place.lon(),
          eta == null ? "" : ",\"eta\":" + eta));
      return this;
    }

    private void add(long at, String line) {
      times.add(at);
      lines.add(line);
    }

    /** Created and dispatched in Shenzhen with an ETA a week out, flown to Frankfurt via Hong Kong. */
    Journey toFrankfurt() {
      return scan(d - HOUR, "CREATED", SHENZHEN)
          .scan(d, "DISPATCHED", SHENZHEN, d + 7 * DAY)
          .scan(d + 12 * HOUR, "IN_TRANSIT", HONG_KONG)
          .scan(d + 36 * HOUR, "ARRIVED_HUB", FRANKFURT);
    }

    /** Cleared at Frankfurt, out for delivery and delivered in Hamburg. */
    Journey clearedAndDelivered() {
      return scan(d + 48 * HOUR, "CUSTOMS_CLEARED", FRANKFURT).delivered();
    }

    Journey delivered() {
      return scan(d + 72 * HOUR, "OUT_FOR_DELIVERY", HAMBURG).scan(d + 78 * HOUR, "DELIVERED", HAMBURG);
    }
  }

  @BeforeAll
  static void trackTheShipments() throws Exception {
    List<Journey> journeys = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      journeys.add(new Journey("SH-" + i, START + i * 2 * HOUR).toFrankfurt().clearedAndDelivered());
    }
    long d = START + HOUR;
    journeys.add(new Journey("SH-STALLED", d).scan(d - HOUR, "CREATED", SHENZHEN).scan(d, "DISPATCHED", SHENZHEN));
    d += 3 * HOUR;
    journeys.add(new Journey("SH-LATE", d).scan(d, "DISPATCHED", SHENZHEN, d + 2 * DAY)
        .scan(d + 12 * HOUR, "IN_TRANSIT", HONG_KONG).scan(d + 36 * HOUR, "ARRIVED_HUB", FRANKFURT)
        .scan(d + 48 * HOUR, "CUSTOMS_CLEARED", FRANKFURT).scan(d + 72 * HOUR, "OUT_FOR_DELIVERY", HAMBURG));
    d += 3 * HOUR;
    journeys.add(new Journey("SH-HOLD", d).toFrankfurt().scan(d + 38 * HOUR, "CUSTOMS_HOLD", FRANKFURT)
        .scan(d + 118 * HOUR, "CUSTOMS_CLEARED", FRANKFURT)
        .scan(d + 120 * HOUR, "OUT_FOR_DELIVERY", HAMBURG).scan(d + 126 * HOUR, "DELIVERED", HAMBURG));
    d += 3 * HOUR;
    journeys.add(new Journey("SH-REGRESS", d).toFrankfurt().clearedAndDelivered()
        .scan(d + 96 * HOUR, "IN_TRANSIT", HAMBURG));
    d += 3 * HOUR;
    journeys.add(new Journey("SH-JUMP", d).toFrankfurt().scan(d + 38 * HOUR, "IN_TRANSIT", LOS_ANGELES)
        .scan(d + 54 * HOUR, "CUSTOMS_CLEARED", FRANKFURT).delivered());
    d += 3 * HOUR;
    journeys.add(new Journey("SH-ROUTE", d).scan(d, "DISPATCHED", SHENZHEN, d + 7 * DAY)
        .scan(d + 12 * HOUR, "IN_TRANSIT", HONG_KONG).scan(d + 24 * HOUR, "IN_TRANSIT", BANDAR_ABBAS)
        .scan(d + 36 * HOUR, "ARRIVED_HUB", FRANKFURT).clearedAndDelivered());
    d += 3 * HOUR;
    journeys.add(new Journey("SH-NOCLEAR", d).toFrankfurt().delivered());
    d += 3 * HOUR;
    journeys.add(new Journey("SH-EXC", d).toFrankfurt().scan(d + 38 * HOUR, "EXCEPTION", FRANKFURT)
        .scan(d + 44 * HOUR, "EXCEPTION", FRANKFURT).scan(d + 50 * HOUR, "EXCEPTION", FRANKFURT)
        .scan(d + 52 * HOUR, "CUSTOMS_CLEARED", FRANKFURT).delivered());
    // A declaration on day 20 moves event time on: every silence and deadline above has passed.
    Journey clock = new Journey("LATER", START + 20 * DAY);

    List<long[]> order = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Journey journey : journeys) {
      for (int i = 0; i < journey.lines.size(); i++) {
        order.add(new long[] {journey.times.get(i), lines.size()});
        lines.add(journey.lines.get(i));
      }
    }
    order.sort(Comparator.<long[]>comparingLong(o -> o[0]).thenComparingLong(o -> o[1]));
    List<String> sorted = new ArrayList<>();
    order.forEach(o -> sorted.add(lines.get((int) o[1])));
    sorted.add(clock.lines.get(0));
    Path file = dir.resolve("tracking.jsonl");
    Files.write(file, sorted, StandardCharsets.UTF_8);

    Compilation compilation = new RuleSetCompiler().compile(List.of(Path.of("../rules")), Map.of());
    assertThat(compilation.plan()).as("rules/ compiles").isNotNull();
    shipmentPack = RuleSelection.parse("pack=shipment").apply(compilation.plan());
    report = Backtest.run(shipmentPack, new Backtest.Options(file, "tracking.jsonl", dir.resolve("out"), 2,
        PipelineOptions.replay(Duration.ofSeconds(5)), null));
    alerts = Files.readAllLines(dir.resolve("out/alerts.jsonl"));
  }

  @Test
  void runsTheShipmentPackAndNothingElse() {
    assertThat(shipmentPack.aggregates()).isEmpty();
    assertThat(report.alertsPerRule().keySet())
        .containsExactlyInAnyOrderElementsOf(shipmentPack.rules().stream().map(RulePlan::id).toList())
        .allSatisfy(id -> assertThat(id).startsWith("shipment."));
  }

  @Test
  void everyScanAndDeclarationIsProcessed() {
    assertThat(report.processed()).isEqualTo(report.inputLines());
    assertThat(report.rejected()).isZero();
  }

  @Test
  void eachAnomalyRaisesExactlyItsRulesAlertAndNormalShipmentsNone() {
    Map<String, Long> expected = new TreeMap<>();
    shipmentPack.rules().forEach(rule -> expected.put(rule.id(), 0L));
    ANOMALIES.values().forEach(rule -> expected.merge(rule, 1L, Long::sum));
    assertThat(report.alertsPerRule()).isEqualTo(expected);

    ANOMALIES.forEach((shipment, rule) -> assertThat(alerts)
        .as(rule)
        .anySatisfy(alert -> assertThat(alert)
            .contains("\"ruleId\":\"" + rule + "\"")
            .contains("\"key\":{\"shipmentId\":\"" + shipment + "\"}")));
  }

  @Test
  void undeclaredRoutingJoinsTheDeclarationAndTheScan() {
    assertThat(alerts).filteredOn(alert -> alert.contains("shipment.undeclared_high_risk_routing")).singleElement()
        .satisfies(alert -> assertThat(alert)
            .contains("\"message\":\"Shipment SH-ROUTE: declared CN to DE, scanned IN_TRANSIT at Bandar Abbas in "
                + "high-risk country IR, which the declaration does not name\"")
            .contains("\"id\":\"SH-ROUTE-decl\"")
            .contains("\"id\":\"SH-ROUTE-3\""));
  }
}
