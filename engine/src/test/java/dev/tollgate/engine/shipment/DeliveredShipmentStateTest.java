package dev.tollgate.engine.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSelection;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipment pack, compiled from {@code rules/}, on the operators the pipeline runs: once a
 * shipment is delivered, the rules waiting on it (for movement, clearance, delivery by its ETA or a
 * scan in a high-risk country) hold no state and no timer for it, and the rules that look past the
 * delivery (a status regression, an impossible jump, repeated exceptions) forget it when their span
 * ends. A tracking job keeps state for shipments in flight, not for every shipment it ever saw.
 */
class DeliveredShipmentStateTest {
  private static RuleSetPlan plan;
  private static EventCatalog catalog;

  @BeforeAll
  static void compileShipmentPack() {
    Compilation compilation = new RuleSetCompiler().compile(List.of(Path.of("../rules")), Map.of());
    assertThat(compilation.plan()).as("rules/ compiles").isNotNull();
    plan = RuleSelection.parse("pack=shipment").apply(compilation.plan());
    catalog = new EventCatalog(plan.eventTypes());
  }

  private static RulePlan rule(String id) {
    return plan.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  /** Declared from Shenzhen to Hamburg, held and cleared by customs, delivered on 03-04 15:00. */
  private static List<Event> crossBorderUntilOutForDelivery() {
    return List.of(
        declaration("d1", "2026-03-01T06:00:00Z", "CN", "DE"),
        scan("s1", "2026-03-01T07:00:00Z", "CREATED", "Shenzhen DC", "CN", 22.5431, 114.0579),
        scan("s2", "2026-03-01T08:00:00Z", "DISPATCHED", "Shenzhen DC", "CN", 22.5431, 114.0579),
        scan("s3", "2026-03-01T20:00:00Z", "IN_TRANSIT", "HKG airport", "HK", 22.3080, 113.9185),
        scan("s4", "2026-03-02T06:00:00Z", "EXCEPTION", "HKG airport", "HK", 22.3080, 113.9185),
        scan("s5", "2026-03-02T18:00:00Z", "ARRIVED_HUB", "FRA airport", "DE", 50.0379, 8.5622),
        scan("s6", "2026-03-03T08:00:00Z", "CUSTOMS_HOLD", "FRA airport", "DE", 50.0379, 8.5622),
        scan("s7", "2026-03-03T20:00:00Z", "CUSTOMS_CLEARED", "FRA airport", "DE", 50.0379, 8.5622),
        scan("s8", "2026-03-04T08:00:00Z", "OUT_FOR_DELIVERY", "Hamburg", "DE", 53.5511, 9.9937));
  }

  /** Chicago to Boston: no customs on the way. */
  private static List<Event> domesticUntilOutForDelivery() {
    return List.of(
        scan("s2", "2026-03-01T08:00:00Z", "DISPATCHED", "Chicago", "US", 41.8781, -87.6298),
        scan("s3", "2026-03-02T08:00:00Z", "IN_TRANSIT", "Cleveland hub", "US", 41.4993, -81.6944),
        scan("s8", "2026-03-04T08:00:00Z", "OUT_FOR_DELIVERY", "Boston", "US", 42.3601, -71.0589));
  }

  private static final String DELIVERED_AT = "2026-03-04T15:00:00Z";
  /** Event time has passed the delivery scan. */
  private static final String AFTER_DELIVERY = "2026-03-04T15:00:00.001Z";

  private static Event delivered(String country, double lat, double lon) {
    return scan("s9", DELIVERED_AT, "DELIVERED", "Doorstep", country, lat, lon);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "shipment.stalled_after_dispatch", "shipment.eta_missed", "shipment.long_customs_hold",
      "shipment.delivered_without_customs_clearance", "shipment.undeclared_high_risk_routing"})
  void aRuleWaitingOnAShipmentHoldsNothingForItOnceItIsDelivered(String ruleId) throws Exception {
    try (KeyedRulesHarness h = new KeyedRulesHarness(rule(ruleId), catalog)) {
      h.send(crossBorderUntilOutForDelivery()).send(List.of(delivered("DE", 53.5511, 9.9937))).watermark(AFTER_DELIVERY);

      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @ParameterizedTest
  @CsvSource({
      "shipment.eta_missed, cross-border",
      "shipment.undeclared_high_risk_routing, cross-border",
      "shipment.delivered_without_customs_clearance, domestic"})
  void theDeliveryScanIsWhatReleasesAShipmentsState(String ruleId, String route) throws Exception {
    boolean domestic = route.equals("domestic");
    try (KeyedRulesHarness h = new KeyedRulesHarness(rule(ruleId), catalog)) {
      h.send(domestic ? domesticUntilOutForDelivery() : crossBorderUntilOutForDelivery()).watermark("2026-03-04T14:59:59Z");
      assertThat(h.keyedStateEntries()).as("state while out for delivery").isPositive();
      assertThat(h.eventTimeTimers()).as("timers while out for delivery").isPositive();

      h.send(List.of(domestic ? delivered("US", 42.3601, -71.0589) : delivered("DE", 53.5511, 9.9937)))
          .watermark(AFTER_DELIVERY);

      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @ParameterizedTest
  @CsvSource({
      // DELIVERED then any other status within 30 days
      "shipment.status_after_delivery, 2026-04-03T15:00:00Z",
      // consecutive scans within 72 hours: the delivery scan waits for a next one
      "shipment.impossible_movement, 2026-03-07T15:00:00Z",
      // the one exception on 03-02 06:00 leaves the 7-day window
      "shipment.repeated_exceptions, 2026-03-09T06:00:00Z"})
  void aRuleLookingPastTheDeliveryForgetsTheShipmentWhenItsSpanEnds(String ruleId, String forgottenAt) throws Exception {
    try (KeyedRulesHarness h = new KeyedRulesHarness(rule(ruleId), catalog)) {
      h.send(crossBorderUntilOutForDelivery()).send(List.of(delivered("DE", 53.5511, 9.9937)));
      h.watermark(Instant.parse(forgottenAt).minusMillis(1).toString());
      assertThat(h.keyedStateEntries()).as("state just before the span ends").isPositive();

      h.watermark(forgottenAt);

      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void aShipmentThatIsNeverDeliveredIsReportedAndForgottenWhenTheQuietPeriodEnds() throws Exception {
    try (KeyedRulesHarness h = new KeyedRulesHarness(rule("shipment.eta_missed"), catalog)) {
      // ETA 03-06 18:00 plus 24h grace; then suppress 7d keeps the shipment quiet until 03-14 18:00
      h.send(crossBorderUntilOutForDelivery()).watermark("2026-03-07T18:00:00Z");
      assertThat(h.alerts()).singleElement().satisfies(alert -> assertThat(alert.eventIds()).containsExactly("s2"));
      assertThat(h.keyedStateEntries()).as("the quiet period").isPositive();

      h.watermark("2026-03-14T18:00:00Z");

      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  private static Event scan(String id, String iso, String status, String location, String country, double lat, double lon) {
    return event("ShipmentScan", id, iso, Map.of("shipmentId", "SH1", "status", status, "location", location,
        "country", country, "lat", lat, "lon", lon, "carrier", "CX",
        "eta", Instant.parse("2026-03-06T18:00:00Z").toEpochMilli()));
  }

  private static Event declaration(String id, String iso, String origin, String destination) {
    return event("CustomsDeclaration", id, iso, Map.of("shipmentId", "SH1", "orderId", "O1", "hsCode", "851712",
        "declaredValue", new BigDecimal("420.00"), "currency", "USD", "originCountry", origin,
        "destinationCountry", destination));
  }

  private static Event event(String type, String id, String iso, Map<String, Object> fields) {
    EventTypePlan eventType = plan.eventType(type);
    List<Object> values = new ArrayList<>();
    for (EventTypePlan.FieldPlan field : eventType.fields()) {
      values.add(switch (field.name()) {
        case "id" -> id;
        case "ts" -> Instant.parse(iso).toEpochMilli();
        default -> fields.get(field.name());
      });
    }
    return new Event(catalog.typeIdOf(type), values.toArray());
  }
}
