package dev.tollgate.engine.event;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 timestamps with a zone or offset to epoch milliseconds. The shape every producer emits
 * ({@code 2026-03-01T09:00:00[.fff]Z} or {@code ...+02:00}) is parsed by hand without allocating;
 * anything else goes through {@link DateTimeFormatter#ISO_DATE_TIME} (region zones like {@code
 * [Europe/Paris]}). Fractions finer than milliseconds are truncated. A timestamp without zone is
 * refused: its instant would depend on the machine.
 */
public final class IsoTimestamps {
  /** Returned by {@link #parseOrInvalid} for text that is not such a timestamp. */
  public static final long INVALID = Long.MIN_VALUE;

  private IsoTimestamps() {}

  /** Epoch millis of {@code text}, or {@link #INVALID}. */
  public static long parseOrInvalid(String text) {
    long fast = parseCommon(text);
    return fast != INVALID ? fast : parseGeneral(text);
  }

  private static long parseGeneral(String text) {
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
      if (!parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
        return INVALID;
      }
      return parsed.getLong(ChronoField.INSTANT_SECONDS) * 1000 + parsed.getLong(ChronoField.MILLI_OF_SECOND);
    } catch (DateTimeParseException | ArithmeticException e) {
      return INVALID;
    }
  }

  private static long parseCommon(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return INVALID;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return INVALID;
    }
    int i = 19;
    int millis = 0;
    if (s.charAt(i) == '.' || s.charAt(i) == ',') {
      i++;
      int start = i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        if (i - start < 3) {
          millis = millis * 10 + (s.charAt(i) - '0');
        }
        i++;
      }
      int count = i - start;
      if (count == 0 || count > 9) {
        return INVALID;
      }
      for (int k = count; k < 3; k++) {
        millis *= 10;
      }
    }
    if (i >= n) {
      return INVALID;
    }
    int offsetSeconds;
    char zone = s.charAt(i);
    if ((zone == 'Z' || zone == 'z') && i == n - 1) {
      offsetSeconds = 0;
    } else if ((zone == '+' || zone == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 18 || om < 0 || om > 59) {
        return INVALID;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (zone == '-' ? -1 : 1);
    } else {
      return INVALID;
    }
    long epochSeconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return epochSeconds * 1000 + millis;
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}
