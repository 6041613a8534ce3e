package dev.tollgate.dsl.plan;

import java.util.Locale;

/**
 * Aggregates over a window or a repeated pattern step. Result types: {@code COUNT,
 * COUNT_DISTINCT → long}; {@code SUM} keeps the argument's numeric type; {@code AVG → decimal}
 * for long and decimal arguments ({@link java.math.MathContext#DECIMAL128}), double for double;
 * {@code MIN, MAX} keep the argument's type (numbers, strings, timestamps).
 */
public enum AggregateFunction {
  COUNT, SUM, AVG, MIN, MAX, COUNT_DISTINCT;

  /** The name analysts write. */
  public String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
