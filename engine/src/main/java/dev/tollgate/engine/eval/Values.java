package dev.tollgate.engine.eval;

import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;

/** Conversions of plan constants to the runtime representation {@link ValueType} documents. */
final class Values {
  private Values() {}

  /**
   * {@code value} in the runtime class of {@code type}, or null when it cannot be represented
   * (a non-integral decimal as a long). Used at compile time only, so that constants written by
   * hand or by other tools ({@code Integer}, {@code Double} for a decimal) behave like the engine's
   * own values.
   */
  static Object coerce(Object value, ValueType type) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case LONG, TIMESTAMP, DURATION -> toLong(value);
      case DECIMAL -> toDecimal(value);
      case DOUBLE -> value instanceof Number n ? (Object) n.doubleValue() : value;
      default -> value;
    };
  }

  private static Object toLong(Object value) {
    if (value instanceof Long) {
      return value;
    }
    if (value instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException notIntegral) {
        return null;
      }
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return value;
  }

  private static Object toDecimal(Object value) {
    if (value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      // Double.toString gives the shortest decimal that round-trips: 0.1 → 0.1, not 0.1000000000000000055…
      return new BigDecimal(Double.toString(n.doubleValue()));
    }
    return value;
  }

  /** A decimal in a canonical form, so that equal numbers are {@code equals} and hash alike. */
  static BigDecimal canonical(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }
}
