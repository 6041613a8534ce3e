package dev.tollgate.engine.eval;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code a % b} for decimals: the exact remainder {@link BigDecimal#remainder(BigDecimal)} gives,
 * value and scale, computed in {@code long} arithmetic when both operands fit. {@code amount % 1000
 * == 0} is a common rule condition, and {@code BigDecimal} divides to the quotient's full precision
 * first, which made it the most expensive part of the rules that use it. The remainder always
 * exists; a precision limit on the quotient ({@code DECIMAL128}) would only make a huge amount
 * modulo a tiny unit fail.
 *
 * <p>The scale follows {@link BigDecimal#divideAndRemainder(BigDecimal)}: the
 * remainder is {@code a - q * b}, where the integral quotient {@code q} has the preferred scale
 * {@code a.scale() - b.scale()} when that is positive or {@code q} is zero, and otherwise is
 * stripped of trailing zeros down to it; so the remainder's scale is {@code a.scale()}, or between
 * that and {@code b.scale()} when {@code b} has more decimals.
 */
final class DecimalRemainder {
  /** Scales up to this are aligned in longs; 10^18 is the largest power of ten a long holds. */
  private static final int MAX_SCALE = 18;
  private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];

  static {
    long power = 1;
    for (int i = 0; i <= MAX_SCALE; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private DecimalRemainder() {}

  /** {@code a % b}; {@code b} is not zero. */
  static BigDecimal of(BigDecimal a, BigDecimal b) {
    int scaleA = a.scale();
    int scaleB = b.scale();
    if (scaleA < 0 || scaleB < 0 || scaleA > MAX_SCALE || scaleB > MAX_SCALE) {
      return a.remainder(b);
    }
    BigInteger unscaledA = a.unscaledValue();
    BigInteger unscaledB = b.unscaledValue();
    if (unscaledA.bitLength() > 62 || unscaledB.bitLength() > 62) {
      return a.remainder(b);
    }
    int scale = Math.max(scaleA, scaleB);
    long x = scaleUp(unscaledA.longValue(), scale - scaleA);
    long y = scaleUp(unscaledB.longValue(), scale - scaleB);
    if (x == Long.MIN_VALUE || y == Long.MIN_VALUE) {
      return a.remainder(b);
    }
    long quotient = x / y;
    if (quotient == 0) {
      // A zero quotient keeps the preferred scale unstripped, so the remainder is a as it is.
      return a;
    }
    long remainder = x - quotient * y;
    if (scaleA > scaleB) {
      return BigDecimal.valueOf(remainder, scaleA);
    }
    int quotientScale = -Math.min(trailingZeros(quotient), scaleB - scaleA);
    int resultScale = Math.max(scaleA, quotientScale + scaleB);
    // Exact: a and q * b are both whole multiples of 10^-resultScale.
    return BigDecimal.valueOf(remainder / POWERS_OF_TEN[scale - resultScale], resultScale);
  }

  /** {@code value * 10^digits}, or {@code Long.MIN_VALUE} if that overflows. */
  private static long scaleUp(long value, int digits) {
    long power = POWERS_OF_TEN[digits];
    long hi = Math.multiplyHigh(value, power);
    long lo = value * power;
    return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? lo : Long.MIN_VALUE;
  }

  private static int trailingZeros(long value) {
    int zeros = 0;
    while (value % 10 == 0) {
      value /= 10;
      zeros++;
    }
    return zeros;
  }
}
