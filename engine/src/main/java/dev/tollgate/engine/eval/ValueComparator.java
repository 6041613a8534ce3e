package dev.tollgate.engine.eval;

import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Orders two non-null values of one {@link ValueType}. Chosen once per expression at compile time
 * so comparisons never inspect runtime classes; decimals compare numerically ({@code 9500 ==
 * 9500.00}).
 */
@FunctionalInterface
interface ValueComparator extends Serializable {
  int compare(Object left, Object right);

  /** The comparator for operands of {@code type}. */
  static ValueComparator forType(ValueType type) {
    return switch (type) {
      case STRING -> (a, b) -> ((String) a).compareTo((String) b);
      case LONG, TIMESTAMP, DURATION -> (a, b) -> Long.compare((Long) a, (Long) b);
      case DECIMAL -> (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b);
      case DOUBLE -> (a, b) -> compareDoubles((Double) a, (Double) b);
      case BOOLEAN -> (a, b) -> Boolean.compare((Boolean) a, (Boolean) b);
      case NULL -> (a, b) -> 0;
    };
  }

  /** Like {@link Double#compare} except that {@code 0.0 == -0.0}, as analysts expect. */
  private static int compareDoubles(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    return a == b ? 0 : Double.compare(a, b);
  }
}
