package dev.tollgate.engine.eval;

import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
  /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years written with four digits. */
  private static final long FIRST_FOUR_DIGIT_YEAR = -62_167_219_200_000L;
  private static final long AFTER_FOUR_DIGIT_YEARS = 253_402_300_800_000L;

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

  /**
   * ISO-8601 UTC, with milliseconds only when there are any ({@code 2026-03-01T09:00:00Z}), as
   * {@link Instant#toString()} writes it. Years 0000 to 9999 are written directly (every alert and
   * window record carries a few timestamps; {@code Instant.toString} goes through a general
   * formatter); other years as {@code Instant} writes them.
   */
  public static String timestamp(long epochMillis) {
    if (epochMillis < FIRST_FOUR_DIGIT_YEAR || epochMillis >= AFTER_FOUR_DIGIT_YEARS) {
      return Instant.ofEpochMilli(epochMillis).toString();
    }
    long epochDay = Math.floorDiv(epochMillis, DAY);
    int millisOfDay = (int) (epochMillis - epochDay * DAY);
    // Civil date from days since 1970-01-01 in the proleptic Gregorian calendar, by 400-year eras
    // starting on 1 March so that the leap day ends a year (H. Hinnant, "chrono-compatible
    // low-level date algorithms").
    long days = epochDay + 719_468;
    long era = Math.floorDiv(days, 146_097);
    int dayOfEra = (int) (days - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthIndex = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);

    int millis = millisOfDay % 1_000;
    byte[] text = new byte[millis == 0 ? 20 : 24];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, month, 2);
    text[7] = '-';
    digits(text, 8, day, 2);
    text[10] = 'T';
    digits(text, 11, millisOfDay / 3_600_000, 2);
    text[13] = ':';
    digits(text, 14, millisOfDay / 60_000 % 60, 2);
    text[16] = ':';
    digits(text, 17, millisOfDay / 1_000 % 60, 2);
    if (millis != 0) {
      text[19] = '.';
      digits(text, 20, millis, 3);
    }
    text[text.length - 1] = 'Z';
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  private static void digits(byte[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
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
