package dev.tollgate.engine.aggregate;

import static dev.tollgate.engine.aggregate.Orders.AMOUNT;
import static dev.tollgate.engine.aggregate.Orders.BUYER;
import static dev.tollgate.engine.aggregate.Orders.BY_SKU;
import static dev.tollgate.engine.aggregate.Orders.QUANTITY;
import static dev.tollgate.engine.aggregate.Orders.order;
import static dev.tollgate.engine.aggregate.Orders.plan;
import static dev.tollgate.engine.aggregate.Orders.select;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.event.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sliding windows computed by adding the pane that enters and evicting the pane that leaves. */
class SlidingWindowOperatorTest {
  private static final long MINUTE = 60_000;
  private static final AggregatePlan BUYERS = plan("demand.sliding_buyers", BY_SKU,
      Orders.sliding(Duration.ofHours(1), Duration.ofMinutes(15)),
      List.of(select("orders", AggregateFunction.COUNT, null, ValueType.LONG),
          select("buyers", AggregateFunction.COUNT_DISTINCT, BUYER, ValueType.LONG),
          select("revenue", AggregateFunction.SUM, AMOUNT, ValueType.DECIMAL),
          select("smallest", AggregateFunction.MIN, QUANTITY, ValueType.LONG),
          select("largest", AggregateFunction.MAX, QUANTITY, ValueType.LONG),
          select("units", AggregateFunction.SUM, QUANTITY, ValueType.LONG),
          select("average", AggregateFunction.AVG, AMOUNT, ValueType.DECIMAL)), null);

