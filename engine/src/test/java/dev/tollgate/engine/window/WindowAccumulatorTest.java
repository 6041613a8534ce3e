package dev.tollgate.engine.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.util.LinkedList;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowAccumulatorTest {

  private static WindowAccumulator of(AggregateFunction function, ValueType argumentType, ValueType resultType) {
    PlanExpr argument = argumentType == null ? null : new PlanExpr.EventField("f", 2, argumentType);
    return WindowAccumulator.of(new AggregateSpec(function, argument, resultType));
  }

  @Test
  void longSumSurvivesIntermediateOverflow() {
    WindowAccumulator sum = of(AggregateFunction.SUM, ValueType.LONG, ValueType.LONG);

    sum.add(Long.MAX_VALUE);
    sum.add(10L);
    assertThat(sum.result()).as("overflowing sum").isNull();

    sum.remove(Long.MAX_VALUE);
    assertThat(sum.result()).isEqualTo(10L);

    sum.add(Long.MIN_VALUE);
    sum.add(-10L);
    sum.remove(10L);
    assertThat(sum.result()).as("MIN_VALUE - 10 overflows").isNull();
    sum.remove(-10L);
    assertThat(sum.result()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void decimalSumHasTheScaleOfTheValuesLeft() {
    WindowAccumulator sum = of(AggregateFunction.SUM, ValueType.DECIMAL, ValueType.DECIMAL);

    sum.add(new BigDecimal("9500"));
    sum.add(new BigDecimal("0.50"));
    sum.remove(new BigDecimal("0.50"));

    assertThat(sum.result()).hasToString("9500");
  }

  @Test
  void avgOfLongsIsDecimal() {
    WindowAccumulator avg = of(AggregateFunction.AVG, ValueType.LONG, ValueType.DECIMAL);

    avg.add(1L);
    avg.add(2L);

    assertThat((BigDecimal) avg.result()).isEqualByComparingTo("1.5");
  }

  @Test
  void aggregatesOfNothingAreNullExceptCounts() {
    assertThat(of(AggregateFunction.SUM, ValueType.DECIMAL, ValueType.DECIMAL).result()).isNull();
    assertThat(of(AggregateFunction.MIN, ValueType.STRING, ValueType.STRING).result()).isNull();
    assertThat(of(AggregateFunction.AVG, ValueType.DOUBLE, ValueType.DOUBLE).result()).isNull();
    assertThat(of(AggregateFunction.COUNT, null, ValueType.LONG).result()).isEqualTo(0L);
    assertThat(of(AggregateFunction.COUNT_DISTINCT, ValueType.STRING, ValueType.LONG).result()).isEqualTo(0L);
  }

  @Test
  void countDistinctTreatsEqualDecimalsAsOneValue() {
    WindowAccumulator distinct = of(AggregateFunction.COUNT_DISTINCT, ValueType.DECIMAL, ValueType.LONG);

    distinct.add(new BigDecimal("10"));
    distinct.add(new BigDecimal("10.00"));
    distinct.add(new BigDecimal("11"));
    assertThat(distinct.result()).isEqualTo(2L);

    distinct.remove(new BigDecimal("10"));
    assertThat(distinct.result()).isEqualTo(2L);
    distinct.remove(new BigDecimal("10.00"));
    assertThat(distinct.result()).isEqualTo(1L);
  }

  /** Random slides of a window: the incremental result always equals a recomputation. */
  @Test
  void incrementalResultsMatchRecomputation() {
    Random random = new Random(11);
    WindowAccumulator min = of(AggregateFunction.MIN, ValueType.LONG, ValueType.LONG);
    WindowAccumulator max = of(AggregateFunction.MAX, ValueType.LONG, ValueType.LONG);
    WindowAccumulator sum = of(AggregateFunction.SUM, ValueType.LONG, ValueType.LONG);
    WindowAccumulator distinct = of(AggregateFunction.COUNT_DISTINCT, ValueType.LONG, ValueType.LONG);
    WindowAccumulator count = of(AggregateFunction.COUNT, ValueType.LONG, ValueType.LONG);
    LinkedList<Long> window = new LinkedList<>();
    for (int step = 0; step < 5_000; step++) {
      if (!window.isEmpty() && random.nextInt(3) == 0) {
        Long gone = window.pollFirst();
        for (WindowAccumulator a : Arrays.asList(min, max, sum, distinct, count)) {
          a.remove(gone);
        }
      } else {
        Long value = random.nextInt(10) == 0 ? null : (long) random.nextInt(20) - 10;
        window.addLast(value);
        for (WindowAccumulator a : Arrays.asList(min, max, sum, distinct, count)) {
          a.add(value);
        }
      }
      long[] values = window.stream().filter(v -> v != null).mapToLong(Long::longValue).toArray();
      assertThat(count.result()).isEqualTo((long) values.length);
      assertThat(sum.result()).isEqualTo(values.length == 0 ? null : Arrays.stream(values).sum());
      assertThat(min.result()).isEqualTo(values.length == 0 ? null : Arrays.stream(values).min().getAsLong());
      assertThat(max.result()).isEqualTo(values.length == 0 ? null : Arrays.stream(values).max().getAsLong());
      assertThat(distinct.result()).isEqualTo(Arrays.stream(values).distinct().count());
    }
  }
}
