package dev.tollgate.jobs.ruletest;

import java.math.BigDecimal;

/**
 * Equality of an expected and an actual value as an analyst means it: numbers by value whatever
 * their representation ({@code 50 == 50.00}), everything else by {@code equals}.
 */
final class SameValue {
  private SameValue() {}

  static boolean test(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Number e && actual instanceof Number a) {
      return decimal(e).compareTo(decimal(a)) == 0;
    }
    return expected.equals(actual);
  }

  private static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof Double || number instanceof Float) {
      return BigDecimal.valueOf(number.doubleValue());
    }
    return BigDecimal.valueOf(number.longValue());
  }
}
