package dev.tollgate.engine.window;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.serde.TaggedValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * One aggregate of a sliding window, maintained incrementally: events are added as they enter and
 * removed as they expire, so an event costs O(1) rather than a pass over the window. Values are
 * the aggregate's argument evaluated on the event; nulls are skipped as in SQL ({@code count} of
 * nothing is 0, anything else of nothing is null). Results are exactly those of computing the
 * aggregate over the window's current values.
 *
 * <p>An accumulator is small and of fixed size whatever the window holds, so it is stored with
 * the window's summary and written on every event. What does not fit that shape lives elsewhere:
 * {@code count_distinct} keeps its value counts in {@link ValueCounts} (map state, one entry per
 * distinct value), and {@code min}/{@code max} keep only the current extreme and how often it
 * occurs; when the last occurrence leaves the window the accumulator is {@link #stale()} and is
 * recomputed from the window's events ({@link #rescan}) the next time its result is needed.
 */
abstract class WindowAccumulator {
  private static final byte COUNT_EVENTS = 0;
  private static final byte COUNT_VALUES = 1;
  private static final byte LONG_SUM = 2;
  private static final byte DECIMAL_SUM = 3;
  private static final byte DOUBLE_SUM = 4;
  private static final byte EXTREME = 5;
  private static final byte DISTINCT = 6;

  /**
   * The window's values of one {@code count_distinct} aggregate with how often each occurs (values
   * already normalized, so equal decimals are one value).
   */
  interface ValueCounts {
    /** Adds {@code delta} to the value's count, forgetting it at zero; returns the new count. */
    long add(Object value, long delta);
  }

  /** @param counts the aggregate's value counts; only {@code count_distinct} uses them */
  abstract void add(Object value, ValueCounts counts);

  /** @param counts the aggregate's value counts; only {@code count_distinct} uses them */
  abstract void remove(Object value, ValueCounts counts);

  abstract Object result();

  /** Whether {@link #result} needs the window's values fed to {@link #rescan} first. */
  boolean stale() {
    return false;
  }

  /** Starts a recomputation: every value in the window follows, oldest first, through {@link #add}. */
  void rescan() {}

  abstract WindowAccumulator copy();

  abstract void write(DataOutputView out) throws IOException;

  /** The accumulator for {@code spec}. */
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

  /** Reads what {@link #write} wrote. */
  static WindowAccumulator read(DataInputView in) throws IOException {
    byte kind = in.readByte();
    return switch (kind) {
      case COUNT_EVENTS -> new CountEvents().n(in.readLong());
      case COUNT_VALUES -> new CountValues().n(in.readLong());
      case LONG_SUM -> LongSum.read(in);
      case DECIMAL_SUM -> DecimalSum.read(in);
      case DOUBLE_SUM -> DoubleSum.read(in);
      case EXTREME -> Extreme.read(in);
      case DISTINCT -> new Distinct().n(in.readLong());
      default -> throw new IOException("unknown window accumulator " + kind);
    };
  }

  /** An accumulator whose whole state is one count. */
  abstract static class Counter extends WindowAccumulator {
    long n;

    Counter n(long value) {
      n = value;
      return this;
    }

    abstract byte kind();

    @Override
    Object result() {
      return n;
    }

    @Override
    void write(DataOutputView out) throws IOException {
      out.writeByte(kind());
      out.writeLong(n);
    }
  }

  /** {@code count()}: every event, null or not. */
  static final class CountEvents extends Counter {
    @Override
    byte kind() {
      return COUNT_EVENTS;
    }

    @Override
    void add(Object value, ValueCounts counts) {
      n++;
    }

    @Override
    void remove(Object value, ValueCounts counts) {
      n--;
    }

    @Override
    WindowAccumulator copy() {
      return new CountEvents().n(n);
    }
  }

  /** {@code count(f)}: non-null values. */
  static final class CountValues extends Counter {
    @Override
    byte kind() {
      return COUNT_VALUES;
    }

    @Override
    void add(Object value, ValueCounts counts) {
      if (value != null) {
        n++;
      }
    }

    @Override
    void remove(Object value, ValueCounts counts) {
      if (value != null) {
        n--;
      }
    }

    @Override
    WindowAccumulator copy() {
      return new CountValues().n(n);
    }
  }

  /** {@code count_distinct}: exact, over the values currently in the window. */
  static final class Distinct extends Counter {
    @Override
    byte kind() {
      return DISTINCT;
    }

    @Override
    void add(Object value, ValueCounts counts) {
      if (value != null && counts.add(normalized(value), 1) == 1) {
        n++;
      }
    }

    @Override
    void remove(Object value, ValueCounts counts) {
      if (value != null && counts.add(normalized(value), -1) == 0) {
        n--;
      }
    }

    @Override
    WindowAccumulator copy() {
      return new Distinct().n(n);
    }

    /** Decimals that compare equal ({@code 10}, {@code 10.00}) are one value. */
    private static Object normalized(Object value) {
      return value instanceof BigDecimal d ? d.stripTrailingZeros() : value;
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
    void add(Object value, ValueCounts counts) {
      if (value != null) {
        long x = (Long) value;
        long sum = lo + x;
        hi += (x >> 63) + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
        lo = sum;
        n++;
      }
    }

    @Override
    void remove(Object value, ValueCounts counts) {
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

    @Override
    WindowAccumulator copy() {
      LongSum copy = new LongSum();
      copy.hi = hi;
      copy.lo = lo;
      copy.n = n;
      return copy;
    }

    @Override
    void write(DataOutputView out) throws IOException {
      out.writeByte(LONG_SUM);
      out.writeLong(hi);
      out.writeLong(lo);
      out.writeLong(n);
    }

    static LongSum read(DataInputView in) throws IOException {
      LongSum sum = new LongSum();
      sum.hi = in.readLong();
      sum.lo = in.readLong();
      sum.n = in.readLong();
      return sum;
    }
  }

  /**
   * Exact decimal sum (also of longs, for {@code avg}). The scale of the result is the largest
   * scale among the values in the window, as if they had just been added up, so removing {@code
   * 0.50} from {@code 9500 + 0.50} gives {@code 9500}, not {@code 9500.00}.
   */
  static final class DecimalSum extends WindowAccumulator {
    private final boolean average;
    /** How many values of each scale the window holds (a handful of scales in practice). */
    private final TreeMap<Integer, long[]> scales = new TreeMap<>();
    private BigDecimal sum = BigDecimal.ZERO;
    private long n;

    DecimalSum(boolean average) {
      this.average = average;
    }

    @Override
    void add(Object value, ValueCounts counts) {
      if (value != null) {
        BigDecimal d = decimal(value);
        sum = sum.add(d);
        scales.computeIfAbsent(d.scale(), s -> new long[1])[0]++;
        n++;
      }
    }

    @Override
    void remove(Object value, ValueCounts counts) {
      if (value != null) {
        BigDecimal d = decimal(value);
        sum = sum.subtract(d);
        long[] count = scales.get(d.scale());
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

    @Override
    WindowAccumulator copy() {
      DecimalSum copy = new DecimalSum(average);
      scales.forEach((scale, count) -> copy.scales.put(scale, new long[] {count[0]}));
      copy.sum = sum;
      copy.n = n;
      return copy;
    }

    @Override
    void write(DataOutputView out) throws IOException {
      out.writeByte(DECIMAL_SUM);
      out.writeBoolean(average);
      TaggedValues.write(out, sum);
      out.writeLong(n);
      out.writeInt(scales.size());
      for (Map.Entry<Integer, long[]> scale : scales.entrySet()) {
        out.writeInt(scale.getKey());
        out.writeLong(scale.getValue()[0]);
      }
    }

    static DecimalSum read(DataInputView in) throws IOException {
      DecimalSum sum = new DecimalSum(in.readBoolean());
      sum.sum = (BigDecimal) TaggedValues.read(in);
      sum.n = in.readLong();
      for (int i = in.readInt(); i > 0; i--) {
        sum.scales.put(in.readInt(), new long[] {in.readLong()});
      }
      return sum;
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
    void add(Object value, ValueCounts counts) {
      if (value != null) {
        sum += ((Number) value).doubleValue();
        n++;
      }
    }

    @Override
    void remove(Object value, ValueCounts counts) {
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

    @Override
    WindowAccumulator copy() {
      DoubleSum copy = new DoubleSum(average);
      copy.sum = sum;
      copy.n = n;
      return copy;
    }

    @Override
    void write(DataOutputView out) throws IOException {
      out.writeByte(DOUBLE_SUM);
      out.writeBoolean(average);
      out.writeDouble(sum);
      out.writeLong(n);
    }

    static DoubleSum read(DataInputView in) throws IOException {
      DoubleSum sum = new DoubleSum(in.readBoolean());
      sum.sum = in.readDouble();
      sum.n = in.readLong();
      return sum;
    }
  }

  /**
   * {@code min} / {@code max} by {@code compareTo} (so decimals compare numerically and {@code 10}
   * and {@code 10.0} are one value): the current extreme and how many values in the window equal
   * it. Removing the last of them leaves the extreme unknown until a {@link #rescan}: with values
   * in no particular order that is rare (about one removal in the window's size), so an event
   * costs O(1) on average; a window whose extreme leaves with every event (a falling series for
   * {@code max}) rescans on every event, as if the window were recomputed.
   */
  static final class Extreme extends WindowAccumulator {
    private final boolean max;
    private Object value;
    private long count;
    private boolean stale;

    Extreme(boolean max) {
      this.max = max;
    }

    @Override
    @SuppressWarnings("unchecked")
    void add(Object candidate, ValueCounts counts) {
      if (candidate == null || stale) {
        return;
      }
      int order = value == null ? 1 : ((Comparable<Object>) candidate).compareTo(value) * (max ? 1 : -1);
      if (order > 0) {
        value = candidate;
        count = 1;
      } else if (order == 0) {
        count++;
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    void remove(Object gone, ValueCounts counts) {
      if (gone == null || stale || value == null || ((Comparable<Object>) gone).compareTo(value) != 0) {
        return;
      }
      if (--count == 0) {
        value = null;
        stale = true;
      }
    }

    @Override
    boolean stale() {
      return stale;
    }

    @Override
    void rescan() {
      value = null;
      count = 0;
      stale = false;
    }

    @Override
    Object result() {
      if (stale) {
        throw new IllegalStateException("extreme needs a rescan of the window");
      }
      return value;
    }

    @Override
    WindowAccumulator copy() {
      Extreme copy = new Extreme(max);
      copy.value = value;
      copy.count = count;
      copy.stale = stale;
      return copy;
    }

    @Override
    void write(DataOutputView out) throws IOException {
      out.writeByte(EXTREME);
      out.writeBoolean(max);
      out.writeBoolean(stale);
      TaggedValues.write(out, value);
      out.writeLong(count);
    }

    static Extreme read(DataInputView in) throws IOException {
      Extreme extreme = new Extreme(in.readBoolean());
      extreme.stale = in.readBoolean();
      extreme.value = TaggedValues.read(in);
      extreme.count = in.readLong();
      return extreme;
    }
  }
}
