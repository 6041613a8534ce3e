package dev.tollgate.engine.eval;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.event.Event;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An aggregate over a short list of events, computed on demand: the events of a repeated pattern
 * step. Nulls are skipped as in SQL: {@code count} of nothing is 0, every other aggregate of
 * nothing is null. Result types follow {@link AggregateFunction}.
 */
final class EventAggregates {
  private EventAggregates() {}

  /**
   * @param position the field read, or -1 for {@code count()} of events
   * @param type the aggregate's result type
   */
  static Object compute(AggregateFunction function, List<Event> events, int position, ValueType type) {
    if (function == AggregateFunction.COUNT) {
      if (position < 0) {
        return (long) events.size();
      }
      long n = 0;
      for (int i = 0, size = events.size(); i < size; i++) {
        if (events.get(i).get(position) != null) {
          n++;
        }
      }
      return n;
    }
    return switch (function) {
      case SUM -> sum(events, position, type);
      case AVG -> avg(events, position, type);
      case MIN -> extreme(events, position, -1);
      case MAX -> extreme(events, position, 1);
      case COUNT_DISTINCT -> countDistinct(events, position);
      default -> throw new IllegalStateException();
    };
  }

  private static Object sum(List<Event> events, int position, ValueType type) {
    boolean any = false;
    switch (type) {
      case LONG, DURATION -> {
        long total = 0;
        for (int i = 0, size = events.size(); i < size; i++) {
          Object v = events.get(i).get(position);
          if (v != null) {
            any = true;
            long x = (Long) v;
            long next = total + x;
            if (((total ^ next) & (x ^ next)) < 0) {
              return null;
            }
            total = next;
          }
        }
        return any ? (Object) total : null;
      }
      case DOUBLE -> {
        double total = 0;
        for (int i = 0, size = events.size(); i < size; i++) {
          Object v = events.get(i).get(position);
          if (v != null) {
            any = true;
            total += ((Number) v).doubleValue();
          }
        }
        return any ? (Object) total : null;
      }
      default -> {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0, size = events.size(); i < size; i++) {
          Object v = events.get(i).get(position);
          if (v != null) {
            any = true;
            total = total.add(toDecimal(v));
          }
        }
        return any ? total : null;
      }
    }
  }

  private static Object avg(List<Event> events, int position, ValueType type) {
    long n = 0;
    if (type == ValueType.DOUBLE) {
      double total = 0;
      for (int i = 0, size = events.size(); i < size; i++) {
        Object v = events.get(i).get(position);
        if (v != null) {
          n++;
          total += ((Number) v).doubleValue();
        }
      }
      return n == 0 ? null : (Object) (total / n);
    }
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0, size = events.size(); i < size; i++) {
      Object v = events.get(i).get(position);
      if (v != null) {
        n++;
        total = total.add(toDecimal(v));
      }
    }
    return n == 0 ? null : total.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object extreme(List<Event> events, int position, int sign) {
    Comparable best = null;
    for (int i = 0, size = events.size(); i < size; i++) {
      Comparable v = (Comparable) events.get(i).get(position);
      if (v != null && (best == null || v.compareTo(best) * sign > 0)) {
        best = v;
      }
    }
    return best;
  }

  private static Object countDistinct(List<Event> events, int position) {
    Set<Object> seen = new HashSet<>();
    for (int i = 0, size = events.size(); i < size; i++) {
      Object v = events.get(i).get(position);
      if (v != null) {
        seen.add(v instanceof BigDecimal d ? Values.canonical(d) : v);
      }
    }
    return (long) seen.size();
  }

  static BigDecimal toDecimal(Object v) {
    return v instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) v).longValue());
  }
}
