package dev.tollgate.engine.pattern;

import static dev.tollgate.engine.pattern.PatternPlans.at;
import static dev.tollgate.engine.pattern.PatternPlans.scan;
import static dev.tollgate.engine.pattern.PatternPlans.stalledAfterDispatch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's {@code shipment.stalled_after_dispatch} rule: absence at the end of a pattern. */
class StalledShipmentRuleTest {

  private final RulePlan rule = stalledAfterDispatch().build();

  @Test
  void stalledShipmentFiresOnlyOnceTheWatermarkPassesFortyEightHours() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(scan("s1", "03-01T09:00", "SH1", "DISPATCHED"), scan("x", "03-01T10:00", "SH1", "CUSTOMS_HOLD"));
      h.watermark(at("03-03T08:59"));
      assertThat(h.alerts()).isEmpty();

      h.watermark(at("03-03T09:00"));

      assertThat(h.alertEventIds()).containsExactly(List.of("s1"));
      Alert alert = h.alerts().get(0);
      assertThat(alert.eventTime()).isEqualTo(at("03-03T09:00"));
      assertThat(alert.message())
          .isEqualTo("Shipment SH1: dispatched from Rotterdam, no further scan in 48h");
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void stalledShipmentIsCancelledByAnInTransitScanWithinFortyEightHours() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              scan("s1", "03-01T09:00", "SH1", "DISPATCHED"),
              scan("t1", "03-03T08:59", "SH1", "IN_TRANSIT"))
          .watermark(at("03-05T00:00"));

      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void stalledShipmentIgnoresAnInTransitScanAfterTheSilenceEnded() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              scan("s1", "03-01T09:00", "SH1", "DISPATCHED"),
              scan("t1", "03-03T09:00", "SH1", "IN_TRANSIT"))
          .watermark(at("03-03T09:00"));

      assertThat(h.alertEventIds()).containsExactly(List.of("s1"));
    }
  }

  @Test
  void stalledShipmentIsNotConcludedByTheEndOfAFiniteInput() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(scan("s1", "03-01T09:00", "SH1", "DISPATCHED"), scan("o1", "03-02T09:00", "SH2", "CREATED"))
          .watermark(at("03-02T08:59"))
          .endOfInput();

      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void stalledShipmentFiresAtEndOfInputWhenALaterEventProvesTheDeadlinePassed() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              scan("s1", "03-01T09:00", "SH1", "DISPATCHED"),
              scan("s2", "03-02T09:00", "SH2", "DISPATCHED"),
              scan("last", "03-03T10:00", "SH3", "CREATED"))
          .watermark(at("03-03T08:00"))
          .endOfInput();

      // SH1's silence ended at 03-03T09:00, before the last event; SH2's would end after it.
      assertThat(h.alertEventIds()).containsExactly(List.of("s1"));
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void stalledShipmentCountsTheSilenceFromTheDispatchScan() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              scan("s1", "03-01T09:00", "SH1", "DISPATCHED"),
              scan("s2", "03-02T09:00", "SH1", "DISPATCHED"))
          .watermark(at("03-04T09:00"));

      // Each dispatch starts its own silence; the first alert's events are not reused.
      assertThat(h.alertEventIds()).containsExactly(List.of("s1"), List.of("s2"));
      assertThat(h.alerts()).extracting(Alert::eventTime).containsExactly(at("03-03T09:00"), at("03-04T09:00"));
    }
  }
}