  @Test
  void aBuyerLeavesTheWindowWithTheLastPaneHoldingThem() throws Exception {
    try (WindowHarness h = new WindowHarness(BUYERS, Duration.ZERO)) {
      h.send(order("o1", "2026-03-01T10:05:00Z", "sku", "A", "buyerId", "B1", "amount", "1.5", "quantity", 9));
      h.watermark("2026-03-01T10:20:00Z");
      h.send(order("o2", "2026-03-01T10:35:00Z", "sku", "A", "buyerId", "B1", "amount", "2", "quantity", 1));
      h.watermark("2026-03-01T10:50:00Z");
      h.send(order("o3", "2026-03-01T11:10:00Z", "sku", "A", "buyerId", "B2", "amount", "3", "quantity", 4));
      h.watermark("2026-03-01T13:00:00Z");

      assertThat(h.records().stream().map(AggregateWindowTest::describe).toList()).containsExactly(
          "09:15-10:15 [A] = [1, 1, 1.5, 9, 9, 9, 1.5]",
          "09:30-10:30 [A] = [1, 1, 1.5, 9, 9, 9, 1.5]",
          "09:45-10:45 [A] = [2, 1, 3.5, 1, 9, 10, 1.75]",
          "10:00-11:00 [A] = [2, 1, 3.5, 1, 9, 10, 1.75]",
          // o1 leaves: B1 stays, held by o2's pane; the maximum falls back to o2's; the scale of 1.5 goes
          "10:15-11:15 [A] = [2, 2, 5, 1, 4, 5, 2.5]",
          "10:30-11:30 [A] = [2, 2, 5, 1, 4, 5, 2.5]",
          // o2 leaves and takes B1 with it
          "10:45-11:45 [A] = [1, 1, 3, 4, 4, 4, 3]",
          "11:00-12:00 [A] = [1, 1, 3, 4, 4, 4, 3]");
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  /**
   * The input reached 11:20: the windows ending 10:30 and 11:00 are complete (with 30 minutes of
   * lateness the second was still open, but nothing can arrive any more); the later ones are not.
   */
  @ParameterizedTest
  @ValueSource(longs = {0, 30})
  void theEndOfAFiniteInputEmitsOnlyTheSlidingWindowsTheInputReached(long latenessMinutes) throws Exception {
    AggregatePlan plan = plan("demand.sliding", BY_SKU, Orders.sliding(Duration.ofHours(1), Duration.ofMinutes(30)),
        Orders.DEMAND, null);
    try (WindowHarness h = new WindowHarness(plan, Duration.ofMinutes(latenessMinutes))) {
      h.send(
          order("o1", "2026-03-01T10:10:00Z", "A", "DE", 1, "1"),
          order("o2", "2026-03-01T11:20:00Z", "A", "DE", 2, "2"));
      h.watermark("2026-03-01T11:20:00Z");
      h.endOfInput();

      assertThat(h.records().stream().map(AggregateWindowTest::describe).toList()).containsExactly(
          "09:30-10:30 [A] = [1, 1, 1]",
          "10:00-11:00 [A] = [1, 1, 1]");
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  /**
   * Random orders for three SKUs over five hours, watermarks following the input: every window's
   * record equals counting the window's orders directly.
   */
  @ParameterizedTest
  @ValueSource(longs = {0, 20})
  void everyWindowEqualsCountingItsOrdersDirectly(long latenessMinutes) throws Exception {
    Random random = new Random(42 + latenessMinutes);
    long start = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
    List<Event> orders = new ArrayList<>();
    long ts = start;
    for (int i = 0; i < 400; i++) {
      ts += random.nextInt(90_000);
      orders.add(order("o" + i, Instant.ofEpochMilli(ts).toString(), "sku", "S" + random.nextInt(3),
          "buyerId", "B" + random.nextInt(12), "amount", amount(random),
          "quantity", 1 + random.nextInt(20)));
    }
    try (WindowHarness h = new WindowHarness(BUYERS, Duration.ofMinutes(latenessMinutes))) {
      for (int i = 0; i < orders.size(); i++) {
        h.send(orders.get(i));
        if (random.nextInt(10) == 0) {
          h.watermark(Instant.ofEpochMilli(orders.get(i).ts()).toString());
        }
      }
      h.watermark(Instant.ofEpochMilli(ts + 3 * 60 * MINUTE).toString());

      List<String> expected = countedDirectly(orders, 60 * MINUTE, 15 * MINUTE);
      assertThat(expected).hasSizeGreaterThan(60);
      assertThat(h.records().stream().map(AggregateWindowTest::describe).toList())
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(h.keyedStateEntries()).isZero();
      assertThat(h.eventTimeTimers()).isZero();
    }
  }

  /** A positive amount with 0, 1 or 2 decimal places, so windows differ in scale. */
  private static String amount(Random random) {
    String whole = String.valueOf(1 + random.nextInt(500));
    return switch (random.nextInt(3)) {
      case 0 -> whole;
      case 1 -> whole + "." + random.nextInt(10);
      default -> whole + "." + (10 + random.nextInt(90));
    };
  }

  @Test
  void aLongSumThatOverflowsIsNullUntilTheOverflowingPaneLeaves() throws Exception {
    try (WindowHarness h = new WindowHarness(BUYERS, Duration.ZERO)) {
      h.send(
          order("o1", "2026-03-01T10:05:00Z", "sku", "A", "buyerId", "B1", "amount", "1", "quantity", Long.MAX_VALUE - 10),
          order("o2", "2026-03-01T10:20:00Z", "sku", "A", "buyerId", "B1", "amount", "1", "quantity", 20));
      h.watermark("2026-03-01T12:00:00Z");

      assertThat(h.records().stream().map(r -> r.values().get(5)).toList())
          .containsExactly(Long.MAX_VALUE - 10, null, null, null, 20L);
    }
  }

  /** Each window {@code [end - size, end)} holding orders of a SKU, as {@link AggregateWindowTest#describe}. */
  private static List<String> countedDirectly(List<Event> orders, long size, long slide) {
    TreeMap<String, List<Event>> bySku = new TreeMap<>();
    orders.forEach(o -> bySku.computeIfAbsent((String) o.get(2), k -> new ArrayList<>()).add(o));
    List<String> records = new ArrayList<>();
    bySku.forEach((sku, skuOrders) -> {
      long first = Math.floorDiv(skuOrders.get(0).ts(), slide) * slide + slide;
      long last = skuOrders.get(skuOrders.size() - 1).ts() + size;
      for (long end = first; end <= last; end += slide) {
        long windowEnd = end;
        List<Event> in = skuOrders.stream().filter(o -> o.ts() >= windowEnd - size && o.ts() < windowEnd).toList();
        if (in.isEmpty()) {
          continue;
        }
        Set<Object> buyers = new HashSet<>();
        BigDecimal revenue = BigDecimal.ZERO;
        long smallest = Long.MAX_VALUE;
        long largest = Long.MIN_VALUE;
        long units = 0;
        for (Event o : in) {
          units += ((Number) o.get(4)).longValue();
          buyers.add(o.get(7));
          revenue = revenue.add((BigDecimal) o.get(5));
          smallest = Math.min(smallest, ((Number) o.get(4)).longValue());
          largest = Math.max(largest, ((Number) o.get(4)).longValue());
        }
        records.add(AggregateWindowTest.describe(new WindowRecord("demand.sliding_buyers", end - size, end,
            List.of(sku), List.of((long) in.size(), (long) buyers.size(), revenue, smallest, largest, units,
                revenue.divide(BigDecimal.valueOf(in.size()), java.math.MathContext.DECIMAL128)))));
      }
    });
    return records;
  }
}
