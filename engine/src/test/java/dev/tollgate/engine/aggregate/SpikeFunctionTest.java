package dev.tollgate.engine.aggregate;

import static dev.tollgate.engine.aggregate.Orders.BY_SKU;
import static dev.tollgate.engine.aggregate.Orders.QUANTITY;
import static dev.tollgate.engine.aggregate.Orders.select;
import static dev.tollgate.engine.testing.Exprs.arith;
import static dev.tollgate.engine.testing.Exprs.cast;
import static dev.tollgate.engine.testing.Exprs.cmp;
import static dev.tollgate.engine.testing.Exprs.dec;
import static dev.tollgate.engine.testing.Exprs.keyField;
import static dev.tollgate.engine.testing.Exprs.windowAgg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.AggregatePlan.SpikePlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.PlanExpr.ArithmeticOp;
import dev.tollgate.dsl.plan.PlanExpr.ComparisonOp;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.plan.TemplatePlan;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpikeFunctionTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();

  /** {@code baseline(units, 3)}: units is select slot 1. */
  private static final PlanExpr BASELINE = new PlanExpr.Baseline(1, 3, ValueType.DECIMAL);

  /** {@code spike units > 3 * baseline(units, 3) severity medium}. */
  private static final PlanExpr UNITS_ABOVE_3X_BASELINE = cmp(ComparisonOp.GT,
      cast(windowAgg(1, ValueType.LONG), ValueType.DECIMAL),
      arith(ArithmeticOp.MULTIPLY, dec("3"), BASELINE, ValueType.DECIMAL));

  private KeyedOneInputStreamOperatorTestHarness<String, WindowRecord, Alert> harness;

  private static AggregatePlan plan(TemplatePlan message) {
    return Orders.plan("demand.hourly_by_sku", BY_SKU, Orders.tumbling(Duration.ofHours(1)), List.of(
            select("orders", AggregateFunction.COUNT, null, ValueType.LONG),
            select("units", AggregateFunction.SUM, QUANTITY, ValueType.LONG)),
        new SpikePlan(UNITS_ABOVE_3X_BASELINE, Severity.MEDIUM, message));
  }

  private void open(AggregatePlan plan) throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new SpikeFunction(plan, 0), new RecordGroupKeySelector(), Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private static long at(String hhmm) {
    return Instant.parse("2026-03-01T" + hhmm + ":00Z").toEpochMilli();
  }

  /** The record of the hourly window starting at {@code hhmm} for {@code sku}. */
  private static WindowRecord window(String hhmm, String sku, long units) {
    long start = at(hhmm);
    return new WindowRecord("demand.hourly_by_sku", start, start + HOUR, List.of(sku), List.of(1L, units));
  }

  private void send(WindowRecord... records) throws Exception {
    for (WindowRecord record : records) {
      // the window operator emits a record at the window's last instant
      harness.processElement(new StreamRecord<>(record, record.windowEnd() - 1));
    }
  }

  private List<String> alertedGroupsAndTimes() {
    return harness.extractOutputValues().stream()
        .map(a -> a.key().get("sku") + "@" + Instant.ofEpochMilli(a.eventTime() + 1).toString().substring(11, 16))
        .toList();
  }

  @Test
  void spikeFiresAboveThreeTimesTheBaselineButNotAtIt() throws Exception {
    open(plan(null));
    send(window("10:00", "A", 10), window("11:00", "A", 10), window("12:00", "A", 10), window("13:00", "A", 30));
    send(window("10:00", "B", 10), window("11:00", "B", 10), window("12:00", "B", 10), window("13:00", "B", 31));

    assertThat(alertedGroupsAndTimes()).containsExactly("B@14:00");
  }

  @Test
  void aGroupsFirstWindowHasNoBaselineAndCannotSpike() throws Exception {
    open(plan(null));
    send(window("10:00", "A", 1_000_000));

    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void beforeNWindowsTheBaselineIsTheMeanOfTheWindowsSeenSoFar() throws Exception {
    open(plan(null));
    // history [10]: baseline 10, not 10/3 — so 30 is not a spike but 31 is
    send(window("10:00", "A", 10), window("11:00", "A", 30));
    send(window("10:00", "B", 10), window("11:00", "B", 31));

    assertThat(alertedGroupsAndTimes()).containsExactly("B@12:00");
  }

  @Test
  void windowsWithoutEventsCountAsZeroInTheBaseline() throws Exception {
    open(plan(null));
    // history [12, 0, 0]: baseline 4, so 13 > 12 is a spike (it would not be against 12 alone)
    send(window("10:00", "A", 12), window("13:00", "A", 13));
    // history [30, 30, 0] (the window at 12:00 is empty): baseline 20, 61 > 60
    send(window("10:00", "B", 30), window("11:00", "B", 30), window("13:00", "B", 61));

    assertThat(alertedGroupsAndTimes()).containsExactly("A@14:00", "B@14:00");
  }

  @Test
  void onlyTheLastNWindowsFormTheBaseline() throws Exception {
    open(plan(null));
    // history of 13:00 is [1, 1, 1]; the 100 at 09:00 has dropped out
    send(window("09:00", "A", 100), window("10:00", "A", 1), window("11:00", "A", 1), window("12:00", "A", 1),
        window("13:00", "A", 4));

    assertThat(alertedGroupsAndTimes()).containsExactly("A@14:00");
  }

  @Test
  void alertCarriesAggregateGroupWindowAndADeterministicId() throws Exception {
    open(plan(null));
    send(window("10:00", "A", 1), window("11:00", "A", 9));

    Alert alert = harness.extractOutputValues().get(0);
    assertThat(alert.ruleId()).isEqualTo("demand.hourly_by_sku");
    assertThat(alert.ruleVersion()).isEqualTo("v1");
    assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.category()).isEqualTo("demand");
    assertThat(alert.mode()).isEqualTo(Mode.ACTIVE);
    assertThat(alert.key()).containsExactly(org.assertj.core.api.Assertions.entry("sku", "A"));
    assertThat(alert.eventTime()).isEqualTo(at("12:00") - 1);
    assertThat(alert.events()).isEmpty();
    assertThat(alert.message())
        .isEqualTo("demand.hourly_by_sku: spike in sku=A in window 2026-03-01T11:00:00Z/2026-03-01T12:00:00Z");
    assertThat(alert.alertId())
        .isEqualTo(AlertIds.of("demand.hourly_by_sku", "v1", List.of("A", "2026-03-01T11:00:00Z"), List.of()));
  }

  @Test
  void spikeMessageTemplateReadsSelectedValuesGroupFieldsAndBaselines() throws Exception {
    TemplatePlan message = new TemplatePlan(List.of(
        new TemplatePlan.Text("SKU "),
        new TemplatePlan.Value("sku", keyField("sku", 0, ValueType.STRING)),
        new TemplatePlan.Text(": "),
        new TemplatePlan.Value("units", windowAgg(1, ValueType.LONG)),
        new TemplatePlan.Text(" units against a baseline of "),
        new TemplatePlan.Value("baseline(units, 3)", BASELINE)));
    open(plan(message));
    send(window("10:00", "A", 2), window("11:00", "A", 4), window("12:00", "A", 10));

    assertThat(harness.extractOutputValues()).singleElement()
        .satisfies(a -> assertThat(a.message()).isEqualTo("SKU A: 10 units against a baseline of 3"));
  }

  @Test
  void aRepeatedEarlierWindowNeitherAlertsNorChangesTheHistory() throws Exception {
    open(plan(null));
    send(window("10:00", "A", 10), window("11:00", "A", 10), window("11:00", "A", 1000), window("12:00", "A", 31));

    assertThat(alertedGroupsAndTimes()).containsExactly("A@13:00");
  }

  @Test
  void stateAndTimerAreClearedWhenAGroupStaysSilentForNWindows() throws Exception {
    open(plan(null));
    send(window("10:00", "A", 10), window("11:00", "A", 10));
    // one timer per group: the earlier window's timer was replaced
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    // last window ends at 12:00; three more (empty) windows and the history is zeros only
    harness.processWatermark(at("15:00") - 1);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

    harness.processWatermark(at("15:00"));
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();

    // the group starts afresh: its next window has no baseline and cannot spike
    send(window("16:00", "A", 1_000));
    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void spikeWithoutBaselinesKeepsNoState() throws Exception {
    AggregatePlan plan = Orders.plan("demand.big_hours", BY_SKU, Orders.tumbling(Duration.ofHours(1)), List.of(
            select("orders", AggregateFunction.COUNT, null, ValueType.LONG),
            select("units", AggregateFunction.SUM, QUANTITY, ValueType.LONG)),
        new SpikePlan(cmp(ComparisonOp.GE, windowAgg(1, ValueType.LONG), new PlanExpr.Literal(50L, ValueType.LONG)),
            Severity.HIGH, null));
    open(plan);
    send(window("10:00", "A", 49), window("11:00", "A", 50));

    assertThat(alertedGroupsAndTimes()).containsExactly("A@12:00");
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
