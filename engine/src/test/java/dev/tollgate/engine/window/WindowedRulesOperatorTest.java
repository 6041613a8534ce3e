package dev.tollgate.engine.window;

import static dev.tollgate.dsl.plan.AggregateFunction.COUNT;
import static dev.tollgate.dsl.plan.AggregateFunction.COUNT_DISTINCT;
import static dev.tollgate.dsl.plan.AggregateFunction.MAX;
import static dev.tollgate.dsl.plan.AggregateFunction.MIN;
import static dev.tollgate.dsl.plan.AggregateFunction.SUM;
import static dev.tollgate.dsl.types.ValueType.DECIMAL;
import static dev.tollgate.dsl.types.ValueType.LONG;
import static dev.tollgate.dsl.types.ValueType.STRING;
import static dev.tollgate.engine.testing.Exprs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.testing.RulePlans;
import dev.tollgate.engine.testing.Schemas;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.RocksDBKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowedRulesOperatorTest {
  private static final int MAX_PARALLELISM = 128;
  private static final EventCatalog CATALOG = new EventCatalog(List.of(Schemas.TRANSACTION));
  private static final PlanExpr TYPE = field("type", 3, STRING);
  private static final PlanExpr AMOUNT = field("amount", 4, DECIMAL);
  private static final PlanExpr COUNTRY = field("country", 6, STRING);

  /** The spec's aml.structuring with ctr_threshold = 10000. */
  static final RulePlan STRUCTURING = RulePlans.rule("aml.structuring").version("s1")
      .severity(dev.tollgate.dsl.plan.Severity.HIGH).category("money_laundering").tags("aml")
      .on(Schemas.TRANSACTION)
      .where(and(eq(TYPE, lit("CASH_DEPOSIT")),
          ge(AMOUNT, arith(dev.tollgate.dsl.plan.PlanExpr.ArithmeticOp.MULTIPLY, dec("0.8"), dec("10000"), DECIMAL)),
          lt(AMOUNT, dec("10000"))))
      .key("accountId")
      .window(Duration.ofHours(24))
      .aggregate(COUNT, null, LONG)
      .aggregate(SUM, AMOUNT, DECIMAL)
      .having(and(ge(windowAgg(0, LONG), lit(3)), ge(windowAgg(1, DECIMAL), dec("10000"))))
      .alert("Account ", keyField("accountId", 0, STRING), ": ", windowAgg(0, LONG),
          " cash deposits just under 10000 totalling ", windowAgg(1, DECIMAL), " in 24h")
      .windowed();

  private KeyedOneInputStreamOperatorTestHarness<String, Event, Alert> harness;

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void firesOnceForThreeDepositsInADay() throws Exception {
    harness = open(STRUCTURING);

    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    send(deposit("t3", "2026-03-01T18:00:00Z", "8800"));
    send(deposit("t4", "2026-03-01T20:00:00Z", "8900"));
    watermark("2026-03-02T00:00:00Z");

    List<Alert> alerts = harness.extractOutputValues();
    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0);
    assertThat(alert.eventIds()).containsExactly("t1", "t2", "t3");
    assertThat(alert.key()).isEqualTo(Map.of("accountId", "A1"));
    assertThat(alert.message()).isEqualTo("Account A1: 3 cash deposits just under 10000 totalling 27300 in 24h");
    assertThat(alert.eventTime()).isEqualTo(millis("2026-03-01T18:00:00Z"));
    assertThat(alert.ruleVersion()).isEqualTo("s1");
    assertThat(alert.mode()).isEqualTo(Mode.ACTIVE);
    assertThat(alert.tags()).containsExactly("aml");
  }

  @Test
  void doesNotFireBeforeWatermarkPassesTheEvent() throws Exception {
    harness = open(STRUCTURING);

    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    send(deposit("t3", "2026-03-01T18:00:00Z", "8800"));
    watermark("2026-03-01T17:59:59.999Z");

    assertThat(harness.extractOutputValues()).isEmpty();

    watermark("2026-03-01T18:00:00Z");

    assertThat(harness.extractOutputValues()).hasSize(1);
  }

  /** The window of the third deposit (at 2026-03-02T00:00) is {@code (t - 24h, t]}. */
  @ParameterizedTest(name = "first deposit at {0}: {1} alert(s)")
  @CsvSource({
      "2026-03-01T00:00:00Z, 0", // exactly a window old: outside
      "2026-03-01T00:00:00.001Z, 1", // just inside
  })
  void windowExcludesAnEventExactlyAWindowOldAndCountsOneJustInside(String firstDeposit, int alerts) throws Exception {
    harness = open(STRUCTURING);

    send(deposit("t1", firstDeposit, "9500"));
    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    send(deposit("t3", "2026-03-02T00:00:00Z", "8800"));
    watermark("2026-03-03T00:00:00Z");

    assertThat(harness.extractOutputValues()).hasSize(alerts);
  }

  @Test
  void eventsFailingWhereAreNotCounted() throws Exception {
    harness = open(STRUCTURING);

    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("big", "2026-03-01T10:00:00Z", "12000"));
    send(Schemas.tx("wire", "2026-03-01T11:00:00Z", "A1", "WIRE", "9000"));
    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    watermark("2026-03-02T00:00:00Z");

    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void keysAreIndependent() throws Exception {
    harness = open(STRUCTURING);

    send(deposit("a1", "2026-03-01T09:00:00Z", "9500"));
    send(Schemas.tx("b1", "2026-03-01T10:00:00Z", "B7", "CASH_DEPOSIT", "9500"));
    send(deposit("a2", "2026-03-01T11:00:00Z", "9500"));
    send(Schemas.tx("b2", "2026-03-01T12:00:00Z", "B7", "CASH_DEPOSIT", "9500"));
    watermark("2026-03-02T00:00:00Z");

    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void suppressionHoldsUntilItHasPassed() throws Exception {
    harness = open(STRUCTURING);

    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    send(deposit("t3", "2026-03-01T18:00:00Z", "8800"));
    // Suppressed: fired at 18:00 with suppress 24h.
    send(deposit("t4", "2026-03-02T10:00:00Z", "9100"));
    send(deposit("t5", "2026-03-02T17:00:00Z", "9200"));
    // 18:00 next day: suppression has passed; t3 is exactly 24h old, so out of the window.
    send(deposit("t6", "2026-03-02T18:00:00Z", "9300"));
    watermark("2026-03-03T00:00:00Z");

    List<Alert> alerts = harness.extractOutputValues();
    assertThat(alerts).extracting(Alert::eventIds)
        .containsExactly(List.of("t1", "t2", "t3"), List.of("t4", "t5", "t6"));
  }

  @Test
  void outOfOrderArrivalGivesTheSameAlerts() throws Exception {
    List<Event> inOrder = List.of(
        deposit("t1", "2026-03-01T09:00:00Z", "9500"),
        deposit("t2", "2026-03-01T09:00:01Z", "9000"),
        deposit("t3", "2026-03-01T09:00:02Z", "8800"),
        deposit("t4", "2026-03-01T09:00:02Z", "8100"),
        deposit("t5", "2026-03-01T09:00:04Z", "9900"));
    harness = open(STRUCTURING);
    inOrder.forEach(this::send);
    watermark("2026-03-01T09:00:10Z");
    List<Alert> expected = harness.extractOutputValues();
    harness.close();

    Random random = new Random(42);
    for (int run = 0; run < 20; run++) {
      List<Event> shuffled = new ArrayList<>(inOrder);
      Collections.shuffle(shuffled, random);
      harness = open(STRUCTURING);
      shuffled.forEach(this::send);
      watermark("2026-03-01T09:00:10Z");

      assertThat(harness.extractOutputValues()).as("arrival order %s", shuffled).isEqualTo(expected);
      harness.close();
    }
    harness = null;
    assertThat(expected).hasSize(1);
    assertThat(expected.get(0).eventIds()).containsExactly("t1", "t2", "t3");
  }

  @Test
  void aBusyKeyHoldsOneCleanupTimerAndIsStillClearedWhenItsLastWindowPasses() throws Exception {
    harness = open(STRUCTURING);

    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    send(deposit("t3", "2026-03-01T15:00:00Z", "8800"));
    send(deposit("t4", "2026-03-02T10:00:00Z", "8900"));
    watermark("2026-03-02T10:00:00Z");
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    // The timer armed by t1 fires at 09:00 next day; t2..t4 remain, so it is armed again.
    watermark("2026-03-03T09:59:59.999Z");
    assertThat(stateEntries()).isGreaterThan(0);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    watermark("2026-03-03T10:00:00Z");
    assertThat(stateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void bufferedEventsWaitInMemoryWithoutTimersOrKeyedState() throws Exception {
    harness = open(STRUCTURING);

    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    send(deposit("t3", "2026-03-01T18:00:00Z", "8800"));
    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(stateEntries()).isZero();

    watermark("2026-03-01T12:00:00Z");
    // t1 and t2 applied, in time order; the key's cleanup timer is armed
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    assertThat(harness.extractOutputValues()).isEmpty();
    watermark("2026-03-01T18:00:00Z");
    assertThat(harness.extractOutputValues()).singleElement()
        .satisfies(alert -> assertThat(alert.eventIds()).containsExactly("t1", "t2", "t3"));
    assertThat(harness.numEventTimeTimers()).as("only the cleanup timer").isEqualTo(1);
  }

  @Test
  void bufferedEventsSurviveARestoreAtAnotherParallelism() throws Exception {
    harness = open(STRUCTURING);
    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    send(deposit("t3", "2026-03-01T18:00:00Z", "8800"));
    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    harness.close();

    List<Alert> alerts = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      OperatorSubtaskState part = AbstractStreamOperatorTestHarness.repartitionOperatorState(
          snapshot, MAX_PARALLELISM, 1, 2, subtask);
      harness = harness(MAX_PARALLELISM, 2, subtask, STRUCTURING);
      harness.setup();
      harness.initializeState(part);
      harness.open();
      watermark("2026-03-02T00:00:00Z");
      alerts.addAll(harness.extractOutputValues());
      harness.close();
    }
    harness = null;

    assertThat(alerts).singleElement()
        .satisfies(alert -> assertThat(alert.eventIds()).containsExactly("t1", "t2", "t3"));
  }

  @Test
  void stateAndTimersGoBackToZeroAfterTheWindowPasses() throws Exception {
    harness = open(STRUCTURING);

    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    send(deposit("t3", "2026-03-01T18:00:00Z", "8800"));
    send(Schemas.tx("b1", "2026-03-01T19:00:00Z", "B7", "CASH_DEPOSIT", "9500"));
    watermark("2026-03-01T20:00:00Z");
    assertThat(stateEntries()).isGreaterThan(0);
    assertThat(harness.numEventTimeTimers()).isGreaterThan(0);

    // t3 fired at 18:00: its suppression and window both end at 18:00 next day; B7's at 19:00.
    watermark("2026-03-02T18:59:59.999Z");
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    watermark("2026-03-02T19:00:00Z");
    assertThat(stateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.extractOutputValues()).hasSize(1);
  }

  @Test
  void eventsNoRuleWantsLeaveNoState() throws Exception {
    harness = open(STRUCTURING);

    send(Schemas.tx("w1", "2026-03-01T09:00:00Z", "A1", "WIRE", "9500"));

    assertThat(stateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void snapshotAndRestoreKeepTheWindow() throws Exception {
    harness = open(STRUCTURING);
    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    watermark("2026-03-01T12:00:00Z");
    send(deposit("t3", "2026-03-01T18:00:00Z", "8800"));
    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    harness.close();

    harness = restored(snapshot, STRUCTURING);
    watermark("2026-03-02T00:00:00Z");

    List<Alert> alerts = harness.extractOutputValues();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).eventIds()).containsExactly("t1", "t2", "t3");
  }

  @Test
  void countDistinctCountsValuesCurrentlyInTheWindow() throws Exception {
    RulePlan countries = RulePlans.rule("geo.many_countries").on(Schemas.TRANSACTION)
        .key("accountId").window(Duration.ofHours(1))
        .aggregate(COUNT_DISTINCT, COUNTRY, LONG)
        .having(ge(windowAgg(0, LONG), lit(3)))
        .alert("{n}=", windowAgg(0, LONG))
        .suppress(Duration.ZERO)
        .windowed();
    harness = open(countries);

    send(inCountry("c1", "2026-03-01T09:00:00Z", "FR"));
    send(inCountry("c2", "2026-03-01T09:10:00Z", "FR"));
    send(inCountry("c3", "2026-03-01T09:20:00Z", "DE"));
    send(inCountry("c4", "2026-03-01T09:30:00Z", null));
    send(inCountry("c5", "2026-03-01T10:05:00Z", "IT"));   // c1 gone; FR still there (c2)
    send(inCountry("c6", "2026-03-01T10:15:00Z", "ES"));   // c2 gone: DE, IT, ES → 3
    watermark("2026-03-01T11:00:00Z");

    List<Alert> alerts = harness.extractOutputValues();
    assertThat(alerts).extracting(Alert::message).containsExactly("{n}=3", "{n}=3");
    assertThat(alerts).extracting(a -> a.eventIds().get(a.eventIds().size() - 1)).containsExactly("c5", "c6");
  }

  @Test
  void alertEvidenceIsCappedKeepingTheLatest() throws Exception {
    RulePlan many = RulePlans.rule("velocity").on(Schemas.TRANSACTION)
        .key("accountId").window(Duration.ofDays(1))
        .aggregate(COUNT, null, LONG)
        .having(ge(windowAgg(0, LONG), lit(150)))
        .alert("n=", windowAgg(0, LONG))
        .windowed();
    harness = open(many);

    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 150; i++) {
      send(Schemas.tx(String.format("e%03d", i), start.plusSeconds(i).toString(), "A1", "WIRE", "1"));
    }
    watermark("2026-03-01T01:00:00Z");

    Alert alert = harness.extractOutputValues().get(0);
    assertThat(alert.message()).isEqualTo("n=150");
    assertThat(alert.events()).hasSize(WindowedRuleEvaluator.MAX_EVIDENCE);
    assertThat(alert.eventIds().get(0)).isEqualTo("e050");
    assertThat(alert.eventIds().get(99)).isEqualTo("e149");
  }

  @Test
  void rulesSharingAKeyKeepSeparateVersionedState() throws Exception {
    RulePlan two = RulePlans.rule("two.deposits").version("x9").on(Schemas.TRANSACTION)
        .where(eq(TYPE, lit("CASH_DEPOSIT")))
        .key("accountId").window(Duration.ofHours(1))
        .aggregate(COUNT, null, LONG)
        .having(ge(windowAgg(0, LONG), lit(2)))
        .mode(Mode.SHADOW)
        .alert("two")
        .windowed();
    harness = open(STRUCTURING, two);

    send(deposit("t1", "2026-03-01T09:00:00Z", "100"));
    send(deposit("t2", "2026-03-01T09:30:00Z", "100"));
    watermark("2026-03-01T10:00:00Z");

    List<Alert> alerts = harness.extractOutputValues();
    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.ruleId()).isEqualTo("two.deposits");
      assertThat(alert.mode()).isEqualTo(Mode.SHADOW);
    });
    assertThat(new WindowedRuleEvaluator(two, new dev.tollgate.engine.eval.ExpressionCompiler()).stateName())
        .isEqualTo("window/two.deposits@x9");
  }

  @Test
  void aKeyWithWindowsInSeveralRulesIsClearedWhenTheLastOnePasses() throws Exception {
    harness = open(STRUCTURING, twoDepositsIn("hourly.deposits", Duration.ofHours(1)));

    send(deposit("s1", "2026-03-01T09:00:00Z", "100"));    // the hourly rule only: cleanup timer at 10:00
    send(deposit("t1", "2026-03-01T09:30:00Z", "9500"));   // both rules
    watermark("2026-03-01T10:00:00Z");
    // The timer fired: the hourly window still holds t1, structuring's lasts until tomorrow 09:30.
    assertThat(stateEntries()).isGreaterThan(0);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    watermark("2026-03-02T09:29:59.999Z");
    assertThat(stateEntries()).isGreaterThan(0);
    watermark("2026-03-02T09:30:00Z");
    assertThat(stateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void windowsRestoredUnderAChangedRuleListAreStillExpiredAndCleared() throws Exception {
    harness = open(STRUCTURING);
    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t2", "2026-03-01T12:00:00Z", "9000"));
    watermark("2026-03-01T12:00:00Z");
    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    harness.close();

    // A rule added before structuring moves it to another position in the operator's rule list.
    harness = restored(snapshot, twoDepositsIn("added.rule", Duration.ofHours(1)), STRUCTURING);
    send(deposit("t3", "2026-03-01T18:00:00Z", "8800"));
    watermark("2026-03-01T18:00:00Z");
    assertThat(harness.extractOutputValues()).filteredOn(alert -> alert.ruleId().equals("aml.structuring"))
        .singleElement().satisfies(alert -> assertThat(alert.eventIds()).containsExactly("t1", "t2", "t3"));

    watermark("2026-03-02T18:00:00Z");
    // Keys of the operator's own states, not every entry: on RocksDB the harness leaves the fired
    // timer restored from the snapshot in the timer column family, whichever rules run.
    assertThat(keysIn(WindowedRulesOperator.KEY_STATE,
        "window/aml.structuring@s1/summary", "window/aml.structuring@s1/events",
        "window/added.rule@v1/summary", "window/added.rule@v1/events")).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private long keysIn(String... states) {
    KeyedStateBackend<?> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    return backend.getKeys(List.of(states), VoidNamespace.INSTANCE).count();
  }

  private static RulePlan twoDepositsIn(String id, Duration window) {
    return RulePlans.rule(id).on(Schemas.TRANSACTION)
        .where(eq(TYPE, lit("CASH_DEPOSIT")))
        .key("accountId").window(window)
        .aggregate(COUNT, null, LONG)
        .having(ge(windowAgg(0, LONG), lit(2)))
        .alert("two")
        .windowed();
  }

  @Test
  void sumKeepsExactDecimals() throws Exception {
    RulePlan sum = RulePlans.rule("sum").on(Schemas.TRANSACTION)
        .key("accountId").window(Duration.ofMinutes(10))
        .aggregate(SUM, AMOUNT, DECIMAL)
        .having(ge(windowAgg(0, DECIMAL), dec("0.3")))
        .alert("sum=", windowAgg(0, DECIMAL))
        .windowed();
    harness = open(sum);

    send(Schemas.tx("a", "2026-03-01T09:00:00Z", "A1", "X", "0.1"));
    send(Schemas.tx("b", "2026-03-01T09:01:00Z", "A1", "X", "0.2"));
    watermark("2026-03-01T10:00:00Z");

    assertThat(harness.extractOutputValues()).extracting(Alert::message).containsExactly("sum=0.3");
  }

  @Test
  void minAndMaxFollowTheWindowAsTheirExtremesLeave() throws Exception {
    RulePlan range = RulePlans.rule("range").on(Schemas.TRANSACTION)
        .key("accountId").window(Duration.ofMinutes(10))
        .aggregate(MIN, AMOUNT, DECIMAL)
        .aggregate(MAX, AMOUNT, DECIMAL)
        .having(ge(windowAgg(1, DECIMAL), dec("0")))
        .alert(windowAgg(0, DECIMAL), "..", windowAgg(1, DECIMAL))
        .suppress(Duration.ZERO)
        .windowed();
    harness = open(range);

    // A falling series: each event's window loses its maximum.
    send(Schemas.tx("a", "2026-03-01T09:00:00Z", "A1", "X", "50"));
    send(Schemas.tx("b", "2026-03-01T09:05:00Z", "A1", "X", "40"));
    send(Schemas.tx("c", "2026-03-01T09:10:00Z", "A1", "X", "30"));
    send(Schemas.tx("d", "2026-03-01T09:15:00Z", "A1", "X", "45"));
    send(Schemas.tx("e", "2026-03-01T09:15:00Z", "A1", "X", "20"));
    send(Schemas.tx("f", "2026-03-01T09:25:00Z", "A1", "X", "35"));
    watermark("2026-03-01T10:00:00Z");

    assertThat(harness.extractOutputValues()).extracting(Alert::message)
        .containsExactly("50..50", "40..50", "30..40", "30..45", "20..45", "35..35");
  }

  @Test
  void eventsAtOneTimestampAreEvidenceInIdOrder() throws Exception {
    harness = open(STRUCTURING);

    send(deposit("t3", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t1", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t2", "2026-03-01T09:00:00Z", "9500"));
    send(deposit("t0", "2026-03-01T08:00:00Z", "9500"));
    watermark("2026-03-01T10:00:00Z");

    assertThat(harness.extractOutputValues()).singleElement()
        .satisfies(alert -> assertThat(alert.eventIds()).containsExactly("t0", "t1", "t2"));
  }

  private static Event deposit(String id, String ts, String amount) {
    return Schemas.tx(id, ts, "A1", "CASH_DEPOSIT", amount);
  }

  private static Event inCountry(String id, String ts, String country) {
    return Schemas.event(Schemas.TRANSACTION, id, ts, "accountId", "A1", "type", "CARD", "amount", "1", "country", country);
  }

  private static long millis(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private void send(Event event) {
    try {
      harness.processElement(event, event.ts());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void watermark(String iso) throws Exception {
    harness.processWatermark(new Watermark(millis(iso)));
  }

  /** The state backend the operator runs on; {@link WindowedRulesOperatorOnRocksDbTest} runs every test on RocksDB. */
  StateBackend stateBackend() {
    return new HashMapStateBackend();
  }

  /** Keyed state entries of every state the operator holds, on either backend. */
  private int stateEntries() {
    KeyedStateBackend<?> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    return backend instanceof RocksDBKeyedStateBackend<?> rocksDb ? rocksDb.numKeyValueStateEntries() : harness.numKeyedStateEntries();
  }

  private KeyedOneInputStreamOperatorTestHarness<String, Event, Alert> harness(RulePlan... rules) throws Exception {
    return harness(MAX_PARALLELISM, 1, 0, rules);
  }

  private KeyedOneInputStreamOperatorTestHarness<String, Event, Alert> harness(
      int maxParallelism, int parallelism, int subtask, RulePlan... rules) throws Exception {
    WindowedRulesOperator operator = new WindowedRulesOperator(List.of(rules), CATALOG);
    KeyedOneInputStreamOperatorTestHarness<String, Event, Alert> h = new KeyedOneInputStreamOperatorTestHarness<>(
        operator, operator.keys(), Types.STRING, maxParallelism, parallelism, subtask);
    h.setStateBackend(stateBackend());
    return h;
  }

  private KeyedOneInputStreamOperatorTestHarness<String, Event, Alert> restored(
      OperatorSubtaskState snapshot, RulePlan... rules) throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, Event, Alert> h = harness(rules);
    h.setup();
    h.initializeState(snapshot);
    h.open();
    return h;
  }

  private KeyedOneInputStreamOperatorTestHarness<String, Event, Alert> open(RulePlan... rules) throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, Event, Alert> h = harness(rules);
    h.open();
    return h;
  }

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }
}
