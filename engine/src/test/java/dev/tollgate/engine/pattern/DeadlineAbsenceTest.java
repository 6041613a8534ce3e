package dev.tollgate.engine.pattern;

import static dev.tollgate.engine.pattern.PatternPlans.SCAN;
import static dev.tollgate.engine.pattern.PatternPlans.SENT;
import static dev.tollgate.engine.pattern.PatternPlans.at;
import static dev.tollgate.engine.pattern.PatternPlans.eq;
import static dev.tollgate.engine.pattern.PatternPlans.hours;
import static dev.tollgate.engine.pattern.PatternPlans.keyField;
import static dev.tollgate.engine.pattern.PatternPlans.plus;
import static dev.tollgate.engine.pattern.PatternPlans.rule;
import static dev.tollgate.engine.pattern.PatternPlans.scan;
import static dev.tollgate.engine.pattern.PatternPlans.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code then not ... deadline sent.eta + 12h}: absence timed by a value from the match. */
class DeadlineAbsenceTest {

  private final RulePlan lateDelivery =
      rule("shipment.late_delivery")
          .key("shipmentId")
          .step("sent", SCAN, eq(scan("status"), str("DISPATCHED")))
          .thenNot(SCAN, eq(scan("status"), str("DELIVERED")))
          .deadline(plus(SENT.field("eta"), hours(12)))
          .alert("Shipment ", keyField("shipmentId"), " not delivered by ", plus(SENT.field("eta"), hours(12)))
          .build();

  @Test
  void deadlineAbsenceFiresWhenTheWatermarkPassesEtaPlusTwelveHours() throws Exception {
    try (PatternHarness h = PatternHarness.running(lateDelivery)) {
      h.send(
          scan("s1", "03-01T09:00", "SH1", "DISPATCHED", "03-03T00:00"),
          scan("t1", "03-02T09:00", "SH1", "IN_TRANSIT"));
      h.watermark(at("03-03T11:59"));
      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isPositive();

      h.watermark(at("03-03T12:00"));

      assertThat(h.alertEventIds()).containsExactly(List.of("s1"));
      Alert alert = h.alerts().get(0);
      assertThat(alert.eventTime()).isEqualTo(at("03-03T12:00"));
      assertThat(alert.message()).isEqualTo("Shipment SH1 not delivered by 2026-03-03T12:00:00Z");
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void deadlineAbsenceIsCancelledByADeliveryBeforeTheDeadline() throws Exception {
    try (PatternHarness h = PatternHarness.running(lateDelivery)) {
      h.send(
              scan("s1", "03-01T09:00", "SH1", "DISPATCHED", "03-03T00:00"),
              scan("d1", "03-03T11:59", "SH1", "DELIVERED"))
          .watermark(at("03-05T00:00"));

      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void deadlineAbsenceIsNotCancelledByADeliveryAfterTheDeadline() throws Exception {
    try (PatternHarness h = PatternHarness.running(lateDelivery)) {
      h.send(
              scan("s1", "03-01T09:00", "SH1", "DISPATCHED", "03-03T00:00"),
              scan("d1", "03-03T12:00", "SH1", "DELIVERED"))
          .watermark(at("03-05T00:00"));

      assertThat(h.alertEventIds()).containsExactly(List.of("s1"));
    }
  }

  @Test
  void deadlineAbsenceWithoutAnEtaNeverFires() throws Exception {
    try (PatternHarness h = PatternHarness.running(lateDelivery)) {
      h.send(scan("s1", "03-01T09:00", "SH1", "DISPATCHED")).watermark(at("03-09T00:00"));

      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void deadlineAbsenceIsNotConcludedByTheEndOfAFiniteInput() throws Exception {
    try (PatternHarness h = PatternHarness.running(lateDelivery)) {
      h.send(
              scan("s1", "03-01T09:00", "SH1", "DISPATCHED", "03-03T00:00"),
              scan("s2", "03-01T09:00", "SH2", "DISPATCHED", "03-01T18:00"),
              scan("last", "03-02T09:00", "SH3", "CREATED"))
          .watermark(at("03-02T08:00"))
          .endOfInput();

      // SH2's deadline (03-02T06:00) lies before the last event; SH1's (03-03T12:00) after it.
      assertThat(h.alertEventIds()).containsExactly(List.of("s2"));
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }
}
