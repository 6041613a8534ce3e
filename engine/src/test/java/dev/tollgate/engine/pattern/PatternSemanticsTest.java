package dev.tollgate.engine.pattern;

import static dev.tollgate.engine.pattern.PatternPlans.PAYMENT;
import static dev.tollgate.engine.pattern.PatternPlans.SCAN;
import static dev.tollgate.engine.pattern.PatternPlans.at;
import static dev.tollgate.engine.pattern.PatternPlans.dec;
import static dev.tollgate.engine.pattern.PatternPlans.eq;
import static dev.tollgate.engine.pattern.PatternPlans.ge;
import static dev.tollgate.engine.pattern.PatternPlans.le;
import static dev.tollgate.engine.pattern.PatternPlans.payment;
import static dev.tollgate.engine.pattern.PatternPlans.rule;
import static dev.tollgate.engine.pattern.PatternPlans.scan;
import static dev.tollgate.engine.pattern.PatternPlans.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.RulePlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contiguity, quantifiers and absences as the pattern operator runs them. */
class PatternSemanticsTest {

  private static final PlanExpr SMALL = le(payment("amount"), dec("2"));
  private static final PlanExpr LARGE = ge(payment("amount"), dec("500"));

  private static PlanExpr status(String status) {
    return eq(scan("status"), str(status));
  }

