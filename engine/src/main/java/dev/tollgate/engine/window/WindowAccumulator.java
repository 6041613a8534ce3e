package dev.tollgate.engine.window;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.TreeMap;

/**
 * One aggregate of a sliding window, maintained incrementally: events are added as they enter and
 * removed as they expire, so an event costs O(log n) rather than a pass over the window. Values
 * are the aggregate's argument evaluated on the event; nulls are skipped as in SQL ({@code count}
 * of nothing is 0, anything else of nothing is null). Results are exactly those of computing the
 * aggregate over the window's current values.
 */
abstract class WindowAccumulator {

  abstract void add(Object value);

  abstract void remove(Object value);

  abstract Object result();

  /** The accumulator for {@code spec}; {@code argumentType} is null for {@code count()}. */
  static WindowAccumulator of(AggregateSpec spec) {
    ValueType argumentType = spec.argument() == null ? null : spec.argument().type();
    AggregateFunction function = spec.function();
    return switch (function) {
      case COUNT -> argumentType == null ? new CountEvents() : new CountValues();
      case SUM -> switch (argumentType) {
        case LONG, DURATION -> new LongSum();
        case DOUBLE -> new DoubleSum(false);
        default -> new DecimalSum(false);
      };
      case AVG -> argumentType == ValueType.DOUBLE ? new DoubleSum(true) : new DecimalSum(true);
      case MIN -> new Extreme(false);
      case MAX -> new Extreme(true);
      case COUNT_DISTINCT -> new Distinct();
    };
  }

  /** {@code count()}: every event, null or not. */
  static final class CountEvents extends WindowAccumulator {
    private long n;

    @Override
    void add(Object value) {
      n++;
    }

    @Override
    void remove(Object value) {
      n--;
    }

    @Override
    Object result() {
      return n;
    }
  }

  /** {@code count(f)}: non-null values. */
  static final class CountValues extends WindowAccumulator {
    private long n;

    @Override
    void add(Object value) {
      if (value != null) {
        n++;
      }
    }

    @Override
    void remove(Object value) {
      if (value != null) {
        n--;
      }
    }

    @Override
    Object result() {
      return n;
    }
  }

  /**
   * Sum of longs in 128 bits, so adding and removing never loses a carry; the result is null
   * when it does not fit a long (like long overflow in expressions).
   */
  static final class LongSum extends WindowAccumulator {
    private long hi;
    private long lo;
    private long n;

    @Override
    void add(Object value) {
      if (value != null) {
        long x = (Long) value;
        long sum = lo + x;
        hi += (x >> 63) + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
        lo = sum;
        n++;
      }
    }

    @Override
    void remove(Object value) {
      if (value != null) {
        long x = (Long) value;
        long difference = lo - x;
        hi -= (x >> 63) + (Long.compareUnsigned(lo, x) < 0 ? 1 : 0);
        lo = difference;
        n--;
      }
    }

    @Override
    Object result() {
      if (n == 0 || hi != (lo >> 63)) {
        return null;
      }
      return lo;
    }
  }

  /**
   * Exact decimal sum (also of longs, for {@code avg}). The scale of the result is the largest
   * scale among the values in the window, as if they had just been added up, so removing {@code
   * 0.50} from {@code 9500 + 0.50} gives {@code 9500}, not {@code 9500.00}.
   */
  static final class DecimalSum extends WindowAccumulator {
    private final boolean average;
    private final TreeMap<Integer, int[]> scales = new TreeMap<>();
    private BigDecimal sum = BigDecimal.ZERO;
    private long n;

    DecimalSum(boolean average) {
      this.average = average;
    }

    @Override
    void add(Object value) {
      if (value != null) {
        BigDecimal d = decimal(value);
        sum = sum.add(d);
        scales.computeIfAbsent(d.scale(), s -> new int[1])[0]++;
        n++;
      }
    }

    @Override
    void remove(Object value) {
      if (value != null) {
        BigDecimal d = decimal(value);
        sum = sum.subtract(d);
        int[] count = scales.get(d.scale());
        if (--count[0] == 0) {
          scales.remove(d.scale());
        }
        if (--n == 0) {
          sum = BigDecimal.ZERO;
        }
      }
    }

    @Override
    Object result() {
      if (n == 0) {
        return null;
      }
      BigDecimal total = sum.scale() == scales.lastKey() ? sum : sum.setScale(scales.lastKey());
      return average ? total.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128) : total;
    }

    private static BigDecimal decimal(Object value) {
      return value instanceof BigDecimal d ? d : BigDecimal.valueOf((Long) value);
    }
  }

  /** Sum of doubles; back to exactly 0 whenever the window empties, so rounding never lingers. */
  static final class DoubleSum extends WindowAccumulator {
    private final boolean average;
    private double sum;
    private long n;

    DoubleSum(boolean average) {
      this.average = average;
    }

    @Override
    void add(Object value) {
      if (value != null) {
        sum += ((Number) value).doubleValue();
        n++;
      }
    }

    @Override
    void remove(Object value) {
      if (value != null) {
        sum -= ((Number) value).doubleValue();
        if (--n == 0) {
          sum = 0;
        }
      }
    }

    @Override
    Object result() {
      if (n == 0) {
        return null;
      }
      return average ? sum / n : sum;
    }
  }

  /**
   * A multiset of the window's values ordered by {@code compareTo} (so decimals compare
   * numerically and {@code 10} and {@code 10.0} are one value).
   */
  abstract static class Multiset extends WindowAccumulator {
    final TreeMap<Object, int[]> counts = new TreeMap<>();

    @Override
    void add(Object value) {
      if (value != null) {
        counts.computeIfAbsent(value, v -> new int[1])[0]++;
      }
    }

    @Override
    void remove(Object value) {
      if (value != null) {
        int[] count = counts.get(value);
        if (count != null && --count[0] == 0) {
          counts.remove(value);
        }
      }
    }
  }

  /** {@code min} / {@code max}. */
  static final class Extreme extends Multiset {
    private final boolean max;

    Extreme(boolean max) {
      this.max = max;
    }

    @Override
    Object result() {
      if (counts.isEmpty()) {
        return null;
      }
      return max ? counts.lastKey() : counts.firstKey();
    }
  }

  /** {@code count_distinct}: exact, over the values currently in the window. */
  static final class Distinct extends Multiset {
    @Override
    Object result() {
      return (long) counts.size();
    }
  }
}
