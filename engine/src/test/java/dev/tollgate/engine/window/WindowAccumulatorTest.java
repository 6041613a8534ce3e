package dev.tollgate.engine.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.io.IOException;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class WindowAccumulatorTest {

  private static Window of(AggregateFunction function, ValueType argumentType, ValueType resultType) {
    PlanExpr argument = argumentType == null ? null : new PlanExpr.EventField("f", 2, argumentType);
    return new Window(WindowAccumulator.of(new AggregateSpec(function, argument, resultType)));
  }

  /**
   * An accumulator with what the evaluator gives it: value counts in a map, and the window's
   * values to rescan, oldest first, when it asks.
   */
  private static final class Window {
    private final Map<Object, Long> counts = new HashMap<>();
    private final List<Object> values = new ArrayList<>();
    private WindowAccumulator accumulator;

    Window(WindowAccumulator accumulator) {
      this.accumulator = accumulator;
    }

    void add(Object value) {
      values.add(value);
      accumulator.add(value, this::count);
    }

    void remove(Object value) {
      values.remove(value);
      accumulator.remove(value, this::count);
    }

    Object result() {
      if (accumulator.stale()) {
        accumulator.rescan();
        values.forEach(value -> accumulator.add(value, null));
      }
      return accumulator.result();
    }

    /** Writes and reads the accumulator back, as the RocksDB backend does on every event. */
    void roundTrip() throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(64);
      accumulator.write(out);
      accumulator = WindowAccumulator.read(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private long count(Object value, long delta) {
      long count = counts.getOrDefault(value, 0L) + delta;
      if (count == 0) {
        counts.remove(value);
      } else {
        counts.put(value, count);
      }
      return count;
    }
  }

  @Test
  void longSumSurvivesIntermediateOverflow() {
    Window sum = of(AggregateFunction.SUM, ValueType.LONG, ValueType.LONG);

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
    Window sum = of(AggregateFunction.SUM, ValueType.DECIMAL, ValueType.DECIMAL);

    sum.add(new BigDecimal("9500"));
    sum.add(new BigDecimal("0.50"));
    sum.remove(new BigDecimal("0.50"));

    assertThat(sum.result()).hasToString("9500");
  }

  @Test
  void avgOfLongsIsDecimal() {
    Window avg = of(AggregateFunction.AVG, ValueType.LONG, ValueType.DECIMAL);

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
    Window distinct = of(AggregateFunction.COUNT_DISTINCT, ValueType.DECIMAL, ValueType.LONG);

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
  void incrementalResultsMatchRecomputation() throws IOException {
    Random random = new Random(11);
    Window min = of(AggregateFunction.MIN, ValueType.LONG, ValueType.LONG);
    Window max = of(AggregateFunction.MAX, ValueType.LONG, ValueType.LONG);
    Window sum = of(AggregateFunction.SUM, ValueType.LONG, ValueType.LONG);
    Window distinct = of(AggregateFunction.COUNT_DISTINCT, ValueType.LONG, ValueType.LONG);
    Window count = of(AggregateFunction.COUNT, ValueType.LONG, ValueType.LONG);
    Window average = of(AggregateFunction.AVG, ValueType.LONG, ValueType.DECIMAL);
    LinkedList<Long> window = new LinkedList<>();
    for (int step = 0; step < 5_000; step++) {
      if (!window.isEmpty() && random.nextInt(3) == 0) {
        Long gone = window.pollFirst();
        for (Window a : List.of(min, max, sum, distinct, count, average)) {
          a.remove(gone);
        }
      } else {
        Long value = random.nextInt(10) == 0 ? null : (long) random.nextInt(20) - 10;
        window.addLast(value);
        for (Window a : List.of(min, max, sum, distinct, count, average)) {
          a.add(value);
        }
      }
      if (step % 7 == 0) {
        for (Window a : List.of(min, max, sum, distinct, count, average)) {
          a.roundTrip();
        }
      }
      long[] values = window.stream().filter(v -> v != null).mapToLong(Long::longValue).toArray();
      assertThat(count.result()).isEqualTo((long) values.length);
      assertThat(sum.result()).isEqualTo(values.length == 0 ? null : Arrays.stream(values).sum());
      assertThat(min.result()).isEqualTo(values.length == 0 ? null : Arrays.stream(values).min().getAsLong());
      assertThat(max.result()).isEqualTo(values.length == 0 ? null : Arrays.stream(values).max().getAsLong());
      assertThat(distinct.result()).isEqualTo(Arrays.stream(values).distinct().count());
      assertThat((BigDecimal) average.result()).isEqualTo(values.length == 0 ? null
          : BigDecimal.valueOf(Arrays.stream(values).sum()).divide(BigDecimal.valueOf(values.length), MathContext.DECIMAL128));
    }
  }

  @Test
  void maxFollowsAFallingSeriesAsItsExtremesLeave() {
    Window max = of(AggregateFunction.MAX, ValueType.LONG, ValueType.LONG);
    max.add(5L);
    max.add(4L);
    max.add(5L);
    max.add(3L);

    max.remove(5L);
    assertThat(max.result()).as("one 5 is left").isEqualTo(5L);
    max.remove(4L);
    max.remove(5L);
    assertThat(max.result()).isEqualTo(3L);
    max.remove(3L);
    assertThat(max.result()).isNull();
  }

  @Test
  void minComparesDecimalsNumericallyAndKeepsTheFirstOfEqualValues() {
    Window min = of(AggregateFunction.MIN, ValueType.DECIMAL, ValueType.DECIMAL);
    min.add(new BigDecimal("2"));
    min.add(new BigDecimal("1.50"));
    min.add(new BigDecimal("1.5"));
    assertThat(min.result()).hasToString("1.50");

    min.remove(new BigDecimal("2"));
    assertThat(min.result()).hasToString("1.50");
  }
}
