package dev.tollgate.engine.pattern;

import static dev.tollgate.engine.pattern.PatternPlans.at;
import static dev.tollgate.engine.pattern.PatternPlans.cardTesting;
import static dev.tollgate.engine.pattern.PatternPlans.payment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's {@code fraud.card_testing} rule on the pattern operator. */
class CardTestingRuleTest {

  private final RulePlan rule = cardTesting().build();

  @Test
  void cardTestingFiresForThreeProbesThenAForeignHit() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1.00"),
              payment("p2", "03-01T09:01", "C1", "US", "0.50"),
              payment("p3", "03-01T09:02", "C1", "US", "2.00"),
              payment("hit", "03-01T09:05", "C1", "FR", "900"))
          .watermark(at("03-01T09:05"));

      assertThat(h.alertEventIds()).containsExactly(List.of("p1", "p2", "p3", "hit"));
      Alert alert = h.alerts().get(0);
      assertThat(alert.ruleId()).isEqualTo("fraud.card_testing");
      assertThat(alert.key()).containsExactly(java.util.Map.entry("cardId", "C1"));
      assertThat(alert.eventTime()).isEqualTo(at("03-01T09:05"));
      assertThat(alert.message()).isEqualTo("Card C1: 3 micro-authorizations, then 900 EUR");
    }
  }

  @Test
  void cardTestingCountsEveryProbeBeforeTheHit() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("big", "03-01T09:02", "C1", "US", "40"),
              payment("p3", "03-01T09:03", "C1", "US", "1"),
              payment("p4", "03-01T09:04", "C1", "US", "1"),
              payment("hit", "03-01T09:06", "C1", "FR", "700"))
          .watermark(at("03-01T09:10"));

      assertThat(h.alertEventIds()).containsExactly(List.of("p1", "p2", "p3", "p4", "hit"));
      assertThat(h.alerts().get(0).message()).startsWith("Card C1: 4 micro-authorizations");
    }
  }

  @Test
  void cardTestingNeedsThreeProbes() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("hit", "03-01T09:05", "C1", "FR", "900"))
          .watermark(at("03-01T10:00"));

      assertThat(h.alerts()).isEmpty();
    }
  }

  @Test
  void cardTestingIgnoresAHitFromTheProbesOwnCountry() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("p3", "03-01T09:02", "C1", "US", "1"),
              payment("home", "03-01T09:05", "C1", "US", "900"))
          .watermark(at("03-01T10:00"));

      assertThat(h.alerts()).isEmpty();
    }
  }

  @Test
  void cardTestingMustCompleteWithinFifteenMinutesOfTheFirstProbe() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("p3", "03-01T09:02", "C1", "US", "1"),
              payment("late-hit", "03-01T09:15", "C1", "FR", "900"))
          .watermark(at("03-01T10:00"));

      assertThat(h.alerts()).isEmpty();
    }
  }

  @Test
  void cardTestingKeepsCardsApart() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              payment("a1", "03-01T09:00", "A", "US", "1"),
              payment("b1", "03-01T09:00", "B", "US", "1"),
              payment("a2", "03-01T09:01", "A", "US", "1"),
              payment("b2", "03-01T09:01", "B", "US", "1"),
              payment("a3", "03-01T09:02", "A", "US", "1"),
              payment("b-hit", "03-01T09:03", "B", "FR", "900"),
              payment("a-hit", "03-01T09:04", "A", "FR", "900"))
          .watermark(at("03-01T09:30"));

      assertThat(h.alertEventIds()).containsExactly(List.of("a1", "a2", "a3", "a-hit"));
    }
  }

  @Test
  void cardTestingNeverReusesTheEventsOfAnEarlierMatch() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("p3", "03-01T09:02", "C1", "US", "1"),
              payment("hit1", "03-01T09:03", "C1", "FR", "900"),
              payment("hit2", "03-01T09:04", "C1", "DE", "900"),
              payment("p4", "03-01T09:05", "C1", "US", "1"),
              payment("p5", "03-01T09:06", "C1", "US", "1"),
              payment("p6", "03-01T09:07", "C1", "US", "1"),
              payment("hit3", "03-01T09:08", "C1", "FR", "900"))
          .watermark(at("03-01T09:30"));

      assertThat(h.alertEventIds())
          .containsExactly(List.of("p1", "p2", "p3", "hit1"), List.of("p4", "p5", "p6", "hit3"));
    }
  }

  @Test
  void cardTestingStaysQuietForAKeyDuringSuppression() throws Exception {
    RulePlan suppressed = cardTesting().suppress(Duration.ofMinutes(30)).build();
    try (PatternHarness h = PatternHarness.running(suppressed)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("p3", "03-01T09:02", "C1", "US", "1"),
              payment("hit1", "03-01T09:03", "C1", "FR", "900"),
              payment("p4", "03-01T09:10", "C1", "US", "1"),
              payment("p5", "03-01T09:11", "C1", "US", "1"),
              payment("p6", "03-01T09:12", "C1", "US", "1"),
              payment("hit2", "03-01T09:13", "C1", "FR", "900"),
              payment("p7", "03-01T09:40", "C1", "US", "1"),
              payment("p8", "03-01T09:41", "C1", "US", "1"),
              payment("p9", "03-01T09:42", "C1", "US", "1"),
              payment("hit3", "03-01T09:43", "C1", "FR", "900"))
          .watermark(at("03-01T12:00"));

      assertThat(h.alertEventIds())
          .containsExactly(List.of("p1", "p2", "p3", "hit1"), List.of("p7", "p8", "p9", "hit3"));
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void cardTestingWaitsForTheWatermarkAndOrdersOutOfOrderEvents() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
          payment("hit", "03-01T09:05", "C1", "FR", "900"),
          payment("p2", "03-01T09:01", "C1", "US", "1"),
          payment("p1", "03-01T09:00", "C1", "US", "1"),
          payment("p3", "03-01T09:02", "C1", "US", "1"));
      h.watermark(at("03-01T09:04"));
      assertThat(h.alerts()).isEmpty();

      h.watermark(at("03-01T09:05"));
      assertThat(h.alertEventIds()).containsExactly(List.of("p1", "p2", "p3", "hit"));
    }
  }

  @Test
  void cardTestingLeavesNoStateOrTimersOnceAPartialMatchExpires() throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("other", "03-01T09:02", "C2", "US", "700"))
          .watermark(at("03-01T09:03"));
      assertThat(h.keyedStateEntries()).isPositive();
      assertThat(h.eventTimeTimers()).isPositive();

      h.watermark(at("03-01T09:20"));

      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }
}
