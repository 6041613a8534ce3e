package dev.tollgate.engine.aggregate;

import static dev.tollgate.engine.aggregate.Orders.AMOUNT;
import static dev.tollgate.engine.aggregate.Orders.BUYER;
import static dev.tollgate.engine.aggregate.Orders.BY_SKU;
import static dev.tollgate.engine.aggregate.Orders.DEMAND;
import static dev.tollgate.engine.aggregate.Orders.QUANTITY;
import static dev.tollgate.engine.aggregate.Orders.order;
import static dev.tollgate.engine.aggregate.Orders.plan;
import static dev.tollgate.engine.aggregate.Orders.select;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.types.ValueType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AggregateWindowTest {

  /** {@code HH:MM-HH:MM [group] = [values]}, decimals as written (scale visible). */
  static String describe(WindowRecord r) {
    return hhmm(r.windowStart()) + "-" + hhmm(r.windowEnd()) + " " + r.groupValues() + " = "
        + r.values().stream().map(v -> v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v))
            .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String hhmm(long millis) {
    return Instant.ofEpochMilli(millis).toString().substring(11, 16);
  }

  private static List<String> describe(List<WindowRecord> records) {
    return records.stream().map(AggregateWindowTest::describe).toList();
  }

  @Test
  void tumblingWindowEmitsOneRecordPerGroupWithEpochAlignedEndExclusiveBounds() throws Exception {
    try (WindowHarness h = new WindowHarness(Orders.hourlyBySkuAndCountry(), Duration.ZERO)) {
      h.send(
          order("o1", "2026-03-01T10:05:00Z", "SKU1", "DE", 2, "20.00"),
          order("o2", "2026-03-01T10:59:59.999Z", "SKU1", "DE", 3, "30.50"),
          order("o3", "2026-03-01T10:30:00Z", "SKU1", "FR", 1, "9.99"),
          // exactly on the hour: belongs to the next window, the end is exclusive
          order("o4", "2026-03-01T11:00:00Z", "SKU1", "DE", 7, "70"));
      h.watermark("2026-03-01T10:59:59.999Z");

      assertThat(describe(h.records())).containsExactlyInAnyOrder(
          "10:00-11:00 [SKU1, DE] = [2, 5, 50.50]",
          "10:00-11:00 [SKU1, FR] = [1, 1, 9.99]");
      assertThat(h.records()).allSatisfy(r -> assertThat(r.aggregateId()).isEqualTo("demand.hourly_by_sku"));

      h.watermark("2026-03-01T11:59:59.999Z");
      assertThat(describe(h.records())).contains("11:00-12:00 [SKU1, DE] = [1, 7, 70]").hasSize(3);
    }
  }

  @Test
  void slidingWindowsEmitARecordPerSlideForEveryWindowContainingEvents() throws Exception {
    AggregatePlan plan = plan("demand.sliding", BY_SKU, Orders.sliding(Duration.ofHours(1), Duration.ofMinutes(30)),
        DEMAND, null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ZERO)) {
      h.send(
          order("o1", "2026-03-01T10:10:00Z", "SKU1", "DE", 1, "1"),
          order("o2", "2026-03-01T10:40:00Z", "SKU1", "DE", 2, "2"));
      h.watermark("2026-03-01T12:00:00Z");

      assertThat(describe(h.records())).containsExactly(
          "09:30-10:30 [SKU1] = [1, 1, 1]",
          "10:00-11:00 [SKU1] = [2, 3, 3]",
          "10:30-11:30 [SKU1] = [1, 2, 2]");
    }
  }

  @Test
  void slidingWindowsMergeTheirPanesExactlyIncludingDistinctCounts() throws Exception {
    AggregatePlan plan = plan("demand.sliding_buyers", BY_SKU, Orders.sliding(Duration.ofHours(1), Duration.ofMinutes(20)),
        List.of(select("orders", AggregateFunction.COUNT, null, ValueType.LONG),
            select("buyers", AggregateFunction.COUNT_DISTINCT, BUYER, ValueType.LONG),
            select("revenue", AggregateFunction.SUM, AMOUNT, ValueType.DECIMAL),
            select("largest", AggregateFunction.MAX, QUANTITY, ValueType.LONG)), null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ZERO)) {
      h.send(
          order("o1", "2026-03-01T10:05:00Z", "sku", "A", "buyerId", "B1", "amount", "1.10", "quantity", 2),
          order("o2", "2026-03-01T10:25:00Z", "sku", "A", "buyerId", "B1", "amount", "2.20", "quantity", 7),
          order("o3", "2026-03-01T10:45:00Z", "sku", "A", "buyerId", "B2", "amount", "3.30", "quantity", 1));
      h.watermark("2026-03-01T12:00:00Z");

      // three 20-minute panes; each window merges the panes it covers
      assertThat(describe(h.records())).containsExactly(
          "09:20-10:20 [A] = [1, 1, 1.10, 2]",
          "09:40-10:40 [A] = [2, 1, 3.30, 7]",
          "10:00-11:00 [A] = [3, 2, 6.60, 7]",
          "10:20-11:20 [A] = [2, 2, 5.50, 7]",
          "10:40-11:40 [A] = [1, 1, 3.30, 1]");
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void decimalSumsAndAveragesAreExact() throws Exception {
    AggregatePlan plan = plan("demand.exact", BY_SKU, Orders.tumbling(Duration.ofHours(1)), List.of(
        select("revenue", AggregateFunction.SUM, AMOUNT, ValueType.DECIMAL),
        select("avg_amount", AggregateFunction.AVG, AMOUNT, ValueType.DECIMAL),
        select("avg_units", AggregateFunction.AVG, QUANTITY, ValueType.DECIMAL)), null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ZERO)) {
      h.send(
          order("o1", "2026-03-01T10:00:00Z", "SKU1", "DE", 1, "0.1"),
          order("o2", "2026-03-01T10:01:00Z", "SKU1", "DE", 1, "0.2"),
          order("o3", "2026-03-01T10:02:00Z", "SKU1", "DE", 2, "0.3"));
      h.watermark("2026-03-01T11:00:00Z");

      WindowRecord record = h.records().get(0);
      assertThat(record.value(0)).isEqualTo(new java.math.BigDecimal("0.6"));
      assertThat(record.value(1)).isEqualTo(new java.math.BigDecimal("0.2"));
      assertThat(((java.math.BigDecimal) record.value(2)).toPlainString()).isEqualTo("1.333333333333333333333333333333333");
    }
  }

  @Test
  void countDistinctCountsEachValueOnceAndMinMaxSkipNulls() throws Exception {
    AggregatePlan plan = plan("demand.buyers", BY_SKU, Orders.tumbling(Duration.ofHours(1)), List.of(
        select("buyers", AggregateFunction.COUNT_DISTINCT, BUYER, ValueType.LONG),
        select("amounts", AggregateFunction.COUNT_DISTINCT, AMOUNT, ValueType.LONG),
        select("smallest", AggregateFunction.MIN, QUANTITY, ValueType.LONG),
        select("largest", AggregateFunction.MAX, AMOUNT, ValueType.DECIMAL),
        select("with_buyer", AggregateFunction.COUNT, BUYER, ValueType.LONG)), null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ZERO)) {
      h.send(
          order("o1", "2026-03-01T10:00:00Z", "sku", "SKU1", "buyerId", "B1", "amount", "10", "quantity", 5),
          order("o2", "2026-03-01T10:01:00Z", "sku", "SKU1", "buyerId", "B2", "amount", "10.00", "quantity", 3),
          order("o3", "2026-03-01T10:02:00Z", "sku", "SKU1", "buyerId", "B1", "amount", "12.5"),
          order("o4", "2026-03-01T10:03:00Z", "sku", "SKU1", "amount", "7"));
      h.watermark("2026-03-01T11:00:00Z");

      assertThat(h.records()).singleElement().satisfies(r -> assertThat(r.values())
          .containsExactly(2L, 3L, 3L, new java.math.BigDecimal("12.5"), 3L));
    }
  }

  @Test
  void groupsWithoutEventsInAWindowGetNoRecord() throws Exception {
    AggregatePlan plan = plan("demand.by_sku", BY_SKU, Orders.tumbling(Duration.ofHours(1)), DEMAND, null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ZERO)) {
      h.send(
          order("o1", "2026-03-01T10:00:00Z", "A", "DE", 1, "1"),
          order("o2", "2026-03-01T10:00:00Z", "B", "DE", 1, "1"),
          order("o3", "2026-03-01T11:00:00Z", "A", "DE", 1, "1"));
      h.watermark("2026-03-01T13:00:00Z");

      assertThat(describe(h.records())).containsExactlyInAnyOrder(
          "10:00-11:00 [A] = [1, 1, 1]",
          "10:00-11:00 [B] = [1, 1, 1]",
          "11:00-12:00 [A] = [1, 1, 1]");
    }
  }

  @Test
  void eventsForAClosedWindowGoToTheLateSideOutput() throws Exception {
    AggregatePlan plan = plan("demand.by_sku", BY_SKU, Orders.tumbling(Duration.ofHours(1)), DEMAND, null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ZERO)) {
      h.send(order("o1", "2026-03-01T10:00:00Z", "A", "DE", 1, "1"));
      h.watermark("2026-03-01T11:00:00Z");
      h.send(order("late", "2026-03-01T10:30:00Z", "A", "DE", 5, "5"));
      h.watermark("2026-03-01T12:00:00Z");

      assertThat(h.lateIds()).containsExactly("late");
      assertThat(describe(h.records())).containsExactly("10:00-11:00 [A] = [1, 1, 1]");
    }
  }

  @Test
  void withAllowedLatenessAWindowWaitsAndFiresOnceWithTheLateEvents() throws Exception {
    AggregatePlan plan = plan("demand.by_sku", BY_SKU, Orders.tumbling(Duration.ofHours(1)), DEMAND, null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ofMinutes(10))) {
      h.send(order("o1", "2026-03-01T10:00:00Z", "A", "DE", 1, "1"));
      h.watermark("2026-03-01T11:00:00Z");
      h.send(order("o2", "2026-03-01T10:30:00Z", "A", "DE", 5, "5"));
      h.watermark("2026-03-01T11:09:59.998Z");
      assertThat(h.records()).isEmpty();

      h.watermark("2026-03-01T11:10:00Z");
      h.send(order("o3", "2026-03-01T10:45:00Z", "A", "DE", 9, "9"));

      assertThat(describe(h.records())).containsExactly("10:00-11:00 [A] = [2, 6, 6]");
      assertThat(h.lateIds()).containsExactly("o3");
    }
  }

  @Test
  void aLateEventWithinTheLatenessOpensAWindowThatHadNoEvents() throws Exception {
    AggregatePlan plan = plan("demand.by_sku", BY_SKU, Orders.tumbling(Duration.ofHours(1)), DEMAND, null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ofMinutes(10))) {
      h.watermark("2026-03-01T11:05:00Z");
      h.send(order("o1", "2026-03-01T10:30:00Z", "A", "DE", 4, "4"));
      assertThat(h.records()).isEmpty();

      h.watermark("2026-03-01T11:09:59.999Z");

      assertThat(describe(h.records())).containsExactly("10:00-11:00 [A] = [1, 4, 4]");
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void theEndOfAFiniteInputDoesNotCloseAWindowTheInputNeverReached() throws Exception {
    AggregatePlan plan = plan("demand.by_sku", BY_SKU, Orders.tumbling(Duration.ofHours(1)), DEMAND, null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ZERO)) {
      h.send(
          order("o1", "2026-03-01T10:30:00Z", "A", "DE", 1, "1"),
          order("o2", "2026-03-01T11:10:00Z", "A", "DE", 2, "2"));
      // the input's last watermark is its latest event, then the end of input
      h.watermark("2026-03-01T11:10:00Z");
      h.endOfInput();

      assertThat(describe(h.records())).containsExactly("10:00-11:00 [A] = [1, 1, 1]");
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void theEndOfAFiniteInputClosesAReachedWindowStillWithinItsLateness() throws Exception {
    AggregatePlan plan = plan("demand.by_sku", BY_SKU, Orders.tumbling(Duration.ofHours(1)), DEMAND, null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ofMinutes(30))) {
      h.send(
          order("o1", "2026-03-01T10:30:00Z", "A", "DE", 1, "1"),
          order("o2", "2026-03-01T11:10:00Z", "A", "DE", 2, "2"));
      h.watermark("2026-03-01T11:10:00Z");
      assertThat(h.records()).isEmpty();

      h.endOfInput();

      // 10:00-11:00 was reached, nothing can arrive any more: complete. 11:00-12:00 was not.
      assertThat(describe(h.records())).containsExactly("10:00-11:00 [A] = [1, 1, 1]");
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void aClosedWindowLeavesNoStateAndNoTimer() throws Exception {
    AggregatePlan plan = plan("demand.sliding", BY_SKU, Orders.sliding(Duration.ofHours(1), Duration.ofMinutes(30)),
        DEMAND, null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ofMinutes(5))) {
      h.send(order("o1", "2026-03-01T10:10:00Z", "A", "DE", 1, "1"));
      assertThat(h.eventTimeTimers()).isPositive();

      h.watermark("2026-03-01T11:04:59.999Z");

      assertThat(h.records()).hasSize(2);
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  @Test
  void sessionWindowsMergeAccumulatorsOfEventsWithinTheGap() throws Exception {
    AggregatePlan plan = plan("demand.sessions", BY_SKU, Orders.session(Duration.ofMinutes(30)), List.of(
        select("orders", AggregateFunction.COUNT, null, ValueType.LONG),
        select("buyers", AggregateFunction.COUNT_DISTINCT, BUYER, ValueType.LONG)), null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ZERO)) {
      h.send(
          order("o1", "2026-03-01T10:00:00Z", "sku", "A", "buyerId", "B1"),
          order("o3", "2026-03-01T10:40:00Z", "sku", "A", "buyerId", "B2"),
          order("o2", "2026-03-01T10:20:00Z", "sku", "A", "buyerId", "B1"),
          order("o4", "2026-03-01T12:00:00Z", "sku", "A", "buyerId", "B3"));
      h.watermark("2026-03-01T13:00:00Z");

      assertThat(describe(h.records())).containsExactly(
          "10:00-11:10 [A] = [3, 2]",
          "12:00-12:30 [A] = [1, 1]");
    }
  }

  @Test
  void aLateEventThatExtendsAReachedSessionMovesItsCloseToTheNewEnd() throws Exception {
    AggregatePlan plan = plan("demand.sessions", BY_SKU, Orders.session(Duration.ofMinutes(30)), List.of(
        select("orders", AggregateFunction.COUNT, null, ValueType.LONG),
        select("buyers", AggregateFunction.COUNT_DISTINCT, BUYER, ValueType.LONG)), null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ofMinutes(20))) {
      h.send(order("o1", "2026-03-01T10:00:00Z", "sku", "A", "buyerId", "B1"));
      h.watermark("2026-03-01T10:35:00Z");
      h.send(order("o2", "2026-03-01T10:20:00Z", "sku", "A", "buyerId", "B1"));
      h.watermark("2026-03-01T11:09:59.998Z");
      assertThat(h.records()).isEmpty();

      h.watermark("2026-03-01T11:09:59.999Z");

      assertThat(describe(h.records())).containsExactly("10:00-10:50 [A] = [2, 1]");
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }
}