  private static List<List<String>> run(RulePlan rule, dev.tollgate.engine.event.Event... events) throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(events).watermark(at("03-09T00:00"));
      assertThat(h.keyedStateEntries()).as("state left behind").isZero();
      assertThat(h.eventTimeTimers()).as("timers left behind").isZero();
      return h.alertEventIds();
    }
  }

  // ---- then next vs then

  private final RulePlan smallThenNextLarge =
      rule("next").step("small", PAYMENT, SMALL).thenNext("large", PAYMENT, LARGE)
          .within(Duration.ofHours(1)).alert("x").build();

  private final RulePlan smallThenLarge =
      rule("then").step("small", PAYMENT, SMALL).then("large", PAYMENT, LARGE)
          .within(Duration.ofHours(1)).alert("x").build();

  @Test
  void thenNextMatchesOnlyTheVeryNextEventOfTheKey() throws Exception {
    assertThat(
            run(
                smallThenNextLarge,
                payment("s", "03-01T09:00", "C1", "US", "1"),
                payment("mid", "03-01T09:01", "C1", "US", "50"),
                payment("l", "03-01T09:02", "C1", "US", "900")))
        .isEmpty();
    assertThat(
            run(
                smallThenNextLarge,
                payment("s", "03-01T09:00", "C1", "US", "1"),
                payment("other-card", "03-01T09:01", "C2", "US", "50"),
                payment("l", "03-01T09:02", "C1", "US", "900")))
        .containsExactly(List.of("s", "l"));
  }

  @Test
  void thenAllowsOtherEventsInBetween() throws Exception {
    assertThat(
            run(
                smallThenLarge,
                payment("s", "03-01T09:00", "C1", "US", "1"),
                payment("mid", "03-01T09:01", "C1", "US", "50"),
                payment("l", "03-01T09:02", "C1", "US", "900")))
        .containsExactly(List.of("s", "l"));
  }

  // ---- repeat N..M

  private final RulePlan twoToThreeSmallThenLarge =
      rule("range").step("small", PAYMENT, SMALL).repeat(2, 3).then("large", PAYMENT, LARGE)
          .within(Duration.ofHours(1)).alert("x").build();

  @Test
  void repeatRangeNeedsItsMinimum() throws Exception {
    assertThat(
            run(
                twoToThreeSmallThenLarge,
                payment("s1", "03-01T09:00", "C1", "US", "1"),
                payment("l", "03-01T09:02", "C1", "US", "900")))
        .isEmpty();
  }

  @Test
  void repeatRangeTakesAsManyAsItsMaximumAllows() throws Exception {
    assertThat(
            run(
                twoToThreeSmallThenLarge,
                payment("s1", "03-01T09:00", "C1", "US", "1"),
                payment("s2", "03-01T09:01", "C1", "US", "1"),
                payment("l", "03-01T09:02", "C1", "US", "900")))
        .containsExactly(List.of("s1", "s2", "l"));
    assertThat(
            run(
                twoToThreeSmallThenLarge,
                payment("s1", "03-01T09:00", "C1", "US", "1"),
                payment("s2", "03-01T09:01", "C1", "US", "1"),
                payment("s3", "03-01T09:02", "C1", "US", "1"),
                payment("l", "03-01T09:03", "C1", "US", "900")))
        .containsExactly(List.of("s1", "s2", "s3", "l"));
  }

  @Test
  void repeatRangeBeyondItsMaximumKeepsTheLatestEvents() throws Exception {
    assertThat(
            run(
                twoToThreeSmallThenLarge,
                payment("s1", "03-01T09:00", "C1", "US", "1"),
                payment("s2", "03-01T09:01", "C1", "US", "1"),
                payment("s3", "03-01T09:02", "C1", "US", "1"),
                payment("s4", "03-01T09:03", "C1", "US", "1"),
                payment("l", "03-01T09:04", "C1", "US", "900")))
        .containsExactly(List.of("s2", "s3", "s4", "l"));
  }

  @Test
  void repeatExactlyNTakesNEventsWithOthersInBetween() throws Exception {
    RulePlan threeSmallThenLarge =
        rule("times").step("small", PAYMENT, SMALL).repeat(3, 3).then("large", PAYMENT, LARGE)
            .within(Duration.ofHours(1)).alert("x").build();
    assertThat(
            run(
                threeSmallThenLarge,
                payment("s1", "03-01T09:00", "C1", "US", "1"),
                payment("mid", "03-01T09:01", "C1", "US", "50"),
                payment("s2", "03-01T09:02", "C1", "US", "1"),
                payment("s3", "03-01T09:03", "C1", "US", "1"),
                payment("l", "03-01T09:04", "C1", "US", "900")))
        .containsExactly(List.of("s1", "s2", "s3", "l"));
  }

  // ---- optional

  private final RulePlan dispatchedOptionalHoldThenDelivered =
      rule("optional")
          .key("shipmentId")
          .step("sent", SCAN, status("DISPATCHED"))
          .then("hold", SCAN, status("CUSTOMS_HOLD"))
          .optional()
          .then("done", SCAN, status("DELIVERED"))
          .within(Duration.ofDays(5))
          .alert("x")
          .build();

  @Test
  void optionalStepMayBeMissing() throws Exception {
    assertThat(
            run(
                dispatchedOptionalHoldThenDelivered,
                scan("s", "03-01T09:00", "SH1", "DISPATCHED"),
                scan("d", "03-02T09:00", "SH1", "DELIVERED")))
        .containsExactly(List.of("s", "d"));
  }

  @Test
  void optionalStepIsTakenWhenPresent() throws Exception {
    assertThat(
            run(
                dispatchedOptionalHoldThenDelivered,
                scan("s", "03-01T09:00", "SH1", "DISPATCHED"),
                scan("h", "03-01T12:00", "SH1", "CUSTOMS_HOLD"),
                scan("d", "03-02T09:00", "SH1", "DELIVERED")))
        .containsExactly(List.of("s", "h", "d"));
  }

  // ---- absence between steps

  private final RulePlan dispatchedThenDeliveredWithoutTransit =
      rule("between")
          .key("shipmentId")
          .step("sent", SCAN, status("DISPATCHED"))
          .thenNot(SCAN, status("IN_TRANSIT"))
          .then("done", SCAN, status("DELIVERED"))
          .within(Duration.ofDays(5))
          .alert("x")
          .build();

  @Test
  void absenceBetweenStepsForbidsTheEventInBetween() throws Exception {
    assertThat(
            run(
                dispatchedThenDeliveredWithoutTransit,
                scan("s", "03-01T09:00", "SH1", "DISPATCHED"),
                scan("t", "03-01T18:00", "SH1", "IN_TRANSIT"),
                scan("d", "03-02T09:00", "SH1", "DELIVERED")))
        .isEmpty();
  }

  @Test
  void absenceBetweenStepsMatchesWhenTheEventNeverCame() throws Exception {
    assertThat(
            run(
                dispatchedThenDeliveredWithoutTransit,
                scan("s", "03-01T09:00", "SH1", "DISPATCHED"),
                scan("h", "03-01T18:00", "SH1", "CUSTOMS_HOLD"),
                scan("d", "03-02T09:00", "SH1", "DELIVERED")))
        .containsExactly(List.of("s", "d"));
  }

  /** Between steps: any payment of 100 or more is forbidden, the next step wants 500 or more. */
  private final RulePlan smallThenFirstLargeThenSmall =
      rule("between-then-more")
          .step("first", PAYMENT, SMALL)
          .thenNot(PAYMENT, ge(payment("amount"), dec("100")))
          .then("large", PAYMENT, LARGE)
          .then("after", PAYMENT, SMALL)
          .within(Duration.ofHours(1))
          .alert("x")
          .build();

  @Test
  void theEventThatCompletesTheNextStepIsNotAnAbsentEventInBetween() throws Exception {
    assertThat(
            run(
                smallThenFirstLargeThenSmall,
                payment("p1", "03-01T09:00", "C1", "US", "1"),
                payment("big", "03-01T09:01", "C1", "US", "900"),
                payment("p2", "03-01T09:02", "C1", "US", "1")))
        .containsExactly(List.of("p1", "big", "p2"));
  }

  @Test
  void aForbiddenEventThatDoesNotQualifyForTheNextStepStillBreaksTheMatch() throws Exception {
    assertThat(
            run(
                smallThenFirstLargeThenSmall,
                payment("p1", "03-01T09:00", "C1", "US", "1"),
                payment("mid", "03-01T09:01", "C1", "US", "200"),
                payment("big", "03-01T09:02", "C1", "US", "900"),
                payment("p2", "03-01T09:03", "C1", "US", "1")))
        .isEmpty();
  }

  // ---- absence at the end after several steps

  private final RulePlan heldThenClearedThenSilent =
      rule("silence")
          .key("shipmentId")
          .step("held", SCAN, status("CUSTOMS_HOLD"))
          .then("cleared", SCAN, status("CUSTOMS_CLEARED"))
          .thenNot(SCAN, status("OUT_FOR_DELIVERY"))
          .within(Duration.ofHours(10))
          .alert("x")
          .build();

  @Test
  void finalSilenceIsCountedFromTheLastMatchedStep() throws Exception {
    try (PatternHarness h = PatternHarness.running(heldThenClearedThenSilent)) {
      h.send(
          scan("h", "03-01T00:00", "SH1", "CUSTOMS_HOLD"),
          scan("c", "03-01T08:00", "SH1", "CUSTOMS_CLEARED"));
      h.watermark(at("03-01T17:59"));
      assertThat(h.alerts()).isEmpty();

      h.watermark(at("03-01T18:00"));

      assertThat(h.alertEventIds()).containsExactly(List.of("h", "c"));
      assertThat(h.alerts().get(0).eventTime()).isEqualTo(at("03-01T18:00"));
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void withinStillBoundsTheStepsBeforeAFinalSilence() throws Exception {
    assertThat(
            run(
                heldThenClearedThenSilent,
                scan("h", "03-01T00:00", "SH1", "CUSTOMS_HOLD"),
                scan("c", "03-01T10:00", "SH1", "CUSTOMS_CLEARED")))
        .isEmpty();
  }

  @Test
  void finalSilenceIsBrokenByTheForbiddenEvent() throws Exception {
    assertThat(
            run(
                heldThenClearedThenSilent,
                scan("h", "03-01T00:00", "SH1", "CUSTOMS_HOLD"),
                scan("c", "03-01T08:00", "SH1", "CUSTOMS_CLEARED"),
                scan("o", "03-01T17:00", "SH1", "OUT_FOR_DELIVERY")))
        .isEmpty();
  }

  // ---- a repeated step before a final silence

  private final RulePlan exceptionsThenNoDelivery =
      rule("repeat-silence")
          .key("shipmentId")
          .step("problem", SCAN, status("EXCEPTION"))
          .repeat(2, dev.tollgate.dsl.plan.StepPlan.UNBOUNDED)
          .thenNot(SCAN, status("DELIVERED"))
          .within(Duration.ofHours(10))
          .alert("x")
          .build();

  @Test
  void aFinalSilenceAfterARepeatedStepIsTimedFromTheEventThatReachedTheMinimum() throws Exception {
    try (PatternHarness h = PatternHarness.running(exceptionsThenNoDelivery)) {
      h.send(
          scan("e1", "03-01T00:00", "SH1", "EXCEPTION"),
          scan("e2", "03-01T01:00", "SH1", "EXCEPTION"),
          scan("e3", "03-01T02:00", "SH1", "EXCEPTION"));
      h.watermark(at("03-01T10:59"));
      assertThat(h.alerts()).isEmpty();

      h.watermark(at("03-01T11:00"));

      assertThat(h.alertEventIds()).containsExactly(List.of("e1", "e2"));
      assertThat(h.alerts().get(0).eventTime()).isEqualTo(at("03-01T11:00"));
      h.watermark(at("03-02T12:00"));
      assertThat(h.alerts()).hasSize(1);
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void aFinalSilenceAfterARepeatedStepIsBrokenByTheForbiddenEvent() throws Exception {
    assertThat(
            run(
                exceptionsThenNoDelivery,
                scan("e1", "03-01T00:00", "SH1", "EXCEPTION"),
                scan("e2", "03-01T01:00", "SH1", "EXCEPTION"),
                scan("d", "03-01T05:00", "SH1", "DELIVERED")))
        .isEmpty();
  }

  @Test
  void anAbsenceBetweenARepeatedStepAndTheNextStep() throws Exception {
    RulePlan exceptionsThenDeliveredWithoutHub =
        rule("repeat-between")
            .key("shipmentId")
            .step("problem", SCAN, status("EXCEPTION"))
            .repeat(2, dev.tollgate.dsl.plan.StepPlan.UNBOUNDED)
            .thenNot(SCAN, status("ARRIVED_HUB"))
            .then("done", SCAN, status("DELIVERED"))
            .within(Duration.ofHours(10))
            .alert("x")
            .build();

    assertThat(
            run(
                exceptionsThenDeliveredWithoutHub,
                scan("e1", "03-01T00:00", "SH1", "EXCEPTION"),
                scan("e2", "03-01T01:00", "SH1", "EXCEPTION"),
                scan("d", "03-01T05:00", "SH1", "DELIVERED")))
        .containsExactly(List.of("e1", "e2", "d"));
    assertThat(
            run(
                exceptionsThenDeliveredWithoutHub,
                scan("e1", "03-01T00:00", "SH1", "EXCEPTION"),
                scan("e2", "03-01T01:00", "SH1", "EXCEPTION"),
                scan("h", "03-01T03:00", "SH1", "ARRIVED_HUB"),
                scan("d", "03-01T05:00", "SH1", "DELIVERED")))
        .isEmpty();
  }

  @Test
  void repetitionsBeforeAFinalSilenceStayWithinTheWindowOfTheFirst() throws Exception {
    assertThat(
            run(
                exceptionsThenNoDelivery,
                scan("e1", "03-01T00:00", "SH1", "EXCEPTION"),
                scan("e2", "03-01T10:00", "SH1", "EXCEPTION")))
        .isEmpty();
  }

  // ---- a match held back by an earlier partial match

  @Test
  void aMatchWaitsForEarlierPartialMatchesButKeepsItsEventTime() throws Exception {
    PatternPlans.StepRef small = new PatternPlans.StepRef("small", 0, PAYMENT);
    RulePlan smallThenLargeElsewhere =
        rule("held")
            .step("small", PAYMENT, SMALL)
            .then(
                "large",
                PAYMENT,
                PatternPlans.and(LARGE, PatternPlans.ne(payment("merchantCountry"), small.field("merchantCountry"))))
            .within(Duration.ofMinutes(15))
            .alert("x")
            .build();
    try (PatternHarness h = PatternHarness.running(smallThenLargeElsewhere)) {
      h.send(
          payment("us-small", "03-01T09:00", "C1", "US", "1"),
          payment("fr-small", "03-01T09:01", "C1", "FR", "1"),
          payment("us-large", "03-01T09:02", "C1", "US", "900"));
      h.watermark(at("03-01T09:02"));
      // The US partial match started first and is still open, so Flink holds the FR match back.
      assertThat(h.alerts()).isEmpty();

      h.watermark(at("03-01T09:15"));

      assertThat(h.alertEventIds()).containsExactly(List.of("fr-small", "us-large"));
      assertThat(h.alerts().get(0).eventTime()).isEqualTo(at("03-01T09:02"));
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }
}
