package dev.tollgate.engine.pattern;

import static dev.tollgate.engine.pattern.PatternPlans.PAYMENT;
import static dev.tollgate.engine.pattern.PatternPlans.at;
import static dev.tollgate.engine.pattern.PatternPlans.cardTesting;
import static dev.tollgate.engine.pattern.PatternPlans.dec;
import static dev.tollgate.engine.pattern.PatternPlans.ge;
import static dev.tollgate.engine.pattern.PatternPlans.le;
import static dev.tollgate.engine.pattern.PatternPlans.payment;
import static dev.tollgate.engine.pattern.PatternPlans.rule;
import static dev.tollgate.engine.pattern.PatternPlans.scan;
import static dev.tollgate.engine.pattern.PatternPlans.stalledAfterDispatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.event.Event;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

/** The operator as a host of many rules: isolation, modes, restore, ids. */
class PatternRulesOperatorTest {

  /** Also names its first step "probe", to prove the rules' shared buffers do not mix. */
  private final RulePlan probeThenNextBig =
      rule("fraud.probe_then_big")
          .step("probe", PAYMENT, le(payment("amount"), dec("2")))
          .thenNext("big", PAYMENT, ge(payment("amount"), dec("100")))
          .within(Duration.ofMinutes(5))
          .alert("probe then big")
          .build();

