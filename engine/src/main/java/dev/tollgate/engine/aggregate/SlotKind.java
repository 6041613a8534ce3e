package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.serde.TaggedValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * How one select slot accumulates, chosen once from its {@link AggregateSpec}: the state it keeps
 * per window and group, how a value is added, how two states merge (session windows), its result
 * and its binary form. Every kind keeps constant-size state except {@link #COUNT_DISTINCT}, which
 * keeps the set of distinct values seen (exact, so it grows with the number of distinct values).
 *
 * <p>Values passed to {@link #add} are never null: nulls are skipped, as in SQL, so {@code count}
 * of nothing is 0 and every other aggregate of nothing is null. Long sums that overflow yield null
 * rather than a wrapped number. Result types follow {@link AggregateFunction}.
 */
enum SlotKind {
  COUNT {
    @Override Object create() { return new long[1]; }
    @Override Object add(Object state, Object value) { ((long[]) state)[0]++; return state; }
    @Override Object merge(Object a, Object b) { ((long[]) a)[0] += ((long[]) b)[0]; return a; }
    @Override Object result(Object state) { return ((long[]) state)[0]; }
    @Override Object copy(Object state) { return ((long[]) state).clone(); }
    @Override void write(DataOutputView out, Object state) throws IOException { out.writeLong(((long[]) state)[0]); }
    @Override Object read(DataInputView in) throws IOException { return new long[] {in.readLong()}; }
  },
  SUM_LONG {
    @Override Object add(Object state, Object value) {
      ((RunningSum) state).addLong((Long) value);
      return state;
    }

    @Override Object result(Object state) {
      RunningSum sum = (RunningSum) state;
      return sum.count == 0 || sum.overflow ? null : (Object) sum.longTotal;
    }
  },
  SUM_DECIMAL {
    @Override Object add(Object state, Object value) {
      RunningSum sum = (RunningSum) state;
      sum.count++;
      sum.decimalTotal = sum.decimalTotal.add(toDecimal(value));
      return state;
    }

    @Override Object result(Object state) {
      RunningSum sum = (RunningSum) state;
      return sum.count == 0 ? null : sum.decimalTotal;
    }
  },
  SUM_DOUBLE {
    @Override Object add(Object state, Object value) {
      RunningSum sum = (RunningSum) state;
      sum.count++;
      sum.doubleTotal += ((Number) value).doubleValue();
      return state;
    }

    @Override Object result(Object state) {
      RunningSum sum = (RunningSum) state;
      return sum.count == 0 ? null : (Object) sum.doubleTotal;
    }
  },
  /** Average of long or decimal values: an exact decimal sum divided with DECIMAL128. */
  AVG_DECIMAL {
    @Override Object add(Object state, Object value) {
      return SUM_DECIMAL.add(state, value);
    }

    @Override Object result(Object state) {
      RunningSum sum = (RunningSum) state;
      return sum.count == 0 ? null : sum.decimalTotal.divide(BigDecimal.valueOf(sum.count), MathContext.DECIMAL128);
    }
  },
  AVG_DOUBLE {
    @Override Object add(Object state, Object value) {
      return SUM_DOUBLE.add(state, value);
    }

    @Override Object result(Object state) {
      RunningSum sum = (RunningSum) state;
      return sum.count == 0 ? null : (Object) (sum.doubleTotal / sum.count);
    }
  },
  MIN {
    @Override Object create() { return null; }
    @Override Object add(Object state, Object value) { return extreme(state, value, -1); }
    @Override Object merge(Object a, Object b) { return b == null ? a : extreme(a, b, -1); }
    @Override Object result(Object state) { return state; }
    @Override Object copy(Object state) { return state; }
    @Override void write(DataOutputView out, Object state) throws IOException { TaggedValues.write(out, state); }
    @Override Object read(DataInputView in) throws IOException { return TaggedValues.read(in); }
  },
  MAX {
    @Override Object create() { return null; }
    @Override Object add(Object state, Object value) { return extreme(state, value, 1); }
    @Override Object merge(Object a, Object b) { return b == null ? a : extreme(a, b, 1); }
    @Override Object result(Object state) { return state; }
    @Override Object copy(Object state) { return state; }
    @Override void write(DataOutputView out, Object state) throws IOException { TaggedValues.write(out, state); }
    @Override Object read(DataInputView in) throws IOException { return TaggedValues.read(in); }
  },
  /** Exact distinct count: keeps every distinct value (decimals canonical, so 10.0 equals 10). */
  COUNT_DISTINCT {
    @Override Object create() { return new HashSet<>(); }

    @Override @SuppressWarnings("unchecked") Object add(Object state, Object value) {
      ((Set<Object>) state).add(value instanceof BigDecimal d ? GroupKey.canonical(d) : value);
      return state;
    }

    @Override @SuppressWarnings("unchecked") Object merge(Object a, Object b) {
      ((Set<Object>) a).addAll((Set<Object>) b);
      return a;
    }

    @Override Object result(Object state) { return (long) ((Set<?>) state).size(); }

    @Override Object copy(Object state) { return new HashSet<>((Set<?>) state); }

    @Override void write(DataOutputView out, Object state) throws IOException {
      Set<?> values = (Set<?>) state;
      out.writeInt(values.size());
      for (Object value : values) {
        TaggedValues.write(out, value);
      }
    }

    @Override Object read(DataInputView in) throws IOException {
      int size = in.readInt();
      Set<Object> values = new HashSet<>(Math.max(16, size * 2));
      for (int i = 0; i < size; i++) {
        values.add(TaggedValues.read(in));
      }
      return values;
    }
  },
  /**
   * Not a select item's kind: the running state of a sliding window's long sum ({@link
   * SlidingWindowOperator}), panes added and evicted by the operator; {@link RunningSum#windowMark}
   * counts the panes at risk of overflow.
   */
  WINDOW_LONG_SUM {
    @Override Object add(Object state, Object value) { return SUM_LONG.add(state, value); }
    @Override Object result(Object state) { return SUM_LONG.result(state); }
    @Override void write(DataOutputView out, Object state) throws IOException { writeWithMark(out, state); }
    @Override Object read(DataInputView in) throws IOException { return readWithMark(in); }
  },
  /**
   * Not a select item's kind: the running state of a sliding window's decimal sum or average;
   * {@link RunningSum#windowMark} is the latest pane end holding the total's scale.
   */
  WINDOW_DECIMAL_SUM {
    @Override Object add(Object state, Object value) { return SUM_DECIMAL.add(state, value); }
    @Override Object result(Object state) { return SUM_DECIMAL.result(state); }
    @Override void write(DataOutputView out, Object state) throws IOException { writeWithMark(out, state); }
    @Override Object read(DataInputView in) throws IOException { return readWithMark(in); }
  },
  /**
   * Not a select item's kind: the running {@code count_distinct} state of a sliding window, which
   * counts for each distinct value the panes of the window holding it ({@link SlidingWindowOperator}),
   * so a pane leaving the window removes exactly the values no other pane holds. Adding a value
   * counts one more pane holding it; the result is the number of distinct values.
   */
  VALUE_COUNTS {
    @Override Object create() { return new HashMap<Object, Integer>(); }

    @Override @SuppressWarnings("unchecked") Object add(Object state, Object value) {
      ((Map<Object, Integer>) state).merge(value, 1, Integer::sum);
      return state;
    }

    @Override @SuppressWarnings("unchecked") Object merge(Object a, Object b) {
      Map<Object, Integer> counts = (Map<Object, Integer>) a;
      ((Map<Object, Integer>) b).forEach((value, count) -> counts.merge(value, count, Integer::sum));
      return a;
    }

    @Override Object result(Object state) { return (long) ((Map<?, ?>) state).size(); }

    @Override Object copy(Object state) { return new HashMap<>((Map<?, ?>) state); }

    @Override void write(DataOutputView out, Object state) throws IOException {
      Map<?, ?> counts = (Map<?, ?>) state;
      out.writeInt(counts.size());
      for (Map.Entry<?, ?> entry : counts.entrySet()) {
        TaggedValues.write(out, entry.getKey());
        out.writeInt((Integer) entry.getValue());
      }
    }

    @Override Object read(DataInputView in) throws IOException {
      int size = in.readInt();
      Map<Object, Integer> counts = new HashMap<>(Math.max(16, size * 2));
      for (int i = 0; i < size; i++) {
        counts.put(TaggedValues.read(in), in.readInt());
      }
      return counts;
    }
  };

  /** The kind that computes {@code spec}. */
  static SlotKind of(AggregateSpec spec) {
    ValueType argument = spec.argument() == null ? null : spec.argument().type();
    return switch (spec.function()) {
      case COUNT -> COUNT;
      case COUNT_DISTINCT -> COUNT_DISTINCT;
      case MIN -> MIN;
      case MAX -> MAX;
      case SUM -> switch (argument) {
        case LONG, DURATION -> SUM_LONG;
        case DOUBLE -> SUM_DOUBLE;
        default -> SUM_DECIMAL;
      };
      case AVG -> argument == ValueType.DOUBLE ? AVG_DOUBLE : AVG_DECIMAL;
    };
  }

  /** The type of a slot's result, as {@link AggregateFunction} defines it. */
  static ValueType resultType(AggregateSpec spec) {
    return switch (spec.function()) {
      case COUNT, COUNT_DISTINCT -> ValueType.LONG;
      case AVG -> spec.argument().type() == ValueType.DOUBLE ? ValueType.DOUBLE : ValueType.DECIMAL;
      default -> spec.argument().type();
    };
  }

  // Defaults shared by the sum and average kinds, whose state is a RunningSum.

  Object create() {
    return new RunningSum();
  }

  abstract Object add(Object state, Object value);

  Object merge(Object a, Object b) {
    ((RunningSum) a).merge((RunningSum) b);
    return a;
  }

  abstract Object result(Object state);

  Object copy(Object state) {
    return ((RunningSum) state).copy();
  }

  void write(DataOutputView out, Object state) throws IOException {
    RunningSum sum = (RunningSum) state;
    out.writeLong(sum.count);
    out.writeLong(sum.longTotal);
    out.writeBoolean(sum.overflow);
    TaggedValues.writeDecimal(out, sum.decimalTotal);
    out.writeDouble(sum.doubleTotal);
  }

  Object read(DataInputView in) throws IOException {
    RunningSum sum = new RunningSum();
    sum.count = in.readLong();
    sum.longTotal = in.readLong();
    sum.overflow = in.readBoolean();
    sum.decimalTotal = TaggedValues.readDecimal(in);
    sum.doubleTotal = in.readDouble();
    return sum;
  }

  private static void writeWithMark(DataOutputView out, Object state) throws IOException {
    SUM_LONG.write(out, state);
    out.writeLong(((RunningSum) state).windowMark);
  }

  private static Object readWithMark(DataInputView in) throws IOException {
    RunningSum sum = (RunningSum) SUM_LONG.read(in);
    sum.windowMark = in.readLong();
    return sum;
  }

  private static BigDecimal toDecimal(Object value) {
    return value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object extreme(Object best, Object value, int sign) {
    if (best == null) {
      return value;
    }
    return ((Comparable) value).compareTo(best) * sign > 0 ? value : best;
  }
}
