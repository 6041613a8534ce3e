package dev.tollgate.engine.eval;

import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * How values read in alert messages: decimals in plain notation ({@code 27300}, never {@code
 * 2.73E+4}), timestamps as ISO-8601 UTC, durations as an analyst writes them ({@code 24h}), null
 * as {@code null}.
 */
public final class ValueFormat {
  private static final long SECOND = 1_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private ValueFormat() {}

  /** Appends {@code value}, of plan type {@code type}, to {@code out}. */
  public static void append(StringBuilder out, Object value, ValueType type) {
    if (value == null) {
      out.append("null");
      return;
    }
    switch (type) {
      case DECIMAL -> out.append(((BigDecimal) value).toPlainString());
      case TIMESTAMP -> out.append(timestamp((Long) value));
      case DURATION -> appendDuration(out, (Long) value);
      case DOUBLE -> appendDouble(out, (Double) value);
      case LONG -> out.append(((Long) value).longValue());
      default -> out.append(value);
    }
  }

  /** ISO-8601 UTC, with milliseconds only when there are any ({@code 2026-03-01T09:00:00Z}). */
  public static String timestamp(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }

  /** The largest unit that divides the duration exactly: {@code 24h} is {@code 1d}, 90 minutes {@code 90m}. */
  public static void appendDuration(StringBuilder out, long millis) {
    if (millis == 0) {
      out.append("0s");
    } else if (millis % DAY == 0) {
      out.append(millis / DAY).append('d');
    } else if (millis % HOUR == 0) {
      out.append(millis / HOUR).append('h');
    } else if (millis % MINUTE == 0) {
      out.append(millis / MINUTE).append('m');
    } else if (millis % SECOND == 0) {
      out.append(millis / SECOND).append('s');
    } else {
      out.append(millis).append("ms");
    }
  }

  private static void appendDouble(StringBuilder out, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.append(value);
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value);
    } else {
      out.append(BigDecimal.valueOf(value).toPlainString());
    }
  }
}
