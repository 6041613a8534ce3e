package dev.tollgate.dsl.check;

import dev.tollgate.dsl.types.ValueType;

/** Type rules shared by the checkers: numeric widening {@code long → decimal → double}. */
final class Types {
  private Types() {}

  /** The wider of two numeric types. */
  static ValueType widen(ValueType a, ValueType b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(ValueType type) {
    return switch (type) {
      case LONG -> 0;
      case DECIMAL -> 1;
      case DOUBLE -> 2;
      default -> -1;
    };
  }

  /**
   * The type two values are compared (or combined by min, max, coalesce) in: the same type, the
   * wider numeric type, or the other type when one side is the null literal; null if they do not
   * mix.
   */
  static ValueType common(ValueType a, ValueType b) {
    if (a == b) {
      return a;
    }
    if (a == ValueType.NULL) {
      return b;
    }
    if (b == ValueType.NULL) {
      return a;
    }
    if (a.isNumeric() && b.isNumeric()) {
      return widen(a, b);
    }
    return null;
  }

  /** Whether values of this type have an order ({@code < <= > >=}, between, min, max). */
  static boolean ordered(ValueType type) {
    return type.isNumeric() || type == ValueType.STRING || type == ValueType.TIMESTAMP
        || type == ValueType.DURATION;
  }

  /** avg of long and decimal is decimal; of double, double. */
  static ValueType average(ValueType argument) {
    return argument == ValueType.DOUBLE ? ValueType.DOUBLE : ValueType.DECIMAL;
  }
}
