package dev.tollgate.jobs.generate;

import java.time.LocalDate;

/**
 * Formats numbers and timestamps straight into a reusable character buffer: the writer formats several
 * values per event and {@code String.format} or {@code DateTimeFormatter} would dominate the run time.
 */
final class TextFormat {
  /** Length of {@code 2026-03-01T09:00:00.000Z}. */
  static final int TIMESTAMP_LENGTH = 24;

  private long cachedDay = Long.MIN_VALUE;
  private final char[] cachedDate = new char[11];

  /** Writes {@code scaled / 10^decimals} with exactly {@code decimals} decimal places; returns the length. */
  static int fixedPoint(long scaled, int decimals, char[] out, int offset) {
    int at = offset;
    if (scaled < 0) {
      out[at++] = '-';
      scaled = -scaled;
    }
    long unit = 1;
    for (int i = 0; i < decimals; i++) {
      unit *= 10;
    }
    at = digits(scaled / unit, out, at);
    if (decimals > 0) {
      out[at++] = '.';
      at = padded(scaled % unit, decimals, out, at);
    }
    return at - offset;
  }

  /** Writes {@code prefix-0000000042}; returns the length. */
  static int sequenceId(String prefix, long sequence, char[] out) {
    prefix.getChars(0, prefix.length(), out, 0);
    out[prefix.length()] = '-';
    return padded(sequence, 10, out, prefix.length() + 1);
  }

  /** Writes ISO-8601 UTC with milliseconds, {@code 2026-03-01T09:00:00.000Z}; returns the length. */
  int timestamp(long epochMillis, char[] out) {
    long day = Math.floorDiv(epochMillis, Millis.DAY);
    if (day != cachedDay) {
      cacheDate(day);
    }
    System.arraycopy(cachedDate, 0, out, 0, cachedDate.length);
    long ms = Math.floorMod(epochMillis, Millis.DAY);
    padded(ms / Millis.HOUR, 2, out, 11);
    out[13] = ':';
    padded(ms / Millis.MINUTE % 60, 2, out, 14);
    out[16] = ':';
    padded(ms / Millis.SECOND % 60, 2, out, 17);
    out[19] = '.';
    padded(ms % 1000, 3, out, 20);
    out[23] = 'Z';
    return TIMESTAMP_LENGTH;
  }

  private void cacheDate(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    if (date.getYear() < 0 || date.getYear() > 9999) {
      throw new IllegalArgumentException("year out of range: " + date.getYear());
    }
    padded(date.getYear(), 4, cachedDate, 0);
    cachedDate[4] = '-';
    padded(date.getMonthValue(), 2, cachedDate, 5);
    cachedDate[7] = '-';
    padded(date.getDayOfMonth(), 2, cachedDate, 8);
    cachedDate[10] = 'T';
    cachedDay = epochDay;
  }

  private static int digits(long value, char[] out, int at) {
    int length = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      length++;
    }
    return padded(value, length, out, at);
  }

  private static int padded(long value, int width, char[] out, int at) {
    for (int i = width - 1; i >= 0; i--) {
      out[at + i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}