  @Test
  void twoRulesInOneOperatorDoNotInterfere() throws Exception {
    try (PatternHarness h = PatternHarness.running(cardTesting().build(), probeThenNextBig)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("p3", "03-01T09:02", "C1", "US", "1"),
              payment("hit", "03-01T09:03", "C1", "FR", "900"))
          .watermark(at("03-01T10:00"));

      assertThat(h.alerts())
          .extracting(Alert::ruleId, a -> a.events().stream().map(e -> e.id()).toList())
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("fraud.card_testing", List.of("p1", "p2", "p3", "hit")),
              org.assertj.core.groups.Tuple.tuple("fraud.probe_then_big", List.of("p3", "hit")));
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void aRuleWithAMatchInProgressSeesEventsThatCannotBeginOne() throws Exception {
    // The 50 cannot begin either rule, so a quiet key skips it; but probe_then_big has a match in
    // progress after p1, and for "then next" the 50 must break it.
    try (PatternHarness h = PatternHarness.running(cardTesting().build(), probeThenNextBig)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("mid", "03-01T09:01", "C1", "US", "50"),
              payment("big", "03-01T09:02", "C1", "FR", "900"))
          .watermark(at("03-01T10:00"));

      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void aWatermarkPastTheWindowEndStillCompletesMatchesWithEventsBeforeIt() throws Exception {
    try (PatternHarness h = PatternHarness.running(cardTesting().build(), probeThenNextBig)) {
      h.send(
              payment("hit", "03-01T09:03", "C1", "FR", "900"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("p3", "03-01T09:02", "C1", "US", "1"),
              payment("p1", "03-01T09:00", "C1", "US", "1"))
          .watermark(at("03-01T09:02"));

      assertThat(h.alerts()).isEmpty();

      h.watermark(at("03-01T10:00"));

      assertThat(h.alertEventIds()).containsExactlyInAnyOrder(List.of("p1", "p2", "p3", "hit"), List.of("p3", "hit"));
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void eventsWithTheSameTimestampGiveTheSameMatchesWhicheverArrivesFirst() throws Exception {
    // "then next" makes order matter: fed as a, b the probe p0 completes with a and b with c; fed
    // as b, a the probe b would break p0 and complete with a instead. Ids decide: a before b.
    Event a = payment("a", "03-01T09:01", "C1", "US", "900");
    Event b = payment("b", "03-01T09:01", "C1", "US", "1");

    assertThat(probeThenNextBigMatches(a, b))
        .isEqualTo(probeThenNextBigMatches(b, a))
        .containsExactly(List.of("p0", "a"), List.of("b", "c"));
  }

  @Test
  void eventsWaitingForTheWatermarkHoldNoTimerAndNoKeyedState() throws Exception {
    try (PatternHarness h = PatternHarness.running(cardTesting().build())) {
      h.send(
          payment("p2", "03-01T09:01", "C1", "US", "1"),
          payment("p3", "03-01T09:02", "C1", "US", "1"),
          payment("p1", "03-01T09:00", "C1", "US", "1"));

      assertThat(h.eventTimeTimers()).isZero();
      assertThat(h.keyedStateEntries()).isZero();

      h.watermark(at("03-01T09:01")).send(payment("hit", "03-01T09:03", "C1", "FR", "900"));
      h.watermark(at("03-01T10:00"));

      assertThat(h.alertEventIds()).containsExactly(List.of("p1", "p2", "p3", "hit"));
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void rulesOfOtherEventTypesNeverSeeAnEvent() throws Exception {
    try (PatternHarness h = PatternHarness.running(stalledAfterDispatch().build())) {
      h.send(payment("p1", "03-01T09:00", "C1", "US", "1"));

      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void disabledRulesDoNotRun() throws Exception {
    try (PatternHarness h = PatternHarness.running(cardTesting().mode(Mode.DISABLED).build())) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("p3", "03-01T09:02", "C1", "US", "1"),
              payment("hit", "03-01T09:03", "C1", "FR", "900"))
          .watermark(at("03-01T10:00"));

      assertThat(h.alerts()).isEmpty();
      assertThat(h.keyedStateEntries()).isZero();
    }
  }

  @Test
  void shadowRulesRunAndTheirAlertsSaySo() throws Exception {
    try (PatternHarness h = PatternHarness.running(cardTesting().mode(Mode.SHADOW).build())) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("p3", "03-01T09:02", "C1", "US", "1"),
              payment("hit", "03-01T09:03", "C1", "FR", "900"))
          .watermark(at("03-01T10:00"));

      assertThat(h.alerts()).extracting(Alert::mode).containsExactly(Mode.SHADOW);
    }
  }

  @Test
  void aRestoredOperatorCompletesAPatternStartedBeforeTheSnapshot() throws Exception {
    RulePlan rule = cardTesting().build();
    OperatorSubtaskState snapshot;
    try (PatternHarness before = PatternHarness.running(rule)) {
      before
          .send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"))
          .watermark(at("03-01T09:01"))
          .send(payment("p3", "03-01T09:02", "C1", "US", "1"));
      snapshot = before.snapshot();
    }

    try (PatternHarness after = PatternHarness.restoredFrom(snapshot, rule)) {
      after.send(payment("hit", "03-01T09:03", "C1", "FR", "900")).watermark(at("03-01T09:10"));

      assertThat(after.alertEventIds()).containsExactly(List.of("p1", "p2", "p3", "hit"));
      after.watermark(at("03-01T10:00"));
      assertThat(after.keyedStateEntries()).isZero();
      assertThat(after.eventTimeTimers()).isZero();
    }
  }

  @Test
  void aRestoredOperatorStillConcludesAnAbsence() throws Exception {
    RulePlan rule = stalledAfterDispatch().build();
    OperatorSubtaskState snapshot;
    try (PatternHarness before = PatternHarness.running(rule)) {
      before.send(scan("s1", "03-01T09:00", "SH1", "DISPATCHED")).watermark(at("03-01T10:00"));
      snapshot = before.snapshot();
    }

    try (PatternHarness after = PatternHarness.restoredFrom(snapshot, rule)) {
      after.watermark(at("03-03T09:00"));

      assertThat(after.alertEventIds()).containsExactly(List.of("s1"));
      assertThat(after.keyedStateEntries()).isZero();
      assertThat(after.eventTimeTimers()).isZero();
    }
  }

  @Test
  void aRestoredOperatorRemembersHowFarTimeGotForTheEndOfInput() throws Exception {
    RulePlan rule = stalledAfterDispatch().build();
    OperatorSubtaskState snapshot;
    try (PatternHarness before = PatternHarness.running(rule)) {
      before
          .send(scan("s1", "03-01T09:00", "SH1", "DISPATCHED"), scan("x", "03-03T10:00", "SH2", "CREATED"))
          .watermark(at("03-03T08:00"));
      snapshot = before.snapshot();
    }

    try (PatternHarness after = PatternHarness.restoredFrom(snapshot, rule)) {
      after.endOfInput();

      assertThat(after.alertEventIds()).containsExactly(List.of("s1"));
    }
  }

  @Test
  void alertIdsAreTheSameForTheSameRuleVersionKeyAndEvents() throws Exception {
    List<Alert> first = cardTestingAlerts(cardTesting().build());
    List<Alert> replay = cardTestingAlerts(cardTesting().build());
    List<Alert> newVersion = cardTestingAlerts(cardTesting().version("v2").build());

    assertThat(first).hasSize(1);
    assertThat(replay.get(0).alertId()).isEqualTo(first.get(0).alertId());
    assertThat(newVersion.get(0).alertId()).isNotEqualTo(first.get(0).alertId());
  }

  @Test
  void theOperatorAcceptsOnlyPatternRules() {
    RulePlan card = cardTesting().build();
    RulePlan singleEvent =
        new RulePlan(
            "x.single", "v1", card.metadata(), card.key(), new RuleBody.SingleEvent(PAYMENT, null),
            card.alert(), 0, "x.rule:1");

    assertThatThrownBy(() -> new PatternRulesOperator(List.of(singleEvent), PatternHarness.eventSerializer()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.single");
  }

  @Test
  void aPatternFlinkCannotRunIsRefusedWhenTheOperatorIsBuilt() {
    RulePlan startsWithAbsence =
        rule("x.bad").thenNot(PAYMENT, null).then("a", PAYMENT, null).within(Duration.ofHours(1)).alert("x").build();

    assertThatThrownBy(
            () -> new PatternRulesOperator(List.of(startsWithAbsence), PatternHarness.eventSerializer()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.bad")
        .hasMessageContaining("start with an absence");
  }

  private List<List<String>> probeThenNextBigMatches(Event... sameTimestamp) throws Exception {
    try (PatternHarness h = PatternHarness.running(probeThenNextBig)) {
      h.send(payment("p0", "03-01T09:00", "C1", "US", "1"))
          .send(sameTimestamp)
          .send(payment("c", "03-01T09:02", "C1", "US", "900"))
          .watermark(at("03-01T10:00"));
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
      return h.alertEventIds();
    }
  }

  private static List<Alert> cardTestingAlerts(RulePlan rule) throws Exception {
    try (PatternHarness h = PatternHarness.running(rule)) {
      h.send(
              payment("p1", "03-01T09:00", "C1", "US", "1"),
              payment("p2", "03-01T09:01", "C1", "US", "1"),
              payment("p3", "03-01T09:02", "C1", "US", "1"),
              payment("hit", "03-01T09:03", "C1", "FR", "900"))
          .watermark(at("03-01T10:00"));
      return h.alerts();
    }
  }
}
